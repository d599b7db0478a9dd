"""``parley train quotes``: train the attribution model on PolNeAR, from scratch, seeded.

1. Parse every article of PolNeAR train and dev with the pinned spaCy model and run the
   rules (``candidate_drafts``): each candidate attribution is one example.
2. Label a candidate 1 when its content matches a gold attribution's content the way the
   scorer matches them (greedy one-to-one, overlap >= 0.3 of the gold's tokens), else 0:
   false attributions, duplicates and fragments the rules invent are the negatives.
3. Fit the logistic regression (``model.py``) on train with Adam, a fixed seed and a fixed
   number of epochs.
4. On dev, score the rules alone and the model at every threshold from 0.05 to 0.95 with the
   project's PolNeAR scorer; keep the threshold with the best mean of content F1 exact /
   overlap 0.3 / overlap 0.8. Dev chooses the threshold only; it never trains.
5. The boundary chooser (``bounds.py``, ``bounds_train.py``): every train candidate matched
   to a gold content gives its content's, source's and cue's boundary candidates, the right
   one being the gold's exact tokens; a softmax over each group is fitted, seeded. On dev,
   the attributions the model keeps get the chooser's boundaries at each margin of
   ``MARGINS`` (how much a candidate must beat the rules' own boundaries); for each of
   content, source and cue the margin with the best mean of its three F1s is kept (the
   threshold and the margins are all that dev chooses).

The real-text gold is never read. Both splits' parses are the slow part (minutes); the fit
takes seconds.
"""

from __future__ import annotations

import dataclasses
import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Adam, Model, fix_random_seed

from parley.errors import EvaluationError
from parley.evaluate.quotes import GoldArticle, Scores, load_gold, match_contents, score
from parley.nlp.index import ParseIndex
from parley.quotes.attribution import candidate_drafts
from parley.quotes.bounds import Candidate, content_candidates, span_candidates
from parley.quotes.bounds_train import (
    BoundaryExample,
    BoundarySettings,
    boundary_examples,
    fit_boundaries,
)
from parley.quotes.drafts import Draft, QuoteState
from parley.quotes.features import draft_features
from parley.quotes.model import MODEL_DIR, AttributionModel, BoundaryModel, build_net, encode
from parley.quotes.resources import QuoteResources

__all__ = ["Settings", "TrainReport", "collect", "fit", "train"]

SEED = 0
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 20))
MARGINS = (0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0)


@dataclass(frozen=True, slots=True)
class Settings:
    """The fit's settings: fixed, so that the same data gives the same model."""

    seed: int = SEED
    epochs: int = 4
    batch_size: int = 32
    learn_rate: float = 0.01
    l2: float = 1e-5


