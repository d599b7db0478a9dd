"""Statements coded by what they say (criticism, accusation, praise), and who "it", "they" and
"the statement" are when a story refers back to its speaker."""

from __future__ import annotations

import pytest

from tests.events.conftest import Code

PARTIES = {
    "Gondor Friendship Association": "GONNGO",
    "Rohan Council": "ROHNGO",
    "Mordor": "MOR",
    "Rohan": "ROH",
    "Saruman": "ISNGOV",
}
KINDS = {
    "Gondor Friendship Association": "organization",
    "Rohan Council": "organization",
    "Saruman": "person",
}


def _coded(events: tuple) -> set[tuple[str | None, str, str | None]]:  # type: ignore[type-arg]
    return {(e.source_actor, e.cameo, e.target_actor) for e in events}


def test_evaluative_said_provocation_is_denunciation(code: Code) -> None:
    text = (
        "The Gondor Friendship Association said that the reckless moves of Mordor are a grave "
        "provocation."
    )
    events = code(text, PARTIES, kinds=KINDS)
    assert ("GONNGO", "111", "MOR") in _coded(events)


def test_evaluative_trailing_attribution_reads_the_clause(code: Code) -> None:
    text = (
        "Mordor is a criminal and the culprit of the crisis, the Gondor Friendship "
        "Association noted."
    )
    events = code(text, PARTIES, kinds=KINDS)
    assert ("GONNGO", "112", "MOR") in _coded(events)


def test_evaluative_praise_of_a_leader(code: Code) -> None:
    text = "The Gondor Friendship Association said the immortal exploits of Saruman are remembered."
    events = code(text, PARTIES, kinds=KINDS)
    assert ("GONNGO", "051", "ISNGOV") in _coded(events)


@pytest.mark.parametrize(
    "said",
    [
        "Saruman wisely led the country and enjoyed boundless reverence from the people",
        "the history of Saruman is that of a great man and a successful leader",
        "Saruman rendered everlasting services by his extraordinary activities",
    ],
)
def test_evaluative_praise_words_of_esteem_and_their_adverbs(code: Code, said: str) -> None:
    text = f"The Gondor Friendship Association said that {said}."
    events = code(text, PARTIES, kinds=KINDS)
    assert ("GONNGO", "051", "ISNGOV") in _coded(events)


def test_evaluative_plain_statement_stays_no_event(code: Code) -> None:
    text = "The Gondor Friendship Association said that Mordor held elections on Sunday."
    events = code(text, PARTIES, kinds=KINDS)
    assert not any(e.cameo[:2] in ("05", "11") for e in events)


def test_evaluative_concern_over_reckless_acts_condemns_the_actor(code: Code) -> None:
    text = (
        "The Rohan Council expressed concern over the tension created by the reckless and "
        "provocative acts of Mordor."
    )
    events = code(text, PARTIES, kinds=KINDS)
    assert ("ROHNGO", "111", "MOR") in _coded(events)


def test_voice_statement_noun_is_the_issuer(code: Code) -> None:
    text = (
        "The Rohan Council urged Mordor to hold talks. The statement said that Mordor's "
        "hideous provocations were an affront to peace."
    )
    events = code(text, PARTIES, kinds=KINDS)
    assert ("ROHNGO", "111", "MOR") in _coded(events)


@pytest.mark.parametrize(
    "text",
    [
        # "it" right after the speaker is the speaker, not the country named last.
        "The Rohan Council urged Mordor to hold talks. If the talks fail, Rohan will suffer, "
        "it added. It called on Mordor to withdraw.",
        # Issuing is coded as no event of its own, yet the statement issued is the issuer's.
        "The Rohan Council issued a statement on Tuesday about the prisoners. "
        "The statement called for the immediate release of the prisoners held by Mordor.",
    ],
)
def test_voice_a_later_call_is_the_speakers(code: Code, text: str) -> None:
    events = code(text, PARTIES, kinds=KINDS)
    called = [e for e in events if text[e.trigger[0] : e.trigger[1]].startswith("called")]
    assert called and all(e.source_actor == "ROHNGO" for e in called)


def test_voice_it_long_after_the_speaker_keeps_the_pronoun_pass(code: Code) -> None:
    text = (
        "The Rohan Council urged Mordor to hold talks. Mordor fired shells on Rohan. Rohan "
        "was struck hard. It called on Mordor to withdraw."
    )
    events = code(text, PARTIES, kinds=KINDS)
    called = [e for e in events if text[e.trigger[0] : e.trigger[1]].startswith("called")]
    assert called and all(e.source_actor != "ROHNGO" for e in called)


def test_voice_speakers_at_a_gathering_are_its_holder(code: Code) -> None:
    text = (
        "The Rohan Council held a press conference in Edoras on Monday. Speakers at the "
        "conference condemned Mordor for its aggression."
    )
    events = code(text, PARTIES, kinds=KINDS)
    assert ("ROHNGO", "111", "MOR") in _coded(events)


def test_voice_speakers_at_another_gathering_are_not_the_holder(code: Code) -> None:
    text = (
        "The Rohan Council held a press conference in Edoras on Monday. Speakers at the "
        "rally condemned Mordor for its aggression."
    )
    events = code(text, PARTIES, kinds=KINDS)
    assert all(source != "ROHNGO" for source, cameo, _ in _coded(events) if cameo == "111")


