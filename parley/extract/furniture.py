"""Line classifiers for the furniture a scraper leaves around a news article.

Each function looks at one line (or the start of one paragraph) and says what it is; none of
them decides where a line sits on the page, which is the extractor's job (``text.py`` for
scraped text; the HTML extractor runs the same classifiers over trafilatura's output). All the
phrases live in ``data/`` files; patterns are compiled once.

Public API::

    normalize_line(line) -> str                 internal white space collapsed, ends stripped
    classify_line(line) -> LineKind             "blank" | "stamp" | "hard_footer" | "footer" |
                                                "byline" | "contributor" | "credit" | "text"
    footer_strength(line) -> "hard" | "soft" | None
                                                hard = the article ends here (drop the rest)
    is_copyright_line(line) -> bool             "© 2018 ...", "Copyright ...", "All rights reserved"
    publisher_from_copyright(line) -> str | None
                                                "© 2019 The Japan Times Ltd." -> "The Japan Times"
    publisher_from_emails(text) -> str | None   the publisher of the first known news e-mail domain
    publisher_from_host(host_or_url) -> str | None  "english.hani.co.kr" -> "The Hankyoreh"
    agency_name(text) -> str | None             "AP" -> "Associated Press" (whole text, any case)
    split_kicker(line) -> (genre | None, title) "[News analysis] T" -> ("News analysis", "T")
    genre_name(line) -> str | None              a line that is only a genre kicker ("ANALYSIS")
    parse_byline(line) -> Byline | None         names (no roles) and the agency, if any
    parse_contributors(line) -> tuple[str, ...] | None
                                                "AP writer Jane Doe contributed to this report."
    parse_dateline(paragraph) -> Dateline | None  "SEOUL (Reuters) - " at a paragraph's start
    is_credit_line(line) -> bool                a whole line that is a photo credit
    split_credit_tail(line) -> (text, tail | None)
                                                "Caption. (AP Photo/X)" -> ("Caption.", "(AP ...)")
    is_heading_like(line) -> bool               short, title-like, no final period
    is_navigation_line(line) -> bool            "Home > World > Asia" (classified as "footer")
    is_role_line(line) -> bool                  "Staff Writer" on its own line (a byline's tail)
    looks_like_name(line) -> str | None         a line shaped like a person's name ("Hana Sato")
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal
from urllib.parse import urlsplit

from parley.errors import KnowledgeBaseError
from parley.extract.stamps import DATA_DIR, parse_stamp_line, read_data_table

__all__ = [
    "Byline",
    "Dateline",
    "LineKind",
    "agency_name",
    "classify_line",
    "footer_strength",
    "genre_name",
    "is_copyright_line",
    "is_credit_line",
    "is_heading_like",
    "is_navigation_line",
    "is_role_line",
    "looks_like_name",
    "normalize_line",
    "parse_byline",
    "parse_contributors",
    "parse_dateline",
    "publisher_from_copyright",
    "publisher_from_emails",
    "publisher_from_host",
    "split_credit_tail",
    "split_kicker",
]

LineKind = Literal["blank", "stamp", "hard_footer", "footer", "byline", "contributor", "credit",
                   "text"]


@dataclass(frozen=True, slots=True)
class Byline:
    authors: tuple[str, ...]
    agency: str | None  # canonical agency name ("Associated Press"), when the byline names one


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str | None  # "SEOUL"
    agency: str | None  # canonical agency name, when the dateline names a known one
    end: int  # where the story's own text starts in the paragraph


# ---------------------------------------------------------------------------------------------
# Knowledge, loaded once.


def _read_list(name: str) -> list[str]:
    return [fields[0] for _, fields in read_data_table(name, 1)]


@dataclass(frozen=True, slots=True)
class _Footers:
    exact: dict[str, str]  # lower-cased phrase -> strength
    hard_prefixes: tuple[str, ...]  # tuples, so one str.startswith call tests them all
    soft_prefixes: tuple[str, ...]
    regex: tuple[tuple[re.Pattern[str], str], ...]


@lru_cache(maxsize=1)
def _footers() -> _Footers:
    exact: dict[str, str] = {}
    prefix: list[tuple[str, str]] = []
    regex: list[tuple[re.Pattern[str], str]] = []
    for number, (strength, match, phrase) in read_data_table("footers.tsv", 3):
        if strength not in {"hard", "soft"} or match not in {"exact", "prefix", "regex"}:
            raise KnowledgeBaseError(f"footers.tsv line {number}: strength must be hard|soft "
                                     "and match exact|prefix|regex")
        if match == "exact":
            exact[phrase.lower().rstrip(": ")] = strength
        elif match == "prefix":
            prefix.append((phrase.lower(), strength))
        else:
            try:
                regex.append((re.compile(phrase, re.I), strength))
            except re.error as err:
                raise KnowledgeBaseError(f"footers.tsv line {number}: bad regex: {err}") from err
    return _Footers(exact, tuple(p for p, st in prefix if st == "hard"),
                    tuple(p for p, st in prefix if st == "soft"), tuple(regex))


@lru_cache(maxsize=1)
def _agencies() -> dict[str, str]:
    return {alias.lower(): name for _, (alias, name) in read_data_table("agencies.tsv", 2)}


@lru_cache(maxsize=1)
def _domains() -> dict[str, str]:
    return {d.lower(): name for _, (d, name) in read_data_table("news_domains.tsv", 2)}


@lru_cache(maxsize=1)
def _genres() -> dict[str, str]:
    return {g.lower(): g for g in _read_list("genres.txt")}


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _read_list("byline_roles.txt"))


def _words_pattern(phrases: list[str]) -> str:
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


@dataclass(frozen=True, slots=True)
class _Patterns:
    credit_word: re.Pattern[str]
    agency: re.Pattern[str]
    credit_prefix: re.Pattern[str]
    credit_tail_bracket: re.Pattern[str]
    credit_tail_label: re.Pattern[str]
    credit_tail_pipe: re.Pattern[str]
    email: re.Pattern[str]
    copyright: re.Pattern[str]
    dateline: re.Pattern[str]
    reporting: re.Pattern[str]
    contributor: re.Pattern[str]
    kicker_bracket: re.Pattern[str]
    kicker_label: re.Pattern[str]
    in_place: re.Pattern[str]
    name_place_line: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    credits = _read_list("credits.txt")
    agencies = list(_agencies())
    name_tok = r"[A-Z][\w'’.-]*"
    return _Patterns(
        credit_word=re.compile(rf"(?<!\w)(?:{_words_pattern(credits)})(?!\w)", re.I),
        agency=re.compile(rf"(?<!\w)(?:{_words_pattern(agencies)})(?!\w)", re.I),
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


# ---------------------------------------------------------------------------------------------
# Small helpers.

def normalize_line(line: str) -> str:
    """The line with every run of white space (including no-break and zero-width) as one space."""
    # str.split() splits on every Unicode space (no-break, ideographic, thin, ...) but not on
    # the zero-width space or the byte-order mark, which scrapers also leave in.
    if "\u200b" in line or "\ufeff" in line:
        line = line.replace("\u200b", " ").replace("\ufeff", " ")
    return " ".join(line.split())


def agency_name(text: str) -> str | None:
    """The canonical name of a news agency written as the whole of ``text``, or None."""
    key = normalize_line(text).strip("()[]—–-: ").lower()
    return _agencies().get(key)


def publisher_from_host(host_or_url: str) -> str | None:
    """The publisher of a web host or URL, from data/news_domains.tsv (subdomains included)."""
    host = host_or_url.strip().lower()
    if "/" in host:
        host = urlsplit(host if "//" in host else "//" + host).hostname or ""
    parts = host.strip(".").split(".")
    domains = _domains()
    for i in range(len(parts) - 1):
        name = domains.get(".".join(parts[i:]))
        if name:
            return name
    return None


def publisher_from_emails(text: str) -> str | None:
    """The publisher named by the first e-mail address in ``text`` with a known news domain."""
    for m in _patterns().email.finditer(text):
        name = publisher_from_host(m["domain"])
        if name:
            return name
    return None


def is_copyright_line(line: str) -> bool:
    line = normalize_line(line)
    return len(line) <= 200 and _patterns().copyright.search(line) is not None


_CORPORATE = re.compile(
    r"\b(?:co\.?,?\s*ltd\.?|ltd\.?|limited|inc\.?|llc|corp\.?|corporation|company|plc|gmbh|"
    r"or its affiliated companies|and its affiliates)\W*$",
    re.I,
)


def publisher_from_copyright(line: str) -> str | None:
    """The holder a copyright line names ("© 2019 The Japan Times Ltd." -> "The Japan Times")."""
    line = normalize_line(line)
    if not is_copyright_line(line):
        return None
    text = re.sub(r"\ball rights reserved\b.*$", "", line, flags=re.I)
    text = re.sub(r"copyright|©|\(c\)", " ", text, flags=re.I)
    text = re.sub(r"\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?\b", " ", text)
    text = normalize_line(text).strip(" .,;:|-–—")
    for _ in range(2):  # "Co., Ltd." is two suffixes
        text = _CORPORATE.sub("", text).strip(" .,;:|-–—")
    if not text or len(text.split()) > 8:
        return None
    if "." in text and " " not in text:  # a domain, e.g. "© hani.co.kr"
        return publisher_from_host(text)
    return agency_name(text) or text


# ---------------------------------------------------------------------------------------------
# Footers, kickers, credits, headings.


def footer_strength(line: str) -> Literal["hard", "soft"] | None:
    """"hard" for lines after which a page has no more article, "soft" for droppable lines."""
    line = normalize_line(line)
    if not line:
        return None
    footers = _footers()
    lower = line.lower()
    if is_copyright_line(line):
        # A copyright line closes the article; a bare "© Reuters" under a photo is a credit.
        has_year = re.search(r"\b(?:19|20)\d{2}\b", line) is not None
        if has_year or "reserved" in lower:
            return "hard"
    strength = footers.exact.get(lower.rstrip(": "))
    if strength is None and lower.startswith(footers.hard_prefixes):
        strength = "hard"
    if strength is None and lower.startswith(footers.soft_prefixes):
        strength = "soft"
    if strength is None and len(line) <= 300:
        strength = next((s for r, s in footers.regex if r.search(line)), None)
    return "hard" if strength == "hard" else ("soft" if strength == "soft" else None)


_NAV_SPLIT = re.compile(r"\s*(?:[|>›»]|\s·\s)\s*")


def is_navigation_line(line: str) -> bool:
    """A breadcrumb or menu: "Home > World > Asia", "News | Politics | North Korea"."""
    line = normalize_line(line)
    pieces = [p for p in _NAV_SPLIT.split(line) if p]
    if len(pieces) < 3 or len(line) > 160:
        return False
    return all(len(p.split()) <= 3 and not _END_PUNCT.search(p) for p in pieces)


def genre_name(line: str) -> str | None:
    """The genre a line names when the whole line is a kicker ("NEWS ANALYSIS", "Opinion")."""
    return _genres().get(normalize_line(line).strip("[]【】:| ").lower())


@lru_cache(maxsize=1)
def _title_markers() -> re.Pattern[str]:
    markers: list[str] = []
    for number, (marker,) in read_data_table("title_markers.txt", 1):
        try:
            re.compile(marker)
        except re.error as err:
            raise KnowledgeBaseError(f"title_markers.txt line {number}: bad regex: {err}") from err
        markers.append(f"(?:{marker})")
    return re.compile("|".join(markers))


_PAREN_KICKER = re.compile(r"^\((?P<kicker>[^()]{1,30})\)\s*(?P<title>\S.*)$")
_DASH_MARKER = re.compile(r"^(?P<kicker>[A-Z][A-Z0-9 ]{1,20})-(?P<title>\S.*)$")


def split_kicker(line: str) -> tuple[str | None, str]:
    """(genre, title) of a title line: "[News analysis] T" and "ANALYSIS: T" carry a genre.

    Wire version markers ("(LEAD) T", "UPDATE 2-T") are taken off the title without a genre.
    """
    line = normalize_line(line)
    markers = _title_markers()
    genre: str | None = None
    for _ in range(3):  # "(LEAD)(News Focus) T" stacks them
        m = _PAREN_KICKER.match(line) or _DASH_MARKER.match(line)
        if m is None:
            break
        kicker = m["kicker"].strip()
        if markers.fullmatch(kicker):
            line = m["title"].strip()
        elif m.re is _PAREN_KICKER and kicker.lower() in _genres():
            genre = genre or _genres()[kicker.lower()]
            line = m["title"].strip()
        else:
            break
    if genre is not None:
        return genre, line
    pats = _patterns()
    m = pats.kicker_bracket.match(line)
    if m:
        kicker = m["kicker"].strip()
        # Any bracketed kicker is a genre; a listed one takes the listed spelling.
        return _genres().get(kicker.lower(), kicker), m["title"].strip()
    m = pats.kicker_label.match(line)
    if m:
        genre = _genres().get(m["kicker"].strip().lower())
        if genre:
            return genre, m["title"].strip()
    return None, line


def _is_credit_text(text: str) -> bool:
    """Whether a short text (a bracket's content, a slash-separated credit) names a source."""
    text = text.strip(" ()[]【】")
    if not text or len(text.split()) > 10:
        return False
    pats = _patterns()
    if pats.credit_prefix.match(text) or agency_name(text):
        return True
    parts = [p.strip() for p in re.split(r"\s*[/,]\s*", text) if p.strip()]
    if not all(len(p.split()) <= 4 for p in parts):
        return False
    # "AP Photo/Lee Jin-man, Pool", "Getty Images", "Jung Yeon-je/AFP": a credit word anywhere,
    # or an agency as one of several pieces.
    return pats.credit_word.search(text) is not None or (
        len(parts) > 1 and any(agency_name(p) for p in parts))


def is_credit_line(line: str) -> bool:
    """A whole line that is a photo credit: "(Yonhap)", "AFP/Getty Images", "Photo: X"."""
    line = normalize_line(line)
    if not line or len(line) > 120:
        return False
    pats = _patterns()
    if pats.credit_prefix.match(line):
        return True
    bracketed = line[0] in "([【" and line[-1] in ")]】"
    if bracketed:
        return _is_credit_text(line)
    if "/" in line or line.startswith("©"):
        return _is_credit_text(line.lstrip("© "))
    # A bare credit phrase ("Getty Images"), but a bare agency word is a sign-off (byline).
    return pats.credit_word.fullmatch(line) is not None and agency_name(line) is None


def split_credit_tail(line: str) -> tuple[str, str | None]:
    """(text, credit) when a line ends with a photo credit: "... Monday. (AP Photo/Lee Jin-man)"."""
    line = normalize_line(line)
    pats = _patterns()
    # Credits are short and at the end: search only the last stretch of a long paragraph.
    window = max(0, len(line) - 130)
    m = pats.credit_tail_bracket.search(line, window) if line[-1:] in ")]】" else None
    if m and m.start() > 0 and _is_credit_text(m["tail"]):
        return line[: m.start()].rstrip(), m["tail"]
    m = pats.credit_tail_label.search(line, window)
    if m and m.start() > 0:
        return line[: m.start()].rstrip(), m["tail"]
    m = pats.credit_tail_pipe.search(line, window) if " | " in line else None
    if m and m.start() > 0 and _is_credit_text(re.sub(r"(?i)\bvia\s+", "", m["tail"])):
        return line[: m.start()].rstrip(), m["tail"]
    return line, None


_END_PUNCT = re.compile(r"[.,;:…]['\"’”)\]]*$")


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


# ---------------------------------------------------------------------------------------------
# Bylines and datelines.

# Lower-case words that belong inside names ("Ursula von der Leyen").
_PARTICLES = frozenset(
    {"de", "da", "di", "du", "dos", "das", "van", "von", "der", "den", "ter", "bin", "binti",
     "al", "el", "la", "le", "y", "ibn"}
)


def _clean_name(name: str) -> str | None:
    """A person's name as written, or None if the text is not shaped like one."""
    name = normalize_line(name).strip(" ,;.:|-–—()")
    name = _patterns().in_place.sub("", name)
    tokens = name.split()
    if not 2 <= len(tokens) <= 5:
        return None
    roles = _role_words()
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


def _split_names(text: str) -> list[str] | None:
    """["A", "B", "C"] from "A, B and C" / "A and B"; None if a piece is not a name."""
    pieces = [p for p in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", text) if p.strip()]
    names = [_clean_name(p) for p in pieces]
    if not names or any(n is None for n in names):
        return None
    return [n for n in names if n]


def _is_role(text: str) -> bool:
    text = text.strip()
    if not text:
        return True
    roles = _role_words()
    words = [w.strip(".,'’").lower() for w in text.split()]
    return not text[:1].isupper() or any(w in roles for w in words) or agency_name(text) is not None


# The nouns a byline role ends with ("Staff Writer", "Tokyo Correspondent", "Bureau Chief").
_ROLE_NOUNS = frozenset(
    {"reporter", "reporters", "writer", "writers", "correspondent", "correspondents", "editor",
     "editors", "columnist", "contributor", "journalist", "producer", "chief", "analyst"}
)


def is_role_line(line: str) -> bool:
    """A line that is only a byline's role ("Staff Writer", "Tokyo Correspondent")."""
    words = normalize_line(line).rstrip(".").split()
    return 1 <= len(words) <= 4 and words[-1].lower() in _ROLE_NOUNS and all(
        w[:1].isupper() or w.lower() in {"of", "and", "in", "for"} for w in words
    )


def looks_like_name(line: str) -> str | None:
    """The name, when a whole line is shaped like a person's name ("Hana Sato")."""
    line = normalize_line(line)
    if len(line.split()) > 4 or agency_name(line):
        return None
    return _clean_name(line)


def _parse_names_and_roles(text: str) -> Byline | None:
    """Names from "A, B and C", "Park Min-hee, staff reporter", "Jane Doe, Associated Press"."""
    segments = [s.strip() for s in text.split(",")]
    names: list[str] = []
    agency: str | None = None
    index = 0
    while index < len(segments):
        segment = segments[index]
        found = agency_name(segment)
        if found:
            agency = agency or found
        elif names and _is_role(segment):
            pass  # a role or affiliation after a name: not reported
        else:
            # "A, B and C": gather the comma pieces up to the one with "and".
            got = _split_names(segment)
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


def parse_byline(line: str) -> Byline | None:
    """Authors (names only) and agency of a byline, or None if the line is not a byline.

    Handles "By A", "By A and B", "By A, B and C", "By A, staff reporter", "A | Reuters",
    "A, Associated Press", "Reporting by A; Editing by B" (editors are not authors),
    "A in Tokyo and B in Washington", and a bare agency sign-off ("Kyodo", "— Reuters").
    """
    line = normalize_line(line)
    if not line or len(line) > 200:
        return None
    pats = _patterns()
    bare = agency_name(line)
    if bare and not (line.startswith("(") or line.startswith("[")):
        return Byline((), bare)
    if pats.reporting.match(line):
        names: list[str] = []
        for part in re.split(r"\s*;\s*", line.strip("() ")):
            m = re.match(r"(?i)^(?P<label>(?:additional\s+)?reporting|writing|written|"
                         r"compiled|editing|edited)\s+by\s+(?P<names>.+)$", part.strip(" .;"))
            if m is None:
                continue
            if m["label"].lower().startswith("edit"):
                continue  # editors check the copy; they are not its authors
            got = _split_names(m["names"].rstrip(". )"))
            if got:
                names.extend(got)
        return Byline(tuple(dict.fromkeys(names)), None) if names else None
    by = re.match(r"(?i)^by\s+(?P<rest>\S.*)$", line)
    rest = by["rest"] if by else line
    pieces = [p for p in re.split(r"\s+[|/·]\s+|\s+[—–]\s+", rest) if p.strip()]
    authors: list[str] = []
    agency: str | None = None
    for piece in pieces:
        found = agency_name(piece)
        if found:
            agency = agency or found
            continue
        if parse_stamp_line(piece) is not None:
            continue  # "By A | Published 12 Nov 2018": the caller reads the stamp
        parsed = _parse_names_and_roles(piece)
        if parsed is None:
            if by is None and pats.name_place_line.match(piece):
                parsed = Byline(tuple(_split_names(piece) or ()), None)
            else:
                return None
        authors.extend(parsed.authors)
        agency = agency or parsed.agency
    if not authors and agency is None:
        return None
    if by is None and len(pieces) == 1 and agency is None and not pats.name_place_line.match(
        rest
    ):
        # Without "By", a lone name is too weak a sign ("Kim Jong-un" could be a heading).
        return None
    return Byline(tuple(dict.fromkeys(authors)), agency)


def parse_contributors(line: str) -> tuple[str, ...] | None:
    """Names in a contribution note ("AP writer Jane Doe in Seoul contributed to this report.").

    Returns the names it can read (possibly none) when the line is such a note, else None.
    """
    line = normalize_line(line)
    if not line or len(line.split()) > 40 or not _patterns().contributor.search(line):
        return None
    head = re.split(r"\s+contributed\b", line, maxsplit=1)[0]
    # "Associated Press writers A and B": the names follow the last role word.
    tokens = head.split()
    roles = _role_words()
    start = 0
    for i, token in enumerate(tokens):
        if token.strip(".,'’").lower() in roles or agency_name(token):
            start = i + 1
    names = _split_names(" ".join(tokens[start:])) or []
    return tuple(names)


def parse_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of a story's first paragraph: "SEOUL, Nov. 12 (Yonhap) -- "."""
    m = _patterns().dateline.match(paragraph)
    if m is None:
        return None
    place = m["place"].strip()
    raw_agency = (m["agency"] or "").strip()
    # An upper-case word and a hyphen alone ("NATO - ...") is too weak without a real place.
    if not raw_agency and (len(place) < 3 or (m["dash"] == "-" and not m["extra"])):
        return None
    if raw_agency and not (agency_name(raw_agency) or raw_agency[:1].isupper()):
        return None
    return Dateline(place, agency_name(raw_agency) if raw_agency else None, m.end())


# ---------------------------------------------------------------------------------------------


def classify_line(line: str) -> LineKind:
    """What one line is, on its own; position on the page is the caller's to weigh."""
    line = normalize_line(line)
    if not line:
        return "blank"
    strength = footer_strength(line)
    if strength == "hard":
        return "hard_footer"
    if strength == "soft" or is_navigation_line(line):
        return "footer"
    if parse_stamp_line(line) is not None:
        return "stamp"
    if is_credit_line(line):
        return "credit"
    if parse_byline(line) is not None or is_role_line(line):
        return "byline"
    if parse_contributors(line) is not None:
        return "contributor"
    return "text"


def check_data() -> None:
    """Load every data file once (tests call this to catch malformed files early)."""
    _footers()
    _agencies()
    _domains()
    _genres()
    _role_words()
    _patterns()
    assert DATA_DIR.is_dir()
