"""Name normalisation shared by every lookup, so that data files and article text meet on
the same keys: "the U.S.'s" -> "us", "North Korea’s" -> "north korea",
"Kim Jong-un" -> "kim jong un", "Côte d'Ivoire" -> "cote d'ivoire"."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["is_acronym", "normalize_name"]

# Curly and modifier apostrophes all become the ASCII one before anything else.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
# Hyphens and dashes separate the syllables of romanised names inconsistently
# ("Kim Jong-un", "Kim Jong Un"); treat them as spaces.
_DASHES = re.compile(r"[-‐‑‒–—_]+")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:'s|')$")
_SINGLE_LETTERS = re.compile(r"\b(\w) (?=\w\b)")
# Text the steps of ``normalize_name`` would leave as it is but for a leading "the ".
_PLAIN = re.compile(r"[a-z]+(?: [a-z]+)*")


def _strip_marks(text: str) -> str:
    # Decompose, drop combining accents, recompose: Hangul and Han survive unchanged.
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", kept)


@lru_cache(maxsize=1 << 18)
def normalize_name(text: str) -> str:
    """The lookup key of a name: case-folded, accents and dots dropped, dashes as spaces,
    without a leading "the" or a trailing possessive.

    Memoised: the big PETRARCH dictionaries normalise the same names many times while the
    indexes are built, and every look-up normalises its text. The memo holds no loaded data,
    only answers of this pure function, so it stays process-wide (bounded at 262,144
    strings): a per-knowledge-base memo would start empty with each pipeline and redo the
    work for the same names."""
    if _PLAIN.fullmatch(text):
        # Lower-case words between single spaces (most words and word pairs the stages look
        # up): no accent, dot, dash, extra space or possessive for the steps below to take.
        key = text[4:] if text.startswith("the ") else text
        # (Substituting costs more than searching, and few keys hold single letters.)
        return _SINGLE_LETTERS.sub(r"\1", key) if _SINGLE_LETTERS.search(key) else key
    key = text.translate(_APOSTROPHES)
    if not key.isascii():
        key = _strip_marks(key)
    key = key.casefold()
    key = key.replace(".", " ")
    key = _DASHES.sub(" ", key)
    key = _SPACES.sub(" ", key).strip()
    key = _POSSESSIVE.sub("", key).strip()
    if key.startswith("the "):
        key = key[4:]
    # "U.S." became "u s "; join single letters so it meets "US" and "U.S.A." meets "USA".
    if _SINGLE_LETTERS.search(key):
        key = _SINGLE_LETTERS.sub(r"\1", key)
    return key.strip()


def is_acronym(text: str) -> bool:
    """A short all-capitals name ("US", "UK", "ROK", "U.S."): such names match only text
    written in capitals, so the pronoun "us" never becomes the United States."""
    if len(text) > 16 or not text.isupper():
        # Quick exits for the many long or lower-case names a big dictionary loads: a name
        # of four letters is never longer, and one with a small letter is no acronym.
        return False
    letters = [ch for ch in text if ch.isalpha()]
    return 0 < len(letters) <= 4
