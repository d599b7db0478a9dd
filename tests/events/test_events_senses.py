"""Word senses: the same verb or noun as an event, as another event, or as no event at all;
force posture (CAMEO root 15), which military drills, reinforcements and weapons tests are."""

from __future__ import annotations

import pytest

from parley.records import Event
from tests.events.conftest import Code

COUNTRIES = {"Mordor": "MOR", "Gondor": "GON", "Rohan": "ROH"}


def _codes(events):  # type: ignore[no-untyped-def]
    return {(e.source_actor, e.cameo, e.target_actor) for e in events}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # Releasing a text is a statement, not the release of persons (0841).
        ("The Gondor foreign ministry released the following press statement on Monday.", "08"),
        ("Gondor released the figures for the harvest on Monday.", "08"),
        ("An institute of the Gondor foreign ministry released a white paper on Rohan.", "08"),
        ("A decree of the Gondor council on the awards to Rohan was released on Monday.", "08"),
        ("The army of Rohan used the video clips released by the Gondor news agency.", "08"),
        # A press release is a statement, not a release of persons.
        ("The Gondor council issued a press release on Monday about the harvest.", "08"),
        # Striking roots, a chord or a balance hits no one.
        ("The Gondor council struck deep roots among the farmers.", "19"),
        ("The Gondor envoy's speech struck a chord with the farmers of Rohan.", "19"),
        # A reporter asking for comment is the newsroom's routine, no appeal.
        ("The Gondor council did not respond to the Rohan Herald's request for comment.", "02"),
        ("A Gondor envoy did not return calls seeking comment on Monday.", "02"),
        # Releasing a thing frees no one: an advertisement, water, fish, tax papers.
        ("The Gondor candidate released a new radio advertisement on Monday.", "08"),
        ("Gondor has released tons of cooling water into the river since May.", "08"),
        # Meeting a need or a fate is no meeting of parties; talking about a thing no talks.
        ("Gondor built the dam to meet the growing demand of its farmers.", "04"),
        ("Gondor built the dam to meet the growing demand of its farmers.", "10"),
        ("The tyrant of Gondor will meet a severe punishment before long.", "04"),
        ("The regime of Gondor keeps talking about peace with no sincerity.", "04"),
        # Receiving a message, news, money or a title is not hosting a visit (043).
        ("The king of Gondor received the sad news from Rohan on Monday.", "04"),
        ("The mayor of Gondor received a large sum of money from a Rohan company.", "04"),
        ("Gondor received a message of greeting from Rohan on Monday.", "04"),
        ("The king of Gondor received a letter from Rohan.", "04"),
        # The exercise of a right or of sovereignty is its use, no military exercise (15).
        ("Rohan linked Gondor's exercise of its sovereignty with the money issue.", "15"),
        ("The king of Gondor set tasks for the exercise of the right to self-defence.", "15"),
        # Defending a thing is no verbal defence (052) of anyone.
        ("Gondor will defend its sovereignty and security against Rohan at any cost.", "05"),
        ("Gondor is defending regional peace and the security of Rohan.", "05"),
        # A letter's closing is no intent.
        ("Rohan accepted the high regard of Gondor.", "03"),
        # Committing a deed is no pledge (03); a game won or a rhythm kept no assault (18).
        ("The army of Rohan committed a grave provocation against Gondor.", "03"),
        ("Crimes against Gondor were committed by Rohan.", "03"),
        ("The team of Gondor beat the team of Rohan 2:0 in the final.", "18"),
        ("The candidate of Gondor beat expectations in the northern towns.", "18"),
        # Suggesting that something is so asserts it; it asks nobody for anything (02).
        ("The envoy of Gondor suggested that Rohan was weak on border security.", "02"),
        ("The king of Gondor suggested the harvest in Rohan had failed again.", "02"),
        # Providing a condition or a guarantee, or a mood named by a participle, is no aid
        # and no fighting; handing over a thing is no judicial handover.
        ("The treaty with Rohan provides conditions for the growth of Gondor.", "07"),
        ("Gondor provided the farmers of Rohan with better living conditions.", "07"),
        ("The leader of Gondor provided field guidance to a farm in Rohan.", "07"),
        (
            "Officials of Gondor are raising the enthusiasm and fighting spirit of the masses.",
            "19",
        ),
        ("Licenses for the new houses were handed over to the farmers of Gondor.", "06"),
        ("The mayor of Gondor handed over the keys to the envoy of Rohan.", "06"),
        # Backing down, off, away or out of a thing gives it up; it backs no one (051).
        ("The Gondor council backed away from its plan to tax Rohan's grain.", "05"),
        ("Facing anger in the mines, Gondor backed off within a week.", "05"),
        ("The king of Gondor has backed out of the summit with Rohan.", "05"),
        ("The envoy of Gondor was not backing down on the border dispute.", "05"),
        # Asking a question is no appeal (02).
        ("The envoy of Gondor asked the farmers of Rohan about the harvest.", "02"),
        ("The king of Gondor asked whether Rohan would send more grain.", "02"),
        ("The king of Gondor asked why Rohan had closed the border.", "02"),
        # What a task or a situation requires is what it needs, no demand (10).
        ("The new dam of Gondor requires advanced technology from Rohan.", "10"),
        ("The situation requires the farmers of Gondor to stay alert.", "10"),
    ],
)
def test_senses_not_the_bare_words_event(code: Code, text: str, absent: str) -> None:
    events = code(text, COUNTRIES)
    assert all(e.cameo[:2] != absent for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Gondor defended the decision of Rohan to close the border.",
        # A party's right defended is the party defended.
        "Gondor defended the right of Rohan to hold the elections.",
    ],
)
def test_senses_verbal_defence_of_a_party_stays(code: Code, text: str) -> None:
    assert any(e.cameo == "052" for e in code(text, COUNTRIES))


def test_senses_backing_a_party_stays_support(code: Code) -> None:
    assert any(e.cameo == "051" for e in code("Gondor backed Rohan in the dispute.", COUNTRIES))


