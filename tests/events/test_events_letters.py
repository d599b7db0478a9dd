"""A printed message: "I" and "we" are its sender, "you" its addressee (parley/events/
letters.py), whoever a reader meets nearest."""

from __future__ import annotations

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
