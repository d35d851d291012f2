"""The wording conventions of official documents, apart from their layout in Word
(`bot.domain.official_docx`), so letters can be composed without loading python-docx."""

from __future__ import annotations

import re

# A field the records office fills in by hand once the document is registered.
BLANK_DATE = "____________"
BLANK_NUMBER = "____________"


def sentence(text: str) -> str:
    """Text that ends in exactly one full stop: typed text may or may not bring its own."""
    text = " ".join(text.split()).rstrip()
    text = re.sub(r"\.{2,}$", ".", text)
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."
