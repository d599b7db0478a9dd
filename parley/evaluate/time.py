"""Score the time tagger on TempEval-3's training corpora (TimeBank and AQUAINT, TimeML).

Metrics are TempEval-3 task A (UzZaman et al. 2013), as the data README defines them:

- strict extraction P/R/F1: a system timex matches a gold one when the spans are identical;
- relaxed extraction P/R/F1: the spans overlap (each gold and each system timex is used once);
- over the relaxed matches, type and value accuracy; attribute F1 = relaxed F1 x accuracy.

The document creation time (the TIMEX3 with functionInDocument="CREATION_TIME") is passed to
the tagger as the publication time and is not scored.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from parley.config import Config
from parley.errors import EvaluationError, InputError
from parley.evaluate.common import Cell, Report, render_table, require_dir
from parley.records import Timex

__all__ = [
    "Counts",
    "GoldTimex",
    "TimeMLDocument",
    "creation_time",
    "read_timeml",
    "run",
    "score_document",
]

CORPORA = ("TimeBank", "AQUAINT")

# A TimeML file is simple enough that a tag/text split keeps the offsets exact, which a
# tree parser (with its tail-text bookkeeping) would only make harder to follow.
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_:]+)="([^"]*)"')
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r"<TIMEX3\b[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    text: str
    type: str
    value: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    name: str
    text: str
    dct: str | None
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: Path) -> TimeMLDocument:
    """The plain text of <TEXT>, its TIMEX3 spans (offsets into that text) and the DCT."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise EvaluationError(f"cannot read {path.name}: {err}") from err
    body = _TEXT.search(raw)
    if body is None:
        raise EvaluationError(f"{path.name}: no <TEXT> element")
    dct_tag = _DCT.search(raw)
    dct = dict(_ATTR.findall(dct_tag.group(0))).get("value") if dct_tag else None

    pieces: list[str] = []
    length = 0
    open_timex: tuple[dict[str, str], int] | None = None
    timexes: list[GoldTimex] = []
    pos = 0
    chunk = body.group(1)
    for tag in _TAG.finditer(chunk):
        piece = html.unescape(chunk[pos : tag.start()])
        pieces.append(piece)
        length += len(piece)
        pos = tag.end()
        closing, name, attrs, selfclosing = tag.groups()
        if name != "TIMEX3" or selfclosing:
            continue
        if not closing:
            open_timex = (dict(_ATTR.findall(attrs)), length)
        elif open_timex is not None:
            attr, start = open_timex
            text = "".join(pieces)[start:length]
            timexes.append(
                GoldTimex(text, attr.get("type", ""), attr.get("value", ""), start, length)
            )
            open_timex = None
    pieces.append(html.unescape(chunk[pos:]))
    return TimeMLDocument(path.stem, "".join(pieces), dct, tuple(timexes))


@dataclass(slots=True)
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.type_ok += other.type_ok
        self.value_ok += other.value_ok

    def metrics(self, prefix: str) -> dict[str, float]:
        out: dict[str, float] = {}
        for name, hits in (("strict", self.strict), ("relaxed", self.relaxed)):
            p, r, f = _prf(hits, self.system, self.gold)
            out |= {f"{prefix}.{name}.p": p, f"{prefix}.{name}.r": r, f"{prefix}.{name}.f1": f}
        relaxed_f1 = out[f"{prefix}.relaxed.f1"]
        for name, ok in (("type", self.type_ok), ("value", self.value_ok)):
            accuracy = ok / self.relaxed if self.relaxed else 0.0
            out[f"{prefix}.{name}.accuracy"] = accuracy
            out[f"{prefix}.{name}.f1"] = relaxed_f1 * accuracy
        out[f"{prefix}.gold"] = float(self.gold)
        out[f"{prefix}.system"] = float(self.system)
        return out


def _prf(hits: int, system: int, gold: int) -> tuple[float, float, float]:
    p = hits / system if system else 0.0
    r = hits / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_document(gold: Iterable[GoldTimex], system: Iterable[Timex]) -> Counts:
    """Match one document's timexes: strict by identical span, relaxed by overlap, one-to-one.

    For the relaxed matching each gold timex takes the first unused system timex that
    overlaps it, preferring an exact span, so one long system span cannot match twice.
    """
    gold_list = list(gold)
    sys_list = list(system)
    counts = Counts(gold=len(gold_list), system=len(sys_list))
    sys_spans = {(t.start, t.end) for t in sys_list}
    counts.strict = sum((g.start, g.end) in sys_spans for g in gold_list)
    used: set[int] = set()
    for g in gold_list:
        candidates = [
            i
            for i, t in enumerate(sys_list)
            if i not in used and t.start < g.end and g.start < t.end
        ]
        if not candidates:
            continue
        exact = [i for i in candidates if (sys_list[i].start, sys_list[i].end) == (g.start, g.end)]
        best = exact[0] if exact else candidates[0]
        used.add(best)
        counts.relaxed += 1
        counts.type_ok += sys_list[best].type == g.type
        counts.value_ok += sys_list[best].value == g.value
    return counts


