"""Rules that know nothing of Telegram, one package per feature."""
