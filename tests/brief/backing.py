"""The check that a brief is backed by the store, sentence by sentence, written apart from
the brief's own queries (its SQL is the test's own, so a wrong query cannot agree with itself).

``problems(con, brief)`` lists every way a brief departs from the store:

- a sentence that neither cites anything nor says that something is absent;
- a citation whose article, title, outlet or date differ from the stored article, whose
  offsets fall outside its text, whose passage is not that text, or whose evidence names a
  row that is not stored for that article (or lies outside the passage);
- a quoted passage that is not verbatim in a cited article (or one of its stored fields);
- a number in the text that is not one of the sentence's figures, or a figure the store
  does not give when counted again.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import duckdb

from parley.brief.cite import ELLIPSIS, fold
from parley.brief.model import Brief, Citation, Sentence

# From the first opening mark to the last closing one: quoted speech may nest marks unevenly.
_QUOTED = re.compile(r"“.*”", re.S)
# Dates as the brief writes them: days, months, and the TIMEX3 values of what to watch (a
# year, a week, a quarter, a half); a bare four-digit number is read as a year.
_DATE = re.compile(r"\b\d{4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}|Q[1-4]|H[12]))?\b")
_CODE = re.compile(r"\((?:CAMEO [0-9]+|[A-Z]{3}[A-Z0-9]*)\)")
_NUMBER = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?(?![\w])")  # "65th" in a name is no count


def problems(con: duckdb.DuckDBPyConnection, brief: Brief) -> list[str]:
    out: list[str] = []
    for section in brief.sections:
        for sentence in section.sentences:
            where = f"[{section.key}] {sentence.text[:70]!r}"
            out += [f"{where}: {p}" for p in _sentence_problems(con, brief, section.key, sentence)]
    return out


def _sentence_problems(
    con: duckdb.DuckDBPyConnection, brief: Brief, key: str, sentence: Sentence
) -> list[str]:
    out = []
    if not sentence.citations and not sentence.absent:
        out.append("no citation, and it does not state an absence")
    if sentence.absent and sentence.citations:
        out.append("states an absence yet cites rows")
    texts = []
    for citation in sentence.citations:
        found, text = _citation_problems(con, citation)
        out += found
        texts.append(text)
    for quote in sentence.quotes:
        if quote not in sentence.text:
            out.append(f"quote {quote[:40]!r} is not in the sentence")
        bare = quote.removeprefix(ELLIPSIS).removesuffix(ELLIPSIS)
        if not any(bare in fold(t) for t in texts):
            out.append(f"quote {quote[:40]!r} is not verbatim in a cited article")
    out += _number_problems(sentence)
    out += _figure_problems(con, brief, key, sentence)
    return out


def _citation_problems(con: duckdb.DuckDBPyConnection, c: Citation) -> tuple[list[str], str]:
    row = con.execute(
        "SELECT title, subtitle, genre, text, published_day, url,"
        " coalesce(publisher, json_extract_string(meta, '$.source')) FROM articles"
        " WHERE article_id = ?",
        [c.article_id],
    ).fetchone()
    if row is None:
        return [f"cites article {c.article_id} that is not stored"], ""
    title, subtitle, genre, text, day, url, outlet = row
    fields = "\n".join(x for x in (title, subtitle, genre) if x)
    out = []
    if (c.title, c.url) != (title, url) or c.outlet != outlet:
        out.append(f"{c.article_id}: title, URL or outlet differ from the store")
    if c.published != (day.isoformat() if day else None):
        out.append(f"{c.article_id}: date {c.published} is not the stored {day}")
    if not 0 <= c.start <= c.end <= len(text):
        out.append(f"{c.article_id}: offsets {c.start}-{c.end} outside the text")
    elif not fold(text[c.start : c.end]).startswith(c.passage.removesuffix(ELLIPSIS)):
        out.append(f"{c.article_id}: the passage is not the text at {c.start}-{c.end}")
    for evidence in c.evidence:
        out += _evidence_problems(con, c, evidence.table, evidence.id)
    return out, f"{text}\n{fields}"


_SPANS = {
    "events": ("event_id", "start_char", "end_char"),
    "quotes": ("quote_id", "start_char", "end_char"),
    "stances": ("stance_id", "start_char", "end_char"),
    "timexes": ("CAST(timex_index AS VARCHAR)", "start_char", "end_char"),
}


def _evidence_problems(
    con: duckdb.DuckDBPyConnection, c: Citation, table: str, rid: str
) -> list[str]:
    if table == "articles":
        return [] if rid == c.article_id else [f"articles evidence {rid} is not the article"]
    if table == "event_clusters":
        row = con.execute(
            "SELECT count(*) FROM event_clusters WHERE cluster_id = ?", [rid]
        ).fetchone()
        member = con.execute(
            "SELECT count(*) FROM event_cluster_members WHERE cluster_id = ? AND article_id = ?",
            [rid, c.article_id],
        ).fetchone()
        ok = row and row[0] == 1 and member and member[0] >= 1
        return [] if ok else [f"cluster {rid} is not stored with a report in {c.article_id}"]
    key, start, end = _SPANS[table]
    row = con.execute(
        f"SELECT {start}, {end} FROM {table} WHERE article_id = ? AND {key} = ?",
        [c.article_id, rid],
    ).fetchone()
    if row is None:
        return [f"{table} {rid} is not stored for {c.article_id}"]
    if table == "timexes":
        inside = c.start <= row[0] and row[1] <= c.end
    else:
        inside = (
            row[0] is None
            or (c.start <= row[0] and row[1] <= c.end)
            or (row[0] <= c.start and c.end <= row[1])
        )
    return [] if inside else [f"{table} {rid} lies outside the cited passage"]


def _number_problems(sentence: Sentence) -> list[str]:
    """Every number of the text (outside quotes, dates and codes) is one of its figures."""
    rest = sentence.text
    for quote in sentence.quotes:  # a quote cut inside its own quotation marks is unbalanced
        rest = rest.replace(quote, " ")
    rest = _CODE.sub(" ", _DATE.sub(" ", _QUOTED.sub(" ", rest)))
    values = {round(f.value, 2) for f in sentence.figures}
    out = []
    for token in _NUMBER.findall(rest):
        value = round(float(token.replace(",", "")), 2)
        if value not in values:
            out.append(f"the number {token} is none of the sentence's figures")
    return out


# ----------------------------------------------------------- figures counted again ---
def _dyad_events(brief: Brief, since: date | None, until: date | None) -> tuple[str, list[Any]]:
    clauses, params = ["NOT duplicate"], []
    if brief.article_id is not None:  # one article's brief counts it even if it is a re-post
        clauses, params = ["article_id = ?"], [brief.article_id]
    if brief.dyad is not None:
        a, b = brief.dyad
        clauses.append(
            "((starts_with(source_actor, ?) AND starts_with(target_actor, ?))"
            " OR (starts_with(source_actor, ?) AND starts_with(target_actor, ?)))"
        )
        params += [a, b, b, a]
    if since is not None and until is not None:
        clauses.append("day BETWEEN ? AND ?")
        params += [since, until]
    return " AND ".join(clauses), params


def _state_counts(
    con: duckdb.DuckDBPyConnection, brief: Brief, since: date | None, until: date | None
) -> dict[str, float]:
    where, params = _dyad_events(brief, since, until)
    rows = con.execute(
        f"SELECT quad_class, modality, goldstein, source_actor FROM events WHERE {where}", params
    ).fetchall()
    asserted = [r for r in rows if r[1] == "asserted"]
    quads = [sum(1 for r in asserted if r[0] == q) for q in (1, 2, 3, 4)]
    out: dict[str, float] = {
        "events": len(asserted), "verbal_coop": quads[0], "material_coop": quads[1],
        "verbal_conflict": quads[2], "material_conflict": quads[3],
        "coop": quads[0] + quads[1], "conflict": quads[2] + quads[3],
    }  # fmt: skip
    if asserted:
        out["mean"] = round(sum(r[2] for r in asserted) / len(asserted), 2)
    if brief.dyad is not None:
        out["a_to_b"] = sum(1 for r in asserted if r[3].startswith(brief.dyad[0]))
        out["b_to_a"] = sum(1 for r in asserted if r[3].startswith(brief.dyad[1]))
    for modality in ("future", "hypothetical", "negated"):
        out[modality] = sum(1 for r in rows if r[1] == modality)
    return out


def _figure_problems(
    con: duckdb.DuckDBPyConnection, brief: Brief, key: str, sentence: Sentence
) -> list[str]:
    expected: dict[str, float] = {}
    if not sentence.figures:
        return []
    if key == "state":
        expected = _state_expected(con, brief, sentence)
    elif key == "events":
        clusters = {e.id for c in sentence.citations for e in c.evidence
                    if e.table == "event_clusters"}  # fmt: skip
        rows = con.execute(
            "SELECT max(n_articles), max(n_outlets) FROM event_clusters"
            " WHERE list_contains(?, cluster_id)",
            [sorted(clusters)],
        ).fetchone()
        assert rows is not None
        expected = {"reports": rows[0], "outlets": rows[1]}
    elif key == "voices":
        expected = _voice_expected(con, brief, sentence)
    elif key == "overview" and sentence.figure("articles_read") is not None:
        expected = _overview_expected(con, brief)
    out = []
    for figure in sentence.figures:
        if figure.name in expected and round(expected[figure.name], 2) != round(figure.value, 2):
            out.append(f"{figure.name} is {figure.value}, the store gives {expected[figure.name]}")
    return out


def _state_expected(
    con: duckdb.DuckDBPyConnection, brief: Brief, sentence: Sentence
) -> dict[str, float]:
    if brief.kind == "article":
        expected = _state_counts(con, brief, None, None)
        whole = Brief(brief.kind, brief.title, (), article_id=brief.article_id)
        every = _state_counts(con, whole, None, None)
        total = con.execute(
            "SELECT count(*) FROM events WHERE article_id = ?", [brief.article_id]
        ).fetchone()
        assert total is not None
        if sentence.figure("all_events") is not None:
            return {"all_events": total[0], "asserted": every["events"], "future": every["future"],
                    "hypothetical": every["hypothetical"], "negated": every["negated"]}  # fmt: skip
        return expected
    assert brief.since is not None and brief.until is not None
    if sentence.figure("turn_events") is not None:
        return _turn_expected(con, brief, sentence)
    expected = _state_counts(con, brief, brief.since, brief.until)
    before = brief.since - timedelta(days=1)
    if brief.since.day == 1 and (brief.until + timedelta(days=1)).day == 1:
        # Whole months: as many months before (a year against the year before).
        months = (brief.until.year - brief.since.year) * 12 + brief.until.month
        months -= brief.since.month - 1
        start = brief.since
        for _ in range(months):
            start = (start - timedelta(days=1)).replace(day=1)
    else:
        start = before - timedelta(days=(brief.until - brief.since).days)
    previous = _state_counts(con, brief, start, before)
    expected |= {f"prev_{k}": v for k, v in previous.items()}
    expected["days"] = (before - start).days + 1
    return expected


def _turn_expected(
    con: duckdb.DuckDBPyConnection, brief: Brief, sentence: Sentence
) -> dict[str, float]:
    """A turning month's clusters of the dyad, counted again."""
    found = re.match(r"In (\d{4})-(\d{2}) ", sentence.text)
    assert found is not None and brief.dyad is not None
    a, b = brief.dyad
    row = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE quad_class >= 3), round(avg(goldstein), 2)"
        " FROM event_clusters WHERE modality = 'asserted' AND NOT duplicate"
        " AND year(day) = ? AND month(day) = ?"
        " AND ((starts_with(source_actor, ?) AND starts_with(target_actor, ?))"
        " OR (starts_with(source_actor, ?) AND starts_with(target_actor, ?)))",
        [int(found[1]), int(found[2]), a, b, b, a],
    ).fetchone()
    assert row is not None
    return {"turn_events": row[0], "turn_conflict": row[1], "turn_mean": row[2]}


