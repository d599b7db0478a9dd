"""Who published a page and what is not its text: publishers (copyright lines, e-mail
addresses, hosts), footers, and photo credits.

Each function reads one line with the tables of a ``FurnitureRules``; see ``furniture`` for
the whole list of classifiers.
"""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import urlsplit

from parley.extract.furniture_rules import FurnitureRules, agency_name, normalize_line

__all__ = [
    "footer_strength",
    "is_copyright_line",
    "is_credit_line",
    "publisher_from_copyright",
    "publisher_from_emails",
    "publisher_from_host",
    "split_credit_tail",
]


def publisher_from_host(host_or_url: str, rules: FurnitureRules) -> str | None:
    """The publisher of a web host or URL, from data/news_domains.tsv (subdomains included)."""
    host = host_or_url.strip().lower()
    if "/" in host:
        host = urlsplit(host if "//" in host else "//" + host).hostname or ""
    parts = host.strip(".").split(".")
    domains = rules.domains
    for i in range(len(parts) - 1):
        name = domains.get(".".join(parts[i:]))
        if name:
            return name
    return None


def publisher_from_emails(text: str, rules: FurnitureRules) -> str | None:
    """The publisher named by the first e-mail address in ``text`` with a known news domain."""
    for m in rules.patterns.email.finditer(text):
        name = publisher_from_host(m["domain"], rules)
        if name:
            return name
    return None


def is_copyright_line(line: str, rules: FurnitureRules) -> bool:
    line = normalize_line(line)
    return len(line) <= 200 and rules.patterns.copyright.search(line) is not None


_CORPORATE = re.compile(
    r"\b(?:co\.?,?\s*ltd\.?|ltd\.?|limited|inc\.?|llc|corp\.?|corporation|company|plc|gmbh|"
    r"or its affiliated companies|and its affiliates)\W*$",
    re.I,
)


def publisher_from_copyright(line: str, rules: FurnitureRules) -> str | None:
    """The holder a copyright line names ("© 2019 The Japan Times Ltd." -> "The Japan Times")."""
    line = normalize_line(line)
    if not is_copyright_line(line, rules):
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
        return publisher_from_host(text, rules)
    return agency_name(text, rules) or text


def footer_strength(line: str, rules: FurnitureRules) -> Literal["hard", "soft"] | None:
    """ "hard" for lines after which a page has no more article, "soft" for droppable lines."""
    line = normalize_line(line)
    if not line:
        return None
    footers = rules.footers
    lower = line.lower()
    if is_copyright_line(line, rules):
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


def _is_credit_text(text: str, rules: FurnitureRules) -> bool:
    """Whether a short text (a bracket's content, a slash-separated credit) names a source."""
    text = text.strip(" ()[]【】")
    if not text or len(text.split()) > 10:
        return False
    pats = rules.patterns
    if pats.credit_prefix.match(text) or agency_name(text, rules):
        return True
    parts = [p.strip() for p in re.split(r"\s*[/,]\s*", text) if p.strip()]
    if not all(len(p.split()) <= 4 for p in parts):
        return False
    # "AP Photo/Lee Jin-man, Pool", "Getty Images", "Jung Yeon-je/AFP": a credit word anywhere,
    # or an agency as one of several pieces.
    return pats.credit_word.search(text) is not None or (
        len(parts) > 1 and any(agency_name(p, rules) for p in parts)
    )


def is_credit_line(line: str, rules: FurnitureRules) -> bool:
    """A whole line that is a photo credit: "(Yonhap)", "AFP/Getty Images", "Photo: X"."""
    line = normalize_line(line)
    if not line or len(line) > 120:
        return False
    pats = rules.patterns
    if pats.credit_prefix.match(line):
        return True
    bracketed = line[0] in "([【" and line[-1] in ")]】"
    if bracketed:
        return _is_credit_text(line, rules)
    if "/" in line or line.startswith("©"):
        return _is_credit_text(line.lstrip("© "), rules)
    # A bare credit phrase ("Getty Images"), but a bare agency word is a sign-off (byline).
    return pats.credit_word.fullmatch(line) is not None and agency_name(line, rules) is None


def split_credit_tail(line: str, rules: FurnitureRules) -> tuple[str, str | None]:
    """(text, credit) when a line ends with a photo credit: "... Monday. (AP Photo/Lee Jin-man)"."""
    line = normalize_line(line)
    pats = rules.patterns
    # Credits are short and at the end: search only the last stretch of a long paragraph.
    window = max(0, len(line) - 130)
    m = pats.credit_tail_bracket.search(line, window) if line[-1:] in ")]】" else None
    if m and m.start() > 0 and _is_credit_text(m["tail"], rules):
        return line[: m.start()].rstrip(), m["tail"]
    m = pats.credit_tail_label.search(line, window)
    if m and m.start() > 0:
        return line[: m.start()].rstrip(), m["tail"]
    m = pats.credit_tail_pipe.search(line, window) if " | " in line else None
    if m and m.start() > 0 and _is_credit_text(re.sub(r"(?i)\bvia\s+", "", m["tail"]), rules):
        return line[: m.start()].rstrip(), m["tail"]
    return line, None
