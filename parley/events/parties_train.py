"""``parley train parties``: the source/target chooser, trained from scratch, seeded,
cross-validated on the event filter's gold units and folds (``parley.events.train``).

1. Run the rules alone on every gold unit (PLOVER dev records, PETRARCH validation and unit
   test sentences, the real-text dev half; never its test half). Each side of each event the
   rules emit gives its candidates (``parties.candidates``).
2. Pair each event with a gold event the way the set's scorer does (PLOVER: an event of the
   record's type; PETRARCH and real text: one to one, strict first, then by root). A
   candidate is right when its code is the paired gold side's: PLOVER and PETRARCH by country
   (what their scorers compare), the real text the whole code (its strict level); "nobody" is
   right when the gold side is empty. Events paired with no gold event teach nothing.
3. Cross-validate on the event filter's folds: each fold's candidates scored by a model fitted
   on the others, the events re-sided at each margin of ``MARGINS`` (``inf``: the rules
   alone) and scored by the project's scorers; the margin with the best mean of
   ``OBJECTIVE`` is kept.
4. Fit the shipped model on every unit, seeded (the same bytes each run), with that margin.
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from parley.evaluate.events import (
    GoldSentence,
    plover_name,
    score_codings,
    score_plover_events,
)
from parley.events.parties import (
    LENGTH,
    MODEL_DIR,
    Candidate,
    PartyModel,
    candidates,
    choose,
    with_party,
)
from parley.events.train import folds, gold_units, held_out
from parley.events.train import objective as mean_of
from parley.nlp.index import MentionIndex, ParseIndex
from parley.quotes.train import Settings, fit_logistic
from parley.records import Analysis, Event

__all__ = ["MARGINS", "OBJECTIVE", "PartyUnit", "TrainReport", "cross_validate", "fit", "train"]

SEED = 0
NO_CHANGE = math.inf  # the margin that keeps every rules' choice
MARGINS = (NO_CHANGE, 0.6, 0.4, 0.3, 0.2, 0.1, 0.05, 0.0)
# What the chooser can move: who each side is (issue 11's goal figures among them).
OBJECTIVE = (
    "plover.source.country.acc",
    "plover.target.country.acc",
    "petrarch_validation.strict.f1",
    "petrarch_unit.strict.f1",
    "real.strict.f1",
)
REPORTED = (
    *OBJECTIVE,
    "plover.event.f1",
    "petrarch_validation.root.f1",
    "petrarch_unit.root.f1",
    "real.root.f1",
    "real.country.f1",
)
SETTINGS = Settings(seed=SEED, epochs=12, batch_size=16, learn_rate=0.01, l2=1e-4)

Log = Callable[[str], None]


@dataclass(slots=True)
class PartyUnit:
    """One gold unit: the rules' events, each event's candidates and their labels (None: the
    event is paired with no gold event), and what the set's scorer needs."""

    dataset: str
    events: tuple[Event, ...]
    candidates: list[list[Candidate]]
    labels: list[list[int] | None]
    gold: Any
    views: Any = None  # real text: the scorer's StoryViews (events in the analysis's order)


@dataclass(frozen=True, slots=True)
class TrainReport:
    margin: float
    examples: int
    positive: int
    changed: int  # sides the shipped model changes on the data it was fitted on
    cv: dict[float, dict[str, float]]
    fitted: dict[str, float]
    seconds: float
    units: dict[str, int] = field(default_factory=dict)


# ------------------------------------------------------------------ labels ---
def _country(code: str | None) -> str:
    return (code or "")[:3]


def _label(c: Candidate, gold: Sequence[str], whole: bool) -> int:
    """Whether the candidate's code is one of the gold side's (empty gold: nobody)."""
    if not gold:
        return int(c.code is None)
    if c.code is None:
        return 0
    return int(any((c.code if whole else _country(c.code)) == g for g in gold))


def plover_gold(
    record: dict[str, Any], events: Sequence[Event]
) -> list[dict[str, list[str]] | None]:
    """Each event's gold sides: the record's countries for events of its type."""
    gold_type = str(record.get("event", "")).upper()

    def codes(side: str) -> list[str]:
        actors = record.get(side)
        if not isinstance(actors, list):
            return []
        return [str(a["code"])[:3].upper() for a in actors if isinstance(a, dict) and a.get("code")]

    sides = {"source": codes("source"), "target": codes("target")}
    return [sides if plover_name(e) == gold_type else None for e in events]


