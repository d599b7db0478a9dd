"""Plans and requirements coded as the statements CAMEO codes (intent, threat, demand)."""

from __future__ import annotations

import pytest

from tests.events.conftest import Code

COUNTRIES = {"Gondor": "GON", "Rohan": "ROH", "Mordor": "MOR"}


def _coded(events: tuple) -> set[tuple[str | None, str, str | None, str]]:  # type: ignore[type-arg]
    return {(e.source_actor, e.cameo, e.target_actor, e.modality) for e in events}


def test_statements_will_visit_is_intent_to_meet(code: Code) -> None:
    events = code("Gondor will visit Rohan next week.", COUNTRIES)
    assert ("GON", "036", "ROH", "future") in _coded(events)


def test_statements_own_would_boycott_is_threat(code: Code) -> None:
    events = code("Gondor said it would boycott Rohan.", COUNTRIES)
    assert {e.cameo[:2] for e in events} == {"13"}


def test_statements_analyst_would_stays_hypothetical_action(code: Code) -> None:
    events = code("Analysts said Mordor would attack Rohan.", COUNTRIES)
    attacks = [e for e in events if e.source_actor == "MOR"]
    assert attacks and all(e.cameo[:2] == "19" for e in attacks)
    assert all(e.modality == "hypothetical" for e in attacks)


def test_statements_must_under_other_speaker_is_demand(code: Code) -> None:
    events = code("Rohan said on Tuesday that Mordor must return the horses.", COUNTRIES)
    assert ("ROH", "100", "MOR", "asserted") in _coded(events)


def test_statements_vow_to_attack_is_threat(code: Code) -> None:
    events = code("Mordor vowed to attack Gondor.", COUNTRIES)
    assert [e.cameo for e in events] == ["138"]


def test_statements_wanting_another_to_act_is_appeal(code: Code) -> None:
    events = code("Gondor wants Rohan to attack Mordor.", COUNTRIES)
    assert [(e.source_actor, e.cameo[:2], e.target_actor) for e in events] == [("GON", "02", "ROH")]


def test_statements_speaker_pronoun_would_is_threat(code: Code) -> None:
    # The speaker has no code of its own here; "they" still stands for the speakers.
    events = code("Angry farmers said they would blockade Gondor.", COUNTRIES)
    assert [e.cameo[:2] for e in events] == ["13"]


def test_statements_sworn_to_fight_is_threat(code: Code) -> None:
    events = code("Mordor has sworn to fight until Gondor yields.", COUNTRIES)
    assert "138" in {e.cameo for e in events}


def test_statements_continuing_action_is_no_plan(code: Code) -> None:
    events = code("Gondor will continue to impose sanctions on Mordor.", COUNTRIES)
    assert [e.cameo for e in events] == ["163"]
    assert events[0].modality == "future"


def test_statements_reminding_another_of_an_obligation_is_a_demand_on_it(code: Code) -> None:
    text = "The king of Gondor reminded Rohan that it must cooperate with Mordor."
    events = code(text, {**COUNTRIES, "king of Gondor": "GONGOV"})
    assert [(e.source_actor, e.cameo[:2], e.target_actor) for e in events] == [
        ("GONGOV", "10", "ROH")
    ]


def test_statements_obligation_told_by_someone_unnamed_is_still_a_demand(code: Code) -> None:
    # Whose president the text does not say; the telling is still the event, not Rohan
    # cooperating.
    for text in (
        "The president reminded Rohan that it must cooperate with Mordor.",
        "The envoy said Rohan must return the horses.",
    ):
        events = code(text, COUNTRIES)
        assert [(e.source_actor, e.cameo[:2], e.target_actor) for e in events] == [
            (None, "10", "ROH")
        ], text


def test_statements_pronoun_of_a_told_obligation_is_the_one_told(code: Code) -> None:
    events = code("Gondor told Rohan that it should withdraw its troops.", COUNTRIES)
    assert all(e.source_actor == "GON" and e.target_actor == "ROH" for e in events)
    assert events


