"""A small corpus written for the brief's tests (original text, not from any source): Norway
and Russia over a seized trawler, five short reports in early 2031, one of them a re-post.

Each article is a ``parley.analysis/1`` dict built by hand, offsets found in its own text, so
the store is made by the normal writer without loading a model. The tables newer than the
store's schema (event clusters, stances) are filled by ``add_clusters_and_stances`` with the
column names the brief reads.
"""

from __future__ import annotations

from typing import Any

import duckdb

NOR_RUS_TEXTS = {
    "b0": (
        "2031-01-20T11:00:00+01:00",
        "Fisheries protocol signed",
        [
            "Norway and Russia signed a fisheries protocol in Moscow on Monday.",
            "The protocol sets the quotas for the coming season.",
        ],
    ),
    "b1": (
        "2031-02-25T09:00:00+01:00",
        "Fishing talks in Oslo",
        [
            "Norway and Russia held talks on fishing quotas in Oslo on Tuesday.",
            "The two delegations praised the calm tone of the meeting.",
        ],
    ),
    "b2": (
        "2031-03-03T10:00:00+01:00",
        "Moscow accuses Oslo over trawler",
        [
            "Russia accused Norway of seizing a trawler near Svalbard on Monday.",
            "“We will not accept the seizure of our fishermen,” said Olga Petrova, "
            "a spokeswoman for the Russian foreign ministry.",
            "The two governments will meet again in Tromso on April 2 to discuss quotas.",
        ],
    ),
    "b3": (
        "2031-03-04T08:30:00+01:00",
        "Russia protests seizure",
        [
            "Russia accused Norway again over the seizure of its trawler on Monday.",
            "Olga Petrova said Moscow demanded the release of the crew before any new talks.",
        ],
    ),
    "b4": (
        "2031-03-06T15:00:00+01:00",
        "Norway frees trawler crew",
        [
            "Norway released the crew of the Russian trawler on Thursday.",
            "“The release shows our goodwill, and the quotas must be settled at the table,” "
            "said Ola Berg, Norway's foreign minister.",
        ],
    ),
}


def _text(sentences: list[str]) -> str:
    return "\n\n".join(sentences)


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _sentence(text: str, n: int, sentences: list[str]) -> tuple[str, int, int]:
    start, end = _span(text, sentences[n])
    return sentences[n], start, end


ENTITIES: dict[str, tuple[str, str, str, list[str], str | None]] = {
    # id: name, kind, actor, roles, affiliation
    "e1": ("Norway", "country", "NOR", [], None),
    "e2": ("Russia", "country", "RUS", [], None),
    "e3": ("Olga Petrova", "person", "RUSGOV", ["spokeswoman"], "e4"),
    "e4": ("Russian foreign ministry", "organization", "RUSGOV", [], None),
    "e5": ("Ola Berg", "person", "NORGOV", ["foreign minister"], None),
    "e6": ("Oslo", "location", "NOR", [], None),
}


def _entities(text: str) -> list[dict[str, Any]]:
    out = []
    for eid, (name, kind, actor, roles, affiliation) in ENTITIES.items():
        word = {"Norway": "Norway", "Russia": "Russia"}.get(name, name)
        if word not in text:
            continue
        start, end = _span(text, word)
        out.append({
            "id": eid, "name": name, "kind": kind, "actor": actor, "country": actor[:3],
            "roles": roles, "affiliation": affiliation,
            "mentions": [{"start": start, "end": end, "text": word}],
        })  # fmt: skip
    return out


def _event(
    eid: str, text: str, sentences: list[str], n: int, trigger: str, source: str, target: str,
    cameo: str, quad: int, goldstein: float, date: str, modality: str = "asserted",
) -> dict[str, Any]:  # fmt: skip
    sentence, start, end = _sentence(text, n, sentences)
    t_start = text.index(trigger, start)
    codes = {"e1": "NOR", "e2": "RUS", "e3": "RUSGOV", "e5": "NORGOV"}
    return {
        "id": eid, "source": source, "source_actor": codes[source], "target": target,
        "target_actor": codes[target], "cameo": cameo, "plover": "ACCUSE",
        "goldstein": goldstein, "quad_class": quad, "date": date, "date_source": "text",
        "modality": modality, "sentence": sentence, "start": start, "end": end,
        "trigger": [t_start, t_start + len(trigger)], "confidence": 0.9,
    }  # fmt: skip


def _quote(qid: str, text: str, content: str, speaker: str, kind: str) -> dict[str, Any]:
    start, end = _span(text, content)
    return {
        "id": qid, "text": content, "kind": kind, "speaker": speaker,
        "speaker_text": ENTITIES[speaker][0], "speaker_span": None, "cue": "said",
        "cue_span": None, "date": None, "venue": None, "start": start, "end": end,
        "fragments": [[start, end]],
    }  # fmt: skip


