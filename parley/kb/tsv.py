"""Reader for Parley's own knowledge files (TSV, UTF-8).

Every file starts with ``#`` comment lines saying where its facts came from, then a header
row naming its columns; the header tells which kind of file it is, so users can add their
own files in any of the formats without naming the kind:

    countries   iso3  code  name  names  demonyms  capitals
    actors      name  aliases  kind  code  country  sector  roles  start  end  [surname]
    roles       role  sector
    org words   word  sector

Several values in one cell are separated by ``|``. Dates are ``YYYY-MM-DD`` or empty. A
person's surname ``-`` says the person is found by the full name only (an empty surname
means the name's last word).
Blank lines and lines starting with ``#`` are skipped anywhere. Lines are read through
``parley.datafiles``; a malformed line raises KnowledgeBaseError naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import cast

from parley.datafiles import read_lines
from parley.errors import KnowledgeBaseError
from parley.kb.model import ENTITY_KINDS, Actor, Country
from parley.records import EntityKind

__all__ = ["TsvKnowledge", "read_tsv"]

_CODE = re.compile(r"^[A-Z0-9]{3,15}$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_SECTOR = re.compile(r"^[A-Z]{3}$")

_COUNTRY_COLUMNS = ("iso3", "code", "name", "names", "demonyms", "capitals")
_ACTOR_REQUIRED = ("name",)
_ACTOR_COLUMNS = (
    "name",
    "aliases",
    "kind",
    "code",
    "country",
    "sector",
    "roles",
    "start",
    "end",
    "surname",
)


@dataclass(slots=True)
class TsvKnowledge:
    """What one file contributed; the knowledge base merges several of these."""

    countries: list[Country] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    roles: list[tuple[str, str | None, str]] = field(default_factory=list)  # phrase, sector, src
    org_words: list[tuple[str, str | None, str]] = field(default_factory=list)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _date(cell: str, where: str) -> date | None:
    if not cell:
        return None
    try:
        return date.fromisoformat(cell)
    except ValueError:
        raise KnowledgeBaseError(f"{where}: bad date {cell!r} (want YYYY-MM-DD)") from None


def _kind_of(header: list[str], where: str) -> str:
    columns = set(header)
    if "iso3" in columns:
        missing = [c for c in _COUNTRY_COLUMNS if c not in columns]
        if missing:
            raise KnowledgeBaseError(f"{where}: countries header lacks {', '.join(missing)}")
        return "countries"
    if "role" in columns and "sector" in columns:
        return "roles"
    if "word" in columns and "sector" in columns:
        return "org_words"
    if "name" in columns:
        unknown = [c for c in header if c not in _ACTOR_COLUMNS]
        if unknown:
            raise KnowledgeBaseError(f"{where}: unknown actor column(s) {', '.join(unknown)}")
        return "actors"
    raise KnowledgeBaseError(
        f"{where}: header row not recognised (want iso3/code/name/..., name/aliases/kind/..., "
        "role/sector or word/sector)"
    )


def _sector(cell: str, where: str) -> str | None:
    # "-" says on purpose that the word alone does not tell the sector ("spokesman").
    if not cell or cell == "-":
        return None
    if not _SECTOR.match(cell):
        raise KnowledgeBaseError(f"{where}: bad sector {cell!r} (want three capitals: GOV)")
    return cell


def _country(row: dict[str, str], where: str) -> Country:
    iso3, code, name = row["iso3"], row["code"], row["name"]
    if not _ISO3.match(iso3):
        raise KnowledgeBaseError(f"{where}: bad iso3 {iso3!r}")
    if not _CODE.match(code):
        raise KnowledgeBaseError(f"{where}: bad CAMEO code {code!r}")
    if not name:
        raise KnowledgeBaseError(f"{where}: country without a name")
    names = _split(row["names"])
    if name not in names:
        names = (name, *names)
    return Country(iso3, code, name, names, _split(row["demonyms"]), _split(row["capitals"]), where)


def _actor(row: dict[str, str], where: str) -> Actor:
    name = row.get("name", "")
    if not name:
        raise KnowledgeBaseError(f"{where}: actor without a name")
    kind = row.get("kind", "") or "other"
    if kind not in ENTITY_KINDS:
        raise KnowledgeBaseError(f"{where}: unknown kind {kind!r}")
    code = row.get("code", "") or None
    if code is not None and not _CODE.match(code):
        raise KnowledgeBaseError(f"{where}: bad actor code {code!r}")
    country = row.get("country", "") or None
    if country is not None and not _ISO3.match(country):
        raise KnowledgeBaseError(f"{where}: bad country {country!r} (want ISO alpha-3)")
    start = _date(row.get("start", ""), where)
    end = _date(row.get("end", ""), where)
    if start is not None and end is not None and end <= start:
        raise KnowledgeBaseError(f"{where}: end {end} is not after start {start}")
    surname = row.get("surname", "") or None
    if surname == "-":
        # On purpose: this person is matched by the full name only.
        surname = None
    elif surname is None and kind == "person":
        # Western order by default; East Asian names give their family name explicitly.
        surname = name.split()[-1]
    return Actor(
        name=name,
        aliases=_split(row.get("aliases", "")),
        kind=cast(EntityKind, kind),
        code=code,
        country=country,
        sector=_sector(row.get("sector", ""), where),
        roles=_split(row.get("roles", "")),
        start=start,
        end=end,
        source=where,
        surname=surname,
    )


def read_tsv(path: Path, label: str = "user") -> TsvKnowledge:
    """Read one knowledge file; ``label`` prefixes the source of every fact ("parley")."""
    out = TsvKnowledge()
    header: list[str] | None = None
    kind = ""
    for line in read_lines(path):
        cells = list(line.fields)
        # The fact's source and every error name the file and line ("user:mine.tsv:3").
        where = f"{label}:{line.where}"
        if header is None:
            header = [c.casefold() for c in cells]
            kind = _kind_of(header, where)
            continue
        if len(cells) > len(header):
            raise KnowledgeBaseError(f"{where}: {len(cells)} columns, the header has {len(header)}")
        row = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))
        if kind == "countries":
            out.countries.append(_country(row, where))
        elif kind == "actors":
            out.actors.append(_actor(row, where))
        else:
            phrase = row["role" if kind == "roles" else "word"]
            if not phrase:
                raise KnowledgeBaseError(f"{where}: empty {kind[:-1].replace('_', ' ')}")
            entry = (phrase, _sector(row["sector"], where), where)
            (out.roles if kind == "roles" else out.org_words).append(entry)
    if header is None:
        raise KnowledgeBaseError(f"{label}:{path.name}: no header row")
    return out
