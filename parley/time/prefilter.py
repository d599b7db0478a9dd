"""Run each tagging rule only where one of its matches could start, with the same result.

Most rules begin with ``\\b`` and a long alternation of words, which Python's ``re`` can neither
skip ahead for (no literal prefix) nor try quickly (alternatives are tried one by one), so a
plain ``finditer`` runs the whole alternation at every word boundary of the text. Instead:

- each word of the text is indexed once by its *key*: its first three characters in lower case
  (``"#"`` when it starts with a digit, ``"*"`` when those characters are not all ASCII, since
  case-insensitive matching makes "ſ" or the Kelvin sign equal to ASCII letters);
- each rule's pattern is read (``re``'s own parser) for the keys a match of it can begin with;
- the rule is then tried with ``Pattern.match`` at the indexed positions of those keys only,
  in text order, skipping positions inside its previous match: exactly the matches
  ``finditer`` returns, since ``finditer`` is that same left-to-right scan and a rule can match
  nowhere else.

A pattern the reader cannot bound (one that may start mid-word or with an unknown character,
or uses a construct it does not know) keeps the plain ``finditer``: slower, never different.
"""

from __future__ import annotations

import re

# re's own parser and opcode names: private but stable within a Python version; any surprise
# (an exception while reading a pattern) falls back to plain finditer for that pattern.
import re._constants as _c
import re._parser as _p
import string
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

KEY_LEN = 3
DIGIT_KEY = "#"  # a word starting with a digit; the rest of it is not looked at
OTHER_KEY = "*"  # a word whose key characters are not all ASCII: tried by every rule
_WORD_CHARS = frozenset(string.ascii_lowercase + string.digits + "_")
_RUN = re.compile(r"\w+")
_HEAD = re.compile(rf"(\w{{1,{KEY_LEN}}})\w*")  # the same words as _RUN
_START = re.Match.start


class _Unbounded(Exception):
    """The pattern may start somewhere the word index does not cover."""


# A partial key: (prefix so far, state). "open": more word characters may follow in the text;
# "exact": the word ends after the prefix; "full": three characters (or a digit key) known.
_State = tuple[str, str]


def _consume(
    states: set[_State], chars: frozenset[str] | None, bounded: bool, words: bool
) -> set[_State]:
    """Advance every partial key by one character drawn from ``chars`` (None: any).

    With ``words`` the key is that of the text word the match starts (see ``word_index``) and
    the match must start at a word boundary; without, it is the first letters of the match.
    """
    out: set[_State] = set()
    for prefix, kind in states:
        if kind != "open":
            out.add((prefix, kind))
            continue
        if not prefix and words and not bounded:
            raise _Unbounded("a match may start without a word boundary")
        if chars is None:
            if not prefix:
                raise _Unbounded("a match may start with any character")
            out.add((prefix, "stop"))  # unknown from here on: any key with this prefix
            continue
        for ch in chars:
            low = ch.lower()
            ascii_word = ch.isascii() and low in _WORD_CHARS
            if not words:
                if ascii_word and (prefix or low.isalpha()):
                    key = prefix + low
                    out.add((key, "full" if len(key) >= KEY_LEN else "open"))
                elif prefix:
                    out.add((prefix, "stop"))
                else:
                    raise _Unbounded("a match may start with a character other than a letter")
            elif ascii_word:
                if not prefix and low.isdigit():
                    out.add((DIGIT_KEY, "full"))
                else:
                    key = prefix + low
                    out.add((key, "full" if len(key) >= KEY_LEN else "open"))
            elif ch.isalnum() or ch == "_":
                continue  # a non-ASCII word character: that word's key is OTHER_KEY
            elif prefix:
                out.add((prefix, "exact"))
            else:
                raise _Unbounded("a match may start with a non-word character")
    return out


_CATEGORY_CHARS = {
    _c.CATEGORY_DIGIT: frozenset(string.digits),
    _c.CATEGORY_SPACE: frozenset(" \t\n\r\f\v"),  # any other space is also a non-word char
}