def test_senses_striking_a_deal_is_an_agreement(code: Code) -> None:
    events = code("Gondor struck a deal with Rohan on the border on Monday.", COUNTRIES)
    assert any(e.cameo == "057" for e in events)
    assert not any(e.cameo.startswith("19") for e in events)


def test_senses_asking_a_party_for_its_comments_stays_an_appeal(code: Code) -> None:
    text = "Gondor called for comments from Rohan on the draft treaty."
    assert any(e.cameo.startswith("02") for e in code(text, COUNTRIES))


@pytest.mark.parametrize(
    "text",
    [
        "Gondor released three prisoners from Rohan on Monday.",
        "Gondor freed the unlawfully detained shepherds of Rohan on Monday.",
        "Gondor released two Rohan journalists on Monday.",
    ],
)
def test_senses_release_of_persons_stays(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert any(e.cameo == "0841" for e in events)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Gondor conducted live ammunition firing drills near the border on Monday.", "150"),
        ("Gondor staged shelling exercises on the islands.", "150"),
        ("Mordor and Rohan staged joint naval maneuvers last week.", "150"),
        ("Gondor has reinforced its troops along the border.", "154"),
        ("Mordor conducted its fifth nuclear test on Friday.", "150"),
        ("Mordor's nuclear test drew wide protest.", "150"),
        # A weapon's test-fire or test launch shows force; it fires at nobody (no 19).
        ("Mordor test-fired a new long-range rocket over the sea on Monday.", "150"),
        ("Gondor test-launched an old cruise missile from its western coast.", "150"),
        ("The Gondor army conducted a test-fire of its new artillery pieces.", "150"),
        ("Mordor carried out two test-firings of a heavy launcher last week.", "150"),
    ],
)
def test_senses_force_posture(code: Code, text: str, cameo: str) -> None:
    events = code(text, COUNTRIES)
    assert cameo in {e.cameo for e in events}
    # Drills are no fighting (19) and no assault (18).
    assert all(e.cameo[:2] not in ("18", "19") for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Gondor army took a measure to physically cut off roads linked with Rohan.",
            ("GONMIL", "191", "ROH"),
        ),
        ("Gondor closed its border with Rohan on Friday.", ("GON", "191", "ROH")),
        ("Gondor cut off assistance to Rohan on Friday.", ("GON", "162", "ROH")),
    ],
)
def test_senses_cutting_off_roads_is_a_blockade(
    code: Code, text: str, expected: tuple[str, str, str]
) -> None:
    events = code(text, {**COUNTRIES, "Gondor army": "GONMIL"})
    assert expected in _codes(events)


def test_senses_protesters_blocking_a_road_protest(code: Code) -> None:
    events = code("Rohan farmers blocked the road to the capital on Friday.", COUNTRIES)
    assert {e.cameo for e in events} == {"144"}


@pytest.mark.parametrize(
    "text",
    [
        "Rohan demonstrators clashed with the Gondor police on Friday.",
        "The Gondor consulate was torched by Rohan protesters on Friday.",
        "Hundreds of rioters stormed the Gondor embassy in Rohan.",
    ],
)
def test_senses_force_used_by_protesters_is_a_riot(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert "145" in {e.cameo for e in events}
    assert not {e.cameo[:2] for e in events} & {"17", "18", "19"}


def test_senses_released_report_is_no_release_of_persons(code: Code) -> None:
    text = "A long report released on Tuesday in Gondor alleged that Rohan knew of the raid."
    events = code(text, COUNTRIES)
    assert all(e.cameo[:2] != "08" for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gondor strengthened ties with Rohan last year.", ("GON", "05", "ROH")),
        ("Gondor expanded cooperation with Rohan last year.", ("GON", "06", "ROH")),
    ],
)
def test_senses_strengthening_relations_is_cooperation(
    code: Code, text: str, expected: tuple[str, str, str]
) -> None:
    events = code(text, COUNTRIES)
    assert expected in {(e.source_actor, e.cameo[:2], e.target_actor) for e in events}


def test_senses_two_parties_deepening_a_partnership_act_on_each_other(code: Code) -> None:
    events = code("Gondor and Rohan are seeking to deepen a partnership in trade.", COUNTRIES)
    assert {(e.source_actor, e.cameo, e.target_actor) for e in events} == {
        ("GON", "031", "ROH"),
        ("ROH", "031", "GON"),
    }


@pytest.mark.parametrize(
    "text",
    [
        # Tokens of esteem go from the sender to the addressee, whoever is the subject.
        "Gondor sent a congratulatory message to Rohan on Monday.",
        "Rohan received a congratulatory letter from Gondor on Monday.",
        "Rohan received a floral basket from Gondor on Monday.",
    ],
)
def test_senses_tokens_of_esteem_are_praise_from_the_sender(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert ("GON", "051", "ROH") in _codes(events)
    assert all(e.cameo[:2] != "04" for e in events)


def test_senses_people_held_as_human_shields_are_hostages(code: Code) -> None:
    text = "The Mordor army has been holding hundreds of farmers as human shields near the river."
    events = code(text, {"Mordor": "MOR"})
    assert [(e.source_actor, e.cameo) for e in events] == [("MORMIL", "181")]


@pytest.mark.parametrize(
    "text",
    [
        "Mordor's rocket tests would pose a strategic threat, the envoy of Gondor said.",
        "The rocket tests of Mordor constitute a grave threat to the region.",
        "Mordor remains a threat to Gondor.",
    ],
)
def test_senses_posing_a_threat_is_no_threat_made(code: Code, text: str) -> None:
    # A danger someone sees is not a warning someone made (CAMEO 13).
    events = code(text, COUNTRIES)
    assert all(e.cameo[:2] != "13" for e in events)


def test_senses_a_threat_made_stays(code: Code) -> None:
    events = code("Mordor made a threat against Gondor on Monday.", COUNTRIES)
    assert ("MOR", "130", "GON") in _codes(events)


def test_senses_commitment_to_a_party_stays_a_pledge(code: Code) -> None:
    events = code("Gondor committed itself to dialogue with Rohan.", COUNTRIES)
    assert any(e.cameo[:2] == "03" and e.source_actor == "GON" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Mordor kicked up a racket against Gondor over its satellite launch.",
        "The foreign minister of Rohan branded Mordor as a rogue state.",
        "Mordor is floating a ridiculous story about Gondor.",
    ],
)
def test_senses_smear_idioms_are_accusations(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert any(e.cameo == "112" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Mordor groundlessly slandered the trade between Gondor and Rohan.",
        "Mordor defamed the leadership of Gondor on Tuesday.",
        "Mordor derided Gondor as a paper tiger.",
        "Mordor castigated Gondor for its silence.",
    ],
)
def test_senses_slandering_a_party_is_disapproval(code: Code, text: str) -> None:
    assert ("MOR", "111", "GON") in _codes(code(text, COUNTRIES))


