"""Extraction from hand-written sentences: voice, coordination, light verbs, nominal events."""

from __future__ import annotations

import pytest

from tests.events.conftest import Code

COUNTRIES = {
    "Mordor": "MOR",
    "Gondor": "GON",
    "Rohan": "ROH",
    "Arnor": "ARN",
}


def _pairs(events):  # type: ignore[no-untyped-def]
    return {(e.source_actor, e.cameo[:2], e.target_actor) for e in events}


def test_extract_active_voice(code: Code) -> None:
    events = code("Mordor attacked Gondor on the border.", COUNTRIES)
    assert _pairs(events) == {("MOR", "19", "GON")}


def test_extract_passive_voice_swaps_roles(code: Code) -> None:
    events = code("Gondor was attacked by Mordor yesterday.", COUNTRIES)
    assert _pairs(events) == {("MOR", "19", "GON")}


def test_extract_coordinated_sources(code: Code) -> None:
    events = code("Rohan and Gondor condemned Mordor for the raid.", COUNTRIES)
    assert {("ROH", "11", "MOR"), ("GON", "11", "MOR")} <= _pairs(events)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Gondor held talks with Rohan in the capital.", "046"),
        ("Gondor imposed sanctions on Mordor last month.", "163"),
        ("Arnor made clear to Rohan that it stands by its decision.", "010"),
    ],
)
def test_extract_light_verbs(code: Code, text: str, cameo: str) -> None:
    events = code(text, COUNTRIES)
    assert cameo in {e.cameo for e in events}
    light = next(e for e in events if e.cameo == cameo)
    # The trigger covers both words of the light-verb pair.
    assert " " in text[light.trigger[0] : light.trigger[1]]


def test_extract_nominal_event_between(code: Code) -> None:
    text = "The postponement of talks between Gondor and Arnor surprised observers."
    events = code(text, COUNTRIES)
    assert _pairs(events) == {("GON", "16", "ARN")}


def test_extract_nominal_event_against(code: Code) -> None:
    text = "Rohan's sanctions against Mordor have been widely discussed."
    events = code(text, COUNTRIES)
    assert ("ROH", "16", "MOR") in _pairs(events)


def test_extract_nominal_without_actor_is_no_event(code: Code) -> None:
    assert code("Sanctions have a long history as a tool of statecraft.", COUNTRIES) == ()


def test_extract_appeal_folds_its_to_clause(code: Code) -> None:
    text = "Gondor urged Rohan not to withdraw from the alliance."
    events = code(text, COUNTRIES)
    assert [(e.source_actor, e.cameo[:2], e.target_actor) for e in events] == [("GON", "02", "ROH")]


def test_extract_agree_to_meet_is_one_subcode(code: Code) -> None:
    events = code("Arnor agreed to meet Gondor next week.", COUNTRIES)
    assert [e.cameo for e in events] == ["036"]


def test_extract_reported_event_replaces_saying(code: Code) -> None:
    events = code("Gondor said that Mordor had attacked Rohan.", COUNTRIES)
    assert _pairs(events) == {("MOR", "19", "ROH")}


def test_extract_caption_handshake(code: Code) -> None:
    text = "Arnor's envoy Aragorn shakes hands with Gondor's king."
    events = code(text, {"Aragorn": "ARNGOV", "Gondor": "GON"})
    # The king is Gondor's government: the head noun's role adds the sector.
    assert ("ARNGOV", "04", "GONGOV") in _pairs(events)


def test_extract_group_actor_expands(code: Code) -> None:
    text = "Gondor and Rohan met in May. The two sides later criticized Mordor."
    events = code(text, COUNTRIES)
    later = [e for e in events if e.cameo[:2] == "11"]
    assert {e.source_actor for e in later} == {"GON", "ROH"}


def test_extract_sentence_is_text_at_offsets(code: Code) -> None:
    text = "Mordor attacked Gondor.  Rohan praised Arnor.\n\nArnor thanked Rohan."
    events = code(text, COUNTRIES)
    assert len(events) == 3
    assert [e.id for e in events] == ["v1", "v2", "v3"]
    for event in events:
        assert text[event.start : event.end] == event.sentence
        assert event.start <= event.trigger[0] < event.trigger[1] <= event.end
        assert 0 <= event.confidence <= 1


def test_extract_no_verbs_no_events(code: Code) -> None:
    assert code("Gondor, Rohan, Mordor: 12, 14, 16.", COUNTRIES) == ()


def test_extract_long_list_does_not_crash(code: Code) -> None:
    text = " ".join(["Gondor, Rohan and Arnor"] * 120) + " met."
    events = code(text, COUNTRIES)
    assert all(text[e.start : e.end] == e.sentence for e in events)