def _set_chars(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The characters of a ``[...]`` class, as far as the key is concerned; None if unknown."""
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE:
            lo, hi = av
            if hi - lo > 200:
                return None
            chars.update(chr(i) for i in range(lo, hi + 1))
        elif op is _c.CATEGORY and av in _CATEGORY_CHARS:
            chars.update(_CATEGORY_CHARS[av])
            if av is _c.CATEGORY_SPACE:
                chars.add("\u00a0")  # stands for every non-ASCII space: a non-word char
        else:
            return None  # negation, \w, other categories
    return frozenset(chars)


def _walk(
    items: list[tuple[Any, Any]], states: set[_State], bounded: bool, words: bool
) -> set[_State]:
    """The partial keys after the items of a parsed (sub)pattern."""
    for op, av in items:
        if all(kind != "open" for _, kind in states):
            return states
        if op is _c.AT:
            if av is _c.AT_BOUNDARY:
                bounded = True
            continue
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: the key is read from what the match consumes
        if op is _c.LITERAL:
            states = _consume(states, frozenset(chr(av)), bounded, words)
        elif op is _c.IN:
            states = _consume(states, _set_chars(av), bounded, words)
        elif op in (_c.NOT_LITERAL, _c.ANY):
            states = _consume(states, None, bounded, words)
        elif op is _c.SUBPATTERN:
            states = _walk(av[-1].data, states, bounded, words)
        elif op is _c.BRANCH:
            merged: set[_State] = set()
            for branch in av[1]:
                merged |= _walk(branch.data, states, bounded, words)
            states = merged
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            low, high, sub = av
            states = _repeat(sub.data, states, bounded, words, low, high)
        else:
            raise _Unbounded(f"unsupported construct {op}")
    return states


def _repeat(
    items: list[tuple[Any, Any]],
    states: set[_State],
    bounded: bool,
    words: bool,
    low: int,
    high: int,
) -> set[_State]:
    for _ in range(low):
        states = _walk(items, states, bounded, words)
    seen = set(states)
    count = low
    while count < high:
        states = _walk(items, states, bounded, words)
        count += 1
        if states <= seen:
            break
        seen |= states
    return seen


@dataclass(frozen=True, slots=True)
class Starts:
    """Where a pattern's matches can start: words with one of ``keys`` (see ``word_index``), or
    else where ``probe`` matches (a cheap regex); neither: anywhere."""

    keys: frozenset[str] | None = None
    probe: re.Pattern[str] | None = None


ANYWHERE = Starts()


def starts_of(pattern: re.Pattern[str]) -> Starts:
    """Read ``pattern`` for where its matches can start."""
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
        if parsed.getwidth()[0] == 0:
            return ANYWHERE  # empty matches: finditer's stepping rules would differ
    except (AttributeError, TypeError, ValueError, RecursionError, re.error):
        return ANYWHERE
    try:
        return Starts(keys=_word_keys(_walk(parsed.data, {("", "open")}, False, True)))
    except (_Unbounded, AttributeError, TypeError, ValueError, RecursionError):
        pass
    try:
        return Starts(probe=_probe(_walk(parsed.data, {("", "open")}, False, False)))
    except (_Unbounded, AttributeError, TypeError, ValueError, RecursionError):
        return ANYWHERE


def _word_keys(final: set[_State]) -> frozenset[str]:
    keys: set[str] = {OTHER_KEY}
    for prefix, kind in final:
        if not prefix:
            raise _Unbounded("a match may be empty")
        keys.add(prefix)
        if kind in ("open", "stop"):
            keys.update(_extensions(prefix))
    return frozenset(keys)


# Non-ASCII characters that case-insensitive matching takes for ASCII letters (Python 3.11;
# a test checks this against every code point).
CASE_TWINS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _probe(final: set[_State]) -> re.Pattern[str]:
    """A regex matching at every position where a match beginning with one of the letter
    prefixes in ``final`` may start. It consumes one character from a plain class, so that
    ``re`` skips ahead by that class (it cannot for a case-insensitive first character), and
    looks ahead for the rest, so that no overlapping start is skipped."""
    firsts: set[str] = set()
    rests: set[str] = set()
    for prefix, _ in final:
        if not prefix:
            raise _Unbounded("a match may be empty")
        first = prefix[0]
        firsts.update((first, first.upper(), *CASE_TWINS.get(first, "")))
        rests.add(prefix[1:])
    head = "[" + "".join(re.escape(c) for c in sorted(firsts)) + "]"
    if "" in rests:
        return re.compile(head)
    tail = "|".join(re.escape(r) for r in sorted(rests, key=len, reverse=True))
    return re.compile(f"{head}(?=(?i:{tail}))")


def start_keys(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Every key a match of ``pattern`` can start with; None when that cannot be bounded."""
    return starts_of(pattern).keys


def _extensions(prefix: str) -> Iterator[str]:
    """Every key that a word beginning with ``prefix`` can have."""
    frontier = [prefix]
    while frontier:
        grown = [p + ch for p in frontier for ch in _WORD_CHARS if len(p) < KEY_LEN]
        yield from grown
        frontier = grown


def _key(head: str) -> str:
    if head[0].isdigit() and head[0].isascii():
        return DIGIT_KEY
    return head.lower() if head.isascii() else OTHER_KEY


def word_index(text: str) -> dict[str, list[int]]:
    """Start offsets of the words of ``text`` by key (the first three characters in lower
    case; DIGIT_KEY or OTHER_KEY, see above), each list in text order."""
    heads = _HEAD.findall(text)
    # Grouping by the exact first characters first leaves few strings to turn into keys.
    by_head: dict[str, list[int]] = {head: [] for head in set(heads)}
    for head, start in zip(heads, map(_START, _RUN.finditer(text)), strict=True):
        by_head[head].append(start)
    index: dict[str, list[int]] = {}
    merged: set[str] = set()
    for head, offsets in by_head.items():
        key = _key(head)
        if key in index:
            index[key].extend(offsets)
            merged.add(key)
        else:
            index[key] = offsets
    for key in merged:
        index[key].sort()
    return index


def scan(
    regex: re.Pattern[str], starts: Starts, text: str, index: dict[str, list[int]]
) -> Iterator[re.Match[str]]:
    """The same matches as ``regex.finditer(text)``, given ``starts = starts_of(regex)`` and
    ``index = word_index(text)``."""
    if starts.keys is not None:
        offsets: list[int] = []
        for key in starts.keys.intersection(index):
            offsets.extend(index[key])
        offsets.sort()
    elif starts.probe is not None:
        offsets = list(map(_START, starts.probe.finditer(text)))
    else:
        yield from regex.finditer(text)
        return
    match = regex.match
    end = 0
    for pos in offsets:
        if pos < end:
            continue  # finditer resumes after its previous match
        m = match(text, pos)
        if m is not None:
            end = m.end()
            yield m
