"""``parley evaluate events|quotes --set real``: Parley against the real-text gold.

Each story of the split is run through the whole pipeline as a plain-text document (its raw
text, its publication date), so extraction cleans it as it would any scraped page; the gold's
offsets are mapped into ``article.text`` (``align.TextMap``) and the sentences are those of
the parse Parley made of that text. The rules are in ``match``; the figures:

* events ``strict`` / ``root`` / ``country`` / ``plover``: precision, recall and F1 of all of
  Parley's events (whatever their modality) against the gold's (the gold's PLOVER type is its
  own ``plover`` when given, else its CAMEO code's by the 2021 correspondence);
  ``modality.acc`` and ``date.acc``: the share of strictly matched events whose modality / date
  (as written: "2012-02" is not "2012-02-29") is the gold's; ``root.modality.acc`` and
  ``root.date.acc`` the same on events matched by root;
* ``entities.code.acc``: every Parley entity with a mention over a gold actor mention (of an
  event or a quote speaker) with a code: its code right; ``entities.uncoded``: how many such
  entities have no code; ``actors.split``: gold actors spread over two entities;
* quotes (Parley's statements: a quote marked ``act``, a stance or act such as "praised the
  party", is left out as the gold marks none): precision, recall and F1 (content overlap
  >= 0.3 of the shorter); ``speaker.acc``:
  among matched quotes whose gold speaker is known, the speaker right (same code, or named
  where the gold names it); ``block.speaker``: the share of gold statement blocks
  (``block: true``) with a matched quote whose speaker is right.

A story annotated twice is scored against the adjudicated annotation, else a1's.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from parley.config import Config
from parley.errors import EvaluationError, ParleyError
from parley.evaluate.common import Report, render_table, require_dir
from parley.evaluate.real.align import TextMap
from parley.evaluate.real.gold import (
    CAMEO_FILE,
    GOLD_DIR,
    PLOVER_FILE,
    SPLITS,
    GoldStory,
    Story,
    StoryText,
    annotation_files,
    gold_for_scoring,
    read_annotations,
    read_stories,
    read_texts,
)
from parley.evaluate.real.match import (
    Counts,
    EntityView,
    EventView,
    QuoteView,
    Share,
    entity_code_accuracy,
    match_events,
    match_quotes,
    speaker_right,
    split_actors,
)
from parley.records import Analysis

__all__ = [
    "Sentences",
    "load_gold",
    "plover_types",
    "run_events",
    "run_quotes",
    "score_story",
    "story_views",
]

EVENT_LEVELS = ("strict", "root", "country", "plover")


class Sentences:
    """Sentence index of a character offset, from the starts of a parse's sentences."""

    def __init__(self, starts: Sequence[int]) -> None:
        self.starts = list(starts)

    def of(self, offset: int) -> int:
        return max(bisect_right(self.starts, offset) - 1, 0)


@dataclass(frozen=True, slots=True)
class GoldSet:
    stories: list[Story]
    texts: dict[str, StoryText]
    annotations: dict[str, list[GoldStory]]  # annotator -> the stories they annotated


def load_gold(data_dir: Path, gold_dir: Path | None = None) -> GoldSet:
    """The story list, the texts, and every annotation file (each checked)."""
    require_dir(data_dir, "gold data")
    folder = gold_dir or GOLD_DIR
    stories = read_stories(folder / "stories.tsv")
    texts = read_texts(data_dir, stories)
    by_id = {story.id: story for story in stories}
    annotations = {
        name: read_annotations(path, by_id, texts)
        for name, path in annotation_files(folder).items()
    }
    return GoldSet(stories, texts, annotations)


def _selected(gold: GoldSet, split: str, limit: int | None) -> list[tuple[Story, GoldStory]]:
    if split not in (*SPLITS, "all"):
        raise EvaluationError(f"unknown split {split!r} (dev, test or all)")
    chosen = gold_for_scoring(gold.annotations)
    rows = [
        (story, chosen[story.id])
        for story in gold.stories
        if story.id in chosen and split in ("all", story.split)
    ]
    return rows[:limit] if limit is not None else rows


