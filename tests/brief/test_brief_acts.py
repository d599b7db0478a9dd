"""The brief quotes statements: a quote marked ``act`` (a stance or act reported, "praised the
patience of the crew", not something said) is no speaker's quoted line, and a stance resting
on one quotes its sentence, not the act's words as if said."""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
import pytest

from parley.brief import corpus_brief
from parley.brief.model import Brief
from parley.config import Config
from tests.brief.corpus import _analysis, _event, _span, _text, add_stances, analyses

# Original text written for this test: Olga Petrova does something (an act), says nothing.
ACT_SENTENCE = "Olga Petrova praised the patience of the detained fishermen and their families."
ACT_WORDS = "the patience of the detained fishermen and their families"
# An event between the two, so the article is in the dyad brief's scope.
SENTENCES = [ACT_SENTENCE, "Russia accused Norway of cruelty to the crew on Saturday."]
TEXT = _text(SENTENCES)
PERIOD = (date(2031, 3, 1), date(2031, 3, 10))


def _with_act() -> list[dict[str, Any]]:
    out = analyses()
    start, end = _span(TEXT, ACT_WORDS)
    act = {
        "id": "q1", "text": ACT_WORDS, "kind": "indirect", "speaker": "e3",
        "speaker_text": "Olga Petrova", "speaker_span": [0, 12], "cue": "praised",
        "cue_span": [13, 20], "date": None, "venue": None, "start": start, "end": end,
        "fragments": [[start, end]], "act": True,
    }  # fmt: skip
    event = _event("v1", TEXT, SENTENCES, 1, "accused", "e2", "e1", "112", 3, -2.0,
                   "2031-03-08")  # fmt: skip
    out.append(_analysis("b6", "2031-03-08T10:00:00+01:00", "Petrova on the fishermen",
                         TEXT, [event], [act], []))  # fmt: skip
    return out


@pytest.fixture(scope="module")
def brief(tmp_path_factory: pytest.TempPathFactory) -> Brief:
    from parley.sources.corpus import StoredAnalysis
    from parley.store.ingest import IngestOptions, ingest_items

    db = tmp_path_factory.mktemp("acts") / "acts.duckdb"
    items = [StoredAnalysis("hand.jsonl", n, d) for n, d in enumerate(_with_act(), 1)]
    ingest_items(items, db, config=Config(), options=IngestOptions())
    con = duckdb.connect(str(db))
    try:
        add_stances(con)
        # Russia's position on the crew rests on the act alone.
        con.execute(
            "INSERT INTO stances (article_id, stance_id, actor, actor_code, actor_name, issue,"
            " position, evidence, quote_id, event_id, sentence, start_char, end_char,"
            " speaker_role, date, day, duplicate, mode) VALUES ('b6', 's1', 'e3', 'RUSGOV',"
            " 'Olga Petrova', 'detention', 'oppose', ['q1'], 'q1', NULL, ?, 0, ?, NULL,"
            " '2031-03-08', DATE '2031-03-08', false, 'statement')",
            [ACT_SENTENCE, len(ACT_SENTENCE)],
        )
        return corpus_brief(con, "NOR", "RUS", *PERIOD)
    finally:
        con.close()


def test_brief_acts_are_not_a_voice_s_quoted_lines(brief: Brief) -> None:
    voices = brief.section("voices")
    assert voices is not None
    petrova = next(s for s in voices.sentences if s.text.startswith("Olga Petrova"))
    assert petrova.figure("quotes") == 2 and petrova.figure("quote_articles") == 2
    assert all(c.article_id != "b6" for c in petrova.citations)
    assert not any(ACT_WORDS in s.text for s in voices.sentences)


def test_brief_stance_on_an_act_quotes_its_sentence(brief: Brief) -> None:
    positions = brief.section("positions")
    assert positions is not None
    found = [s for s in positions.sentences if any(c.article_id == "b6" for c in s.citations)]
    assert found, "the stance resting on the act is not in the brief"
    sentence = found[0]
    assert sentence.quotes == (ACT_SENTENCE,)
    assert f"“{ACT_SENTENCE}”." in sentence.text  # no speaker named as if it said it
    evidence = {e.table for c in sentence.citations for e in c.evidence}
    assert evidence >= {"stances", "quotes"}  # the act is still cited as evidence
