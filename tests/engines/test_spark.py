"""The Spark engine on ``local[2]``: the same documents give the same rows as the local engine
(ingest times aside), poisoned documents become failure rows, a re-run over the same output
adds nothing new but the new documents, merged as the local store merges them.

One SparkSession for the module (starting Spark costs seconds); skipped, with the reason,
where PySpark or Java is missing.
"""

from __future__ import annotations

import gzip
import importlib.util
import io
import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from parley.config import Config
from parley.pipeline import default_pipeline
from parley.sources.corpus import CorpusOptions
from parley.store.ingest import IngestOptions, ingest
from tests.store.conftest import STORIES, dump, write_jsonl

if importlib.util.find_spec("pyspark") is None:
    pytest.skip("PySpark is not installed (pip install 'parley[spark]')", allow_module_level=True)
if shutil.which("java") is None:
    pytest.skip("no java on the PATH: Spark needs Java 17 or 21", allow_module_level=True)

from parley.engines.spark import SparkOptions, ingest_spark
from parley.engines.spark_session import Session, start_session
from parley.engines.spark_tasks import CRASH_ONCE
from parley.store.attach import attach_parquet

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def spark() -> Iterator[Session]:
    session = start_session("local[2]")
    yield session
    session.stop()


def corpus_records(count: int, start: int = 1) -> list[dict[str, Any]]:
    """Documents over three months, written for these tests; every ninth one is a re-post
    of the story before it under another URL (a near-duplicate)."""
    out = []
    for n in range(start, start + count):
        story = STORIES[(n - 1) % len(STORIES)]
        text = f"{story} This was report number {n} of the day."
        if n % 9 == 0:
            text = out[-1]["text"] if out else text
        out.append({
            "id": f"doc-{n}",
            "date": f"2031-{(n - 1) % 3 + 1:02d}-{(n - 1) % 27 + 1:02d}",
            "title": f"Report {n}",
            "url": f"https://news.example.org/{n}",
            "text": text,
            "desk": "world",
        })  # fmt: skip
    return out


def local_store(specs: list[Path], db: Path, config: Config) -> Any:
    """One run of the local engine over the sources into ``db``; its counts."""
    return ingest([str(p) for p in specs], db, config=config, corpus=CorpusOptions(),
                  options=IngestOptions(), pipeline=default_pipeline(config))  # fmt: skip


def spark_run(
    specs: list[Path], out: Path, config: Config, options: IngestOptions | None = None
) -> Any:
    return ingest_spark(
        [str(p) for p in specs], spark=SparkOptions(str(out), partitions=4), config=config,
        corpus=CorpusOptions(), options=options or IngestOptions(),
    )  # fmt: skip


# The user's own knowledge (shipped to the executors): an envoy of a country made up here.
KNOWLEDGE = (
    "name\taliases\tkind\tcode\tcountry\tsector\troles\tstart\tend\n"
    "Arlo Venn\tA. Venn\tperson\tPRTGOV\tPRT\tGOV\tEnvoy\t\t\n"
)
ENVOY = {
    "id": "envoy", "date": "2031-02-11", "title": "Envoy visits Oslo",
    "url": "https://news.example.org/envoy",
    "text": "Arlo Venn met the foreign minister of Norway in Oslo on Tuesday. Venn said the "
    "two governments would sign a fishing agreement in March.",
}  # fmt: skip


def attached(out: Path, db: Path) -> Path:
    attach_parquet(out, db)
    return db


