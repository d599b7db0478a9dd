"""``parley evaluate agreement``: how far two annotators of the real-text gold agree.

On every story both a1 and a2 annotated, a1's annotation plays the gold and a2's the
prediction, with the scorer's own rules (``match``) on the raw text (no alignment needed), the
sentences those of Parley's spaCy model over that text:

* ``events.{strict,root,country}.f1``: event F1 between the annotators (symmetric in F1);
* ``events.root.agreement`` / ``events.root.kappa``: on events paired by sentence, source and
  target (``dyad``), the share with the same CAMEO root and Cohen's kappa of the roots;
  ``events.code.agreement`` the same for the full code;
* ``events.modality.agreement`` / ``events.date.agreement``: on strictly paired events;
* ``actors.code.agreement``: actor mentions both marked (overlapping spans, each paired once):
  the share with the same code;
* ``quotes.f1`` (content overlap >= 0.3 of the shorter) and ``quotes.speaker.agreement`` on
  paired quotes.
"""

from __future__ import annotations

from pathlib import Path

from parley.evaluate.common import Report, render_table
from parley.evaluate.real.gold import GoldStory, Span
from parley.evaluate.real.match import (
    Counts,
    EventView,
    QuoteView,
    Share,
    cohen_kappa,
    match_events,
    match_quotes,
    speaker_right,
)
from parley.evaluate.real.score import Sentences, load_gold

__all__ = ["AgreementTally", "agree", "run"]

FIRST, SECOND = "a1", "a2"


def _events(story: GoldStory, sentences: Sentences) -> list[EventView]:
    return [
        EventView(
            sentences.of(e.trigger[0]),
            e.trigger,
            e.source.code if e.source else None,
            e.target.code if e.target else None,
            e.cameo,
            e.modality,
            e.date,
        )
        for e in story.events
    ]


def _quotes(story: GoldStory) -> list[QuoteView]:
    out = []
    for q in story.quotes:
        spans = (q.speaker.span,) if q.speaker and q.speaker.span else ()
        out.append(QuoteView(q.content, q.speaker.code if q.speaker else None, spans, q.block))
    return out


def _actors(story: GoldStory) -> list[tuple[Span, str | None]]:
    mentions = [a for e in story.events for a in (e.source, e.target) if a]
    mentions += [q.speaker for q in story.quotes if q.speaker]
    return sorted(
        {(a.span, a.code) for a in mentions if a.span is not None},
        key=lambda item: (item[0], item[1] or ""),
    )


class AgreementTally:
    def __init__(self) -> None:
        self.levels = {level: Counts() for level in ("strict", "root", "country")}
        self.root_pairs: list[tuple[str, str]] = []
        self.code = Share()
        self.modality = Share()
        self.date = Share()
        self.actors = Share()
        self.quotes = Counts()
        self.speaker = Share()
        self.stories = 0

    def metrics(self) -> dict[str, float]:
        out: dict[str, float] = {"stories": float(self.stories)}
        if not self.stories:
            return out
        for level, counts in self.levels.items():
            out[f"events.{level}.f1"] = counts.prf()[2]
        out["events.root.agreement"] = (
            sum(a == b for a, b in self.root_pairs) / len(self.root_pairs)
            if self.root_pairs
            else 0.0
        )
        out["events.root.kappa"] = cohen_kappa(self.root_pairs)
        out["events.code.agreement"] = self.code.value
        out["events.modality.agreement"] = self.modality.value
        out["events.date.agreement"] = self.date.value
        out["actors.code.agreement"] = self.actors.value
        out["quotes.f1"] = self.quotes.prf()[2]
        out["quotes.speaker.agreement"] = self.speaker.value
        return out


def agree(first: GoldStory, second: GoldStory, sentences: Sentences, tally: AgreementTally) -> None:
    """Add one doubly annotated story to ``tally`` (``first`` taken as the reference)."""
    tally.stories += 1
    a, b = _events(first, sentences), _events(second, sentences)
    for level, counts in tally.levels.items():
        n = len(match_events(a, b, level))
        counts.add(Counts(n, len(b) - n, len(a) - n))
    for x, y in match_events(a, b, "dyad"):
        tally.root_pairs.append((x.cameo[:2], y.cameo[:2]))
        tally.code.add(x.cameo == y.cameo)
    for x, y in match_events(a, b, "strict"):
        tally.modality.add(x.modality == y.modality)
        tally.date.add(x.date == y.date)
    others = _actors(second)
    used: set[int] = set()
    for (start, end), code in _actors(first):
        for k, ((s, e), other) in enumerate(others):
            if k not in used and s < end and start < e:
                used.add(k)
                tally.actors.add(code == other)
                break
    qa, qb = _quotes(first), _quotes(second)
    pairs = match_quotes(qa, qb)
    tally.quotes.add(Counts(len(pairs), len(qb) - len(pairs), len(qa) - len(pairs)))
    for qx, qy in pairs:
        tally.speaker.add(speaker_right(qx, qy))


def run(
    data_dir: Path, *, limit: int | None = None, gold_dir: Path | None = None, **_: object
) -> Report:
    from parley.nlp import load_pipeline

    gold = load_gold(data_dir, gold_dir)
    first = {s.doc: s for s in gold.annotations.get(FIRST, [])}
    second = {s.doc: s for s in gold.annotations.get(SECOND, [])}
    both = [story.id for story in gold.stories if story.id in first and story.id in second]
    both = both[:limit] if limit is not None else both
    tally = AgreementTally()
    nlp = load_pipeline() if both else None
    for doc in both:
        assert nlp is not None
        parsed = nlp(gold.texts[doc].text)
        agree(first[doc], second[doc], Sentences([s.start_char for s in parsed.sents]), tally)
    metrics = tally.metrics()
    rows: list[list[str | int | float | None]] = [
        [key, value] for key, value in metrics.items() if key != "stories"
    ]
    table = render_table(["a1 vs a2", "value"], rows, title=f"{tally.stories} stories")
    notes = (
        f"agreement of {FIRST} and {SECOND} on the {tally.stories} stories both annotated "
        f"({len(tally.root_pairs)} events paired by sentence and actors, "
        f"{tally.actors.total} actor mentions both marked, {tally.quotes.tp} quotes paired)",
    )
    return Report("agreement", {k: round(v, 4) for k, v in metrics.items()}, table, notes)
