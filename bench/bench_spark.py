"""The Spark engine's speed: KCNA stories through ``--engine spark`` on ``local[1]`` and
``local[2]``, and through the local engine with 1 and 2 workers, in one run.

Each pass is the real command in a fresh process (``parley ingest ... --quiet``), into a fresh
store or output folder, timed end to end (Spark's start-up included: it is part of what a
run costs). Reports:
  - throughput of each pass (stories/s) and the ratio local[2] / local[1] (the goal: 1.7x);
  - the Spark passes again on fewer stories (``--small``): a run's fixed cost (the JVM, the
    workers' start, the jobs that decide and write) apart from what each story adds, and
    the local[2] / local[1] ratio of the per-story cost alone;
  - Spark's overhead: its time against the local engine's with as many processes, on the
    same stories, in the same run;
  - memory: the resident size (RSS, sampled twice a second) of Spark's JVM (the driver and,
    in local mode, the executor) and of each Python process over 100 MB (the workers, and
    the daemon that forks them when it holds the pipeline), and the largest sum of those
    Python processes' proportional set sizes (PSS: pages they share counted once);
  - with the ``warm1,warm2`` passes, the throughput of a running engine: in one driver
    process, one Spark session on ``local[N]`` ingests the first ``--warm`` stories (the JVM
    starts, each Python worker builds its pipeline) and then, timed, all the stories into
    another output folder, as a long run or a second job on a cluster sees it. Their ratio
    is the engine's scaling from one core to two with the fixed start-up cost set apart.
Writes a table and ``bench/out/bench_spark.json``.
Usage:
    .venv/bin/python bench/bench_spark.py [--limit 400] [--small 100] [--data DIR]
        [--passes local1,spark1,local2,spark2,warm1,warm2] [--warm 40]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Beside the repo, as the tests find it (PARLEY_SHARED names another place, e.g. for a worktree).
DEFAULT_DATA = Path(os.environ.get("PARLEY_SHARED", REPO.parent / "shared")) / "data"
CORPUS = Path("corpus/kcna-marquez/kcna-stories-2011-10-to-2012-06.jsonl")
PASSES = ("local1", "spark1", "local2", "spark2")
WARM_PASSES = ("warm1", "warm2")


def proc_mib(pid: int, file: str, field: str) -> float:
    """A size in kB from a /proc file of the process (0 when it is gone), in MiB."""
    try:
        for line in Path(f"/proc/{pid}/{file}").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    except OSError:
        return 0.0
    return 0.0


def rss_mib(pid: int) -> float:
    return proc_mib(pid, "status", "VmRSS:")


def pss_mib(pid: int) -> float:
    """The proportional set size: shared pages (a daemon's pipeline its forked workers share
    copy-on-write) counted once across the processes that share them."""
    return proc_mib(pid, "smaps_rollup", "Pss:")


def descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*/children"):
            try:
                kids = [int(p) for p in task.read_text().split()]
            except OSError:
                continue
            found.extend(kids)
            todo.extend(kids)
    return found


def role(pid: int) -> str | None:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    if b"java" in cmdline.split(b"\0")[0]:
        return "jvm"
    return "python"


class Sampler(threading.Thread):
    """The largest RSS seen of the JVM, and of each Python process but the command's own."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peak: dict[int, tuple[str, float]] = {}
        self.python_pss = 0.0  # the largest sum of the Python processes' PSS seen at once
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.5):
            pss = 0.0
            for pid in descendants(self.root):
                kind, value = role(pid), rss_mib(pid)
                if kind and value > 100:  # workers and the JVM; not the small fork servers
                    before = self.peak.get(pid, (kind, 0.0))[1]
                    self.peak[pid] = (kind, max(before, value))
                    if kind == "python":
                        pss += pss_mib(pid)
            self.python_pss = max(self.python_pss, pss)

    def summary(self) -> dict[str, float | int]:
        workers = [v for kind, v in self.peak.values() if kind == "python"]
        jvm = [v for kind, v in self.peak.values() if kind == "jvm"]
        return {
            "python_workers": len(workers),
            "python_worker_max_mib": round(max(workers, default=0.0), 1),
            "jvm_max_mib": round(max(jvm, default=0.0), 1),
            "python_pss_total_max_mib": round(self.python_pss, 1),
        }


