"""The brief's SQL: every number, name and passage of a brief comes from these queries.

A ``Scope`` is what a brief covers: a dyad (two actor codes, either direction, matched as
code prefixes as ``parley events --dyad`` does), a period of event days, and for a brief of
one article that article. Near-duplicate articles are left out everywhere (their rows are
flagged ``duplicate``), so no count includes a story twice. Tables newer than the store
(``event_clusters``, ``stances``) are looked up first: ``has_table`` tells a section to say
that the data is not there instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb

__all__ = [
    "OUTLET",
    "Pick",
    "Scope",
    "Tally",
    "actor_names",
    "article_rows",
    "cluster_month",
    "cluster_rows",
    "columns",
    "corpus_articles",
    "dyad_span",
    "event_spans",
    "has_table",
    "modalities",
    "monthly",
    "picked_rows",
    "principal_dyad",
    "quote_rows",
    "stance_rows",
    "tally",
    "timex_rows",
]

# Who published an article: its own publisher, else the outlet its record named (a corpus
# record's "source", e.g. "KCNA (kcna.co.jp)"), else its URL's host.
OUTLET = (
    "coalesce(ar.publisher, json_extract_string(ar.meta, '$.outlet'),"
    " json_extract_string(ar.meta, '$.publisher'), json_extract_string(ar.meta, '$.source'),"
    " nullif(regexp_extract(ar.url, '^[a-zA-Z]+://(?:www\\.)?([^/:]+)', 1), ''))"
)


@dataclass(frozen=True, slots=True)
class Scope:
    dyad: tuple[str, str] | None = None
    since: date | None = None
    until: date | None = None
    article_id: str | None = None

    def events(self, alias: str = "e", *, period: bool = True) -> tuple[str, list[Any]]:
        """The WHERE clause (and its parameters) of this scope's events."""
        clauses, params = self.originals(alias)
        if self.dyad is not None:
            clause, more = dyad_clause(self.dyad, f"{alias}.source_actor", f"{alias}.target_actor")
            clauses.append(clause)
            params += more
        if period:
            clause, more = self.days(f"{alias}.day")
            if clause:
                clauses.append(clause)
                params += more
        return " AND ".join(clauses), params

    def originals(self, alias: str) -> tuple[list[str], list[Any]]:
        """One article's rows, even when it nearly repeats another (its brief was asked
        for); else the rows of original articles only, so nothing is counted twice."""
        if self.article_id is not None:
            return [f"{alias}.article_id = ?"], [self.article_id]
        return [f"NOT coalesce({alias}.duplicate, false)"], []

    def days(self, column: str) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if self.since is not None:
            clauses.append(f"{column} >= ?")
            params.append(self.since)
        if self.until is not None:
            clauses.append(f"{column} <= ?")
            params.append(self.until)
        return " AND ".join(clauses), params

    def articles_cte(self) -> tuple[str, list[Any]]:
        """``scope_articles(article_id)``: the articles a brief reads. One article, or the
        original articles that report an event of the dyad in the period."""
        if self.article_id is not None:
            return "scope_articles AS (SELECT ? AS article_id)", [self.article_id]
        where, params = self.events()
        return (
            f"scope_articles AS (SELECT DISTINCT e.article_id FROM events e WHERE {where})",
            params,
        )


def dyad_clause(dyad: tuple[str, str], source: str, target: str) -> tuple[str, list[Any]]:
    a, b = dyad
    one_way = f"(starts_with({source}, ?) AND starts_with({target}, ?))"
    return f"({one_way} OR {one_way})", [a, b, b, a]


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()
    return bool(row and row[0])


# A quote that reports a stance or act rather than something said (``quotes.act``).
_ACT = "coalesce(q.act, false)"


def columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
    ).fetchall()
    return {str(r[0]) for r in rows}


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    columns = [d[0] for d in cursor.description or ()]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


# ------------------------------------------------------------------------------ counts ---
@dataclass(frozen=True, slots=True)
class Tally:
    """Asserted events of a scope by QuadClass, with the mean Goldstein value and, for a
    dyad, how many went each way."""

    quads: tuple[int, int, int, int]
    mean: float | None
    a_to_b: int
    b_to_a: int

    @property
    def events(self) -> int:
        return sum(self.quads)

    @property
    def coop(self) -> int:
        return self.quads[0] + self.quads[1]

    @property
    def conflict(self) -> int:
        return self.quads[2] + self.quads[3]


