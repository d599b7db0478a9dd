"""The event stage's tables: what each is, and how each is read from ``parley/events/data``.

- ``cameo_codes.tsv``: CAMEO code -> name and Goldstein value
- ``cameo_plover.tsv``: CAMEO code -> PLOVER event type, mode and context
- ``quad_classes.tsv``: CAMEO roots -> QuadClass
- ``verbs.tsv``: Parley's own CAMEO lexicon of verbs, verb patterns and event nouns
- ``complement_codes.tsv``: a governing event and its to-clause's event as one sub-code
- ``statement_codes.tsv``: an action's root -> the code of an intent, threat, demand... of it
- ``statement_subcodes.tsv``: a statement's code and its action's own code -> its sub-code
- ``evaluative.tsv``: words that make a statement a criticism, an accusation or praise
- ``rallying.tsv``: the public and the words that make an appeal to it rallying opposition
- ``voice_nouns.txt``: the words by which a story refers back to its speaker
- ``policy_nouns.txt``: measures and stances one backs, which are no party backed
- ``gathering_words.txt``: meetings a body may hold among its own, which consult no one
- ``modality.tsv``, ``stance.tsv``, ``receiving_verbs.txt``, ``symmetric_words.txt``: cue words

Every table is read through ``parley.datafiles``: a malformed line is a KnowledgeBaseError
naming the file and the line. Nothing here is cached: ``EventResources.load`` reads each file
once per pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from parley.datafiles import Row, read_rows

DATA = Path(__file__).with_name("data")

# "word" (any later word of the phrase) is what PETRARCH patterns become; see petrarch.py.
# "before" (a word of the verb's phrase just before it) is a PETRARCH pattern's words before
# its verb ("- INDICATED *").
ConditionKind = Literal[
    "obj", "prep", "comp", "fact", "adj", "mod", "subj", "of", "verb", "word", "before"
]
CONDITION_KINDS: frozenset[str] = frozenset(
    {"obj", "prep", "comp", "fact", "adj", "mod", "subj", "of", "verb", "word", "before"}
)
CODE_RE = re.compile(r"^[0-9]{2,4}$")
# The code of a lexicon entry for a word sense that is no event ("released a statement").
NO_EVENT = "-"
ROOT_RE = re.compile(r"^[0-9]{2}$")
ACTION_RE = re.compile(r"^[0-9]{3}$")
SUBCODE_RE = re.compile(r"^[0-9]{3,4}$")
MODALITY_WHERE: frozenset[str] = frozenset({"aux", "neg", "govern", "mark", "adv", "report"})
MODALITIES: frozenset[str] = frozenset({"negated", "hypothetical", "future", "asserted"})
STANCES = frozenset({"intent", "conditional", "obligation", "appeal", "ongoing", "allegation"})
STANCE_WHERE = frozenset({"aux", "govern", "object", "report"})
STATEMENTS = frozenset({"intent", "threat", "demand", "appeal", "refusal"})

# (first root, last root, class) rows of quad_classes.tsv.
QuadClasses = tuple[tuple[int, int, int], ...]
# where -> cue -> modality, from modality.tsv.
ModalityCues = Mapping[str, Mapping[str, str]]
# (where, cue) -> stance, from stance.tsv.
StanceCues = Mapping[tuple[str, str], str]
# statement -> action root -> code, from statement_codes.tsv.
StatementCodes = Mapping[str, Mapping[str, str]]
# statement code -> action code -> sub-code, from statement_subcodes.tsv.
StatementSubcodes = Mapping[str, Mapping[str, str]]


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


def quad_class(code: str, classes: QuadClasses) -> int:
    """The QuadClass of a CAMEO code: 1 verbal cooperation ... 4 material conflict."""
    root = int(code[:2]) if code[:2].isdigit() else 0
    for first, last, quad in classes:
        if first <= root <= last:
            return quad
    raise ValueError(f"not a CAMEO code: {code!r}")


def read_quad_classes(path: Path) -> QuadClasses:
    classes = []
    for row in read_rows(path, 4):
        first, last, quad, _name = row.fields
        if not (ROOT_RE.match(first) and ROOT_RE.match(last) and quad in ("1", "2", "3", "4")):
            raise row.fail("expected first root, last root, class 1-4, name")
        classes.append((int(first), int(last), int(quad)))
    return tuple(classes)


def read_codes(names_file: Path, plover_file: Path) -> dict[str, CodeInfo]:
    """CAMEO code -> CodeInfo with PLOVER fields filled in where the correspondence has them."""
    plover: dict[str, tuple[str, str | None, str | None]] = {}
    for row in read_rows(plover_file, 4):
        code, name, mode, context = row.fields
        if not CODE_RE.match(code) or not name.isupper():
            raise row.fail("expected code, EVENT, mode, context separated by tabs")
        plover.setdefault(code, (name, _dash(mode), _dash(context)))
    codes: dict[str, CodeInfo] = {}
    for row in read_rows(names_file, 3):
        code, value, title = row.fields
        if not CODE_RE.match(code):
            raise row.fail("expected code, goldstein, name")
        try:
            goldstein = float(value)
        except ValueError:
            raise row.fail("bad Goldstein value") from None
        # A sub-code without a row of its own takes its parent's PLOVER type ("0211" -> "021").
        event = plover.get(code) or plover.get(code[:3]) or plover.get(code[:2] + "0")
        codes[code] = CodeInfo(
            code=code,
            name=title,
            goldstein=goldstein,
            plover=event[0] if event else None,
            plover_mode=event[1] if event and code in plover else None,
            plover_context=event[2] if event else None,
        )
    return codes


def _dash(value: str) -> str | None:
    return None if value == "-" else value


def code_info(code: str, codes: Mapping[str, CodeInfo]) -> CodeInfo | None:
    """The code's info; codes outside the table (a dictionary's own) fall back to the root's."""
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