def run_pass(name: str, corpus: Path, folder: Path, warm: Path | None = None) -> dict[str, object]:
    engine, n = name[:-1], int(name[-1])
    target = folder / name
    args = [sys.executable, "-c", "from parley.cli import main; main()", "ingest", str(corpus),
            "--quiet"]  # fmt: skip
    if engine == "warm":
        assert warm is not None
        args = [sys.executable, __file__, "--drive", f"local[{n}]", str(warm), str(corpus),
                str(target)]  # fmt: skip
    elif engine == "spark":
        args += ["--engine", "spark", "--master", f"local[{n}]", "--out", str(target)]
    else:
        args += ["--workers", str(n), "--db", str(target) + ".duckdb"]
    folder.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()[0]
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=REPO)
    sampler = Sampler(process.pid)
    sampler.start()
    code = process.wait()
    seconds = time.perf_counter() - start
    if engine == "warm" and code == 0:
        timed = json.loads((target / "timing.json").read_text())
        seconds, load = timed["seconds"], timed["load_before"]
    sampler.stop.set()
    sampler.join()
    if code not in (0, 2):  # 2: some documents failed (they are failure rows)
        raise SystemExit(f"{name}: the command exited {code}")
    return {"seconds": round(seconds, 1), "load_before": round(load, 2),
            "load_after": round(os.getloadavg()[0], 2), **sampler.summary()}  # fmt: skip


def drive(master: str, warm: Path, corpus: Path, folder: Path) -> None:
    """A warm pass's driver (its own process): one Spark session, the warm-up ingest, then
    the timed one; the timing goes to ``folder/timing.json``."""
    sys.path.insert(0, str(REPO))
    from parley.config import Config
    from parley.engines.spark import SparkOptions, ingest_spark
    from parley.engines.spark_session import start_session
    from parley.sources.corpus import CorpusOptions
    from parley.store.ingest import IngestOptions

    def ingest(path: Path, out: Path) -> float:
        start = time.perf_counter()
        ingest_spark([str(path)], spark=SparkOptions(str(out), master), config=Config(),
                     corpus=CorpusOptions(), options=IngestOptions())  # fmt: skip
        return time.perf_counter() - start

    folder.mkdir(parents=True, exist_ok=True)
    session = start_session(master)  # the ingests below run in it (and leave it running)
    try:
        warm_up = ingest(warm, folder / "warm-up")
        load = os.getloadavg()[0]
        seconds = ingest(corpus, folder / "timed")
    finally:
        session.stop()
    timing = {"seconds": round(seconds, 1), "warm_up_s": round(warm_up, 1), "load_before": load}
    (folder / "timing.json").write_text(json.dumps(timing))


def same_rows(folder: Path, n: int) -> bool:
    """Whether the two engines stored the same rows (ingest times aside) and
    ``parley events --dyad USA:PRK`` prints the same over both."""
    sys.path.insert(0, str(REPO))
    from parley.store.attach import attach_parquet
    from tests.store.conftest import dump

    spark = folder / f"spark{n}.duckdb"
    attach_parquet(folder / f"spark{n}", spark)
    local = folder / f"local{n}.duckdb"
    printed = []
    for db in (local, spark):
        args = [sys.executable, "-c", "from parley.cli import main; main()", "events", "--dyad",
                "USA:PRK", "--limit", "0", "--format", "csv", "--db", str(db)]  # fmt: skip
        printed.append(subprocess.run(args, cwd=REPO, capture_output=True, check=True).stdout)
    rows = len(printed[0].splitlines()) - 1
    print(f"events --dyad USA:PRK: {rows} rows", flush=True)
    return printed[0] == printed[1] and dump(local) == dump(spark)


