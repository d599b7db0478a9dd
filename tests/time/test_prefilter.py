"""The word-key prefilter must find exactly what a plain finditer finds, rule by rule."""

from __future__ import annotations

import random
import re
import sys
from array import array

import pytest

from parley.time import TimeResources
from parley.time.prefilter import (
    CASE_TWINS,
    DIGIT_KEY,
    OTHER_KEY,
    StartFinder,
    scan,
    start_keys,
    starts_of,
)

# Written for these tests: dense in time expressions, with words that begin like time words
# ("Marching", "Mayor", "another", "the_unit"), digits glued to letters, and characters that
# case-insensitive matching equates with ASCII letters (the long s, the Kelvin sign).
TEXTS = [
    "On Friday, Nov. 9, 2018, the ministers met for the third time in two weeks; a year "
    "earlier they had met twice a month. Three days later, at 10:30 a.m. EST Monday, talks "
    "resumed. The Mayor said Marching bands would play next May and in the spring of 2019.",
    "In the first fiscal quarter of 2017 profits rose; the year-earlier period was weaker. "
    "Over the past several decades, for years, every other week and each Tuesday morning, "
    "the 1990s and mid-2000s, 1/2/98 and 2018-11-12T09:00 were noted. Twenty-five years ago "
    "a dozen hours after the day before, that day, earlier that day; bathe day after.",
    "Seven ſeconds later and twenty ſeptember days; the weeK beFORE; 3rd quarter; tonight "
    "at noon Sunday, the day after tomorrow, Christmas Eve 2016, this coming Thursday, "
    "fiscal 1999, 2,000 troops in 2000, No. 1998, the 1988 second quarter, a half hour.",
    "",
    "   \n\n  ",
    "the_unit annual2 a1b 12abc now, currently; at the moment — à la fois, ça, 年 2018年 "
    "İstanbul ıt thıs year; next\u00a0week; the\u2009past two\u2003days.",
]


def _assert_same_matches(resources: TimeResources, text: str) -> None:
    rules = resources.rules
    together = StartFinder([rule.starts for rule in rules]).offsets(text)
    for number, rule in enumerate(rules):
        alone = StartFinder([rule.starts]).offsets(text)[0]
        expected = [(m.span(), m.groupdict()) for m in rule.regex.finditer(text)]
        for offsets in (together[number], alone):
            got = [(m.span(), m.groupdict()) for m in scan(rule.regex, offsets, text)]
            assert got == expected, (rule.name, text)


@pytest.mark.parametrize("text", TEXTS)
def test_prefilter_scan_matches_finditer_for_every_rule(
    time_resources: TimeResources, text: str
) -> None:
    _assert_same_matches(time_resources, text)


# Pieces of time expressions and their neighbours, glued at random (seeded) into texts.
WORDS = (
    "the last next past this that early late mid- earlier later a an one two 3 12 1999 "
    "2018 twenty-five dozen couple of several few more than at least day days week weeks "
    "month months year years decade quarter first third fiscal ago before after from now "
    "Monday Fri. Nov. May March Sept mid-May 1990s 1980's 10 a.m. p.m. noon tonight "
    "yesterday morning spring summer Christmas Eve each every per times twice once daily "
    "annual now recently the past the future period year-earlier bathe lathe what weekend "
    "for over ſ K İ ı é 年"
)
PIECES = [*WORDS.split(), ", ", ". ", "-", " ", "\n", "; ", "'s ", "$", "%", "/", ":"]


@pytest.mark.parametrize("seed", range(40))
def test_prefilter_scan_matches_finditer_on_random_texts(
    time_resources: TimeResources, seed: int
) -> None:
    rng = random.Random(seed)
    for _ in range(5):
        words = rng.choices(PIECES, k=rng.randint(1, 60))
        glue = [rng.choice(("", " ", " ", " ", "  ", "\n", "-")) for _ in words]
        _assert_same_matches(
            time_resources, "".join(w + g for w, g in zip(words, glue, strict=True))
        )


def test_prefilter_start_keys_of_a_word_pattern() -> None:
    keys = start_keys(re.compile(r"\b(?:next|last)\s+(?:week|month)\b", re.I))
    assert keys == frozenset({"nex", "las", OTHER_KEY})


