"""Exports of a store: JSON Lines of ``parley.analysis/1`` objects (they ingest again into the
same rows), Parquet or CSV per table, and GDELT 2.0 event rows (mapping in docs/store.md).

Every export is written to a temporary name and renamed at the end, so a failure never
leaves half a file where the last good export was.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

import duckdb

__all__ = ["GDELT_COLUMNS", "TABLE_NAMES", "export_store"]

ExportFormat = Literal["jsonl", "parquet", "csv", "gdelt"]
TABLE_NAMES = (
    "articles", "entities", "mentions", "timexes", "quotes", "events", "stances", "failures",
    "runs",
)  # fmt: skip
_FETCH = 1000

# The 61 columns of the GDELT 2.0 Event table, in order (GDELT 2.0 Event codebook).
_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip


def export_store(con: duckdb.DuckDBPyConnection, fmt: ExportFormat, out: Path) -> int:
    """Write the export; the number of rows (JSONL: articles; GDELT: events; else all)."""
    if fmt == "jsonl":
        return _jsonl(con, out)
    if fmt == "gdelt":
        return _gdelt(con, out)
    return _tables(con, out, fmt)


@contextmanager
def _replacing(out: Path) -> Iterator[Path]:
    """A temporary path beside ``out`` that replaces it when the block succeeds."""
    tmp = out.with_name(f".{out.name}.parley-tmp")
    _remove(tmp)
    try:
        yield tmp
        if out.is_dir() and tmp.is_dir():
            shutil.rmtree(out)
        os.replace(tmp, out)
    finally:
        _remove(tmp)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _jsonl(con: duckdb.DuckDBPyConnection, out: Path) -> int:
    """Each article's analysis, with the provenance the store keeps beside it (``stored``)."""
    count = 0
    cursor = con.execute(
        "SELECT analysis, record_id, source, position, meta, content_hash FROM articles"
        " ORDER BY seq"
    )
    with _replacing(out) as tmp, tmp.open("w", encoding="utf-8") as stream:
        while rows := cursor.fetchmany(_FETCH):
            for analysis, record_id, source, position, meta, content_hash in rows:
                data = json.loads(analysis)
                data["stored"] = {
                    "record_id": record_id, "source": source, "position": position,
                    "meta": json.loads(meta) if meta else {}, "content_hash": content_hash,
                }  # fmt: skip
                stream.write(json.dumps(data, ensure_ascii=False) + "\n")
                count += 1
    return count


def _tables(con: duckdb.DuckDBPyConnection, out: Path, fmt: ExportFormat) -> int:
    """One file per table in the folder ``out`` (DuckDB writes Parquet and CSV itself)."""
    options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
    count = 0
    with _replacing(out) as tmp:
        tmp.mkdir()
        for table in TABLE_NAMES:
            # The signature is binary: CSV gets it as hex.
            select = "*"
            if table == "articles" and fmt == "csv":
                select = "* REPLACE (hex(signature) AS signature)"
            target = str(tmp / f"{table}.{fmt}").replace("'", "''")
            con.execute(f"COPY (SELECT {select} FROM {table}) TO '{target}' ({options})")
            row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
            count += int(row[0]) if row else 0
    return count


def _gdelt(con: duckdb.DuckDBPyConnection, out: Path) -> int:
    """Asserted events of original articles as GDELT 2.0 rows: tab-separated, no header."""
    cursor = con.execute(GDELT_SQL)
    count = 0
    with _replacing(out) as tmp, tmp.open("w", encoding="utf-8", newline="") as stream:
        while rows := cursor.fetchmany(_FETCH):
            for row in rows:
                stream.write("\t".join(_gdelt_cell(v) for v in row) + "\n")
                count += 1
    return count


def _gdelt_cell(value: object) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())  # a tab or newline inside a name would break the row


# One row per event; the columns Parley has no data for are empty (NULL).
_EMPTY_ACTOR = "NULL, NULL, NULL, NULL"  # KnownGroup, Ethnic, Religion1, Religion2 codes
GDELT_SQL = f"""
WITH copies AS (
    -- An original with its near-duplicates: the articles and the web hosts that carried it.
    SELECT coalesce(duplicate_of, article_id) AS article_id, count(*) AS articles,
           greatest(count(DISTINCT nullif(regexp_extract(url, '//([^/]+)', 1), '')), 1) AS sources
    FROM articles GROUP BY 1
),
ev AS (
    SELECT e.*, coalesce(e.day, a.published_day) AS d, a.url, a.source AS origin,
           a.ingested_at, a.text, c.articles, c.sources
    FROM events e JOIN articles a USING (article_id) JOIN copies c USING (article_id)
    WHERE NOT e.duplicate AND e.modality = 'asserted'
)
SELECT
    CAST(('0x' || left(sha256(ev.article_id || ':' || ev.event_id), 15)) AS BIGINT),
    strftime(ev.d, '%Y%m%d'), strftime(ev.d, '%Y%m'), year(ev.d),
    round(year(ev.d) + (dayofyear(ev.d) - 1) / 365.0, 4),
    ev.source_actor, upper(s.name), coalesce(s.country, left(ev.source_actor, 3)),
    {_EMPTY_ACTOR}, s.sector, NULL, NULL,
    ev.target_actor, upper(t.name), coalesce(t.country, left(ev.target_actor, 3)),
    {_EMPTY_ACTOR}, t.sector, NULL, NULL,
    CASE WHEN ev.start_char < coalesce(nullif(strpos(ev.text, chr(10) || chr(10)), 0) - 1,
                                        length(ev.text)) THEN 1 ELSE 0 END,
    ev.cameo, left(ev.cameo, 3), ev.root, ev.quad_class, ev.goldstein,
    ev.articles, ev.sources, ev.articles, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    -- ActionGeo: the event's place by name (type 1 when it is a country); no gazetteer here,
    -- so no FIPS country, ADM codes, coordinates or feature id.
    CASE WHEN p.kind = 'country' THEN 1 END, p.name, NULL, NULL, NULL, NULL, NULL, NULL,
    strftime(ev.ingested_at AT TIME ZONE 'UTC', '%Y%m%d%H%M%S'),
    coalesce(ev.url, ev.origin)
FROM ev
LEFT JOIN entities s ON s.article_id = ev.article_id AND s.entity_id = ev.source
LEFT JOIN entities t ON t.article_id = ev.article_id AND t.entity_id = ev.target
LEFT JOIN entities p ON p.article_id = ev.article_id AND p.entity_id = ev.location
ORDER BY ev.d NULLS LAST, ev.article_id, ev.event_id
"""
