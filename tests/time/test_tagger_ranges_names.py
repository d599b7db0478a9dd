"""Ranges, centuries, amounts that anchor, and names that hold time words, on sentences
written for these tests. Articles are dated Monday 2018-11-12 (see test_tagger's module doc).
"""

from __future__ import annotations

import pytest

from tests.time.conftest import Tag


def _tagged(tag: Tag, text: str, published: str | None = "2018-11-12T17:37:00+09:00") -> list:
    return [(t.text, t.type, t.value) for t in tag(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The envoys met on the 7th and 8th of November in Geneva.",
            [("the 7th", "DATE", "2018-11-07"), ("8th of November", "DATE", "2018-11-08")],
        ),
        (
            "The envoys met on 7-8 November in Geneva.",
            [("7", "DATE", "2018-11-07"), ("8 November", "DATE", "2018-11-08")],
        ),
        (
            "The envoys met November 7-8 in Geneva.",
            [("November 7", "DATE", "2018-11-07"), ("8", "DATE", "2018-11-08")],
        ),
        (
            "The envoys met on Oct. 30 and 31, 2017, in Geneva.",
            [("Oct. 30", "DATE", "2017-10-30"), ("31, 2017", "DATE", "2017-10-31")],
        ),
        (
            "The envoys will meet on November 20 and 21 in Geneva.",
            [("November 20", "DATE", "2018-11-20"), ("21", "DATE", "2018-11-21")],
        ),
    ],
)
def test_tagger_day_ranges_give_both_days(tag: Tag, text: str, expected: list) -> None:
    assert _tagged(tag, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He worked at the farm from March 2 to May 9, 1971, with the peasants.",
            [("March 2", "DATE", "1971-03-02"), ("May 9, 1971", "DATE", "1971-05-09")],
        ),
        (
            "He stayed there from July 3 to September 6, Juche 53 (1964), with them.",
            [
                ("July 3", "DATE", "1964-07-03"),
                ("September 6, Juche 53 (1964)", "DATE", "1964-09-06"),
            ],
        ),
    ],
)
def test_tagger_span_of_two_months_takes_the_year_written_once(
    tag: Tag, text: str, expected: list
) -> None:
    assert _tagged(tag, text) == expected


def test_tagger_two_days_without_a_year_keep_the_guess(tag: Tag) -> None:
    values = [v for _, _, v in _tagged(tag, "They met on October 3 and November 5.")]
    assert values == ["2018-10-03", "2018-11-05"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # "24 and 25 people": an amount, not the second day of a range.
        ("On November 7 and 25 people were hurt.", ["2018-11-07"]),
        # The second day before the first: no range; the single date is still found.
        ("On November 8 and 7 ministers resigned.", ["2018-11-08"]),
        # No such day: November has no 31st.
        ("The rally of November 2-31 was called off.", ["2018-11-02"]),
    ],
)
def test_tagger_day_range_rejected_falls_back_to_single_date(
    tag: Tag, text: str, values: list[str]
) -> None:
    assert [t.value for t in tag(text)] == values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Past: the week just gone, the second after the first.
        ("Delegates met on Thursday and Friday.", ["2018-11-08", "2018-11-09"]),
        # Forward: the coming days, still in order (Monday is the publication day).
        ("Delegates will meet on Monday and Tuesday.", ["2018-11-12", "2018-11-13"]),
        ("Delegates will meet from Friday to Sunday.", ["2018-11-16", "2018-11-18"]),
        # A span across the weekend runs forward from its first day.
        ("Fighting raged from Friday through Monday.", ["2018-11-09", "2018-11-12"]),
        # Listed against the week's order: a list, each day alone.
        ("Statements made Friday and Thursday were published.", ["2018-11-09", "2018-11-08"]),
    ],
)
def test_tagger_weekday_ranges(tag: Tag, text: str, expected: list[str]) -> None:
    assert [t.value for t in tag(text)] == expected


def test_tagger_weekday_range_keeps_part_of_day(tag: Tag) -> None:
    assert _tagged(tag, "Flights left on Thursday and Friday nights.") == [
        ("Thursday", "TIME", "2018-11-08TNI"),
        ("Friday nights", "TIME", "2018-11-09TNI"),
    ]