def test_statements_pronoun_of_a_told_plan_is_the_teller(code: Code) -> None:
    events = code("Gondor told Rohan that it would attack Mordor.", COUNTRIES)
    assert [(e.source_actor, e.cameo[:2], e.target_actor) for e in events] == [("GON", "13", "MOR")]


def test_statements_wanting_another_to_act_uncoded_is_appeal_not_what_it_names(
    code: Code,
) -> None:
    # The killing is part of what is asked for (compensation to its victims), not an event
    # of the sentence.
    text = "Gondor wants Rohan to pay compensation to the farmers killed in the raid."
    events = code(text, COUNTRIES)
    assert [(e.source_actor, e.cameo[:2], e.target_actor) for e in events] == [("GON", "02", "ROH")]


def test_statements_wanting_to_act_oneself_is_no_appeal(code: Code) -> None:
    assert not code("Gondor wants to build more roads.", COUNTRIES)


def test_statements_plan_on_a_condition_is_a_threat(code: Code) -> None:
    text = (
        "Gondor announced that it will withdraw its force from Rohan unless Rohan holds elections."
    )
    events = code(text, COUNTRIES)
    assert ("GON", "13", "ROH") in {(e.source_actor, e.cameo[:2], e.target_actor) for e in events}
    assert all(e.cameo[:2] != "03" for e in events)


def test_statements_plan_without_a_condition_stays_an_intent(code: Code) -> None:
    events = code("Gondor announced that it will withdraw its force from Rohan.", COUNTRIES)
    assert {e.cameo[:2] for e in events} == {"03"}


def test_statements_ordered_force_is_the_orderers_act(code: Code) -> None:
    events = code("Gondor ordered the arrest of three Rohan envoys on Monday.", COUNTRIES)
    assert {e.cameo for e in events if e.source_actor == "GON"} == {"173"}


def test_statements_ordered_inquiry_stays_a_demand(code: Code) -> None:
    events = code("Gondor ordered an investigation against Rohan.", COUNTRIES)
    assert {e.cameo[:2] for e in events} == {"10"}


