#!/usr/bin/env python3
"""Fuzz the whole pipeline: generated and mutated pages in, an Analysis or a coded Failure out.

Each input is bytes made into a ``Document`` (with a content type, sometimes a wrong one, and
sometimes a publication time given by the caller) and run through ``Pipeline.pipe``. For each,
the result must be an ``Analysis`` or a ``Failure`` with a Parley code other than E900, within
the time limit (wall time over the limit + 2 s is a finding), and an Analysis must keep the
contract: every offset inside ``article.text`` and every span's text equal to the text it
points at, and ``to_json()`` working.

The inputs (``bench/fuzz_inputs.py``): random text with edge publication dates, upper-case
pronouns, deep JSON-LD, long and nested HTML, random bytes in many encodings, gzip and double
gzip, and mutations of real pages (or of built-in templates when the data is absent).

Input i of seed S is made by ``random.Random(f"{S}:{i}")`` alone, so ``--only i`` remakes
exactly one input. Documents go one per batch (``batch_size=1``) so that the wall time of
each is its own. Usage:

    .venv/bin/python scripts/fuzz.py --count 5000 --seed 1 [--timeout 20] [--data DIR]
        [--save DIR] [--only I] [--start I]

Exit 1 when any input gave an internal error, broke the contract or ran over time.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.append(str(REPO / "bench"))  # the input generators live beside the benchmarks

from fuzz_inputs import (  # noqa: E402
    Corpus,
    FuzzInput,
    contract_problems,
    generate,
    html_page,
    news_text,
    raw,
    scraped_page,
)

from parley.config import Config  # noqa: E402
from parley.errors import TimeLimitExceeded  # noqa: E402
from parley.pipeline import Failure, Pipeline  # noqa: E402
from parley.records import Analysis  # noqa: E402
from parley.sources import Document  # noqa: E402

DEFAULT_DATA = Path(os.environ.get("PARLEY_SHARED", REPO.parent / "shared")) / "data"
GRACE = 2.0  # seconds over the limit before a slow document counts as a finding


@dataclass(frozen=True)
class Outcome:
    input: FuzzInput
    seconds: float  # wall time
    code: str | None  # None for an Analysis
    message: str = ""
    problems: tuple[str, ...] = ()  # contract breaks of an Analysis
    cpu: float = 0.0  # CPU seconds of this process: on a busy machine, wall time is not

    @property
    def bad(self) -> bool:
        return self.code == "E900" or bool(self.problems)


def run(pipeline: Pipeline, inputs: Iterator[FuzzInput], chunk: int = 50) -> Iterator[Outcome]:
    """Each input's outcome, timed from the previous result to its own (one per batch)."""
    pending: list[FuzzInput] = []
    while True:
        # Made lazily, a chunk at a time: inputs can be megabytes each.
        pending += list(itertools.islice(inputs, chunk - len(pending)))
        if not pending:
            return
        todo, pending = pending[:chunk], []
        items = [(i.document(), i.published) for i in todo]
        done = 0
        start, cpu = time.perf_counter(), time.process_time()
        try:
            for result in pipeline.pipe(items, batch_size=1):
                seconds = time.perf_counter() - start
                used = time.process_time() - cpu
                yield dataclasses.replace(outcome(todo[done], seconds, result), cpu=used)
                done = done + 1
                start, cpu = time.perf_counter(), time.process_time()  # checks are not its time
        # pipe() must turn every failure into a value: whatever escapes it is the finding
        # (the time limit included, which is no Exception); Ctrl-C still stops the run.
        except (Exception, TimeLimitExceeded) as err:
            message = f"escaped pipe(): {type(err).__name__}: {err}"
            yield Outcome(todo[done], time.perf_counter() - start, "E900", message)
            pending = todo[done + 1:] + pending


def outcome(fuzz_input: FuzzInput, seconds: float, result: Analysis | Failure) -> Outcome:
    if isinstance(result, Failure):
        return Outcome(fuzz_input, seconds, result.code, f"{result.stage}: {result.message}")
    return Outcome(fuzz_input, seconds, None, problems=tuple(contract_problems(result)))


