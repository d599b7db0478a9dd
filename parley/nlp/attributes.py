"""The model's attribute ruler, its patterns looked up by token instead of matched.

spaCy's ``AttributeRuler`` sets each token's coarse part of speech, morphology and some
lemmas from patterns over its fine tag, lower-case form and dependency label (179 groups
in ``en_core_web_sm``). It runs every pattern at every token through spaCy's general
``Matcher`` and then sets each match's attributes one ``Span`` and ``Token`` at a time: a
tenth of the whole parse's time on news text, for what is mostly a table look-up.

``IndexedRuler`` gives exactly the same annotation (a test compares every attribute of every
token with the stock ruler's). A one-token pattern depends on nothing but the values its
token has in the attributes the patterns read, and a text repeats a few hundred distinct
such rows: each distinct row is looked up once (remembered across documents, up to a
bound), by the patterns filed under its values, and the results are spread back to the
tokens with numpy. The few longer patterns ("gon na", "let 's") are tried only where their
filed token's value occurs. The attributes are written back in one ``Doc.from_array``. The
precedence is the stock ruler's: a later pattern group overrides an earlier one.

``compile_ruler`` gives ``None`` when a ruler uses what the index does not implement
(operators, other predicates, other attributes, extension attributes), and the stock ruler
stays in place.
"""

# No ``from __future__ import annotations``: spaCy reads the factory's annotations at run time.
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, overload

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

INDEXED = "parley_attribute_index"

# Token attributes a pattern may test: hash-valued ones, and flags (True or False).
_HASHED = {"ORTH": ORTH, "LOWER": LOWER, "NORM": NORM, "TAG": TAG, "DEP": DEP}
_FLAGS = {"IS_SPACE": IS_SPACE}
# The attribute a pattern is filed under when one token requires values of several: the one
# whose values are rarest in text first.
_SELECTIVE = ("ORTH", "LOWER", "NORM", "DEP", "TAG", "IS_SPACE")
# Token attributes a group may set: those ``Doc.from_array`` sets as the ruler does (on the
# token alone; the ruler also writes lexical attributes to the lexeme, which these are not).
_WRITABLE = (POS, TAG, DEP, LEMMA, MORPH)
# Distinct rows remembered across documents (about 200 bytes each): bounded, so a long run's
# memory stays flat; the memory is emptied when it fills.
MEMORY = 20_000

Test = Callable[[int], bool]  # a predicate over one attribute's value (hash or flag)
Writes = tuple[tuple[int, int], ...]  # (writable attribute's position, value) pairs
Finals = tuple[int | None, ...]  # per written attribute: its value (None: left as it is)
# The word-form attributes: a text has thousands of distinct values of them, the patterns
# name a few hundred.
_FORMS = ("ORTH", "LOWER", "NORM")


@dataclass(frozen=True)
class _Pattern:
    group: int  # the pattern group: later groups take precedence
    tests: tuple[tuple[tuple[int, Test], ...], ...]  # per token: (column, test) pairs
    index: int  # which token of the match gets the attributes (may be negative)
    filed_at: int  # which token of the pattern its filing values belong to


class _Unsupported(ValueError):
    """A pattern the index cannot match exactly as spaCy's Matcher does."""