def _analyses(
    rows: list[tuple[Story, GoldStory]],
    texts: dict[str, StoryText],
    notes: list[str],
    config: Config | None = None,
) -> Iterator[tuple[GoldStory, StoryText, Analysis | None, Sentences]]:
    from parley.pipeline import Pipeline
    from parley.sources.document import Document

    if not rows:
        return
    pipeline = Pipeline.from_config(config)
    for story, annotation in rows:
        text = texts[story.id]
        document = Document(
            data=text.text.encode("utf-8"),
            source=f"{story.file}#{story.id}",
            id=story.id,
            published=text.published,
        )
        try:
            analysis = pipeline(document, published=text.published)
        except ParleyError as err:
            notes.append(f"{story.id}: Parley failed ({err}); scored with no output")
            yield annotation, text, None, Sentences([0])
            continue
        doc = pipeline.resources.nlp(analysis.article.text)
        yield annotation, text, analysis, Sentences([s.start_char for s in doc.sents])


# -------------------------------------------------------------------- views ---
@dataclass(frozen=True, slots=True)
class StoryViews:
    gold_events: list[EventView]
    gold_quotes: list[QuoteView]
    gold_actors: list[tuple[tuple[int, int], str]]  # mapped mention spans with their codes
    events: list[EventView]
    quotes: list[QuoteView]
    entities: list[EntityView]
    unaligned: int  # gold events whose trigger is not in Parley's text


def story_views(
    gold: GoldStory,
    raw: str,
    analysis: Analysis | None,
    sentences: Sentences,
    plover: Mapping[str, str | None] | None = None,
) -> StoryViews:
    """Both sides of one story in the coordinates of Parley's ``article.text``; ``plover``
    gives the PLOVER type of a CAMEO code (for gold events without their own)."""
    plover = plover if plover is not None else plover_types()
    text = analysis.article.text if analysis else raw
    mapping = TextMap(raw, text)

    def place(span: tuple[int, int] | None) -> tuple[int, int] | None:
        return None if span is None else mapping.span(*span)

    gold_events = []
    gold_actors: list[tuple[tuple[int, int], str]] = []
    unaligned = 0
    for event in gold.events:
        trigger = place(event.trigger)
        unaligned += trigger is None
        gold_events.append(
            EventView(
                sentence=None if trigger is None else sentences.of(trigger[0]),
                trigger=trigger,
                source=event.source.code if event.source else None,
                target=event.target.code if event.target else None,
                cameo=event.cameo,
                modality=event.modality,
                date=event.date,
                plover=event.plover or plover.get(event.cameo),
            )
        )
        for actor in (event.source, event.target):
            span = place(actor.span) if actor else None
            if actor and actor.code and span:
                gold_actors.append((span, actor.code))
    gold_quotes = []
    for quote in gold.quotes:
        content = tuple(s for s in (place(c) for c in quote.content) if s is not None)
        speaker_span = place(quote.speaker.span) if quote.speaker else None
        code = quote.speaker.code if quote.speaker else None
        if code and speaker_span:
            gold_actors.append((speaker_span, code))
        gold_quotes.append(
            QuoteView(content, code, (speaker_span,) if speaker_span else (), quote.block)
        )
    if analysis is None:
        return StoryViews(gold_events, gold_quotes, sorted(set(gold_actors)), [], [], [], unaligned)
    entities = [
        EntityView(e.id, e.name, e.actor, tuple((m.start, m.end) for m in e.mentions))
        for e in analysis.entities
    ]
    by_id = {e.id: e for e in entities}
    events = [
        EventView(
            sentences.of(e.trigger[0]),
            e.trigger,
            e.source_actor,
            e.target_actor,
            e.cameo,
            e.modality,
            e.date,
            e.plover,
        )
        for e in analysis.events
    ]
    quotes = []
    for q in analysis.quotes:
        if q.act:
            continue  # a stance or act, not a statement (the gold marks statements only)
        speaker = by_id.get(q.speaker) if q.speaker else None
        spans = [q.speaker_span] if q.speaker_span else []
        if speaker:
            spans.extend(speaker.spans)
        quotes.append(
            QuoteView(
                tuple(q.fragments) or ((q.start, q.end),),
                speaker.code if speaker else None,
                tuple(spans),
            )
        )
    return StoryViews(
        gold_events, gold_quotes, sorted(set(gold_actors)), events, quotes, entities, unaligned
    )


