"""Event clusters: one real-world event from the many reports of it.

Many articles report one meeting, one agreement, one shelling; each article's events are
stored apart (``events``), so a count of events is a count of mentions. ``merge_events``
groups the stored events into ``event_clusters`` (one row per real-world event, with its
number of articles and outlets, first and last report and best evidence sentence) and
``event_cluster_members`` (every stored event in exactly one cluster, singletons included).

Two events may share a cluster when they have

- the same dyad: the same source and target actor codes, in either order when the act is
  symmetric (a code of ``data/symmetric_cameo.tsv``, or the coder coded one sentence both
  ways with one code: "X and Y agreed");
- the same CAMEO root and compatible codes: equal, or one the other's more specific form
  ("040" consult, not specified, is compatible with "043"; "042" is not with "043");
- the same modality;
- places in one country, when both name one (``events.location``: a visit to Geneva and a
  visit to Beijing on one day are two visits; a report naming no place fits either);
- days within a window that depends on where the date came from: a date the text gave is
  good to ``text_window`` days (1), a publication date to ``published_window`` days (3). An
  event joins the earliest open cluster whose first day is within the larger of its window
  and that first event's window, so no cluster spans more than a window: a month of daily
  reports about drills stays a month of events, not one.

Events without a day (the text named only a month or year) stay singletons, and so do events
whose source actor is unknown (``require_source``): an unknown actor is not the same actor,
and "someone sent condolences to Kim Jong Un" in fifty stories is fifty senders. A missing
target is kept as part of the dyad: "the U.S. staged drills" names no receiver on purpose. Events of
near-duplicate articles join clusters like any other, but ``n_articles`` counts a story
and its copies once.

The candidate rows, their keys and every aggregate are SQL (DuckDB here; the same statements
are Spark SQL). Only the greedy pass over each block of sorted rows is Python: it is
sequential by nature (each event's place depends on the clusters before it) and linear.

The merge rebuilds both tables in one transaction from the events as they are, and cluster
ids are a hash of the earliest member's ``article_id:event_id``, so running it again gives
the same rows (idempotent). The settings are kept in ``meta`` (``cluster_settings``) so the
merge after each ingest uses the thresholds the last ``parley cluster`` chose.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import asdict, dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from parley.datafiles import read_rows

__all__ = [
    "CLUSTER_COLUMNS",
    "MEMBER_COLUMNS",
    "ClusterSettings",
    "MergeStats",
    "create_tables",
    "merge_events",
    "read_settings",
    "symmetric_codes",
]

SYMMETRIC_FILE = Path(__file__).with_name("data") / "symmetric_cameo.tsv"
SETTINGS_KEY = "cluster_settings"

# The columns other code reads by name (the brief, the web dashboard): keep them; add freely.
CLUSTER_COLUMNS = """
    cluster_id VARCHAR NOT NULL,
    source_actor VARCHAR,
    target_actor VARCHAR,
    cameo VARCHAR,
    root VARCHAR,
    plover VARCHAR,
    quad_class TINYINT,
    goldstein DOUBLE,
    modality VARCHAR,
    day DATE,
    first_day DATE,
    last_day DATE,
    n_events INTEGER,
    n_articles INTEGER,
    n_outlets INTEGER,
    first_reported VARCHAR,
    last_reported VARCHAR,
    best_article_id VARCHAR,
    best_event_id VARCHAR,
    best_sentence VARCHAR,
    date_source VARCHAR,
    undirected BOOLEAN,
    duplicate BOOLEAN
"""
MEMBER_COLUMNS = """
    cluster_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL
