"""Dates: a time expression governing the clause, else the publication date."""

from __future__ import annotations

import pytest

from parley.records import Timex
from tests.events.conftest import Code

ACTORS = {"Mordor": "MOR", "Gondor": "GON"}


def _timex(text: str, words: str, value: str) -> Timex:
    start = text.index(words)
    return Timex(words, "DATE", value, start, start + len(words))


def test_dates_from_governing_timex(code: Code) -> None:
    text = "During a meeting on Nov. 9, Gondor urged Mordor to stop."
    events = code(text, ACTORS, (_timex(text, "Nov. 9", "2018-11-09"),))
    assert [(e.date, e.date_source) for e in events] == [("2018-11-09", "text")]


def test_dates_fall_back_to_publication(code: Code) -> None:
    events = code("Gondor urged Mordor to stop.", ACTORS)
    assert [(e.date, e.date_source) for e in events] == [("2018-11-12", "published")]


def test_dates_none_without_any_date(code: Code) -> None:
    events = code("Gondor urged Mordor to stop.", ACTORS, published=None)
    assert [(e.date, e.date_source) for e in events] == [(None, None)]


def test_dates_timex_of_other_clause_not_used(code: Code) -> None:
    text = "Gondor, which signed a treaty on March 3, criticized Mordor."
    events = code(text, ACTORS, (_timex(text, "March 3", "2018-03-03"),))
    criticism = [e for e in events if e.cameo.startswith("11")]
    assert [(e.date, e.date_source) for e in criticism] == [("2018-11-12", "published")]


@pytest.mark.parametrize(
    ("text", "day", "value", "dated"),
    [
        # The day hangs on the second of two conjoined nouns: conjoined nouns are one clause,
        # conjoined verbs are not.
        (
            "Gondor praised the Rohan envoys and the Mordor diplomats at the talks on Nov. 9.",
            "Nov. 9", "2018-11-09", ("2018-11-09", "text"),
        ),
        # A day that names another thing is that thing's ...
        (
            "Gondor urged Mordor to implement the Nov. 3 declaration.",
            "Nov. 3", "2018-11-03", ("2018-11-12", "published"),
        ),
        # ... unless the event happened during the thing.
        (
            "Gondor attacked Mordor during the Nov. 3 vote.",
            "Nov. 3", "2018-11-03", ("2018-11-03", "text"),
        ),
    ],
)  # fmt: skip
def test_dates_day_in_a_noun_phrase(
    code: Code, text: str, day: str, value: str, dated: tuple[str, str]
) -> None:
    events = code(text, ACTORS, (_timex(text, day, value),))
    assert events and {(e.date, e.date_source) for e in events} == {dated}


def test_dates_conjoined_verbs_share_the_day_said_after_them(code: Code) -> None:
    text = "Gondor met and had a talk with Mordor in Minas on Nov. 9."
    events = code(text, ACTORS, (_timex(text, "Nov. 9", "2018-11-09"),))
    assert len(events) >= 2
    assert {(e.date, e.date_source) for e in events} == {("2018-11-09", "text")}


def test_dates_reported_event_takes_saying_date(code: Code) -> None:
    text = "On Nov. 10, Gondor said that Mordor attacked its border posts."
    events = code(text, ACTORS, (_timex(text, "Nov. 10", "2018-11-10"),))
    assert [(e.cameo[:2], e.date) for e in events] == [("19", "2018-11-10")]


