"""``parley evaluate clusters``: does the event merge join the reports of one real-world event,
and only those?

The gold (``data/clusters/kcna_clusters.tsv``, its guidelines in its header) names reports of
real-world events in KCNA stories by record id and a span of the record's raw text. The
stories it names (a few dozen, not the 8,314 of the corpus) are ingested into a temporary
store the way ``parley ingest`` does it (the merge runs at the end of the ingest), and each
gold report is aligned with the stored events of its story whose trigger lies in the span
(mapped into ``article.text``) and whose CAMEO root is the gold's.

Scored over pairs of gold reports that found at least one stored event: the merge links two
reports when one of their events shares a cluster. Pairwise precision is the share of
linked pairs that are one gold event; recall the share of gold pairs that are linked
(``recall_all`` counts the reports no stored event matched too, as never linked). B-cubed
precision and recall average the same per report. The merge is run again on the same store
with other windows, so the table shows what the thresholds buy.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb

from parley.datafiles import read_rows
from parley.errors import EvaluationError
from parley.evaluate.common import Cell, Report, render_table

__all__ = [
    "CORPUS",
    "GOLD_FILE",
    "GoldReport",
    "Scores",
    "align",
    "read_gold",
    "run",
    "score",
]

GOLD_FILE = Path(__file__).with_name("data") / "clusters" / "kcna_clusters.tsv"
CORPUS = Path("corpus") / "kcna-marquez" / "kcna-stories-2011-10-to-2012-06.jsonl"


@dataclass(frozen=True, slots=True)
class GoldReport:
    event: str  # the real-world event's label
    root: str
    record_id: str
    start: int
    end: int
    party: str | None = None


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    recall_all: float
    f1: float
    bcubed_precision: float
    bcubed_recall: float
    found: int
    reports: int
    linked_pairs: int
    gold_pairs: int


def read_gold(path: Path = GOLD_FILE) -> list[GoldReport]:
    out = []
    for row in read_rows(path, at_least=5):
        event, root, record, start, end = row.fields[:5]
        party = row.fields[5] if len(row.fields) > 5 and row.fields[5] else None
        if not (root.isdigit() and len(root) == 2):
            raise row.fail(f"root {root!r} is not a two-digit CAMEO root")
        if not (start.isdigit() and end.isdigit() and int(start) < int(end)):
            raise row.fail(f"span {start}-{end} is not two offsets, start before end")
        out.append(GoldReport(event, root, record, int(start), int(end), party))
    return out


def run(data_dir: Path, limit: int | None = None) -> Report:
    corpus = data_dir / CORPUS
    if not corpus.is_file():
        return Report("clusters", {"skipped": 1.0}, "", (f"skipped: no KCNA corpus at {corpus}",))
    gold = read_gold()
    if limit is not None:
        gold = gold[:limit]
    raw = _records(corpus, {g.record_id for g in gold})
    with tempfile.TemporaryDirectory(prefix="parley-clusters-") as folder:
        db = _ingest(Path(folder), raw)
        con = duckdb.connect(str(db))
        try:
            return _report(con, gold, raw)
        finally:
            con.close()


def _records(path: Path, ids: set[str]) -> dict[str, str]:
    """The raw JSON lines of the named records (only they are parsed: the file is large)."""
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not any(f'"{doc}"' in line for doc in ids):
                continue
            record = json.loads(line)
            if record.get("id") in ids:
                out[str(record["id"])] = line.rstrip("\n")
    missing = sorted(ids - out.keys())
    if missing:
        raise EvaluationError(f"{path}: no story with id {missing[0]!r} (the gold names it)")
    return out


def _ingest(folder: Path, raw: Mapping[str, str]) -> Path:
    """The gold's stories, ingested as ``parley ingest`` ingests the corpus file."""
    from parley.config import Config
    from parley.sources.corpus import CorpusOptions
    from parley.store.ingest import IngestOptions, ingest

    stories = folder / "stories.jsonl"
    stories.write_text("".join(f"{line}\n" for _, line in sorted(raw.items())), "utf-8")
    db = folder / "clusters.duckdb"
    ingest([str(stories)], db, config=Config(), corpus=CorpusOptions(), options=IngestOptions())
    return db


def align(
    con: duckdb.DuckDBPyConnection, gold: Sequence[GoldReport], raw_texts: Mapping[str, str]
) -> list[list[tuple[str, str, str]]]:
    """For each gold report, its stored events: (cluster_id, article_id, event_id)."""
    from parley.evaluate.real.align import TextMap

    out: list[list[tuple[str, str, str]]] = []
    maps: dict[str, tuple[str, TextMap] | None] = {}
    for g in gold:
        if g.record_id not in maps:
            row = con.execute(
                "SELECT article_id, text FROM articles WHERE record_id = ? ORDER BY seq LIMIT 1",
                [g.record_id],
            ).fetchone()
            raw = raw_texts[g.record_id]
            maps[g.record_id] = (row[0], TextMap(raw, row[1])) if row else None
            if g.end > len(raw):
                raise EvaluationError(f"gold span {g.start}-{g.end} is past {g.record_id}'s text")
        found = maps[g.record_id]
        span = found[1].span(g.start, g.end) if found else None
        if found is None or span is None:
            out.append([])
            continue
        party = "" if g.party is None else g.party
        rows = con.execute(
            "SELECT m.cluster_id, e.article_id, e.event_id FROM events e"
            " JOIN event_cluster_members m USING (article_id, event_id)"
            " WHERE e.article_id = ? AND e.trigger_start >= ? AND e.trigger_start < ?"
            " AND e.root = ? AND (? = '' OR starts_with(e.source_actor, ?)"
            " OR starts_with(e.target_actor, ?)) ORDER BY e.event_id",
            [found[0], span[0], span[1], g.root, party, party, party],
        ).fetchall()
        out.append([(str(c), str(a), str(e)) for c, a, e in rows])
    return out