def tally(con: duckdb.DuckDBPyConnection, scope: Scope) -> Tally:
    where, params = scope.events()
    directions = "0, 0"
    if scope.dyad is not None:
        way = (
            "count(*) FILTER (WHERE starts_with(e.source_actor, ?)"
            " AND starts_with(e.target_actor, ?))"
        )
        directions = f"{way}, {way}"
        a, b = scope.dyad
        params = [a, b, b, a, *params]
    row = con.execute(
        "SELECT "
        + ", ".join(f"count(*) FILTER (WHERE e.quad_class = {q})" for q in (1, 2, 3, 4))
        + f", round(avg(e.goldstein), 2), {directions}"
        f" FROM events e WHERE {where} AND e.modality = 'asserted'",
        params,
    ).fetchone()
    assert row is not None
    return Tally((row[0], row[1], row[2], row[3]), row[4], row[5], row[6])


def modalities(con: duckdb.DuckDBPyConnection, scope: Scope) -> dict[str, int]:
    where, params = scope.events()
    rows = con.execute(
        f"SELECT e.modality, count(*) FROM events e WHERE {where} GROUP BY 1", params
    ).fetchall()
    return {str(m): int(n) for m, n in rows if m is not None}


def monthly(con: duckdb.DuckDBPyConnection, scope: Scope) -> list[tuple[date, int, int]]:
    """(month, cooperation, conflict) of the scope's asserted events, month by month."""
    where, params = scope.events()
    rows = con.execute(
        "SELECT CAST(date_trunc('month', e.day) AS DATE) AS month,"
        " count(*) FILTER (WHERE e.quad_class IN (1, 2)),"
        " count(*) FILTER (WHERE e.quad_class IN (3, 4))"
        f" FROM events e WHERE {where} AND e.modality = 'asserted' AND e.day IS NOT NULL"
        " GROUP BY month ORDER BY month",
        params,
    ).fetchall()
    return [(m, int(c), int(k)) for m, c, k in rows]


def dyad_span(con: duckdb.DuckDBPyConnection, dyad: tuple[str, str]) -> tuple[date, date] | None:
    """The first and last day of the dyad's asserted events (near-duplicates left out; what
    is announced for later does not stretch the period)."""
    where, params = Scope(dyad=dyad).events()
    sql = f"SELECT min(e.day), max(e.day) FROM events e WHERE {where} AND e.modality = 'asserted'"
    row = con.execute(sql, params)
    found = row.fetchone()
    return (found[0], found[1]) if found and found[0] is not None else None


# ------------------------------------------------------------------------------- rows ---
@dataclass(frozen=True, slots=True)
class Pick:
    """A few events to pick from a scope: ``extra`` conditions (on ``e``, whose columns are
    the event's plus ``published_day`` and ``seq`` of its article), an order and a count."""

    name: str
    extra: str = ""
    params: tuple[Any, ...] = ()
    order: str = "abs(e.goldstein) DESC NULLS LAST, e.day, e.seq, e.event_id"
    limit: int = 1


def claimed(e: str = "e") -> str:
    """SQL true for an event (table alias ``e``) told inside a quote whose speaker is neither
    of its parties: the words are that speaker's claim or forecast, not an act of a party
    ("North Korea's resumption of tests would pose a threat, a former US official told VOA";
    "China's cooperation would be helpful, Pompeo said"). A speaker is a party when it is the
    event's source or target, or of the country of either; an uncoded speaker only when it is
    the source or target itself."""
    at = f"coalesce({e}.trigger_start, {e}.start_char)"
    return (
        f"EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = {e}.article_id"
        f" AND q.speaker IS NOT NULL AND {at} >= q.start_char AND {at} < q.end_char"
        f" AND q.speaker IS DISTINCT FROM {e}.source AND q.speaker IS DISTINCT FROM {e}.target"
        " AND (q.speaker_actor IS NULL OR (left(q.speaker_actor, 3)"
        f" IS DISTINCT FROM left({e}.source_actor, 3) AND left(q.speaker_actor, 3)"
        f" IS DISTINCT FROM left({e}.target_actor, 3))))"
    )


