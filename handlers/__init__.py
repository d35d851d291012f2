"""Thin adapters from Telegram updates to the domain, one package per feature."""