@pytest.mark.parametrize(
    ("text", "timexes", "word", "expected"),
    [
        # A week is written as the month of its Thursday (dates are days, months or years).
        ("Last week Gondor criticized Mordor for the raids.", (("Last week", "2018-W45"),),
         "criticized", ("2018-11", "text")),
        # A time the act is placed before or after is no time of the act.
        ("Gondor criticized Mordor ahead of next week's vote.",
         (("next week", "2018-W47"),), "criticized", ("2018-11-12", "published")),
        ("After Tuesday's vote Gondor criticized Mordor.", (("Tuesday", "2018-11-06"),),
         "criticized", ("2018-11-12", "published")),
        # An act told in the past cannot lie after publication: history whose year the text
        # does not give ("in December the following year").
        ("In December Gondor attacked Mordor.", (("December", "2018-12"),), "attacked",
         (None, None)),
        # A time inside a quoted title the act is outside of is the title's ...
        ('Gondor praised the film "Mordor in the Days of May" and criticized Mordor.',
         (("May", "2018-05"),), "criticized", ("2018-11-12", "published")),
        # ... and a year that names a thing after a possessive is the thing's.
        ("Gondor criticized Mordor, said an aide of Rohan's 2016 campaign.",
         (("2016", "2016"),), "criticized", ("2018-11-12", "published")),
        # A day in a proper name is the name's, even as the place of the act.
        ("Gondor met Mordor at the May 9 House of Culture on Nov. 5.",
         (("May 9", "2018-05-09"), ("Nov. 5", "2018-11-05")), "met", ("2018-11-05", "text")),
        # Both ends of a range that names a period name it.
        ("Meetings took place in Gondor to denounce the hostile policy of Mordor on the "
         "occasion of the June 25-July 27 month of anti-Mordor joint struggle.",
         (("June 25", "2018-06-25"), ("July 27", "2018-07-27")), "denounce",
         ("2018-11-12", "published")),
        # A reported act in the perfect was done before the report: the report's day is not its.
        ("On Nov. 10, Gondor said that Mordor had attacked its border posts.",
         (("Nov. 10", "2018-11-10"),), "attacked", (None, None)),
        ("Gondor reported on Nov. 10 that Mordor has attacked its border posts.",
         (("Nov. 10", "2018-11-10"),), "attacked", (None, None)),
    ],
)  # fmt: skip
def test_dates_times_that_are_not_the_acts(
    code: Code,
    text: str,
    timexes: tuple[tuple[str, str], ...],
    word: str,
    expected: tuple[str | None, str | None],
) -> None:
    found = tuple(_timex(text, words, value) for words, value in timexes)
    events = code(text, ACTORS, found)
    dated = {(e.date, e.date_source) for e in events if text[e.trigger[0] : e.trigger[1]] == word}
    assert dated == {expected}


def _dated(code: Code, text: str, day: str, value: str, word: str) -> set[tuple[str, str]]:
    """(date, date_source) of the events whose trigger is ``word``, with ``day`` a timex."""
    events = code(text, ACTORS, (_timex(text, day, value),))
    return {(e.date, e.date_source) for e in events if text[e.trigger[0] : e.trigger[1]] == word}


@pytest.mark.parametrize(
    ("text", "day", "value", "word", "expected"),
    [
        # A report names its occasion's day once and then tells it.
        ("Gondor met Mordor in Osgiliath on Nov. 8. Gondor urged Mordor to stop the raids.",
         "Nov. 8", "2018-11-08", "urged", ("2018-11-08", "context")),
        # A day over a month before publication is history, not the story's occasion.
        ("Gondor met Mordor in Osgiliath on Sept. 2. Gondor urged Mordor to stop the raids.",
         "Sept. 2", "2018-09-02", "urged", ("2018-11-12", "published")),
        # An act going on as the story is written is the publication day's.
        ("Gondor met Mordor in Osgiliath on Nov. 2. Gondor is urging Mordor to stop the raids.",
         "Nov. 2", "2018-11-02", "urging", ("2018-11-12", "published")),
        # So is a state named by a noun on a verb in the simple present: in force as the
        # story is written.
        ("Gondor met Mordor in Osgiliath on Nov. 2. Gondor says Mordor persists in its "
         "sanctions against Gondor.",
         "Nov. 2", "2018-11-02", "sanctions", ("2018-11-12", "published")),
        ("Gondor met Mordor in Osgiliath on Nov. 2. The only threat to Gondor is the "
         "blockade by Mordor.",
         "Nov. 2", "2018-11-02", "threat", ("2018-11-12", "published")),
        # A lead with no day is dated by the sentence after it.
        ("Gondor slammed Mordor for the raids. The council of Gondor issued a statement on "
         "Nov. 6.",
         "Nov. 6", "2018-11-06", "slammed", ("2018-11-06", "context")),
        # Not by a later sentence, nor is a dateline an occasion.
        ("Gondor slammed Mordor for the raids. Envoys came. The council of Gondor issued a "
         "statement on Nov. 6.",
         "Nov. 6", "2018-11-06", "slammed", ("2018-11-12", "published")),
        ("Osgiliath, November 10 (GNA) -- Gondor urged Mordor to stop the raids.",
         "November 10", "2018-11-10", "urged", ("2018-11-12", "published")),
        # A day naming a thing is no occasion.
        ("Gondor honoured the Nov. 3 declaration. Gondor urged Mordor to stop the raids.",
         "Nov. 3", "2018-11-03", "urged", ("2018-11-12", "published")),
        # An event noun as subject takes its predicate's date.
        ("The talks between Gondor and Mordor took place in Osgiliath on Nov. 1.",
         "Nov. 1", "2018-11-01", "talks", ("2018-11-01", "text")),
    ],
)  # fmt: skip
def test_dates_story_occasion(
    code: Code, text: str, day: str, value: str, word: str, expected: tuple[str, str]
) -> None:
    assert _dated(code, text, day, value, word) == {expected}


