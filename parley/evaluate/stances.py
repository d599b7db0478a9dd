"""``parley evaluate stances``: Parley's stances against a small annotated set.

The gold (``data/stances/gold.jsonl``, one line per story) was written by the Parley team
from the texts alone, before any stance rule was written: the seed article, 21 KCNA stories
of 2011-12, 4 of 2024 and 3 PolNeAR articles, read from ``../shared/data`` (and the seed from
``../shared/seed``) as ``docs/annotation.md`` says; it names stories by id and marks each
judgement's evidence sentence by offsets into the raw text, with the actor's code, the issue
and the position. A judgement marked ``optional`` (a stance the text implies or reports
rather than states) counts neither way: a stance matching it is no false positive, and
missing it is no false negative. Stories are split into ``dev`` and ``test`` halves
(alternately, in SHA-1 order of their ids within each corpus; the seed is dev).

Each story runs through the whole pipeline as a plain-text document; the gold's spans are
mapped into ``article.text`` (``real.align.TextMap``). A stance matches a judgement of the
same story when their sentences overlap and, one to one:

* ``stance``: the actor's country (the code's first three letters; IGOs whole), the issue
  and the position agree (the figure the issue asks for);
* ``stance.code``: the full actor code, the issue and the position;
* ``issue``: the issue alone (was the right issue found in the right sentence);
* ``stance.text``: as ``stance``, leaving out the stances carried from the article's dispute
  (``basis="context"``), to show what they add.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from parley.errors import EvaluationError, ParleyError
from parley.evaluate.common import Counts, Report, render_table, require_dir
from parley.evaluate.real.align import TextMap
from parley.evaluate.real.gold import Story, StoryText, read_texts
from parley.records import Analysis, Stance

__all__ = ["GOLD_FILE", "GoldJudgement", "GoldStances", "read_gold", "run", "score_story"]

GOLD_FILE = Path(__file__).with_name("data") / "stances" / "gold.jsonl"
SPLITS = ("dev", "test")
POSITIONS = frozenset({"support", "oppose", "undecided"})
LEVELS = ("stance", "stance.code", "issue", "stance.text")

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldJudgement:
    span: Span
    actor: str
    issue: str
    position: str
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldStances:
    doc: str
    file: str
    split: str
    published: str
    text_sha1: str
    judgements: tuple[GoldJudgement, ...]


def read_gold(path: Path = GOLD_FILE) -> list[GoldStances]:
    """The gold file, checked line by line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise EvaluationError(f"cannot read the stance gold {path}: {err.strerror}") from None
    out = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            obj = json.loads(line)
            judgements = tuple(_judgement(j, where) for j in obj["stances"])
            story = GoldStances(
                str(obj["doc"]), str(obj["file"]), str(obj["split"]), str(obj["published"]),
                str(obj["text_sha1"]), judgements,
            )  # fmt: skip
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
            raise EvaluationError(f"{where}: not a stance gold record ({err})") from None
        if story.split not in SPLITS:
            raise EvaluationError(f"{where}: split {story.split!r} is not dev or test")
        out.append(story)
    return out


def _judgement(obj: dict[str, object], where: str) -> GoldJudgement:
    span = obj["span"]
    if not (isinstance(span, list) and len(span) == 2 and all(isinstance(v, int) for v in span)):
        raise ValueError("span is not [start, end]")
    position = str(obj["position"])
    if position not in POSITIONS:
        raise ValueError(f"position {position!r}")
    return GoldJudgement(
        (int(span[0]), int(span[1])),
        str(obj["actor"]),
        str(obj["issue"]),
        position,
        bool(obj.get("optional", False)),
    )


def _texts(data_dir: Path, stories: Sequence[GoldStances], notes: list[str]) -> dict[str, str]:
    """Each story's raw text: the corpora as the real-text gold reads them, a ``.txt`` file
    (the seed) as it is."""
    listed = [Story(s.file, s.doc, s.split, ()) for s in stories if not s.file.endswith(".txt")]
    texts: dict[str, StoryText] = read_texts(data_dir, listed) if listed else {}
    out = {doc: t.text for doc, t in texts.items()}
    for story in stories:
        if story.file.endswith(".txt"):
            path = data_dir / story.file
            if not path.is_file():
                notes.append(f"{story.doc}: {path} is absent; not scored")
                continue
            out[story.doc] = path.read_text(encoding="utf-8")
    for story in stories:
        text = out.get(story.doc)
        if text is not None and hashlib.sha1(text.encode("utf-8")).hexdigest() != story.text_sha1:
            raise EvaluationError(f"{story.doc}: the text differs from the one annotated")
    return out


# --------------------------------------------------------------------- scoring ---
@dataclass
class Tally:
    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in LEVELS})
    gold: int = 0
    optional: int = 0
    predicted: int = 0
    unaligned: int = 0


def country(code: str | None) -> str | None:
    if not code:
        return None
    return code if code.startswith("IGO") else code[:3]


