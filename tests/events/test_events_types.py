"""Event types read on unseen state-media and wire stories (issue 11): wordings the lexicon
missed (solidarity extended, a party held responsible, a statement in denunciation, an
arrival, views exchanged, a launch conducted), words in a sense that is no such event, and a
body's meeting among its own members, which consults no one."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from parley.events.candidates import _a_landmark
from tests.events.conftest import Code

COUNTRIES = {"Mordor": "MOR", "Gondor": "GON", "Rohan": "ROH"}


def _codes(events):  # type: ignore[no-untyped-def]
    return {(e.source_actor, e.cameo, e.target_actor) for e in events}


def _countries(events):  # type: ignore[no-untyped-def]
    return {((e.source_actor or "")[:3], e.cameo, (e.target_actor or "")[:3]) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Solidarity and support extended, reaffirmed or expressed are endorsement (051).
        ("The party of Gondor extended firm solidarity to the people of Rohan.", "051"),
        ("The council of Gondor expresses solidarity with the people of Rohan.", "051"),
        ("The statement of Gondor extended full support to the just stand of Rohan.", "051"),
        # A party held responsible is blamed (112).
        ("The envoy of Gondor held Rohan responsible for the failure of the talks.", "112"),
        # A statement in denunciation of a party's act disapproves of it (111).
        ("The council of Gondor issued a statement in denunciation of the drills of Rohan.", "111"),
        # Welcoming someone to a place hosts them (043).
        ("The king of Gondor welcomed the envoys of Rohan to the palace.", "043"),
        # A letter named for mourning is condolence (018).
        ("The king of Gondor received a consolatory letter from the envoy of Rohan.", "018"),
    ],
)
def test_types_state_media_wordings(code: Code, text: str, expected: str) -> None:
    events = code(text, COUNTRIES)
    assert expected in {e.cameo for e in events}, _codes(events)


def test_types_views_exchanged_are_talks(code: Code) -> None:
    events = code("Gondor and Rohan exchanged views on the border issue.", COUNTRIES)
    assert {("GON", "040", "ROH"), ("ROH", "040", "GON")} <= _codes(events)


def test_types_a_delegation_arriving_here_visits(code: Code) -> None:
    events = code("A government delegation of Rohan arrived here on Monday.", COUNTRIES)
    assert "042" in {e.cameo for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Mordor is dispatching a nuclear carrier task force around the coast of Rohan.",
        "Gondor sent troops to the border on Monday.",
    ],
)
def test_types_forces_sent_are_deployed(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert "154" in {e.cameo for e in events}, _codes(events)


def test_types_a_launch_conducted_shows_force(code: Code) -> None:
    events = code("Mordor conducted a launch of a ballistic missile on Monday.", COUNTRIES)
    assert ("MOR", "150", None) in _codes(events)
    assert all(e.cameo[:2] not in ("18", "19") for e in events)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # Seized with a feeling, or seizing a chance, takes nothing from anyone (171).
        ("The farmers of Gondor were seized with delight at the news from Rohan.", "17"),
        ("The envoy of Gondor seized the chance to meet the king of Rohan.", "17"),
        ("The party of Gondor is seizing an opportunity to tarnish Rohan.", "17"),
        # Talking a plan up praises it; nobody is consulted (04).
        ("The envoy of Gondor talked up the new plan for Rohan.", "04"),
        # Lending a deaf ear gives no money (07).
        ("The government of Gondor is lending a deaf ear to the victims in Rohan.", "07"),
        # Conferring a title honours; nobody is consulted (04).
        ("The council of Gondor conferred the title of hero on the envoy of Rohan.", "04"),
        # Inviting disaster asks nobody to come (026).
        ("By arming the border, Gondor is inviting disaster upon Rohan.", "02"),
        # Defending a friendship or relations defends no party's words (052).
        ("Gondor will defend the traditional friendship with Rohan.", "05"),
        ("The army of Gondor defends the good relations with Rohan.", "05"),
    ],
)
def test_types_senses_that_are_no_such_event(code: Code, text: str, absent: str) -> None:
    events = code(text, COUNTRIES)
    assert all(not e.cameo.startswith(absent) for e in events), _codes(events)


@pytest.mark.parametrize(
    "text",
    [
        "A joint national meeting of the youth league of Gondor took place on Monday.",
        "The cabinet of Gondor held an enlarged plenary meeting on Monday.",
        "The farm lobby of Gondor held its annual meeting in the capital.",
    ],
)
def test_types_a_body_meeting_among_its_own_consults_no_one(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert all(not e.cameo.startswith("04") for e in events), _codes(events)


@pytest.mark.parametrize(
    "text",
    [
        "The envoy of Gondor held a meeting with the envoy of Rohan on Monday.",
        "Delegations of Gondor and Rohan held a meeting in the capital.",
    ],
)
def test_types_a_meeting_between_parties_stays_a_consult(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert {("GON", "040", "ROH"), ("ROH", "040", "GON")} <= _countries(events)


@pytest.mark.parametrize(
    ("text", "fight"),
    [
        ("Gondor air strikes killed twelve people in the Rohan capital.", "195"),
        ("Recent Gondor drone attacks have killed four Mordor officers.", "190"),
        ("Mordor's raids wounded nine Rohan soldiers near the river.", "190"),
    ],
)
def test_types_the_harm_a_partys_attack_does_is_the_attack(
    code: Code, text: str, fight: str
) -> None:
    # One act of fighting (19), not a fight and an assault (18) besides.
    codes = {e.cameo for e in code(text, {"Gondor": "GON", "Rohan": "ROH", "Mordor": "MOR"})}
    assert fight in codes
    assert not any(c.startswith("18") for c in codes)


@pytest.mark.parametrize(
    ("text", "fight"),
    [
        ("Four Rohan farmers were killed in Gondor shelling on Monday.", "194"),
        ("Nine Rohan soldiers were wounded during a Mordor raid near the river.", "190"),
        ("Two Rohan herdsmen were killed in a Gondor air strike on the village.", "195"),
        ("A Rohan commander was killed in a Gondor drone strike last year.", "195"),
    ],
)
def test_types_a_harm_suffered_in_a_partys_attack_is_the_attack(
    code: Code, text: str, fight: str
) -> None:
    # The passive twin of the rule above: the attack is the act, the victims its target.
    events = code(text, {"Gondor": "GON", "Rohan": "ROH", "Mordor": "MOR"})
    assert fight in {e.cameo for e in events if (e.target_actor or "")[:3] == "ROH"}
    assert not any(e.cameo.startswith("18") for e in events)


def test_types_a_harm_suffered_in_an_attack_no_party_is_named_for_stays(code: Code) -> None:
    events = code("Nine Rohan farmers were killed in a bomb attack on Monday.", {"Rohan": "ROH"})
    assert any(e.cameo.startswith("18") for e in events)


def test_types_the_harm_of_an_attack_no_party_is_named_for_stays(code: Code) -> None:
    codes = {e.cameo for e in code("A bomb attack killed nine people in Rohan.", {"Rohan": "ROH"})}
    assert any(c.startswith("18") for c in codes)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # What a demand or an appeal object asks for, in a that-clause the parser hangs on
        # the verb, is the demand's content, not a concession made.
        (
            "The Rohan Farmers Union (RFU) reiterated its demand today that Gondor ease"
            " restrictions on the movement of Rohan workers.",
            "08",
        ),
        # What people are suspected or accused of is alleged, not reported.
        (
            "Mordor has offered to hand over to Gondor two of its citizens suspected by the"
            " police of attacking a Gondor embassy.",
            "19",
        ),
        # A truce or an agreement others watch over is none declared or signed anew.
        ("Monitors of Mordor were sent to oversee the truce between Gondor and Rohan.", "08"),
        ("Observers of Mordor will monitor the ceasefire between Gondor and Rohan.", "08"),
        ("Inspectors of Mordor will verify the agreement between Gondor and Rohan.", "05"),
    ],
)
def test_types_content_of_a_demand_or_an_allegation_is_no_event(
    code: Code, text: str, absent: str
) -> None:
    assert all(e.cameo[:2] != absent for e in code(text, COUNTRIES))


def test_types_a_demand_in_its_own_clause_stays(code: Code) -> None:
    text = "Gondor renewed its demand on Monday that Rohan lift the ban on its grain."
    assert any(e.cameo[:2] == "10" for e in code(text, COUNTRIES))


def test_types_a_truce_agreed_stays(code: Code) -> None:
    codes = {e.cameo for e in code("Gondor and Rohan agreed a truce on Monday.", COUNTRIES)}
    assert codes & {"035", "0356", "0871", "030"}


@pytest.mark.parametrize(
    "text",
    [
        "The army of Gondor prepared to resume shelling the villages of Rohan.",
        "Gondor troops were preparing to attack the border towns of Rohan.",
    ],
)
def test_types_forces_readied_for_an_attack_raise_their_alert(code: Code, text: str) -> None:
    # Forces made ready for an attack are a raised military alert (152), not a threat.
    codes = {e.cameo for e in code(text, COUNTRIES)}
    assert "152" in codes
    assert not any(c.startswith("13") for c in codes)


def test_types_readiness_said_stays_a_threat(code: Code) -> None:
    codes = {e.cameo for e in code("Gondor said it is prepared to attack Rohan.", COUNTRIES)}
    assert "152" not in codes


@pytest.mark.parametrize(
    "text",
    [
        "Gondor pledged not to send troops to Rohan.",
        "Gondor vowed never to attack Rohan again.",
    ],
)
def test_types_a_pledge_to_hold_back_force_is_no_threat(code: Code, text: str) -> None:
    assert not any(e.cameo.startswith("13") for e in code(text, COUNTRIES))


def test_types_a_pledge_to_send_troops_stays_a_threat(code: Code) -> None:
    codes = {e.cameo for e in code("Gondor vowed to send troops to Rohan.", COUNTRIES)}
    assert any(c.startswith("13") for c in codes)


@pytest.mark.parametrize(
    "text",
    [
        "Agents of Mordor hacked into the computers of the Gondor navy.",
        "Agents of Mordor hacked the website of the Gondor council.",
        "Mordor launched a DDoS attack on the servers of Gondor.",
        "Mordor mounted cyber attacks on the banks of Gondor.",
    ],
)
def test_types_attacks_on_computers_are_coercion(code: Code, text: str) -> None:
    # Breaking into or flooding computers coerces (170); it is no armed attack (19).
    codes = {e.cameo for e in code(text, COUNTRIES)}
    assert "170" in codes
    assert not any(c.startswith("19") for c in codes)


def test_types_a_person_hacked_to_pieces_is_no_computer_broken_into(code: Code) -> None:
    text = "Soldiers of Mordor hacked the envoy of Gondor to pieces."
    assert "170" not in {e.cameo for e in code(text, COUNTRIES)}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # A relative clause in the past perfect tells who the news is about by an earlier act.
        (
            "Mordor will free the envoys of Gondor, whom its soldiers had taken hostage at the"
            " pass a month ago, on Friday.",
            "18",
        ),
        ("The envoy of Rohan, who had denounced Gondor last year, met the king of Mordor.", "11"),
    ],
)
def test_types_an_act_a_relative_clause_tells_as_earlier_is_background(
    code: Code, text: str, absent: str
) -> None:
    assert all(not e.cameo.startswith(absent) for e in code(text, COUNTRIES))


def test_types_an_act_a_relative_clause_tells_as_news_stays(code: Code) -> None:
    text = "The envoy of Rohan, who denounced Gondor on Monday, met the king of Mordor."
    assert any(e.cameo.startswith("11") for e in code(text, COUNTRIES))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # A participle with no doer named says which people or things a clause's object is.
        (
            "Rohan opened its borders to most Mordor herders ordered out of Gondor as illegal"
            " aliens.",
            "174",
        ),
        (
            "The king of Gondor spoke to a crowd of people opposed to the government of Rohan.",
            "110",
        ),
        ("The envoy of Gondor cited the latest poll of Rohan released on Wednesday.", "0841"),
        ("Gondor sent the list of envoys invited to the banquet of Rohan.", "026"),
    ],
)
def test_types_a_participle_that_identifies_an_object_is_no_event(
    code: Code, text: str, absent: str
) -> None:
    assert absent not in {e.cameo for e in code(text, COUNTRIES)}


def test_types_a_participle_that_carries_its_nouns_event_stays(code: Code) -> None:
    text = "The navy of Mordor joined the war games held with Gondor near the coast of Rohan."
    assert any(e.cameo.startswith("15") for e in code(text, COUNTRIES))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # What a thing's own words of aim state is no act anybody did or announced.
        (
            "Rohan will back a council resolution that aims to impose a naval blockade on Mordor.",
            "191",
        ),
        ("Gondor denounced the drills of Mordor aimed at invading Rohan.", "19"),
        ("Gondor tabled a plan designed to expel the envoys of Mordor.", "174"),
    ],
)
def test_types_the_act_a_things_aim_states_is_no_event(code: Code, text: str, absent: str) -> None:
    assert all(not e.cameo.startswith(absent) for e in code(text, COUNTRIES))


def test_types_a_party_aiming_at_an_act_keeps_it(code: Code) -> None:
    text = "Mordor said that it aims to impose a naval blockade on Gondor."
    assert any(e.cameo.startswith("19") for e in code(text, COUNTRIES))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The noun after "put under" / "placed under" is the act done to the object.
        ("Gondor put the envoys of Mordor under arrest.", "173"),
        ("Mordor placed the envoys under house arrest in Gondor.", "173"),
        # ... and an investigation put on someone is one opened into them (090).
        ("The merchant of Gondor was put under investigation in Rohan for smuggling.", "090"),
        ("The judges of Rohan placed the envoy of Gondor under investigation.", "090"),
        # A paper made to stop appearing is censored, and an authority's order of force is
        # that force, the orderer's.
        ("The council of Mordor ordered the Gondor Herald to suspend publication.", "1721"),
        ("The king of Mordor ordered his guards to arrest the envoys of Gondor.", "173"),
        # Borders opened to people let them in (075).
        ("Rohan opened its borders to the refugees of Gondor.", "075"),
    ],
)
def test_types_acts_done_under_orders_and_borders(code: Code, text: str, expected: str) -> None:
    assert expected in {e.cameo for e in code(text, COUNTRIES)}


def test_types_an_order_of_no_force_stays_a_demand(code: Code) -> None:
    text = "The king of Mordor ordered the envoys of Gondor to leave the talks."
    codes = {e.cameo for e in code(text, COUNTRIES)}
    assert not any(c.startswith("17") for c in codes)


def test_types_a_threat_a_provocation_aims_at_stays(code: Code) -> None:
    text = "The council of Gondor called it a provocation aimed to threaten Rohan by force."
    codes = {e.cameo for e in code(text, COUNTRIES)}
    assert any(c.startswith("13") for c in codes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Opposing what is put forward or planned turns it down (12x), not criticises it.
        ("The council of Rohan opposed the proposal of Gondor.", "120"),
        ("The rebels of Mordor opposed the deployment of a force of Gondor.", "120"),
        ("Gondor opposed the peace plan of Rohan.", "127"),
    ],
)
def test_types_opposing_a_proposal_rejects_it(code: Code, text: str, expected: str) -> None:
    assert expected in {e.cameo for e in code(text, COUNTRIES)}


def test_types_opposing_a_deed_stays_disapproval(code: Code) -> None:
    text = "The council of Rohan opposed the raids of Mordor."
    codes = {e.cameo for e in code(text, COUNTRIES)}
    assert "110" in codes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Coming back to a place for talks is a visit, as the first trip was (042).
        ("The envoys of Gondor and Rohan return to Mordor for talks on the fords.", "042"),
        # Political freedoms widened are restrictions on them eased (0811).
        ("The king of Gondor took steps to expand political freedoms in Rohan.", "0811"),
        ("The regent of Rohan enhanced the political freedoms of the people of Gondor.", "0811"),
    ],
)
def test_types_return_for_talks_and_freedoms_widened(code: Code, text: str, expected: str) -> None:
    assert expected in {e.cameo for e in code(text, COUNTRIES)}


def _hand_parse(words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> Doc:
    return Doc(English().vocab, words=words, heads=heads, deps=deps, tags=tags)


def test_types_act_hung_on_a_noun_by_during_only_dates_it() -> None:
    # "rioting during a summit": hung on a noun, the summit only says when the rioting was.
    words = ["Rohan", "charged", "him", "for", "rioting", "during", "a", "summit"]
    heads = [1, 1, 1, 1, 3, 4, 7, 5]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "prep", "det", "pobj"]
    tags = ["NNP", "VBD", "PRP", "IN", "NN", "IN", "DT", "NN"]
    assert _a_landmark(_hand_parse(words, heads, deps, tags)[7])
    # Hung on the verb ("met during a summit"), it is going on at the time of the news.
    words = ["Rohan", "met", "him", "during", "a", "summit"]
    heads = [1, 1, 1, 1, 5, 3]
    deps = ["nsubj", "ROOT", "dobj", "prep", "det", "pobj"]
    tags = ["NNP", "VBD", "PRP", "IN", "DT", "NN"]
    assert not _a_landmark(_hand_parse(words, heads, deps, tags)[5])


def test_types_a_vow_never_to_return_land_refuses_to_yield(code: Code) -> None:
    # Handing land back yields it (0842); vowing never to do so refuses (124), no pledge.
    codes = {e.cameo for e in code("Gondor vowed never to return the land to Rohan.", COUNTRIES)}
    assert any(c.startswith("124") for c in codes)
    assert not any(c.startswith("03") for c in codes)


def test_types_withdrawing_from_land_is_a_pull_out(code: Code) -> None:
    codes = {e.cameo for e in code("Gondor withdrew from the disputed territory.", COUNTRIES)}
    assert "0874" in codes


def test_types_withdrawing_from_a_treaty_cuts_relations(code: Code) -> None:
    codes = {e.cameo for e in code("Gondor withdrew from the trade treaty with Rohan.", COUNTRIES)}
    assert "0874" not in codes
    assert any(c.startswith("16") for c in codes)


def test_types_staff_withdrawn_from_a_country_are_no_pull_out(code: Code) -> None:
    text = "Gondor withdrew its diplomats and aid workers from the disputed territory."
    assert "0874" not in {e.cameo for e in code(text, COUNTRIES)}


@pytest.mark.parametrize(
    "text",
    [
        "Gondor said that lifting the embargo on Rohan was out of the question.",
        "Gondor said easing the blockade of Rohan is off the table.",
        "Gondor said that easing the blockade of Rohan is not on the table.",
    ],
)
def test_types_an_act_ruled_out_is_refused(code: Code, text: str) -> None:
    # Easing a sanction (08x) that is out of the question is refused (124x), no easing.
    codes = {e.cameo for e in code(text, COUNTRIES)}
    assert any(c.startswith("124") for c in codes)
    assert not any(c.startswith("08") for c in codes)


def test_types_an_act_not_ruled_out_stays_as_it_is(code: Code) -> None:
    text = "Gondor said that lifting the embargo on Rohan was not out of the question."
    assert not any(e.cameo.startswith("12") for e in code(text, COUNTRIES))


@pytest.mark.parametrize(
    "text",
    [
        "Gondor denied entry to the envoys of Rohan.",
        "The council of Gondor denied visas to the ministers of Rohan.",
    ],
)
def test_types_entry_denied_is_a_sanction(code: Code, text: str) -> None:
    # A door shut on people sanctions them (163); it denies no claim (016).
    codes = {e.cameo for e in code(text, COUNTRIES)}
    assert "163" in codes
    assert "016" not in codes


def test_types_a_claim_denied_stays_a_denial(code: Code) -> None:
    codes = {e.cameo for e in code("Gondor denied the charges made by Rohan.", COUNTRIES)}
    assert "163" not in codes
