"""One ``parley.analysis/1`` object -> the rows of the store's tables.

Rows are built from the contract's plain dict (``Analysis.to_dict()``), so a live analysis
and one read back from a JSON Lines export become the same rows. Column order follows
``parley.store.schema.TABLES``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = ["ArticleInfo", "ChildRows", "article_row", "child_rows", "day_of", "stance_rows"]

Row = tuple[Any, ...]
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")

ARTICLE_COLUMNS = (
    "seq", "article_id", "record_id", "source", "position", "url", "title", "subtitle", "genre",
    "published", "published_source", "published_day", "modified", "authors", "publisher",
    "language", "captions", "headings", "format", "text", "warnings", "meta", "content_hash",
    "signature", "duplicate_of", "similarity", "parley_version", "config_hash", "run_id",
    "ingested_at", "analysis",
)  # fmt: skip
ENTITY_COLUMNS = (
    "article_id", "entity_id", "name", "kind", "actor", "country", "sector", "roles",
    "affiliation", "mention_count",
)  # fmt: skip
MENTION_COLUMNS = ("article_id", "entity_id", "start_char", "end_char", "text")
TIMEX_COLUMNS = (
    "article_id", "timex_index", "text", "type", "value", "anchor", "start_char", "end_char",
)  # fmt: skip
QUOTE_COLUMNS = (
    "article_id", "quote_id", "text", "kind", "speaker", "speaker_actor", "speaker_text",
    "speaker_start", "speaker_end", "cue", "cue_lemma", "cue_start", "cue_end", "date", "venue",
    "start_char", "end_char", "fragments", "unbalanced", "duplicate", "act",
)  # fmt: skip
EVENT_COLUMNS = (
    "article_id", "event_id", "source", "source_actor", "source_text", "target",
    "target_actor", "target_text", "cameo", "root", "plover", "plover_mode", "goldstein",
    "quad_class", "date", "day", "date_source", "modality", "sentence", "start_char",
    "end_char", "trigger_start", "trigger_end", "confidence", "duplicate", "location",
    "location_text",
)  # fmt: skip
# The stance table's first 17 columns are the ones the brief writer and the dashboard read;
# the rest follow the contract's Stance record (docs/store.md).
STANCE_COLUMNS = (
    "article_id", "stance_id", "actor", "actor_code", "actor_name", "issue", "position",
    "evidence", "quote_id", "event_id", "sentence", "start_char", "end_char", "speaker_role",
    "date", "day", "duplicate", "mode", "condition", "condition_issue", "modality",
    "reported_by", "basis", "confidence", "cue_start", "cue_end",
)  # fmt: skip
CHILD_COLUMNS = {
    "entities": ENTITY_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "timexes": TIMEX_COLUMNS,
    "quotes": QUOTE_COLUMNS,
    "events": EVENT_COLUMNS,
    "stances": STANCE_COLUMNS,
}


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What the writer adds to an article's row beyond the analysis itself."""

    seq: int
    record_id: str | None
    source: str | None
    position: int | None
    meta: tuple[tuple[str, str], ...]
    content_hash: str
    signature: bytes | None
    duplicate_of: str | None
    similarity: float | None
    parley_version: str
    config_hash: str
    run_id: int
    ingested_at: Any  # a timezone-aware datetime


@dataclass
class ChildRows:
    """The rows of every child table of a batch, table by table."""

    tables: dict[str, list[Row]] = field(default_factory=lambda: {t: [] for t in CHILD_COLUMNS})

    def extend(self, other: ChildRows) -> None:
        for name, rows in other.tables.items():
            self.tables[name].extend(rows)


def day_of(value: str | None) -> date | None:
    """The calendar day of "YYYY-MM-DD..." values; None for coarser or missing ones."""
    match = _DAY.match(value or "")
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def article_row(data: dict[str, Any], info: ArticleInfo) -> Row:
    article = data["article"]
    return (
        info.seq,
        article["id"],
        info.record_id,
        info.source,
        info.position,
        article.get("url"),
        article.get("title"),
        article.get("subtitle"),
        article.get("genre"),
        article.get("published"),
        article.get("published_source"),
        day_of(article.get("published")),
        article.get("modified"),
        list(article.get("authors") or ()),
        article.get("publisher"),
        article.get("language"),
        list(article.get("captions") or ()),
        list(article.get("headings") or ()),
        article.get("format"),
        article.get("text"),
        list(data.get("warnings") or ()),
        json.dumps(dict(info.meta), ensure_ascii=False) if info.meta else None,
        info.content_hash,
        info.signature,
        info.duplicate_of,
        info.similarity,
        info.parley_version,
        info.config_hash,
        info.run_id,
        info.ingested_at,
        json.dumps(data, ensure_ascii=False, sort_keys=False),
    )


