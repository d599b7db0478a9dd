"""A small store for the dashboard's tests, built without a model.

Each article is an original text written for these tests, with its analysis written by
hand (offsets found in the text), stored through the store's own writer as a
``parley.analysis/1`` object (``parley ingest`` of an export takes the same path). The
tables other parts of Parley add (``event_clusters``, ``event_cluster_members``,
``stances``) are created here when the schema lacks them, so every page is tested with data.

In the first, Ri Chol's welcome of the offer is a quote marked ``act`` (a stance or act
reported, not said), with a stance resting on it; the pages list it apart from the quotes.

One article carries the injection corpus: script tags, ``onerror=`` handlers, a
``javascript:`` URL, template syntax and a right-to-left override, in its title, byline,
quote, entity name, stance and cluster sentence. ``ATTACKS`` lists what must never run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from parley.config import Config
from parley.sources.corpus import StoredAnalysis
from parley.store.ingest import IngestOptions, ingest_items

RLO = "\u202e"
ATTACKS = (
    '<script>alert("title")</script>',
    '<img src=x onerror=alert("byline")>',
    'javascript:alert("url")',
    "{{ 7*7 }}",
    '<svg onload=alert("entity")>',
    '<script>alert("quote")</script>',
    '"><img src=x onerror=alert("stance")>',
)

CLUSTER_DDL = """
    cluster_id VARCHAR NOT NULL, source_actor VARCHAR, target_actor VARCHAR, cameo VARCHAR,
    root VARCHAR, plover VARCHAR, quad_class TINYINT, goldstein DOUBLE, modality VARCHAR,
    day DATE, first_day DATE, last_day DATE, n_events INTEGER, n_articles INTEGER,
    n_outlets INTEGER, first_reported VARCHAR, last_reported VARCHAR, best_article_id VARCHAR,
    best_event_id VARCHAR, best_sentence VARCHAR, date_source VARCHAR, undirected BOOLEAN,
    duplicate BOOLEAN
"""
MEMBER_DDL = "cluster_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL"
STANCE_DDL = """
    article_id VARCHAR, stance_id VARCHAR, actor VARCHAR, actor_code VARCHAR,
    actor_name VARCHAR, issue VARCHAR, position VARCHAR, evidence VARCHAR[], quote_id VARCHAR,
    event_id VARCHAR, sentence VARCHAR, start_char INTEGER, end_char INTEGER,
    speaker_role VARCHAR, date VARCHAR, day DATE, duplicate BOOLEAN
"""


def _span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def _sentence(text: str, part: str) -> tuple[int, int, str]:
    """The sentence of ``text`` holding ``part`` (sentences end with '. ')."""
    at = text.index(part)
    left = text.rfind(". ", 0, at)
    left = 0 if left < 0 else left + 2
    right = text.find(". ", at)
    right = len(text) if right < 0 else right + 1
    return left, right, text[left:right]


class Draft:
    """One article's analysis, built up by offsets found in its text."""

    def __init__(self, article_id: str, title: str, text: str, published: str, **extra: Any):
        self.text = text
        self.article: dict[str, Any] = {
            "id": article_id, "source": f"fixture/{article_id}.txt", "title": title,
            "subtitle": None, "genre": None, "published": published, "modified": None,
            "authors": [], "publisher": "Test Wire", "language": "en", "captions": [],
            "headings": [], "text": text, "url": f"https://news.example.org/{article_id}",
            **extra,
        }  # fmt: skip
        self.entities: list[dict[str, Any]] = []
        self.quotes: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.timexes: list[dict[str, Any]] = []

    def entity(
        self, name: str, kind: str, actor: str, *mentions: str, roles: tuple[str, ...] = ()
    ) -> str:
        eid = f"e{len(self.entities) + 1}"
        spans = [_span(self.text, m) for m in mentions]
        self.entities.append({
            "id": eid, "name": name, "kind": kind, "actor": actor, "country": actor[:3],
            "roles": list(roles), "affiliation": None,
            "mentions": [{"start": s, "end": e, "text": self.text[s:e]} for s, e in spans],
        })  # fmt: skip
        return eid

    def quote(self, content: str, speaker: str, cue: str, *, act: bool = False) -> str:
        qid = f"q{len(self.quotes) + 1}"
        start, end = _span(self.text, content)
        entity = next(e for e in self.entities if e["id"] == speaker)
        who = _span(self.text, entity["mentions"][0]["text"])
        said = _span(self.text, cue)
        self.quotes.append({
            "id": qid, "text": content, "kind": "direct", "speaker": speaker,
            "speaker_text": entity["mentions"][0]["text"], "speaker_span": list(who), "cue": cue,
            "cue_span": list(said), "date": self.article["published"][:10], "venue": None,
            "start": start, "end": end, "fragments": [[start, end]], "act": act,
        })  # fmt: skip
        if act:  # a stance or act ("welcomed the offer"): reported, not said
            self.quotes[-1]["kind"] = "indirect"
        return qid

    def event(self, source: str, target: str, trigger: str, cameo: str, quad: int,
              goldstein: float, date: str, place: str | None = None) -> str:  # fmt: skip
        vid = f"v{len(self.events) + 1}"
        s, e, sentence = _sentence(self.text, trigger)
        ents = {x["id"]: x for x in self.entities}
        src, tgt = ents[source], ents[target]
        self.events.append({
            "id": vid, "source": source, "source_actor": src["actor"],
            "source_text": src["mentions"][0]["text"], "target": target,
            "target_actor": tgt["actor"], "target_text": tgt["mentions"][0]["text"],
            "cameo": cameo, "plover": "CONSULT", "goldstein": goldstein, "quad_class": quad,
            "date": date, "date_source": "text", "modality": "asserted", "sentence": sentence,
            "start": s, "end": e, "trigger": list(_span(self.text, trigger)), "confidence": 0.9,
        })  # fmt: skip
        if place is not None:  # the id of a place entity, named in the sentence
            self.events[-1].update(location=place, location_text=ents[place]["name"])
        return vid

    def timex(self, words: str, value: str) -> None:
        s, e = _span(self.text, words)
        self.timexes.append({"text": words, "type": "DATE", "value": value, "start": s, "end": e})

    def data(self) -> dict[str, Any]:
        return {
            "schema": "parley.analysis/1", "article": self.article, "entities": self.entities,
            "timexes": self.timexes, "quotes": self.quotes, "events": self.events,
            "stances": [], "warnings": [],
        }  # fmt: skip