_BASE = (
    "SELECT e.article_id, e.event_id, e.source, e.source_actor, e.target, e.target_actor,"
    " e.cameo, e.root, e.quad_class, e.goldstein, e.modality, e.date, e.day, e.date_source,"
    " e.sentence, e.start_char, e.end_char, e.trigger_start, e.trigger_end, ar.published_day,"
    " ar.seq FROM events e JOIN articles ar USING (article_id)"
)


def picked_rows(
    con: duckdb.DuckDBPyConnection, scope: Scope, picks: list[Pick], *, period: bool = True
) -> dict[str, list[dict[str, Any]]]:
    """Several picks of the scope's events in one query, each with its actors' names."""
    if not picks:
        return {}
    where, params = scope.events(period=period)
    parts = []
    for n, pick in enumerate(picks):
        condition = f" WHERE {pick.extra}" if pick.extra else ""
        parts.append(
            f"SELECT {n} AS pick, row_number() OVER (ORDER BY {pick.order}) AS pick_rank, e.*"
            f" FROM base e{condition} QUALIFY pick_rank <= {int(pick.limit)}"
        )
        params += list(pick.params)
    # The few rows wanted are picked first; only they are joined to the entities' names (a
    # join before the pick would be built for every event of the scope).
    sql = (
        f"WITH base AS ({_BASE} WHERE {where}), picked AS ({' UNION ALL '.join(parts)})"
        " SELECT e.pick, e.article_id, e.event_id, e.source_actor, e.target_actor, e.cameo,"
        " e.root, e.quad_class, e.goldstein, e.modality, e.date, e.day, e.date_source,"
        ' e.sentence, e.start_char AS start, e.end_char AS "end", e.trigger_start,'
        " e.trigger_end, e.published_day, e.seq, src.name AS source_name,"
        " tgt.name AS target_name FROM picked e"
        " LEFT JOIN entities src ON src.article_id = e.article_id AND src.entity_id = e.source"
        " LEFT JOIN entities tgt ON tgt.article_id = e.article_id AND tgt.entity_id = e.target"
        " ORDER BY e.pick, e.pick_rank"
    )
    out: dict[str, list[dict[str, Any]]] = {pick.name: [] for pick in picks}
    for row in _dicts(con.execute(sql, params)):
        out[picks[row.pop("pick")].name].append(row)
    return out


# A key event's weight: its reports, plus one when a story leads with it (the report that
# tells it lies in its article's first paragraph, as GDELT's IsRootEvent has it), plus a
# half when its day comes from the text (a dated happening rather than a comment).
LEAD = (
    "e.start_char < coalesce(nullif(strpos(ar.text, chr(10) || chr(10)), 0) - 1, length(ar.text))"
)
WEIGHT = (
    "c.n_articles + CASE WHEN t.lead THEN 1 ELSE 0 END"
    " + CASE WHEN c.date_source = 'text' THEN 0.5 ELSE 0 END"
)