def analyses() -> list[dict[str, Any]]:
    """The six articles, in storage order (b5 re-posts b3 word for word)."""
    out = []
    for aid, (published, title, sentences) in NOR_RUS_TEXTS.items():
        text = _text(sentences)
        events, quotes, timexes = [], [], []
        if aid == "b0":
            events.append(_event("v1", text, sentences, 0, "signed", "e1", "e2", "057",
                                 1, 8.0, "2031-01-20"))  # fmt: skip
        if aid == "b1":
            for eid, source, target in (("v1", "e1", "e2"), ("v2", "e2", "e1")):
                events.append(_event(eid, text, sentences, 0, "held talks", source, target,
                                     "040", 1, 1.0, "2031-02-25"))  # fmt: skip
                events[-1].update(location="e6", location_text="Oslo")  # "talks ... in Oslo"
        if aid == "b2":
            events.append(_event("v1", text, sentences, 0, "accused", "e2", "e1", "112", 3, -2.0,
                                 "2031-03-03"))  # fmt: skip
            events.append(_event("v2", text, sentences, 2, "meet", "e1", "e2", "036", 1, 4.0,
                                 "2031-04-02", modality="future"))  # fmt: skip
            quotes.append(_quote("q1", text, "We will not accept the seizure of our fishermen",
                                 "e3", "direct"))  # fmt: skip
            start, end = _span(text, "April 2")
            timexes.append({"text": "April 2", "type": "DATE", "value": "2031-04-02",
                            "start": start, "end": end, "anchor": "anchor"})  # fmt: skip
        if aid == "b3":
            events.append(_event("v1", text, sentences, 0, "accused", "e2", "e1", "112", 3,
                                 -2.0, "2031-03-03"))  # fmt: skip
            quotes.append(_quote("q1", text, "Moscow demanded the release of the crew before any"
                                 " new talks", "e3", "indirect"))  # fmt: skip
        if aid == "b4":
            events.append(_event("v1", text, sentences, 0, "released", "e1", "e2", "0841", 2, 7.0,
                                 "2031-03-06"))  # fmt: skip
            quotes.append(_quote("q1", text, "The release shows our goodwill, and the quotas must"
                                 " be settled at the table", "e5", "direct"))  # fmt: skip
        out.append(_analysis(aid, published, title, text, events, quotes, timexes))
    b3 = out[3]
    repost = _analysis("b5", "2031-03-04T12:00:00+01:00", "Russia protests seizure (re-post)",
                       b3["article"]["text"], b3["events"], b3["quotes"], [])  # fmt: skip
    out.append(repost)
    return out


def _analysis(
    aid: str, published: str, title: str, text: str, events: list[dict[str, Any]],
    quotes: list[dict[str, Any]], timexes: list[dict[str, Any]],
) -> dict[str, Any]:  # fmt: skip
    article = {
        "id": aid, "source": "hand", "title": title, "subtitle": None, "genre": None,
        "published": published, "modified": None, "authors": [], "publisher": "Fjord Wire",
        "language": "en", "captions": [], "headings": [], "text": text, "url": None,
        "format": "text", "published_source": "page",
    }  # fmt: skip
    return {
        "schema": "parley.analysis/1", "article": article, "entities": _entities(text),
        "timexes": timexes, "quotes": quotes, "events": events, "stances": [], "warnings": [],
    }  # fmt: skip


STANCE_COLUMNS = """
    article_id VARCHAR, stance_id VARCHAR, actor VARCHAR, actor_code VARCHAR,
    actor_name VARCHAR, issue VARCHAR, position VARCHAR, evidence VARCHAR[], quote_id VARCHAR,
    event_id VARCHAR, sentence VARCHAR, start_char INTEGER, end_char INTEGER,
    speaker_role VARCHAR, date VARCHAR, day DATE, duplicate BOOLEAN, mode VARCHAR
"""

# (article, stance, actor entity, code, name, issue, position, quote, event, mode)
STANCES = (
    ("b2", "s1", "e3", "RUSGOV", "Olga Petrova", "fisheries", "oppose", "q1", "v1", "refusal"),
    ("b3", "s1", "e3", "RUSGOV", "Olga Petrova", "fisheries", "demand", "q1", "v1", "demand"),
    ("b5", "s1", "e3", "RUSGOV", "Olga Petrova", "fisheries", "demand", "q1", "v1", "demand"),
    ("b4", "s1", "e5", "NORGOV", "Ola Berg", "fisheries", "support", "q1", None, "statement"),
)


def add_stances(con: duckdb.DuckDBPyConnection) -> None:
    """Fill the stances table (made here while the store has none) from the stored quotes."""
    con.execute(f"CREATE TABLE IF NOT EXISTS stances ({STANCE_COLUMNS})")
    con.execute("DELETE FROM stances")
    for aid, sid, actor, code, name, issue, position, qid, eid, mode in STANCES:
        con.execute(
            "INSERT INTO stances (article_id, stance_id, actor, actor_code, actor_name, issue,"
            " position, evidence, quote_id, event_id, sentence, start_char, end_char,"
            " speaker_role, date, day, duplicate, mode)"
            " SELECT ?, ?, ?, ?, ?, ?, ?, ?, q.quote_id, ?, q.text, q.start_char, q.end_char,"
            " NULL, a.published, a.published_day, a.duplicate_of IS NOT NULL, ?"
            " FROM quotes q JOIN articles a USING (article_id)"
            " WHERE q.article_id = ? AND q.quote_id = ?",
            [aid, sid, actor, code, name, issue, position, [qid], eid, mode, aid, qid],
        )
