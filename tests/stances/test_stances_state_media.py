"""Stances in state-media copy that the words do not give to the voice or to the party
named: each text is written for these tests, in the manner of the KCNA stories whose
stances were wrong (fictional countries, so no actor table decides anything)."""

from __future__ import annotations

import pytest

from parley import analyze
from parley.records import Analysis

TEXTS = {
    # A participle hung on a clause says what the clause's subject does ("they"), not what
    # the voice wants.
    "participle": (
        "The Ruritanian Peace Committee issued a statement on Tuesday.\n\n"
        '"In April they cooked up a statement of the council, kicking off a campaign calling '
        'for more sanctions," the committee said.'
    ),
    # A term in a noun phrase that is the subject of a verb the words cannot read: what the
    # clause says (and the demand above it) is about the resolutions, not about sanctions.
    "subject": (
        "The Freedonian Foreign Ministry said it is essential to set up a system whereby the "
        "resolutions of the council including imposing sanctions should come into force only "
        "with the approval of the General Assembly."
    ),
    # "The organizations" are the South Korean ones named before, and so are the "they" the
    # quote stage resolved to them; "all people" name no party, whatever the country named
    # nearest.
    "description": (
        "South Korean civic organizations held a press conference in Seoul on Tuesday to "
        "condemn the authorities for yielding to the U.S.\n\n"
        "The organizations denounced the U.S. for pressing the authorities.\n\n"
        "They declared that all people oppose the humiliating alliance with the U.S."
    ),
    # A term the writer puts in quotation marks is no saying of the party named before it:
    # the narration's account of the party's act, not its words.
    "scare": (
        'The U.S. concluded the "mutual defense treaty" with south Korea to legalize the '
        "presence of its troops there."
    ),
    # An act on a judging noun that names the term: the judgement and the act are one
    # side's, and the judgement does not turn the act around.
    "judging_noun": (
        "A spokesman for the Ruritanian Foreign Ministry on Monday denounced the provocation "
        "of staging war drills near the border."
    ),
    # The purpose of a demand made of another party is the voice's; the party is asked.
    "purpose": (
        "Rodong Sinmun said in a commentary on Monday that in order to realize the "
        "denuclearization of the peninsula, the U.S. should drop its hostile policy."
    ),
    # "They" in a statement's copy are the parties it accuses, never the voice's own side,
    # whatever the event coder took them for.
    "they": (
        "A spokesman for the Foreign Ministry of the DPRK in a statement Monday denounced the "
        "war moves of the U.S. imperialists and the south Korean warmongers against the DPRK."
        "\n\nThey are staging large-scale war drills in a bid to rattle the nerves of the DPRK "
        "and attack it on that pretext."
    ),
    # What the words are against ("an anti-DPRK campaign") does not speak them.
    "anti": (
        "Rodong Sinmun Monday carried a commentary on the moves of the U.S.\n\n"
        "In April this year they cooked up a presidential statement of the council, kicking "
        "off an anti-DPRK campaign calling for additional sanctions."
    ),
    # State media's words of rejection: "find fault with", "incriminate".
    "fault": (
        "A spokesman for the Ruritanian Foreign Ministry said on Monday that no country has a "
        "right to find fault with the satellite launch of Ruritania. Freedonia incriminated "
        "the satellite launch of Ruritania."
    ),
    # An infinitive of purpose says what the main clause's subject does.
    "purpose_of_subject": (
        "Rodong Sinmun on Monday carried a commentary on the Freedonian government.\n\n"
        'The pro-U.S. Freedonian "government" emerged to give top priority to strengthening '
        "the alliance with the U.S., the commentary said."
    ),
    # A paper reports itself as "it": its "they" are others.
    "media_they": (
        "Rodong Sinmun on Monday carried an article on the war moves.\n\n"
        "They seek to launch strike warfare in the region by mobilizing U.S. troops in south "
        "Korea, the article notes."
    ),
    # ... also a longer one, whoever the quote stage took to say it.
    "scare_long": (
        'Like a dog barking at the moon, Japan trumpeted about "nuclear test in the wake of '
        'missile launch" and "additional provocation", an issue the DPRK had not expected.'
    ),
    # A coalition of political forces within a country is no alliance of states.
    "coalition": (
        "For the progressive forces in south Korea to achieve the great alliance against the "
        "conservatives is a prerequisite task for social justice, Rodong Sinmun said."
    ),
    # A judging verb with a subject of its own is that subject's act, not the voice's
    # judgement: "it" is the treaty.
    "treaty": (
        "Rodong Sinmun on Monday carried an article on the treaty.\n\n"
        "The treaty is an unequal one as it has justified the permanent presence of the U.S. "
        "forces in south Korea, the article said."
    ),
    # A leader inviting his own people to the capital is no stance on talks.
    "invitation": "President Kim invited the workers of the province to the capital on Monday.",
}


