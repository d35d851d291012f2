"""Parsers for what users type: dates, times, money amounts and quantities."""
