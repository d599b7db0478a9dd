"""The records of the actor knowledge base: countries and actors (people, organisations,
media), each fact with its source file and line so a coded actor can be traced back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from parley.records import EntityKind

__all__ = ["ENTITY_KINDS", "Actor", "Country"]

ENTITY_KINDS: frozenset[str] = frozenset(
    ("person", "organization", "media", "country", "location", "group", "other")
)


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str  # ISO 3166-1 alpha-3 (or the customary code where ISO has none: Kosovo XKX)
    code: str  # CAMEO country code, usually the iso3; differs for a few (Kosovo KSV)
    name: str  # canonical English name
    names: tuple[str, ...]  # every name and short form, the canonical one included
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    source: str = ""  # "parley:countries.tsv:12"


@dataclass(frozen=True, slots=True)
class Actor:
    """One fact about a person or organisation: who, which code, valid from ``start`` until
    (not including) ``end``. A person who held two offices has two Actor facts."""

    name: str  # canonical: "Mike Pompeo"
    aliases: tuple[str, ...]  # other full forms and acronyms: "Michael Pompeo", "VOA"
    kind: EntityKind
    code: str | None  # CAMEO-style actor code: "USAGOV", "IGOUNO", "PRKMED"
    country: str | None  # ISO alpha-3, None for IGOs and NGOs
    sector: str | None  # GOV, MIL, MED, EDU, BUS, ... ; IGO, NGO, MNC for international codes
    roles: tuple[str, ...]  # "Secretary of State"
    start: date | None  # None: open
    end: date | None  # exclusive; None: open
    source: str  # "parley:people.tsv:12", "petrarch:Phoenix.Countries.actors.txt:345"
    # The family name for surname matching ("Kim" for "Kim Jong Un"); None: not a person.
    surname: str | None = None

    def valid_on(self, on: date) -> bool:
        """True when this fact holds on ``on`` (start inclusive, end exclusive, so on an
        inauguration day the new office holder is the one in office)."""
        if self.start is not None and on < self.start:
            return False
        return not (self.end is not None and on >= self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None