@pytest.mark.parametrize(
    "text",
    [
        "Gondor held a press conference outside the hall on Monday to denounce Mordor.",
        "Gondor held a news conference on Monday, denouncing Mordor.",
    ],
)
def test_senses_a_press_conference_is_no_meeting_its_purpose_is_coded(
    code: Code, text: str
) -> None:
    codes = _codes(code(text, COUNTRIES))
    assert not any(c[:2] == "04" for _, c, _ in codes)
    assert ("GON", "111", "MOR") in codes


def test_senses_talking_with_a_party_is_still_consulting(code: Code) -> None:
    events = code("Gondor talked with Rohan about the dam.", COUNTRIES)
    assert ("GON", "040", "ROH") in _codes(events)


@pytest.mark.parametrize(
    "text",
    [
        # A call by telephone is a talk (041), not an appeal.
        "The Gondor envoy held a phone call with Rohan on Monday.",
        "Gondor had a conference call with Rohan about the dam.",
        "Gondor placed several calls to Rohan over the winter.",
        "Gondor received a call from Rohan on Monday.",
        "Gondor held frequent calls with Rohan about the dam.",
    ],
)
def test_senses_a_call_by_telephone_is_a_talk_not_an_appeal(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert any(e.cameo == "041" for e in events)
    assert not any(e.cameo.startswith("02") for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Gondor renewed its call for a ceasefire with Rohan.",
        "Gondor made a call to Rohan to lift the blockade.",
    ],
)
def test_senses_a_call_for_a_thing_stays_an_appeal(code: Code, text: str) -> None:
    assert any(e.cameo.startswith("02") for e in code(text, COUNTRIES))


def test_senses_two_parties_talking_about_a_thing_are_consulting(code: Code) -> None:
    events = code("Gondor and Rohan are talking about the dam again.", COUNTRIES)
    assert {("GON", "040", "ROH"), ("ROH", "040", "GON")} <= _codes(events)


@pytest.mark.parametrize(
    "text",
    [
        "Present there were members of the Rohan Association for Friendship and Cultural "
        "Cooperation.",
        "Gondor hosted the delegation of the Rohan Association for Friendship and Cultural "
        "Cooperation.",
    ],
)
def test_senses_a_word_of_an_organisation_s_name_is_no_event(code: Code, text: str) -> None:
    name = "Rohan Association for Friendship and Cultural Cooperation"
    events = code(text, {**COUNTRIES, name: "ROHNGO"}, kinds={name: "organization"})
    assert not any(e.cameo[:2] == "06" for e in events)


def test_senses_receiving_a_delegation_is_hosting_a_visit(code: Code) -> None:
    events = code("Gondor received a delegation of Rohan on Monday.", COUNTRIES)
    assert ("GON", "043", "ROH") in _codes(events)


def test_senses_a_gerund_of_a_body_s_name_is_no_event(code: Code) -> None:
    name = "Rohan Committee for Supporting the Peaceful Reunification of Gondor"
    text = f"The {name} denounced Mordor on Monday."
    events = code(text, {**COUNTRIES, name: "ROHNGO"}, kinds={name: "organization"})
    assert not any(e.cameo[:2] == "05" for e in events)
    assert ("ROHNGO", "111", "MOR") in _codes(events)


@pytest.mark.parametrize(
    ("text", "code_"),
    [
        ("Gondor received a gift from Rohan on Monday.", "070"),
        ("Gondor received weapons from Rohan on Monday.", "072"),
        ("Gondor received funds from Rohan on Monday.", "071"),
        ("Gondor received assurances from Rohan on Monday.", "030"),
    ],
)
def test_senses_a_thing_received_is_the_giver_s_act_on_the_receiver(
    code: Code, text: str, code_: str
) -> None:
    events = code(text, COUNTRIES)
    assert ("ROH", code_, "GON") in _codes(events)
    assert not any(e.cameo == "043" for e in events)


def test_senses_receiving_credentials_is_still_hosting(code: Code) -> None:
    events = code("Gondor received credentials from the ambassador of Rohan.", COUNTRIES)
    assert any(e.cameo == "043" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Rohan presented the delegation of Gondor with gifts on Monday.",
        "Rohan handed over a gift to Gondor on Monday.",
    ],
)
def test_senses_a_gift_presented_or_handed_over_goes_to_its_receiver(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert ("ROH", "070", "GON") in _codes(events)
    assert not any(e.cameo == "063" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Rohan provided Gondor with humanitarian aid on Monday.",
        "Rohan provided humanitarian aid to Gondor on Monday.",
    ],
)
def test_senses_aid_provided_stays_aid(code: Code, text: str) -> None:
    assert ("ROH", "070", "GON") in _codes(code(text, COUNTRIES))


def test_senses_people_handed_over_are_a_judicial_handover(code: Code) -> None:
    events = code("Rohan handed over two suspects to Gondor on Monday.", COUNTRIES)
    assert any(e.cameo == "063" and e.source_actor == "ROH" for e in events)


POLITICIANS = {"Frodo Baggins": "GONGOV", "Samwise Gamgee": "GONLEG", "Gondor": "GON"}
PEOPLE = {"Frodo Baggins": "person", "Samwise Gamgee": "person"}


