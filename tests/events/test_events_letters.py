"""A printed message: "I" and "we" are its sender, "you" its addressee (parley/events/
letters.py), whoever a reader meets nearest."""

from __future__ import annotations

import pytest

from tests.events.conftest import Code

PEOPLE = {"Aragorn Elessar": "GONGOV", "Eomer Eadig": "ROHGOV", "Gondor": "GON", "Rohan": "ROH"}


def _dyads(events):  # type: ignore[no-untyped-def]
    return {(e.source_actor, e.cameo[:2], e.target_actor) for e in events}


def test_letters_sent_message_speaks_for_its_sender(code: Code) -> None:
    text = (
        "Aragorn Elessar sent a message of greeting to Eomer Eadig on Monday. "
        "The message said: Eomer Eadig has led Rohan well. I praise you for it."
    )
    assert ("GONGOV", "05", "ROHGOV") in _dyads(code(text, PEOPLE))


def test_letters_received_message_speaks_for_who_sent_it(code: Code) -> None:
    text = (
        "Aragorn Elessar received a reply message from Eomer Eadig on Monday. "
        "The message said: Aragorn Elessar is wise. We praise you and support Gondor."
    )
    dyads = _dyads(code(text, PEOPLE))
    assert ("ROHGOV", "05", "GONGOV") in dyads
    assert all(source != "GONGOV" for source, _, _ in dyads)


def test_letters_no_message_no_sender(code: Code) -> None:
    # No message was printed: "I" is no one the text names.
    text = "Aragorn Elessar met Eomer Eadig on Monday. I praise you, a guest said."
    assert all(source is None for source, root, _ in _dyads(code(text, PEOPLE)) if root == "05")


def _coded(events):  # type: ignore[no-untyped-def]
    return [(e.source_actor, e.cameo, e.target_actor) for e in events]


def test_letters_a_message_sent_is_a_statement_to_its_addressee(code: Code) -> None:
    text = "Aragorn Elessar sent a message to Eomer Eadig on Monday about the harvest."
    assert _coded(code(text, PEOPLE)) == [("GONGOV", "010", "ROHGOV")]


def test_letters_an_autograph_sent_is_a_statement_to_its_addressee(code: Code) -> None:
    text = "Aragorn Elessar sent his autograph to Eomer Eadig after reading his letter."
    assert ("GONGOV", "010", "ROHGOV") in _coded(code(text, PEOPLE))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Aragorn Elessar sent a wreath to the bier of Eomer Eadig.", id="bier"),
        pytest.param("Aragorn Elessar sent wreaths on the demise of Eomer Eadig.", id="demise"),
        pytest.param(
            "Aragorn Elessar sent a wreath to express condolences to Eomer Eadig.",
            id="condolences",
        ),
    ],
)
def test_letters_a_wreath_sent_on_a_death_is_condolence(code: Code, text: str) -> None:
    assert ("GONGOV", "018", "ROHGOV") in _coded(code(text, PEOPLE))


def test_letters_a_bouquet_sent_is_a_tribute(code: Code) -> None:
    text = "Aragorn Elessar sent a bouquet to Eomer Eadig on his birthday."
    assert ("GONGOV", "051", "ROHGOV") in _coded(code(text, PEOPLE))


def test_letters_a_reply_received_is_from_its_sender(code: Code) -> None:
    text = "Aragorn Elessar received a reply message from Eomer Eadig on Monday."
    assert _coded(code(text, PEOPLE)) == [("ROHGOV", "010", "GONGOV")]


def test_letters_a_message_of_condolence_is_condolence(code: Code) -> None:
    text = "Aragorn Elessar sent a message of condolence to Eomer Eadig after the flood."
    assert _coded(code(text, PEOPLE)) == [("GONGOV", "018", "ROHGOV")]


def test_letters_a_congratulatory_message_sent_stays_praise(code: Code) -> None:
    text = "Aragorn Elessar sent a congratulatory message to Eomer Eadig on Monday."
    assert _coded(code(text, PEOPLE)) == [("GONGOV", "051", "ROHGOV")]


def test_letters_greetings_conveyed_are_a_symbolic_act(code: Code) -> None:
    text = "Aragorn Elessar conveyed the greetings of Gondor to Eomer Eadig at the feast."
    assert ("GONGOV", "017", "ROHGOV") in _coded(code(text, PEOPLE))