"""


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    """The merge's thresholds (documented in docs/store.md)."""

    text_window: int = 1  # days either side, for a date the text gave
    published_window: int = 3  # days either side, for a publication date
    mirrored: bool = True  # one sentence coded X->Y and Y->X with one code is a joint act
    require_source: bool = True  # an event whose source is unknown stays alone

    def __post_init__(self) -> None:
        for name in ("text_window", "published_window"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 366:
                raise ValueError(f"{name} is a whole number of days from 0 to 366, not {value!r}")

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ClusterSettings:
        data = json.loads(text)
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(frozen=True, slots=True)
class MergeStats:
    events: int
    clusters: int
    multi_article: int  # clusters reported by more than one article
    largest: int  # the most articles in one cluster
    seconds: float
    settings: ClusterSettings


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"CREATE TABLE IF NOT EXISTS event_clusters ({CLUSTER_COLUMNS})")
    con.execute(f"CREATE TABLE IF NOT EXISTS event_cluster_members ({MEMBER_COLUMNS})")


def symmetric_codes(path: Path = SYMMETRIC_FILE) -> list[str]:
    """The symmetric CAMEO codes and roots of the data file."""
    codes = []
    for row in read_rows(path, at_least=1):
        code = row.fields[0]
        if not code.isdigit() or not 2 <= len(code) <= 4:
            raise row.fail(f"{code!r} is not a CAMEO code (two to four digits)")
        codes.append(code)
    return codes


