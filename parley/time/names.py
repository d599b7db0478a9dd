"""Time words inside names are not time expressions: "USA TODAY" and "VOA Today" are media,
"This Week With David Brinkley" a programme, "High Noon" a film, "the March of the Combatant
Mothers" a march, and "the September 19 Joint Statement" a document whose date the words do
not give a year to (it is seldom the article's).

Three signs, each read off the text around a candidate:

- a date with no year, or a bare month, followed by a name noun (``name_words.txt``: "the
  June 15 North-South Joint Declaration", "the June 15 joint declaration", "the May Day
  Stadium", "the October people's resistance"), with up to three capitalised words or
  modifiers (``name_modifiers.txt``) between;
- a month followed by "of" and a capitalised word ("March of Dimes"), or standing between
  two capitalised words of which the first governs no time ("Slaboy January Guzowski"), or
  right after a capitalised word inside a sentence ("the Arduous March");
- a capitalised time word that is not where a sentence starts, right after a capitalised word
  ("USA TODAY", "High Noon"), or a phrase of several time words all capitalised and followed by
  another capitalised word ("This Week With ...") or quoted alone ('"This Week,"').
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from parley.time.find import Found
    from parley.time.state import State

# Rules that find a day and month without a year, and the group holding the year if any.
_DATE_RULES = frozenset({"mdy", "mdy_word", "dmy", "month_days", "days_month"})
# Rules whose words are ordinary words too: written capitalised inside a name, they are its part.
_WORD_RULES = frozenset({"day_rel", "clock", "unit_rel", "ref", "pod", "weekend", "previous_day"})
_MONTH_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
# A capitalised word (or one in capitals) right before a position: "USA ", "High ", and
# after a quotation mark ("``High Noon''").
_CAPITAL_BEFORE = re.compile(r"(?:^|[\s\"`'\u201c(])[A-Z][\w'.&-]*[ \t]+$")
# What may precede a sentence's first word: its end, a quotation mark or bracket, a dash.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"'`(\[\u201c\u2018\u2014-])\s*$")
_NEXT_CAPITAL = re.compile(r"[ \t]+[A-Z]")
_LOOK_BACK = 40  # characters read before a candidate
_CAPITAL_WORD_BEFORE = re.compile(r"(?:^|\s)([A-Z][\w'.-]*)[ \t]+$")
# Capitalised words that stand before a month in a time expression, not in a name.
_TIME_GOVERNORS = frozenset(
    {
        "in", "on", "by", "since", "until", "till", "from", "to", "through", "during", "before",
        "after", "last", "next", "this", "that", "every", "each", "early", "late", "mid", "and",
        "or", "but", "of", "for", "around", "about", "throughout", "the",
    }
)  # fmt: skip


def name_follows(words: Iterable[str], modifiers: Iterable[str] = ()) -> re.Pattern[str]:
    """The rest of a name after a date: up to three capitalised words or ``modifiers``, then a
    name noun (``words``; both matched as written)."""
    nouns = _alternation(words)
    between = "|".join(filter(None, (r"[A-Z][\w'.-]*", _alternation(modifiers))))
    return re.compile(rf"\s+(?:(?:{between})\s+){{0,3}}(?:{nouns})\b")


def _alternation(words: Iterable[str]) -> str:
    """Longest first; a space in a word matches any run of spaces."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _month_in_person_name(found: Found, text: str) -> bool:
    """A bare month between two capitalised words, the first not one that governs a time
    ("In", "Since", "Last"): a given name ("Slaboy January Guzowski")."""
    if found.match.group("mod") or found.match.group("rel"):
        return False
    before = text[max(0, found.start - _LOOK_BACK) : found.start]
    word = _CAPITAL_WORD_BEFORE.search(before)
    if word is None or word.group(1).lower() in _TIME_GOVERNORS:
        return False
    return bool(_NEXT_CAPITAL.match(text, found.end))


# "the annual March for Life", "March for Our Lives": a month, "for" and a capitalised word,
# with no word that governs a time before ("in March for President Obama" is a month).
_FOR_NAME = re.compile(r"[ \t]+for[ \t]+[A-Z]")
_WORD_BEFORE = re.compile(r"(?:^|\s)([\w'.-]+)[ \t]+$")


def _march_for(found: Found, text: str) -> bool:
    """A bare month before "for" and a capitalised word, not governed: a march's name."""
    if found.match.group("mod") or found.match.group("rel"):
        return False
    if not _FOR_NAME.match(text, found.end):
        return False
    word = _WORD_BEFORE.search(text, max(0, found.start - _LOOK_BACK), found.start)
    return word is None or word.group(1).lower() not in _TIME_GOVERNORS - {"the"}


# "the Arduous March", "the unprecedented Arduous March", 'the "Arduous March"', "the Global
# March to Jerusalem": a capitalised word right before a month, itself inside a sentence
# (after "the", a word in lower case or a comma, maybe with an opening quotation mark), and
# not one that governs a time ("the Last March", "of early May" are times).
_TITLE_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)[ \t]+$")
_INSIDE_SENTENCE = re.compile(r"(?:\bthe|[a-z,])[ \t]+[\"\u201c]?$")


def _titled_month(found: Found, text: str) -> bool:
    """A bare month after a capitalised word inside a sentence: the name of an episode."""
    if found.match.group("mod") or found.match.group("rel"):
        return False
    word = _TITLE_WORD_BEFORE.search(text, max(0, found.start - _LOOK_BACK), found.start)
    if word is None or word.group(1).lower() in _TIME_GOVERNORS:
        return False
    return bool(_INSIDE_SENTENCE.search(text, max(0, word.start() - _LOOK_BACK), word.start()))


# A quotation mark right before, and one right after (a comma or stop between): the words are
# all that is quoted, a title ('ABC News' "This Week,"').
_OPENING_MARK = re.compile(r"[\"`'\u201c\u2018]$")
_CLOSING_MARK = re.compile(r"[,.]?[\"'\u201d\u2019]")


def _whole_title(found: Found, text: str) -> bool:
    """Capitalised time words that are the whole of a quotation: a title."""
    return bool(_OPENING_MARK.search(text, 0, found.start)) and bool(
        _CLOSING_MARK.match(text, found.end)
    )


def in_name(found: Found, state: State, follows: re.Pattern[str]) -> bool:
    """True when the candidate is part of a name, not a time expression."""
    text = state.text
    if found.rule in _DATE_RULES:
        return not found.match.groupdict().get("year") and bool(follows.match(text, found.end))
    if found.rule == "month":
        return (
            bool(_MONTH_OF_NAME.match(text, found.end))
            or _march_for(found, text)
            or _month_in_person_name(found, text)
            or _titled_month(found, text)
            or (not found.match.group("rel") and bool(follows.match(text, found.end)))
        )
    if found.rule == "duration":
        # A capitalised amount of time quoted alone is a title: 'on CBS's "60 Minutes."'.
        words = text[found.start : found.end].split()
        return all(w[0].isupper() or w[0].isdigit() for w in words) and _whole_title(found, text)
    if found.rule not in _WORD_RULES:
        return False
    words = text[found.start : found.end].split()
    if not words or not all(w[0].isupper() for w in words):
        return False
    if len(words) > 1:
        return bool(_NEXT_CAPITAL.match(text, found.end)) or _whole_title(found, text)
    before = text[max(0, found.start - _LOOK_BACK) : found.start]
    if _SENTENCE_START.search(before):
        return False
    return bool(_CAPITAL_BEFORE.search(before))
