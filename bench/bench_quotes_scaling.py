"""Is the quote stage linear in the length of the text? Seconds at 10k, 100k and 400k characters.

The text is news-style paragraphs written from templates here (quotations with and without
cues, reported speech, "according to", pronouns, lead-in colons, a quotation over two
paragraphs, an unbalanced mark), or with ``--data DIR`` PolNeAR train articles one after the
other. Entities are every mention of the template's names, built by hand so that only the
quote stage is timed. Each size is parsed once; ``find_quotes`` runs ``--repeat`` times and
the best run counts. Usage:
    .venv/bin/python bench/bench_quotes_scaling.py [--sizes 10000 100000 400000] [--data DIR]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

NAMES = ("Anna Berg", "Tomas Kral", "Maria Lind", "Kim Sol", "Jon Hale", "Lee Dae-ho")
PLACES = ("the harbour", "the border crossing", "the northern mine", "the capital")
PARAGRAPHS = (
    "“We will not reopen {place} before the talks end,” {name} said on Tuesday.",
    "{name} said that the delegation would return to {place} next week.",
    "“The ferry never came back,” she added. “Nobody told us why.”",
    "According to {name}, the negotiators have not met since {place} was closed.",
    "{name}, a spokesman for the ministry, warned that the deadline could slip again.",
    "In a statement, {name} wrote: “The agreement stands, whatever the others claim.”",
    "“Sanctions are still on,” he told reporters at a press conference in {place}.",
    "The minister urged the envoys to resume the talks, {name} said.",
    "“This is the first part of a long speech about {place} and its people.",
    "“And this is its second part, which the crowd cheered,” {name} said.",
    "Officials at {place} declined to comment on the report.",
    "“An unbalanced quotation about {place} that nobody closes",
    "{name} called for a ban on night shipping through {place}.",
)


def synthetic(size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    length = 0
    while length < size:
        template = PARAGRAPHS[len(out) % len(PARAGRAPHS)]
        para = template.format(name=rng.choice(NAMES), place=rng.choice(PLACES))
        out.append(para)
        length += len(para) + 2
    return "\n\n".join(out)[:size].rsplit("\n\n", 1)[0]


def polnear(size: int, data: Path) -> str:
    parts: list[str] = []
    length = 0
    for path in sorted((data / "polnear" / "train" / "text").glob("*.txt")):
        if length >= size:
            break
        body = path.read_text("utf-8").strip()
        parts.append(body)
        length += len(body) + 2
    return "\n\n".join(parts)[:size].rsplit("\n", 1)[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 400_000])
    ap.add_argument("--data", type=Path, default=None, help="use PolNeAR train texts")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()

    from parley.config import Config
    from parley.nlp import load_pipeline
    from parley.nlp.index import MentionIndex, ParseIndex
    from parley.quotes import QuoteResources, find_quotes
    from parley.records import Article, Entity, Mention

    nlp = load_pipeline()
    resources = QuoteResources.load(Config())
    print(f"{'chars':>8} {'tokens':>7} {'quotes':>6} {'seconds':>8} {'us/char':>8}")
    for size in args.sizes:
        text = polnear(size, args.data) if args.data else synthetic(size)
        doc = nlp(text)
        entities = []
        for n, name in enumerate(NAMES, 1):
            at = [i for i in range(len(text)) if text.startswith(name, i)]
            mentions = tuple(Mention(i, i + len(name), name) for i in at)
            entities.append(Entity(f"e{n}", name, "person", None, None, (), None, mentions))
        parse = ParseIndex.build(doc)
        mentions_index = MentionIndex.build(entities, parse)
        article = Article.from_text(text, id="bench", source=None)
        best = float("inf")
        found = 0
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            found = len(find_quotes(parse, mentions_index, article, (), resources))
            best = min(best, time.perf_counter() - t0)
        print(f"{len(text):8d} {len(doc):7d} {found:6d} {best:8.2f} {1e6 * best / len(text):8.2f}")


if __name__ == "__main__":
    main()
