"""Run each tagging rule only where one of its matches could start, with the same result.

Most rules begin with ``\\b`` and a long alternation of words, which Python's ``re`` can neither
skip ahead for (no literal prefix) nor try quickly (alternatives are tried one by one), so a
plain ``finditer`` runs the whole alternation at every word boundary of the text. Instead:

- each word of the text gets a *key*: its first three characters in lower case (``"#"`` when
  it starts with a digit, ``"*"`` when those characters are not all ASCII, since
  case-insensitive matching makes "ſ" or the Kelvin sign equal to ASCII letters);
- each rule's pattern is read (``re``'s own parser) for the keys its matches can begin with,
  and for each such key the keys the next word of the match can have ("the" must be followed
  by "past", "next", a number... in a duration);
- the rule is then tried with ``Pattern.match`` only at the words whose key and next word's key
  fit, in text order, skipping positions inside its previous match: exactly the matches
  ``finditer`` returns, since ``finditer`` is that same left-to-right scan and the rule can
  match nowhere else.

A pattern whose matches may start inside a word gets a *probe* instead: a cheap regex for the
first letters of its matches. One the reader cannot bound (a match may start with any
character, or it uses a construct the reader does not know) keeps the plain ``finditer``:
slower, never different.
"""

from __future__ import annotations

import re

# re's own parser and opcode names: private but stable within a Python version; any surprise
# (an exception while reading a pattern) falls back to plain finditer for that pattern.
import re._constants as _c
import re._parser as _p
import string
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from typing import Any, cast

KEY_LEN = 3
DIGIT_KEY = "#"  # a word starting with a digit; the rest of it is not looked at
OTHER_KEY = "*"  # a word whose key characters are not all ASCII: tried by every rule
END_KEY = ""  # after the last word
_WORD_CHARS = frozenset(string.ascii_lowercase + string.digits + "_")
_RUN = re.compile(r"\w+")
_HEAD = re.compile(rf"(\w{{1,{KEY_LEN}}})\w*")  # the same words as _RUN
_START = re.Match.start


class _Unbounded(Exception):
    """The pattern may start somewhere the reader cannot bound."""


# What the reader knows of a match after some of its pattern: (first key, second key, phase).
# Phases while reading: "w1" in the first word's key, "in1" past it, "gap" between words, "w2"
# in the second word's key. When done: "k1*" the first key is only a prefix (any key that
# begins so) and the next word is unknown; "k1" the first key is known, the next word unknown;
# "k2*" the second key is only a prefix; "k2" both are known. The probe mode uses "w1" and
# "p" (a known first-letters prefix) only.
_State = tuple[str, str, str]
_ACTIVE = frozenset({"w1", "in1", "gap", "w2"})
_FINISH = {"w1": "k1*", "in1": "k1", "gap": "k1", "w2": "k2*"}
_Step = Callable[[_State, str | None, bool], _State | None]


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what re's \w is for str patterns


def _step_words(state: _State, ch: str | None, bounded: bool) -> _State | None:
    """One more character (None: unknown) of a match read for word keys; None when the key
    becomes OTHER_KEY, which every rule tries anyway."""
    k1, k2, phase = state
    if ch is None:
        if phase == "w1" and not k1:
            raise _Unbounded("a match may start with any character")
        return (k1, k2, _FINISH[phase])
    word = _is_word(ch)
    low = ch.lower() if ch.isascii() else None
    if phase == "w1":
        if not k1 and not (bounded and word):
            raise _Unbounded("a match may start inside a word or with a non-word character")
        if not word:
            return (k1, "", "gap")
        if low is None:
            return None
        if not k1 and low.isdigit():
            return (DIGIT_KEY, "", "in1")
        return (k1 + low, "", "in1" if len(k1) + 1 == KEY_LEN else "w1")
    if phase == "in1":
        return (k1, "", "in1" if word else "gap")
    if phase == "gap":
        if not word:
            return state
        if low is None:
            return None
        return (k1, DIGIT_KEY, "k2") if low.isdigit() else (k1, low, "w2")
    if not word:  # phase "w2"
        return (k1, k2, "k2")
    if low is None:
        return None
    return (k1, k2 + low, "k2" if len(k2) + 1 == KEY_LEN else "w2")


def _step_letters(state: _State, ch: str | None, bounded: bool) -> _State | None:
    """One more character of a match read for its first letters (for a probe)."""
    prefix = state[0]
    if ch is not None and ch.isascii() and _is_word(ch) and (prefix or ch.isalpha()):
        key = prefix + ch.lower()
        return (key, "", "p" if len(key) == KEY_LEN else "w1")
    if not prefix:
        raise _Unbounded("a match may start with a character other than an ASCII letter")
    return (prefix, "", "p")