def test_extract_attribution_said_is_not_an_event(code: Code) -> None:
    events = code("Mordor attacked Gondor on Monday, Rohan said.", COUNTRIES)
    assert [e.cameo[:2] for e in events] == ["19"]
    assert code("Rohan said the weather was fine.", COUNTRIES) == ()


def test_extract_main_event_of_clause_only(code: Code) -> None:
    # The appeal is what Rohan rejected; the killing is how Mordor's attack went.
    events = code("Rohan rejected an appeal from Gondor to lay down arms.", COUNTRIES)
    assert [e.cameo[:2] for e in events] == ["12"]
    events = code("Mordor bombarded Gondor overnight, killing eight people.", COUNTRIES)
    assert [e.cameo[:2] for e in events] == ["19"]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # Bombarding names no weapon (guns, aircraft or rockets): CAMEO's unspecified attack.
        ("Mordor bombarded Gondor's ports for a week.", "190"),
        ("Mordor shelled Gondor's ports for a week.", "194"),
    ],
)
def test_extract_attack_sub_code_follows_the_weapon_named(
    code: Code, text: str, cameo: str
) -> None:
    assert cameo in {e.cameo for e in code(text, COUNTRIES)}


def test_extract_demand_targets_who_must_act(code: Code) -> None:
    events = code("Gondor demanded that the US withdraw from Rohan.", {**COUNTRIES, "US": "USA"})
    assert ("GON", "10", "USA") in _pairs(events)


def test_extract_passive_without_agent_has_no_reporter_source(code: Code) -> None:
    events = code("Three Rohan soldiers were killed on Monday, Gondor said.", COUNTRIES)
    assert events and all(e.source_actor is None for e in events)


def test_extract_event_noun_under_plain_verb_takes_its_subject(code: Code) -> None:
    events = code("Gondor launched an air strike against Mordor.", COUNTRIES)
    assert ("GON", "19", "MOR") in _pairs(events)
    events = code("Rohan engaged Mordor in a firefight on Monday.", COUNTRIES)
    assert ("ROH", "19", "MOR") in _pairs(events)


def test_extract_participle_noun_is_target(code: Code) -> None:
    events = code("Ten Gondor soldiers killed by Mordor were buried.", COUNTRIES)
    assert ("MOR", "18", "GONMIL") in _pairs(events)


def test_extract_subject_of_is_about_to(code: Code) -> None:
    events = code("Gondor is about to restore full diplomatic ties with Rohan.", COUNTRIES)
    assert any(e.source_actor == "GON" and e.target_actor == "ROH" for e in events)


def test_extract_place_of_untargeted_action_is_no_target(code: Code) -> None:
    # A venue: the protest happened in Gondor, it was not addressed to Gondor.
    events = code("Rohan demonstrators staged a protest in Gondor on Sunday.", COUNTRIES)
    # The demonstrators are Rohan's opposition (ROHOPP) since the agents list codes them.
    assert any(s[:3] == "ROH" and (c, t) == ("14", None) for s, c, t in _pairs(events))


def test_extract_place_does_not_replace_a_named_target(code: Code) -> None:
    events = code("Mordor attacked Rohan in Gondor on Sunday.", COUNTRIES)
    assert _pairs(events) == {("MOR", "19", "ROH")}


def test_extract_own_target_is_dropped_not_the_event(code: Code) -> None:
    events = code("Mordor reneged on its pledge to Mordor's farmers.", COUNTRIES)
    assert [(e.source_actor, e.target_actor) for e in events] == [("MOR", None)]


def test_extract_a_body_does_nothing_to_its_own_country(code: Code) -> None:
    text = "The Gondorian embassy laid a wreath on the anniversary of Gondor's victory."
    events = code(text, {"Gondor": "GON", "Gondorian embassy": "GONGOV"})
    assert events
    assert [(e.source_actor, e.target_actor) for e in events] == [("GONGOV", None)]


def test_extract_a_body_s_own_country_gives_way_to_the_other_party(code: Code) -> None:
    text = "The Gondorian envoy praised the relations between Gondor and Rohan."
    events = code(text, {"Gondor": "GON", "Rohan": "ROH", "Gondorian envoy": "GONGOV"})
    assert {(e.source_actor, e.target_actor) for e in events} == {("GONGOV", "ROH")}


def test_extract_joint_action_codes_each_ordered_pair(code: Code) -> None:
    events = code("Gondor and Rohan met secretly on Tuesday.", COUNTRIES)
    assert {("GON", "04", "ROH"), ("ROH", "04", "GON")} <= _pairs(events)


