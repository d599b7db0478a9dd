"""Halves of a year, the week of a day, decades written short, comparisons of units and
"since", on sentences written for these tests. Articles are dated Monday 2018-11-12 (see
test_tagger's module doc).
"""

from __future__ import annotations

import pytest

from tests.time.conftest import Tag


def _tagged(tag: Tag, text: str, published: str | None = "2018-11-12T17:37:00+09:00") -> list:
    return [(t.text, t.type, t.value) for t in tag(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exports slowed in the first half of 2016.", ("the first half of 2016", "2016-H1")),
        ("Exports slowed in the second half of 2016.", ("the second half of 2016", "2016-H2")),
        ("Exports slowed in the last half of 2016.", ("the last half of 2016", "2016-H2")),
        ("Exports slowed in the latter half of 2016.", ("the latter half of 2016", "2016-H2")),
        # A year's half is written the same with the year named or anchored.
        (
            "Exports slowed in the first half of this year.",
            ("the first half of this year", "2018-H1"),
        ),
        # Other modifiers keep the year's value (TimeML writes them as a mod, not a value).
        ("Exports slowed in early 2016.", ("early 2016", "2016")),
        # A half of a month is no half of a year.
        ("Exports slowed in the second half of March.", ("the second half of March", "2018-03")),
    ],
)
def test_tagger_half_of_a_year(tag: Tag, text: str, expected: tuple[str, str]) -> None:
    assert _tagged(tag, text) == [(expected[0], "DATE", expected[1])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The hearing is set for the week of Dec. 3.", ("the week of Dec. 3", "2018-W49")),
        ("It opened the week of March 6, 2017.", ("the week of March 6, 2017", "2017-W10")),
    ],
)
def test_tagger_week_of_a_day(tag: Tag, text: str, expected: tuple[str, str]) -> None:
    assert _tagged(tag, text) == [(expected[0], "DATE", expected[1])]


def test_tagger_week_of_a_day_unanchored(tag: Tag) -> None:
    assert _tagged(tag, "The hearing is set for the week of Dec. 3.", None) == [
        ("the week of Dec. 3", "DATE", "XXXX-WXX")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Output was flat through the '80s.", ("the '80s", "198")),
        ("Output peaked in the mid-'70s.", ("the mid-'70s", "197")),
        ("Output fell in the last half of the '90s.", ("the last half of the '90s", "199")),
    ],
)
def test_tagger_short_decades(tag: Tag, text: str, expected: tuple[str, str]) -> None:
    assert _tagged(tag, text) == [(expected[0], "DATE", expected[1])]


@pytest.mark.parametrize(
    "text",
    [
        "The quarter-to-quarter comparison flattered the firm.",
        "Sales showed a strong year-over-year gain.",
        "Prices rose 4% on the year-on-year measure.",
    ],
)
def test_tagger_unit_compared_with_unit_is_no_time(tag: Tag, text: str) -> None:
    assert _tagged(tag, text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A month ahead of the publication would be taken as this year's; "since" puts it back.
        ("Prices have climbed since December.", "2017-12"),
        ("Prices have climbed since Dec. 20.", "2017-12-20"),
        # A forward cue nearby does not carry "since" forward.
        ("The ship, on patrol since Friday, is due to return.", "2018-11-09"),
        # Without "since", as before.
        ("Prices will climb in December.", "2018-12"),
    ],
)
def test_tagger_since_puts_the_time_behind(tag: Tag, text: str, value: str) -> None:
    assert [t.value for t in tag(text)] == [value]


def test_tagger_range_of_two_units_is_kept(tag: Tag) -> None:
    assert _tagged(tag, "Donations in the October-to-December quarter rose.") == [
        ("October", "DATE", "2018-10"),
        ("December", "DATE", "2018-12"),
    ]


def test_tagger_earlier_quarter_of_the_year_is_an_aside(tag: Tag) -> None:
    text = (
        "Acme posted a rise in third-quarter profit. After a flat second quarter, sales of "
        "tools picked up. In the year-earlier period, Acme lost money."
    )
    assert [t.value for t in tag(text)] == ["2018-Q3", "2018-Q2", "2017-Q3"]


def test_tagger_quarter_of_another_year_comes_into_view(tag: Tag) -> None:
    text = (
        "Acme posted a rise in third-quarter profit. In the first quarter of 2016, the "
        "quarter was weak."
    )
    assert [t.value for t in tag(text)] == ["2018-Q3", "2016-Q1", "2016-Q1"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A count with a word between it and the unit is no rate.
        ("Rebels held 3 towns for a year.", [("a year", "DURATION", "P1Y")]),
        ("They won 3 races. A year later they lost.", [("A year later", "DATE", "2019")]),
    ],
)
def test_tagger_count_apart_from_the_unit_is_no_rate(tag: Tag, text: str, expected: list) -> None:
    assert _tagged(tag, text) == expected


