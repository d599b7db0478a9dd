"""The entity stage's language data, read once per process from ``parley/entities/data``.

Each file is one kind of knowledge (roles, stop entities, group nouns, ...), with a header
comment saying where its facts came from. Lines are ``#`` comments, blank, or tab-separated
fields; a malformed line raises KnowledgeBaseError naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from parley.errors import KnowledgeBaseError

__all__ = ["DATA_DIR", "Lexicon", "RegionalRef", "load_lexicon", "read_rows"]

DATA_DIR = Path(__file__).with_name("data")

# CAMEO sector codes are three capitals; "-" in a data file means "no sector".
_SECTOR = re.compile(r"^(?:[A-Z]{3}|-)$")
_ISO3 = re.compile(r"^[A-Z]{3}$")


def read_rows(path: Path, fields: int) -> list[tuple[str, ...]]:
    """The data rows of one file, each with exactly ``fields`` tab-separated fields."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise KnowledgeBaseError(f"cannot read entity data file {path.name}: {err}") from err
    rows: list[tuple[str, ...]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = tuple(part.strip() for part in line.split("\t"))
        if len(parts) != fields or not all(parts):
            raise KnowledgeBaseError(
                f"{path.name}:{number}: expected {fields} tab-separated fields, got {line!r}"
            )
        rows.append(parts)
    return rows


def _check(path: Path, value: str, pattern: re.Pattern[str], what: str) -> None:
    if not pattern.match(value):
        raise KnowledgeBaseError(f"{path.name}: {what} {value!r} is not valid")


def _sector(value: str) -> str | None:
    return None if value == "-" else value


@dataclass(frozen=True, slots=True)
class RegionalRef:
    phrase: str  # "the North"
    context: frozenset[str]  # ISO3 codes, one of which the article must name
    country: str  # ISO3 the phrase then stands for


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
    group_nouns: dict[str, str]  # lower case noun -> sector
    org_words: dict[str, tuple[str, str | None]]  # word -> (kind, sector)
    media_nouns: frozenset[str]
    location_heads: frozenset[str]
    pronouns: dict[str, str]  # lower case pronoun -> gender "m" | "f"
    supranational_words: frozenset[str] = frozenset()  # "International", "World", ...

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
        return [row[0] for row in read_rows(data_dir / name, 1)]

    roles: dict[str, str | None] = {}
    for title, sector in read_rows(data_dir / "roles.tsv", 2):
        _check(data_dir / "roles.tsv", sector, _SECTOR, "sector")
        roles[title] = _sector(sector)
    regional = []
    path = data_dir / "regional_refs.tsv"
    for phrase, context, country in read_rows(path, 3):
        codes = frozenset(code.strip() for code in context.split(","))
        for code in (*codes, country):
            _check(path, code, _ISO3, "country code")
        regional.append(RegionalRef(phrase, codes, country))
    groups: dict[str, str] = {}
    for noun, sector in read_rows(data_dir / "group_nouns.tsv", 2):
        _check(data_dir / "group_nouns.tsv", sector, _SECTOR, "sector")
        groups[noun.lower()] = sector
    org_words: dict[str, tuple[str, str | None]] = {}
    for word, kind, sector in read_rows(data_dir / "org_words.tsv", 3):
        if kind not in ("organization", "media"):
            raise KnowledgeBaseError(f"org_words.tsv: kind {kind!r} is not valid")
        _check(data_dir / "org_words.tsv", sector, _SECTOR, "sector")
        org_words[word] = (kind, _sector(sector))
    pronouns = {}
    for word, gender in read_rows(data_dir / "pronouns.tsv", 2):
        if gender not in ("m", "f"):
            raise KnowledgeBaseError(f"pronouns.tsv: gender {gender!r} is not m or f")
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
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon, read once per process."""
    return load_lexicon_from(DATA_DIR)
