"""Resolution rules of the time tagger, on sentences written for these tests.

Most articles here are dated Monday 2018-11-12, so the expected values can be checked on a
calendar: Friday 2018-11-09, ISO week 46 (the week before is 45), Monday next week 11-19.
"""

from __future__ import annotations

import random
import re

import pytest

from parley.errors import InputError
from parley.records import Timex
from tests.time.conftest import MONDAY, Tag


def _only(tag: Tag, text: str, published: str | None = MONDAY) -> Timex:
    found = tag(text, published)
    assert len(found) == 1, found
    return found[0]


def _value_of(tag: Tag, text: str, phrase: str, published: str | None = MONDAY) -> str:
    for timex in tag(text, published):
        if timex.text == phrase:
            return timex.value
    raise AssertionError(f"{phrase!r} not tagged in {text!r}: {tag(text, published)}")


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The envoys met on Nov. 9 in Pyongyang.", "Nov. 9", "2018-11-09"),
        ("The envoys met on November 9 in Pyongyang.", "November 9", "2018-11-09"),
        ("The treaty was signed on 9 November 2018.", "9 November 2018", "2018-11-09"),
        ("The ministry filed the report 2018-11-09.", "2018-11-09", "2018-11-09"),
        ("The deadline of 11/09/2018 passed quietly.", "11/09/2018", "2018-11-09"),
        ("Talks resumed on March 5, 1998, after a pause.", "March 5, 1998", "1998-03-05"),
        ("The post-1959 government seized the mills.", "post-1959", "1959"),
        ("Output is still below pre-2008 levels.", "pre-2008", "2008"),
        ("Prices rose in March 1997 and fell after.", "March 1997", "1997-03"),
        ("The ceasefire held through 2017 without a break.", "2017", "2017"),
        ("Tensions peaked in the 1990s and eased.", "the 1990s", "199"),
    ],
)
def test_tagger_absolute_dates(tag: Tag, text: str, phrase: str, value: str) -> None:
    assert _value_of(tag, text, phrase) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The minister spoke today in Seoul.", "today", "2018-11-12"),
        ("The minister spoke yesterday in Seoul.", "yesterday", "2018-11-11"),
        ("The minister will speak tomorrow in Seoul.", "tomorrow", "2018-11-13"),
        ("The delegation arrived on Friday.", "Friday", "2018-11-09"),
        ("The delegation left last Friday.", "last Friday", "2018-11-09"),
        ("The delegation will return next Monday.", "next Monday", "2018-11-19"),
        ("The delegation will arrive on Thursday, officials said.", "Thursday", "2018-11-15"),
        ("Negotiators met last week in Hanoi.", "last week", "2018-W45"),
        ("The embassy reopened in July last year.", "July last year", "2017-07"),
        ("Exports will recover by March next year.", "March next year", "2019-03"),
        ("The firm expects losses for the full year.", "the full year", "2018"),
        ("Negotiators meet this week in Hanoi.", "this week", "2018-W46"),
        ("Negotiators will meet next week in Hanoi.", "next week", "2018-W47"),
        ("Exports fell last month across the region.", "last month", "2018-10"),
        ("Exports fell this year across the region.", "this year", "2018"),
        ("Exports will rise next year, the bank said.", "next year", "2019"),
        ("Exports fell last year across the region.", "last year", "2017"),
        ("Its sales fell 3% last fiscal year.", "last fiscal year", "2017"),
        (
            "The agency expects a deficit in the current fiscal year.",
            "the current fiscal year",
            "2018",
        ),
        ("The embassy reopened two days ago.", "two days ago", "2018-11-10"),
        ("The embassy closed three weeks ago.", "three weeks ago", "2018-W43"),
        ("The talks collapsed earlier this month.", "earlier this month", "2018-11"),
        ("Output rose in the third quarter, the bank said.", "the third quarter", "2018-Q3"),
        ("Sales were weak this summer in the north.", "this summer", "2018-SU"),
        ("Trade shrank in March, customs data showed.", "March", "2018-03"),
        ("Pyongyang plans to hold the vote in January.", "January", "2019-01"),
    ],
)
def test_tagger_relative_dates(tag: Tag, text: str, phrase: str, value: str) -> None:
    assert _value_of(tag, text, phrase) == value


def test_tagger_bare_date_in_january_article_is_last_year(tag: Tag) -> None:
    text = "The ships collided on Dec. 29 near the port."
    assert _only(tag, text, "2019-01-05").value == "2018-12-29"


def test_tagger_bare_date_with_forward_cue_is_next(tag: Tag) -> None:
    text = "The summit will open on Dec. 2 in Singapore."
    assert _value_of(tag, text, "Dec. 2") == "2018-12-02"


