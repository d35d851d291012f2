"""The fixed list of sectors (areas of cooperation) shared by the guide, offers, needs and aid.

Codes are stable: they are stored in the database and in callback data, so never rename one.
Labels are gettext message ids, translated where they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.i18n import N_


class _Translates(Protocol):
    def _(self, message: str, /, **values: object) -> str: ...


@dataclass(frozen=True)
class Sector:
    code: str
    label: str


SECTORS: tuple[Sector, ...] = (
    Sector("water", N_("Water supply")),
    Sector("wastewater", N_("Wastewater")),
    Sector("energy", N_("Energy")),
    Sector("heating", N_("Heating")),
    Sector("health", N_("Health and hospitals")),
    Sector("education", N_("Education")),
    Sector("culture", N_("Culture")),
    Sector("youth", N_("Youth")),
    Sector("idp", N_("IDP integration")),
    Sector("shelters", N_("Shelters")),
    Sector("waste", N_("Waste management")),
    Sector("reconstruction", N_("Reconstruction")),
    Sector("economy", N_("Economy")),
    Sector("digital", N_("Digital services")),
    Sector("utilities", N_("Utilities")),
    Sector("sport", N_("Sport")),
    Sector("tourism", N_("Tourism")),
    Sector("agriculture", N_("Agriculture")),
    Sector("environment", N_("Environment")),
    Sector("administration", N_("Public administration")),
)

# Aid for something none of the areas names. Not an area of cooperation: the guide, offers
# and needs do not list it.
OTHER = Sector("other", N_("Other"))

SECTOR_CODES: frozenset[str] = frozenset(sector.code for sector in SECTORS)
_BY_CODE = {sector.code: sector for sector in (*SECTORS, OTHER)}


def sector_label(code: str, t: _Translates) -> str:
    """The sector's name in the translator's language; an unknown code is shown as it is."""
    sector = _BY_CODE.get(code)
    return t._(sector.label) if sector else code


def sector_labels(codes: list[str] | tuple[str, ...], t: _Translates) -> list[str]:
    """Labels of known codes, in the fixed list's order (so every screen lists them alike)."""
    chosen = set(codes)
    return [t._(sector.label) for sector in SECTORS if sector.code in chosen]