@pytest.mark.parametrize(
    "text",
    [
        "Samwise Gamgee kept attacking Frodo Baggins in the debate on Tuesday.",
        "The personal attacks of Samwise Gamgee on the council alarmed Gondor.",
        # A clash or a fight between two politicians is one of words.
        "Samwise Gamgee clashed with Frodo Baggins over the budget on Tuesday.",
        "Samwise Gamgee fought Frodo Baggins over the budget on Tuesday.",
        # A named person the entity stage left uncoded bears no arms either.
        "Rosie Cotton attacked Frodo Baggins in a speech on Tuesday.",
    ],
)
def test_senses_attacks_among_politicians_are_criticism(code: Code, text: str) -> None:
    actors = {**POLITICIANS, "Rosie Cotton": ""}
    events = code(text, actors, kinds={**PEOPLE, "Rosie Cotton": "person"})
    assert any(e.cameo == "111" for e in events)
    assert not any(e.cameo[:2] in ("18", "19") for e in events)


def _between_rivals(code: Code, text: str) -> tuple[Event, ...]:
    """The events of ``text`` between two politicians of two countries."""
    actors = {"Frodo Baggins": "GONGOV", "Rosie Cotton": "ROHLEG"}
    return tuple(code(text, actors, kinds=dict.fromkeys(actors, "person")))


@pytest.mark.parametrize(
    "text",
    [
        # A retort, an attack for a reason, on words or a record, or on a rival, one made
        # in a debate or by an ad: words, whatever the two sides are.
        "Rosie Cotton fired back at Frodo Baggins over the harbour tax on Tuesday.",
        "Rosie Cotton attacked Frodo Baggins for raising the harbour tax.",
        "Rosie Cotton attacked Frodo Baggins as having betrayed the farmers.",
        "Rosie Cotton attacked the record of Frodo Baggins on the harbour.",
        "Rosie Cotton attacked her rivals, Frodo Baggins among them, on Tuesday.",
        "The attacks of Rosie Cotton on Frodo Baggins at the debate drew cheers.",
        "Rosie Cotton paid for ads attacking Frodo Baggins on the radio.",
        # Words of attack that have no blow in them at all.
        "Rosie Cotton hit out at Frodo Baggins for his silence on the harbour.",
        "Rosie Cotton lashed out at Frodo Baggins after the vote on Tuesday.",
        "Rosie Cotton took aim at Frodo Baggins in her speech on Tuesday.",
    ],
)
def test_senses_verbal_attacks_are_criticism(code: Code, text: str) -> None:
    events = _between_rivals(code, text)
    assert any(e.cameo == "111" for e in events), _codes(events)
    assert not any(e.cameo[:2] in ("18", "19") for e in events), _codes(events)


@pytest.mark.parametrize(
    "text",
    [
        "Rosie Cotton is the only candidate who can beat Frodo Baggins one-on-one.",
        "Rosie Cotton and her allies should beat Frodo Baggins at the polls in May.",
    ],
)
def test_senses_beating_a_candidate_is_no_assault(code: Code, text: str) -> None:
    events = _between_rivals(code, text)
    assert not any(e.cameo[:2] == "18" for e in events), _codes(events)


def test_senses_beating_a_rival_in_a_poll_is_no_assault(code: Code) -> None:
    text = "Samwise Gamgee would beat Frodo Baggins 53 percent to 36 percent."
    assert not any(e.cameo[:2] == "18" for e in code(text, POLITICIANS, kinds=PEOPLE))


def test_senses_an_attack_by_an_army_stays_an_assault(code: Code) -> None:
    events = code("The army of Rohan attacked Gondor on Tuesday.", COUNTRIES)
    assert any(e.cameo[:2] == "19" for e in events)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Rohan expressed support for Gondor on Monday.", ("ROH", "GON")),
        ("Rohan expressed its full support for Gondor on Monday.", ("ROH", "GON")),
        # Support won or received is given by its of-phrase.
        ("Gondor won the support of Rohan on Monday.", ("ROH", "GON")),
    ],
)
def test_senses_support_goes_to_whom_it_is_for(
    code: Code, text: str, pair: tuple[str, str]
) -> None:
    pairs = {(e.source_actor, e.target_actor) for e in code(text, COUNTRIES) if e.cameo == "051"}
    assert pair in pairs
    assert pair[::-1] not in pairs


@pytest.mark.parametrize(
    "text",
    [
        "Frodo Baggins drew deep support among the farmers of Gondor.",
        "Frodo Baggins has 40 percent support in Gondor, a poll found.",
        "Frodo Baggins is losing support in Gondor.",
    ],
)
def test_senses_support_measured_in_polls_is_no_event(code: Code, text: str) -> None:
    assert not any(e.cameo == "051" for e in code(text, POLITICIANS, kinds=PEOPLE))


@pytest.mark.parametrize(
    "text",
    [
        "Asked whether he would back Frodo Baggins, Samwise Gamgee said no.",
        "Samwise Gamgee was asked whether he knew Frodo Baggins.",
        "When asked about Frodo Baggins, Samwise Gamgee smiled.",
        "Reporters asked Samwise Gamgee questions about Frodo Baggins.",
    ],
)
def test_senses_a_question_put_is_no_appeal(code: Code, text: str) -> None:
    assert not any(e.cameo[:2] == "02" for e in code(text, POLITICIANS, kinds=PEOPLE))


def test_senses_a_request_asked_stays_an_appeal(code: Code) -> None:
    events = code("Rohan asked Gondor for food aid on Monday.", COUNTRIES)
    assert any(e.cameo[:2] == "02" and e.source_actor == "ROH" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The council of Gondor considers the farmers of Rohan as its own brothers.",
        "Mordor has always considered the river as the main artery of its economy.",
        "The river of Gondor is considered a gift of nature by the people of Rohan.",
        "Mordor considers even a small border patrol of Gondor as dangerous.",
    ],
)
def test_senses_consider_as_is_a_judgement_not_an_option_weighed(code: Code, text: str) -> None:
    assert not [e for e in code(text, COUNTRIES) if e.cameo == "014"]


