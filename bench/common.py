"""What the benchmarks share: the texts they run on, and the stage table stepped one stage at
a time so that each stage can be timed on its own.

The texts are real PolNeAR articles from the gold data folder when it is there; otherwise
news-like prose generated here from a fixed seed, so every benchmark also runs on a fresh clone.
"""

from __future__ import annotations

import dataclasses
import os
import random
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from parley.analysis import NLP_STAGES, STAGES, Context, Stage
from parley.pipeline import Pipeline
from parley.sources import Document

REPO = Path(__file__).resolve().parents[1]
# Beside the repo, as the tests find it (PARLEY_SHARED names another place, e.g. for a worktree).
DEFAULT_DATA = Path(os.environ.get("PARLEY_SHARED", REPO.parent / "shared")) / "data"
PLAIN = "text/plain; charset=utf-8"


def polnear_texts(data_dir: Path, limit: int | None = None) -> list[str]:
    """PolNeAR article texts (train, then dev) in file order; [] when the data is absent."""
    paths = [
        path
        for split in ("train", "dev")
        for path in sorted((data_dir / "polnear" / split / "text").glob("*.txt"))
    ]
    return [path.read_text("utf-8") for path in paths[:limit]]


# Generated text: short sentences with the actors, verbs and dates news about negotiations
# has, so every stage has something to do.
_ACTORS = ["The foreign minister of Norway", "President Alvarez", "A spokeswoman for the UN",
           "Officials in Seoul", "The envoy from Kenya", "Prime Minister Laine",
           "The defence ministry of Chile", "Delegates from Peru", "The European Commission"]
_VERBS = ["said", "warned", "told reporters", "announced", "denied", "insisted"]
_CLAUSES = ["the talks would resume next week", "the sanctions had failed",
            "no agreement was reached on Monday", "troops would leave the border by March",
            "the two sides met in Geneva on 4 May", "aid would arrive within days",
            "the treaty was signed in 2019"]
_DIRECT = ["“We will not give in to threats,” {a} {v}.", "“The door is open,” {a} {v} on Friday."]


def generated_texts(count: int, seed: int = 7, paragraphs: int = 6) -> list[str]:
    """News-like articles of a few paragraphs, deterministic for a seed."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        paras = []
        for _ in range(paragraphs):
            sentences = []
            for _ in range(rng.randint(2, 4)):
                actor, verb = rng.choice(_ACTORS), rng.choice(_VERBS)
                if rng.random() < 0.2:
                    sentences.append(rng.choice(_DIRECT).format(a=actor.lower(), v=verb))
                else:
                    sentences.append(f"{actor} {verb} that {rng.choice(_CLAUSES)}.")
            paras.append(" ".join(sentences))
        texts.append("\n\n".join(paras))
    return texts


def bench_texts(data_dir: Path, count: int) -> tuple[list[str], str, int]:
    """``count`` texts (cycling when there are fewer), a name for where they came from, and
    the number of texts in one cycle."""
    texts = polnear_texts(data_dir)
    origin = "PolNeAR articles"
    if not texts:
        texts, origin = generated_texts(min(count, 500)), "generated articles"
    return [texts[i % len(texts)] for i in range(count)], origin, len(texts)


def text_document(text: str, source: str = "<bench>") -> Document:
    return Document(text.encode("utf-8"), source, content_type=PLAIN)


def stage_named(name: str) -> Stage:
    return next(stage for stage in STAGES if stage.name == name)


def timed_stages(
    pipeline: Pipeline, document: Document, clock: Callable[[], float] = time.process_time
) -> tuple[Context, dict[str, float]]:
    """Run every stage of the table on one document, one at a time, and time each (seconds of
    ``clock``: CPU time by default, which other processes on a busy machine barely disturb)."""
    return step(pipeline, Context(document=document, resources=pipeline.resources), STAGES, clock)


def timed_text(
    pipeline: Pipeline, text: str, clock: Callable[[], float] = time.process_time
) -> tuple[Context, dict[str, float]]:
    """The same for a text taken verbatim as the article body (``Pipeline.analyze_text``)."""
    return step(pipeline, pipeline._verbatim_context(text, None, ""), NLP_STAGES, clock)


def step(
    pipeline: Pipeline, ctx: Context, stages: tuple[Stage, ...], clock: Callable[[], float]
) -> tuple[Context, dict[str, float]]:
    """Stepping through ``Pipeline._run`` stage by stage does exactly what a whole run does
    (the publication time and language check after extraction included), with a clock read
    between stages."""
    seconds: dict[str, float] = {}
    for stage in stages:
        start = clock()
        ctx = pipeline._run(ctx, (stage,))
        seconds[stage.name] = clock() - start
    return ctx, seconds


def cycle(texts: list[str], count: int) -> Iterator[tuple[int, str]]:
    for i in range(count):
        yield i, texts[i % len(texts)]


def replace_config(pipeline: Pipeline, **changes: object) -> Pipeline:
    """The same loaded resources under another limit (no second model load)."""
    config = dataclasses.replace(pipeline.config, **changes)  # type: ignore[arg-type]
    return Pipeline(dataclasses.replace(pipeline.resources, config=config))
