"""Bylines, contribution notes and datelines: who wrote a story and where it was filed.

Each function reads one line (or the start of one paragraph) with the tables of a
``FurnitureRules``; see ``furniture`` for the whole list of classifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parley.extract.furniture_rules import FurnitureRules, agency_name, normalize_line
from parley.extract.stamps import parse_stamp_line

__all__ = [
    "Byline",
    "Dateline",
    "is_role_line",
    "looks_like_name",
    "parse_byline",
    "parse_contributors",
    "parse_dateline",
]


@dataclass(frozen=True, slots=True)
class Byline:
    authors: tuple[str, ...]
    agency: str | None  # canonical agency name ("Associated Press"), when the byline names one


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str | None  # "SEOUL"
    agency: str | None  # canonical agency name, when the dateline names a known one
    end: int  # where the story's own text starts in the paragraph


# Lower-case words that belong inside names ("Ursula von der Leyen").
_PARTICLES = frozenset(
    {
        "de",
        "da",
        "di",
        "du",
        "dos",
        "das",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "bin",
        "binti",
        "al",
        "el",
        "la",
        "le",
        "y",
        "ibn",
    }
)


def _clean_name(name: str, rules: FurnitureRules) -> str | None:
    """A person's name as written, or None if the text is not shaped like one."""
    name = normalize_line(name).strip(" ,;.:|-–—()")
    name = rules.patterns.in_place.sub("", name)
    tokens = name.split()
    if not 2 <= len(tokens) <= 5:
        return None
    roles = rules.role_words
    for token in tokens:
        bare = token.strip(".'’")
        if bare.lower() in roles or any(c.isdigit() for c in bare):
            return None
        if bare.lower() in _PARTICLES:
            continue
        if not bare[:1].isupper():
            return None
    if name.isupper():
        # "By JANE DOE": report the name in its usual case.
        name = " ".join(t.capitalize() if len(t) > 2 else t for t in tokens)
        name = re.sub(r"-(\w)", lambda m: "-" + m.group(1).lower(), name)
    return name