@pytest.mark.parametrize(
    "text",
    [
        "The envoy of Gondor said that if Rohan keeps stalling, there is no need for talks.",
        "Gondor said that if Rohan holds the drills, it will never return to the talks.",
        # The parser may read "if" as a preposition over the condition's subject.
        "Gondor said that “if Rohan’s talk of ‘patience’ means that it wants delay, there’s no"
        " need to bother with dialogue.”",
    ],
)
def test_statements_conditional_denial_is_threat(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert any(e.cameo == "130" and (e.source_actor or "").startswith("GON") for e in events)


@pytest.mark.parametrize(
    "text",
    [
        # The denial is the condition's, not the outcome's.
        "The envoy of Gondor said farmers would be angry if the dam is not finished.",
        "The king of Gondor said he may move to the coast if the harvest does not improve.",
        # "if" asks whether; it sets no condition.
        '"I do not know if the farmers of Gondor agree," the envoy said.',
    ],
)
def test_statements_no_threat_without_denied_outcome(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert all(e.cameo[:2] != "13" for e in events)


@pytest.mark.parametrize(
    "sentence",
    [
        "Gondor issued a statement denouncing Mordor.",
        "Gondor issued a statement which denounced Mordor.",
        "Gondor issued a statement on Monday denouncing Mordor for the raids.",
    ],
)
def test_statements_issued_statement_says_what_it_does(code: Code, sentence: str) -> None:
    # The statement is the envelope; its denunciation is the event, its issuer's.
    events = code(sentence, COUNTRIES)
    assert _coded(events) == {("GON", "111", "MOR", "asserted")}


def test_statements_statement_never_made_denounces_nobody(code: Code) -> None:
    events = code("Rohan failed to make any statement denouncing Mordor.", COUNTRIES)
    assert _coded(events) == {("ROH", "111", "MOR", "negated")}


def test_statements_statement_named_but_not_issued_is_no_envelope(code: Code) -> None:
    # "termed X's statement that ...": no issuing verb, so nothing of it is Rohan's act.
    events = code("Rohan termed Mordor's statement denouncing Gondor a lie.", COUNTRIES)
    assert ("ROH", "111", "GON", "asserted") not in _coded(events)


def test_statements_person_who_issues_a_statement_is_its_voice(code: Code) -> None:
    # "The statement said" is the statement just issued, not the voice of the story so far.
    text = (
        "Tom Ruler accused Rohan of lying on Monday.\n\n"
        "Meanwhile, Anna Envoy, director of an institute in Gondor, released a statement"
        " denouncing the raids by Tom Ruler.\n\n"
        "The raids are a criminal provocation, the statement said."
    )
    events = code(text, {"Tom Ruler": "MORGOV", "Anna Envoy": "GONGOV", **COUNTRIES})
    said = [(e.source_actor, e.target_actor) for e in events if "statement said" in e.sentence]
    assert said == [("GONGOV", "MORGOV")]


@pytest.mark.parametrize(
    "text",
    [
        "Gondor will surely emerge victorious in the contest, the statement said.",
        "Gondor will be a mighty kingdom for ever, the statement said.",
        "Gondor will always remain a free land, the statement said.",
    ],
)
def test_statements_forecast_of_a_state_is_no_intent(code: Code, text: str) -> None:
    # "will" before a verb of being or becoming forecasts a state; it plans no act.
    assert "030" not in {e.cameo for e in code(text, COUNTRIES)}


def test_statements_reported_plan_stays_intent(code: Code) -> None:
    events = code("Gondor will rebuild the bridge, the statement said.", COUNTRIES)
    assert "030" in {e.cameo for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "The envoy of Gondor said he would gain ground once the farmers knew him.",
        "Gondor will still get a hearing in the council, the statement said.",
        "The vote in Rohan will be decided by the northern towns, the statement said.",
    ],
)
def test_statements_forecast_of_what_befalls_is_no_intent(code: Code, text: str) -> None:
    # "will" before a verb of having, getting or gaining, or a passive one, foretells what
    # befalls the subject; it announces nothing the subject will do.
    assert "030" not in {e.cameo for e in code(text, COUNTRIES)}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Gondor did not respond to Rohan's request for comment.", id="respond"),
        pytest.param("Gondor did not immediately reply to a request for comment.", id="reply"),
        pytest.param("Gondor did not return calls seeking comment on Friday.", id="return"),
    ],
)
def test_statements_request_for_comment_unanswered_is_comment_declined(
    code: Code, text: str
) -> None:
    events = code(text, COUNTRIES)
    declined = [e for e in events if e.cameo == "011"]
    assert [(e.source_actor, e.modality) for e in declined] == [("GON", "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Gondor responded to a request for comment by saying the claim was false.",
            id="answered",
        ),
        pytest.param("Gondor did not respond to the offer from Rohan.", id="not-for-comment"),
    ],
)
def test_statements_request_answered_or_other_reply_declines_no_comment(
    code: Code, text: str
) -> None:
    assert all(e.cameo != "011" for e in code(text, COUNTRIES))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Gondor declined to say whether the army would move.", id="say"),
        pytest.param("Gondor refused to discuss the matter on Friday.", id="discuss"),
        pytest.param("Gondor declined to elaborate on the plan.", id="elaborate"),
    ],
)
def test_statements_declining_to_say_is_comment_declined(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert [(e.source_actor, e.cameo) for e in events] == [("GON", "011")]


def test_statements_must_with_no_demand_subcode_is_demand(code: Code) -> None:
    # CAMEO has no demand sub-code for agreeing (03): the demand is 100, no agreement.
    events = code("Rohan announced that Mordor must agree to major changes.", COUNTRIES)
    assert [(e.source_actor, e.cameo, e.target_actor) for e in events] == [("ROH", "100", "MOR")]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # What is promised or asked for picks the statement's sub-code, as it picks the
        # act's own: weapons are military aid, captives persons released.
        ("Gondor will supply weapons to Rohan.", "0332"),
        ("Gondor will free the Rohan captives.", "0353"),
        ("Gondor urged Mordor to release the Rohan captives.", "0253"),
    ],
)
def test_statements_sub_code_follows_the_act(code: Code, text: str, cameo: str) -> None:
    assert cameo in {e.cameo for e in code(text, COUNTRIES)}
