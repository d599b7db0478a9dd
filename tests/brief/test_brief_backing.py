"""Every sentence of a brief is backed by stored records, and a brief of an empty period says
so rather than inventing (issue 13, part 4)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest

from parley.brief import article_brief, corpus_brief, render
from parley.brief.model import Brief, Evidence, Section, Sentence
from tests.brief.backing import problems

PERIOD = (date(2031, 3, 1), date(2031, 3, 10))


def briefs(con: duckdb.DuckDBPyConnection) -> list[Brief]:
    out = [
        corpus_brief(con, "NOR", "RUS", *PERIOD),
        corpus_brief(con, "rus", "nor"),  # the period taken from the dyad's events
        corpus_brief(con, "NOR", "RUS", date(2031, 2, 1), date(2031, 3, 31)),
        corpus_brief(con, "NOR", "RUS", date(2031, 1, 1), date(2031, 3, 31)),
    ]
    out += [article_brief(con, aid) for aid in ("b0", "b1", "b2", "b3", "b4", "b5")]
    return out


def test_brief_every_sentence_is_backed_by_a_stored_record(con: duckdb.DuckDBPyConnection) -> None:
    for brief in briefs(con):
        assert problems(con, brief) == [], brief.title
        cited = [s for s in brief.sentences() if s.citations]
        assert len(cited) >= 4, brief.title


def test_brief_backing_check_catches_an_invented_sentence(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # The check itself must fail on what a brief must never contain.
    real = corpus_brief(con, "NOR", "RUS", *PERIOD)
    cited = next(s for s in real.sentences() if s.citations and s.quotes)
    good = cited.citations[0]
    invented = "a quote nobody said"
    unstored = replace(good, evidence=(Evidence("events", "v99"),))
    misdated = replace(good, published="1999-01-01")
    bad = [
        Sentence("Norway invaded Russia."),
        Sentence(cited.text.replace(cited.quotes[0], invented), cited.citations, (invented,)),
        Sentence("7 events.", (good,), figures=()),
        Sentence(cited.text, (unstored,), quotes=cited.quotes),
        Sentence(cited.text, (misdated,), quotes=cited.quotes),
    ]
    for sentence in bad:
        fake = Brief("corpus", "x", (Section("events", "x", (sentence,)),), dyad=("NOR", "RUS"),
                     since=PERIOD[0], until=PERIOD[1])  # fmt: skip
        assert problems(con, fake), sentence.text


def test_brief_counts_leave_out_the_near_duplicate(con: duckdb.DuckDBPyConnection) -> None:
    brief = corpus_brief(con, "NOR", "RUS", *PERIOD)
    state = brief.section("state")
    assert state is not None
    totals = state.sentences[0]
    # b2's accusation, b3's protest, b4's release; b5 (a re-post of b3) is not counted.
    assert (totals.figure("events"), totals.figure("conflict"), totals.figure("coop")) == (3, 2, 1)
    assert "b5" not in {c.article_id for s in brief.sentences() for c in s.citations}


def test_brief_compares_with_the_previous_period(con: duckdb.DuckDBPyConnection) -> None:
    brief = corpus_brief(con, "NOR", "RUS", *PERIOD)
    text = render(brief, "md")
    assert "Against the previous 10 days (2031-02-19 to 2031-02-28)" in text
    assert "cooperation fell from 2 to 1 and conflict rose from 0 to 2" in text


def test_brief_names_the_months_where_the_relationship_turned(
    con: duckdb.DuckDBPyConnection,
) -> None:
    brief = corpus_brief(con, "NOR", "RUS", date(2031, 1, 1), date(2031, 3, 31))
    state = brief.section("state")
    assert state is not None
    turns = [s for s in state.sentences if s.figure("turn_events") is not None]
    assert [s.text[:60] for s in turns] == [
        "In 2031-02 the relationship turned toward conflict against 2",
        "In 2031-03 the relationship turned toward conflict against 2",
    ]
    assert all(s.citations for s in turns)


def test_brief_of_an_empty_period_says_so(con: duckdb.DuckDBPyConnection) -> None:
    brief = corpus_brief(con, "NOR", "RUS", date(2030, 1, 1), date(2030, 1, 31))
    sentences = list(brief.sentences())
    assert sentences and all(s.absent and not s.citations for s in sentences)
    assert problems(con, brief) == []
    text = render(brief, "md")
    assert "The store holds no article reporting events between Norway and Russia" in text
    assert "The store holds no asserted events between Norway and Russia from 2030-01-01" in text
    assert "## Sources" not in text  # nothing cited, nothing listed


def test_brief_of_a_dyad_never_seen_says_so(con: duckdb.DuckDBPyConnection) -> None:
    brief = corpus_brief(con, "NOR", "CHN")
    assert [s.text for s in brief.sentences()] == [
        "The store holds no events between Norway and CHN."
    ]


def test_brief_key_events_count_reports_and_tell_symmetric_acts_once(
    con: duckdb.DuckDBPyConnection,
) -> None:
    brief = corpus_brief(con, "NOR", "RUS", date(2031, 2, 1), date(2031, 3, 31))
    events = brief.section("events")
    assert events is not None
    texts = [s.text for s in events.sentences]
    first = "2031-02-25: between Norway and Russia, consult (CAMEO 040) in Oslo; 1 report"
    assert texts[0].startswith(first)
    protest = next(s for s in events.sentences if "2 reports" in s.text)
    assert {c.article_id for c in protest.citations} == {"b2", "b3"}
    assert [t[:10] for t in texts] == sorted(t[:10] for t in texts)  # in date order


def test_brief_of_one_article_quotes_its_own_report(con: duckdb.DuckDBPyConnection) -> None:
    brief = article_brief(con, "b2")
    events = brief.section("events")
    assert events is not None
    assert events.sentences[0].citations[0].article_id == "b2"
    watch = brief.section("watch")
    assert watch is not None and "2031-04-02" in watch.sentences[0].text


def test_brief_positions_take_the_side_s_main_position(con: duckdb.DuckDBPyConnection) -> None:
    brief = corpus_brief(con, "NOR", "RUS", *PERIOD)
    positions = brief.section("positions")
    assert positions is not None
    texts = [s.text for s in positions.sentences]
    assert texts[0].startswith("Norway supports fisheries (1 statement in 1 article)")
    first = (
        "Russia opposes fisheries (1 statement in 1 article, among them 1 refusal; also 1 demand)"
    )
    assert texts[1].startswith(first)
    assert "Olga Petrova, spokeswoman" in texts[1]


def test_brief_of_an_older_store_says_what_is_missing(old_store: Path) -> None:
    con = duckdb.connect(str(old_store), read_only=True)
    try:
        brief = corpus_brief(con, "NOR", "RUS", *PERIOD)
        assert problems(con, brief) == []
    finally:
        con.close()
    for key, words in (("events", "no event clusters"), ("positions", "no stances table")):
        section = brief.section(key)
        assert section is not None
        assert len(section.sentences) == 1 and section.sentences[0].absent
        assert words in section.sentences[0].text


def test_brief_unknown_article_and_reversed_period_are_errors(
    con: duckdb.DuckDBPyConnection,
) -> None:
    from parley.errors import InputError

    with pytest.raises(InputError, match="no article"):
        article_brief(con, "nope")
    with pytest.raises(InputError, match="ends"):
        corpus_brief(con, "NOR", "RUS", date(2031, 3, 10), date(2031, 3, 1))
    with pytest.raises(InputError, match="actor code"):
        corpus_brief(con, "NOR", "R'S")


def test_brief_key_event_reported_for_weeks_tells_its_latest_report(
    con: duckdb.DuckDBPyConnection,
) -> None:
    from parley.brief.build import _context
    from parley.brief.events import _latest
    from parley.brief.queries import Scope

    ctx = _context(con, Scope(dyad=("NOR", "RUS"), since=PERIOD[0], until=PERIOD[1]), "corpus",
                   PERIOD[1], None)  # fmt: skip
    rows = con.execute(
        "SELECT article_id, event_id, start_char, end_char FROM events"
        " WHERE article_id IN ('b1', 'b2', 'b3') AND event_id = 'v1' ORDER BY article_id"
    ).fetchall()
    report = [{"article_id": a, "event_id": e, "start": s, "end": t, "trigger_start": None,
               "trigger_end": None} for a, e, s, t in rows]  # fmt: skip
    group = [{**report[0], "cluster_id": "c"}]
    weeks = {"c": [report[0] | {"published": date(2031, 3, 1)},
                   report[1] | {"published": date(2031, 3, 3)},
                   report[2] | {"published": date(2031, 4, 20)}]}  # fmt: skip
    text, quotes = _latest(ctx, group, weeks)
    assert text == f" The latest report, of 2031-04-20: “{quotes[0]}”"
    assert quotes[0].startswith("Russia accused Norway again")
    days = {"c": [m | {"published": date(2031, 3, 3)} for m in weeks["c"]]}
    assert _latest(ctx, group, days) == ("", ())  # a story of a few days: no latest report


def test_brief_positions_say_how_many_are_held_on_a_condition(
    brief_store: Path, tmp_path: Path
) -> None:
    store = tmp_path / "conditions.duckdb"
    store.write_bytes(brief_store.read_bytes())
    con = duckdb.connect(str(store))
    try:
        con.execute(
            "UPDATE stances SET condition = 'if the quotas are not cut first'"
            " WHERE actor_code = 'NORGOV'"
        )
        brief = corpus_brief(con, "NOR", "RUS", *PERIOD)
    finally:
        con.close()
    positions = brief.section("positions")
    assert positions is not None
    assert positions.sentences[0].text.startswith(
        "Norway supports fisheries (1 statement in 1 article, among them 1 on a condition)"
    )


def test_brief_stance_rows_carry_the_dates_their_sentence_names(
    brief_store: Path, tmp_path: Path
) -> None:
    """The dates a stance's sentence names, one written after "since" marked as reaching the
    present (so "in force since 2001" is no history)."""
    from parley.brief.queries import Scope, stance_rows

    store = tmp_path / "dates.duckdb"
    store.write_bytes(brief_store.read_bytes())
    con = duckdb.connect(str(store))
    try:
        start, end = con.execute(
            "SELECT start_char, end_char FROM stances WHERE article_id = 'b4'"
        ).fetchone() or (0, 0)
        assert end - start > 20
        text = con.execute("SELECT text FROM articles WHERE article_id = 'b4'").fetchone()
        assert text is not None
        written = text[0][:start] + "since 2001" + text[0][start + 10 :]
        con.execute("UPDATE articles SET text = ? WHERE article_id = 'b4'", [written])
        columns = "article_id, timex_index, text, type, value, start_char, end_char"
        con.execute(
            f"INSERT INTO timexes ({columns}) VALUES ('b4', 90, '2001', 'DATE', '2001', ?, ?),"
            " ('b4', 91, 'x', 'DATE', '1999-03', ?, ?)",
            [start + 6, start + 10, start + 12, start + 14],
        )
        rows = stance_rows(con, Scope(article_id="b4"))
    finally:
        con.close()
    assert sorted(rows[0]["dates"]) == ["1999-03", "PRESENT_REF"]