def test_tagger_article_of_year_earlier_is_no_amount(tag: Tag) -> None:
    text = "Acme posted third-quarter net of $5 million, against a year-earlier loss."
    assert _tagged(tag, text) == [
        ("third-quarter", "DATE", "2018-Q3"),
        ("year-earlier", "DATE", "2017-Q3"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels hold more than a quarter of the province.", []),
        ("Three quarters of its staff struck.", []),
        # Quarters of something that lasts are time.
        ("It turned a profit after three quarters of losses.", [("three quarters", "P3Q")]),
        (
            "Sales slid for three quarters of the year.",
            [("three quarters", "P3Q"), ("the year", "2018")],
        ),
    ],
)
def test_tagger_fraction_is_no_quarter_of_a_year(tag: Tag, text: str, expected: list) -> None:
    assert [(t.text, t.value) for t in tag(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The road could one day reach the coast.", [("one day", "DATE", "FUTURE_REF")]),
        # Not after a modal: a day's length, or a day told in a story.
        ("The strike lasted one day.", [("one day", "DURATION", "P1D")]),
    ],
)
def test_tagger_one_day_after_a_modal_is_ahead(tag: Tag, text: str, expected: list) -> None:
    assert _tagged(tag, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The convoy leaves at 4 in the morning.", ("4 in the morning", "2018-11-12T04:00")),
        ("The talks resume at 9 in the evening.", ("9 in the evening", "2018-11-12T21:00")),
        ("The vote is at 12 in the afternoon.", ("12 in the afternoon", "2018-11-12T12:00")),
    ],
)
def test_tagger_hour_told_by_its_part_of_day(tag: Tag, text: str, expected: tuple) -> None:
    assert _tagged(tag, text) == [(expected[0], "TIME", expected[1])]


def test_tagger_hour_in_the_morning_needs_at(tag: Tag) -> None:
    # "4 in the morning" without "at" is as often a count ("rose 4 in the morning trade").
    assert _tagged(tag, "Shares rose 4 in the morning session.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Irregular past tenses pin the day behind, against a later "will" or "expected to".
        ("The fair, which began on Friday, is expected to draw crowds.", "2018-11-09"),
        ("The envoy, who died Sunday at 94, will be buried abroad.", "2018-11-11"),
        ("As soon as the shells fell on Saturday, a new appeal will be needed.", "2018-11-10"),
        # "would have": a past that did not happen; "will have" still leans forward.
        ("Friday would have been his birthday.", "2018-11-09"),
        ("Candidates will have until Friday to register.", "2018-11-16"),
    ],
)
def test_tagger_irregular_past_and_would_have(tag: Tag, text: str, value: str) -> None:
    assert [t.value for t in tag(text)] == [value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They scored in the second half of Saturday's match.", [("Saturday", "2018-11-10")]),
        ("Rain fell in the first quarter of the game.", []),
        # A year, or an amount, after "of" keeps the quarter.
        (
            "Acme lost money in the first half of the fiscal year.",
            [("the first half", "2018-H1"), ("the fiscal year", "2018")],
        ),
        (
            "Acme posted a loss for the third quarter of $2 million.",
            [("the third quarter", "2018-Q3")],
        ),
    ],
)
def test_tagger_half_of_a_thing_is_no_time(tag: Tag, text: str, expected: list) -> None:
    assert [(t.text, t.value) for t in tag(text)] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "due to" a cause is no plan: the day stays behind.
        ("Ferries stopped on Nov. 9, a delay due to the storm.", "2018-11-09"),
        # "due to" a verb, or "due" alone, is a plan.
        ("The envoy is due to land on Friday.", "2018-11-16"),
        ("The report is due Friday.", "2018-11-16"),
    ],
)
def test_tagger_due_to_a_cause_is_no_plan(tag: Tag, text: str, value: str) -> None:
    assert [t.value for t in tag(text)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A prize was given with due ceremony on Friday.", "2018-11-09"),
        ("The payment is due on Friday.", "2018-11-16"),
    ],
)
def test_tagger_due_as_an_adjective_is_no_plan(tag: Tag, text: str, value: str) -> None:
    assert [t.value for t in tag(text)] == [value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A forward lean does not carry a day of the past fortnight a year ahead.
        ("The mourning, from Nov. 5 to 20, will be kept nationwide.", ["2018-11-05", "2018-11-20"]),
        (
            "The matches, which started on Nov. 1, will end on Nov. 30.",
            ["2018-11-01", "2018-11-30"],
        ),
        # A day further back still goes ahead when the words lean forward.
        ("The congress will open on Oct. 1.", ["2019-10-01"]),
    ],
)
def test_tagger_forward_lean_keeps_recent_days(tag: Tag, text: str, expected: list) -> None:
    assert [t.value for t in tag(text)] == expected