def score(labels: Sequence[str], clusters: Sequence[Iterable[str]]) -> Scores:
    """Pairwise and B-cubed scores of gold reports: ``labels[i]`` is report i's gold event,
    ``clusters[i]`` the clusters of its stored events (empty: no stored event matched)."""
    sets = [frozenset(c) for c in clusters]
    found = [i for i, s in enumerate(sets) if s]
    tp = fp = fn = 0
    for n, i in enumerate(found):
        for j in found[n + 1 :]:
            same, linked = labels[i] == labels[j], bool(sets[i] & sets[j])
            tp += same and linked
            fp += linked and not same
            fn += same and not linked
    gold_pairs_all = sum(k * (k - 1) // 2 for k in Counter(labels).values())
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    bp, br = _bcubed(labels, sets, found)
    return Scores(
        precision=p,
        recall=r,
        recall_all=tp / gold_pairs_all if gold_pairs_all else 1.0,
        f1=2 * p * r / (p + r) if p + r else 0.0,
        bcubed_precision=bp,
        bcubed_recall=br,
        found=len(found),
        reports=len(labels),
        linked_pairs=tp + fp,
        gold_pairs=tp + fn,
    )


def _bcubed(
    labels: Sequence[str], sets: Sequence[frozenset[str]], found: Sequence[int]
) -> tuple[float, float]:
    if not found:
        return 1.0, 1.0
    precision = recall = 0.0
    for i in found:
        linked = [j for j in found if sets[i] & sets[j]]  # i itself included
        same = [j for j in found if labels[j] == labels[i]]
        correct = sum(labels[j] == labels[i] for j in linked)
        precision += correct / len(linked)
        recall += correct / len(same)
    return precision / len(found), recall / len(found)


# Settings tried beside the defaults: each window narrower and wider, unknown sources merged.
def _variants() -> list[tuple[str, object]]:
    from parley.store.clusters import ClusterSettings

    base = ClusterSettings()
    return [
        ("defaults (text ±1 d, published ±3 d)", base),
        ("text ±0 d", replace(base, text_window=0)),
        ("text ±2 d", replace(base, text_window=2)),
        ("published ±1 d", replace(base, published_window=1)),
        ("published ±5 d", replace(base, published_window=5)),
        ("unknown sources merged too", replace(base, require_source=False)),
        ("mirrored sentences not joined", replace(base, mirrored=False)),
    ]


def _report(
    con: duckdb.DuckDBPyConnection, gold: list[GoldReport], raw: Mapping[str, str]
) -> Report:
    from parley.store.clusters import ClusterSettings, merge_events

    texts = {rid: str(json.loads(line)["text"]) for rid, line in raw.items()}
    labels = [g.event for g in gold]
    rows: list[list[Cell]] = []
    metrics: dict[str, float] = {}
    first: list[list[tuple[str, str, str]]] = []
    for name, settings in _variants():
        assert isinstance(settings, ClusterSettings)
        merge_events(con, settings)
        aligned = align(con, gold, texts)
        s = score(labels, [[c for c, _, _ in events] for events in aligned])
        rows.append([name, s.precision, s.recall, s.f1, s.recall_all, s.bcubed_precision,
                     s.bcubed_recall, s.linked_pairs])  # fmt: skip
        if not metrics:
            first = aligned
            metrics = {
                "pairwise.precision": s.precision, "pairwise.recall": s.recall,
                "pairwise.f1": s.f1, "pairwise.recall_all": s.recall_all,
                "bcubed.precision": s.bcubed_precision, "bcubed.recall": s.bcubed_recall,
                "reports.found": s.found / s.reports if s.reports else 0.0,
            }  # fmt: skip
    merge_events(con, ClusterSettings())
    table = render_table(
        ["settings", "P", "R", "F1", "R (all reports)", "B3 P", "B3 R", "linked pairs"],
        rows,
        title=f"Merging on the gold's {len(set(labels))} events, {len(gold)} reports in "
        f"{len(raw)} KCNA stories (pairs of reports)",
    )
    unfound = [
        f"{g.record_id} {g.start}-{g.end} ({g.event})"
        for g, a in zip(gold, first, strict=True)
        if not a
    ]
    notes = (
        f"{sum(1 for a in first if a)} of {len(gold)} gold reports matched a stored event of "
        "their root; the others count only in 'R (all reports)'",
        *(f"no stored event: {u}" for u in unfound[:10]),
    )
    return Report("clusters", metrics, table, notes)
