"""The brief's small parts: wording, passages, dates worth watching."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from parley.brief.cite import ELLIPSIS, excerpt, sentence_around
from parley.brief.overview import lead_span
from parley.brief.phrases import Phrases, fields_of, signed
from parley.brief.state import previous_period
from parley.brief.watch import value_range
from parley.errors import KnowledgeBaseError

PACKAGE = Path(__file__).resolve().parents[2] / "parley" / "brief"


@pytest.fixture(scope="module")
def phrases() -> Phrases:
    return Phrases.load()


def test_brief_every_template_the_code_names_exists(phrases: Phrases) -> None:
    keys: set[str] = set()
    for path in PACKAGE.glob("*.py"):
        source = path.read_text("utf-8")
        keys |= set(re.findall(r"""(?:say|template|sentence|_event_sentence)\(\s*(?:ctx, )?"""
                               r"""(?:[a-z_]+, )?"([a-z_]+\.[a-z_]+)\"""", source))  # fmt: skip
        keys |= set(re.findall(r'"((?:state|events|watch|overview|stances|voices)\.[a-z_]+)"',
                               source))  # fmt: skip
    assert len(keys) > 30
    for key in sorted(keys):
        phrases.template(key)  # raises for a template that is not in phrases.toml


def test_brief_templates_fail_loudly_when_a_value_is_missing(phrases: Phrases) -> None:
    assert fields_of(phrases.template("trend.rose")) == ["before", "after"]
    assert phrases.say("trend.rose", before="1", after="2") == "rose from 1 to 2"
    with pytest.raises(KnowledgeBaseError, match="needs after"):
        phrases.say("trend.rose", before="1")
    with pytest.raises(KnowledgeBaseError, match="no template"):
        phrases.template("trend.nowhere")


def test_brief_nouns_and_numbers(phrases: Phrases) -> None:
    assert phrases.noun("report", 1) == "1 report"
    assert phrases.noun("report", 1234) == "1,234 reports"
    assert (signed(1.0), signed(-0.5), signed(None)) == ("+1.00", "-0.50", "n/a")
    assert phrases.position("condition") == "sets conditions on"


def test_brief_watch_words(phrases: Phrases) -> None:
    assert phrases.watch_label("The two sides will meet again in May.") == "meeting"
    assert phrases.watch_label("The deadline expires on Friday.") == "deadline"
    assert phrases.watch_label("Prices rose in May.") is None
    assert phrases.looks_ahead("They will talk later this month.")
    assert not phrases.looks_ahead("They talked this month.")