def parse_patterns(rows: Iterable[Row]) -> list[Pattern]:
    patterns = []
    for row in rows:
        if len(row.fields) != 4:
            raise row.fail("expected kind, lemma, condition, code")
        kind, lemma, condition, code = row.fields
        if kind not in ("V", "N") or not lemma:
            raise row.fail("kind must be V or N, with a lemma")
        if not CODE_RE.match(code) and code != NO_EVENT:
            raise row.fail(f"{code!r} is not a CAMEO code")
        cond: tuple[ConditionKind, str] | None = None
        if condition != "-":
            head, _, value = condition.partition(":")
            if head not in CONDITION_KINDS or not value:
                raise row.fail(f"bad condition {condition!r}")
            cond = (head, value.lower())  # type: ignore[assignment]
        if code == NO_EVENT and cond is None:
            raise row.fail("a sense that is no event needs a condition saying which sense")
        patterns.append(Pattern(kind, lemma.lower(), cond, code, row.where))  # type: ignore[arg-type]
    return patterns


def read_patterns(path: Path) -> list[Pattern]:
    return parse_patterns(read_rows(path))


def read_pairs(path: Path, subcodes: StatementSubcodes | None = None) -> dict[tuple[str, str], str]:
    """(governing root, complement root) -> code, from complement_codes.tsv; with
    ``subcodes`` (statement_subcodes.tsv) also (governing root, complement's own code) ->
    the statement's sub-code: look them up with ``by_action``."""
    table: dict[tuple[str, str], str] = {}
    for row in read_rows(path, 3):
        governing, complement, code = row.fields
        if not (ROOT_RE.match(governing) and ROOT_RE.match(complement) and CODE_RE.match(code)):
            raise row.fail("expected governing root, complement root, CAMEO code")
        table[(governing, complement)] = code
    for (governing, complement), code in list(table.items()):
        for action, subcode in _subcodes_of(code, complement, subcodes):
            table.setdefault((governing, action), subcode)
    return table


def read_statement_codes(
    path: Path, subcodes: StatementSubcodes | None = None
) -> dict[str, dict[str, str]]:
    """statement -> action root -> code, from statement_codes.tsv; with ``subcodes``
    (statement_subcodes.tsv) also statement -> action's own code -> the sub-code: look
    them up with ``by_action``."""
    table: dict[str, dict[str, str]] = {name: {} for name in STATEMENTS}
    for row in read_rows(path, 3):
        statement, root, code = row.fields
        # A refusal row may name a three-digit action code: it wins over its root's row.
        action_ok = ROOT_RE.match(root) or (statement == "refusal" and ACTION_RE.match(root))
        if statement not in STATEMENTS or not action_ok or not CODE_RE.match(code):
            raise row.fail("expected statement (intent|threat|demand|appeal|refusal), root, code")
        table[statement][root] = code
    for by_root in table.values():
        for root, code in list(by_root.items()):
            for action, subcode in _subcodes_of(code, root, subcodes):
                by_root.setdefault(action, subcode)  # a row of the file's own wins
    return table


def read_statement_subcodes(path: Path) -> dict[str, dict[str, str]]:
    """statement code -> action code (3 or 4 digits) -> sub-code, from
    statement_subcodes.tsv."""
    table: dict[str, dict[str, str]] = {}
    for row in read_rows(path, 3):
        statement, action, code = row.fields
        if not (ACTION_RE.match(statement) and SUBCODE_RE.match(action) and CODE_RE.match(code)):
            raise row.fail("expected statement code, action code (3 or 4 digits), CAMEO code")
        if code[:2] != statement[:2]:
            raise row.fail("a sub-code stays in its statement's root")
        table.setdefault(statement, {})[action] = code
    return table


