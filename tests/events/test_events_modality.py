"""Modality: asserted, negated, hypothetical, future."""

from __future__ import annotations

import pytest

from tests.events.conftest import Code

ACTORS = {"Mordor": "MOR", "Gondor": "GON"}


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Gondor criticized Mordor on Monday.", "asserted"),
        ("Gondor did not criticize Mordor.", "negated"),
        ("Gondor never criticized Mordor.", "negated"),
        ("Gondor could criticize Mordor.", "hypothetical"),
        ("Gondor might attack Mordor.", "hypothetical"),
        ("If talks fail, Gondor will attack Mordor.", "hypothetical"),
        ("Gondor is unlikely to attack Mordor.", "hypothetical"),
        ("Gondor will attack Mordor.", "future"),
        ("Gondor plans to attack Mordor.", "future"),
        ("Gondor is expected to attack Mordor.", "future"),
        ("Gondor will continue to impose sanctions on Mordor.", "future"),
        ("Gondor has refrained from criticizing Mordor.", "negated"),
        ("Gondor was hesitant to criticize Mordor.", "hypothetical"),
        # An ability claimed is no act done: "capable of beating back the aggressors".
        ("Gondor is capable of beating back Mordor with one stroke.", "hypothetical"),
        # Readiness or willingness is no act done either: "fully ready to fight a war".
        ("The troops of Gondor are fully ready to attack Mordor.", "hypothetical"),
        ("Gondor is willing to attack Mordor.", "hypothetical"),
        # A "would" reported in the past is a "will": the act foretold, not supposed.
        ("Gondor said that it would attack Mordor next week.", "future"),
        ("Gondor clarified that it would boost cooperation with Mordor.", "future"),
        ("Gondor said that the war was over and that it would attack Mordor.", "future"),
        ("Gondor said that it would have attacked Mordor.", "hypothetical"),
        ("The envoy said that Gondor would attack Mordor if the talks failed.", "hypothetical"),
        # "going" parsed as the verb of "is going to".
        ("Analysts claim Gondor is going to attack Mordor.", "future"),
        ("“I’m going to criticize Mordor,” Gondor’s envoy said.", "future"),
        ("Analysts claim Gondor is not going to attack Mordor.", "negated"),
        ("If the talks fail, Gondor is going to attack Mordor.", "hypothetical"),
        # A preposition governs nothing: "about" foretells only as "about to".
        ("Gondor voiced concerns about the threats from Mordor.", "asserted"),
        ("Gondor is about to attack Mordor.", "future"),
        # A conjoined clause with its own subject keeps its own auxiliaries and negation.
        ("Rohan is not sure of it, and Gondor has been criticizing Mordor.", "asserted"),
        ("The farmers would have left, but Gondor attacked Mordor.", "asserted"),
        # "no longer", and an act forgone: "without", "rather than", "instead of".
        ("Gondor can no longer defend Mordor.", "negated"),
        ("Gondor won the war without attacking Mordor.", "negated"),
        ("Gondor stayed silent rather than criticizing Mordor.", "negated"),
        ("Gondor played on fears rather than offered Mordor solutions.", "negated"),
        ("Gondor kept quiet instead of apologizing to Mordor.", "negated"),
        ("Gondor went on holiday instead of making a visit to Mordor.", "negated"),
        # A purpose stated is no act done: "our goal is to destroy them".
        ("Gondor's goal is to destroy Mordor.", "hypothetical"),
    ],
)
def test_modality_of_sentence(code: Code, text: str, modality: str) -> None:
    events = code(text, ACTORS)
    assert [e.modality for e in events] == [modality]


def test_modality_prediction_is_not_asserted(code: Code) -> None:
    text = "Gondor could move toward sanctions on Mordor, an analyst predicted."
    assert all(e.modality != "asserted" for e in code(text, ACTORS))


@pytest.mark.parametrize(
    "text",
    [
        # A nominal event takes its carrier verb's modality.
        "Resuming the tests would bring an attack on Mordor, Gondor's envoy said.",
        # An adjective beside the to-clause governs it, however the parser hangs it.
        "For Gondor, it's essential to ease sanctions on Mordor.",
    ],
)
def test_modality_carried_and_adjective_governed_are_not_asserted(code: Code, text: str) -> None:
    events = code(text, ACTORS)
    assert events and all(e.modality != "asserted" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "There exists no field of cooperation between Gondor and Rohan.",
        "We have neither intention nor interest in cooperation with Rohan, Gondor said.",
        "Gondor has no plan for talks with Rohan.",
        # A verb that is the matter of a denied noun.
        "Gondor has no intention of holding talks with Rohan.",
        "Gondor has no willingness to improve the relations with Rohan.",
    ],
)
def test_modality_denied_frame_negates_the_event_noun(code: Code, text: str) -> None:
    events = code(text, {"Gondor": "GON", "Rohan": "ROH"})
    assert events
    assert all(e.modality == "negated" for e in events)


def test_modality_frame_without_denial_stays_asserted(code: Code) -> None:
    text = "The two countries widened the field of cooperation between Gondor and Rohan."
    events = code(text, {"Gondor": "GON", "Rohan": "ROH"})
    assert events
    assert all(e.modality == "asserted" for e in events)


def test_modality_denied_do_coordinated_with_the_verb(code: Code) -> None:
    text = "Gondor does not, and never will, accept Mordor as a nuclear state."
    events = code(text, {"Gondor": "GON", "Mordor": "MOR"})
    # A refusal, stated: no AGREE, and the refusal is not itself denied.
    assert [(e.cameo[:2], e.modality) for e in events] == [("12", "asserted")]


@pytest.mark.parametrize(
    ("text", "word", "modality"),
    [
        # A demand that an act not happen is no denial that it did.
        ("Gondor said that Mordor should not attack Rohan.", "attack", "hypothetical"),
        ("Gondor should never pardon Mordor for the raids.", "pardon", "hypothetical"),
        ("Gondor could not pardon Mordor for the raids.", "pardon", "negated"),
        # A to-infinitive of a noun names an act that may come ...
        ("Gondor spoke of the ways for Rohan to attack Mordor.", "attack", "hypothetical"),
        # ... but not what a statement or a meeting was for, nor an ordinal's act.
        ("Gondor issued a statement to condemn Mordor.", "condemn", "asserted"),
        ("Gondor was the first country to condemn Mordor.", "condemn", "asserted"),
        # A bare infinitive after "help" shares its helpers.
        ("This would help Gondor intensify the crackdown on Mordor.", "crackdown",
         "hypothetical"),
    ],
)  # fmt: skip
def test_modality_demands_and_unrealised_acts(
    code: Code, text: str, word: str, modality: str
) -> None:
    events = code(text, ACTORS | {"Rohan": "ROH"})
    found = {e.modality for e in events if text[e.trigger[0] : e.trigger[1]] == word}
    assert found == {modality}