class IndexedRuler:
    """The ruler's patterns filed by the values one of their tokens requires."""

    def __init__(
        self,
        columns: Sequence[int],
        filed: dict[tuple[int, int], list[_Pattern]],
        unfiled: list[_Pattern],
        writes: list[Writes],
        forms: Sequence["_Form"] = (),
    ) -> None:
        self.columns: list[int | str] = list(columns)  # the token attributes read, in order
        self.single = _by_column(filed, longer=False)  # one-token patterns
        self.single_unfiled = [p for p in unfiled if len(p.tests) == 1]
        self.longer = _by_column(filed, longer=True)
        self.longer_unfiled = [p for p in unfiled if len(p.tests) > 1]
        self.writes = writes
        self.write_columns = sorted({c for group in writes for c, _ in group})
        self.forms = list(forms)
        self.regex_memory: dict[int, dict[int, bool]] = {}  # column -> form -> passes
        # row -> its groups and their values
        self.memory: dict[tuple[int, ...], tuple[tuple[int, ...], Finals]] = {}

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n or not self.write_columns:
            return doc
        rows = doc.to_array(self.columns).reshape(n, len(self.columns))
        keys = self._keys(rows, doc.vocab.strings)
        distinct, inverse, first = distinct_rows(keys, firsts=True)
        found = [
            self._look_up(tuple(key), row)
            for key, row in zip(distinct.tolist(), rows[first].tolist(), strict=True)
        ]
        extra = self._longer_hits(rows)
        attrs: list[int | str] = [_WRITABLE[c] for c in self.write_columns]
        out = doc.to_array(attrs).reshape(n, len(attrs))
        changed = False
        for k in range(len(attrs)):
            values = [finals[k] for _, finals in found]
            sets = np.array([v is not None for v in values], dtype=bool)
            if not sets.any():
                continue
            chosen = np.array([v or 0 for v in values], dtype=np.uint64)
            out[:, k] = np.where(sets[inverse], chosen[inverse], out[:, k])
            changed = True
        for token, groups in extra.items():
            merged = tuple(sorted({*found[inverse[token]][0], *groups}))
            for k, value in enumerate(self._finals(merged)):
                if value is not None:
                    out[token, k] = value
                    changed = True
        if changed:
            doc.from_array(attrs, out)  # type: ignore[arg-type]  # spaCy's Ints2d: any ints
        return doc

    def _keys(self, rows: np.ndarray, strings: Any) -> np.ndarray:
        """The rows with every word form no one-token pattern can tell from another (named
        by none, passing no regular expression) as one value: the memory's keys. Without
        this each new word of a text was a new row to look up, though it matches what any
        other unnamed word of its tag and dependency matches."""
        if not self.forms:
            return rows
        keys = rows.copy()
        for form in self.forms:
            values = rows[:, form.column]
            kept = np.isin(values, form.named)
            if form.regexes:
                others, where = np.unique(values[~kept], return_inverse=True)
                memory = self.regex_memory.setdefault(form.column, {})
                passing = [memory.get(v) for v in others.tolist()]
                if None in passing:
                    passing = [
                        self._passes_regex(form, v, strings) if known is None else known
                        for v, known in zip(others.tolist(), passing, strict=True)
                    ]
                kept[~kept] = np.array(passing, dtype=bool)[where.reshape(-1)]
            keys[:, form.column] = np.where(kept, values, form.other)
        return keys

    def _passes_regex(self, form: "_Form", value: int, strings: Any) -> bool:
        """Whether a form passes one of the column's regular expressions (remembered)."""
        memory = self.regex_memory[form.column]
        if len(memory) >= MEMORY:
            memory.clear()
        text = strings[value]
        known = memory[value] = any(regex.search(text) for regex in form.regexes)
        return known

    def _look_up(self, key: tuple[int, ...], row: Sequence[int]) -> tuple[tuple[int, ...], Finals]:
        """The groups of the one-token patterns a token with ``row`` matches, in order, and
        the values they leave in each written attribute; remembered by the row's ``key``
        (``_keys``: rows of one key match the same patterns)."""
        known = self.memory.get(key)
        if known is None:
            hits = set()
            for column, table in self.single:
                for pattern in table.get(row[column], ()):
                    if _passes(pattern.tests[0], row):
                        hits.add(pattern.group)
            for pattern in self.single_unfiled:
                if _passes(pattern.tests[0], row):
                    hits.add(pattern.group)
            groups = tuple(sorted(hits))
            known = (groups, self._finals(groups))
            if len(self.memory) >= MEMORY:
                self.memory.clear()
            self.memory[key] = known
        return known

    def _longer_hits(self, rows: np.ndarray) -> dict[int, set[int]]:
        """Token -> the groups of the longer patterns that set it, tried where they may match."""
        hits: dict[int, set[int]] = {}
        n = len(rows)
        listed: list[list[int]] | None = None
        for column, table in self.longer:
            where = np.flatnonzero(np.isin(rows[:, column], list(table)))
            if not len(where):
                continue
            listed = listed if listed is not None else rows.tolist()
            for position in where.tolist():
                for pattern in table[listed[position][column]]:
                    _try(pattern, listed, position - pattern.filed_at, n, hits)
        if self.longer_unfiled:
            listed = listed if listed is not None else rows.tolist()
            for start in range(n):
                for pattern in self.longer_unfiled:
                    _try(pattern, listed, start, n, hits)
        return hits

    def _finals(self, groups: tuple[int, ...]) -> Finals:
        """Per written attribute, the value the last of ``groups`` that sets it gives it
        (None: none does)."""
        values: list[int | None] = [None] * len(self.write_columns)
        where = {column: k for k, column in enumerate(self.write_columns)}
        for group in groups:
            for column, value in self.writes[group]:
                values[where[column]] = value
        return tuple(values)