def petrarch_gold(gold: GoldSentence, events: Sequence[Event]) -> list[dict[str, list[str]] | None]:
    """Each event's paired gold coding's countries (strict first, then by root)."""
    out: list[dict[str, list[str]] | None] = [None] * len(events)
    left = list(gold.codings)
    for strict in (True, False):
        rest = []
        for g in left:
            for i, e in enumerate(events):
                if out[i] is not None or e.cameo[:2] != g[0][:2]:
                    continue
                if strict and (_country(e.source_actor), _country(e.target_actor)) != (
                    g[1][:3],
                    g[2][:3],
                ):
                    continue
                out[i] = {
                    "source": [g[1][:3]] if g[1] else [],
                    "target": [g[2][:3]] if g[2] else [],
                }
                break
            else:
                rest.append(g)
        left = rest
    return out


def real_gold(views: Any) -> list[dict[str, list[str]] | None]:
    """Each event's paired gold event's codes (the real-text scorer: strict, then root)."""
    from parley.evaluate.real.match import match_events

    paired: dict[int, Any] = {}
    gold = list(views.gold_events)
    for level in ("strict", "root"):
        pool = [v for v in views.events if id(v) not in paired]
        pairs = match_events(gold, pool, level)
        paired |= {id(p): g for g, p in pairs}
        matched = {id(g) for g, _ in pairs}
        gold = [g for g in gold if id(g) not in matched]
    out: list[dict[str, list[str]] | None] = []
    for v in views.events:
        g = paired.get(id(v))
        out.append(
            None
            if g is None
            else {
                "source": [g.source] if g.source else [],
                "target": [g.target] if g.target else [],
            }
        )
    return out


def _labels(
    cands: list[list[Candidate]], gold: list[dict[str, list[str]] | None], whole: bool
) -> list[list[int] | None]:
    return [
        None if g is None else [_label(c, g[c.side], whole) for c in cs]
        for cs, g in zip(cands, gold, strict=True)
    ]


# ---------------------------------------------------------------- collect ---
def _candidates(pipeline: Any, analysis: Analysis) -> list[list[Candidate]]:
    text = analysis.article.text
    parse = ParseIndex.build(pipeline.resources.nlp(text), text)
    mentions = MentionIndex.build(analysis.entities, parse)
    return [candidates(e, parse, mentions) for e in analysis.events]


def _sentence_unit(
    pipeline: Any, dataset: str, text: str, date: str | None, gold: Any
) -> PartyUnit:
    from parley.errors import ParleyError

    try:
        analysis = pipeline.analyze_text(text, published=date)
    except ParleyError:
        return PartyUnit(dataset, (), [], [], gold)
    events = analysis.events
    cands = _candidates(pipeline, analysis)
    sides = plover_gold(gold, events) if dataset == "plover" else petrarch_gold(gold, events)
    return PartyUnit(dataset, events, cands, _labels(cands, sides, False), gold)


def collect(data_dir: Path, log: Log, *, limit: int | None = None) -> list[PartyUnit]:
    """The event filter's gold units (``parley.events.train.gold_units``), with candidates."""
    return gold_units(data_dir, log, limit, _sentence_unit, _real_unit)


def _real_unit(rules: Any, annotation: Any, analysis: Analysis | None, views: Any) -> PartyUnit:
    if analysis is None:
        return PartyUnit("real", (), [], [], annotation, views)
    cands = _candidates(rules, analysis)
    labels = _labels(cands, real_gold(views), True)
    return PartyUnit("real", analysis.events, cands, labels, annotation, views)


# -------------------------------------------------------------------- fit ---
def _examples(units: Sequence[PartyUnit]) -> tuple[list[list[str]], list[int]]:
    rows: list[list[str]] = []
    labels: list[int] = []
    for u in units:
        for cands, ls in zip(u.candidates, u.labels, strict=True):
            if ls is None or len({c.side for c in cands}) == len(cands):
                continue  # no gold to learn from, or one candidate a side: nothing to choose
            rows += [c.row for c in cands]
            labels += ls
    return rows, labels


def fit(units: Sequence[PartyUnit], settings: Settings | None = None) -> PartyModel:
    """Logistic regression on the units' candidates, seeded and deterministic."""
    rows, labels = _examples(units)
    return PartyModel(fit_logistic(rows, labels, settings or SETTINGS, LENGTH), 0.0)