@pytest.fixture(scope="module")
def analyses() -> dict[str, Analysis]:
    return {k: analyze(text=t, published="2012-03-01T09:00:00+09:00") for k, t in TEXTS.items()}


def _held(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(s.actor_name or "", s.issue, s.position) for s in analysis.stances}


def test_stances_state_media_participle_is_the_clause_subject_s(
    analyses: dict[str, Analysis],
) -> None:
    assert not any(name.startswith("Ruritanian") for name, _, _ in _held(analyses["participle"]))


def test_stances_state_media_subject_phrase_is_not_the_voice_s(
    analyses: dict[str, Analysis],
) -> None:
    assert not any(name.startswith("Freedonian") for name, _, _ in _held(analyses["subject"]))


def test_stances_state_media_event_needs_another_country(analyses: dict[str, Analysis]) -> None:
    assert not _held(analyses["invitation"])


def test_stances_state_media_description_is_the_party_it_names(
    analyses: dict[str, Analysis],
) -> None:
    analysis = analyses["description"]
    assert analysis.stances
    assert not any((s.actor_code or "").startswith("USA") for s in analysis.stances)
    voices = {s.reported_by for s in analysis.stances}
    assert {e.actor for e in analysis.entities if e.id in voices} == {"KORNGO"}


def test_stances_state_media_generic_plural_holds_for_no_country(
    analyses: dict[str, Analysis],
) -> None:
    people = [s for s in analyses["description"].stances if s.actor_name == "people"]
    assert people and all(s.actor_code is None for s in people)


def test_stances_state_media_term_in_quotation_marks_is_no_quote(
    analyses: dict[str, Analysis],
) -> None:
    stances = [s for s in analyses["scare"].stances if s.issue == "alliances"]
    assert stances and all(s.position == "support" for s in stances)
    assert not any(e.startswith("q") for s in stances for e in s.evidence)


def test_stances_state_media_act_on_a_judging_noun(analyses: dict[str, Analysis]) -> None:
    held = _held(analyses["judging_noun"])
    assert held == {("Ruritanian Foreign Ministry", "military_exercises", "oppose")}


def test_stances_state_media_purpose_of_a_demand_is_the_voice_s(
    analyses: dict[str, Analysis],
) -> None:
    stances = [s for s in analyses["purpose"].stances if s.issue == "denuclearization"]
    assert [(s.actor_code, s.position, s.mode) for s in stances] == [
        ("PRKMED", "support", "demand")
    ]


def test_stances_state_media_they_are_not_the_voice_s_side(
    analyses: dict[str, Analysis],
) -> None:
    assert not any((s.actor_code or "").startswith("PRK") for s in analyses["they"].stances)


def test_stances_state_media_anti_x_is_not_x(analyses: dict[str, Analysis]) -> None:
    assert not any(name == "North Korea" for name, _, _ in _held(analyses["anti"]))


def test_stances_state_media_words_of_rejection(analyses: dict[str, Analysis]) -> None:
    assert _held(analyses["fault"]) == {
        ("Ruritanian Foreign Ministry", "weapons_tests", "support"),
        ("Freedonia", "weapons_tests", "oppose"),
    }


@pytest.mark.parametrize("text", ["purpose_of_subject", "media_they", "treaty"])
def test_stances_state_media_others_acts_are_not_the_paper_s(
    analyses: dict[str, Analysis], text: str
) -> None:
    assert not any(name == "Rodong Sinmun" for name, _, _ in _held(analyses[text]))


def test_stances_state_media_long_term_in_quotation_marks_is_no_quote(
    analyses: dict[str, Analysis],
) -> None:
    assert not any(name == "North Korea" for name, _, _ in _held(analyses["scare_long"]))


def test_stances_state_media_a_coalition_is_no_alliance(analyses: dict[str, Analysis]) -> None:
    assert not any(issue == "alliances" for _, issue, _ in _held(analyses["coalition"]))