def test_dates_day_in_relative_clause_is_no_occasion(code: Code) -> None:
    text = "Gondor, which signed a treaty on Nov. 3, criticized Mordor."
    events = code(text, ACTORS, (_timex(text, "Nov. 3", "2018-11-03"),))
    criticism = [e for e in events if e.cameo.startswith("11")]
    assert [(e.date, e.date_source) for e in criticism] == [("2018-11-12", "published")]


def test_dates_range_of_days_gives_its_first_day(code: Code) -> None:
    text = "Between Nov. 4 and 6, Gondor urged Mordor to stop."
    timexes = (_timex(text, "Nov. 4", "2018-11-04"), _timex(text, "6", "2018-11-06"))
    events = code(text, ACTORS, timexes)
    assert [(e.date, e.date_source) for e in events] == [("2018-11-04", "text")]


@pytest.mark.parametrize(
    "text",
    [
        "Gondor previously urged Mordor to stop.",
        "Gondor has already urged Mordor to stop.",
        "In the past Gondor urged Mordor to stop.",
        # The setting parsed as the subject's: still the act's.
        "The envoy of Gondor in a recent interview urged Mordor to stop.",
        # A recent day the text does not give.
        "Gondor criticized Mordor the other day.",
        "Gondor criticized Mordor some days ago.",
        "Shortly ago Gondor urged Mordor to stop.",
        # An act put before the story's own, on a day not given.
        "Earlier, Gondor urged Mordor to stop.",
    ],
)
def test_dates_background_acts_have_no_day(code: Code, text: str) -> None:
    events = code(text, ACTORS)
    assert [(e.date, e.date_source) for e in events] == [(None, None)]


def test_dates_recent_thing_elsewhere_keeps_the_day(code: Code) -> None:
    events = code("Gondor urged Mordor to answer the recent letter.", ACTORS)
    assert [(e.date, e.date_source) for e in events][:1] == [("2018-11-12", "published")]


def test_dates_opening_participle_sets_the_day(code: Code) -> None:
    text = "Touring the harbour on March 3, Gondor urged Mordor to stop."
    events = code(text, ACTORS, (_timex(text, "March 3", "2018-03-03"),))
    urging = [e for e in events if e.cameo.startswith("02")]
    assert [(e.date, e.date_source) for e in urging] == [("2018-03-03", "text")]


def test_dates_year_as_an_object_is_no_time(code: Code) -> None:
    text = "Gondor vowed to Mordor to celebrate 2019 as a year of peace."
    events = code(text, ACTORS, (_timex(text, "2019", "2019"),))
    assert {(e.date, e.date_source) for e in events} == {("2018-11-12", "published")}