def test_prefilter_start_keys_short_words_and_digits() -> None:
    keys = start_keys(re.compile(r"\b(?:a|an|\d+)\s+days?\b", re.I))
    assert keys == frozenset({"a", "an", DIGIT_KEY, OTHER_KEY})


def test_prefilter_start_keys_open_prefix_takes_every_continuation() -> None:
    # "May" with no boundary after it also starts "Mayor": every key beginning "may".
    keys = start_keys(re.compile(r"\b(?:Ma)", re.I))
    assert keys is not None
    assert {"ma", "may", "ma1", "ma_"} <= keys


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b\W+day",  # may start with a non-word character
        r"\b.day",  # may start with any character
        r"\b(?:x|)",  # may match the empty string
        r"\b(\w)\1",  # a back-reference
        r"\d+ days",  # no word boundary, and not a letter first
    ],
)
def test_prefilter_starts_of_unbounded_patterns_scan_everything(pattern: str) -> None:
    starts = starts_of(re.compile(pattern, re.I))
    assert starts.words is None and starts.probe is None


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"(?:the|that)\s+day", "Bathe day; THAT DAY; athat day, ſthe day."),
        (r"(?:sea|ski)s?", "Seas, ſeas, SKIS, ſkiſ, Kis, seaseaſea."),
        (r"(?:is|it)\b", "This, İs ıt, IT, iſ; it."),
        (r"(?:sea|ski)s?", "Seas, SKIS, \u212aIS, sKis, seasea; tHE sea."),
        (r"ana\b", "Banana, ANANA; ana."),
    ],
)
def test_prefilter_probe_finds_starts_inside_words(pattern: str, text: str) -> None:
    regex = re.compile(pattern, re.I)
    starts = starts_of(regex)
    assert starts.words is None and starts.probe is not None
    expected = [m.span() for m in regex.finditer(text)]
    offsets = StartFinder([starts]).offsets(text)[0]
    assert [m.span() for m in scan(regex, offsets, text)] == expected


def test_prefilter_case_twins_are_every_non_ascii_letter_re_folds_to_ascii() -> None:
    points = array("I", [*range(0x80, 0xD800), *range(0xE000, 0x110000)])
    every = points.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")
    found: dict[str, str] = {}
    for twin in re.findall("[a-z]", every, re.I):
        letter = next(c for c in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(c, twin, re.I))
        found[letter] = found.get(letter, "") + twin
    assert found == CASE_TWINS


def test_prefilter_start_finder_offsets_by_word_and_next_word() -> None:
    finder = StartFinder(
        [
            starts_of(re.compile(r"\b(?:the\s+)?next\s+week", re.I)),
            starts_of(re.compile(r"\bthe\b", re.I)),
            starts_of(re.compile(r"\d+", re.I)),  # no boundary, digit first: anywhere
            starts_of(re.compile(r"(?:the|x)y", re.I)),  # no boundary: a probe
        ]
    )
    text = "The next week, the 2018 Ünion; next month; they"
    assert finder.offsets(text) == [
        [0, 4, 24],  # "The" and "next" before "week", "Ünion" (not ASCII: always tried)
        [0, 15, 24, 43],  # every "the" word (a match may end inside it), and "Ünion"
        None,
        [0, 15, 43],  # where "the" or "xy" begins, in any case
    ]
    assert finder.offsets("") == [[], [], None, []]


def test_prefilter_starts_of_next_word_keys() -> None:
    starts = starts_of(re.compile(r"\b(?:the\s+)?(?:next|last)[\s-]+(?:week|\d+)", re.I))
    assert starts.words is not None
    assert starts.words["the"] == frozenset({"nex", "las", OTHER_KEY})
    assert starts.words["nex"] == frozenset({"wee", DIGIT_KEY, OTHER_KEY})
    assert starts.words[OTHER_KEY] is None


def test_prefilter_starts_of_match_may_end_within_first_word() -> None:
    starts = starts_of(re.compile(r"\b(?:\d+s|a\s+year)", re.I))
    assert starts.words is not None
    assert starts.words[DIGIT_KEY] is None  # "1990s": no next word needed
    assert starts.words["a"] == frozenset({"yea", OTHER_KEY})
