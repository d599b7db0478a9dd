"""Training the boundary chooser (``bounds.py``) on PolNeAR train, seeded.

Every candidate attribution of the rules whose content the scorer would match to a gold
content (overlap >= 0.3) gives up to three examples, its content's, its source's and its
cue's boundary candidates, the one labelled right whose tokens are exactly the gold's (the
scorer's token sets). Groups none of whose candidates is right teach nothing and are left
out. One model scores all three: source and cue features carry their role's prefix. The
fit is a softmax over each group's candidates (a conditional logit): the gradient of a
candidate's score is its probability less its label, averaged over the groups of a batch.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy
from thinc.api import Adam, fix_random_seed

from parley.evaluate.quotes import GoldArticle, token_sets
from parley.quotes.bounds import content_candidates, span_candidates
from parley.quotes.drafts import Draft, QuoteState
from parley.quotes.model import BOUNDARY_LENGTH, BoundaryModel, build_net, encode

__all__ = ["BoundaryExample", "BoundarySettings", "boundary_examples", "fit_boundaries"]


@dataclass(frozen=True, slots=True)
class BoundarySettings:
    seed: int = 0
    epochs: int = 4
    batch_size: int = 16
    learn_rate: float = 0.005
    l2: float = 1e-4


@dataclass(frozen=True, slots=True)
class BoundaryExample:
    """One draft's candidates (feature rows) and the index of the right one."""

    rows: list[list[str]]
    label: int


def boundary_examples(
    art: GoldArticle, state: QuoteState, drafts: list[Draft], matched: dict[int, int]
) -> tuple[list[BoundaryExample], int]:
    """The examples of one article (``matched``: gold index -> draft index, as the scorer
    matches contents): each matched draft's content, and its source and cue where both the
    draft and the gold have one; and how many matched contents had no right candidate."""
    arrays = state.parse
    tokens = token_sets(art.text)
    out: list[BoundaryExample] = []
    missed = 0
    for gi, n in matched.items():
        attribution = art.attributions[gi]
        draft = drafts[n]
        groups = (
            ("Content", content_candidates(state, arrays, draft)),
            ("Source", span_candidates(state, arrays, draft, "src")),
            ("Cue", span_candidates(state, arrays, draft, "cue")),
        )
        for role, group in groups:
            if len(group) < 2 or not attribution[role]:
                continue
            gold = tokens(attribution[role])
            right = [k for k, c in enumerate(group) if tokens(list(c.content)) == gold]
            if right:
                out.append(BoundaryExample([c.features for c in group], right[0]))
            elif role == "Content":
                missed += 1
    return out, missed


def fit_boundaries(
    examples: list[BoundaryExample], settings: BoundarySettings | None = None
) -> BoundaryModel:
    settings = settings or BoundarySettings()
    fix_random_seed(settings.seed)
    rng = random.Random(settings.seed)
    net = build_net(BOUNDARY_LENGTH)
    optimizer = Adam(settings.learn_rate, L2=settings.l2)
    order = list(range(len(examples)))
    for _ in range(settings.epochs):
        rng.shuffle(order)
        for at in range(0, len(order), settings.batch_size):
            batch = [examples[i] for i in order[at : at + settings.batch_size]]
            rows = [row for e in batch for row in e.rows]
            scores, backprop = net.begin_update(encode(rows))
            grad = numpy.zeros_like(scores)
            pos = 0
            for e in batch:
                s = scores[pos : pos + len(e.rows), 0]
                p = numpy.exp(s - s.max())
                p /= p.sum()
                p[e.label] -= 1.0
                grad[pos : pos + len(e.rows), 0] = p / len(batch)
                pos += len(e.rows)
            backprop(grad)
            net.finish_update(optimizer)
    return BoundaryModel(net)