# Five sentences without events: what follows them is past the story's lead.
LEAD = (
    "Rain fell on the harbour. The markets were quiet. Ships waited at anchor. "
    "The river rose in the night. The bridges stayed open. "
)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # An act in the perfect past the lead is background told in passing ...
        (LEAD + "Gondor has accused Mordor of stealing grain.", "accused", (None, None)),
        (LEAD + "Gondor has been criticizing Mordor for its raids.", "criticizing", (None, None)),
        # ... and in a relative clause, or in the past perfect, anywhere.
        ("Rohan, which Gondor has accused of theft, criticized Mordor.", "accused", (None, None)),
        ("Gondor had urged Mordor to stop the raids.", "urged", (None, None)),
        # A wish for what should have been is no act of any day.
        ("Gondor should have criticized Mordor for the raids.", "criticized", (None, None)),
        # A lead gives its news in the present perfect.
        ("Gondor has urged Mordor to stop the raids.", "urged", ("2018-11-12", "published")),
        # The simple past past the lead is the day's news.
        (LEAD + "Gondor accused Mordor of stealing grain.", "accused", ("2018-11-12", "published")),
    ],
)  # fmt: skip
def test_dates_perfect_is_background_after_the_lead(
    code: Code, text: str, word: str, expected: tuple[str | None, str | None]
) -> None:
    events = code(text, ACTORS | {"Rohan": "ROH"})
    dated = {(e.date, e.date_source) for e in events if text[e.trigger[0] : e.trigger[1]] == word}
    assert dated == {expected}


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # A noun or participle takes the time of the verb it hangs on: background here ...
        (LEAD + "Gondor has faced criticism from Mordor over the raids.", "criticism",
         (None, None)),
        (LEAD + "Gondor has taken heat from Mordor envoys demanding an end to the raids.",
         "demanding", (None, None)),
        # ... the day's news here.
        (LEAD + "Gondor faces criticism from Mordor over the raids.", "criticism",
         ("2018-11-12", "published")),
    ],
)  # fmt: skip
def test_dates_event_without_tense_takes_its_verbs_background(
    code: Code, text: str, word: str, expected: tuple[str | None, str | None]
) -> None:
    events = code(text, ACTORS)
    dated = {(e.date, e.date_source) for e in events if text[e.trigger[0] : e.trigger[1]] == word}
    assert dated == {expected}


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # An act told in the past in the that-clause of a saying was done before the saying,
        # at a time the text does not give ...
        ("The envoy of Gondor noted that Mordor attacked the border posts.", "attacked",
         (None, None)),
        ("The council said that Mordor used such violence as seizing the Gondor envoys.",
         "seizing", (None, None)),
        # ... while one told in the present or the future is told on the saying's day, and
        # news told on a source's word is the day's news.
        ("Mordor attacked the border posts, the envoy of Gondor said.", "attacked",
         ("2018-11-12", "published")),
        ("The envoy of Gondor noted that Mordor threatens the border posts.", "threatens",
         ("2018-11-12", "published")),
        ("The envoy of Gondor said that Mordor will attack the border posts.", "attack",
         ("2018-11-12", "published")),
    ],
)  # fmt: skip
def test_dates_past_act_in_a_saying_has_no_day(
    code: Code, text: str, word: str, expected: tuple[str | None, str | None]
) -> None:
    events = code(text, ACTORS)
    dated = {(e.date, e.date_source) for e in events if text[e.trigger[0] : e.trigger[1]] == word}
    assert dated == {expected}