def test_extract_coordinated_modifiers_are_separate_actors(code: Code) -> None:
    text = "Gondor and Rohan activists staged a protest against Mordor on Friday."
    events = code(text, COUNTRIES)
    sources = {e.source_actor for e in events if e.target_actor == "MOR"}
    assert {"GON", "ROH"} <= {s[:3] for s in sources if s}


def test_extract_possessor_makes_of_phrase_the_target(code: Code) -> None:
    text = "Mordor's invasion of Rohan was condemned around the world."
    events = code(text, COUNTRIES)
    assert ("MOR", "19", "ROH") in _pairs(events)


def test_extract_possessive_title_is_not_a_joint_action(code: Code) -> None:
    text = "Gondor's awful and evil minister Calimehtar complained loudly on Monday."
    events = code(text, {"Gondor": "GON", "Calimehtar": "ROHGOV"})
    assert events
    # One phrase, one party: neither name is the other's target.
    assert not {(e.source_actor, e.target_actor) for e in events} & {
        ("GON", "ROHGOV"),
        ("ROHGOV", "GON"),
    }


def test_extract_withdrawal_targets_the_place_left(code: Code) -> None:
    events = code("Mordor withdrew its troops from Rohan on Sunday.", COUNTRIES)
    assert any(e.source_actor == "MOR" and e.target_actor == "ROH" for e in events)


def test_extract_listed_parties_with_commas_meet_each_other(code: Code) -> None:
    events = code("The Gondor, Rohan, and Arnor met yesterday.", COUNTRIES)
    assert {("GON", "04", "ROH"), ("ARN", "04", "GON"), ("ROH", "04", "ARN")} <= _pairs(events)


def test_extract_raised_subject_of_passive_governor_acts(code: Code) -> None:
    events = code("Gondor is scheduled to attend a summit in Rohan.", COUNTRIES)
    assert any(e.source_actor == "GON" and e.cameo[:2] == "04" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Mordor used brutal force such as detaining Rohan's envoys at the border.",
        "Mordor answered by detaining Rohan's envoys at the border.",
    ],
)
def test_extract_gerund_after_a_preposition_is_the_governor_subjects_act(
    code: Code, text: str
) -> None:
    # The one who used force or answered is the one who detained.
    events = code(text, COUNTRIES)
    assert any(e.source_actor == "MOR" and e.cameo[:2] == "17" for e in events)


def test_extract_gerund_after_against_is_no_ones_act(code: Code) -> None:
    events = code("Mordor warned against detaining Rohan's envoys at the border.", COUNTRIES)
    assert not any(e.source_actor == "MOR" and e.cameo[:2] == "17" for e in events)


def test_extract_action_on_nobody_named_has_no_home_target(code: Code) -> None:
    events = code("Gondor lifted the state of emergency on Sunday.", COUNTRIES)
    lifted = [e for e in events if e.source_actor == "GON"]
    assert lifted
    assert all(e.target_actor is None for e in lifted)


def test_extract_declaration_speaks_for_its_issuer(code: Code) -> None:
    text = "The Mordor army issued a declaration demanding that Rohan provide information."
    events = code(text, COUNTRIES)
    assert any((e.source_actor or "")[:3] == "MOR" and e.cameo[:2] == "10" for e in events)


def test_extract_purpose_clause_shares_the_obligation(code: Code) -> None:
    text = "Gondor said Rohan and Arnor must open the border to allow aid in."
    events = code(text, COUNTRIES)
    assert not any(e.source_actor == "ROH" and e.target_actor == "ARN" for e in events)


def test_extract_claimed_attack_by_another_is_an_accusation(code: Code) -> None:
    events = code("Gondor claimed that Mordor had attacked Rohan.", COUNTRIES)
    assert ("GON", "11", "MOR") in _pairs(events)
    assert not any(e.cameo[:2] == "19" for e in events)


def test_extract_said_attack_stays_an_attack(code: Code) -> None:
    events = code("Gondor said that Mordor had attacked Rohan.", COUNTRIES)
    assert ("MOR", "19", "ROH") in _pairs(events)