@dataclass(frozen=True, slots=True)
class Example:
    """One candidate attribution: its features, its label and its spans (for scoring)."""

    article: str
    features: list[str]
    label: int
    content: list[tuple[int, int]]
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    # Dev only: the chooser's choices for "content", "src" and "cue".
    bounds: dict[str, list[Candidate]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Collected:
    """One split's candidates, and the boundary examples of those matched to gold."""

    examples: list[Example]
    boundaries: list[BoundaryExample]
    unbounded: int  # matched candidates none of whose boundaries is the gold's


@dataclass(frozen=True, slots=True)
class TrainReport:
    threshold: float
    train_examples: int
    train_positive: int
    dev_rules: dict[str, float]
    dev_model: dict[str, float]
    seconds: float
    margins: dict[str, float] = field(default_factory=dict)
    dev_bounds: dict[str, float] = field(default_factory=dict)


def parse(gold: dict[str, GoldArticle], nlp: Language) -> Iterator[Doc]:
    """The parses of the articles of ``gold``, in the order of their names."""
    return nlp.pipe((gold[s].text for s in sorted(gold)), batch_size=16)


def collect(
    gold: dict[str, GoldArticle],
    resources: QuoteResources,
    docs: Iterable[Doc],
    *,
    with_bounds: bool = False,
) -> Collected:
    """The rules' candidates in every article of ``gold`` (``docs``: their parses in the
    order of their names), labelled against it; ``with_bounds``: each keeps its boundary
    candidates too (the dev split's, for tuning the margin)."""
    examples: list[Example] = []
    boundaries: list[BoundaryExample] = []
    unbounded = 0
    for stem, doc in zip(sorted(gold), docs, strict=True):
        state = QuoteState.build(ParseIndex.build(doc), resources)
        drafts = candidate_drafts(state)
        art = gold[stem]
        golds = [a["Content"] or [] for a in art.attributions]
        matched = match_contents(art.text, golds, [d.content for d in drafts])
        examples += _labelled(stem, state, drafts, set(matched.values()), with_bounds)
        found, missed = boundary_examples(art, state, drafts, matched)
        boundaries += found
        unbounded += missed
    return Collected(examples, boundaries, unbounded)


def _labelled(
    stem: str, state: QuoteState, drafts: list[Draft], matched: set[int], with_bounds: bool
) -> list[Example]:
    arrays = state.parse if with_bounds else None
    return [
        Example(
            stem,
            draft_features(state, d),
            int(n in matched),
            list(d.content),
            d.source,
            d.cue,
            {
                "content": content_candidates(state, arrays, d),
                "src": span_candidates(state, arrays, d, "src"),
                "cue": span_candidates(state, arrays, d, "cue"),
            }
            if arrays is not None
            else {},
        )
        for n, d in enumerate(drafts)
    ]


def fit(examples: list[Example], settings: Settings | None = None) -> AttributionModel:
    """Logistic regression on the examples' features, seeded and deterministic."""
    rows = [e.features for e in examples]
    labels = [e.label for e in examples]
    return AttributionModel(fit_logistic(rows, labels, settings or Settings()), 0.5)


def fit_logistic(
    rows: Sequence[list[str]], labels: Sequence[int | float], settings: Settings, length: int = 0
) -> Model[Any, Any]:
    """A ``SparseLinear`` layer of ``length`` hash slots (0: ``build_net``'s default) fitted
    by logistic regression on the feature rows and their 0/1 labels, with Adam, a fixed seed
    and a fixed order: the same data gives the same bytes. The quote attribution model and
    the event filter (``parley.events.train``) are fitted by it."""
    fix_random_seed(settings.seed)
    rng = random.Random(settings.seed)
    net = build_net(length) if length else build_net()
    optimizer = Adam(settings.learn_rate, L2=settings.l2)
    order = list(range(len(rows)))
    for _ in range(settings.epochs):
        rng.shuffle(order)
        for at in range(0, len(order), settings.batch_size):
            batch = order[at : at + settings.batch_size]
            scores, backprop = net.begin_update(encode([rows[i] for i in batch]))
            gold = numpy.array([[labels[i]] for i in batch], dtype="float32")
            # d(log loss)/d(log-odds) = p - y, averaged over the batch.
            backprop((1.0 / (1.0 + numpy.exp(-scores)) - gold) / len(batch))
            net.finish_update(optimizer)
    return net


def dev_scores(
    gold: dict[str, GoldArticle], examples: list[Example], kept: Iterable[bool]
) -> Scores:
    """The PolNeAR scorer's figures for the candidates kept."""
    system: dict[str, list[dict[str, list[tuple[int, int]] | None]]] = {s: [] for s in gold}
    for e, keep in zip(examples, kept, strict=True):
        if keep:
            system[e.article].append(
                {
                    "Content": e.content,
                    "Source": [e.source] if e.source else None,
                    "Cue": [e.cue] if e.cue else None,
                }
            )
    return score(gold, system)


def summary(scores: Scores) -> dict[str, float]:
    out = {}
    for role in ("Content", "Source", "Cue"):
        for mode in ("exact", "ovl0.3", "ovl0.8"):
            out[f"{role.lower()}.{mode}.f1"] = round(scores.prf(f"{role}.{mode}")[2], 4)
    out["content.ovl0.3.p"] = round(scores.prf("Content.ovl0.3")[0], 4)
    out["content.ovl0.3.r"] = round(scores.prf("Content.ovl0.3")[1], 4)
    out["speaker.match"] = round(scores.speaker_accuracy, 4)
    return out


def _objective(s: dict[str, float]) -> float:
    return (s["content.exact.f1"] + s["content.ovl0.3.f1"] + s["content.ovl0.8.f1"]) / 3


def tune(
    model: AttributionModel, gold: dict[str, GoldArticle], examples: list[Example]
) -> tuple[float, dict[str, float]]:
    """The threshold with the best dev objective, and its figures."""
    probs = model.probabilities([e.features for e in examples])
    best: tuple[float, float, dict[str, float]] | None = None
    for t in THRESHOLDS:
        figures = summary(dev_scores(gold, examples, (p >= t for p in probs)))
        if best is None or _objective(figures) > best[0]:
            best = (_objective(figures), t, figures)
    assert best is not None
    return best[1], best[2]


_ROLES = {"content": "content", "src": "source", "cue": "cue"}


def tune_margins(
    chooser: BoundaryModel,
    gold: dict[str, GoldArticle],
    examples: list[Example],
    kept: list[bool],
) -> tuple[dict[str, float], dict[str, float]]:
    """For content, source and cue in turn, the margin with the best mean of that span's
    three F1s on dev (the attributions the model keeps), and the figures with all three."""
    kept_examples = [e for e, k in zip(examples, kept, strict=True) if k]
    rows = [c.features for e in kept_examples for r in _ROLES for c in e.bounds[r]]
    scores = chooser.scores(rows)
    tops: list[dict[str, tuple[int, float]]] = []
    at = 0
    for e in kept_examples:
        top: dict[str, tuple[int, float]] = {}
        for r in _ROLES:
            mine = scores[at : at + len(e.bounds[r])]
            at += len(e.bounds[r])
            if len(mine) > 1:
                best = max(range(len(mine)), key=lambda n: (mine[n], -n))
                top[r] = (best, mine[best] - mine[0])
        tops.append(top)

    def bounded(margins: dict[str, float]) -> dict[str, float]:
        out = []
        for e, top in zip(kept_examples, tops, strict=True):
            for r, (best, gain) in top.items():
                if best and gain > margins.get(r, float("inf")):
                    piece = e.bounds[r][best].content
                    if r == "content":
                        e = replace(e, content=list(piece))
                    elif r == "src":
                        e = replace(e, source=piece[0])
                    else:
                        e = replace(e, cue=piece[0])
            out.append(e)
        return summary(dev_scores(gold, out, (True for _ in out)))

    margins: dict[str, float] = {}
    for r, name in _ROLES.items():
        best_m: tuple[float, float] | None = None
        for m in MARGINS:
            figures = bounded({r: m})
            objective = sum(figures[f"{name}.{mode}.f1"] for mode in ("exact", "ovl0.3", "ovl0.8"))
            if best_m is None or objective > best_m[0] + 1e-9:
                best_m = (objective, m)
        assert best_m is not None
        margins[r] = best_m[1]
    return margins, bounded(margins)


def train(
    data_dir: Path,
    out_dir: Path = MODEL_DIR,
    *,
    settings: Settings | None = None,
    log: Callable[[str], None] = print,
    nlp: Language | None = None,
    boundaries_only: bool = False,
) -> TrainReport:
    """Train on ``data_dir``/polnear/train, tune on its dev split, write ``out_dir``.
    ``boundaries_only``: keep the attribution model already in ``out_dir`` (it decides
    which dev attributions the margins are tuned on) and remake the boundary chooser only."""
    from parley.config import Config
    from parley.nlp import load_pipeline

    settings = settings or Settings()
    bounds_settings = BoundarySettings(seed=settings.seed)
    started = time.monotonic()
    nlp = nlp if nlp is not None else load_pipeline(Config().model)
    resources = QuoteResources.load(Config(quotes="rules"))
    splits = {}
    for split in ("train", "dev"):
        folder = data_dir / "polnear" / split
        if not folder.is_dir():
            raise EvaluationError(f"{folder}: PolNeAR's {split} split is missing")
        gold, _ = load_gold(folder)
        log(f"{split}: parsing {len(gold)} articles and running the rules")
        splits[split] = (
            gold,
            collect(gold, resources, parse(gold, nlp), with_bounds=split == "dev"),
        )
    train_gold, train_collected = splits["train"]
    dev_gold, dev_collected = splits["dev"]
    train_examples, dev_examples = train_collected.examples, dev_collected.examples
    positives = sum(e.label for e in train_examples)
    rules = summary(dev_scores(dev_gold, dev_examples, (True for _ in dev_examples)))
    if boundaries_only:
        model = AttributionModel.load(out_dir)
        threshold = model.threshold
        kept = model.keep([e.features for e in dev_examples])
        figures = summary(dev_scores(dev_gold, dev_examples, kept))
    else:
        log(f"train: {len(train_examples)} candidates, {positives} real; fitting")
        model = fit(train_examples, settings)
        threshold, figures = tune(model, dev_gold, dev_examples)
        model.threshold = threshold
    log(
        f"boundaries: {len(train_collected.boundaries)} matched candidates with the gold's "
        f"boundaries among theirs ({train_collected.unbounded} without); fitting"
    )
    chooser = fit_boundaries(train_collected.boundaries, bounds_settings)
    kept = model.keep([e.features for e in dev_examples])
    margins, bounded = tune_margins(chooser, dev_gold, dev_examples, kept)
    chooser.meta = {
        "trained_on": "PolNeAR train (candidates matched to a gold content at overlap >= 0.3 "
        "whose boundary candidates hold the gold's exact tokens)",
        "tuned_on": "PolNeAR dev (the margins only)",
        "margins": margins,
        "settings": {
            "seed": bounds_settings.seed,
            "epochs": bounds_settings.epochs,
            "batch_size": bounds_settings.batch_size,
            "learn_rate": bounds_settings.learn_rate,
            "l2": bounds_settings.l2,
        },
        "train_examples": len(train_collected.boundaries),
        "train_unbounded": train_collected.unbounded,
        "dev_model": figures,
        "dev_bounds": bounded,
    }
    seconds = time.monotonic() - started
    chooser.save(out_dir)
    log(f"threshold {threshold}, margins {margins}; models written to {out_dir} in {seconds:.0f} s")
    report = TrainReport(
        threshold, len(train_examples), positives, rules, figures, seconds, margins, bounded
    )
    if boundaries_only:
        return report
    model.meta = {
        "trained_on": "PolNeAR train (rules' candidates labelled by content overlap >= 0.3)",
        "tuned_on": "PolNeAR dev (threshold only)",
        "settings": dataclasses.asdict(settings),
        "train_examples": len(train_examples),
        "train_positive": positives,
        "dev_rules": rules,
        "dev_model": figures,
    }
    model.save(out_dir)
    return report
