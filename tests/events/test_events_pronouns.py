"""What "they" and "it" stand for when they act (parley/events/pronouns.py): the party the
text was talking about, never a place nor merely the nearest name; nobody when unclear."""

from __future__ import annotations

from tests.events.conftest import Code

COUNTRIES = {"Mordor": "MOR", "Gondor": "GON", "Rohan": "ROH", "Edoras": "ROH"}
PLACES = {"Edoras": "location"}


def _sources(events, cameo_root: str):  # type: ignore[no-untyped-def]
    return [e.source_actor for e in events if e.cameo.startswith(cameo_root)]


def test_pronouns_they_is_the_previous_subject_not_a_place(code: Code) -> None:
    text = (
        "Mordor sent envoys to a summit in Edoras. They criticized Gondor for the blockade."
    )
    events = code(text, COUNTRIES, kinds=PLACES)
    assert _sources(events, "11") == ["MOR"]


def test_pronouns_a_chain_of_they_is_one_party(code: Code) -> None:
    text = (
        "Mordor closed the pass on Monday. They accused Gondor of spying. They also "
        "condemned Rohan for the raid in Edoras."
    )
    events = code(text, COUNTRIES, kinds=PLACES)
    assert _sources(events, "112") == ["MOR"]
    assert _sources(events, "111") == ["MOR"]


def test_pronouns_it_left_empty_when_two_parties_could_be_meant(code: Code) -> None:
    # Neither Gondor nor Rohan is the subject: "it" could be either.
    text = "Talks with Gondor and with Rohan went on. It later accused Mordor of spying."
    events = code(text, COUNTRIES, kinds=PLACES)
    assert _sources(events, "11") in ([], [None])
