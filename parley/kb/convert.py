"""Convert TABARI/PETRARCH actor and agent dictionaries into Parley's knowledge files.

The Phoenix dictionaries of the PETRARCH projects are Parley's third source of actor
knowledge (after the user's files and Parley's own tables). They ship in the package
converted, not as the original files, so that every lookup goes through one reader
(``parley.kb.tsv``) and every fact names its line in a file of ours:

- an actor dictionary becomes an actor file (``name aliases kind code country sector roles
  start end surname``): one row per code block, with the block's dates; the first row of an
  entry carries its synonyms (the knowledge base shares them among the entry's rows). The
  codes ``---`` and ``+++`` ("not an actor") give no row. People get the surname ``-``: the
  dictionaries name people only in full, and a family name alone ("Kim", "Nam") from tens of
  thousands of entries would claim every bare surname in the news;
- an agent dictionary becomes a roles file (``role sector``): every spelling of an agent
  (its substitution sets expanded, its plurals) with the first sector of its code.

Every converted file starts with a header naming the source repository, the commit, the file
and its licence. ``scripts/convert_phoenix.py`` remakes the packaged files.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from parley.errors import KnowledgeBaseError
from parley.kb.model import Actor
from parley.kb.petrarch import read_petrarch

__all__ = ["Origin", "convert_actors", "convert_agents", "convert_dictionary"]

_ACTOR_HEADER = "name\taliases\tkind\tcode\tcountry\tsector\troles\tstart\tend\tsurname"
_ROLE_HEADER = "role\tsector"
# Characters that would break a TSV cell or the "|" list inside one.
_UNSAFE = str.maketrans({"\t": " ", "|": " ", "\r": " ", "\n": " "})


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a dictionary came from, for the converted file's header."""

    repository: str  # "openeventdata/petrarch2"
    commit: str  # the commit the file was taken from
    path: str  # the file's path in that repository
    licence: str  # "MIT, (c) 2014 Open Event Data Alliance"

    def header(self, what: str) -> list[str]:
        return [
            f"# {what}",
            f"# Converted by Parley (parley.kb.convert) from {self.repository}, commit "
            f"{self.commit},",
            f"# file {self.path}. Licence of the source: {self.licence}.",
            "# Generated file: do not edit by hand; remake it with scripts/convert_phoenix.py.",
        ]


def _cell(text: str) -> str:
    return " ".join(text.translate(_UNSAFE).split())


# Short words inside an organisation's name that are words, not acronyms.
_FUNCTION_WORDS = frozenset(("of", "the", "for", "and", "de", "la", "le", "al", "el", "in", "on"))
# An organisation named by one word this short is an acronym ("UN", "IAEA", "NATO").
_ACRONYM_LETTERS = 5
# Any one-word name this short is an acronym ("US" among the United States' synonyms).
_SHORT_WORD = 3


def _display(name: str, kind: str) -> str:
    """A dictionary name in the case news copy writes it. The dictionaries write every name
    in capitals and the reader gives them title case; short words are acronyms ("US",
    "UN Secretary General", "IAEA"), and must stay so: the knowledge base matches a name
    given only in capitals of four letters or fewer to capitals alone, so that "Us" does not
    claim the pronoun nor "Un" the French article."""
    words = name.split()
    if len(words) > 1 and words[0].lower() == "the":
        # Lookups ignore a leading "the"; without it, "The Us" is seen to be an acronym.
        words = words[1:]
        name = " ".join(words)
    letters = sum(ch.isalpha() for ch in name)
    organisation = kind in ("organization", "media", "group")
    if len(words) == 1 and letters <= (_ACRONYM_LETTERS if organisation else _SHORT_WORD):
        # "US" and "UN" among a country's synonyms are acronyms too, not "Us" and "Un".
        return name.upper()
    out = []
    for n, word in enumerate(words):
        if n and word.lower() in _FUNCTION_WORDS:
            word = word.lower()  # "Syrian Observatory for Human Rights"
        elif organisation and len(word) == 2 and word.isalpha():
            word = word.upper()  # "UN Secretary General", "US Congress"
        out.append(word)
    return " ".join(out)