def test_tagger_weekday_range_unanchored(tag: Tag) -> None:
    assert [t.value for t in tag("They met Monday and Tuesday.", None)] == [
        "XXXX-WXX-1",
        "XXXX-WXX-2",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Output doubled in 2009-2010.", [("2009", "2009"), ("2010", "2010")]),
        ("The 1957-58 season was the coldest.", [("1957", "1957"), ("58", "1958")]),
        ("The 1999-00 budget was cut.", [("1999", "1999"), ("00", "2000")]),
        ("Reforms ran from 2011/12 on.", [("2011", "2011"), ("12", "2012")]),
    ],
)
def test_tagger_year_ranges(tag: Tag, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag(text)] == expected


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The 2010-2009 figures were swapped.", []),  # backwards: not a range, not years
        ("A date of 2018-11-09 was set.", ["2018-11-09"]),  # an ISO date is one date
        ("Votes went 2012-14 percent against.", []),  # an amount
    ],
)
def test_tagger_year_range_rejected(tag: Tag, text: str, values: list[str]) -> None:
    assert [t.value for t in tag(text)] == values


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The fort dates from the 19th century.", "the 19th century", "18"),
        ("The fort dates from the nineteenth century.", "the nineteenth century", "18"),
        ("It was rebuilt in the early 20th century.", "the early 20th century", "19"),
        ("It was rebuilt in the mid-20th century.", "the mid-20th century", "19"),
        ("This is the challenge of the twenty-first century.", "the twenty-first century", "20"),
        ("It guards an 11th century temple.", "11th century", "10"),
    ],
)
def test_tagger_centuries(tag: Tag, text: str, phrase: str, value: str) -> None:
    assert (phrase, "DATE", value) in _tagged(tag, text)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # An amount the duration rule also reads must not lose its anchoring word.
        (
            "The vote was on Nov. 2; campaigning began a month and a half earlier.",
            "a month and a half earlier",
            "2018-09-18",
        ),
        (
            "The vote was on Nov. 2; campaigning began two and a half months earlier.",
            "two and a half months earlier",
            "2018-08-19",
        ),
        ("A full month earlier, talks had failed.", "A full month earlier", "2018-10"),
        ("The envoy had left ten days prior.", "ten days prior", "2018-11-02"),
    ],
)
def test_tagger_anchored_amounts_are_dates(tag: Tag, text: str, phrase: str, value: str) -> None:
    assert (phrase, "DATE", value) in _tagged(tag, text)


def test_tagger_earlier_than_is_a_difference(tag: Tag) -> None:
    assert _tagged(tag, "The talks ended a month earlier than planned.") == [
        ("a month", "DURATION", "P1M")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "He told USA TODAY that the talks failed.",
        "He said so on VOA Today.",
        'Baker said on "This Week With David Brinkley" that talks failed.',
        # A programme's title, quoted alone.
        'The senator said on the network\'s "This Week," that talks failed.',
        "The governor spoke on ``This Morning'' about the storm.",
        "They watched High Noon again.",
        "They watched the film ``High Noon'' again.",
        "The network dropped its late show \u201cLopez Tonight.\u201d",
        "Both sides pledged to implement the September 19 Joint Statement.",
        "The November 12 North-South Joint Declaration was signed.",
        "Students recalled the May 4th Movement.",
        "Women joined the March of the Unarmed Mothers.",
        # A month between two capitalised words: a given name, a title, a revolution's name.
        "Slaboy January Guzowski, chairman of the association, spoke.",
        "Reporter April Ryan asked a question.",
        "They hailed the Great October Socialist Revolution.",
        # Places named after a day or month.
        "Crowds filled the May Day Stadium.",
        "The November 3 Cotton Mill raised its output.",
        "Troupes came for the April Winter Music Festival.",
        # Documents and episodes in lower case, as the DPRK press writes them.
        "Both sides should honour the August 2 joint declaration.",
        "They recalled the July 11 north-south joint declaration.",
        "The October 9 declaration is a programme for peace.",
        "It is the banner of the May 20 era of unity.",
        "Veterans spoke of the February 14 war.",
        "Students marked the November popular uprising.",
        "The October people's resistance swept the south.",
        # Bodies named after a day.
        "The March 9 Regional Committee issued an appeal.",
        "The delegation of the April 3 Youth Association arrived.",
        "The league of August 21 students committee held a rally.",
        # A capitalised word before a month, inside a sentence: an episode or a song.
        "They endured the Arduous March with courage.",
        "Farmers recalled the bitter Hungry March of those years.",
        'The choir sang "Partisan March" twice.',
        "Thousands joined the annual March for Peace downtown.",
        # An amount of time quoted alone, capitalised: a programme.
        "He said so on the network's ``48 Hours.''",
    ],
)
def test_tagger_names_are_not_dates(tag: Tag, text: str) -> None:
    assert tag(text) == ()


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Today the talks failed.", ["2018-11-12"]),
        ('"Today we sign," he said.', ["2018-11-12"]),
        (
            "The ministers met today. Now, the aides say, talks resume.",
            ["2018-11-12", "PRESENT_REF"],
        ),
        # With a year the date is a date, whatever it names.
        ("They recalled the September 19, 2005 Joint Statement.", ["2005-09-19"]),
        # A date before a lower-case noun is the date of that thing.
        ("Kim cited the November 9 statement.", ["2018-11-09"]),
        ("Kim cited the November 9 joint statement.", []),
        # A sentence's first word, or one that governs a time, makes no name of a month.
        ("Trade rose. March figures were strong.", ["2018-03"]),
        ("Talks resume in early March.", ["2018-03"]),
        ("Kim left in March for President Moon's summit.", ["2018-03"]),
        ("The March of 2017 was cold.", ["2017-03"]),
        # A capitalised word that governs a time does not make the month a name.
        ("In March Kim visited Beijing.", ["2018-03"]),
        ("Last January Kim visited Beijing.", ["2018-01"]),
    ],
)
def test_tagger_time_words_outside_names_stay(tag: Tag, text: str, values: list[str]) -> None:
    assert [t.value for t in tag(text)] == values


def test_tagger_capitalised_ed_word_is_no_past_cue(tag: Tag) -> None:
    # "United" is not a past-tense verb: "will" is the nearest cue, so Thursday is ahead.
    text = "Officials said the envoy will fly to the United States Thursday."
    assert [t.value for t in tag(text)] == ["2018-11-15"]