def cluster_rows(con: duckdb.DuckDBPyConnection, scope: Scope, limit: int) -> list[dict[str, Any]]:
    """The scope's asserted event clusters by weight (``WEIGHT``), each told by one report
    (offsets, trigger, actors' names, the place it names): a report a story leads with, else
    the cluster's best report, else the earliest; in a brief of one article, that article's
    own first report.
    A report inside a quote of a third voice (``claimed``) does not tell it, and a cluster
    with no other report is left out.
    Near-duplicate clusters and articles are left out of a corpus."""
    clauses = ["c.modality = 'asserted'"]
    params: list[Any] = []
    if scope.article_id is not None:
        clauses.append(
            "c.cluster_id IN (SELECT cluster_id FROM event_cluster_members WHERE article_id = ?)"
        )
        params.append(scope.article_id)
        reports = "m.article_id = ?"
        report_params: list[Any] = [scope.article_id]
    else:
        clauses.append("NOT coalesce(c.duplicate, false)")
        clause, more = scope.days("c.day")
        if clause:
            clauses.append(clause)
            params += more
        reports, report_params = "ar.duplicate_of IS NULL", []
    if scope.dyad is not None:
        clause, more = dyad_clause(scope.dyad, "c.source_actor", "c.target_actor")
        clauses.append(clause)
        params += more
    sql = (
        "WITH c AS (SELECT c.cluster_id, c.source_actor, c.target_actor, c.cameo, c.goldstein,"
        " c.day, c.first_day, c.n_events, c.n_articles, c.n_outlets, c.undirected, c.date_source,"
        " c.best_article_id, c.best_event_id FROM event_clusters c"
        f" WHERE {' AND '.join(clauses)}),"
        " t AS (SELECT m.cluster_id, e.article_id, e.event_id, e.source, e.target,"
        " e.location_text AS place,"
        f" e.start_char, e.end_char, e.trigger_start, e.trigger_end, {LEAD} AS lead"
        " FROM c JOIN event_cluster_members m USING (cluster_id)"
        " JOIN events e ON e.article_id = m.article_id AND e.event_id = m.event_id"
        f" JOIN articles ar ON ar.article_id = m.article_id WHERE {reports}"
        # A cluster only third voices tell (an analyst's forecast) is no key event.
        f" AND NOT {claimed()}"
        " QUALIFY row_number() OVER (PARTITION BY m.cluster_id ORDER BY lead DESC,"
        " (e.article_id = c.best_article_id AND e.event_id = c.best_event_id) DESC,"
        " ar.published_day, ar.seq, e.start_char, e.event_id) = 1),"
        f" w AS (SELECT c.*, t.* EXCLUDE (cluster_id), {WEIGHT} AS weight"
        " FROM c JOIN t USING (cluster_id)"
        " ORDER BY weight DESC, c.n_events DESC, abs(c.goldstein) DESC NULLS LAST, c.day,"
        " c.cluster_id"
        f" LIMIT {int(limit)})"
        " SELECT w.cluster_id, w.source_actor, w.target_actor, w.cameo, w.goldstein, w.day,"
        " w.first_day, w.n_articles, w.n_outlets, w.undirected, w.article_id, w.event_id,"
        ' w.start_char AS start, w.end_char AS "end", w.trigger_start, w.trigger_end,'
        " w.lead, w.weight, w.place, src.name AS source_name, tgt.name AS target_name,"
        " src.kind AS source_kind, tgt.kind AS target_kind FROM w"
        " LEFT JOIN entities src ON src.article_id = w.article_id AND src.entity_id = w.source"
        " LEFT JOIN entities tgt ON tgt.article_id = w.article_id AND tgt.entity_id = w.target"
        " ORDER BY w.weight DESC, w.n_events DESC, abs(w.goldstein) DESC NULLS LAST, w.day,"
        " w.cluster_id"
    )
    return _dicts(con.execute(sql, params + report_params))


def cluster_month(
    con: duckdb.DuckDBPyConnection, dyad: tuple[str, str], month: date
) -> tuple[int, int, float | None]:
    """The dyad's asserted clusters of one month: how many, how many of conflict, and their
    mean Goldstein value (near-duplicate clusters left out), as turning points count them."""
    clause, params = dyad_clause(dyad, "c.source_actor", "c.target_actor")
    row = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE c.quad_class >= 3), round(avg(c.goldstein), 2)"
        f" FROM event_clusters c WHERE {clause} AND c.modality = 'asserted'"
        " AND NOT coalesce(c.duplicate, false)"
        " AND CAST(date_trunc('month', c.day) AS DATE) = ?",
        [*params, month],
    ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1]), row[2]


def event_spans(
    con: duckdb.DuckDBPyConnection, keys: list[tuple[str, str]]
) -> dict[tuple[str, str], dict[str, Any]]:
    """Events by (article, event) with their offsets and trigger, for citing them."""
    if not keys:
        return {}
    rows = _dicts(con.execute(
        "SELECT e.article_id, e.event_id, e.start_char AS start, e.end_char AS \"end\","
        " e.trigger_start, e.trigger_end FROM events e"
        " WHERE list_contains(?, e.article_id || ':' || e.event_id)",
        [[f"{a}:{e}" for a, e in keys]],
    ))  # fmt: skip
    return {(r["article_id"], r["event_id"]): r for r in rows}