def test_senses_considering_a_measure_is_still_weighed(code: Code) -> None:
    text = "Gondor is considering new sanctions against Mordor."
    assert ("GON", "014", "MOR") in _codes(code(text, COUNTRIES))


@pytest.mark.parametrize(
    "text",
    [
        "The envoy of Gondor suggested that Rohan should reopen the border.",
        "The envoy of Gondor suggested that Rohan needs to reopen the border.",
    ],
)
def test_senses_suggesting_what_ought_to_be_stays_a_proposal(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert any(e.cameo[:2] == "02" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "About 7 in 10 young voters in Gondor supported Aragorn in the caucuses.",
        "Women in Gondor backed Aragorn by a 20 point margin.",
        "Aragorn was backed by a majority of older voters in Gondor.",
        "Aragorn led with the support of 40 percent of likely voters in Gondor.",
        "Nearly half of the voters in Gondor want the new tax repealed.",
    ],
)
def test_senses_a_poll_of_voters_is_no_backing(code: Code, text: str) -> None:
    # How an electorate answers a poll is a finding about it, not an act of support (05)
    # or an appeal (02) of one party towards another.
    events = code(text, {**COUNTRIES, "Aragorn": "GONGOV"})
    assert all(e.cameo[:2] not in ("02", "05") for e in events)


def test_senses_a_party_backing_stays(code: Code) -> None:
    actors = {**COUNTRIES, "Aragorn": "GONGOV"}
    events = code("The council of Rohan backed Aragorn at the summit.", actors)
    assert any(e.cameo[:2] == "05" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The farmers of Rohan still remember the king of Gondor's bold promises.",
        "That is one of the king of Gondor's favourite proposals.",
        "His call angered the farmers of Rohan.",
    ],
)
def test_senses_a_bare_appeal_or_promise_noun_is_no_event(code: Code, text: str) -> None:
    # With nothing said of what is asked or promised and no one it is made to, the noun
    # names a topic or points back to an act told before.
    events = code(text, COUNTRIES)
    assert all(e.cameo[:2] not in ("02", "03") for e in events)


def test_senses_an_appeal_noun_with_its_content_stays(code: Code) -> None:
    text = "The king of Gondor's call for a ban on Rohan's grain angered farmers."
    events = code(text, COUNTRIES)
    assert any(e.cameo[:2] == "02" for e in events)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # A plea in court answers a charge; it asks nothing of anyone (02).
        ("The mayor of Gondor pleaded guilty to taking bribes from a Rohan firm.", "02"),
        ("The Gondor envoy has pleaded not guilty to the charges.", "02"),
        # Delegates pledged by a primary's vote are no promise anyone makes (03).
        ("Aragorn won 40 pledged delegates in the Gondor primary.", "03"),
        # Agreeing that something is so is an opinion shared, no intent (03).
        ("Most farmers in Rohan agree the new tax was a mistake.", "03"),
        # Providing information or offering a view tells; it gives and promises nothing.
        ("The Gondor envoy provided new details about the raid on Rohan.", "07"),
        ("The report offers a glimpse of life in the mountains of Rohan.", "03"),
        # Helping an outcome along with nobody helped gives no aid (07).
        ("Cheap grain from Rohan helped keep prices low in Gondor.", "07"),
        ("The Gondor reports helped add momentum to the inquiry.", "07"),
    ],
)
def test_senses_pleas_views_and_outcomes_are_no_event(code: Code, text: str, absent: str) -> None:
    events = code(text, COUNTRIES)
    assert all(e.cameo[:2] != absent for e in events)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("The envoy of Rohan pleaded with Gondor to reopen the border.", "02"),
        ("Gondor and Rohan agreed that they would resume talks in May.", "03"),
        ("Gondor helped Rohan rebuild the bridge.", "07"),
        ("Gondor provided aid to Rohan after the flood.", "07"),
    ],
)
def test_senses_pleas_agreements_and_help_to_a_party_stay(code: Code, text: str, root: str) -> None:
    assert any(e.cameo[:2] == root for e in code(text, COUNTRIES))


@pytest.mark.parametrize(
    "text",
    [
        # Backing a measure or a stance with no party on its receiving end is a stance on
        # an issue, no act of one party towards another (05).
        "The senator from Gondor fully supports the final bill.",
        "The king of Gondor's support for the grain tax surprised the farmers.",
        "The council of Rohan welcomed the new rules on fishing.",
        "The envoy of Gondor supports keeping the mountain passes closed.",
        "The king of Gondor signed the measure on Monday.",
        # Asking for a measure or a course of action with no one asked is a stance too (02).
        "The envoy of Gondor called for a ban on hunting in the hills.",
        "The king of Gondor suggests lowering the grain tax.",
        "The council of Gondor called for denying entry to travellers.",
    ],
)
def test_senses_backing_a_policy_is_no_event(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert all(e.cameo[:2] not in ("02", "05") for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Gondor welcomed the proposal of Rohan on the border.",
        "Gondor supports Rohan's position on the border.",
        "The king of Gondor struck a deal to open the mountain passes.",
        # After an object a for-gerund is the reason for the praise, not a measure.
        "The king of Gondor praised Rohan for reopening the mountain passes.",
    ],
)
def test_senses_backing_a_partys_measure_or_a_deal_stays(code: Code, text: str) -> None:
    assert any(e.cameo[:2] == "05" for e in code(text, COUNTRIES))


def test_senses_asking_a_party_for_a_measure_stays(code: Code) -> None:
    events = code("Gondor called for sanctions against Rohan.", COUNTRIES)
    assert any(e.cameo[:2] == "02" for e in events)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # Accepting money or an award receives it; it promises no cooperation (03).
        ("The Gondor foundation accepted millions of dollars from Rohan firms.", "03"),
        ("The mayor of Gondor accepted an award from the farmers.", "03"),
    ],
)
def test_senses_accepting_money_is_no_intent(code: Code, text: str, absent: str) -> None:
    assert all(e.cameo[:2] != absent for e in code(text, COUNTRIES))