def read_settings(con: duckdb.DuckDBPyConnection) -> ClusterSettings:
    """The settings the store's last merge used, else the defaults."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", [SETTINGS_KEY]).fetchone()
    if not row or not row[0]:
        return ClusterSettings()
    try:
        return ClusterSettings.from_json(str(row[0]))
    except (ValueError, TypeError):
        return ClusterSettings()  # a hand-edited value: the defaults rather than no merge


def merge_events(
    con: duckdb.DuckDBPyConnection,
    settings: ClusterSettings | None = None,
    *,
    transaction: bool = True,
) -> MergeStats:
    """Rebuild ``event_clusters`` and ``event_cluster_members`` from the stored events.

    ``settings`` None uses the store's own (``meta``), else the defaults; given settings are
    kept in ``meta`` for the next merge. With ``transaction=False`` the caller's open
    transaction holds the work (the schema migration's).
    """
    started = time.perf_counter()
    settings = settings or read_settings(con)
    symmetric = symmetric_codes()
    if transaction:
        con.begin()
    try:
        create_tables(con)
        rows = con.execute(_CANDIDATES, [symmetric] * 3 + [settings.mirrored]).fetchall()
        members = _assign(rows, settings)
        con.execute("DELETE FROM event_cluster_members")
        con.execute("DELETE FROM event_clusters")
        con.register("_parley_members", members)
        try:
            con.execute(
                "INSERT INTO event_cluster_members SELECT cluster_id, article_id, event_id"
                " FROM _parley_members"
            )
            con.execute(_CLUSTERS)
        finally:
            con.unregister("_parley_members")
        con.execute("DELETE FROM meta WHERE key = ?", [SETTINGS_KEY])
        con.execute("INSERT INTO meta VALUES (?, ?)", [SETTINGS_KEY, settings.to_json()])
        counts = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE n_articles > 1), coalesce(max(n_articles), 0)"
            " FROM event_clusters"
        ).fetchone()
        if transaction:
            con.commit()
    except BaseException:
        if transaction:
            con.rollback()
        raise
    clusters, multi, largest = counts or (0, 0, 0)
    return MergeStats(
        events=len(rows),
        clusters=int(clusters),
        multi_article=int(multi),
        largest=int(largest),
        seconds=time.perf_counter() - started,
        settings=settings,
    )


# An event dated by its story's occasion (``date_source`` "context": a day an earlier sentence
# gave) is merged by its report's day, as a publication date: the occasion is the report's
# (a statement, a meeting), often not the day of the happening the sentence tells.
_DAY = "CASE WHEN e.date_source = 'context' THEN a.published_day ELSE e.day END"
_DATE_SOURCE = "CASE WHEN e.date_source = 'context' THEN 'published' ELSE e.date_source END"

# The organs of one state: an event's actor of one of these sectors is, for the merge, its
# country. One meeting is "the DPRK and the U.S." in one report, "the DPRK Foreign Ministry
# and the U.S. State Department" in another; the security talks of two defence ministers
# are KORMIL/USAMIL here and KORGOV/USAGOV there. Other sectors (parties, media, business,
# NGOs) are parties of their own: "the U.S. media criticised X" is not Washington's act.
STATE_SECTORS = ("GOV", "MIL", "LEG", "JUD", "COP", "SPY")


def _party(column: str) -> str:
    """SQL: the party an actor code stands for in the merge (its country when the code is a
    bare country or a country with a state sector, else the code)."""
    sectors = ", ".join(f"'{s}'" for s in STATE_SECTORS)
    return (
        f"CASE WHEN length({column}) = 6 AND substr({column}, 4) IN ({sectors})"
        f" AND left({column}, 3) <> 'IGO' THEN left({column}, 3) ELSE {column} END"
    )


# Every event with its merge key (root, modality and the two parties in either order), sorted
# so each block is consecutive and, within it,
# ordered by day, then by when its article was published, then by ids (a total order, so
# the greedy pass and the ids it makes are deterministic). ``sym``: the code is symmetric
# (the data file lists it, its three-digit parent or its root), or, with ``mirrored``, the
# same sentence holds the same code with the actors swapped.
_CANDIDATES = f"""
WITH coded AS (
    SELECT e.article_id, e.event_id, e.source_actor, e.target_actor, e.cameo, e.root,
           e.modality, {_DAY} AS day, {_DATE_SOURCE} AS date_source, e.start_char,
           coalesce(TRY_CAST(a.published AS TIMESTAMPTZ),
                    CAST(a.published_day AS TIMESTAMPTZ)) AS reported,
           list_contains(?, e.cameo) OR list_contains(?, left(e.cameo, 3))
               OR list_contains(?, e.root) AS listed,
           {_party("e.source_actor")} AS source_party, {_party("e.target_actor")} AS target_party,
           sp.name AS source_person, tp.name AS target_person, lp.country AS place
    FROM events e JOIN articles a USING (article_id)
    LEFT JOIN entities sp
      ON sp.article_id = e.article_id AND sp.entity_id = e.source AND sp.kind = 'person'
    LEFT JOIN entities tp
      ON tp.article_id = e.article_id AND tp.entity_id = e.target
     AND tp.kind IN ('person', 'location')
    LEFT JOIN entities lp ON lp.article_id = e.article_id AND lp.entity_id = e.location
),
mirrored AS (
    SELECT DISTINCT x.article_id, x.event_id
    FROM coded x JOIN coded y
      ON x.article_id = y.article_id AND x.start_char = y.start_char AND x.cameo = y.cameo
     AND x.source_actor = y.target_actor AND x.target_actor = y.source_actor
     AND x.source_actor <> x.target_actor
),
keyed AS (
    SELECT c.*, c.listed OR (? AND m.event_id IS NOT NULL) AS sym
    FROM coded c LEFT JOIN mirrored m USING (article_id, event_id)
)
SELECT article_id, event_id, source_party, target_party, cameo, day, date_source,
       least(coalesce(source_party, ''), coalesce(target_party, '')) AS k1,
       greatest(coalesce(source_party, ''), coalesce(target_party, '')) AS k2,
       coalesce(root, '') AS k3, coalesce(modality, '') AS k4, sym,
       source_person, target_person, place
FROM keyed
ORDER BY k3, k4, k1, k2, day NULLS LAST, reported NULLS LAST, article_id, event_id
"""


Direction = tuple[str, str] | None  # (source, target) of a directed act; None: symmetric


People = dict[str, str]  # party -> the person who acted for it


class _Open:
    """A cluster that may still take events: its first day and window, its code, the
    direction of its directed members (None while every member is symmetric), the
    person each party's members name and the country its members took place in."""

    __slots__ = ("code", "direction", "first", "index", "people", "place", "window")

    def __init__(
        self, index: int, first: date, window: int, code: str, direction: Direction,
        people: People, place: str | None,
    ) -> None:
        self.index, self.first, self.window, self.code = index, first, window, code
        self.direction, self.people, self.place = direction, dict(people), place

    def takes(
        self, day: date, window: int, code: str, direction: Direction, people: People,
        place: str | None,
    ) -> bool:
        return (
            (day - self.first).days <= max(window, self.window)
            and _compatible(code, self.code)
            and (direction is None or self.direction is None or direction == self.direction)
            and all(self.people.get(party, person) == person for party, person in people.items())
            and (place is None or self.place is None or place == self.place)
        )

    def add(self, code: str, direction: Direction, people: People, place: str | None) -> None:
        if len(code) > len(self.code):
            self.code = code
        self.direction = self.direction or direction
        self.place = self.place or place
        for party, person in people.items():
            self.people.setdefault(party, person)


def _people(row: tuple[Any, ...]) -> People:
    """The persons an event names for its parties: two reports whose one party is two
    different people ("Hu Jintao visited the embassy", "Wen Jiabao visited the embassy")
    are two acts, however alike their codes and days. A target that is a place counts as
    its person: a delegation's visit to a museum and its visit to a farm on one day are
    two visits."""
    people = {}
    for party, person in ((row[2], row[12]), (row[3], row[13])):
        if party and person:
            people[party] = person
    return people


def _specific(code: str) -> str:
    """A code without its "not specified below" zero: "040" -> "04", so it is a prefix of
    every code of its root."""
    return code[:-1] if len(code) == 3 and code.endswith("0") else code


def _compatible(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _assign(rows: list[tuple[Any, ...]], settings: ClusterSettings) -> pa.Table:
    """The greedy pass: each event joins the earliest open cluster of its block that its
    day, code and direction fit (a symmetric act fits either direction), or opens one.
    Returns the members as an Arrow table with each cluster's id, chosen code and leader
    (its first event)."""
    widest = max(settings.text_window, settings.published_window)
    cluster_of: list[int] = []
    leaders: list[int] = []  # the row that opened each cluster
    codes: list[str] = []  # each cluster's most specific code
    block: tuple[Any, ...] | None = None
    open_: list[_Open] = []
    for n, row in enumerate(rows):
        key = row[7:11]
        day, cameo = row[5], row[4] or ""
        if key != block:
            block, open_ = key, []
        if day is None or (settings.require_source and row[2] is None):
            cluster_of.append(len(leaders))
            leaders.append(n)
            codes.append(cameo)
            continue
        window = settings.text_window if row[6] == "text" else settings.published_window
        # Clusters whose first day is out of every window's reach can take nothing more.
        open_ = [c for c in open_ if (day - c.first).days <= widest]
        code = _specific(cameo)
        direction: Direction = None if row[11] else (row[2] or "", row[3] or "")
        people, place = _people(row), row[14]
        for c in open_:
            if c.takes(day, window, code, direction, people, place):
                if len(code) > len(c.code):
                    codes[c.index] = cameo
                c.add(code, direction, people, place)
                cluster_of.append(c.index)
                break
        else:
            open_.append(_Open(len(leaders), day, window, code, direction, people, place))
            cluster_of.append(len(leaders))
            leaders.append(n)
            codes.append(cameo)
    ids = [_cluster_id(rows[n][0], rows[n][1]) for n in leaders]
    return pa.table(
        {
            "cluster_id": pa.array([ids[c] for c in cluster_of], pa.string()),
            "article_id": pa.array([r[0] for r in rows], pa.string()),
            "event_id": pa.array([r[1] for r in rows], pa.string()),
            "cluster_cameo": pa.array([codes[c] for c in cluster_of], pa.string()),
            "leader": pa.array([leaders[c] == n for n, c in enumerate(cluster_of)], pa.bool_()),
            "sym": pa.array([bool(r[11]) for r in rows], pa.bool_()),
        }
    )


def _cluster_id(article_id: str, event_id: str) -> str:
    return hashlib.sha256(f"{article_id}:{event_id}".encode()).hexdigest()[:16]


# The outlet: the publisher, else the URL's host (without "www."), else the source file's name.
_OUTLET = """coalesce(
    nullif(trim(a.publisher), ''),
    nullif(regexp_replace(lower(regexp_extract(a.url, '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#:@]+)', 1)),
                          '^www[.]', ''), ''),
    nullif(regexp_extract(a.source, '([^/\\\\]+)$', 1), ''),
    a.source)"""

# One row per cluster from its members. The cluster's day: the day its text-dated members
# name most often (the earliest of a tie), else its earliest day. The best evidence: an
# original article's event before a copy's, then the most confident, a date from the text,
# both actors named, the shortest sentence, then ids (a total order).
_CLUSTERS = f"""
INSERT INTO event_clusters
WITH m AS (
    SELECT p.cluster_id, p.cluster_cameo, p.leader, p.sym,
           e.* REPLACE ({_DAY} AS day, {_DATE_SOURCE} AS date_source),
           coalesce(a.duplicate_of, a.article_id) AS story, {_OUTLET} AS outlet, a.published,
           coalesce(TRY_CAST(a.published AS TIMESTAMPTZ),
                    CAST(a.published_day AS TIMESTAMPTZ)) AS reported
    FROM _parley_members p
    JOIN events e USING (article_id, event_id)
    JOIN articles a USING (article_id)
),
text_days AS (
    SELECT cluster_id, day, count(*) AS n FROM m
    WHERE date_source = 'text' AND day IS NOT NULL GROUP BY cluster_id, day
),
text_day AS (
    SELECT cluster_id, arg_max(day, n * 100000 - (day - DATE '1970-01-01')) AS day
    FROM text_days GROUP BY cluster_id
),
ranked AS (
    SELECT cluster_id, article_id, event_id, sentence, row_number() OVER (
        PARTITION BY cluster_id ORDER BY duplicate, confidence DESC NULLS LAST,
        (date_source = 'text') DESC, (source_actor IS NOT NULL AND target_actor IS NOT NULL) DESC,
        length(sentence) NULLS LAST, article_id, event_id) AS rank
    FROM m
),
code AS (
    SELECT cluster_id, arg_min(plover, article_id || ':' || event_id) AS plover,
           arg_min(quad_class, article_id || ':' || event_id) AS quad_class,
           arg_min(goldstein, article_id || ':' || event_id) AS goldstein
    FROM m WHERE cameo = cluster_cameo GROUP BY cluster_id
),
agg AS (
    SELECT cluster_id,
           any_value(source_actor) FILTER (WHERE leader) AS source_actor,
           any_value(target_actor) FILTER (WHERE leader) AS target_actor,
           any_value(cluster_cameo) AS cameo, any_value(root) AS root,
           any_value(modality) AS modality, min(day) AS first_day, max(day) AS last_day,
           count(*) AS n_events, count(DISTINCT story) AS n_articles,
           count(DISTINCT outlet) AS n_outlets,
           arg_min(published, reported) AS first_reported,
           arg_max(published, reported) AS last_reported,
           bool_or(sym) AS undirected, bool_and(duplicate) AS duplicate
    FROM m GROUP BY cluster_id
)
SELECT g.cluster_id, g.source_actor, g.target_actor, g.cameo, g.root, c.plover, c.quad_class,
       c.goldstein, g.modality, coalesce(t.day, g.first_day) AS day, g.first_day, g.last_day,
       g.n_events, g.n_articles, g.n_outlets, g.first_reported, g.last_reported,
       r.article_id, r.event_id, r.sentence,
       CASE WHEN t.day IS NOT NULL THEN 'text' WHEN g.first_day IS NOT NULL THEN 'published'
       END AS date_source,
       g.undirected, g.duplicate
FROM agg g
LEFT JOIN text_day t USING (cluster_id)
LEFT JOIN code c USING (cluster_id)
JOIN ranked r ON r.cluster_id = g.cluster_id AND r.rank = 1
"""