@pytest.mark.parametrize(
    "text",
    [
        "Gondor said Mordor fired a rocket at it overnight.",
        "Gondor says it was shelled by Mordor on Sunday.",
        "Gondor said a missile was fired at it from Mordor.",
    ],
)
def test_extract_attack_told_by_its_victim_is_an_accusation(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert ("GON", "11", "MOR") in _pairs(events)
    assert not any(e.cameo[:2] == "19" for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gondor said Mordor fired rockets at Rohan.", ("MOR", "19", "ROH")),
        ("Gondor said it fired a rocket at Mordor.", ("GON", "19", "MOR")),
    ],
)
def test_extract_attack_told_by_another_or_by_its_doer_stays_an_attack(
    code: Code, text: str, expected: tuple[str, str, str]
) -> None:
    events = code(text, COUNTRIES)
    assert expected in _pairs(events)
    assert not any(e.cameo[:2] == "11" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "A long report published in the capital alleged that Mordor had armed the raiders.",
        "Critics alleged that Mordor knew of the plot.",
    ],
)
def test_extract_allegation_by_an_uncoded_speaker_targets_whom_it_is_about(
    code: Code, text: str
) -> None:
    events = code(text, COUNTRIES)
    assert (None, "11", "MOR") in _pairs(events)


def test_extract_announced_event_noun_is_the_event(code: Code) -> None:
    events = code("Gondor announced a suspension of air links with Mordor.", COUNTRIES)
    assert _pairs(events) == {("GON", "16", "MOR")}


def test_extract_condemned_attack_targets_its_doer(code: Code) -> None:
    events = code("Gondor condemned the attack by Mordor on Rohan.", COUNTRIES)
    assert _pairs(events) == {("GON", "11", "MOR")}


def test_extract_withdrawal_noun_targets_the_place_left(code: Code) -> None:
    events = code("Gondor completed its withdrawal from Rohan.", COUNTRIES)
    assert ("GON", "08", "ROH") in _pairs(events)


def test_extract_coded_name_deeper_in_phrase_beats_uncoded_possessor(code: Code) -> None:
    text = "Sauron's Mordor army has threatened Gondor."
    events = code(text, {"Sauron": "", "Mordor": "MOR", "Gondor": "GON"})
    assert any((e.source_actor or "")[:3] == "MOR" for e in events)


def test_extract_agentless_passive_attack_takes_its_doer_from_the_phrase(code: Code) -> None:
    events = code("A mortar bomb was fired at Rohan from Mordor on Tuesday.", COUNTRIES)
    assert any(e.source_actor == "MOR" and e.target_actor == "ROH" for e in events)
    events = code("Three soldiers were killed in an attack by Mordor.", COUNTRIES)
    assert any(e.source_actor == "MOR" for e in events)


def test_extract_with_whom_ranks_before_where(code: Code) -> None:
    events = code("Gondor held talks at Rohan with Mordor on Friday.", COUNTRIES)
    assert ("GON", "04", "MOR") in _pairs(events)


def test_extract_agentless_arrest_is_done_by_the_state_where_it_happened(code: Code) -> None:
    events = code("A Gondor journalist was arrested in Mordor on Friday.", COUNTRIES)
    assert any(e.source_actor == "MOR" and e.cameo[:2] == "17" for e in events)


def test_extract_uncoded_receiver_beside_a_coded_one_adds_no_event(code: Code) -> None:
    # "the shepherds of the hills" are an entity no code names; Rohan tells whom the act is
    # aimed at.
    text = "Gondor rejected the demands of Rohan and the shepherds of the hills."
    events = code(text, {**COUNTRIES, "the shepherds of the hills": ""})
    assert ("GON", "12", "ROH") in _pairs(events)
    assert all(e.target_actor for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Gondor faces pressure from Mordor over the border.",
        # Drawing or attracting an act is receiving it too.
        "Gondor drew sharp criticism from Mordor for the new dam.",
        "Gondor's plan for the river has attracted harsh criticism from Mordor.",
        "Gondor garnered warm praise from Mordor for its restraint.",
    ],
)
def test_extract_received_event_noun_is_done_to_the_subject(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert any(e.source_actor == "MOR" and e.target_actor == "GON" for e in events)
    assert not any(e.source_actor == "GON" and e.target_actor == "MOR" for e in events)


def test_extract_reported_pronoun_subject_is_the_speaker(code: Code) -> None:
    text = "Gondor met Rohan on Monday. Mordor said it would attack Arnor."
    events = code(text, COUNTRIES)
    assert any(e.source_actor == "MOR" and e.target_actor == "ARN" for e in events)


def test_extract_unaddressed_appeal_gets_no_home_target(code: Code) -> None:
    events = code("Gondor urged restraint on Monday.", COUNTRIES)
    appeals = [e for e in events if e.cameo[:2] == "02"]
    assert appeals
    assert all(e.target_actor is None for e in appeals)


def test_extract_one_event_per_coded_pair(code: Code) -> None:
    # Two entities coded alike in the target's phrase are one target, not two events.
    text = "Mordor shelled Gondor's northern city Minas Tirith overnight."
    events = code(text, {**COUNTRIES, "Minas Tirith": "GON"})
    assert [(e.source_actor, e.cameo, e.target_actor) for e in events] == [("MOR", "194", "GON")]


@pytest.mark.parametrize(
    "text",
    [
        "Rohan's defence minister Theoden praised Gondor on Monday.",
        "Saruman, centre of a quarrel between Theoden and the Ents, praised Gondor.",
    ],
)
def test_extract_one_phrase_names_one_source(code: Code, text: str) -> None:
    events = code(text, {**COUNTRIES, "Theoden": "ROHGOV", "Saruman": "ISEGOV"})
    assert len([e for e in events if e.target_actor == "GON"]) == 1


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Hundreds of Mordor troops withdrew from the Rohan border on Monday.", "0874"),
        ("Mordor soldiers withdrew from Rohan after the truce.", "0874"),
        ("Mordor withdrew from the talks with Rohan.", "160"),
    ],
)
def test_extract_troops_withdrawing_retreat(code: Code, text: str, cameo: str) -> None:
    events = code(text, COUNTRIES)
    assert cameo in {e.cameo for e in events}