def plover_types() -> dict[str, str | None]:
    """CAMEO code -> PLOVER type, by the 2021 correspondence Parley ships."""
    from parley.events.lexicon import read_codes

    codes = read_codes(CAMEO_FILE, PLOVER_FILE)
    return {code: info.plover for code, info in codes.items()}


# ------------------------------------------------------------------ scoring ---
@dataclass
class EventTally:
    levels: dict[str, Counts]
    modality: Share  # on strictly matched events
    date: Share
    entity_code: Share
    root_modality: Share = field(default_factory=Share)  # on events matched by root
    root_date: Share = field(default_factory=Share)
    uncoded: int = 0
    split: int = 0
    unaligned: int = 0
    stories: int = 0

    @classmethod
    def empty(cls) -> EventTally:
        return cls({k: Counts() for k in EVENT_LEVELS}, Share(), Share(), Share())


def score_story(views: StoryViews, tally: EventTally) -> None:
    """Add one story's event and actor figures to ``tally``."""
    tally.stories += 1
    tally.unaligned += views.unaligned
    for level in EVENT_LEVELS:
        pairs = match_events(views.gold_events, views.events, level)
        n = len(pairs)
        tally.levels[level].add(Counts(n, len(views.events) - n, len(views.gold_events) - n))
        if level in ("strict", "root"):
            modality, day = (
                (tally.modality, tally.date)
                if level == "strict"
                else (tally.root_modality, tally.root_date)
            )
            for gold, predicted in pairs:
                modality.add(gold.modality == predicted.modality)
                day.add(gold.date == predicted.date)
    accuracy = entity_code_accuracy(views.gold_actors, views.entities)
    tally.entity_code.right += accuracy.coded.right
    tally.entity_code.total += accuracy.coded.total
    tally.uncoded += accuracy.uncoded
    tally.split += split_actors(views.gold_actors, views.entities)


def run_events(
    data_dir: Path,
    *,
    split: str = "dev",
    limit: int | None = None,
    gold_dir: Path | None = None,
    config: Config | None = None,
) -> Report:
    gold = load_gold(data_dir, gold_dir)
    rows = _selected(gold, split, limit)
    notes: list[str] = []
    tally = EventTally.empty()
    by_corpus: dict[str, EventTally] = {}
    gold_total = 0
    types = plover_types()
    for annotation, text, analysis, sentences in _analyses(rows, gold.texts, notes, config):
        views = story_views(annotation, text.text, analysis, sentences, types)
        gold_total += len(views.gold_events)
        score_story(views, tally)
        score_story(views, by_corpus.setdefault(_corpus(annotation.file), EventTally.empty()))
    metrics: dict[str, float] = {}
    table_rows: list[list[str | int | float | None]] = []
    for level, counts in tally.levels.items():
        p, r, f = counts.prf()
        table_rows.append([level, p, r, f, counts.tp, counts.fp, counts.fn])
        if tally.stories:  # no figure at all without gold, so a floor cannot pass on nothing
            metrics |= {
                f"{split}.{level}.precision": p,
                f"{split}.{level}.recall": r,
                f"{split}.{level}.f1": f,
            }
    if tally.stories:
        metrics |= {
            f"{split}.modality.acc": tally.modality.value,
            f"{split}.date.acc": tally.date.value,
            f"{split}.root.modality.acc": tally.root_modality.value,
            f"{split}.root.date.acc": tally.root_date.value,
            f"{split}.entities.code.acc": tally.entity_code.value,
            f"{split}.entities.uncoded": float(tally.uncoded),
            f"{split}.actors.split": float(tally.split),
        }
    notes.insert(0, _summary(split, tally.stories, gold_total, tally.unaligned))
    notes.append(
        f"strict matches: modality right {tally.modality.right}/{tally.modality.total}, "
        f"date right {tally.date.right}/{tally.date.total}; root matches: modality right "
        f"{tally.root_modality.right}/{tally.root_modality.total}, date right "
        f"{tally.root_date.right}/{tally.root_date.total}; entities over gold actors: "
        f"code right {tally.entity_code.right}/{tally.entity_code.total}, "
        f"{tally.uncoded} with no code; {tally.split} gold actors split"
    )
    table = render_table(
        ["match", "P", "R", "F1", "tp", "fp", "fn"], table_rows, title=f"real-text {split}"
    )
    corpus_rows: list[list[str | int | float | None]] = [
        [
            name,
            part.stories,
            part.levels["strict"].tp + part.levels["strict"].fn,
            *(part.levels[level].prf()[2] for level in EVENT_LEVELS),
        ]
        for name, part in sorted(by_corpus.items())
    ]
    if corpus_rows:
        table += "\n\n" + render_table(
            ["corpus", "stories", "gold events", *(f"{level} F1" for level in EVENT_LEVELS)],
            corpus_rows,
            title="by corpus",
        )
    return Report("real_events", {k: round(v, 4) for k, v in metrics.items()}, table, tuple(notes))