def child_rows(data: dict[str, Any], duplicate: bool) -> ChildRows:
    """The entity, mention, timex, quote and event rows of one article."""
    aid = data["article"]["id"]
    out = ChildRows()
    actors: dict[str, str | None] = {}
    for entity in data.get("entities") or ():
        mentions = entity.get("mentions") or ()
        actors[entity["id"]] = entity.get("actor")
        out.tables["entities"].append((
            aid, entity["id"], entity.get("name"), entity.get("kind"), entity.get("actor"),
            entity.get("country"), entity.get("sector"), list(entity.get("roles") or ()),
            entity.get("affiliation"), len(mentions),
        ))  # fmt: skip
        for m in mentions:
            out.tables["mentions"].append((aid, entity["id"], m["start"], m["end"], m["text"]))
    for i, t in enumerate(data.get("timexes") or ()):
        out.tables["timexes"].append((
            aid, i, t["text"], t["type"], t["value"], t.get("anchor"), t["start"], t["end"],
        ))  # fmt: skip
    for q in data.get("quotes") or ():
        out.tables["quotes"].append(_quote_row(aid, q, actors, duplicate))
    for e in data.get("events") or ():
        out.tables["events"].append(_event_row(aid, e, duplicate))
    out.tables["stances"].extend(stance_rows(data, duplicate))
    return out


def stance_rows(data: dict[str, Any], duplicate: bool) -> list[Row]:
    """The stance rows of one article (also used to fill the table from stored analyses)."""
    aid = data["article"]["id"]
    published = day_of(data["article"].get("published"))
    rows: list[Row] = []
    for s in data.get("stances") or ():
        evidence = [str(e) for e in s.get("evidence") or ()]
        cue_start, cue_end = _span(s.get("cue"))
        rows.append((
            aid, s["id"], s.get("actor"), s.get("actor_code"), s.get("actor_name"), s["issue"],
            s["position"], evidence, next((e for e in evidence if e.startswith("q")), None),
            next((e for e in evidence if e.startswith("v")), None), s.get("sentence"),
            s.get("start"), s.get("end"), s.get("speaker_role"), s.get("date"),
            day_of(s.get("date")) or published, duplicate, s.get("mode"), s.get("condition"),
            s.get("condition_issue"), s.get("modality"), s.get("reported_by"), s.get("basis"),
            s.get("confidence"), cue_start, cue_end,
        ))  # fmt: skip
    return rows


def _span(value: Any) -> tuple[int | None, int | None]:
    if not value:
        return None, None
    return int(value[0]), int(value[1])


def _quote_row(aid: str, q: dict[str, Any], actors: dict[str, str | None], dup: bool) -> Row:
    speaker_start, speaker_end = _span(q.get("speaker_span"))
    cue_start, cue_end = _span(q.get("cue_span"))
    speaker = q.get("speaker")
    return (
        aid, q["id"], q.get("text"), q.get("kind"), speaker, actors.get(speaker or ""),
        q.get("speaker_text"), speaker_start, speaker_end, q.get("cue"), q.get("cue_lemma"),
        cue_start, cue_end, q.get("date"), q.get("venue"), q["start"], q["end"],
        json.dumps(q.get("fragments") or []), bool(q.get("unbalanced")), dup,
        bool(q.get("act")),
    )  # fmt: skip


def _event_row(aid: str, e: dict[str, Any], dup: bool) -> Row:
    trigger_start, trigger_end = _span(e.get("trigger"))
    cameo = e.get("cameo") or ""
    return (
        aid, e["id"], e.get("source"), e.get("source_actor"), e.get("source_text"),
        e.get("target"), e.get("target_actor"), e.get("target_text"), cameo, cameo[:2] or None,
        e.get("plover"), e.get("plover_mode"), e.get("goldstein"), e.get("quad_class"),
        e.get("date"), day_of(e.get("date")), e.get("date_source"), e.get("modality"),
        e.get("sentence"), e["start"], e["end"], trigger_start, trigger_end,
        e.get("confidence"), dup, e.get("location"), e.get("location_text"),
    )  # fmt: skip