def test_dates_past_act_in_a_saying_keeps_its_own_day(code: Code) -> None:
    text = "The envoy of Gondor noted that Mordor attacked the border posts on Nov. 3."
    events = code(text, ACTORS, (_timex(text, "Nov. 3", "2018-11-03"),))
    attacks = [e for e in events if text[e.trigger[0] : e.trigger[1]] == "attacked"]
    assert [(e.date, e.date_source) for e in attacks] == [("2018-11-03", "text")]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # A lead whose news is recent and undated: the acts told after it are that news.
        ("The envoy of Gondor recently visited the capital. He criticized Mordor for the raids.",
         "criticized", (None, None)),
        ("Protests against Mordor were held in Gondor recently. They condemned Mordor.",
         "condemned", (None, None)),
        # Told in the present, an act is of the day of writing.
        ("The envoy of Gondor recently visited the capital. He criticizes Mordor for the raids.",
         "criticizes", ("2018-11-12", "published")),
        # A lead with no word of a recent time leaves the day as it was.
        ("The envoy of Gondor visited the capital. He criticized Mordor for the raids.",
         "criticized", ("2018-11-12", "published")),
    ],
)  # fmt: skip
def test_dates_recent_lead_leaves_its_acts_undated(
    code: Code, text: str, word: str, expected: tuple[str | None, str | None]
) -> None:
    events = code(text, ACTORS)
    dated = {(e.date, e.date_source) for e in events if text[e.trigger[0] : e.trigger[1]] == word}
    assert dated == {expected}


@pytest.mark.parametrize(
    ("text", "day", "value", "word", "expected"),
    [
        # A gerund of a charge or a reason has its own day; the judging is not done then.
        ("Gondor accused Mordor of massing troops on Nov. 5.",
         "Nov. 5", "2018-11-05", "accused", ("2018-11-12", "published")),
        ("Gondor criticized Mordor over holding drills on Nov. 5.",
         "Nov. 5", "2018-11-05", "criticized", ("2018-11-12", "published")),
        # Nor is that day the story's occasion for what it tells after.
        ("Gondor accused Mordor of massing troops on Nov. 5. Gondor urged Mordor to stop.",
         "Nov. 5", "2018-11-05", "urged", ("2018-11-12", "published")),
        # A gerund of the means is the act's own.
        ("Gondor praised Mordor by holding a banquet on Nov. 5.",
         "Nov. 5", "2018-11-05", "praised", ("2018-11-05", "text")),
    ],
)  # fmt: skip
def test_dates_gerund_of_a_charge_keeps_its_day(
    code: Code, text: str, day: str, value: str, word: str, expected: tuple[str, str]
) -> None:
    assert _dated(code, text, day, value, word) == {expected}


@pytest.mark.parametrize(
    ("text", "period", "value"),
    [
        ("In the 1950s Mordor attacked Gondor.", "the 1950s", "195"),
        ("In the 20th century Mordor attacked Gondor.", "the 20th century", "19"),
        ("At the end of the 1950s Mordor attacked Gondor.", "the 1950s", "195"),
        (
            "During the occupation of Rohan in the 20th century Mordor attacked Gondor.",
            "the 20th century",
            "19",
        ),
    ],
)
def test_dates_decade_or_century_leaves_the_act_undated(
    code: Code, text: str, period: str, value: str
) -> None:
    assert _dated(code, text, period, value, "attacked") == {(None, None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A demanded or conditional act has no day of its own ...
        ("Gondor said Mordor should criticize Rohan.", (None, None)),
        ("If Rohan moves, Mordor will criticize Gondor.", (None, None)),
        # ... nor the story's occasion's.
        ("Gondor met Rohan on Nov. 8. Gondor said Mordor should criticize Rohan.",
         (None, None)),
        # A planned one keeps the day it was announced on.
        ("Gondor met Rohan on Nov. 8. Gondor said it will criticize Mordor.",
         ("2018-11-08", "context")),
    ],
)  # fmt: skip
def test_dates_supposed_act_has_no_day(code: Code, text: str, expected: tuple) -> None:
    timexes = (_timex(text, "Nov. 8", "2018-11-08"),) if "Nov. 8" in text else ()
    events = code(text, ACTORS | {"Rohan": "ROH"}, timexes)
    acts = {
        (e.date, e.date_source) for e in events if text[e.trigger[0] : e.trigger[1]] == "criticize"
    }
    assert acts == {expected}


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # After a time long past, acts told in the past are that history, of no known day.
        ("In March 1871 Gondor attacked the fort. Later Gondor threatened Mordor.",
         "threatened", (None, None)),
        # A sentence in the present ends the history: the news of the day follows.
        ("In March 1871 Gondor attacked the fort. Relics are kept in a museum. "
         "Gondor threatened Mordor.", "threatened", ("2018-11-12", "published")),
        # A long-past time in a relative clause is that clause's alone.
        ("Gondor honoured the veterans who fought in 1871. Gondor threatened Mordor.",
         "threatened", ("2018-11-12", "published")),
    ],
)  # fmt: skip
def test_dates_acts_after_a_time_long_past_are_history(
    code: Code, text: str, word: str, expected: tuple[str | None, str | None]
) -> None:
    timexes = tuple(
        _timex(text, words, value)
        for words, value in (("March 1871", "1871-03"), ("1871", "1871"))
        if words in text and (words != "1871" or "March 1871" not in text)
    )
    events = code(text, ACTORS, timexes)
    dated = {(e.date, e.date_source) for e in events if text[e.trigger[0] : e.trigger[1]] == word}
    assert dated == {expected}