def test_tagger_day_range_takes_the_juche_year(tag: Tag) -> None:
    assert _tagged(tag, "Mourning runs from Dec. 17 to 29, Juche 100 (2011).") == [
        ("Dec. 17", "DATE", "2011-12-17"),
        ("29, Juche 100 (2011)", "DATE", "2011-12-29"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A plan told in the past perfect lay behind: its forward cues do not move the day.
        ("The truce had been due to lapse Friday evening.", "2018-11-09TEV"),
        ("The vote previously had been scheduled to close at noon Friday.", "2018-11-09T12:00"),
        # Without "had" the plan is ahead.
        ("The truce is due to lapse Friday evening.", "2018-11-16TEV"),
    ],
)
def test_tagger_past_perfect_plan_is_behind(tag: Tag, text: str, value: str) -> None:
    assert [t.value for t in tag(text)] == [value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the previous Friday", "the following Tuesday": told from the day in view.
        (
            "Shares closed higher on Nov. 2, up 3% from the previous Friday.",
            [("Nov. 2", "2018-11-02"), ("the previous Friday", "2018-10-26")],
        ),
        (
            "They met on Oct. 31 and again the following Tuesday.",
            [("Oct. 31", "2018-10-31"), ("the following Tuesday", "2018-11-06")],
        ),
        # With no day in view, from the publication day.
        ("Prices fell from the previous Friday.", [("the previous Friday", "2018-11-09")]),
    ],
)
def test_tagger_weekday_told_from_the_day_in_view(tag: Tag, text: str, expected: list) -> None:
    assert [(t.text, t.value) for t in tag(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A part of a day with its modifier: of the day named, else of the day in view.
        (
            "In Tokyo at mid-afternoon yesterday, the yen firmed.",
            [("mid-afternoon yesterday", "2018-11-11TAF")],
        ),
        (
            "The rally began on Nov. 8. By late afternoon, the square was full.",
            [("Nov. 8", "2018-11-08"), ("late afternoon", "2018-11-08TAF")],
        ),
        ("The board met until mid morning.", [("mid morning", "2018-11-12TMO")]),
        # "the early morning of" a day is that day's; "late-night" stays untagged.
        (
            "The strike came in the early morning of Nov. 3.",
            [("Nov. 3", "2018-11-03")],
        ),
        ("He mocked them on late-night shows.", []),
        # "noon" is a whole word: "noonday" is no hour.
        ("It is as clear as noonday that the plan failed.", []),
    ],
)
def test_tagger_part_of_day_with_its_modifier(tag: Tag, text: str, expected: list) -> None:
    assert [(t.text, t.value) for t in tag(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "daily", "weekly" as a paper: before its name, or a noun that reports or ends a clause.
        ("The party daily Pravda Nova ran the story.", []),
        ("The Berlin daily said the talks failed.", []),
        ("The story ran in a free daily.", []),
        ("She told the Springfield Weekly Courier so.", []),
        # How often something happens stays a SET.
        ("Crowds gathered daily outside the court.", [("daily", "P1D")]),
        ("The daily tally of arrests rose.", [("daily", "P1D")]),
    ],
)
def test_tagger_newspaper_is_no_set(tag: Tag, text: str, expected: list) -> None:
    assert [(t.text, t.value) for t in tag(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The end (start, middle) of the running month or week, or of the year by "'s end".
        (
            "The troops should be home by the end of the month.",
            [("the end of the month", "2018-11")],
        ),
        ("Talks may close at the start of the week.", [("the start of the week", "2018-W46")]),
        ("Sales should recover by year's end.", [("year's end", "2018")]),
        # The month the sentence names is the one in view.
        (
            "Work starts in March and ends by the end of the month.",
            [("March", "2018-03"), ("the end of the month", "2018-03")],
        ),
        # Not a part of some other thing's month.
        ("Payments fell at the end of the month before.", [("the month before", "2018-10")]),
    ],
)
def test_tagger_end_of_the_running_unit(tag: Tag, text: str, expected: list) -> None:
    assert [(t.text, t.value) for t in tag(text)] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # The soonest a thing may come, or a time it is put off to, is ahead.
        ("The father could arrive as early as Friday.", "2018-11-16"),
        ("Judges postponed until Friday any ruling on the case.", "2018-11-16"),
    ],
)
def test_tagger_put_off_to_a_day_is_ahead(tag: Tag, text: str, value: str) -> None:
    assert [t.value for t in tag(text)] == [value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "today's" before a noun of the present age is our time, not the day.
        ("Privacy is rare in today's world.", []),
        ("Many of today's personal computers run hot.", []),
        ("The film speaks to today's restless youth.", []),
        # Before anything else it is the publication day.
        ("Today's meeting ran late.", [("Today", "2018-11-12")]),
        ("Now for today's history quiz.", [("Now", "PRESENT_REF"), ("today", "2018-11-12")]),
    ],
)
def test_tagger_today_of_the_present_age_is_no_day(tag: Tag, text: str, expected: list) -> None:
    assert [(t.text, t.value) for t in tag(text)] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A past "be" carrying a forward cue tells a plan: the weekday is ahead.
        ("Farmers held a sit-in Sunday and were planning a convoy on Thursday.", "2018-11-15"),
        ("The envoys met on Thursday and were set to return home on Saturday.", "2018-11-17"),
        # A past "be" of its own still pins the day behind.
        ("The envoys were at the border on Thursday.", "2018-11-08"),
    ],
)
def test_tagger_past_be_carrying_a_forward_cue(tag: Tag, text: str, value: str) -> None:
    assert [t.value for t in tag(text)][-1] == value