def test_senses_accepting_refugees_is_asylum(code: Code) -> None:
    events = code("Gondor accepted thousands of refugees from Rohan last year.", COUNTRIES)
    assert any(e.cameo == "075" for e in events)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # Judging what someone is weighs no option (014).
        ("Many in Rohan would consider that an embarrassment for Gondor.", "01"),
        ("The king of Gondor considers the envoy of Rohan hopelessly naive.", "01"),
        # Meeting a pledge or an objective fulfils it; it meets no one (04).
        ("Gondor will meet the pledge it made to the farmers in May.", "04"),
        ("The council of Rohan said its objective had been met.", "04"),
    ],
)
def test_senses_judging_and_fulfilling_are_no_event(code: Code, text: str, absent: str) -> None:
    assert all(e.cameo[:2] != absent for e in code(text, COUNTRIES))


@pytest.mark.parametrize(
    "text",
    [
        "Gondor pulled its funding from the harbour project of Rohan last spring.",
        "Gondor has stopped funding the schools of Rohan.",
        "The council of Gondor voted to defund the Rohan mission.",
        "Gondor froze its aid to Rohan after the border clash.",
    ],
)
def test_senses_funding_taken_back_is_aid_stopped(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert any(e.cameo.startswith("162") and e.source_actor == "GON" for e in events)
    assert not any(e.cameo.startswith("07") for e in events)


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # Withheld when it would have been given: an announced refusal is future.
        ("Gondor said it will not fund the festival of Rohan this year.", "future"),
        ("Gondor decided not to fund the harbour of Rohan.", "asserted"),
        ("Gondor's decision not to fund the harbour of Rohan surprised the envoys.", "asserted"),
    ],
)
def test_senses_money_refused_is_aid_withheld(code: Code, text: str, modality: str) -> None:
    events = code(text, COUNTRIES)
    withheld = [e for e in events if e.cameo == "1621"]
    assert withheld and all(e.modality == modality for e in withheld)
    assert not any(e.cameo.startswith(("07", "12")) for e in events)


def test_senses_other_aid_refused_stays_a_rejection(code: Code) -> None:
    events = code("Gondor said it will not accept any refugees from Rohan.", COUNTRIES)
    assert any(e.cameo.startswith("12") for e in events)
    assert not any(e.cameo.startswith("16") for e in events)


def test_senses_a_decision_to_act_reports_the_act(code: Code) -> None:
    # Only a denied to-clause makes the decision noun a statement: this one was carried out.
    events = code("Gondor's decision to send aid to Rohan angered the envoys.", COUNTRIES)
    assert any(e.cameo.startswith("07") for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The king of Gondor has been critical of Rohan for years.",
        "The envoy of Gondor remained highly critical of the Rohan council.",
        "Gondor was dismissive of the proposal of Rohan.",
    ],
)
def test_senses_critical_of_a_party_is_disapproval(code: Code, text: str) -> None:
    assert any(e.cameo == "111" for e in code(text, COUNTRIES))


@pytest.mark.parametrize(
    "text",
    [
        "Samwise Gamgee has long been critical of Frodo Baggins.",
        "Samwise Gamgee grew dismissive of Frodo Baggins's plan for the harbour.",
    ],
)
def test_senses_critical_of_names_its_target(code: Code, text: str) -> None:
    # Both of one country, so no other country of the sentence can stand in: the of-phrase.
    events = code(text, POLITICIANS, kinds=PEOPLE)
    assert any(
        e.cameo == "111" and (e.source_actor, e.target_actor) == ("GONLEG", "GONGOV")
        for e in events
    )


def test_senses_critical_of_them_is_not_of_the_critics(code: Code) -> None:
    # "them" is never the citizens themselves: neither the adjective's target nor, through
    # it, the one the paper's unaimed criticism is aimed at.
    text = (
        "It is deplorable that the ministries of Gondor take bribes, the Gondor Times noted, "
        "adding that the citizens of Gondor are critical of them."
    )
    events = code(
        text, {**COUNTRIES, "Gondor Times": "GONMED"}, kinds={"Gondor Times": "organization"}
    )
    assert not any(e.cameo == "111" and e.target_actor == "GONCVL" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        # "critical" as "essential": no disapproval of anyone.
        "It is critical for Gondor to hold talks with Rohan.",
        "The harbour of Rohan is critical to the trade of Gondor.",
        # An auxiliary "been" heads no clause of its own.
        "Gondor has been criticised by Rohan for the dam.",
    ],
)
def test_senses_critical_in_other_senses_is_no_disapproval(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert not any(e.cameo == "111" and e.source_actor == "GON" for e in events)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # A date after the verb says when: nobody is called on, insisted on or fired on.
        ("The king of Gondor called the envoy of Rohan a liar on Monday.", "02"),
        ("On Wednesday night the king of Gondor insisted that Rohan was calm.", "10"),
        ("The envoy of Gondor was fired on June 20 by the king.", "19"),
    ],
)
def test_senses_a_date_is_no_particle_of_the_verb(code: Code, text: str, absent: str) -> None:
    assert all(e.cameo[:2] != absent for e in code(text, COUNTRIES))