def test_dates_day_inside_the_statement_is_no_occasion(code: Code) -> None:
    # A day the statement tells is the time of what it speaks of, not the story's occasion.
    text = (
        "The Gondor envoy issued a statement. It said:\n\nMordor held drills on Nov. 3. "
        "Mordor threatens Gondor with new drills."
    )
    events = code(text, ACTORS, (_timex(text, "Nov. 3", "2018-11-03"),))
    threats = [e for e in events if text[e.trigger[0] : e.trigger[1]].startswith("threatens")]
    assert {(e.date, e.date_source) for e in threats} == {("2018-11-12", "published")}


@pytest.mark.parametrize(
    "text",
    [
        # A participle on the speaker sets the scene of the act: its day is the act's.
        "The envoy of Gondor, addressing a meeting of the council on Nov. 5, denounced Mordor.",
        "The envoy of Gondor, speaking at a session held in Minas Tirith on Nov. 5, denounced "
        "Mordor.",
    ],
)
def test_dates_speaker_participle_sets_the_day(code: Code, text: str) -> None:
    events = code(text, ACTORS, (_timex(text, "Nov. 5", "2018-11-05"),))
    dated = {(e.date, e.date_source) for e in events if e.cameo.startswith("11")}
    assert dated == {("2018-11-05", "text")}


def test_dates_speaker_participle_of_another_act_keeps_its_own(code: Code) -> None:
    text = "The envoy of Gondor, elected on Nov. 5, denounced Mordor."
    events = code(text, ACTORS, (_timex(text, "Nov. 5", "2018-11-05"),))
    dated = {(e.date, e.date_source) for e in events if e.cameo.startswith("11")}
    assert dated == {("2018-11-12", "published")}


def test_dates_postposed_participle_leaves_the_day_to_the_act(code: Code) -> None:
    # "an official concerned": the parse makes the participle a clause and hangs the day on it.
    text = "The envoy of Gondor handed them over to an official concerned on Friday."
    events = code(text, ACTORS, (_timex(text, "Friday", "2018-11-09"),))
    assert events and {(e.date, e.date_source) for e in events} == {("2018-11-09", "text")}