def _day(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


# One-word names of organisations in the dictionaries that are ordinary English words, found
# by reading the converted lists: a capitalised "Organization" or "Youth" in a sentence is no
# actor.
_GENERIC_NAMES = frozenset(
    (
        "organization",
        "organisation",
        "foundation",
        "youth",
        "falcon",
        "lightning",
        "tigers",
        "cornerstone",
        "avengers",
        "mavericks",
        "inevitables",
        "extraditables",
        "boogeymen",
        "insula",
        "guardian",
        "venceremos",
    )
)


def _generic(name: str, kind: str) -> bool:
    return kind != "person" and name.casefold() in _GENERIC_NAMES


def _loose_alias(alias: str, actor: Actor) -> bool:
    """A one-word synonym of an organisation that is not an acronym ("Youth" for a Basque
    group, "Hizbullah" beside "Hezbollah"): such words are ordinary words or spellings too
    loose to code an actor on their own; the organisation keeps its full names. People and
    places keep theirs (a family name, a city)."""
    if actor.kind not in ("organization", "media", "group") or " " in alias:
        return False
    return not alias.isupper() or alias.casefold() in _GENERIC_NAMES


def _actor_rows(actors: Iterable[Actor]) -> list[str]:
    rows: list[str] = []
    previous: tuple[str, tuple[str, ...]] | None = None
    for actor in actors:
        if actor.code is None:
            continue
        name = _display(_cell(actor.name), actor.kind)
        if not name:
            continue
        if _generic(name, actor.kind):
            continue
        entry = (name, actor.aliases)
        # One entry's facts come together; its synonyms go on its first row only.
        spelled = (_display(_cell(a), actor.kind) for a in actor.aliases)
        aliases = (
            ""
            if entry == previous
            else "|".join(
                dict.fromkeys(a for a in spelled if a and a != name and not _loose_alias(a, actor))
            )
        )
        previous = entry
        surname = "-" if actor.kind == "person" else ""
        rows.append(
            "\t".join(
                (
                    name,
                    aliases,
                    actor.kind,
                    actor.code,
                    actor.country or "",
                    actor.sector or "",
                    "",
                    _day(actor.start),
                    _day(actor.end),
                    surname,
                )
            )
        )
    return rows


def convert_actors(path: Path, origin: Origin, country_codes: frozenset[str]) -> str:
    """An actor dictionary as the text of a Parley actor file."""
    read = read_petrarch(path, country_codes)
    if not read.actors:
        raise KnowledgeBaseError(f"{path.name}: no actors to convert (an agent dictionary?)")
    lines = [
        *origin.header(f"Actors from the PETRARCH dictionary {path.name}."),
        "# One row per code block, with its dates (start inclusive, end exclusive); codes "
        "--- and +++ left out.",
        "# surname '-': people are matched by their full names only.",
        *(f"# skipped in the source: {warning}" for warning in read.warnings),
        _ACTOR_HEADER,
        *_actor_rows(read.actors),
    ]
    return "\n".join(lines) + "\n"


def convert_agents(path: Path, origin: Origin) -> str:
    """An agent dictionary as the text of a Parley roles file."""
    read = read_petrarch(path)
    if not read.roles:
        raise KnowledgeBaseError(f"{path.name}: no agents to convert (an actor dictionary?)")
    seen: dict[str, str] = {}
    for phrase, sector, _where in read.roles:
        key = _cell(phrase)
        if key and key not in seen:
            seen[key] = sector or "-"
    lines = [
        *origin.header(f"Agents (role words -> CAMEO sector) from {path.name}."),
        "# Every spelling of an agent (substitution sets expanded, plurals listed) with the "
        "first sector of its code.",
        *(f"# skipped in the source: {warning}" for warning in read.warnings),
        _ROLE_HEADER,
        *(f"{phrase}\t{sector}" for phrase, sector in seen.items()),
    ]
    return "\n".join(lines) + "\n"


def convert_dictionary(path: Path, origin: Origin, country_codes: frozenset[str]) -> str:
    """An actor or agent dictionary (told apart by its codes) as a Parley knowledge file."""
    read = read_petrarch(path, country_codes)
    if read.roles and not read.actors:
        return convert_agents(path, origin)
    return convert_actors(path, origin, country_codes)
