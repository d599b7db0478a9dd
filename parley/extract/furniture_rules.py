"""The knowledge the furniture classifiers read, loaded once: footers, agencies, news domains,
genres, byline roles, credit words and title markers (``data/``), the patterns compiled from
them, and the stamp tables. Also the one line normalisation every classifier starts with.

``FurnitureRules.load(data_dir)`` reads every file; a malformed line raises
KnowledgeBaseError naming its file and line. ``ExtractResources.load`` builds one and the
extractors pass it to the classifiers of ``furniture``, ``credits``, ``titles`` and
``bylines``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from parley.datafiles import read_rows
from parley.extract.stamps import DATA_DIR, StampRules, alternation

__all__ = ["FurnitureRules", "agency_name", "normalize_line"]


@dataclass(frozen=True, slots=True)
class Footers:
    exact: dict[str, str]  # lower-cased phrase -> strength
    hard_prefixes: tuple[str, ...]  # tuples, so one str.startswith call tests them all
    soft_prefixes: tuple[str, ...]
    regex: tuple[tuple[re.Pattern[str], str], ...]


@dataclass(frozen=True, slots=True)
class Patterns:
    credit_word: re.Pattern[str]
    agency: re.Pattern[str]
    credit_prefix: re.Pattern[str]
    credit_tail_bracket: re.Pattern[str]
    credit_tail_label: re.Pattern[str]
    credit_tail_pipe: re.Pattern[str]
    email: re.Pattern[str]
    copyright: re.Pattern[str]
    dateline: re.Pattern[str]
    # "Pyongyang, October 31 (KCNA) --": a place in title case only with a date and an agency.
    dated_dateline: re.Pattern[str]
    reporting: re.Pattern[str]
    contributor: re.Pattern[str]
    kicker_bracket: re.Pattern[str]
    kicker_label: re.Pattern[str]
    in_place: re.Pattern[str]
    name_place_line: re.Pattern[str]


@dataclass(frozen=True, slots=True, eq=False)
class FurnitureRules:
    """Everything the line classifiers look up, read from ``data/`` once."""

    footers: Footers
    agencies: dict[str, str]  # lower-cased alias -> canonical agency name
    domains: dict[str, str]  # lower-cased news domain -> publisher
    genres: dict[str, str]  # lower-cased genre -> its listed spelling
    role_words: frozenset[str]  # lower-cased byline role words ("correspondent")
    patterns: Patterns
    title_markers: re.Pattern[str]  # wire version markers ("LEAD", "UPDATE 2")
    stamps: StampRules

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> FurnitureRules:
        agencies = {
            row.fields[0].lower(): row.fields[1] for row in read_rows(data_dir / "agencies.tsv", 2)
        }
        return cls(
            footers=_read_footers(data_dir / "footers.tsv"),
            agencies=agencies,
            domains={
                row.fields[0].lower(): row.fields[1]
                for row in read_rows(data_dir / "news_domains.tsv", 2)
            },
            genres={g.lower(): g for g in _read_list(data_dir / "genres.txt")},
            role_words=frozenset(w.lower() for w in _read_list(data_dir / "byline_roles.txt")),
            patterns=_compile(_read_list(data_dir / "credits.txt"), list(agencies)),
            title_markers=_read_title_markers(data_dir / "title_markers.txt"),
            stamps=StampRules.load(data_dir),
        )


def normalize_line(line: str) -> str:
    """The line with every run of white space (including no-break and zero-width) as one space."""
    # str.split() splits on every Unicode space (no-break, ideographic, thin, ...) but not on
    # the zero-width space or the byte-order mark, which scrapers also leave in.
    if "\u200b" in line or "\ufeff" in line:
        line = line.replace("\u200b", " ").replace("\ufeff", " ")
    return " ".join(line.split())


def agency_name(text: str, rules: FurnitureRules) -> str | None:
    """The canonical name of a news agency written as the whole of ``text``, or None."""
    key = normalize_line(text).strip("()[]—–-: ").lower()
    return rules.agencies.get(key)


# ---------------------------------------------------------------------------------------------
# Reading the files.


def _read_list(path: Path) -> list[str]:
    return [row.fields[0] for row in read_rows(path, 1)]


def _read_footers(path: Path) -> Footers:
    exact: dict[str, str] = {}
    prefix: list[tuple[str, str]] = []
    regex: list[tuple[re.Pattern[str], str]] = []
    for row in read_rows(path, 3):
        strength, match, phrase = row.fields
        if strength not in {"hard", "soft"} or match not in {"exact", "prefix", "regex"}:
            raise row.fail("strength must be hard|soft and match exact|prefix|regex")
        if match == "exact":
            exact[phrase.lower().rstrip(": ")] = strength
        elif match == "prefix":
            prefix.append((phrase.lower(), strength))
        else:
            try:
                regex.append((re.compile(phrase, re.I), strength))
            except re.error as err:
                raise row.fail(f"bad regex: {err}") from err
    return Footers(
        exact,
        tuple(p for p, st in prefix if st == "hard"),
        tuple(p for p, st in prefix if st == "soft"),
        tuple(regex),
    )


def _read_title_markers(path: Path) -> re.Pattern[str]:
    markers: list[str] = []
    for row in read_rows(path, 1):
        (marker,) = row.fields
        try:
            re.compile(marker)
        except re.error as err:
            raise row.fail(f"bad regex: {err}") from err
        markers.append(f"(?:{marker})")
    return re.compile("|".join(markers))


def _compile(credits: list[str], agencies: list[str]) -> Patterns:
    name_tok = r"[A-Z][\w'’.-]*"
    return Patterns(
        credit_word=re.compile(rf"(?<!\w)(?:{alternation(credits)})(?!\w)", re.I),
        agency=re.compile(rf"(?<!\w)(?:{alternation(agencies)})(?!\w)", re.I),
        credit_prefix=re.compile(
            r"^(?:photo(?:graph)?s?|pictures?|images?|source|credit|video)\s*(?::|by\b)", re.I
        ),
        credit_tail_bracket=re.compile(r"\s*(?P<tail>[(\[【][^()\[\]【】]{1,80}[)\]】])\s*$"),
        credit_tail_label=re.compile(
            r"\s*(?P<tail>(?:(?<=\s)(?:photo(?:graph)?|picture|image|source)s?\s*:|"
            r"credit\s*(?:\.\.\.|…|:))\s*\S.{0,80})$",
            re.I,
        ),
        credit_tail_pipe=re.compile(r"\s+\|\s+(?P<tail>[^|]{1,80})$"),
        email=re.compile(r"[\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)+)"),
        copyright=re.compile(r"^(?:copyright\b|©|\(c\)\s)|\ball rights reserved\b", re.I),
        dateline=re.compile(
            r"^(?P<place>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3})"
            r"(?:,\s*(?P<extra>[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,3}?))?"
            r"\s*(?:\((?P<agency>[^()]{1,40})\))?"
            r"\s*(?P<dash>--|—|–|-)(?:\s+(?=\S)|\s*$)"
        ),
        dated_dateline=re.compile(
            r"^(?P<place>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}),\s*"
            r"(?P<extra>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})"
            r"\s*\((?P<agency>[^()]{1,40})\)"
            r"\s*(?P<dash>--|—|–)(?:\s+(?=\S)|\s*$)"
        ),
        reporting=re.compile(
            r"^\(?\s*(?:(?:additional\s+)?reporting|writing|written|compiled)\s+by\s", re.I
        ),
        contributor=re.compile(
            r"\bcontributed\b.{0,60}\b(?:report|reporting|story|article)\b[^.]{0,60}\.?\)?$",
            re.I,
        ),
        kicker_bracket=re.compile(r"^[\[【](?P<kicker>[^\]】]{1,40})[\]】]\s*(?P<title>\S.*)$"),
        kicker_label=re.compile(r"^(?P<kicker>[^:|]{2,30}?)\s*(?::|\||—|–)\s+(?P<title>\S.*)$"),
        in_place=re.compile(rf"\s+(?:in|from)\s+{name_tok}(?:\s+{name_tok}){{0,2}}$"),
        name_place_line=re.compile(
            rf"^{name_tok}(?:\s+{name_tok}){{1,3}}\s+in\s+{name_tok}(?:\s+{name_tok}){{0,2}}"
            rf"(?:(?:,\s*|\s+and\s+){name_tok}(?:\s+{name_tok}){{1,3}}\s+in\s+{name_tok}"
            rf"(?:\s+{name_tok}){{0,2}})*$"
        ),
    )
