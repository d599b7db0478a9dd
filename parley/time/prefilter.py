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
from typing import Any

KEY_LEN = 3
DIGIT_KEY = "#"  # a word starting with a digit; the rest of it is not looked at
OTHER_KEY = "*"  # a word whose key characters are not all ASCII: tried by every rule
_WORD_CHARS = frozenset(string.ascii_lowercase + string.digits + "_")
_RUN = re.compile(r"\w+")


class _Unbounded(Exception):
    """The pattern may start somewhere the word index does not cover."""


# A partial key: (prefix so far, state). "open": more word characters may follow in the text;
# "exact": the word ends after the prefix; "full": three characters (or a digit key) known.
_State = tuple[str, str]


def _consume(states: set[_State], chars: frozenset[str] | None, bounded: bool) -> set[_State]:
    """Advance every partial key by one character drawn from ``chars`` (None: any)."""
    out: set[_State] = set()
    for prefix, kind in states:
        if kind != "open":
            out.add((prefix, kind))
            continue
        if not prefix and not bounded:
            raise _Unbounded("a match may start without a word boundary")
        if chars is None:
            if not prefix:
                raise _Unbounded("a match may start with any character")
            out.add((prefix, "stop"))  # unknown from here on: any key with this prefix
            continue
        for ch in chars:
            low = ch.lower()
            if not ch.isascii() or not low.isascii():
                if ch.isalnum() or ch == "_":
                    continue  # a non-ASCII word character: that word's key is OTHER_KEY
                if not prefix:
                    raise _Unbounded("a match may start with a non-word character")
                out.add((prefix, "exact"))
            elif low in _WORD_CHARS:
                if not prefix and low.isdigit():
                    out.add((DIGIT_KEY, "full"))
                else:
                    key = prefix + low
                    out.add((key, "full" if len(key) >= KEY_LEN else "open"))
            else:
                if not prefix:
                    raise _Unbounded("a match may start with a non-word character")
                out.add((prefix, "exact"))
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


def _walk(items: list[tuple[Any, Any]], states: set[_State], bounded: bool) -> set[_State]:
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
            states = _consume(states, frozenset(chr(av)), bounded)
        elif op is _c.IN:
            states = _consume(states, _set_chars(av), bounded)
        elif op in (_c.NOT_LITERAL, _c.ANY):
            states = _consume(states, None, bounded)
        elif op is _c.SUBPATTERN:
            states = _walk(av[-1].data, states, bounded)
        elif op is _c.BRANCH:
            merged: set[_State] = set()
            for branch in av[1]:
                merged |= _walk(branch.data, states, bounded)
            states = merged
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            low, high, sub = av
            states = _repeat(sub.data, states, bounded, low, high)
        else:
            raise _Unbounded(f"unsupported construct {op}")
    return states


def _repeat(
    items: list[tuple[Any, Any]], states: set[_State], bounded: bool, low: int, high: int
) -> set[_State]:
    for _ in range(low):
        states = _walk(items, states, bounded)
    seen = set(states)
    count = low
    while count < high:
        states = _walk(items, states, bounded)
        count += 1
        if states <= seen:
            break
        seen |= states
    return seen


def start_keys(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Every key a match of ``pattern`` can start with; None when that cannot be bounded."""
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
        if parsed.getwidth()[0] == 0:
            return None  # empty matches: finditer's stepping rules would differ
        final = _walk(parsed.data, {("", "open")}, False)
    except (_Unbounded, AttributeError, TypeError, ValueError, RecursionError):
        return None
    keys: set[str] = {OTHER_KEY}
    for prefix, kind in final:
        if not prefix:
            return None
        keys.add(prefix)
        if kind in ("open", "stop"):
            keys.update(_extensions(prefix))
    return frozenset(keys)


def _extensions(prefix: str) -> Iterator[str]:
    """Every key that a word beginning with ``prefix`` can have."""
    frontier = [prefix]
    while frontier:
        grown = [p + ch for p in frontier for ch in _WORD_CHARS if len(p) < KEY_LEN]
        yield from grown
        frontier = grown


def word_index(text: str) -> dict[str, list[int]]:
    """Start offsets of the words of ``text`` by key, each list in text order."""
    index: dict[str, list[int]] = {}
    for m in _RUN.finditer(text):
        head = m.group()[:KEY_LEN]
        if head[0].isdigit() and head[0].isascii():
            key = DIGIT_KEY
        elif head.isascii():
            key = head.lower()
        else:
            key = OTHER_KEY
        bucket = index.get(key)
        if bucket is None:
            index[key] = [m.start()]
        else:
            bucket.append(m.start())
    return index


def scan(
    regex: re.Pattern[str], keys: frozenset[str] | None, text: str, index: dict[str, list[int]]
) -> Iterator[re.Match[str]]:
    """The same matches as ``regex.finditer(text)``, given ``keys = start_keys(regex)`` and
    ``index = word_index(text)``."""
    if keys is None:
        yield from regex.finditer(text)
        return
    starts: list[int] = []
    for key in keys.intersection(index):
        starts.extend(index[key])
    starts.sort()
    match = regex.match
    end = 0
    for pos in starts:
        if pos < end:
            continue  # finditer resumes after its previous match
        m = match(text, pos)
        if m is not None:
            end = m.end()
            yield m