@dataclass(frozen=True)
class _Form:
    """A word-form column as the one-token patterns test it: the values they name, the
    regular expressions they try, and a value standing for every other form."""

    column: int
    named: np.ndarray
    regexes: tuple[re.Pattern[str], ...]
    other: np.uint64


@overload
def distinct_rows(
    rows: np.ndarray, *, firsts: Literal[False] = False
) -> tuple[np.ndarray, np.ndarray]: ...
@overload
def distinct_rows(
    rows: np.ndarray, *, firsts: Literal[True]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]: ...
def distinct_rows(rows: np.ndarray, *, firsts: bool = False) -> Any:
    """The distinct rows of ``rows`` and, per row, its distinct row's number (with
    ``firsts``, also where each distinct row first occurs). Each column's values are numbered
    first and the numbers combined into one key: one sort of numbers, where
    ``np.unique(axis=0)`` sorts records (several times slower)."""
    n, width = rows.shape
    key = np.zeros(n, dtype=np.int64)
    span = 1
    for k in range(width):
        _, codes = np.unique(rows[:, k], return_inverse=True)
        size = int(codes.max()) + 1
        span *= size
        if span >= 2**62:  # the key would overflow: sort the records after all
            distinct, first, inverse = np.unique(
                rows, axis=0, return_index=True, return_inverse=True
            )
            if firsts:
                return distinct, inverse.reshape(n), first
            return distinct, inverse.reshape(n)
        key = key * size + codes.reshape(n)
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    if firsts:
        return rows[first], inverse.reshape(n), first
    return rows[first], inverse.reshape(n)


def _by_column(
    filed: dict[tuple[int, int], list[_Pattern]], *, longer: bool
) -> list[tuple[int, dict[int, list[_Pattern]]]]:
    """Per column read: value -> the patterns filed under it (one-token ones, or longer)."""
    by_column: dict[int, dict[int, list[_Pattern]]] = {}
    for (column, value), patterns in filed.items():
        chosen = [p for p in patterns if (len(p.tests) > 1) == longer]
        if chosen:
            by_column.setdefault(column, {})[value] = chosen
    return sorted(by_column.items())


def _passes(tests: tuple[tuple[int, Test], ...], row: Sequence[int]) -> bool:
    return all(test(row[column]) for column, test in tests)


def _try(
    pattern: _Pattern, rows: list[list[int]], start: int, n: int, hits: dict[int, set[int]]
) -> None:
    length = len(pattern.tests)
    if start < 0 or start + length > n:
        return
    for offset, tests in enumerate(pattern.tests):
        if not _passes(tests, rows[start + offset]):
            return
    index = pattern.index
    target = start + index if index >= 0 else start + length + index
    hits.setdefault(target, set()).add(pattern.group)


def compile_ruler(ruler: AttributeRuler) -> IndexedRuler | None:
    """An index over ``ruler``'s patterns, or None when one of them is beyond it."""
    strings = ruler.vocab.strings
    try:
        writes = [_writes(attrs) for attrs in ruler.attrs]
        names = _attribute_names(list(ruler.patterns))
        columns = [_HASHED.get(name) or _FLAGS[name] for name in names]
        position = {name: k for k, name in enumerate(names)}
        filed: dict[tuple[int, int], list[_Pattern]] = {}
        unfiled: list[_Pattern] = []
        entries: list[dict[str, Any]] = list(ruler.patterns)
        for group, entry in enumerate(entries):
            for tokens in entry["patterns"]:
                pattern, keys = _compile(group, tokens, entry["index"], position, strings)
                if not keys:
                    unfiled.append(pattern)
                for key in keys:
                    filed.setdefault(key, []).append(pattern)
    except _Unsupported:
        return None
    forms = _forms(entries, names, strings)
    return IndexedRuler(columns, filed, unfiled, writes, forms)


def _forms(entries: list[dict[str, Any]], names: list[str], strings: Any) -> list[_Form]:
    """The word-form columns read, as the one-token patterns test them (``IndexedRuler._keys``)."""
    named: dict[str, set[int]] = {name: set() for name in names if name in _FORMS}
    regexes: dict[str, list[re.Pattern[str]]] = {name: [] for name in named}
    for entry in entries:
        for tokens in entry["patterns"]:
            if len(tokens) != 1:
                continue
            for name, spec in tokens[0].items():
                if name not in named:
                    continue
                if isinstance(spec, str):
                    named[name].add(strings.add(spec))
                elif "REGEX" in spec:
                    regexes[name].append(re.compile(spec["REGEX"]))
                else:  # IN or NOT_IN (``_test``)
                    ((_, argument),) = spec.items()
                    named[name].update(strings.add(v) for v in argument)
    forms = []
    for name, values in named.items():
        other = 2**64 - 1  # no string's hash in practice; never one the patterns name
        while other in values:
            other -= 1
        array = np.array(sorted(values), dtype=np.uint64)
        forms.append(_Form(names.index(name), array, tuple(regexes[name]), np.uint64(other)))
    return forms