@pytest.mark.parametrize(
    ("value", "span"),
    [
        ("2024-05-03", (date(2024, 5, 3), date(2024, 5, 3))),
        ("2024-05-03T10:00", (date(2024, 5, 3), date(2024, 5, 3))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2024", (date(2024, 1, 1), date(2024, 12, 31))),
        ("2024-W01", (date(2024, 1, 1), date(2024, 1, 7))),
        ("2024-Q4", (date(2024, 10, 1), date(2024, 12, 31))),
        ("2024-H1", (date(2024, 1, 1), date(2024, 6, 30))),
        ("2024-SU", None),
        ("PRESENT_REF", None),
        ("P3D", None),
        ("2024-02-30", None),
        (None, None),
    ],
)
def test_brief_value_range(value: str | None, span: tuple[date, date] | None) -> None:
    assert value_range(value) == span


def test_brief_excerpt_is_a_verbatim_prefix() -> None:
    text = "The  talks\nended. " + "word " * 200
    cut = excerpt(text, 60)
    assert len(cut) <= 61 and cut.endswith(ELLIPSIS)
    assert " ".join(text.split()).startswith(cut.removesuffix(ELLIPSIS))
    assert excerpt("Short one.") == "Short one."


def test_brief_sentence_around_a_span() -> None:
    text = "First one. The talks resume on May 2 in Geneva. Last one.\n\nNext paragraph."
    start = text.index("May 2")
    left, right = sentence_around(text, start, start + 5)
    assert text[left:right] == "The talks resume on May 2 in Geneva."
    para = text.index("Next")
    assert text[slice(*sentence_around(text, para, para + 4))] == "Next paragraph."


def test_brief_lead_is_the_first_paragraph_cut_after_a_sentence() -> None:
    short = "One paragraph here.\n\nAnother."
    assert short[slice(*lead_span(short))] == "One paragraph here."
    long = ("A sentence of some length. " * 30).strip()
    start, end = lead_span(long)
    assert long[end - 1] == "." and end - start <= 420


def test_brief_previous_period_has_the_same_length() -> None:
    assert previous_period(date(2012, 1, 1), date(2012, 12, 31)) == (
        date(2011, 1, 1), date(2011, 12, 31))  # fmt: skip
    assert previous_period(date(2031, 3, 1), date(2031, 3, 1)) == (
        date(2031, 2, 28), date(2031, 2, 28))  # fmt: skip
    assert previous_period(date(2011, 10, 1), date(2012, 6, 30)) == (
        date(2011, 1, 1), date(2011, 9, 30))  # fmt: skip
    assert previous_period(date(2012, 3, 1), date(2012, 3, 31)) == (
        date(2012, 2, 1), date(2012, 2, 29))  # fmt: skip


def test_brief_quoted_passages_lose_their_own_quotation_marks() -> None:
    from parley.brief.cite import unquoted

    assert unquoted('"We will not stop it,"') == "We will not stop it"
    assert unquoted("“A,” he said. “B.”") == "A,” he said. “B."
    assert unquoted("no marks") == "no marks"


def test_brief_a_side_s_own_words_come_before_another_voice_s_report_of_it() -> None:
    from parley.brief.positions import _strength

    def row(stance: str, reported_by: str | None, kind: str) -> dict[str, object]:
        return {
            "stance_id": stance, "reported_by": reported_by, "quote_id": "q" + stance,
            "quote_kind": kind, "quote_start": 0, "quote_end": 120, "start": 0, "end": 120,
            "day": date(2031, 5, 2), "seq": 1,
        }  # fmt: skip

    # An adversary's direct quote about the side's drills, the side's own indirect statement.
    reported = row("a", "ent-7", "direct")
    own = row("b", None, "indirect")
    assert sorted([reported, own], key=_strength)[0] is own
    # Without the column (an older store), the quote's kind decides as before.
    older = [row("c", None, "indirect"), row("d", None, "direct")]
    assert sorted(older, key=_strength)[0]["stance_id"] == "d"


def test_brief_a_long_quote_is_shown_where_it_gives_the_stance() -> None:
    from parley.brief.positions import _passage

    # A statement quoted over several paragraphs; the stance's sentence is its third.
    row = {"quote_id": "q1", "quote_start": 100, "quote_end": 900, "start": 400, "end": 520}
    assert _passage(row) == (400, 520)
    # A quote in another sentence than the stance's (its cue's): the quote, whole.
    apart = {**row, "start": 950, "end": 1000}
    assert _passage(apart) == (100, 900)
    assert _passage({**row, "quote_id": None}) == (400, 520)


def test_brief_words_that_name_the_issue_come_before_words_carried_onto_it() -> None:
    from parley.brief.positions import _strength

    def row(stance: str, basis: str, kind: str | None) -> dict[str, object]:
        return {
            "stance_id": stance, "reported_by": None, "quote_id": kind and "q" + stance,
            "quote_kind": kind, "quote_start": 0, "quote_end": 120, "start": 0, "end": 120,
            "day": date(2031, 5, 2), "seq": 1, "basis": basis,
        }  # fmt: skip

    # A direct quote carried onto the tariffs from the story's context ("we see no reason to
    # talk further") and the narration's own sentence about the tariffs.
    carried = row("a", "context", "direct")
    named = row("b", "text", None)
    assert sorted([carried, named], key=_strength)[0] is named


@pytest.mark.parametrize(
    ("dates", "past"),
    [
        (["1998-08"], True),  # "launched its first satellite in August 1998"
        (["2000", "2007"], True),  # "provided the summits in 2000 and 2007"
        (["2000", "2031-05-01"], False),  # a recent date too: today's matter
        (["PRESENT_REF"], False),  # "in force since 2008", as the query marks it
        (["PAST_REF"], False),  # "recently": no calendar range
        (["2030-07"], False),  # ten months back: still current
        ([], False),  # no date at all
        (None, False),  # an older store: no dates read
    ],
)
def test_brief_a_stance_told_only_with_old_dates_is_history(
    dates: list[str] | None, past: bool
) -> None:
    from parley.brief.positions import history

    assert history({"day": date(2031, 5, 2), "dates": dates}) is past


def test_brief_an_intergovernmental_body_is_its_own_side_named_as_a_body() -> None:
    from types import SimpleNamespace

    import duckdb

    from parley.brief.positions import _side
    from parley.brief.queries import Scope, actor_names

    ctx: Any = SimpleNamespace(scope=Scope(article_id="a1"), kind="article")
    assert _side(ctx, {"actor_code": "IGOUNOSEC", "actor_name": "Council"}) == "IGOUNO"
    assert _side(ctx, {"actor_code": "NORGOV", "actor_name": "Ministry"}) == "NOR"
    con = duckdb.connect()
    con.execute("CREATE TABLE entities (actor VARCHAR, name VARCHAR, kind VARCHAR)")
    con.execute(
        "INSERT INTO entities VALUES ('IGOUNO', 'Ana Secretary', 'person'),"
        " ('IGOUNO', 'Ana Secretary', 'person'), ('IGOUNO', 'United Nations', 'organization')"
    )
    assert actor_names(con, ["IGOUNO"]) == {"IGOUNO": "United Nations"}