def main() -> None:
    if sys.argv[1:2] == ["--drive"]:
        master, *paths = sys.argv[2:6]
        drive(master, *(Path(path) for path in paths))
        return
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--limit", type=int, default=400, help="first N stories")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--passes", default=",".join(PASSES), help="which passes, in order")
    parser.add_argument("--warm", type=int, default=40,
                        help="warm passes: the stories of the warm-up ingest")  # fmt: skip
    parser.add_argument("--small", type=int, default=100,
                        help="the Spark passes again on the first N stories (0: not)")  # fmt: skip
    args = parser.parse_args()

    path = args.data / CORPUS
    if not path.is_file():
        raise SystemExit(f"KCNA stories not found at {path} (pass --data DIR)")
    folder = Path(tempfile.mkdtemp(prefix="parley-bench-spark-"))
    sizes = [args.limit, *([args.small] if 0 < args.small < args.limit else [])]
    sizes += [args.warm] if args.warm not in sizes else []
    corpora = {}
    for size in sizes:
        corpora[size] = folder / f"stories-{size}.jsonl"
        with path.open(encoding="utf-8") as stream:
            text = "".join(itertools.islice(stream, size))
        corpora[size].write_text(text, encoding="utf-8")
    stories = sum(1 for _ in corpora[args.limit].open(encoding="utf-8"))

    results: dict[str, dict[str, object]] = {}
    small: dict[str, dict[str, object]] = {}
    same: dict[str, bool] = {}
    try:
        for name in args.passes.split(","):
            results[name] = run_pass(name, corpora[args.limit], folder, corpora[args.warm])
            results[name]["stories_per_s"] = round(stories / float(results[name]["seconds"]), 2)  # type: ignore[arg-type]
            print(f"{name:8} {results[name]}", flush=True)
        for n in (1, 2):
            if f"local{n}" in results and f"spark{n}" in results:
                same[f"local{n}_spark{n}"] = same_rows(folder, n)
        # The same Spark passes on fewer stories: what a run costs whatever its size, and
        # what each story adds (T = fixed + stories x per story, from the two sizes).
        for name in [p for p in args.passes.split(",") if p.startswith("spark")]:
            if 0 < args.small < args.limit:
                small[name] = run_pass(name, corpora[sizes[1]], folder / "small")
                print(f"{name:8} {sizes[1]} stories: {small[name]}", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    def seconds(name: str) -> float | None:
        return float(results[name]["seconds"]) if name in results else None  # type: ignore[arg-type]

    summary: dict[str, object] = {"stories": stories, "identical_rows": same}
    s1, s2, l1, l2 = (seconds(n) for n in ("spark1", "spark2", "local1", "local2"))
    if s1 and s2:
        summary["spark_local2_over_local1_throughput"] = round(s1 / s2, 3)
    w1, w2 = seconds("warm1"), seconds("warm2")
    if w1 and w2:
        summary["warm_spark_local2_over_local1_throughput"] = round(w1 / w2, 3)
    if w1 and l1:
        summary["warm_spark1_overhead_vs_local_engine_1_worker"] = round(w1 / l1 - 1, 3)
    if w2 and l2:
        summary["warm_spark2_overhead_vs_local_engine_2_workers"] = round(w2 / l2 - 1, 3)
    if s1 and l1:
        summary["spark1_overhead_vs_local_engine_1_worker"] = round(s1 / l1 - 1, 3)
    if s2 and l2:
        summary["spark2_overhead_vs_local_engine_2_workers"] = round(s2 / l2 - 1, 3)
    per_story = {}
    for name, few in small.items():
        big = float(results[name]["seconds"])  # type: ignore[arg-type]
        each = (big - float(few["seconds"])) / (args.limit - sizes[1])  # type: ignore[arg-type]
        per_story[name] = each
        summary[f"{name}_fixed_s"] = round(big - args.limit * each, 1)
        summary[f"{name}_per_story_s"] = round(each, 4)
    if len(per_story) == 2 and per_story["spark2"] > 0:
        ratio = per_story["spark1"] / per_story["spark2"]
        summary["spark_local2_over_local1_per_story"] = round(ratio, 3)
    summary["machine"] = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    out = REPO / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "bench_spark.json").write_text(
        json.dumps({"passes": results, "small_passes": small, **summary}, indent=2) + "\n"
    )
    for key, value in summary.items():
        print(f"{key:44} {value}")


if __name__ == "__main__":
    main()
