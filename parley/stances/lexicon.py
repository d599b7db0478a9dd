"""The stance stage's tables, read from ``parley/stances/data`` (each file's header says where
its facts came from) and from the user's issue files. Every reader goes through
``parley.datafiles``, so a malformed line is reported with its file and line (E401)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from parley.datafiles import Row, read_rows

__all__ = [
    "DATA",
    "EventIssue",
    "Term",
    "Tokenize",
    "Word",
    "Words",
    "read_conditions",
    "read_event_issues",
    "read_modality",
    "read_terms",
    "read_words",
    "split_words",
]

DATA = Path(__file__).resolve().parent / "data"
ISSUE_ID = re.compile(r"^[a-z][a-z0-9_]*$")
KINDS = frozenset({"act", "stance", "eval", "effect", "outcome", "negator", "open", "adjunct"})
MODES = frozenset({"demand", "refusal"})
FLAGS = frozenset({*MODES, "subject"})
MODALITIES = frozenset({"future", "hypothetical", "obligation"})
POS_TAGS = frozenset({"NOUN", "VERB", "PROPN", "ADJ"})

# How a term or a phrase is cut into words: spaCy's tokenizer when the pipeline gives it
# (so "U.S." stays one word, as in the parse), else words and punctuation apart.
Tokenize = Callable[[str], Iterable[str]]
_WORDS = re.compile(r"[A-Za-z]\.(?:[A-Za-z]\.)+|n't|'\w+|\w+|[^\w\s]")


def split_words(text: str) -> tuple[str, ...]:
    """Lower-case words of a phrase without a tokenizer ("U.S. troops" -> "u.s.", "troops")."""
    return tuple(w.lower() for w in _WORDS.findall(text))


@dataclass(frozen=True, slots=True)
class Term:
    """Words that name an issue: its measure (polarity 1), its opposite (-1), or a phrase
    that holds a term but is not the issue (0)."""

    issue: str
    words: tuple[str, ...]
    polarity: int
    pos: str | None = None
    # Written in capitals ("ISA", "NATO"): it matches only words so written, not a name or
    # word of the same letters ("Sheikh Hamad Bin Isa al-Khalifa").
    capitals: bool = False


@dataclass(frozen=True, slots=True)
class Word:
    sign: int
    mode: str | None = None
    subject: bool = False  # an act on its own subject as well ("the forces vacate the bases")


@dataclass(frozen=True, slots=True)
class Words:
    """``words.tsv`` by kind: each maps a lemma or phrase (lower case, words joined by one
    space) to its entry."""

    acts: dict[str, Word] = field(default_factory=dict)  # act and stance words (they multiply)
    stances: frozenset[str] = frozenset()  # which of ``acts`` are attitudes of their subject
    evals: dict[str, int] = field(default_factory=dict)
    effects: dict[str, int] = field(default_factory=dict)
    outcomes: dict[str, int] = field(default_factory=dict)
    negators: frozenset[str] = frozenset()
    open: frozenset[str] = frozenset()  # words that leave the matter undecided
    adjuncts: frozenset[str] = frozenset()  # prepositions of time, place and occasion

    @property
    def longest(self) -> int:
        """The most words any entry has (how far a phrase look-up reads ahead)."""
        keys = [*self.acts, *self.evals, *self.effects, *self.outcomes]
        return max((k.count(" ") + 1 for k in keys), default=1)


@dataclass(frozen=True, slots=True)
class EventIssue:
    issue: str
    sign: int
    mode: str | None


def _sign(row: Row, value: str, allow_zero: bool = False) -> int:
    signs = {"+": 1, "-": -1, **({"0": 0} if allow_zero else {})}
    if value not in signs:
        raise row.fail(f"sign {value!r} is not one of {', '.join(signs)}")
    return signs[value]


def read_terms(path: Path, tokenize: Tokenize | None = None) -> list[Term]:
    """An issue file: ``issue, term, polarity[, pos]`` (``issues.tsv``, or the user's)."""
    terms: list[Term] = []
    for row in read_rows(path, at_least=3):
        if len(row.fields) > 4:
            raise row.fail(f"expected 3 or 4 tab-separated fields, got {len(row.fields)}")
        issue, text, polarity = row.fields[:3]
        pos = row.fields[3] if len(row.fields) == 4 and row.fields[3] else None
        if not ISSUE_ID.match(issue):
            raise row.fail(f"issue {issue!r}: lower-case letters, digits and underscores")
        if pos is not None and pos not in POS_TAGS:
            raise row.fail(f"part of speech {pos!r} is not one of {', '.join(sorted(POS_TAGS))}")
        words = tuple(w.lower() for w in tokenize(text)) if tokenize else split_words(text)
        words = tuple(w for w in words if w.strip())
        if not words:
            raise row.fail("an empty term")
        capitals = len(words) == 1 and len(text.strip()) > 1 and text.strip().isupper()
        terms.append(Term(issue, words, _sign(row, polarity, allow_zero=True), pos, capitals))
    return terms


def read_words(path: Path) -> Words:
    """``words.tsv``: ``word, sign, kind[, mode]``."""
    acts: dict[str, Word] = {}
    stances: set[str] = set()
    evals: dict[str, int] = {}
    effects: dict[str, int] = {}
    outcomes: dict[str, int] = {}
    negators: set[str] = set()
    undecided: set[str] = set()
    adjuncts: set[str] = set()
    for row in read_rows(path, at_least=3):
        word, sign_text, kind = row.fields[:3]
        flags = {f.strip() for f in row.fields[3].split(",")} if len(row.fields) > 3 else set()
        flags.discard("")
        if kind not in KINDS:
            raise row.fail(f"kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
        if flags - FLAGS:
            raise row.fail(
                f"flag {sorted(flags - FLAGS)[0]!r} is not one of {', '.join(sorted(FLAGS))}"
            )
        mode = next((f for f in sorted(flags) if f in MODES), None)
        key = " ".join(word.lower().split())
        sign = _sign(row, sign_text)
        if kind in ("act", "stance"):
            acts[key] = Word(sign, mode, "subject" in flags)
            if kind == "stance":
                stances.add(key)
        elif kind == "eval":
            evals[key] = sign
        elif kind == "effect":
            effects[key] = sign
        elif kind == "outcome":
            outcomes[key] = sign
        elif kind == "open":
            undecided.add(key)
        elif kind == "adjunct":
            adjuncts.add(key)
        else:
            negators.add(key)
    return Words(
        acts,
        frozenset(stances),
        evals,
        effects,
        outcomes,
        frozenset(negators),
        frozenset(undecided),
        frozenset(adjuncts),
    )


def read_modality(path: Path) -> dict[str, str]:
    """``modality.tsv``: ``word, modality``."""
    out: dict[str, str] = {}
    for row in read_rows(path, 2):
        word, modality = row.fields
        if modality not in MODALITIES:
            raise row.fail(f"modality {modality!r} is not one of {', '.join(sorted(MODALITIES))}")
        out[word.lower()] = modality
    return out


def read_conditions(path: Path) -> dict[tuple[str, ...], str]:
    """``conditions.tsv``: the words that open a condition -> its kind."""
    return {split_words(row.fields[0]): row.fields[1] for row in read_rows(path, 2)}


def read_event_issues(path: Path) -> dict[str, EventIssue]:
    """``event_issues.tsv``: CAMEO code -> the issue, sign and mode its events carry."""
    out: dict[str, EventIssue] = {}
    for row in read_rows(path, at_least=3):
        code, issue, sign = row.fields[:3]
        mode = row.fields[3] if len(row.fields) > 3 and row.fields[3] else None
        if not code.isdigit():
            raise row.fail(f"CAMEO code {code!r} is not digits")
        if not ISSUE_ID.match(issue):
            raise row.fail(f"issue {issue!r}: lower-case letters, digits and underscores")
        if mode is not None and mode not in MODES:
            raise row.fail(f"mode {mode!r} is not one of {', '.join(sorted(MODES))}")
        out[code] = EventIssue(issue, _sign(row, sign), mode)
    return out