def test_tagger_bare_date_months_ahead_with_past_cue_is_last_year(tag: Tag) -> None:
    # Dated 2018-11-12: next year's Feb. 2 (82 days ahead, counted double) is nearer than this
    # year's (283 days back), unless a past verb pins it to the past.
    text = "The accounts closed on Feb. 2 showed a loss."
    assert _value_of(tag, text, "Feb. 2") == "2018-02-02"
    # Within two months ahead a past verb does not move it: reports look a little ahead too.
    assert _value_of(tag, "The fund reported on Dec. 20 a loss.", "Dec. 20") == "2018-12-20"
    # With no cue at all, the nearest with days ahead counting double stays.
    assert _value_of(tag, "Feb. 2 looks busy.", "Feb. 2") == "2019-02-02"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Kim visited on Nov. 9. The previous day, aides met.", "The previous day", "2018-11-08"),
        ("Kim visited on Nov. 9. The next day, aides met.", "The next day", "2018-11-10"),
        ("Kim visited on Nov. 9 and left three days later.", "three days later", "2018-11-12"),
        ("Kim visited on Nov. 1. He had arrived the day before.", "the day before", "2018-10-31"),
    ],
)
def test_tagger_previous_anchor(tag: Tag, text: str, phrase: str, value: str) -> None:
    found = [t for t in tag(text) if t.text == phrase]
    assert found and found[0].value == value
    assert found[0].anchor == "previous"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # A forecast for the quarter still running is not the one the report compares.
        (
            "The storm will add to fourth-quarter costs. In the latest quarter, the airline "
            "earned $9 million, against $4 million a year ago.",
            "a year ago",
            "2017-Q3",
        ),
        (
            "The storm will add to fourth-quarter costs. In the latest quarter, the airline "
            "earned $9 million.",
            "the latest quarter",
            "2018-Q3",
        ),
        # Results already reported for it keep it in view.
        (
            "The brewer reported lower fourth-quarter profit, down from a year earlier.",
            "a year earlier",
            "2017-Q4",
        ),
        # The same quarter a year back, written out.
        (
            "Third-quarter profit rose to $5 million from $3 million in the corresponding "
            "period last year.",
            "the corresponding period last year",
            "2017-Q3",
        ),
        (
            "Third-quarter output rose 2% from the same quarter last year.",
            "the same quarter last year",
            "2017-Q3",
        ),
        ("Exports for last year's quarter were flat.", "last year's quarter", "2017-Q3"),
        # A year written before the quarter or period in view.
        (
            "Third-quarter profit rose 9% from the 1988 quarter, when the firm lost money.",
            "the 1988 quarter",
            "1988-Q3",
        ),
        ("The 2016 period included a tax gain.", "The 2016 period", "2016"),
        # "this quarter": the one in view, else the one running.
        (
            "The retailer posted a third-quarter loss. This quarter's loss includes a charge.",
            "This quarter",
            "2018-Q3",
        ),
        ("Orders should pick up this quarter.", "this quarter", "2018-Q4"),
        # The months to date replace the quarter in view.
        (
            "Third-quarter sales rose 4%. In the first nine months, the brewer earned $8 "
            "million, compared with $6 million a year earlier.",
            "a year earlier",
            "2017",
        ),
    ],
)
def test_tagger_quarter_in_view(tag: Tag, text: str, phrase: str, value: str) -> None:
    assert _value_of(tag, text, phrase) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Inflation is now falling.", "now", "PRESENT_REF"),
        ("Inflation is currently falling.", "currently", "PRESENT_REF"),
        ("Inflation recently began to fall.", "recently", "PAST_REF"),
        ("Such talks failed in the past.", "the past", "PAST_REF"),
        ("Such talks may succeed in the future.", "the future", "FUTURE_REF"),
        ("Prices may slip in the near term.", "the near term", "FUTURE_REF"),
        ("Sales will suffer in the short term.", "the short term", "FUTURE_REF"),
    ],
)
def test_tagger_references(tag: Tag, text: str, phrase: str, value: str) -> None:
    assert _value_of(tag, text, phrase) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The meeting began at 9:05 a.m. in the hall.", "9:05 a.m.", "2018-11-12T09:05"),
        ("The talks ended this morning in Seoul.", "this morning", "2018-11-12TMO"),
        ("The talks ended Tuesday night in Seoul.", "Tuesday night", "2018-11-06TNI"),
        ("Lunch was at noon in the mess.", "noon", "2018-11-12T12:00"),
        ("The log says 2018-11-12T17:37 for the launch.", "2018-11-12T17:37", "2018-11-12T17:37"),
    ],
)
def test_tagger_times(tag: Tag, text: str, phrase: str, value: str) -> None:
    found = [t for t in tag(text) if t.text == phrase]
    assert found, tag(text)
    assert (found[0].type, found[0].value) == ("TIME", value)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The sanctions lasted for two years.", "two years", "P2Y"),
        ("The sanctions lasted three months.", "three months", "P3M"),
        ("The border stayed shut for 48 hours.", "48 hours", "PT48H"),
        ("The border stayed shut for a decade.", "a decade", "P10Y"),
        ("In 1999, a year after the vote, the envoy left.", "a year", "P1Y"),
        ("Prices rose over the past two weeks.", "the past two weeks", "P2W"),
        ("The dispute went on for several years.", "several years", "PXY"),
        ("The siege lasted twenty-four days.", "twenty-four days", "P24D"),
        ("The siege lasted twenty four hours.", "twenty four hours", "PT24H"),
        ("The flight took 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
        ("Shares fell for eight trading days in a row.", "eight trading days", "P8D"),
        ("The bank must reply within three business days.", "three business days", "P3D"),
    ],
)
def test_tagger_durations(tag: Tag, text: str, phrase: str, value: str) -> None:
    found = [t for t in tag(text) if t.text == phrase]
    assert found, tag(text)
    assert (found[0].type, found[0].value) == ("DURATION", value)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Envoys meet every Monday in Geneva.", "every Monday", "XXXX-WXX-1"),
        ("The agency reports daily on the talks.", "daily", "P1D"),
        ("The agency reports weekly on the talks.", "weekly", "P1W"),
        ("The fee is paid annually by members.", "annually", "P1Y"),
        ("The fee is paid each year by members.", "each year", "P1Y"),
        ("The envoys meet twice a week in Geneva.", "twice a week", "P1W"),
        # A rate after an amount.
        ("The plan would cost $2 billion a year.", "a year", "P1Y"),
        ("Porters earn $15 an hour at the port.", "an hour", "PT1H"),
        ("Exports grew 7 percent a year.", "a year", "P1Y"),
        # A rate after a count of things.
        ("The mill turns out 700 bolts a day.", "a day", "P1D"),
        ("Dockers work up to 60 hours a week.", "a week", "P1W"),
        ("The port handles hundreds of ships a month.", "a month", "P1M"),
        ("Four ferries a week sail to the island.", "a week", "P1W"),
    ],
)
def test_tagger_sets(tag: Tag, text: str, phrase: str, value: str) -> None:
    found = [t for t in tag(text) if t.text == phrase]
    assert found, tag(text)
    assert (found[0].type, found[0].value) == ("SET", value)