@pytest.mark.parametrize(
    "opening",
    [
        "A meeting of the Rohan Council took place in Edoras on Monday.",
        "A rally was held by the Rohan Council in Edoras on Monday.",
    ],
)
def test_voice_speakers_at_a_gathering_taking_place_are_its_holder(
    code: Code, opening: str
) -> None:
    text = f"{opening} The speakers condemned Mordor for its aggression."
    events = code(text, PARTIES, kinds=KINDS)
    assert ("ROHNGO", "111", "MOR") in _coded(events)


def test_voice_speakers_at_a_gathering_nobody_holds_are_nobody_known(code: Code) -> None:
    text = (
        "Saruman arrived in Edoras on Sunday. A joint rally was held in Edoras on Monday. "
        "The speakers condemned Mordor for its aggression."
    )
    events = code(text, PARTIES, kinds=KINDS)
    assert all(source != "ISNGOV" for source, cameo, _ in _coded(events) if cameo == "111")


def test_evaluative_predicate_is_said_of_its_subject(code: Code) -> None:
    text = (
        "The Gondor Friendship Association said Saruman was the outstanding leader and "
        "brilliant guide of Rohan."
    )
    events = code(text, PARTIES, kinds=KINDS)
    assert ("GONNGO", "051", "ISNGOV") in _coded(events)


def test_voice_he_with_no_person_named_is_the_speaker(code: Code) -> None:
    text = (
        "The envoy of Rohan accused Mordor of aggression. He said the attacks of Mordor were "
        "a reckless provocation."
    )
    events = code(text, PARTIES, kinds=KINDS)
    said = [e for e in events if text[e.trigger[0] : e.trigger[1]] == "said"]
    # The envoy is Rohan's ("ROH" or, coded from the office, "ROHGOV").
    coded = [(e.source_actor and e.source_actor[:3], e.cameo, e.target_actor) for e in said]
    assert coded == [("ROH", "111", "MOR")]


def test_belief_is_about_the_party_its_clause_names(code: Code) -> None:
    text = "The Rohan Council expressed belief that Mordor would win the war."
    events = code(text, PARTIES, kinds=KINDS)
    assert ("ROHNGO", "013", "MOR") in _coded(events)


def test_voice_the_article_is_the_newspaper_named_before(code: Code) -> None:
    text = (
        "Minas Tirith Daily on Monday carries an article on the war. The reckless "
        "provocations of Mordor are a grave crime, the article says."
    )
    parties = {**PARTIES, "Minas Tirith Daily": "GONMED"}
    events = code(text, parties, kinds={**KINDS, "Minas Tirith Daily": "media"})
    says = [e for e in events if text[e.trigger[0] : e.trigger[1]] == "says"]
    assert [(e.source_actor, e.target_actor) for e in says] == [("GONMED", "MOR")]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The Gondor Friendship Association said that the policy of Mordor is hostile.",
            id="one-leaning-word",
        ),
        pytest.param(
            "After the criminal fabrication of a resolution by Mordor, the Gondor Friendship "
            "Association said that elections were held.",
            id="words-before-the-verb",
        ),
        pytest.param(
            "Mordor said the reckless provocation of Mordor was a lie.", id="speaker-about-itself"
        ),
        pytest.param(
            "The Gondor Friendship Association said that Mordor was not guilty of any crime.",
            id="denied-word",
        ),
    ],
)
def test_evaluative_no_criticism_read(code: Code, text: str) -> None:
    """One leaning word, words before the cue verb, a speaker judging itself, a denied word:
    none makes the statement a criticism."""
    events = code(text, PARTIES, kinds=KINDS)
    assert not any(e.cameo[:2] == "11" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Rohan said the people were filled with indignation at the moves of Mordor.",
        "Rohan said the whole nation felt towering resentment at the moves of Mordor.",
    ],
)
def test_evaluative_words_of_anger_at_a_party_are_denunciation(code: Code, text: str) -> None:
    assert ("ROH", "111", "MOR") in _coded(code(text, PARTIES, kinds=KINDS))


def test_voice_a_new_piece_of_a_paper_is_the_paper_named_before(code: Code) -> None:
    # A press digest lists each paper's pieces under its name: "An article" is new to the
    # story, yet the paper's.
    text = (
        "Following are major news items in Minas Tribune on Monday:\n"
        "- An article calls on Mordor to withdraw its troops from the border."
    )
    parties = {"Minas Tribune": "GONMED", "Mordor": "MOR"}
    events = code(text, parties, kinds={"Minas Tribune": "media"})
    called = [e for e in events if text[e.trigger[0] : e.trigger[1]].startswith("calls")]
    assert called and all(e.source_actor == "GONMED" for e in called)


def test_evaluative_evading_a_duty_is_accusation(code: Code) -> None:
    text = (
        "Mordor keeps trying to evade the responsibility for the flooded villages, the Rohan "
        "Council noted."
    )
    assert ("ROHNGO", "112", "MOR") in _coded(code(text, PARTIES, kinds=KINDS))