Key = Callable[[str | None, str, str], tuple[str | None, ...]]
KEYS: dict[str, Key] = {
    "stance": lambda actor, issue, position: (country(actor), issue, position),
    "stance.code": lambda actor, issue, position: (actor, issue, position),
    "issue": lambda actor, issue, position: (issue,),
    "stance.text": lambda actor, issue, position: (country(actor), issue, position),
}


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _match(
    gold: Sequence[tuple[Span, tuple[str | None, ...], bool]],
    predicted: Sequence[tuple[Span, tuple[str | None, ...]]],
) -> Counts:
    """One to one, by key and overlapping spans, the largest overlaps first; a prediction
    matched to an optional judgement counts neither way."""
    pairs = sorted(
        (
            (_overlap(g[0], p[0]), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
            if g[1] == p[1] and _overlap(g[0], p[0]) > 0
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    tp = 0
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        tp += not gold[gi][2]
    fn = sum(1 for gi, g in enumerate(gold) if gi not in used_g and not g[2])
    fp = sum(1 for pi in range(len(predicted)) if pi not in used_p)
    return Counts(tp, fp, fn)


def score_story(
    story: GoldStances, raw: str, stances: Sequence[Stance], text: str, tally: Tally
) -> None:
    """Add one story's matches to ``tally``; ``text`` is Parley's ``article.text``."""
    mapping = TextMap(raw, text)
    gold: list[tuple[Span, GoldJudgement]] = []
    for judgement in story.judgements:
        span = mapping.span(*judgement.span)
        if span is None:
            tally.unaligned += 1
            continue
        gold.append((span, judgement))
    tally.gold += sum(1 for _, j in gold if not j.optional)
    tally.optional += sum(1 for _, j in gold if j.optional)
    tally.predicted += len(stances)
    for level, key in KEYS.items():
        chosen = [s for s in stances if level != "stance.text" or s.basis != "context"]
        g = [(span, key(j.actor, j.issue, j.position), j.optional) for span, j in gold]
        p = [((s.start, s.end), key(s.actor_code, s.issue, s.position)) for s in chosen]
        tally.counts[level].add(_match(g, p))


def _analyse(
    stories: Sequence[GoldStances], texts: dict[str, str], notes: list[str]
) -> list[tuple[GoldStances, str, Analysis | None]]:
    from parley.pipeline import Pipeline
    from parley.sources.document import Document

    pipeline = Pipeline.from_config()
    out: list[tuple[GoldStances, str, Analysis | None]] = []
    for story in stories:
        raw = texts.get(story.doc)
        if raw is None:
            continue
        # A page that states its own publication time (the seed) keeps it.
        published = None if story.file.endswith(".txt") else story.published
        document = Document(
            data=raw.encode("utf-8"),
            source=f"{story.file}#{story.doc}",
            id=None if story.file.endswith(".txt") else story.doc,
            published=published,
        )
        try:
            analysis: Analysis | None = pipeline(document, published=published)
        except ParleyError as err:
            notes.append(f"{story.doc}: Parley failed ({err}); scored with no output")
            analysis = None
        out.append((story, raw, analysis))
    return out


def run(
    data_dir: Path, limit: int | None = None, *, split: str = "dev", gold_file: Path = GOLD_FILE
) -> Report:
    """Score the ``split`` half (dev, test or all) of the stance gold."""
    require_dir(data_dir, "gold data")
    if split not in (*SPLITS, "all"):
        raise EvaluationError(f"unknown split {split!r} (dev, test or all)")
    stories = [s for s in read_gold(gold_file) if split in ("all", s.split)]
    stories = stories[:limit] if limit is not None else stories
    notes: list[str] = []
    texts = _texts(data_dir, stories, notes)
    tally = Tally()
    for story, raw, analysis in _analyse(stories, texts, notes):
        stances = analysis.stances if analysis else ()
        text = analysis.article.text if analysis else raw
        score_story(story, raw, stances, text, tally)
    return _report(split, len(texts), tally, notes)


def _report(split: str, stories: int, tally: Tally, notes: list[str]) -> Report:
    metrics: dict[str, float] = {}
    rows = []
    for level in LEVELS:
        p, r, f = tally.counts[level].prf()
        c = tally.counts[level]
        metrics |= {f"{split}.{level}.p": p, f"{split}.{level}.r": r, f"{split}.{level}.f1": f}
        rows.append((level, c.tp, c.fp, c.fn, p, r, f))
    table = render_table(
        ("match", "tp", "fp", "fn", "P", "R", "F1"),
        rows,
        title=(
            f"Stances, {split}: {stories} stories, {tally.gold} required judgements "
            f"(+{tally.optional} optional), {tally.predicted} stances"
        ),
    )
    if tally.unaligned:
        notes.append(f"{tally.unaligned} gold spans not found in Parley's text")
    return Report("stances", metrics, table, tuple(notes))