def resided(
    unit: PartyUnit, probabilities: Sequence[Sequence[float]], margin: float
) -> tuple[tuple[Event, ...], int]:
    """The unit's events with the sides chosen at ``margin``, and how many sides changed."""
    if margin == NO_CHANGE:
        return unit.events, 0
    out, changed = [], 0
    for event, cands, probs in zip(unit.events, unit.candidates, probabilities, strict=True):
        chosen = choose(cands, probs, margin)
        changed += len(chosen)
        out.append(with_party(event, chosen))
    return tuple(out), changed


def score(
    units: Sequence[PartyUnit], probabilities: Sequence[Sequence[Sequence[float]]], margin: float
) -> dict[str, float]:
    """The project's scorers' figures for the events re-sided at ``margin``."""
    from parley.evaluate.real.score import EVENT_LEVELS, EventTally, score_story

    chosen = [resided(u, p, margin) for u, p in zip(units, probabilities, strict=True)]
    events = [c[0] for c in chosen]
    metrics: dict[str, float] = {"changed": float(sum(c[1] for c in chosen))}
    plover = [(u.gold, e) for u, e in zip(units, events, strict=True) if u.dataset == "plover"]
    if plover:
        metrics |= score_plover_events(plover)[0]
    for name in ("petrarch_validation", "petrarch_unit"):
        pairs = [(u.gold, e) for u, e in zip(units, events, strict=True) if u.dataset == name]
        if pairs:
            metrics |= score_codings(pairs, name)[0]
    tally = EventTally.empty()
    for u, es in zip(units, events, strict=True):
        if u.dataset == "real":
            views = [
                replace(v, source=e.source_actor, target=e.target_actor)
                for v, e in zip(u.views.events, es, strict=True)
            ]
            score_story(replace(u.views, events=views), tally)
    if tally.stories:
        for level in EVENT_LEVELS:
            p, r, f = tally.levels[level].prf()
            metrics |= {f"real.{level}.precision": p, f"real.{level}.recall": r}
            metrics[f"real.{level}.f1"] = f
    return {k: round(v, 4) for k, v in metrics.items()}


def _probabilities(model: PartyModel, unit: PartyUnit) -> list[list[float]]:
    return [model.probabilities([c.row for c in cands]) for cands in unit.candidates]


def cross_validate(
    units: Sequence[PartyUnit], settings: Settings | None = None
) -> dict[float, dict[str, float]]:
    """Each margin's figures with every unit's candidates scored by a model that never saw
    its fold (the event filter's folds)."""
    probabilities = held_out(units, lambda train: fit(train, settings), _probabilities)
    return {m: score(units, probabilities, m) for m in MARGINS}


def objective(metrics: dict[str, float]) -> float:
    return mean_of(metrics, OBJECTIVE)


def train(
    data_dir: Path,
    out: Path = MODEL_DIR,
    *,
    log: Log = lambda line: None,
    settings: Settings | None = None,
    limit: int | None = None,
) -> TrainReport:
    """Collect, cross-validate, fit on everything, save to ``out``."""
    started = time.process_time()
    settings = settings or SETTINGS
    units = collect(data_dir, log, limit=limit)
    cv = cross_validate(units, settings)
    # The best cross-validated mean; of equals, the margin that changes least.
    margin = max(MARGINS, key=lambda m: (round(objective(cv[m]), 4), m))
    model = fit(units, settings)
    fitted_margin = 1.0 if margin == NO_CHANGE else margin
    fitted = score(units, [_probabilities(model, u) for u in units], fitted_margin)
    rows, labels = _examples(units)
    counts: dict[str, int] = {}
    for u in units:
        counts[u.dataset] = counts.get(u.dataset, 0) + 1
    # A margin no probability difference reaches stands for "never override" in the file.
    model.threshold = fitted_margin
    model.meta = {
        "settings": {**dataclasses.asdict(settings), "folds": max(folds(units)) + 1},
        "examples": len(rows),
        "positive": sum(labels),
        "units": counts,
        "cv": {
            "rules": {k: cv[NO_CHANGE].get(k) for k in REPORTED},
            "model": {k: cv[margin].get(k) for k in REPORTED},
            "margins": {str(m): round(objective(cv[m]), 4) for m in MARGINS},
        },
    }
    model.save(out)
    return TrainReport(
        margin,
        len(rows),
        sum(labels),
        int(fitted["changed"]),
        cv,
        fitted,
        time.process_time() - started,
        counts,
    )