def test_senses_calling_on_a_party_on_a_day_stays_an_appeal(code: Code) -> None:
    events = code("Gondor called on Rohan on Monday to withdraw its troops.", COUNTRIES)
    assert any(e.cameo.startswith("02") and e.target_actor == "ROH" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Gondor stepped up its crackdown on the traders of Rohan last week.",
        "Gondor is intensifying its suppression of the Rohan merchants in the capital.",
        "Gondor brutally suppressed the shepherds of Rohan on Monday.",
    ],
)
def test_senses_holding_a_party_down_is_coercion(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert any(e.cameo[:2] == "17" and e.source_actor == "GON" for e in events), _codes(events)


@pytest.mark.parametrize(
    "text",
    [
        "The envoy of Gondor could not repress his bitter grief at the news from Rohan.",
        "Gondor tried to suppress the evidence of the raid on Rohan.",
    ],
)
def test_senses_holding_back_a_feeling_or_a_fact_is_no_coercion(code: Code, text: str) -> None:
    assert all(e.cameo[:2] != "17" for e in code(text, COUNTRIES))


FORCE_ROOTS = ("18", "19", "20")


@pytest.mark.parametrize(
    "text",
    [
        # A disaster, an accident or an illness kills or strikes; no party acts on another.
        "Heavy floods in the provinces of Gondor killed at least forty people last week.",
        "Two sailors of Rohan were killed by a collision of their boats on Monday.",
        "A powerful typhoon struck the southern coast of Gondor on Monday.",
        # A court voids a law; a deal kills jobs; a campaign is fought over votes.
        "The ruling of the Gondor court struck down the tax on the farmers of Rohan.",
        "The envoy of Gondor said the treaty with Rohan kills jobs in the north.",
        "The mayor of Gondor has fought for the bill on the harbour for years.",
        "The king of Gondor vowed to fight these laws of Rohan in every court.",
        "The parties of Gondor keep fighting about the envoy of Rohan.",
        # A game of numbers won, a tune struck, an office held.
        "The candidate of Gondor beat the polls in the northern towns of Rohan.",
        "The envoy of Gondor struck a similar tune at the meeting in Rohan.",
        "The family of the king occupied a high position in Gondor for decades.",
        # A death or a hurt with no doer but an accident or a fire named in the passive's
        # in-phrase, however the parser joins the verbs.
        "Nine farmers of Gondor were killed and twelve others injured in a traffic accident.",
        "Four weavers of Rohan were killed in a fire that broke out in a mill in Gondor.",
        "Two shepherds of Rohan were killed in a landslide near the border of Gondor.",
        # A game or a vote won: by a score, in an election, at the polls.
        "The eleven of Gondor beat Rohan 2:0 in the opening match on Sunday.",
        "The eleven of Gondor beat the eleven of Rohan 45-40 on Sunday.",
        "The mayor of Gondor beat the envoy in the election in Rohan.",
        # Grief and habits beaten.
        "Overcome by grief, the farmers of Gondor wept for Rohan, beating the ground.",
        "The clinic of Gondor helps the addicts of Rohan beat their addiction.",
    ],
)
def test_senses_force_words_with_no_force(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert all(e.cameo[:2] not in FORCE_ROOTS for e in events), _codes(events)


@pytest.mark.parametrize(
    "text",
    [
        "The forces of Gondor bombed a hospital in Rohan on Monday.",
        "A drone strike by Gondor killed four people in Rohan on Monday.",
        "The army of Gondor killed four shepherds of Rohan on Monday.",
        "The army of Gondor fired shells at the villages of Rohan.",
        "The troops of Gondor fought the army of Rohan near the river.",
        "The army of Gondor struck the border posts of Rohan on Monday.",
        # An attack in the in-phrase, or fire a party's name says whose, is a party's act.
        "Two shepherds of Rohan were killed in an attack by the army of Gondor.",
        "Two shepherds of Rohan were killed in Israeli fire near the border.",
        # A body beaten, and a country firing back at another, stay force.
        "The guards of Gondor beat the envoy of Rohan to death with clubs.",
        "Gondor fired back at Rohan across the river on Monday.",
        "Gondor attacked the convoys of Rohan for carrying arms to the rebels.",
    ],
)
def test_senses_force_by_a_party_stays(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert any(e.cameo[:2] in FORCE_ROOTS for e in events), _codes(events)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # Troops that arrive are deployed, no visit (042); peacekeepers keep a peace (074).
        ("The troops of Gondor arrived in Rohan on Monday.", "154"),
        ("The first Gondor peacekeeping troops arrived in Rohan on Monday.", "074"),
        ("Gondor deployed peacekeepers in Rohan.", "074"),
        # Expelling inspectors, observers or peacekeepers is the codebook's 166x.
        ("Mordor expelled the inspectors of Gondor from the mines.", "1662"),
        ("The observers of Rohan were expelled by Mordor.", "1662"),
        ("Mordor expelled the peacekeepers of Gondor.", "1661"),
        # Sent out of a country: an expulsion (174), not a demand.
        ("Thousands of Rohan farmers were ordered out of Gondor.", "174"),
        # An attack on the unarmed is unconventional violence (18), no battle (19).
        ("A camp of Rohan refugees was attacked by Mordor militiamen.", "180"),
        ("Mordor attacked civilians in Rohan.", "180"),
        # A mediation effort is a mediation (045).
        ("The king of Rohan launched a mediation effort between Gondor and Mordor.", "045"),
    ],
)
def test_senses_deployments_expulsions_and_assaults(code: Code, text: str, cameo: str) -> None:
    assert any(e.cameo == cameo for e in code(text, COUNTRIES))


@pytest.mark.parametrize(
    "text",
    [
        "The troops of Gondor arrived in Rohan on Monday.",
        "Mordor attacked civilians in Rohan.",
        "Mordor expelled the inspectors of Gondor from the mines.",
    ],
)
def test_senses_deployments_and_assaults_are_no_visit_or_battle(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert not any(e.cameo in ("042", "174") or e.cameo.startswith("19") for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The minister of Gondor arrived in Rohan on Monday.",
        "Mordor attacked the army of Rohan.",
    ],
)
def test_senses_visits_and_battles_stay(code: Code, text: str) -> None:
    assert any(e.cameo == "042" or e.cameo.startswith("19") for e in code(text, COUNTRIES))


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # A blockade or siege lifted is a military blockade eased, not rules relaxed (081).
        ("Gondor lifted its naval blockade of the Rohan ports on Tuesday.", "0872"),
        ("Mordor has eased the siege of the Rohan capital.", "0872"),
        # Letting aid through is allowing humanitarian aid (0863), not a yield of any kind.
        ("Gondor opened the pass to allow the delivery of rice and salt to Rohan.", "0863"),
        ("Mordor permitted relief convoys to cross into Rohan on Friday.", "0863"),
        # A mediation effort ended is a mediation halted (165), whatever the effort is called.
        ("Gondor envoys on Monday ended their mediation efforts between Rohan and Mordor.", "165"),
        ("Gondor abandoned its mediation bid between Rohan and Mordor.", "165"),
    ],
)
def test_senses_blockades_aid_and_mediation(code: Code, text: str, cameo: str) -> None:
    assert cameo in {e.cameo for e in code(text, COUNTRIES)}