def _consume(
    states: set[_State], chars: frozenset[str] | None, bounded: bool, step: _Step
) -> set[_State]:
    """Advance every state still reading by one character drawn from ``chars`` (None: any)."""
    out: set[_State] = set()
    for state in states:
        if state[2] not in _ACTIVE:
            out.add(state)
            continue
        drawn: frozenset[str] | tuple[None] = (None,) if chars is None else chars
        if len(drawn) > _WIDE and (state[0] or state[2] != "w1"):
            # A wide class past the first letter ("[A-Z]{2,4}" after a number) would make a
            # key of every combination: read it as unknown, which lets more words through.
            drawn = (None,)
        for ch in drawn:
            new = step(state, ch, bounded)
            if new is not None:
                out.add(new)
    return out


_WIDE = 12  # characters; a digit class (ten ASCII digits and a stand-in) is not wide


_CATEGORY_CHARS = {
    # A non-ASCII digit stands for all of them (word characters, but not ASCII).
    _c.CATEGORY_DIGIT: frozenset(string.digits + "\u0663"),
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
    items: list[tuple[Any, Any]], states: set[_State], bounded: bool, step: _Step
) -> set[_State]:
    """The partial keys after the items of a parsed (sub)pattern."""
    for op, av in items:
        if all(state[2] not in _ACTIVE for state in states):
            return states
        if op is _c.AT:
            if av is _c.AT_BOUNDARY:
                bounded = True
            continue
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: the key is read from what the match consumes
        if op is _c.LITERAL:
            states = _consume(states, frozenset(chr(av)), bounded, step)
        elif op is _c.IN:
            states = _consume(states, _set_chars(av), bounded, step)
        elif op in (_c.NOT_LITERAL, _c.ANY):
            states = _consume(states, None, bounded, step)
        elif op is _c.SUBPATTERN:
            states = _walk(av[-1].data, states, bounded, step)
        elif op is _c.BRANCH:
            merged: set[_State] = set()
            for branch in av[1]:
                merged |= _walk(branch.data, states, bounded, step)
            states = merged
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            low, high, sub = av
            states = _repeat(sub.data, states, bounded, step, low, high)
        else:
            raise _Unbounded(f"unsupported construct {op}")
    return states


def _repeat(
    items: list[tuple[Any, Any]],
    states: set[_State],
    bounded: bool,
    step: _Step,
    low: int,
    high: int,
) -> set[_State]:
    for _ in range(low):
        states = _walk(items, states, bounded, step)
    seen = set(states)
    count = low
    while count < high:
        states = _walk(items, states, bounded, step)
        count += 1
        if states <= seen:
            break
        seen |= states
    return seen


# For each key a match's first word can have, the keys its next word can have (None: any).
WordKeys = Mapping[str, frozenset[str] | None]


@dataclass(frozen=True, slots=True)
class Starts:
    """Where a pattern's matches can start: at words that fit ``words`` (see ``word_index``),
    or else where ``probe`` matches (a cheap regex); neither: anywhere."""

    words: WordKeys | None = None
    probe: re.Pattern[str] | None = None


ANYWHERE = Starts()
_ERRORS = (_Unbounded, AttributeError, TypeError, ValueError, RecursionError, re.error)


def starts_of(pattern: re.Pattern[str]) -> Starts:
    """Read ``pattern`` for where its matches can start."""
    return _starts_of_source(pattern.pattern, pattern.flags)


# A memo of a pure function of the pattern's source: reading the rules takes a third of a
# second, and every ``TimeResources`` built in one process reads the same ones.
@lru_cache(maxsize=256)
def _starts_of_source(source: str, flags: int) -> Starts:
    try:
        parsed = _p.parse(source, flags)
        if parsed.getwidth()[0] == 0:
            return ANYWHERE  # empty matches: finditer's stepping rules would differ
    except _ERRORS:
        return ANYWHERE
    try:
        return Starts(words=_word_keys(_read(parsed.data, _step_words)))
    except _ERRORS:
        pass
    try:
        return Starts(probe=_probe(_read(parsed.data, _step_letters)))
    except _ERRORS:
        return ANYWHERE


def _read(items: list[tuple[Any, Any]], step: _Step) -> set[_State]:
    states = _walk(items, {("", "", "w1")}, False, step)
    done = {(k1, k2, _FINISH.get(phase, phase)) for k1, k2, phase in states}
    if any(not k1 for k1, _, _ in done):
        raise _Unbounded("a match may be empty")
    return done


def _word_keys(final: set[_State]) -> dict[str, frozenset[str] | None]:
    nexts: dict[str, set[str] | None] = {OTHER_KEY: None}
    for k1, k2, phase in final:
        if phase == "k1*":
            for key in (k1, *_extensions(k1)):
                nexts[key] = None
        elif phase == "k1":
            nexts[k1] = None
        elif (known := nexts.setdefault(k1, set())) is not None:
            known.add(k2)
            if phase == "k2*":
                known.update(_extensions(k2))
    return {k1: None if k2s is None else frozenset({*k2s, OTHER_KEY}) for k1, k2s in nexts.items()}