def stance_rows(con: duckdb.DuckDBPyConnection, scope: Scope) -> list[dict[str, Any]]:
    """The scope's stances (the two sides' in a dyad brief), each with its quote if any."""
    clauses, params = scope.originals("s")
    clauses += ["s.issue IS NOT NULL", "s.position IS NOT NULL"]
    if scope.article_id is None:
        clause, more = scope.days("coalesce(s.day, ar.published_day)")
        if clause:
            clauses.append(clause)
            params += more
    if scope.dyad is not None:
        clauses.append("(starts_with(s.actor_code, ?) OR starts_with(s.actor_code, ?))")
        params += list(scope.dyad)
    # How a stance is said (a statement, a demand, a refusal), where the store keeps it.
    mode = "s.mode" if "mode" in columns(con, "stances") else "NULL"
    # Whose voice reports the stance when the holder does not say it itself.
    reported = "s.reported_by" if "reported_by" in columns(con, "stances") else "NULL"
    # Whether its quote is a stance or act ("praised the party") rather than a statement.
    act = _ACT if "act" in columns(con, "quotes") else "false"
    # What the stance was read from (its own words, an event, the article's context) and the
    # condition it is held on, where the store keeps them.
    kept = columns(con, "stances")
    basis = "s.basis" if "basis" in kept else "NULL"
    condition = "s.condition" if "condition" in kept else "NULL"
    # The dates its sentence names ("in August 1998"); one after "since" reaches the present.
    dates = "NULL"
    if has_table(con, "timexes"):
        dates = (
            "(SELECT list(CASE WHEN lower(substr(ar.text, t.start_char - 5, 6)) = 'since '"
            " THEN 'PRESENT_REF' ELSE t.value END) FROM timexes t"
            " WHERE t.article_id = s.article_id AND t.type = 'DATE'"
            " AND t.start_char >= s.start_char AND t.end_char <= s.end_char)"
        )
    sql = (
        "SELECT s.article_id, s.stance_id, s.actor, s.actor_code, s.actor_name, s.issue,"
        f" s.position, {mode} AS mode, {reported} AS reported_by, s.quote_id, s.event_id,"
        f" {basis} AS basis, {condition} AS condition, {dates} AS dates,"
        " s.sentence, s.start_char AS start,"
        ' s.end_char AS "end", s.speaker_role, coalesce(s.day, ar.published_day) AS day,'
        " q.kind AS quote_kind, q.text AS quote_text, q.start_char AS quote_start,"
        f" q.end_char AS quote_end, {act} AS quote_act, sp.name AS speaker_name,"
        " sp.roles AS speaker_roles, sp.kind AS speaker_kind, ar.seq,"
        f" q.speaker_actor AS speaker_code, {OUTLET} AS outlet,"
        " ev.start_char AS event_start, ev.end_char AS event_end, hk.kind AS actor_kind"
        " FROM stances s JOIN articles ar USING (article_id)"
        " LEFT JOIN entities hk ON hk.article_id = s.article_id AND hk.entity_id = s.actor"
        " LEFT JOIN quotes q ON q.article_id = s.article_id AND q.quote_id = s.quote_id"
        " LEFT JOIN entities sp ON sp.article_id = q.article_id AND sp.entity_id = q.speaker"
        " LEFT JOIN events ev ON ev.article_id = s.article_id AND ev.event_id = s.event_id"
        f" WHERE {' AND '.join(clauses)}"
        " ORDER BY day, ar.seq, s.stance_id"
    )
    return _dicts(con.execute(sql, params))


def quote_rows(con: duckdb.DuckDBPyConnection, scope: Scope) -> list[dict[str, Any]]:
    """Quotes of named speakers (people, organisations, media, groups) in the scope's
    articles, with the speaker's roles and affiliation: statements only, not the stances and
    acts reported of them ("praised the party", ``quotes.act``)."""
    cte, params = scope.articles_cte()
    duplicates = "" if scope.article_id else " AND NOT coalesce(q.duplicate, false)"
    statements = f" AND NOT {_ACT}" if "act" in columns(con, "quotes") else ""
    sql = (
        f"WITH {cte} SELECT q.article_id, q.quote_id, q.kind, q.text, q.start_char AS start,"
        ' q.end_char AS "end", sp.name, sp.kind AS speaker_kind, sp.actor, sp.roles,'
        " aff.name AS affiliation, ar.published_day, ar.seq"
        " FROM quotes q JOIN scope_articles USING (article_id) JOIN articles ar USING (article_id)"
        " JOIN entities sp ON sp.article_id = q.article_id AND sp.entity_id = q.speaker"
        " LEFT JOIN entities aff ON aff.article_id = sp.article_id"
        " AND aff.entity_id = sp.affiliation"
        " WHERE sp.kind IN ('person', 'organization', 'media', 'group')"
        f"{duplicates}{statements}"
        " ORDER BY ar.published_day, ar.seq, q.start_char"
    )
    return _dicts(con.execute(sql, params))