@pytest.mark.parametrize(
    "text",
    [
        "Gondor lifted the ban on Rohan newspapers.",
        "Gondor allowed the delegates of Rohan to speak first.",
        "Gondor ended its efforts to build a dam on the river.",
    ],
)
def test_senses_other_objects_keep_their_codes(code: Code, text: str) -> None:
    assert not {"0872", "0863", "165"} & {e.cameo for e in code(text, COUNTRIES)}


@pytest.mark.parametrize(
    "text",
    [
        "Gondor stepped up pressure on Rohan on Monday to pull its riders back.",
        "Gondor put heavy pressure on Rohan to open the fords.",
        "The king of Rohan faces pressure from Gondor to open the fords.",
    ],
)
def test_senses_pressure_to_act_is_a_demand(code: Code, text: str) -> None:
    # Pressure on a party to do something asks it of them, as the verb "pressure" does.
    codes = {
        (e.source_actor, e.cameo[:2], (e.target_actor or "")[:3]) for e in code(text, COUNTRIES)
    }
    assert ("GON", "10", "ROH") in {(s and s[:3], c, t) for s, c, t in codes}
    assert not any(c == "17" for _, c, _ in codes)


@pytest.mark.parametrize(
    "text",
    [
        "Gondor tightened the pressure on Rohan on Monday.",
        "Gondor used its pressure on Rohan to win time for the harvest.",
    ],
)
def test_senses_pressure_with_nothing_asked_stays_coercion(code: Code, text: str) -> None:
    assert any(e.cameo == "170" for e in code(text, COUNTRIES))


@pytest.mark.parametrize(
    "text",
    [
        "Gondor presented evidence against Rohan's riders on Monday.",
        "Evidence against Rohan was presented by Gondor on Monday.",
        "Gondor gave the council new evidence against Rohan.",
    ],
)
def test_senses_evidence_laid_against_a_party_accuses_it(code: Code, text: str) -> None:
    assert any(
        e.cameo[:2] == "11" and (e.target_actor or "")[:3] == "ROH" for e in code(text, COUNTRIES)
    )


@pytest.mark.parametrize(
    "text",
    [
        "Gondor presented evidence of the drought to the council of Rohan.",
        "The evidence against Rohan is thin, Gondor said on Monday.",
        "Gondor found evidence against Rohan's riders in the ruins.",
    ],
)
def test_senses_evidence_not_laid_against_anyone_accuses_no_one(code: Code, text: str) -> None:
    assert not any(e.cameo[:2] == "11" for e in code(text, COUNTRIES))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Voicing opposition or displeasure is criticism (111).
        ("Gondor on Friday voiced strong opposition to the dam built by Rohan.", "111"),
        ("The Gondor council expressed its displeasure with Rohan over the tariffs.", "111"),
        # An envoy presenting credentials engages the host diplomatically (050).
        ("The new envoy of Gondor presented his credentials to Rohan on Tuesday.", "050"),
        # Money due to the target, kept back: stopping a flow of funds (162).
        ("Gondor withheld the customs revenues it collects for Rohan.", "162"),
        ("Gondor froze the payments owed to Rohan after the raid.", "162"),
    ],
)
def test_senses_wordings_of_opposition_accreditation_and_withheld_money(
    code: Code, text: str, expected: str
) -> None:
    events = code(text, COUNTRIES)
    assert expected in {e.cameo for e in events if e.target_actor == "ROH"}


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # Missiles or rockets launched at a party are fired at it (19), as "fired" is.
        ("The riders of Rohan launched missiles at Gondor on Monday.", "19"),
        ("Mordor launched rockets at the capital of Gondor overnight.", "19"),
        # Permission given or granted lets the party act (080); withheld, it is a refusal
        # to yield (124).
        ("Gondor granted permission to Rohan to graze its herds by the river.", "080"),
        ("Gondor said it would not give permission to Rohan to build the dam.", "124"),
    ],
)
def test_senses_missiles_launched_and_permission_given(code: Code, text: str, root: str) -> None:
    events = code(text, COUNTRIES)
    assert any(
        e.cameo.startswith(root) and (e.target_actor or "")[:3] == "GON"
        if root == "19"
        else e.cameo == root and (e.target_actor or "")[:3] == "ROH"
        for e in events
    )


@pytest.mark.parametrize(
    "text",
    [
        "Gondor advised its citizens against travel to Rohan after the riots.",
        "The foreign office of Gondor cautioned its people against travelling to Rohan.",
        "Gondor issued a travel warning for Rohan on Monday.",
    ],
)
def test_senses_advice_against_travel_reduces_relations(code: Code, text: str) -> None:
    # A travel warning reduces relations with the country (160); it threatens nobody (13).
    events = code(text, COUNTRIES)
    assert ("GON", "160", "ROH") in {(s[:3], c, t) for s, c, t in _codes(events) if s and t}
    assert not any(e.cameo.startswith("13") for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Rohan scrapped the trade sanctions on Gondor last week.",
        "The king of Rohan waived the sanctions against Gondor.",
        "Rohan has ended its grain embargo on Gondor.",
        "Rohan removed the sanctions on Gondor after the talks.",
    ],
)
def test_senses_sanctions_removed_are_eased(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert {e.cameo for e in events} == {"085"}


@pytest.mark.parametrize(
    ("text", "cameos"),
    [
        # A race given up is no relations cut (160).
        ("The governor of Gondor suspended his presidential campaign on Monday.", set()),
        # An armed campaign suspended de-escalates (087).
        ("Gondor suspended its bombing campaign against Rohan.", {"087"}),
    ],
)
def test_senses_a_suspended_campaign_is_no_cut_in_relations(
    code: Code, text: str, cameos: set[str]
) -> None:
    assert {e.cameo for e in code(text, COUNTRIES)} == cameos