def test_tagger_offsets_index_the_text(tag: Tag) -> None:
    text = "Officials said on Friday that talks would resume next week."
    for timex in tag(text):
        assert text[timex.start : timex.end] == timex.text


def test_tagger_span_excludes_prepositions_and_possessives(tag: Tag) -> None:
    text = "The plan for two years was announced in 2017 after Friday's vote."
    spans = {t.text for t in tag(text)}
    assert spans == {"two years", "2017", "Friday"}


@pytest.mark.parametrize(
    "text",
    [
        "A 6-year-old boy and 2,000 troops were counted.",
        "May I ask what you will march for?",
        "About three-quarters of voters agreed.",
        # The tail of a number with a thousands separator is no span of nothing.
        "Their songs are sung across 4,000 years of legend.",
        "Their songs are sung across 4 000 years of legend.",
    ],
)
def test_tagger_ignores_look_alikes(tag: Tag, text: str) -> None:
    assert tag(text) == ()


def test_tagger_without_publication_time_is_unresolved(tag: Tag) -> None:
    found = {t.text: t for t in tag("They met Nov. 9 and again on Friday.", None)}
    assert found["Nov. 9"].value == "XXXX-11-09"
    assert found["Friday"].value == "XXXX-WXX-5"
    assert {t.anchor for t in found.values()} == {"unresolved"}


def test_tagger_bad_publication_time_is_refused_before_tagging(tag: Tag) -> None:
    # The pipeline parses the publication time once; a bad one stops there, with one line.
    with pytest.raises(InputError):
        tag("They met yesterday.", "yesterday-ish")


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "no dates here at all"])
def test_tagger_empty_or_dateless_text(tag: Tag, text: str) -> None:
    assert tag(text) == ()


def test_tagger_sentence_ends_match_the_plain_alternation() -> None:
    # The sentence-end regex is written for speed; it must cut where the plain form does.
    from parley.time.context import SENTENCE_END

    plain = re.compile(r"[.!?]\s+(?=[A-Z\"'])|\n")
    rng = random.Random(7)
    pieces = [".", "!", "?", "\n", " ", "\t", "A", "a", '"', "'", ".\n", "\n\n", "x. Y"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        expected = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in SENTENCE_END.finditer(text)] == expected, text