# ----------------------------------------------------------------------- reporting ---
@dataclass
class Summary:
    limit: float | None
    inputs: int = 0
    analyses: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    findings: list[Outcome] = field(default_factory=list)
    overtime: list[Outcome] = field(default_factory=list)
    slowest: Outcome | None = None

    def add(self, out: Outcome) -> None:
        self.inputs += 1
        self.kinds[out.input.kind] += 1
        if out.code is None:
            self.analyses += 1
        else:
            self.failures[out.code] += 1
        if out.bad:
            self.findings.append(out)
        if self.limit and out.seconds > self.limit + GRACE:
            self.overtime.append(out)
        if self.slowest is None or out.seconds > self.slowest.seconds:
            self.slowest = out

    @property
    def ok(self) -> bool:
        return not self.findings and not self.overtime

    def print(self, seconds: float) -> None:
        print(f"\n{self.inputs} inputs in {seconds:.0f} s "
              f"({', '.join(f'{k} {n}' for k, n in sorted(self.kinds.items()))})")
        print(f"analyses: {self.analyses}")
        codes = ", ".join(f"{code} {n}" for code, n in sorted(self.failures.items()))
        print(f"failures by code: {codes or 'none'}")
        print(f"internal errors or contract breaks: {len(self.findings)}")
        for out in self.findings[:20]:
            what = out.message or "; ".join(out.problems[:3])
            print(f"  {out.input.name} ({len(out.input.data)} bytes, "
                  f"{out.input.content_type}, published={out.input.published!r}): {what}")
        cpu_over = sum(1 for out in self.overtime if out.cpu > (self.limit or 0) + GRACE)
        print(f"over the time limit + {GRACE:g} s (wall): {len(self.overtime)}, "
              f"of which also in CPU time: {cpu_over}")
        for out in self.overtime[:20]:
            print(f"  {out.input.name}: {out.seconds:.1f} s wall, {out.cpu:.1f} s CPU "
                  f"({len(out.input.data)} bytes, {out.code or 'analysed'})")
        if self.slowest is not None:
            s = self.slowest
            print(f"slowest: {s.input.name}, {s.seconds:.2f} s wall, {s.cpu:.2f} s CPU, "
                  f"{len(s.input.data):,} bytes, {s.code or 'analysed'}")


def signature(out: Outcome) -> str:
    """What makes two findings the same bug: the stage and the message without numbers."""
    text = out.message or (out.problems[0] if out.problems else "overtime")
    return "".join("#" if c.isdigit() else c for c in text.split(" [")[0])[:80]


def save(out: Outcome, folder: Path, seed: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    stem = folder / f"seed{seed}-{out.input.kind}-{out.input.index}"
    stem.with_suffix(".bin").write_bytes(out.input.data)
    meta = {"seed": seed, "index": out.input.index, "kind": out.input.kind,
            "content_type": out.input.content_type, "published": out.input.published,
            "seconds": round(out.seconds, 3), "cpu_seconds": round(out.cpu, 3),
            "code": out.code, "message": out.message,
            "problems": list(out.problems),
            "rerun": f"scripts/fuzz.py --seed {seed} --only {out.input.index}"}
    stem.with_suffix(".json").write_text(json.dumps(meta, indent=2, ensure_ascii=False), "utf-8")
    return stem


def warm_up(pipeline: Pipeline) -> None:
    """Run one HTML and one text page before the clock starts: the first of each loads lazy
    tables (date parsing, extraction) that no later document pays for again."""
    rng = random.Random(0)
    body = news_text(rng, 3)
    for data, content_type in ((html_page(rng, body, "2018-11-12"), "text/html"),
                               (scraped_page(rng, body, "2018-11-12"), "text/plain")):
        pipeline(Document(raw(data), "<warm-up>", content_type=content_type),
                 timeout=0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per document")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="the gold data folder with real pages to mutate")
    parser.add_argument("--save", type=Path, help="folder for the first reproducer of each bug")
    parser.add_argument("--only", type=int, help="run input number ONLY alone")
    parser.add_argument("--start", type=int, default=0,
                        help="first input number (to split a long run over processes)")
    args = parser.parse_args(argv)
    corpus = Corpus.load(args.data)
    pipeline = Pipeline.from_config(Config(timeout=args.timeout or None))
    warm_up(pipeline)
    start_index, count = (args.only, 1) if args.only is not None else (args.start, args.count)
    print(f"seed {args.seed}, {count} inputs, limit {args.timeout:g} s, real pages: "
          f"{len(corpus.html_paths)} HTML + {len(corpus.stories)} KCNA stories"
          if corpus.real else "real pages: none (built-in templates)", flush=True)
    summary = Summary(args.timeout or None)
    saved: set[str] = set()
    started = time.perf_counter()
    try:
        for out in run(pipeline, generate(args.seed, count, corpus, start_index)):
            summary.add(out)
            late = bool(summary.limit and out.seconds > summary.limit + GRACE)
            if (out.bad or late) and args.save and signature(out) not in saved:
                saved.add(signature(out))
                print(f"  finding {out.input.name}: saved {save(out, args.save, args.seed)}",
                      flush=True)
            if summary.inputs % 250 == 0:
                print(f"  {summary.inputs} inputs, {len(summary.findings)} findings, "
                      f"{time.perf_counter() - started:.0f} s", flush=True)
    except KeyboardInterrupt:  # stopped early: the summary of what ran is still worth having
        print(f"interrupted after {summary.inputs} inputs")
    summary.print(time.perf_counter() - started)
    return 0 if summary.ok else 1


if __name__ == "__main__":
    sys.exit(main())
