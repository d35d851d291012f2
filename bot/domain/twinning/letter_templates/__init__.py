"""Letter-of-intent templates, one per language: the partner's side is written from the
template of the partner's language, English where there is none."""

from __future__ import annotations

from bot.domain.twinning.letter_templates.base import Letter, LetterTemplate
from bot.domain.twinning.letter_templates.de import German
from bot.domain.twinning.letter_templates.en import English
from bot.domain.twinning.letter_templates.lt import Lithuanian
from bot.domain.twinning.letter_templates.pl import Polish
from bot.domain.twinning.letter_templates.uk import Ukrainian

TEMPLATES: dict[str, LetterTemplate] = {
    template.language: template
    for template in (Ukrainian(), English(), German(), Polish(), Lithuanian())
}
FALLBACK = "en"


def template_for(language: str) -> LetterTemplate:
    return TEMPLATES.get(language) or TEMPLATES[FALLBACK]


__all__ = ["FALLBACK", "TEMPLATES", "Letter", "LetterTemplate", "template_for"]