def _voice_expected(
    con: duckdb.DuckDBPyConnection, brief: Brief, sentence: Sentence
) -> dict[str, float]:
    first = sentence.citations[0]
    qid = next(e.id for e in first.evidence if e.table == "quotes")
    name_row = con.execute(
        "SELECT en.name, coalesce(en.actor, '') FROM quotes q JOIN entities en"
        " ON en.article_id = q.article_id AND en.entity_id = q.speaker"
        " WHERE q.article_id = ? AND q.quote_id = ?",
        [first.article_id, qid],
    ).fetchone()
    assert name_row is not None
    if brief.kind == "article":
        articles = [brief.article_id]
    else:
        where, params = _dyad_events(brief, brief.since, brief.until)
        sql = f"SELECT DISTINCT article_id FROM events WHERE {where}"
        articles = [r[0] for r in con.execute(sql, params).fetchall()]
    rows = con.execute(
        "SELECT q.article_id FROM quotes q JOIN entities en"
        " ON en.article_id = q.article_id AND en.entity_id = q.speaker"
        " WHERE (NOT q.duplicate OR ?) AND NOT q.act AND lower(en.name) = lower(?)"
        " AND coalesce(en.actor, '') = ? AND (en.kind = 'person' OR en.actor IS NOT NULL)"
        " AND en.kind IN ('person', 'organization', 'media', 'group')"
        " AND list_contains(?, q.article_id)",
        [brief.kind == "article", name_row[0], name_row[1], articles],
    ).fetchall()
    return {"quotes": len(rows), "quote_articles": len({r[0] for r in rows})}


def _overview_expected(con: duckdb.DuckDBPyConnection, brief: Brief) -> dict[str, float]:
    where, params = _dyad_events(brief, brief.since, brief.until)
    row = con.execute(
        "SELECT count(DISTINCT a.article_id),"
        " count(DISTINCT coalesce(a.publisher, json_extract_string(a.meta, '$.source')))"
        f" FROM articles a WHERE a.article_id IN (SELECT article_id FROM events WHERE {where})",
        params,
    ).fetchone()
    assert row is not None
    return {"articles_read": row[0], "outlets_read": row[1]}
