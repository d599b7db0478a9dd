"""The event stage's knowledge, read from the data files under ``parley/events/data``.

- ``cameo_codes.tsv``: CAMEO code -> name and Goldstein value
- ``cameo_plover.tsv``: CAMEO code -> PLOVER event type, mode and context
- ``verbs.tsv``: Parley's own CAMEO lexicon of verbs, verb patterns and event nouns
- ``modality.tsv``: the cue words of negation, hypotheticals and futures

Every reader reports a malformed line as a KnowledgeBaseError naming the file and the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from parley.errors import KnowledgeBaseError

DATA = Path(__file__).with_name("data")

# "word" (any later word of the phrase) is what PETRARCH patterns become; see petrarch.py.
ConditionKind = Literal["obj", "prep", "comp", "adj", "mod", "subj", "word"]
CONDITION_KINDS: frozenset[str] = frozenset({"obj", "prep", "comp", "adj", "mod", "subj", "word"})
CODE_RE = re.compile(r"^[0-9]{2,4}$")
MODALITY_WHERE: frozenset[str] = frozenset({"aux", "neg", "govern", "mark", "adv"})
MODALITIES: frozenset[str] = frozenset({"negated", "hypothetical", "future", "asserted"})


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """What Parley knows about one CAMEO code."""

    code: str
    name: str
    goldstein: float
    plover: str | None = None
    plover_mode: str | None = None
    plover_context: str | None = None

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class Pattern:
    """One lexicon entry: a word (verb or event noun), an optional condition, a CAMEO code."""

    kind: Literal["V", "N"]
    lemma: str
    condition: tuple[ConditionKind, str] | None
    code: str
    origin: str  # "file:line", so a surprising code can be traced to its entry


@dataclass(frozen=True, slots=True)
class ModalityCue:
    cue: str
    modality: str
    where: str


def data_lines(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, tab-separated fields) of a data file, skipping comments and blanks."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise KnowledgeBaseError(f"cannot read {path}: {err}") from err
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield number, [field.strip() for field in line.split("\t")]


def quad_class(code: str) -> int:
    """CAMEO roots 01-05 verbal cooperation (1), 06-08 material cooperation (2),
    09-13 verbal conflict (3), 14-20 material conflict (4)."""
    root = int(code[:2])
    if not 1 <= root <= 20:
        raise ValueError(f"not a CAMEO code: {code!r}")
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@lru_cache(maxsize=1)
def load_codes() -> dict[str, CodeInfo]:
    """CAMEO code -> CodeInfo with PLOVER fields filled in where the correspondence has them."""
    names_file = DATA / "cameo_codes.tsv"
    plover_file = DATA / "cameo_plover.tsv"
    plover: dict[str, tuple[str, str | None, str | None]] = {}
    for number, fields in data_lines(plover_file):
        if len(fields) != 4 or not CODE_RE.match(fields[0]) or not fields[1].isupper():
            raise KnowledgeBaseError(
                f"{plover_file}:{number}: expected code, EVENT, mode, context separated by tabs"
            )
        mode = None if fields[2] == "-" else fields[2]
        context = None if fields[3] == "-" else fields[3]
        plover.setdefault(fields[0], (fields[1], mode, context))
    codes: dict[str, CodeInfo] = {}
    for number, fields in data_lines(names_file):
        if len(fields) != 3 or not CODE_RE.match(fields[0]):
            raise KnowledgeBaseError(f"{names_file}:{number}: expected code, goldstein, name")
        try:
            value = float(fields[1])
        except ValueError as err:
            raise KnowledgeBaseError(f"{names_file}:{number}: bad Goldstein value") from err
        code = fields[0]
        # A sub-code without a row of its own takes its parent's PLOVER type ("0211" -> "021").
        event = plover.get(code) or plover.get(code[:3]) or plover.get(code[:2] + "0")
        codes[code] = CodeInfo(
            code=code,
            name=fields[2],
            goldstein=value,
            plover=event[0] if event else None,
            plover_mode=event[1] if event and code in plover else None,
            plover_context=event[2] if event else None,
        )
    return codes


def code_info(code: str) -> CodeInfo | None:
    """The code's info; codes outside the table (a dictionary's own) fall back to the root's."""
    codes = load_codes()
    info = codes.get(code)
    if info is not None:
        return info
    if len(code) >= 2 and code[:2].isdigit():
        parent = codes.get(code[:3]) or codes.get(code[:2] + "0") or codes.get(code[:2])
        if parent is not None:
            return CodeInfo(
                code, parent.name, parent.goldstein, parent.plover, None, parent.plover_context
            )
    return None


def parse_patterns(lines: Iterable[tuple[int, list[str]]], path: Path) -> list[Pattern]:
    patterns = []
    for number, fields in lines:
        if len(fields) != 4:
            raise KnowledgeBaseError(f"{path}:{number}: expected kind, lemma, condition, code")
        kind, lemma, condition, code = fields
        if kind not in ("V", "N") or not lemma:
            raise KnowledgeBaseError(f"{path}:{number}: kind must be V or N, with a lemma")
        if not CODE_RE.match(code):
            raise KnowledgeBaseError(f"{path}:{number}: {code!r} is not a CAMEO code")
        cond: tuple[ConditionKind, str] | None = None
        if condition != "-":
            head, _, value = condition.partition(":")
            if head not in CONDITION_KINDS or not value:
                raise KnowledgeBaseError(f"{path}:{number}: bad condition {condition!r}")
            cond = (head, value.lower())  # type: ignore[assignment]
        patterns.append(
            Pattern(kind, lemma.lower(), cond, code, f"{path.name}:{number}")  # type: ignore[arg-type]
        )
    return patterns


@lru_cache(maxsize=1)
def load_patterns() -> tuple[Pattern, ...]:
    path = DATA / "verbs.tsv"
    return tuple(parse_patterns(data_lines(path), path))


@lru_cache(maxsize=1)
def load_modality_cues() -> tuple[ModalityCue, ...]:
    path = DATA / "modality.tsv"
    cues = []
    for number, fields in data_lines(path):
        if len(fields) != 3 or fields[1] not in MODALITIES or fields[2] not in MODALITY_WHERE:
            raise KnowledgeBaseError(f"{path}:{number}: expected cue, modality, where")
        cues.append(ModalityCue(fields[0].lower(), fields[1], fields[2]))
    return tuple(cues)


class Lexicon:
    """Patterns indexed by (kind, lemma); conditioned patterns are tried before bare ones.

    With ``user_first``, the entries of a dictionary the user passed (any origin other than
    Parley's own ``verbs.tsv``) are tried before Parley's for the words they cover: a user who
    gives a verb dictionary wants its codes (PETRARCH's tests code "restore ties" as 064
    where Parley says 054)."""

    def __init__(self, patterns: Iterable[Pattern], user_first: bool = False) -> None:
        self._index: dict[tuple[str, str], list[Pattern]] = {}
        for pattern in patterns:
            self._index.setdefault((pattern.kind, pattern.lemma), []).append(pattern)
        for entries in self._index.values():
            # Stable sort: conditioned first, file order kept among equals.
            entries.sort(
                key=lambda p: (user_first and _is_builtin(p), p.condition is None)
            )

    def lookup(self, kind: str, lemma: str) -> list[Pattern]:
        return self._index.get((kind, lemma), [])

    def has(self, kind: str, lemma: str) -> bool:
        return (kind, lemma) in self._index


def _is_builtin(pattern: Pattern) -> bool:
    return pattern.origin.startswith("verbs.tsv:")
