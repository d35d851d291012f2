"""People's names in official documents: «Ім’я ПРІЗВИЩЕ», in the case a sentence needs.

Ukrainian (Cyrillic) names are declined with shevchenko (the `shevchenko-py` port of
shevchenko.js, data shipped in the wheel, no network). A name in Latin script is not
Ukrainian text and keeps its form. Declension needs the person's grammatical gender: given,
or told from the first name; when neither works the name is not declined (None), and the
caller writes a construction that needs no ending instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.grammar.declension import APOSTROPHE, Case, decline_phrase

_SHEVCHENKO_CASE = {
    Case.NOMINATIVE: "nominative",
    Case.GENITIVE: "genitive",
    Case.DATIVE: "dative",
    Case.ACCUSATIVE: "accusative",
    Case.INSTRUMENTAL: "ablative",
    Case.LOCATIVE: "locative",
    Case.VOCATIVE: "vocative",
}
_GENDER = {"m": "masculine", "f": "feminine"}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def is_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


@dataclass(frozen=True)
class Person:
    given: str
    family: str
    gender: str | None = None  # "m" or "f"; None: told from the first name where possible

    @property
    def grammatical_gender(self) -> str | None:
        if self.gender in _GENDER:
            return _GENDER[self.gender]
        if not is_cyrillic(self.given):
            return None
        # Its name tables load with the first name declined, not at every start of the bot.
        import shevchenko

        detected = shevchenko.detect_gender(given_name=self.given.replace(APOSTROPHE, "'"))
        return str(detected) if detected else None

    def official(self, case: Case = Case.NOMINATIVE) -> str | None:
        """«Ігор САПОЖКО», «Ігорем САПОЖКОМ»; None when the name cannot be declined safely."""
        given, family = self.given, self.family.upper()
        if case is Case.NOMINATIVE or not is_cyrillic(given + family):
            return f"{given} {family}".strip()
        gender = self.grammatical_gender
        if gender is None:
            return None
        fields = {"given_name": given.replace(APOSTROPHE, "'")}
        if family:
            fields["family_name"] = family.replace(APOSTROPHE, "'")
        import shevchenko

        declined = shevchenko.in_case(_SHEVCHENKO_CASE[case], fields, gender=gender)
        words = [declined["given_name"], declined.get("family_name", "")]
        return " ".join(w for w in words if w).replace("'", APOSTROPHE)


_PATRONYMIC = re.compile(r"(ович|евич|йович|івна|ївна|овна|ична)$", re.IGNORECASE)


def parse_person(text: str, gender: str | None = None) -> Person | None:
    """A typed full name as a Person: «Іван Дирів», «ДИРІВ Іван», «Іван Іванович Дирів».

    The patronymic is dropped: the official style is «Ім’я ПРІЗВИЩЕ». A surname typed in
    capitals is taken as the surname wherever it stands.
    """
    words = [w for w in text.replace("'", APOSTROPHE).split() if w.strip(",.")]
    words = [w.strip(",.") for w in words]
    if not words:
        return None
    if len(words) == 1:
        return Person(given=words[0], family="", gender=gender)
    capitals = [w for w in words if w.isupper() and len(w) > 1]
    if len(capitals) == 1:
        family = capitals[0]
        rest = [w for w in words if w is not family]
    else:
        family, rest = words[-1], words[:-1]
    given = next((w for w in rest if not _PATRONYMIC.search(w)), rest[0])
    return Person(
        given=given, family=family.capitalize() if family.isupper() else family, gender=gender
    )


def position(text: str, case: Case) -> str | None:
    """A position in `case`: «міському голові», «обер-бургомістрові міста Єна»; None if unsure."""
    return decline_phrase(text, case)
