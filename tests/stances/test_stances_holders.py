"""Who holds a stance in state-media copy: the voice that judges, demands or condemns, not a
party the words merely name. Each text is written for these tests (fictional countries, so
no actor table decides anything); each test names the class of error it guards."""

from __future__ import annotations

import pytest

from parley import analyze
from parley.records import Analysis

TEXTS = {
    # The voice judges another party's act: the act is the party's, the judgement the voice's.
    "judged": (
        "A spokesman for the Foreign Ministry of Ruritania in a statement on Monday denounced "
        "the war preparations of Freedonia.\n\n"
        "Freedonia staged the reckless military exercises near the border last week, the "
        "statement said."
    ),
    # A party the voice demands something of is asked; it holds nothing by being named.
    "addressee": (
        "The Ruritanian Peace Committee issued a statement on Tuesday.\n\n"
        '"We demand the south Korean authorities renounce the military exercises at once," the '
        "committee said."
    ),
    # "X should clearly know that ..." is an admonition to X by the text's own voice.
    "admonition": (
        "The Ruritanian Foreign Ministry in a statement on Monday denounced the war "
        "preparations of Freedonia.\n\n"
        "Freedonia should clearly know that its reckless military exercises will bring only "
        "shame to it."
    ),
    # A happening reported with no agent is nobody's act, least of all the reporter's.
    "agentless": (
        "The Ruritanian Peace Committee issued a statement on Tuesday.\n\n"
        '"All the talks have been suspended since the new government took office," the '
        "committee said."
    ),
    # In a speaker's own words the speaker is "we": "they" is someone else.
    "they": (
        '"The Freedonian warmongers massed troops on the islands. They staged large-scale '
        'military exercises there last week," Rodong Sinmun said.'
    ),
    # "We" after the party ("Members ... released a statement ..., We demand ...") is no sign
    # that the words address the party: the members keep their stance.
    "addressed": (
        "Members of a Nepali study group released a joint statement on Monday denouncing the "
        "moves of Freedonia against Ruritania's plan for a satellite launch., We strongly demand "
        "Freedonia stop its accusations against Ruritania, they said, and continued:\n\n"
        "It is a legitimate right of Ruritania to launch a satellite."
    ),
    # "the statement said" is the statement's author, not the party named just before it.
    "document": (
        "The Ruritanian government criticized in a statement on Wednesday the Freedonian "
        "decision to renew economic sanctions on Ruritania.\n\n"
        "The Freedonian administration recently made this decision, saying that the situation "
        "posed a threat to its security.\n\n"
        "The sanctions imposed by the Freedonian administration are a flagrant violation of "
        "international law, the statement said."
    ),
    # A term inside a name headed elsewhere is the name.
    "name": (
        "The Ruritania-Freedonia Intergovernmental Committee for Cooperation in Trade met in "
        "the capital on Monday."
    ),
}


@pytest.fixture(scope="module")
def analyses() -> dict[str, Analysis]:
    return {k: analyze(text=t, published="2012-03-01T09:00:00+09:00") for k, t in TEXTS.items()}


def _held(analysis: Analysis, issue: str) -> set[tuple[str, str]]:
    return {(s.actor_name, s.position) for s in analysis.stances if s.issue == issue}


def test_stances_holders_voice_judges_reported_act(analyses: dict[str, Analysis]) -> None:
    held = _held(analyses["judged"], "military_exercises")
    assert ("Foreign Ministry of Ruritania", "oppose") in held
    assert ("Freedonia", "support") in held  # the act, reported by the ministry
    acted = next(s for s in analyses["judged"].stances if s.actor_name == "Freedonia")
    assert acted.reported_by is not None


def test_stances_holders_addressee_of_demand_holds_nothing(
    analyses: dict[str, Analysis],
) -> None:
    held = _held(analyses["addressee"], "military_exercises")
    assert held == {("Ruritanian Peace Committee", "oppose")}


def test_stances_holders_admonition_is_the_voice_s(analyses: dict[str, Analysis]) -> None:
    held = _held(analyses["admonition"], "military_exercises")
    assert held == {("Ruritanian Foreign Ministry", "oppose")}


def test_stances_holders_agentless_happening_is_nobody_s(
    analyses: dict[str, Analysis],
) -> None:
    assert not _held(analyses["agentless"], "negotiations")


def test_stances_holders_they_in_own_words_is_someone_else(
    analyses: dict[str, Analysis],
) -> None:
    assert ("Rodong Sinmun", "support") not in _held(analyses["they"], "military_exercises")


def test_stances_holders_speaker_not_addressed_keeps_its_stance(
    analyses: dict[str, Analysis],
) -> None:
    analysis = analyses["addressed"]
    first = [s for s in analysis.stances if s.start == 0 and s.issue == "weapons_tests"]
    assert [(s.actor_name, s.position) for s in first] == [("Members of a Nepali", "support")]
    assert not any(s.actor_name == "Freedonia" for s in analysis.stances)


def test_stances_holders_the_statement_is_its_author_s(analyses: dict[str, Analysis]) -> None:
    analysis = analyses["document"]
    last = max(s.start for s in analysis.stances)
    held = {(s.actor_name, s.position) for s in analysis.stances if s.start == last}
    assert held and all(name.startswith("Ruritanian") and p == "oppose" for name, p in held)


def test_stances_holders_term_in_a_name_is_no_issue(analyses: dict[str, Analysis]) -> None:
    assert not _held(analyses["name"], "trade")


def test_stances_holders_plural_noun_of_the_voice_s_country_is_reported() -> None:
    # A real country this time: the article makes "farmers" Kenya's, as it does the union
    # that speaks, yet a party named by a plural noun alone is no part of the voice: its
    # stance is reported, not folded into the voice's (nor into Kenya's, which signed).
    text = (
        "The Kenyan Teachers Union met in Nairobi on Friday, a week after Kenya signed a trade "
        "deal.\n\n"
        "The union said that farmers oppose the free trade agreement with the U.S."
    )
    analysis = analyze(text=text, published="2012-03-01T09:00:00+09:00")
    held = [s for s in analysis.stances if s.issue == "trade" and s.position == "oppose"]
    assert [(s.actor_name, s.actor_code) for s in held] == [("farmers", None)]
    assert all(s.reported_by is not None for s in held)