def _poisoned(folder: Path) -> list[Path]:
    """Files that cannot all be read: a binary page, an empty one, a gzip cut short, lines
    that are no records; beside them good pages, one of them gzip'd HTML, and a WARC file."""
    pages = folder / "pages"
    pages.mkdir()
    (pages / "a-good.txt").write_text(STORIES[0] + "\n", encoding="utf-8")
    (pages / "b-binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (pages / "c-empty.txt").write_bytes(b"")
    (pages / "d-good.html.gz").write_bytes(gzip.compress(
        f"<html><head><title>Talks</title></head><body><article><p>{STORIES[2]}</p>"
        f"<p>{STORIES[6]}</p></article></body></html>".encode()
    ))  # fmt: skip
    records = [json.dumps(r) for r in corpus_records(3, start=300)]
    broken = gzip.compress("\n".join(records).encode())
    (folder / "cut.jsonl.gz").write_bytes(broken[: len(broken) // 2])  # gzip cut short
    bad = write_jsonl(folder / "bad.jsonl", ['["a list"]', {"id": "x", "text": " "}, records[0]])
    return [pages, folder / "cut.jsonl.gz", bad, _warc(folder / "crawl.warc.gz")]


def _warc(path: Path) -> Path:
    """A gzip'd WARC file: two pages and an image between them (skipped)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = "<html><head><title>{}</title></head><body><article><p>{}</p><p>{}</p></article>"
    bodies = [
        ("text/html; charset=utf-8", page.format("Quotas", STORIES[0], STORIES[3]).encode()),
        ("image/png", b"\x89PNG not a page"),
        ("text/html", page.format("Aid", STORIES[4], STORIES[7]).encode()),
    ]
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for n, (kind, body) in enumerate(bodies):
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://news.example.org/crawl/{n}", "response", payload=io.BytesIO(body),
                http_headers=headers,
            )  # fmt: skip
            writer.write_record(record)
    return path


def _lost_lines(log: Path | None) -> list[str]:
    """Spark's log lines about a task lost to a crashed Python worker."""
    if log is None or not log.exists():
        return []
    text = log.read_text(errors="replace")
    return [line for line in text.splitlines() if "Python worker exited unexpectedly" in line]


def _failed_tasks(session: Session) -> int:
    tracker = session.spark.sparkContext.statusTracker()
    total = 0
    for job in tracker.getJobIdsForGroup(None):
        info = tracker.getJobInfo(job)
        for stage in info.stageIds if info else ():
            stage_info = tracker.getStageInfo(stage)
            total += stage_info.numFailedTasks if stage_info else 0
    return total


def _failed_tasks_settled(session: Session, wait: float = 30.0) -> int:
    """Failed tasks once Spark's status store has caught up: its listener bus is asynchronous,
    and on a loaded machine a task's end can reach it after the job has returned."""
    deadline = time.monotonic() + wait
    while (failed := _failed_tasks(session)) == 0 and time.monotonic() < deadline:
        time.sleep(0.5)
    return failed


@pytest.fixture(scope="module")
def fifty(spark: Session, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """50 documents (a bad line and a repeated record among them) and the poisoned files,
    through both engines; one of Spark's Python workers is killed in the middle."""
    folder = tmp_path_factory.mktemp("fifty")
    rows: list[Any] = list(corpus_records(50))
    rows.insert(10, "{this line is not JSON")
    rows.insert(20, dict(rows[5]))  # the same record again: the first one wins
    rows.insert(30, ENVOY)
    specs = [write_jsonl(folder / "corpus.jsonl", rows), *_poisoned(folder)]
    (folder / "actors.tsv").write_text(KNOWLEDGE, encoding="utf-8")
    config = Config(knowledge=(folder / "actors.tsv",))
    out = folder / "out"
    # The first analysis task of this run kills its own Python worker (SIGKILL, as the
    # kernel's out-of-memory killer would): deterministic, where a thread killing busy
    # workers from outside sometimes hit one between two tasks and proved nothing.
    marker = folder / "crashed"
    environment = spark.spark.sparkContext.environment
    environment[CRASH_ONCE] = str(marker)
    try:
        counts = spark_run(specs, out, config)
    finally:
        del environment[CRASH_ONCE]
    local = folder / "local.duckdb"
    return {
        "specs": specs, "out": out, "counts": counts, "killed": marker.exists(),
        "failed_tasks": _failed_tasks_settled(spark), "lost": _lost_lines(spark.log),
        "log": spark.log,
        "local": local, "config": config,
        "local_counts": local_store(specs, local, config),
        "spark": attached(out, folder / "spark.duckdb"),
    }  # fmt: skip


def test_spark_same_rows_as_the_local_engine(fifty: dict[str, Any]) -> None:
    local, spark = dump(fifty["local"]), dump(fifty["spark"])
    # 51 records, two good pages, one good line, two pages of the WARC file
    assert len(local["articles"]) == 56
    assert sum(row[3].endswith("crawl.warc.gz") for row in local["articles"]) == 2
    assert any(row[-5] is not None for row in local["articles"]), "no near-duplicate"
    for table in local:
        assert spark[table] == local[table], table
    counts, expected = fifty["counts"], fifty["local_counts"]
    assert counts.ingested == expected.ingested == 56
    assert (counts.present, counts.failed) == (expected.present, expected.failed)
    assert counts.duplicates == expected.duplicates > 0


def test_spark_quotes_keep_the_act_mark(fifty: dict[str, Any]) -> None:
    """A stance or act ("President Ruto praised the deal") is marked in Spark's Parquet as
    in the local store, and attach carries the column."""
    files = [str(p) for p in fifty["out"].glob("quotes/**/*.parquet")]
    found = duckdb.sql(
        "SELECT count(*) FILTER (WHERE act), count(*) FILTER (WHERE act IS NULL) FROM"
        f" read_parquet({files!r}, hive_partitioning = false)"
    ).fetchone()
    acts = []
    for db in (fifty["local"], fifty["spark"]):
        con = duckdb.connect(str(db), read_only=True)
        try:
            acts.append(con.execute(
                "SELECT article_id, quote_id, text FROM quotes WHERE act ORDER BY ALL"
            ).fetchall())
        finally:
            con.close()
    assert found is not None and found[0] > 0 and found[1] == 0
    assert acts[0] == acts[1] and len(acts[0]) == found[0]
    assert any("the deal" in text for _, _, text in acts[0])


def test_spark_user_knowledge_reaches_the_executors(fifty: dict[str, Any]) -> None:
    con = duckdb.connect(str(fifty["spark"]), read_only=True)
    try:
        found = con.execute("SELECT DISTINCT actor FROM entities WHERE name = 'Arlo Venn'")
        assert found.fetchall() == [("PRTGOV",)]
    finally:
        con.close()


def test_spark_poisoned_documents_are_failure_rows(fifty: dict[str, Any]) -> None:
    failures = dump(fifty["spark"])["failures"]
    codes = sorted(row[4] for row in failures)
    # not JSON, a list, no text, the cut gzip; a binary page; an empty page
    assert codes == ["E100", "E100", "E100", "E103", "E103", "E104"]
    assert fifty["counts"].failed == 6


def test_spark_killed_worker_is_retried_without_duplicates(fifty: dict[str, Any]) -> None:
    assert fifty["killed"], "no analysis task ran in a worker that could be killed"
    # The job finished, so a task lost to the kill was retried: Spark's status store counts
    # the failed attempt, and its log names the crash.
    assert fifty["failed_tasks"] >= 1 or fifty["lost"], (
        f"the killed worker's task was not retried (log: {fifty['log']})"
    )
    con = duckdb.connect(str(fifty["spark"]), read_only=True)
    try:
        for table, key in (("articles", "article_id"), ("events", "article_id, event_id")):
            doubled = con.execute(
                f"SELECT count(*) FROM (SELECT {key} FROM {table} GROUP BY ALL HAVING count(*) > 1)"
            ).fetchone()
            assert doubled == (0,), table
    finally:
        con.close()


def test_spark_events_dyad_prints_the_same_rows(
    fifty: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    from parley.cli import main

    printed = []
    for db in (fifty["local"], fifty["spark"]):
        with pytest.raises(SystemExit):
            main(["events", "--db", str(db), "--dyad", "NOR:JPN", "--format", "jsonl"])
        printed.append(capsys.readouterr().out)
    assert printed[0].strip(), "the dyad has no events to compare"
    assert printed[0] == printed[1]


def test_spark_parquet_has_the_store_schema_partitioned_by_month(fifty: dict[str, Any]) -> None:
    out: Path = fifty["out"]
    months = sorted(p.name for p in (out / "events").iterdir() if p.is_dir())
    assert months[:3] == [f"published_month=2031-0{m}" for m in (1, 2, 3)]
    con = duckdb.connect(str(fifty["local"]), read_only=True)
    try:
        for table in ("articles", "events", "quotes", "failures", "event_months"):
            files = [str(p) for p in out.glob(f"{table}/**/*.parquet")]
            found = con.execute(
                "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM"
                " read_parquet(?, hive_partitioning = false))",
                [files],
            ).fetchall()
            wanted = con.execute(
                "SELECT column_name, data_type FROM information_schema.columns"
                " WHERE table_name = ? ORDER BY ordinal_position",
                [table],
            ).fetchall()
            assert [(n, _type(t)) for n, t in found] == [(n, _type(t)) for n, t in wanted]
    finally:
        con.close()


def _type(name: str) -> str:
    return name.replace("TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ")


def test_spark_rerun_over_the_same_output_adds_only_new_documents(
    fifty: dict[str, Any], tmp_path: Path
) -> None:
    """The same sources again with more beside them: what was stored is present, the new
    documents merge into their months (some new, some already stored) as the local store
    does when the same command runs again."""
    more = write_jsonl(tmp_path / "more.jsonl", corpus_records(12, start=46))  # 46-50 known
    specs = [*fifty["specs"], more]
    out = tmp_path / "out"
    shutil.copytree(fifty["out"], out)
    counts = spark_run(specs, out, fifty["config"])
    local = tmp_path / "local.duckdb"
    shutil.copy(fifty["local"], local)
    expected = local_store(specs, local, fifty["config"])
    assert counts.ingested == expected.ingested == 7
    assert counts.present == expected.present
    assert counts.failed == expected.failed
    again = attached(out, tmp_path / "spark.duckdb")
    stored = dump(again)
    assert stored == dump(local)
    assert len(stored["articles"]) == len({row[1] for row in stored["articles"]}) == 63
    con = duckdb.connect(str(again), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM runs").fetchone() == (2,)
    finally:
        con.close()


def test_spark_forced_rerun_replaces_rows_in_place(fifty: dict[str, Any], tmp_path: Path) -> None:
    """--force over some of the sources: their articles are made again and their earlier
    rows (in files shared with articles left alone) and failure rows are replaced, none
    doubled, as the local store replaces them."""
    specs = [fifty["specs"][1], fifty["specs"][3]]  # the pages folder, bad.jsonl
    out = tmp_path / "out"
    shutil.copytree(fifty["out"], out)
    forced = IngestOptions(force=True)
    counts = spark_run(specs, out, fifty["config"], forced)
    local = tmp_path / "local.duckdb"
    shutil.copy(fifty["local"], local)
    expected = ingest([str(p) for p in specs], local, config=fifty["config"],
                      corpus=CorpusOptions(), options=forced,
                      pipeline=default_pipeline(fifty["config"]))  # fmt: skip
    assert counts.ingested == expected.ingested == 3
    assert counts.failed == expected.failed == 4
    stored = dump(attached(out, tmp_path / "spark.duckdb"))
    assert stored == dump(local)
    assert len(stored["articles"]) == len({row[1] for row in stored["articles"]}) == 56
    assert len(stored["failures"]) == 6
    assert not (out / "_staging").exists()


def test_spark_missing_input_is_one_error_before_the_job(spark: Session, tmp_path: Path) -> None:
    from parley.errors import SourceNotFound

    present = write_jsonl(tmp_path / "a.jsonl", corpus_records(1))
    with pytest.raises(SourceNotFound, match="nothing-here.jsonl: no such file"):
        spark_run([present, tmp_path / "nothing-here.jsonl"], tmp_path / "out", Config())
    assert not (tmp_path / "out" / "articles").exists()


def test_spark_workers_start_with_the_default_pipeline(spark: Session, tmp_path: Path) -> None:
    """With the default configuration the executors' daemon builds the pipeline before it
    forks workers (``spark_daemon``): a worker has it before any analysis asks, and the rows
    are the local engine's."""
    source = write_jsonl(tmp_path / "corpus.jsonl", corpus_records(6))
    config = Config()
    counts = spark_run([source], tmp_path / "out", config)
    sc = spark.spark.sparkContext
    assert sc.environment["PARLEY_SPARK_PRELOAD"] == "1"
    # A job with this run's environment runs in workers of the same daemon.
    built = sc.parallelize(range(4), 2).map(_has_default_pipeline).collect()
    assert built == [True] * 4
    expected = local_store([source], tmp_path / "local.duckdb", config)
    assert counts.ingested == expected.ingested == 6
    spark_rows = dump(attached(tmp_path / "out", tmp_path / "spark.duckdb"))
    assert spark_rows == dump(tmp_path / "local.duckdb")


def _has_default_pipeline(_: int) -> bool:
    import parley.pipeline

    built = parley.pipeline._DEFAULT
    return built is not None and built.config == Config()


def test_spark_near_duplicates_same_on_the_driver_and_in_a_job(spark: Session) -> None:
    """A first run whose signatures fit one task scores them on the driver; a larger run
    or a re-run in a job: the same originals either way."""
    import numpy as np

    from parley.engines.spark_dedup import near_duplicates

    rng = np.random.default_rng(7)
    signatures = [rng.integers(0, 2**63, 128, dtype=np.uint64) for _ in range(30)]
    members = []
    for seq, signature in enumerate(signatures):
        if seq % 5 == 4:  # a near copy of the article before it
            signature = signatures[seq - 1].copy()
            signature[:6] = rng.integers(0, 2**63, 6, dtype=np.uint64)
        if seq % 10 == 9:  # and of the first article
            signature = signatures[0].copy()
        members.append((seq, f"a{seq}", None, signature.tobytes()))
    rdd = spark.spark.sparkContext.parallelize(members, 3)
    here = near_duplicates(rdd, 10, 0.9, partitions=0)
    there = near_duplicates(rdd, 10, 0.9, partitions=2)
    assert here == there
    assert here["a14"][0] == "a13" and here["a19"][0] == "a0" and "a4" not in here
