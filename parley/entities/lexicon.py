"""The entity stage's language data, read from ``parley/entities/data``.

Each file is one kind of knowledge (roles, stop entities, group nouns, ...), with a header
comment saying where its facts came from. Lines are ``#`` comments, blank, or tab-separated
fields, read through ``parley.datafiles``; a malformed line raises KnowledgeBaseError naming
the file and line. ``EntityResources`` (``parley.entities.resources``) holds the one loaded
copy: nothing here caches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from parley.datafiles import Row, read_rows

__all__ = ["DATA_DIR", "Lexicon", "RegionalRef", "load_lexicon", "load_lexicon_from"]

DATA_DIR = Path(__file__).with_name("data")

# CAMEO sector codes are three capitals; "-" in a data file means "no sector".
_SECTOR = re.compile(r"^(?:[A-Z]{3}|-)$")
_ISO3 = re.compile(r"^[A-Z]{3}$")


def _check(row: Row, value: str, pattern: re.Pattern[str], what: str) -> None:
    if not pattern.match(value):
        raise row.fail(f"{what} {value!r} is not valid")


def _sector(value: str) -> str | None:
    return None if value == "-" else value


@dataclass(frozen=True, slots=True)
class RegionalRef:
    phrase: str  # "the North"
    context: frozenset[str]  # ISO3 codes, one of which the article must name
    country: str  # ISO3 the phrase then stands for
    sector: str | None = None  # "the puppet forces": a sector of that country (MIL)


@dataclass(frozen=True, slots=True)
class Lexicon:
    roles: dict[str, str | None]  # title as written -> sector
    roles_folded: dict[str, str | None]  # case-folded title -> sector
    role_first_words: frozenset[str]  # case-folded first words of the titles, a quick filter
    title_heads: frozenset[str]
    title_modifiers: frozenset[str]  # lower case
    stop_entities: frozenset[str]  # case-folded
    stop_tokens: frozenset[str]
    regional_refs: tuple[RegionalRef, ...]
    group_nouns: dict[str, str | None]  # lower case noun -> sector (None: the country itself)
    org_words: dict[str, tuple[str, str | None]]  # word -> (kind, sector)
    media_nouns: frozenset[str]
    location_heads: frozenset[str]
    pronouns: dict[str, str]  # lower case pronoun -> gender "m" | "f"
    supranational_words: frozenset[str] = frozenset()  # "International", "World", ...
    member_nouns: frozenset[str] = frozenset()  # "spokesman", "delegation": act for a body
    # The groups that take the article's country: word -> "collective" ("police"), "outside"
    # ("foreign"), "never" ("refugees").
    context_words: dict[str, str] = field(default_factory=dict)
    # "the country", "the committee": noun -> (entity kind, whether the name must hold it)
    kind_nouns: dict[str, tuple[str, bool]] = field(default_factory=dict)
    # Family names written first in a three-word name ("Lee Myung Bak"): "Lee" is its bare form.
    family_first: frozenset[str] = frozenset()
    # Family names written first in a two-word name too ("Wang Yi"): Chinese ones.
    family_first_pairs: frozenset[str] = frozenset()
    # Syllables of Korean given names ("Sok", "Nam"): a family name of ``family_first`` and
    # two of these are one person's name, whatever the model made of the three words.
    korean_syllables: frozenset[str] = frozenset()
    # Given names of one gender ("Bernie" m, "Hillary" f): a person's before any pronoun.
    given_names: dict[str, str] = field(default_factory=dict)
    # Last words of a name that make it a place ("Demarcation Line", "Zone"), as word tuples.
    place_name_ends: frozenset[tuple[str, ...]] = frozenset()

    def role_sector(self, role: str) -> str | None:
        """The fallback sector of a title: exact, then case-folded, then by its head word."""
        if role in self.roles:
            return self.roles[role]
        if role.casefold() in self.roles_folded:
            return self.roles_folded[role.casefold()]
        # "head of overseas strategies research": the head word before "of"/"for".
        head = re.split(r"\s+(?:of|for|at|to)\s+", role, maxsplit=1)[0].split()
        return self.roles_folded.get(head[-1].casefold()) if head else None


def load_lexicon_from(data_dir: Path) -> Lexicon:
    def words(name: str) -> list[str]:
        # Exactly one field: a tab in a word list is a mistake worth reporting.
        return [row.fields[0] for row in read_rows(data_dir / name, 1)]

    roles: dict[str, str | None] = {}
    for row in read_rows(data_dir / "roles.tsv", 2):
        title, sector = row.fields
        _check(row, sector, _SECTOR, "sector")
        roles[title] = _sector(sector)
    regional = []
    for row in read_rows(data_dir / "regional_refs.tsv", at_least=3):
        if len(row.fields) > 4:
            raise row.fail(f"expected 3 or 4 tab-separated fields, got {len(row.fields)}")
        phrase, context, country = row.fields[:3]
        sector = row.fields[3] if len(row.fields) == 4 else "-"
        codes = frozenset(code.strip() for code in context.split(","))
        for code in (*codes, country):
            _check(row, code, _ISO3, "country code")
        _check(row, sector, _SECTOR, "sector")
        regional.append(RegionalRef(phrase, codes, country, _sector(sector)))
    groups: dict[str, str | None] = {}
    for row in read_rows(data_dir / "group_nouns.tsv", 2):
        noun, sector = row.fields
        _check(row, sector, _SECTOR, "sector")
        groups[noun.lower()] = _sector(sector)
    org_words: dict[str, tuple[str, str | None]] = {}
    for row in read_rows(data_dir / "org_words.tsv", 3):
        word, kind, sector = row.fields
        if kind not in ("organization", "media"):
            raise row.fail(f"kind {kind!r} is not valid")
        _check(row, sector, _SECTOR, "sector")
        org_words[word] = (kind, _sector(sector))
    context_words: dict[str, str] = {}
    for row in read_rows(data_dir / "context_words.tsv", 2):
        word, kind = row.fields
        if kind not in ("collective", "outside", "never", "writer"):
            raise row.fail(f"kind {kind!r} is not collective, outside, never or writer")
        context_words[word.lower()] = kind
    kind_nouns: dict[str, tuple[str, bool]] = {}
    for row in read_rows(data_dir / "kind_nouns.tsv", 3):
        noun, kind, named = row.fields
        if kind not in ("country", "organization", "government", "member") or named not in (
            "named",
            "-",
        ):
            raise row.fail(f"kind {kind!r} or {named!r} is not valid")
        kind_nouns[noun.lower()] = (kind, named == "named")
    given_names: dict[str, str] = {}
    for row in read_rows(data_dir / "given_names.tsv", 2):
        name, gender = row.fields
        if gender not in ("m", "f"):
            raise row.fail(f"gender {gender!r} is not m or f")
        given_names[name] = gender
    pronouns = {}
    for row in read_rows(data_dir / "pronouns.tsv", 2):
        word, gender = row.fields
        if gender not in ("m", "f"):
            raise row.fail(f"gender {gender!r} is not m or f")
        pronouns[word.lower()] = gender
    return Lexicon(
        roles=roles,
        roles_folded={k.casefold(): v for k, v in roles.items()},
        role_first_words=frozenset(k.split()[0].casefold() for k in roles),
        title_heads=frozenset(words("title_heads.txt")),
        title_modifiers=frozenset(w.lower() for w in words("title_modifiers.txt")),
        stop_entities=frozenset(w.casefold() for w in words("stop_entities.txt")),
        stop_tokens=frozenset(words("stop_tokens.txt")),
        regional_refs=tuple(regional),
        group_nouns=groups,
        org_words=org_words,
        media_nouns=frozenset(w.lower() for w in words("media_nouns.txt")),
        location_heads=frozenset(w.lower() for w in words("location_heads.txt")),
        pronouns=pronouns,
        supranational_words=frozenset(words("supranational_words.txt")),
        member_nouns=frozenset(w.lower() for w in words("member_nouns.txt")),
        context_words=context_words,
        kind_nouns=kind_nouns,
        family_first=frozenset(words("family_first.txt")),
        family_first_pairs=frozenset(words("family_first_pairs.txt")),
        korean_syllables=frozenset(words("korean_syllables.txt")),
        given_names=given_names,
        place_name_ends=frozenset(tuple(w.split()) for w in words("place_name_ends.txt")),
    )


def load_lexicon() -> Lexicon:
    """The packaged lexicon (read anew on each call: EntityResources keeps the copy)."""
    return load_lexicon_from(DATA_DIR)
