"""Codes of actors as North Korean state media name them, and the words inside names that
must not be read alone. Short texts written for these tests, run with the real knowledge base."""

from __future__ import annotations

import pytest

from parley.records import Entity


def _with(entities: tuple[Entity, ...], words: str) -> Entity:
    """The one entity with a mention that contains ``words``."""
    found = [e for e in entities if any(words in m.text for m in e.mentions)]
    assert len(found) == 1, (words, [(e.name, [m.text for m in e.mentions]) for e in entities])
    return found[0]


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (
            "Farmers in Latin America marched against the new trade rules on Sunday.",
            "Latin America",
            "LAM",
        ),
        (
            "Delegates of Latin American and Caribbean nations gathered in Lima last week.",
            "Latin American",
            "LAM",
        ),
        (
            "The Community of Latin American and Caribbean States held its summit in Quito.",
            "Community of Latin American",
            "IGOLAM",
        ),
    ],
)
def test_codes_a_region_named_with_a_country_word_is_no_country(  # type: ignore[no-untyped-def]
    entities_of, text: str, words: str, expected: str
) -> None:
    entities = entities_of(text, real=True)
    # The region's code, with the sector of the people named in it ("farmers": LAMAGR).
    assert (_with(entities, words).actor or "").startswith(expected)
    assert not any(e.actor == "USA" for e in entities)


def test_codes_the_korean_residents_association_is_one_actor(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Members of the General Association of the Korean Residents in Japan met in Osaka. "
        "Chongryon called for the schools to be funded."
    )
    entities = entities_of(text, real=True)
    association = _with(entities, "General Association")
    assert association.actor == "PRKNGO"
    assert association.name == _with(entities, "Chongryon").name == "Chongryon"


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # KCNA's spelling of the Seoul presidential office
        (
            "Chongwadae denied the report on Wednesday, a paper in Seoul wrote.",
            "Chongwadae",
            "KORGOV",
        ),
        # state media's name for the South's armed forces, not criminals
        (
            "The military gangsters of the ROK fired shells into the sea on Friday.",
            "gangsters",
            "KORMIL",
        ),
        # "its" title is held in the body named just before
        (
            "Wreaths came from Tomas Ruiz, chairman of the Peruvian Society for Friendship with "
            "Korea, and Elena Vidal, its secretary general, on Monday.",
            "Elena Vidal",
            "PERNGO",
        ),
        # a body "of" a capital city takes that country
        (
            "Pyongyang, May 2 (KCNA) -- The DPRK marked the day. Omar Haddad, dean of the Faculty "
            "of Law of the University of Damascus, sent a letter to the DPRK embassy.",
            "University of Damascus",
            "SYR",
        ),
    ],
)
def test_codes_state_media_names_and_titles(  # type: ignore[no-untyped-def]
    entities_of, text: str, words: str, code: str
) -> None:
    assert (_with(entities_of(text, real=True), words).actor or "").startswith(code)


def test_codes_the_speaker_after_a_name_is_no_apposition(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The plan was carried out thanks to Pak Chol Jun, the lecturer said. "
        "The lecturer then called for more efforts."
    )
    person = _with(entities_of(text, real=True), "Pak Chol Jun")
    assert [m.text for m in person.mentions] == ["Pak Chol Jun"]
    assert not person.roles


def test_codes_he_is_not_a_lone_word_read_as_a_name(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The exhibition showed flowers named Kimilsungia. Kim Jong Un visited it on Monday. "
        "He praised the gardeners."
    )
    entities = entities_of(text, real=True)
    lone = [e for e in entities if e.name == "Kimilsungia"]
    assert not lone or all(m.text == "Kimilsungia" for m in lone[0].mentions)


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # a country the place dictionaries alone name ends a body's name: its own country
        (
            "Pyongyang, March 3 (KCNA) -- The DPRK held a concert. The DPRK embassy thanked the "
            "Ministry of Youth and Sports of Congo, which sent a basket to the DPRK.",
            "Ministry of Youth and Sports",
            "COGGOV",
        ),
        (
            "Pyongyang, March 3 (KCNA) -- The DPRK held a concert. The Ministry of Mines of the "
            "Congo sent a letter to the DPRK embassy.",
            "Ministry of Mines",
            "COGGOV",
        ),
        # a body named after its town is of the town's country, not the story's
        (
            "Pyongyang, June 9 (KCNA) -- The DPRK marked the day. A Paris University lecturer "
            "praised the DPRK in a letter to the DPRK embassy.",
            "Paris University",
            "FRAEDU",
        ),
        (
            "Pyongyang, June 9 (KCNA) -- The DPRK marked the day. Officials of the Lyon City "
            "Council sent letters to the DPRK embassy.",
            "Lyon City Council",
            "FRAGOV",
        ),
        # and so is a member named with it
        (
            "The DPRK government said. A London University professor wrote to the DPRK. "
            "The DPRK thanked him.",
            "professor",
            "GBREDU",
        ),
    ],
)
def test_codes_a_foreign_body_takes_its_own_country_in_a_dprk_story(  # type: ignore[no-untyped-def]
    entities_of, text: str, words: str, code: str
) -> None:
    assert _with(entities_of(text, real=True), words).actor == code