# Non-ASCII characters that case-insensitive matching takes for ASCII letters (Python 3.11;
# a test checks this against every code point).
CASE_TWINS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _probe(final: set[_State]) -> re.Pattern[str]:
    """A regex matching at every position where a match beginning with one of the letter
    prefixes in ``final`` may start. It consumes one character from a plain class, so that
    ``re`` skips ahead by that class (it cannot for a case-insensitive first character), then
    checks that character and looks ahead for the rest, so that no overlapping start is
    skipped."""
    rests: dict[str, set[str]] = {}
    for prefix, _, _ in final:
        rests.setdefault(prefix[0], set()).add(prefix[1:])
    firsts = {c for first in rests for c in (first, first.upper(), *CASE_TWINS.get(first, ""))}
    head = "[" + "".join(re.escape(c) for c in sorted(firsts)) + "]"
    checks = []
    for first, tails in sorted(rests.items()):
        check = f"(?<=(?i:{re.escape(first)}))"
        if "" not in tails:
            ordered = sorted(tails, key=len, reverse=True)
            check += "(?=(?i:" + "|".join(re.escape(t) for t in ordered) + "))"
        checks.append(check)
    return re.compile(head + "(?:" + "|".join(checks) + ")")


def start_keys(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Every key a match of ``pattern`` can start with; None when that cannot be bounded."""
    words = starts_of(pattern).words
    return None if words is None else frozenset(words)


def _extensions(prefix: str) -> Iterator[str]:
    """Every longer key that a word beginning with ``prefix`` can have."""
    frontier = [prefix]
    while frontier:
        grown = [p + ch for p in frontier for ch in _WORD_CHARS if len(p) < KEY_LEN]
        yield from grown
        frontier = grown


def _key(head: str) -> str:
    if head[0].isdigit() and head[0].isascii():
        return DIGIT_KEY
    return head.lower() if head.isascii() else OTHER_KEY


class _KeyCache(dict[str, str]):
    """Keys of word heads seen before, so that most words cost one dict look-up in C."""

    def __missing__(self, head: str) -> str:
        key = _key(head)
        if len(self) < _CACHE_SIZE:
            self[head] = key
        return key


_CACHE_SIZE = 100_000  # heads are at most three characters: few distinct ones in practice
_KEYS = _KeyCache()


class _PairTable(dict[tuple[str, str], tuple[int, ...]]):
    """(first key, next key) -> the numbers of the patterns whose matches may start there."""

    def __init__(self, words: list[tuple[int, WordKeys]]) -> None:
        super().__init__()
        # Per first key: the patterns that take any next word, and the others with theirs.
        self.any: dict[str, tuple[int, ...]] = {}
        self.some: dict[str, list[tuple[int, frozenset[str]]]] = {}
        for number, keys in words:
            for first, allowed in keys.items():
                if allowed is None:
                    self.any[first] = (*self.any.get(first, ()), number)
                else:
                    self.some.setdefault(first, []).append((number, allowed))

    def __missing__(self, pair: tuple[str, str]) -> tuple[int, ...]:
        first, after = pair
        found = self.any.get(first, ())
        found += tuple(n for n, allowed in self.some.get(first, ()) if after in allowed)
        if len(self) < _CACHE_SIZE:
            self[pair] = found
        return found


class StartFinder:
    """Where each of a sequence of patterns may match in a text, found in one pass over its
    words (see the module doc); made once per pattern set."""

    def __init__(self, all_starts: Sequence[Starts]) -> None:
        self.starts = tuple(all_starts)
        words = [(n, s.words) for n, s in enumerate(self.starts) if s.words is not None]
        self.first = frozenset(key for _, keys in words for key in keys)
        self.pairs = _PairTable(words)

    def offsets(self, text: str) -> list[list[int] | None]:
        """For each pattern, the offsets in ``text`` where a match of it may start, in text
        order (None: anywhere)."""
        out: list[list[int] | None] = []
        for starts in self.starts:
            if starts.words is not None:
                out.append([])
            elif starts.probe is not None:
                out.append(list(map(_START, starts.probe.finditer(text))))
            else:
                out.append(None)
        keys = list(map(_KEYS.__getitem__, _HEAD.findall(text)))
        if not keys:
            return out
        nexts = keys[1:]
        nexts.append(END_KEY)
        offsets = list(map(_START, _RUN.finditer(text)))
        # All in C but the loop at the end, which only sees words that some pattern takes.
        wanted = list(map(self.first.__contains__, keys))
        pairs = zip(compress(keys, wanted), compress(nexts, wanted), strict=True)
        numbers = list(map(self.pairs.__getitem__, pairs))
        lists = cast(list[list[int]], out)  # only the word-keyed entries are filled below
        for offset, taken in compress(
            zip(compress(offsets, wanted), numbers, strict=True), numbers
        ):
            for number in taken:
                lists[number].append(offset)
        return out


def scan(regex: re.Pattern[str], offsets: list[int] | None, text: str) -> Iterator[re.Match[str]]:
    """The same matches as ``regex.finditer(text)``, given the offsets where they may start
    (from ``StartFinder.offsets``; None: anywhere)."""
    if offsets is None:
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