def timex_rows(con: duckdb.DuckDBPyConnection, scope: Scope) -> list[dict[str, Any]]:
    """Dated time expressions (values that start with a year) of the scope's articles."""
    cte, params = scope.articles_cte()
    sql = (
        f"WITH {cte} SELECT t.article_id, t.timex_index, t.text, t.type, t.value,"
        ' t.start_char AS start, t.end_char AS "end", ar.published_day, ar.seq'
        " FROM timexes t JOIN scope_articles USING (article_id) JOIN articles ar USING (article_id)"
        " WHERE t.type IN ('DATE', 'TIME') AND regexp_matches(t.value, '^[0-9]{4}')"
        " ORDER BY ar.published_day, ar.seq, t.timex_index"
    )
    return _dicts(con.execute(sql, params))


def article_rows(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[dict[str, Any]]:
    """The cited articles: title, outlet, publication day, URL and text."""
    if not ids:
        return []
    columns = (
        "SELECT ar.article_id, ar.title, ar.subtitle, ar.genre, ar.authors, ar.published_day,"
        f" ar.url, ar.text, {OUTLET} AS outlet FROM articles ar"
    )
    if len(ids) == 1:  # the article's index finds one article without reading the others
        return _dicts(con.execute(f"{columns} WHERE ar.article_id = ?", ids))
    sql = f"{columns} WHERE list_contains(?, ar.article_id) ORDER BY ar.seq"
    return _dicts(con.execute(sql, [ids]))


def corpus_articles(con: duckdb.DuckDBPyConnection, scope: Scope) -> dict[str, Any]:
    """How many articles and outlets the scope reads, and the first and last of them."""
    cte, params = scope.articles_cte()
    sql = (
        f"WITH {cte}, read AS (SELECT ar.article_id, ar.published_day, ar.seq, {OUTLET} AS outlet"
        " FROM articles ar JOIN scope_articles USING (article_id))"
        " SELECT count(*) AS articles, count(DISTINCT outlet) AS outlets,"
        " arg_min(article_id, (published_day, seq)) AS first_id,"
        " arg_max(article_id, (published_day, seq)) AS last_id,"
        " min(published_day) AS first, max(published_day) AS last FROM read"
    )
    rows = _dicts(con.execute(sql, params))
    return rows[0]


def actor_names(con: duckdb.DuckDBPyConnection, codes: list[str]) -> dict[str, str]:
    """Each code's most frequent name among the entities it codes (countries first, people
    last: IGOUNO is the United Nations, not its Secretary-General)."""
    if not codes:
        return {}
    rows = con.execute(
        "SELECT actor, name FROM entities WHERE list_contains(?, actor) AND name IS NOT NULL"
        " GROUP BY actor, name, kind"
        " ORDER BY actor, kind = 'country' DESC, kind = 'person', count(*) DESC, name",
        [codes],
    ).fetchall()
    names: dict[str, str] = {}
    for code, name in rows:
        names.setdefault(code, name)
    return names


def principal_dyad(con: duckdb.DuckDBPyConnection, article_id: str) -> tuple[str, str] | None:
    """The pair of countries an article's events join most often (either direction)."""
    row = con.execute(
        "SELECT least(left(source_actor, 3), left(target_actor, 3)) AS a,"
        " greatest(left(source_actor, 3), left(target_actor, 3)) AS b, count(*) AS n"
        " FROM events WHERE article_id = ? AND source_actor IS NOT NULL"
        " AND target_actor IS NOT NULL AND left(source_actor, 3) <> left(target_actor, 3)"
        " GROUP BY a, b ORDER BY n DESC, a, b LIMIT 1",
        [article_id],
    ).fetchone()
    return (str(row[0]), str(row[1])) if row else None