def drafts() -> list[Draft]:
    out = []
    a = Draft(
        "a000000000000001",
        "Envoys agree to meet in Geneva",
        "The United States and North Korea agreed on Monday to hold talks in Geneva. "
        'Special envoy Ann Ridley said: "The door to dialogue remains open." '
        "Vice foreign minister Ri Chol welcomed the offer from Washington.",
        "2031-03-03T09:00:00+00:00",
        authors=["Mara Quill"],
    )
    usa = a.entity("United States", "country", "USA", "United States", "Washington")
    prk = a.entity("North Korea", "country", "PRK", "North Korea")
    ridley = a.entity("Ann Ridley", "person", "USAGOV", "Ann Ridley", roles=("special envoy",))
    ri = a.entity("Ri Chol", "person", "PRKGOV", "Ri Chol", roles=("vice foreign minister",))
    a.quote("The door to dialogue remains open.", ridley, "said")
    a.quote("the offer from Washington", ri, "welcomed", act=True)
    geneva = a.entity("Geneva", "location", "CHE", "Geneva")
    a.event(usa, prk, "agreed on Monday to hold talks", "036", 1, 4.0, "2031-03-03", geneva)
    a.event(ri, usa, "welcomed", "051", 1, 3.4, "2031-03-03")
    a.timex("Monday", "2031-03-03")
    out.append(a)

    b = Draft(
        "a000000000000002",
        "Pyongyang denounces new sanctions",
        "North Korea denounced the sanctions imposed by the United States on Thursday. "
        'Ri Chol said: "Sanctions will never make us kneel." '
        "Analysts in Seoul expected a long pause in the talks.",
        "2031-04-10T08:00:00+00:00",
    )
    prk = b.entity("North Korea", "country", "PRK", "North Korea")
    usa = b.entity("United States", "country", "USA", "United States")
    ri = b.entity("Ri Chol", "person", "PRKGOV", "Ri Chol", roles=("vice foreign minister",))
    b.quote("Sanctions will never make us kneel.", ri, "said")
    b.event(prk, usa, "denounced", "111", 3, -2.0, "2031-04-10")
    b.event(usa, prk, "sanctions imposed", "163", 4, -8.0, "2031-04-09")
    out.append(b)

    c = Draft(
        "a000000000000003",
        "North Korea condemns Washington over sanctions",
        "On Thursday North Korea condemned the United States for the new round of sanctions. "
        "A statement from Pyongyang called the measures hostile.",
        "2031-04-11T07:30:00+00:00",
        publisher="Other Daily",
        url="https://other.example.net/story/3",
    )
    prk = c.entity("North Korea", "country", "PRK", "North Korea", "Pyongyang")
    usa = c.entity("United States", "country", "USA", "United States")
    c.event(prk, usa, "condemned", "111", 3, -2.0, "2031-04-10")
    out.append(c)

    d = Draft(
        "a000000000000004",
        "Missile launch draws new response",
        "North Korea fired a missile into the sea on May 20. "
        "The United States moved a carrier group toward the peninsula the next day.",
        "2031-05-21T06:00:00+00:00",
    )
    prk = d.entity("North Korea", "country", "PRK", "North Korea")
    usa = d.entity("United States", "country", "USA", "United States")
    d.event(prk, usa, "fired a missile", "190", 4, -10.0, "2031-05-20")
    d.event(usa, prk, "moved a carrier group", "152", 4, -7.2, "2031-05-21")
    d.timex("May 20", "2031-05-20")
    out.append(d)

    e = Draft(
        "a000000000000005",
        f"{ATTACKS[0]} Talks {ATTACKS[3]} {RLO}reversed",
        f"The envoy {ATTACKS[4]} met North Korea in June. "
        f'The envoy {ATTACKS[4]} said: "{ATTACKS[5]} we stay." '
        f"North Korea praised the envoy {ATTACKS[4]} at the meeting.",
        "2031-06-02T10:00:00+00:00",
        authors=[ATTACKS[1], f"{RLO}Evil Byline"],
        url=ATTACKS[2],
        publisher=f"{ATTACKS[3]} Wire",
    )
    envoy = e.entity(f"envoy {ATTACKS[4]}", "person", "USAGOV", f"envoy {ATTACKS[4]}")
    prk = e.entity("North Korea", "country", "PRK", "North Korea")
    e.quote(f"{ATTACKS[5]} we stay.", envoy, "said")
    e.event(envoy, prk, "met", "040", 1, 1.0, "2031-06-01")
    e.event(prk, envoy, "praised", "051", 1, 3.4, "2031-06-02")
    out.append(e)
    return out