def _writes(attrs: dict[Any, Any]) -> Writes:
    made = []
    for attr, value in attrs.items():
        if attr not in _WRITABLE or not isinstance(value, int):
            raise _Unsupported(f"sets attribute {attr!r} to {value!r}")
        made.append((_WRITABLE.index(attr), value))
    return tuple(made)


def _attribute_names(entries: Iterable[dict[str, Any]]) -> list[str]:
    names: set[str] = set()
    for entry in entries:
        for tokens in entry["patterns"]:
            if not isinstance(tokens, list) or not tokens:
                raise _Unsupported("not a list of token patterns")
            for token in tokens:
                if not isinstance(token, dict):
                    raise _Unsupported(f"token pattern {token!r}")
                for name in token:
                    if name not in _HASHED and name not in _FLAGS:
                        raise _Unsupported(f"tests attribute {name!r}")
                names.update(token)
    return sorted(names)


def _compile(
    group: int,
    tokens: list[dict[str, Any]],
    index: int,
    position: dict[str, int],
    strings: Any,
) -> tuple[_Pattern, list[tuple[int, int]]]:
    """The pattern, and the (column, value) keys to file it under: the values one attribute
    of one of its tokens must have, the most selective attribute of the first such token
    (none: tried everywhere)."""
    if not -len(tokens) <= index < len(tokens):
        raise _Unsupported(f"index {index} outside a pattern of {len(tokens)} tokens")
    choices: list[tuple[int, int, str, frozenset[int]]] = []
    compiled = []
    for k, token in enumerate(tokens):
        tests = []
        for name, spec in token.items():
            test, required = _test(name, spec, strings)
            tests.append((position[name], test))
            if required is not None:
                choices.append((k, _SELECTIVE.index(name), name, required))
        compiled.append(tuple(tests))
    if not choices:
        return _Pattern(group, tuple(compiled), index, 0), []
    at, _, name, required = min(choices, key=lambda choice: choice[:2])
    keys = [(position[name], value) for value in sorted(required)]
    return _Pattern(group, tuple(compiled), index, at), keys


def _test(name: str, spec: Any, strings: Any) -> tuple[Test, frozenset[int] | None]:
    """A test of one attribute's value, and the values it requires (None: any may pass)."""
    if name in _FLAGS:
        if not isinstance(spec, bool):
            raise _Unsupported(f"{name} tested with {spec!r}")
        flag = int(spec)
        return (lambda value: value == flag), frozenset((flag,))
    if isinstance(spec, str):
        wanted = strings.add(spec)
        return (lambda value: value == wanted), frozenset((wanted,))
    if not isinstance(spec, dict) or len(spec) != 1:
        raise _Unsupported(f"{name} tested with {spec!r}")
    ((predicate, argument),) = spec.items()
    if predicate in ("IN", "NOT_IN") and all(isinstance(v, str) for v in argument):
        members = frozenset(strings.add(v) for v in argument)
        if predicate == "NOT_IN":
            return (lambda value: value not in members), None
        return (lambda value: value in members), members
    if predicate == "REGEX" and isinstance(argument, str):
        return _regex_test(re.compile(argument), strings), None
    raise _Unsupported(f"{name} tested with {predicate}")


def _regex_test(regex: re.Pattern[str], strings: Any) -> Test:
    seen: dict[int, bool] = {}

    def test(value: int) -> bool:
        known = seen.get(value)
        if known is None:
            known = seen[value] = bool(regex.search(strings[value]))
        return known

    return test


def make_indexed(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> Any:
    """The factory of ``INDEXED``: the index over a ruler of ``patterns``, or that stock ruler
    itself when the index cannot match them all."""
    ruler = AttributeRuler(nlp.vocab, name)
    ruler.add_patterns(patterns)
    return compile_ruler(ruler) or ruler


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put the index in place of ``nlp``'s attribute ruler ``name``; whether it could."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if not isinstance(ruler, AttributeRuler) or compile_ruler(ruler) is None:
        return False
    if INDEXED not in Language.factories:
        Language.factory(INDEXED, func=make_indexed)
    nlp.replace_pipe(name, INDEXED, config={"patterns": ruler.patterns})
    return True