def _subcodes_of(code: str, root: str, subcodes: StatementSubcodes | None) -> list[tuple[str, str]]:
    """The (action code, sub-code) rows for the statement ``code`` of actions under ``root``."""
    if subcodes is None:
        return []
    rows = subcodes.get(code, {})
    return [(action, sub) for action, sub in rows.items() if action.startswith(root)]


def by_action(table: Mapping[str, str], code: str) -> str | None:
    """The row of ``table`` for the action ``code``, its longest prefix first ("0841",
    then "084", then "08")."""
    for n in (4, 3, 2):
        if len(code) >= n and code[:n] in table:
            return table[code[:n]]
    return None


def read_modality_cues(path: Path) -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {where: {} for where in MODALITY_WHERE}
    for row in read_rows(path, 3):
        cue, modality, where = row.fields
        if modality not in MODALITIES or where not in MODALITY_WHERE:
            raise row.fail("expected cue, modality, where")
        table[where][cue.lower()] = modality
    return table


def read_stance_cues(path: Path) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for row in read_rows(path, 3):
        cue, stance, where = row.fields
        if stance not in STANCES or where not in STANCE_WHERE:
            raise row.fail("expected cue, stance, where")
        table[(where, cue.lower())] = stance
    return table


EVALUATIVE_CLASSES = frozenset({"criticize", "accuse", "praise"})


def read_evaluative(path: Path) -> dict[str, tuple[str, int, str]]:
    """lemma -> (class, weight, part of speech or "*"), from evaluative.tsv."""
    table: dict[str, tuple[str, int, str]] = {}
    for row in read_rows(path, 4):
        lemma, kind, weight, pos = row.fields
        if kind not in EVALUATIVE_CLASSES or weight not in ("1", "2") or lemma != lemma.lower():
            raise row.fail("expected lower-case lemma, criticize|accuse|praise, weight 1|2, pos")
        if lemma in table:
            raise row.fail(f"{lemma!r} is listed twice")
        table[lemma] = (kind, int(weight), pos)
    return table


RALLYING_ROLES = frozenset({"public", "against"})


def read_rallying(path: Path) -> dict[str, str]:
    """lemma -> public|against, from rallying.tsv."""
    table: dict[str, str] = {}
    for row in read_rows(path, 2):
        lemma, role = row.fields
        if role not in RALLYING_ROLES or not lemma.isalpha():
            raise row.fail("expected a lemma and public|against")
        table[lemma.lower()] = role
    return table


def read_deaths(path: Path) -> dict[str, date]:
    """name -> date of death, from deaths.tsv."""
    table: dict[str, date] = {}
    for row in read_rows(path, 2):
        name, died = row.fields
        try:
            table[name] = date.fromisoformat(died)
        except ValueError:
            raise row.fail(f"bad date {died!r}") from None
    return table


VOICE_KINDS = frozenset({"speaker", "media"})


def read_voice_nouns(path: Path) -> dict[str, str]:
    """lemma -> speaker|media, from voice_nouns.txt."""
    table: dict[str, str] = {}
    for row in read_rows(path, 2):
        lemma, kind = row.fields
        if kind not in VOICE_KINDS or not lemma.isalpha():
            raise row.fail("expected a lemma and speaker|media")
        table[lemma.lower()] = kind
    return table


def read_lemmas(path: Path) -> frozenset[str]:
    """A one-column list of lemmas."""
    words: set[str] = set()
    for row in read_rows(path):
        if len(row.fields) != 1 or not row.fields[0].isalpha():
            raise row.fail("expected one lemma")
        words.add(row.fields[0].lower())
    return frozenset(words)


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
            entries.sort(key=lambda p: (user_first and is_builtin(p), p.condition is None))
        # Every lemma with an entry of any kind: most words of a text have none.
        self.lemmas = frozenset(lemma for _, lemma in self._index)

    def lookup(self, kind: str, lemma: str) -> list[Pattern]:
        return self._index.get((kind, lemma), [])

    def has(self, kind: str, lemma: str) -> bool:
        return (kind, lemma) in self._index

    def patterns(self) -> list[Pattern]:
        """Every entry, in no particular order."""
        return [p for entries in self._index.values() for p in entries]


def is_builtin(pattern: Pattern) -> bool:
    """Whether the entry is Parley's own (``verbs.tsv``) rather than a user's dictionary's."""
    return pattern.origin.startswith("verbs.tsv:")