def test_extract_staged_protest_is_a_demonstration(code: Code) -> None:
    events = code("Rohan students staged a protest against Mordor in the capital.", COUNTRIES)
    assert "141" in {e.cameo for e in events}


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Gondor's defence minister Theoden praised Arnor on Monday.", "ROHGOV"),
        ("Arnor's old rival, Theoden, praised Gondor on Monday.", "ROHGOV"),
    ],
)
def test_extract_apposition_names_the_actor_not_the_possessor(
    code: Code, text: str, source: str
) -> None:
    events = code(text, {**COUNTRIES, "Theoden": "ROHGOV"})
    assert [e.source_actor for e in events] == [source]


@pytest.mark.parametrize(
    "text",
    [
        "It is unclear whether Mordor's criticism had any effect on the vote.",
        "The farmers responded warmly to the appeal of Mordor.",
        "The plan will go ahead without the support of Mordor.",
    ],
)
def test_extract_act_named_in_passing_is_no_event(code: Code, text: str) -> None:
    # Someone's act with nobody on its receiving end: a reference to it, not a report.
    assert not code(text, COUNTRIES)


@pytest.mark.parametrize(
    "text",
    [
        "Mordor pledged its full support to Gondor.",
        "The envoys of Mordor and Gondor held talks in the capital.",
        "The workers of Mordor carried on their protest through the night.",
        # Its aim told, though no coded party sits there: the act is reported, not named.
        "The senator of Gondor will throw his support behind the farmers.",
        "The sanctions of Mordor against the river towns angered the farmers.",
    ],
)
def test_extract_act_with_a_receiver_or_none_needed_stays(code: Code, text: str) -> None:
    assert code(text, COUNTRIES)


@pytest.mark.parametrize(
    "text",
    [
        "Note to Gondor: the treaty was never signed.",
        '"Let them fight each other," the minister of Gondor said of Mordor and Rohan.',
        "Ask yourself why Gondor would ever attack Rohan.",
    ],
)
def test_extract_imperative_bids_no_one_named(code: Code, text: str) -> None:
    # The reader or listener is bidden; no party in the sentence does the act.
    triggers = {text[slice(*e.trigger)].lower() for e in code(text, COUNTRIES)}
    assert not triggers & {"note", "fight", "ask"}


@pytest.mark.parametrize(
    "text",
    [
        "Gondor sets the number of refugees Rohan can accept in a year.",
        "The raid on Rohan was a crime that can never be pardoned.",
    ],
)
def test_extract_supposed_act_describing_a_thing_is_no_event(code: Code, text: str) -> None:
    # The relative clause says what the noun is (a capacity, a verdict), not what was done.
    triggers = {text[slice(*e.trigger)].lower() for e in code(text, COUNTRIES)}
    assert not triggers & {"accept", "pardoned"}


def test_extract_doer_described_by_a_future_clause_stays(code: Code) -> None:
    events = code("The envoy of Gondor who will meet Rohan arrived on Monday.", COUNTRIES)
    assert ("GONGOV", "03", "ROH") in _pairs(events)


@pytest.mark.parametrize(
    "text",
    [
        "The performance was highly applauded for its excellence.",
        "If the party is allowed to seize power again, the talks would fail.",
        "The parents of the triplets vowed to work harder.",
    ],
)
def test_extract_an_act_with_no_party_at_all_is_no_event(code: Code, text: str) -> None:
    # Neither a doer nor a receiver among the story's entities: no act between actors.
    assert code(text, COUNTRIES) == ()
