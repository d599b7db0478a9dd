"""A batch whose events are all undated is stored (its day column reaches DuckDB untyped)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from parley.config import Config
from parley.sources.corpus import StoredAnalysis
from parley.store.ingest import IngestOptions, ingest_items


def test_store_batch_of_undated_events(tmp_path: Path) -> None:
    text = "Chile recalled its ambassador to Peru."
    event = {
        "id": "v1", "source": None, "source_actor": "CHL", "target": None, "target_actor": "PER",
        "cameo": "161", "plover": "REDUCE", "goldstein": -4.0, "quad_class": 4, "date": None,
        "date_source": None, "modality": "asserted", "sentence": text, "start": 0,
        "end": len(text), "trigger": [6, 14], "confidence": 0.8,
    }  # fmt: skip
    data = {"schema": "parley.analysis/1", "events": [event],
            "article": {"id": "0123456789abcdef", "text": text, "published": None}}  # fmt: skip
    db = tmp_path / "store.duckdb"
    counts = ingest_items([StoredAnalysis("test", 1, data)], db, config=Config(),
                          options=IngestOptions())  # fmt: skip
    assert counts.ingested == 1
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*), count(day) FROM events").fetchone() == (1, 0)
    assert con.execute("SELECT count(*) FROM event_months").fetchone() == (0,)