def test_codes_a_home_body_named_after_its_town_stays_the_story_s(  # type: ignore[no-untyped-def]
    entities_of,
) -> None:
    text = (
        "Pyongyang, June 9 (KCNA) -- The DPRK marked the day. Students of the Wonsan University "
        "of Agriculture planted trees in the DPRK on Sunday."
    )
    assert _with(entities_of(text, real=True), "Wonsan University").actor == "PRKEDU"


@pytest.mark.parametrize(
    ("text", "glued"),
    [
        ("Seoul hosted the U.S.-ROK defense talks in a rainy week.", {"U.S.": "USA", "ROK": "KOR"}),
        (
            "Critics faulted the U.S.-south Korea naval drills near the islands.",
            {"U.S.": "USA", "south Korea": "KOR"},
        ),
        (
            "Officials praised the U.S.-Japan-ROK summit held at a lakeside resort.",
            {"U.S.": "USA", "Japan": "JPN", "ROK": "KOR"},
        ),
    ],
)
def test_codes_each_country_of_a_hyphenated_pair_is_its_own_mention(  # type: ignore[no-untyped-def]
    entities_of, text: str, glued: dict[str, str]
) -> None:
    entities = entities_of(text, real=True)
    for words, code in glued.items():
        assert _with(entities, words).actor == code
        assert any(m.text == words for e in entities for m in e.mentions)


def test_codes_a_hyphenated_word_that_is_not_all_countries_stays(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "U.S.-led": no second country; the named body running past a pair stays whole.
    entities = entities_of("The U.S.-led coalition met on Monday.", real=True)
    assert [m.text for e in entities for m in e.mentions] == ["U.S."]
    text = "Delegates of the Peru-DPRK Friendship Association arrived on Monday."
    entities = entities_of(text, real=True)
    assert not any(e.actor in ("PER", "PRK") for e in entities)


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Military bosses of the U.S. gathered on an island last spring.", "bosses", "USAMIL"),
        ("The navy praised the military bosses of Japan at a long dinner.", "bosses", "JPNMIL"),
        ("The bosses of the ROK fled to a quiet port town.", "bosses", "KORGOV"),
    ],
)
def test_codes_bosses_of_a_state_are_its_body_not_a_business(  # type: ignore[no-untyped-def]
    entities_of, text: str, words: str, expected: str
) -> None:
    assert _with(entities_of(text, real=True), words).actor == expected


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # An athlete of a story on the DPRK's sports: a North Korean.
        (
            "The DPRK team returned to Pyongyang on Monday. DPRK fans cheered the players. "
            "Jon Kum Hui won the gold medal in the 63 kg category.",
            "Jon Kum Hui",
            "PRKCVL",
        ),
        # A title gives the sector ("vice-minister": GOV), the story the country.
        (
            "A DPRK trade delegation left Pyongyang for Moscow. The DPRK delegation was "
            "seen off by Choe Pyong Sik, vice-minister of External Economic Relations.",
            "Choe Pyong Sik",
            "PRKGOV",
        ),
    ],
)
def test_codes_a_korean_name_in_a_story_about_a_korea(  # type: ignore[no-untyped-def]
    entities_of, text: str, words: str, code: str
) -> None:
    assert _with(entities_of(text, real=True), words).actor == code


def test_codes_a_korean_name_in_a_story_about_another_country_stays_uncoded(  # type: ignore[no-untyped-def]
    entities_of,
) -> None:
    text = (
        "Japanese police raided a school in Osaka. The Japanese government defended the raid "
        "in Tokyo. Pak Chol Nam said the pupils were frightened."
    )
    assert _with(entities_of(text, real=True), "Pak Chol Nam").actor is None


def test_codes_a_korean_name_with_a_title_no_pass_read_stays_uncoded(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The DPRK team returned to Pyongyang on Monday. DPRK fans cheered the players. "
        "Ri Chol Nam, coach from the Ryomyong club, praised them."
    )
    assert _with(entities_of(text, real=True), "Ri Chol Nam").actor in (None, "PRKCVL")