@pytest.mark.parametrize(
    "text", ["The Mayor of Seoul spoke.", "Marching bands played.", "They flew to Augusta."]
)
def test_tagger_month_name_inside_a_word_is_not_a_month(tag: Tag, text: str) -> None:
    assert tag(text, "2018-11-12") == ()


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # The lunar New Year falls on another day each year: not January 1.
        ("Villagers visited the shrine on the lunar New Year's Day.", []),
        ("Villagers visited the shrine on New Year's Day.", ["2018-01-01"]),
    ],
)
def test_tagger_lunar_new_year_is_not_the_holiday(tag: Tag, text: str, values: list[str]) -> None:
    assert [t.value for t in tag(text, "2018-11-12")] == values


def test_tagger_the_year_ended_is_a_duration(tag: Tag) -> None:
    text = "Profit for the year ended Sept. 30 rose by a tenth."
    assert _value_of(tag, text, "the year") == "P1Y"


def test_tagger_current_as_an_adjective_is_no_time(tag: Tag) -> None:
    found = tag("The current system of permits stays.", MONDAY)
    assert not [t for t in found if t.text == "current"]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The station first aired in nineteen eighty-four.", "nineteen eighty-four", "1984"),
        (
            "Back in March nineteen ninety-one the talks began.",
            "March nineteen ninety-one",
            "1991-03",
        ),
        ("Planners feared the year two thousand.", "the year two thousand", "2000"),
        # A season of a spoken year is that year's season, as with written years.
        (
            "Fuel ran short in the winter of nineteen eighty-seven.",
            "the winter of nineteen eighty-seven",
            "1987-WI",
        ),
        ("Crops failed in summer nineteen sixty-two.", "summer nineteen sixty-two", "1962-SU"),
        (
            "By the year two thousand and six it had closed.",
            "the year two thousand and six",
            "2006",
        ),
    ],
)
def test_tagger_spoken_years(tag: Tag, text: str, phrase: str, value: str) -> None:
    assert _value_of(tag, text, phrase) == value


@pytest.mark.parametrize(
    "text", ["Turnout was nineteen forty five percent.", "Some nineteen sixty people came."]
)
def test_tagger_spoken_numbers_that_are_amounts_are_no_years(tag: Tag, text: str) -> None:
    assert not [t for t in tag(text) if t.text.startswith("nineteen")]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The plan for Juche 113 was adopted.", "Juche 113", "2024"),
        # The Gregorian year written beside it is taken with it, and wins.
        ("Make Juche 107 (2018) a year of victory.", "Juche 107 (2018)", "2018"),
        ("He was born on April 15, Juche 1 (1912).", "April 15, Juche 1 (1912)", "1912-04-15"),
        ("She was born on 16 February, Juche 31.", "16 February, Juche 31", "1942-02-16"),
    ],
)
def test_tagger_juche_years(tag: Tag, text: str, phrase: str, value: str) -> None:
    # The DPRK's calendar counts from Juche 1, 1912; without it the day took the
    # publication's year and "Juche 113" was no time at all.
    assert _value_of(tag, text, phrase) == value


def test_tagger_juche_as_a_word_is_no_time(tag: Tag) -> None:
    assert [t.text for t in tag("The Juche idea guides 12 units.")] == []


def test_tagger_month_of_a_juche_year(tag: Tag) -> None:
    text = "One day in May Juche 106 (2017), he visited a farm."
    assert _value_of(tag, text, "May Juche 106 (2017)") == "2017-05"
    text = "One day in November, Juche 104 (2015), he came."
    assert _value_of(tag, text, "November, Juche 104 (2015)") == "2015-11"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The plant has been idle since the summer.", "the summer", "2018-SU"),
        (
            "Orders recovered from the lows of the early summer, the firm said.",
            "the early summer",
            "2018-SU",
        ),
        # Dated 2018-02-20: a past verb puts a season not yet begun in last year.
        ("Prices climbed over the summer, as traders expected.", "the summer", "2017-SU"),
    ],
)
def test_tagger_the_season(tag: Tag, text: str, phrase: str, value: str) -> None:
    published = "2018-02-20T09:00:00" if "climbed" in text else MONDAY
    assert _value_of(tag, text, phrase, published) == value


@pytest.mark.parametrize(
    "text",
    [
        "The autumn campaign for the harvest began.",
        "Pilgrims drank the spring water.",
        "Fans flocked to the Summer Olympics.",
        "The rains came in the fall.",
    ],
)
def test_tagger_season_naming_a_thing_is_no_time(tag: Tag, text: str) -> None:
    assert not tag(text)