def run_quotes(
    data_dir: Path,
    *,
    split: str = "dev",
    limit: int | None = None,
    gold_dir: Path | None = None,
    config: Config | None = None,
) -> Report:
    gold = load_gold(data_dir, gold_dir)
    rows = _selected(gold, split, limit)
    notes: list[str] = []
    counts = Counts()
    speaker = Share()
    block = Share()
    stories = 0
    for annotation, text, analysis, sentences in _analyses(rows, gold.texts, notes, config):
        stories += 1
        views = story_views(annotation, text.text, analysis, sentences)
        pairs = match_quotes(views.gold_quotes, views.quotes)
        n = len(pairs)
        counts.add(Counts(n, len(views.quotes) - n, len(views.gold_quotes) - n))
        right = {id(g) for g, p in pairs if speaker_right(g, p)}
        for g, _ in pairs:
            if g.speaker is not None or g.speaker_spans:
                speaker.add(id(g) in right)
        for g in views.gold_quotes:
            if g.block:
                block.add(id(g) in right)
    p, r, f = counts.prf()
    metrics: dict[str, float] = {}
    if stories:  # no figure at all without gold, so a floor cannot pass on nothing
        metrics = {
            f"{split}.quotes.precision": p,
            f"{split}.quotes.recall": r,
            f"{split}.quotes.f1": f,
            f"{split}.speaker.acc": speaker.value,
            f"{split}.block.speaker": block.value,
        }
    notes.insert(0, f"real-text {split}: {stories} stories")
    notes.append(
        f"speaker right on {speaker.right}/{speaker.total} matched quotes; "
        f"statement blocks given to their author: {block.right}/{block.total}"
    )
    table = render_table(
        ["quotes", "P", "R", "F1", "tp", "fp", "fn", "speaker", "blocks"],
        [["content >= 0.3", p, r, f, counts.tp, counts.fp, counts.fn, speaker.value, block.value]],
        title=f"real-text {split}",
    )
    return Report("real_quotes", {k: round(v, 4) for k, v in metrics.items()}, table, tuple(notes))


def _corpus(file: str) -> str:
    """A short name for a story file: "kcna-marquez", "rodong-2018-sample", "polnear"."""
    parts = Path(file).parts
    if parts[0] != "corpus" or len(parts) < 2:
        return parts[0]
    return parts[1] if len(parts) > 2 else Path(parts[1]).stem


def _summary(split: str, stories: int, gold_events: int, unaligned: int) -> str:
    if not stories:
        return f"real-text {split}: no annotated story yet (parley/evaluate/data/real/*.jsonl)"
    return (
        f"real-text {split}: {stories} stories, {gold_events} gold events "
        f"({unaligned} whose trigger is not in Parley's cleaned text)"
    )
