"""Title-like lines: kickers and genres, wire version markers, headings and navigation.

``genre_name`` and ``split_kicker`` read the tables of a ``FurnitureRules``; the shape tests
(``is_heading_like``, ``is_navigation_line``) need none. See ``furniture`` for the whole list
of classifiers.
"""

from __future__ import annotations

import re

from parley.extract.furniture_rules import FurnitureRules, normalize_line

__all__ = ["genre_name", "is_heading_like", "is_navigation_line", "split_kicker"]

_END_PUNCT = re.compile(r"[.,;:…]['\"’”)\]]*$")
_NAV_SPLIT = re.compile(r"\s*(?:[|>›»]|\s·\s)\s*")


def is_navigation_line(line: str) -> bool:
    """A breadcrumb or menu: "Home > World > Asia", "News | Politics | North Korea"."""
    line = normalize_line(line)
    pieces = [p for p in _NAV_SPLIT.split(line) if p]
    if len(pieces) < 3 or len(line) > 160:
        return False
    return all(len(p.split()) <= 3 and not _END_PUNCT.search(p) for p in pieces)


def genre_name(line: str, rules: FurnitureRules) -> str | None:
    """The genre a line names when the whole line is a kicker ("NEWS ANALYSIS", "Opinion")."""
    return rules.genres.get(normalize_line(line).strip("[]【】:| ").lower())


_PAREN_KICKER = re.compile(r"^\((?P<kicker>[^()]{1,30})\)\s*(?P<title>\S.*)$")
_DASH_MARKER = re.compile(r"^(?P<kicker>[A-Z][A-Z0-9 ]{1,20})-(?P<title>\S.*)$")


def split_kicker(line: str, rules: FurnitureRules) -> tuple[str | None, str]:
    """(genre, title) of a title line: "[News analysis] T" and "ANALYSIS: T" carry a genre.

    Wire version markers ("(LEAD) T", "UPDATE 2-T") are taken off the title without a genre.
    """
    line = normalize_line(line)
    markers = rules.title_markers
    genre: str | None = None
    for _ in range(3):  # "(LEAD)(News Focus) T" stacks them
        m = _PAREN_KICKER.match(line) or _DASH_MARKER.match(line)
        if m is None:
            break
        kicker = m["kicker"].strip()
        if markers.fullmatch(kicker):
            line = m["title"].strip()
        elif m.re is _PAREN_KICKER and kicker.lower() in rules.genres:
            genre = genre or rules.genres[kicker.lower()]
            line = m["title"].strip()
        else:
            break
    if genre is not None:
        return genre, line
    pats = rules.patterns
    m = pats.kicker_bracket.match(line)
    if m:
        kicker = m["kicker"].strip()
        # Any bracketed kicker is a genre; a listed one takes the listed spelling.
        return rules.genres.get(kicker.lower(), kicker), m["title"].strip()
    m = pats.kicker_label.match(line)
    if m:
        genre = rules.genres.get(m["kicker"].strip().lower())
        if genre:
            return genre, m["title"].strip()
    return None, line


def is_heading_like(line: str) -> bool:
    """Short and title-like, with no sentence-final period: a headline, deck or section head."""
    line = normalize_line(line)
    if not line or len(line) > 110:
        return False
    words = line.split()
    if len(words) > 16 or _END_PUNCT.search(line):
        return False
    first = line.lstrip("“\"‘'(«")[:1]
    return bool(first) and (first.isupper() or first.isdigit())