@pytest.mark.parametrize(
    "text",
    [
        "Envoys of Mordor toured the hall on Friday. They saw the hall which was visited by "
        "the leader of Gondor.",
        "Envoys of Mordor toured the plant on Friday. They saw the new plant which was "
        "attacked by Gondor.",
    ],
)
def test_dates_passive_relative_past_has_no_day(code: Code, text: str) -> None:
    events = code(text, ACTORS, (_timex(text, "Friday", "2018-11-09"),))
    told = [e for e in events if e.source_actor and e.source_actor.startswith("GON")]
    assert told and {(e.date, e.date_source) for e in told} == {(None, None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Acts of a man long dead, told with no day: history.
        ("Kim Il Sung visited Gondor and met its farmers.", {(None, None)}),
        # The living keep the publication day.
        ("Mordor visited Gondor and met its farmers.", {("2018-11-12", "published")}),
        # A day the text gives stays: "in 1956".
        ("Kim Il Sung visited Gondor in 1956.", {("1956", "text")}),
    ],
)
def test_dates_acts_of_the_dead_are_history(
    code: Code, text: str, expected: set[tuple[str | None, str | None]]
) -> None:
    actors = {**ACTORS, "Kim Il Sung": "PRKGOV"}
    timexes = (_timex(text, "1956", "1956"),) if "1956" in text else ()
    events = code(text, actors, timexes, kinds={"Kim Il Sung": "person"})
    assert events and {(e.date, e.date_source) for e in events} == expected


def test_dates_death_still_news_keeps_the_day(code: Code) -> None:
    # Within a month of the death, a mourner's act read as the dead man's keeps its day.
    text = "Kim Il Sung visited Gondor and met its farmers."
    actors = {**ACTORS, "Kim Il Sung": "PRKGOV"}
    events = code(text, actors, published="1994-07-20", kinds={"Kim Il Sung": "person"})
    assert events and {(e.date, e.date_source) for e in events} == {("1994-07-20", "published")}


def test_dates_earlier_shared_by_conjoined_verb(code: Code) -> None:
    text = "Earlier, the envoy of Gondor toured the harbour and urged Mordor to stop."
    events = code(text, ACTORS)
    urging = [e for e in events if e.cameo.startswith("02")]
    assert [(e.date, e.date_source) for e in urging] == [(None, None)]


def test_dates_earlier_with_its_own_time_keeps_the_day(code: Code) -> None:
    events = code("Earlier in the day, Gondor urged Mordor to stop.", ACTORS)
    assert [(e.date, e.date_source) for e in events][:1] == [("2018-11-12", "published")]


def test_dates_occasion_day_is_not_the_act_day(code: Code) -> None:
    text = "Gondor criticized Mordor on the occasion of its founding day, March 3."
    events = code(text, ACTORS, (_timex(text, "March 3", "2018-03-03"),))
    assert [(e.date, e.date_source) for e in events] == [("2018-11-12", "published")]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # A lead put "shortly ago" or "the other day": the acts told after it are that news.
        ("Shortly ago, Gondor held talks with Rohan. At the talks Gondor criticized Mordor.",
         "criticized"),
        ("Gondor held talks with Rohan the other day. There Gondor criticized Mordor.",
         "criticized"),
    ],
)  # fmt: skip
def test_dates_lead_some_time_ago_leaves_its_acts_undated(code: Code, text: str, word: str) -> None:
    events = code(text, ACTORS)
    dated = {(e.date, e.date_source) for e in events if text[e.trigger[0] : e.trigger[1]] == word}
    assert dated == {(None, None)}


def test_dates_history_after_the_occasion_leaves_acts_undated(code: Code) -> None:
    # The story's occasion is Monday's; the visit of 2002 and what was done on it are history.
    text = (
        "Gondor on Monday criticized Mordor. The Mordor envoy visited Gondor in May 2002. "
        "Touring the city, he threatened Gondor."
    )
    timexes = (_timex(text, "Monday", "2018-11-12"), _timex(text, "May 2002", "2002-05"))
    events = code(text, ACTORS, timexes, published="2018-11-13T10:00:00+09:00")
    dated = {text[e.trigger[0] : e.trigger[1]]: (e.date, e.date_source) for e in events}
    assert dated.get("criticized") == ("2018-11-12", "text")
    assert dated.get("threatened") == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        # A century that tells what a man or a thing is, not when the act was done.
        "Mordor praised the leader of Gondor as the great hero of the 21st century.",
        "Mordor praised the leader of Gondor, a statesman in the 21st century.",
    ],
)
def test_dates_century_of_a_thing_is_no_time(code: Code, text: str) -> None:
    assert _dated(code, text, "the 21st century", "20", "praised") == {("2018-11-12", "published")}