def build_store(path: Path) -> Path:
    """The fixture store at ``path`` (the writer's rows, then the extra tables)."""
    items = [StoredAnalysis(f"fixture/{d.article['id']}.txt", i + 1, d.data())
             for i, d in enumerate(drafts())]  # fmt: skip
    ingest_items(items, path, config=Config(), options=IngestOptions())
    con = duckdb.connect(str(path))
    try:
        _extra_tables(con)
    finally:
        con.close()
    return path


def _extra_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"CREATE TABLE IF NOT EXISTS event_clusters ({CLUSTER_DDL})")
    con.execute(f"CREATE TABLE IF NOT EXISTS event_cluster_members ({MEMBER_DDL})")
    con.execute(f"CREATE TABLE IF NOT EXISTS stances ({STANCE_DDL})")
    for table in ("event_clusters", "event_cluster_members", "stances"):
        con.execute(f"DELETE FROM {table}")
    # One cluster per event, except the sanctions protest reported by two outlets (c3).
    groups = {
        "c1": [("a000000000000001", "v1")],
        "c2": [("a000000000000001", "v2")],
        "c3": [("a000000000000002", "v1"), ("a000000000000003", "v1")],
        "c4": [("a000000000000002", "v2")],
        "c5": [("a000000000000004", "v1")],
        "c6": [("a000000000000004", "v2")],
        "c7": [("a000000000000005", "v1")],
        "c8": [("a000000000000005", "v2")],
    }
    for cluster_id, members in groups.items():
        for article_id, event_id in members:
            con.execute("INSERT INTO event_cluster_members VALUES (?, ?, ?)",
                        [cluster_id, article_id, event_id])  # fmt: skip
        best_article, best_event = members[0]
        con.execute(
            "INSERT INTO event_clusters (cluster_id, source_actor, target_actor, cameo, root,"
            " plover, quad_class, goldstein, modality, day, first_day, last_day, n_events,"
            " n_articles, n_outlets, first_reported, last_reported, best_article_id,"
            " best_event_id, best_sentence, date_source, undirected, duplicate)"
            " SELECT ?, source_actor, target_actor, cameo, root, plover, quad_class, goldstein,"
            " modality, day, day, day, ?, ?, ?, date, date, article_id, event_id, sentence,"
            " date_source, false, false FROM events WHERE article_id = ? AND event_id = ?",
            [cluster_id, len(members), len(members), len(members), best_article, best_event],
        )
    stances = [
        ("a000000000000001", "s1", "USAGOV", "Ann Ridley", "talks", "support", "q1"),
        ("a000000000000001", "s2", "PRKGOV", "Ri Chol", "talks", "support", "q2"),  # an act
        ("a000000000000002", "s1", "PRKGOV", "Ri Chol", "sanctions", "oppose", "q1"),
        ("a000000000000005", "s1", "USAGOV", f"envoy {ATTACKS[4]}", ATTACKS[6], "support", "q1"),
    ]
    for article_id, stance_id, code, name, issue, position, quote_id in stances:
        con.execute(
            "INSERT INTO stances (article_id, stance_id, actor, actor_code, actor_name, issue,"
            " position, evidence, quote_id, event_id, sentence, start_char, end_char,"
            " speaker_role, date, day, duplicate)"
            " SELECT q.article_id, ?, ?, ?, ?, ?, ?, [q.quote_id], q.quote_id,"
            " NULL, q.text, q.start_char, q.end_char, 'official', a.published_day::VARCHAR,"
            " a.published_day, false FROM quotes q JOIN articles a USING (article_id)"
            " WHERE q.article_id = ? AND q.quote_id = ?",
            [stance_id, name, code, name, issue, position, article_id, quote_id],
        )