def test_letters_a_printed_greeting_is_coded_by_its_words(code: Code) -> None:
    # The sending is the envelope of the words the story prints: those are the events.
    text = (
        "Aragorn Elessar sent a message of greeting to Eomer Eadig on Monday. "
        "The message said: Eomer Eadig has led Rohan well. I praise you for it."
    )
    assert _coded(code(text, PEOPLE)) == [("GONGOV", "051", "ROHGOV")]


def test_letters_greetings_asked_to_be_conveyed_are_the_askers(code: Code) -> None:
    # The messenger carries them: the asker greets whom the greetings go to, and asks nothing.
    text = (
        "At the farewell Eomer Eadig asked the envoy to convey his warm greetings to "
        "Aragorn Elessar."
    )
    assert _coded(code(text, PEOPLE)) == [("ROHGOV", "017", "GONGOV")]


def test_letters_an_appeal_to_convey_anything_else_stays_an_appeal(code: Code) -> None:
    text = "Eomer Eadig urged Gondor to send an apology to Rohan."
    assert all(cameo[:2] == "02" for _, cameo, _ in _coded(code(text, PEOPLE)))


def test_letters_a_greeting_received_is_from_its_sender(code: Code) -> None:
    # The parser hangs "from X" on the of-phrase's noun ("greeting"), not on "message".
    text = "Aragorn Elessar received a message of greeting from Eomer Eadig on Monday."
    assert _coded(code(text, PEOPLE)) == [("ROHGOV", "017", "GONGOV")]


def test_letters_a_letter_of_sympathy_is_condolence(code: Code) -> None:
    text = "Aragorn Elessar received a letter of sympathy from Eomer Eadig after the flood."
    assert _coded(code(text, PEOPLE)) == [("ROHGOV", "018", "GONGOV")]


def test_letters_a_message_sent_by_someone_is_theirs(code: Code) -> None:
    # A participle's agent ("sent by X") is the message's sender.
    text = "Aragorn Elessar read a message of sympathy sent by Eomer Eadig after the flood."
    coded = _coded(code(text, PEOPLE))
    assert coded and all(source == "ROHGOV" for source, cameo, _ in coded if cameo == "018")
    assert any(cameo == "018" for _, cameo, _ in coded)


def test_letters_message_speaking_after_its_own_words_starts_there(code: Code) -> None:
    # "..., the message said, and went on:": the words before it are the message's too.
    text = (
        "Aragorn Elessar received a message from Eomer Eadig on Monday. "
        "I praise you for your courage in the flood, the message said, and went on: "
        "Rohan stands with Gondor."
    )
    assert ("ROHGOV", "05", "GONGOV") in _dyads(code(text, PEOPLE))


def test_letters_message_text_after_the_colon_of_its_sentence(code: Code) -> None:
    text = (
        "Aragorn Elessar received a message from Eomer Eadig on Monday. "
        "The message said: I praise you for your courage in the flood. Rohan stands with Gondor."
    )
    assert ("ROHGOV", "05", "GONGOV") in _dyads(code(text, PEOPLE))


def test_letters_sending_and_speaking_in_one_sentence(code: Code) -> None:
    # The letter is sent and speaks in one sentence: its text is what follows the colon.
    text = (
        "Aragorn Elessar received a letter from Eomer Eadig on Monday and the letter said: "
        "I praise you for your courage in the flood."
    )
    assert ("ROHGOV", "05", "GONGOV") in _dyads(code(text, PEOPLE))


def test_letters_the_message_speaking_of_its_own_is_its_sender(code: Code) -> None:
    # "The message expressed ..." is the sender's, told after the message was received.
    text = (
        "Aragorn Elessar received a message of greeting from Eomer Eadig on Monday. The "
        "message expressed the hope that Gondor would grow stronger."
    )
    events = code(text, PEOPLE)
    hoped = [e for e in events if text[e.trigger[0] : e.trigger[1]].startswith("expressed")]
    assert hoped and all(e.source_actor == "ROHGOV" for e in hoped)


def test_letters_a_sending_thanked_for_is_no_new_message(code: Code) -> None:
    # The reply is Aragorn's; thanking Eomer "for sending" a message sends none.
    text = (
        "Aragorn Elessar sent a reply message to Eomer Eadig on Monday. He thanked Eomer "
        "Eadig for sending the message of greeting to him. The reply message expressed the "
        "hope that Rohan would grow stronger."
    )
    events = code(text, PEOPLE)
    hoped = [e for e in events if text[e.trigger[0] : e.trigger[1]].startswith("expressed")]
    assert hoped and all(e.source_actor != "ROHGOV" for e in hoped)