def creation_time(dct: str | None) -> datetime | None:
    """The document creation time as the tagger's publication time (None when missing or not
    ISO 8601: the document is then tagged without an anchor)."""
    from parley.time import parse_published

    if not dct:
        return None
    try:
        return parse_published(dct)
    except InputError:
        return None


Sentences = tuple[tuple[int, int], ...]


def _read_documents(
    data_dir: Path, limit: int | None, parse: bool
) -> Iterator[tuple[str, TimeMLDocument, Sentences | None]]:
    """Each document with its corpus, and its parse's sentence bounds when ``parse``."""
    read = ((corpus, read_timeml(path)) for corpus, path in _documents(data_dir, limit))
    if not parse:
        for corpus, doc in read:
            yield corpus, doc, None
        return
    from parley.nlp import load_pipeline, parse_many

    items = ((doc.text, (corpus, doc)) for corpus, doc in read)
    for parsed, (corpus, doc) in parse_many(load_pipeline(), items):
        sentences = tuple((s.start_char, s.end_char) for s in parsed.sents) if len(parsed) else ()
        yield corpus, doc, sentences


def _documents(data_dir: Path, limit: int | None) -> list[tuple[str, Path]]:
    root = require_dir(data_dir / "tempeval3" / "train", "TempEval-3 training data")
    files: list[tuple[str, Path]] = []
    for corpus in CORPORA:
        folder = require_dir(root / corpus, f"TempEval-3 {corpus}")
        files.extend((corpus, p) for p in sorted(folder.glob("*.tml")))
    if not files:
        raise EvaluationError(f"no .tml files under {root}")
    if limit is not None:
        # Take from both corpora so a small run still reports on each.
        per = max(1, limit // len(CORPORA))
        picked = [f for c in CORPORA for f in [x for x in files if x[0] == c][:per]]
        files = picked[:limit]
    return files


def run(data_dir: Path, *, limit: int | None = None, parse: bool = False) -> Report:
    """Tag every TimeBank and AQUAINT document and score it; ``limit`` caps the documents.

    ``parse``: give the tagger the sentences of a spaCy parse, as ``analyze`` does, instead of
    its regex splitter. Measured 2026-12-03 on all 256 documents: the same timexes either way
    (the sentence only bounds the tense-cue window), so the default skips the parse (about a
    minute).
    """
    from parley.time import TimeResources, tag_timexes

    resources = TimeResources.load(Config())
    by_corpus = {c: Counts() for c in CORPORA}
    docs = {c: 0 for c in CORPORA}
    for corpus, doc, sentences in _read_documents(data_dir, limit, parse):
        system = tag_timexes(
            doc.text, creation_time(doc.dct), sentences=sentences, resources=resources
        )
        by_corpus[corpus].add(score_document(doc.timexes, system))
        docs[corpus] += 1
    overall = Counts()
    for counts in by_corpus.values():
        overall.add(counts)

    metrics: dict[str, float] = {}
    rows = []
    for label, counts in (*by_corpus.items(), ("overall", overall)):
        m = counts.metrics(label.lower())
        metrics |= m
        rows.append((label, counts, m))
    return Report(
        name="time",
        metrics=metrics,
        table=_table(rows, docs),
        notes=("TempEval-3 task A metrics on the training corpora (TimeBank, AQUAINT)",),
    )


def _table(rows: list[tuple[str, Counts, dict[str, float]]], docs: dict[str, int]) -> str:
    table: list[tuple[Cell, ...]] = []
    for label, counts, m in rows:
        k = label.lower()
        n = sum(docs.values()) if k == "overall" else docs.get(label, 0)
        table.append((
            label, n, counts.gold, counts.system,
            *(_percent(m[f"{k}.strict.{x}"]) for x in ("p", "r", "f1")),
            *(_percent(m[f"{k}.relaxed.{x}"]) for x in ("p", "r", "f1")),
            _percent(m[k + ".type.f1"]), _percent(m[k + ".value.f1"]),
            _percent(m[k + ".value.accuracy"]),
        ))  # fmt: skip
    columns = ["corpus", "docs", "gold", "sys", "strict P", "R", "F1", "relaxed P", "R", "F1",
               "type F1", "value F1", "value acc"]  # fmt: skip
    return render_table(columns, table)


def _percent(value: float) -> float:
    return 100 * value