def _split_names(text: str, rules: FurnitureRules) -> list[str] | None:
    """["A", "B", "C"] from "A, B and C" / "A and B"; None if a piece is not a name."""
    pieces = [p for p in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", text) if p.strip()]
    names = [_clean_name(p, rules) for p in pieces]
    if not names or any(n is None for n in names):
        return None
    return [n for n in names if n]


def _is_role(text: str, rules: FurnitureRules) -> bool:
    text = text.strip()
    if not text:
        return True
    roles = rules.role_words
    words = [w.strip(".,'’").lower() for w in text.split()]
    return (
        not text[:1].isupper()
        or any(w in roles for w in words)
        or agency_name(text, rules) is not None
    )


# The nouns a byline role ends with ("Staff Writer", "Tokyo Correspondent", "Bureau Chief").
_ROLE_NOUNS = frozenset(
    {
        "reporter",
        "reporters",
        "writer",
        "writers",
        "correspondent",
        "correspondents",
        "editor",
        "editors",
        "columnist",
        "contributor",
        "journalist",
        "producer",
        "chief",
        "analyst",
    }
)


def is_role_line(line: str) -> bool:
    """A line that is only a byline's role ("Staff Writer", "Tokyo Correspondent")."""
    words = normalize_line(line).rstrip(".").split()
    return (
        1 <= len(words) <= 4
        and words[-1].lower() in _ROLE_NOUNS
        and all(w[:1].isupper() or w.lower() in {"of", "and", "in", "for"} for w in words)
    )


def looks_like_name(line: str, rules: FurnitureRules) -> str | None:
    """The name, when a whole line is shaped like a person's name ("Hana Sato")."""
    line = normalize_line(line)
    if len(line.split()) > 4 or agency_name(line, rules):
        return None
    return _clean_name(line, rules)


def _parse_names_and_roles(text: str, rules: FurnitureRules) -> Byline | None:
    """Names from "A, B and C", "Park Min-hee, staff reporter", "Jane Doe, Associated Press"."""
    segments = [s.strip() for s in text.split(",")]
    names: list[str] = []
    agency: str | None = None
    index = 0
    while index < len(segments):
        segment = segments[index]
        found = agency_name(segment, rules)
        if found:
            agency = agency or found
        elif names and _is_role(segment, rules):
            pass  # a role or affiliation after a name: not reported
        else:
            # "A, B and C": gather the comma pieces up to the one with "and".
            got = _split_names(segment, rules)
            if got is None:
                if not names:
                    return None
                index += 1
                continue
            names.extend(got)
        index += 1
    if not names and agency is None:
        return None
    return Byline(tuple(dict.fromkeys(names)), agency)


def parse_byline(line: str, rules: FurnitureRules) -> Byline | None:
    """Authors (names only) and agency of a byline, or None if the line is not a byline.

    Handles "By A", "By A and B", "By A, B and C", "By A, staff reporter", "A | Reuters",
    "A, Associated Press", "Reporting by A; Editing by B" (editors are not authors),
    "A in Tokyo and B in Washington", and a bare agency sign-off ("Kyodo", "— Reuters").
    """
    line = normalize_line(line)
    if not line or len(line) > 200:
        return None
    pats = rules.patterns
    bare = agency_name(line, rules)
    if bare and not (line.startswith("(") or line.startswith("[")):
        return Byline((), bare)
    if pats.reporting.match(line):
        names: list[str] = []
        for part in re.split(r"\s*;\s*", line.strip("() ")):
            m = re.match(
                r"(?i)^(?P<label>(?:additional\s+)?reporting|writing|written|"
                r"compiled|editing|edited)\s+by\s+(?P<names>.+)$",
                part.strip(" .;"),
            )
            if m is None:
                continue
            if m["label"].lower().startswith("edit"):
                continue  # editors check the copy; they are not its authors
            got = _split_names(m["names"].rstrip(". )"), rules)
            if got:
                names.extend(got)
        return Byline(tuple(dict.fromkeys(names)), None) if names else None
    by = re.match(r"(?i)^by\s+(?P<rest>\S.*)$", line)
    rest = by["rest"] if by else line
    pieces = [p for p in re.split(r"\s+[|/·]\s+|\s+[—–]\s+", rest) if p.strip()]
    authors: list[str] = []
    agency: str | None = None
    for piece in pieces:
        found = agency_name(piece, rules)
        if found:
            agency = agency or found
            continue
        if parse_stamp_line(piece, rules.stamps) is not None:
            continue  # "By A | Published 12 Nov 2018": the caller reads the stamp
        parsed = _parse_names_and_roles(piece, rules)
        if parsed is None:
            if by is None and pats.name_place_line.match(piece):
                parsed = Byline(tuple(_split_names(piece, rules) or ()), None)
            else:
                return None
        authors.extend(parsed.authors)
        agency = agency or parsed.agency
    if not authors and agency is None:
        return None
    if by is None and len(pieces) == 1 and agency is None and not pats.name_place_line.match(rest):
        # Without "By", a lone name is too weak a sign ("Kim Jong-un" could be a heading).
        return None
    return Byline(tuple(dict.fromkeys(authors)), agency)


def parse_contributors(line: str, rules: FurnitureRules) -> tuple[str, ...] | None:
    """Names in a contribution note ("AP writer Jane Doe in Seoul contributed to this report.").

    Returns the names it can read (possibly none) when the line is such a note, else None.
    """
    line = normalize_line(line)
    if not line or len(line.split()) > 40 or not rules.patterns.contributor.search(line):
        return None
    head = re.split(r"\s+contributed\b", line, maxsplit=1)[0]
    # "Associated Press writers A and B": the names follow the last role word.
    tokens = head.split()
    roles = rules.role_words
    start = 0
    for i, token in enumerate(tokens):
        if token.strip(".,'’").lower() in roles or agency_name(token, rules):
            start = i + 1
    names = _split_names(" ".join(tokens[start:]), rules) or []
    return tuple(names)


def parse_dateline(paragraph: str, rules: FurnitureRules) -> Dateline | None:
    """The dateline at the start of a story's first paragraph: "SEOUL, Nov. 12 (Yonhap) -- ",
    "Pyongyang, October 31 (KCNA) -- "."""
    m = rules.patterns.dateline.match(paragraph) or rules.patterns.dated_dateline.match(
        paragraph
    )
    if m is None:
        return None
    place = m["place"].strip()
    raw_agency = (m["agency"] or "").strip()
    # An upper-case word and a hyphen alone ("NATO - ...") is too weak without a real place.
    if not raw_agency and (len(place) < 3 or (m["dash"] == "-" and not m["extra"])):
        return None
    if raw_agency and not (agency_name(raw_agency, rules) or raw_agency[:1].isupper()):
        return None
    return Dateline(place, agency_name(raw_agency, rules) if raw_agency else None, m.end())
