"""Where an event happened (``Event.location``): the named place of its where-phrase, the
most precise one, never a place that only says whose something is."""

from __future__ import annotations

import pytest

from tests.events.conftest import Code

# The dyad tests' countries and cities: Edoras is a city of Rohan, Minas Tirith one of Gondor.
from tests.events.test_events_dyads import COUNTRIES, PLACES


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # The act's own phrase, the verb that holds its noun, a place noun's of-phrase.
        ("Mordor and Arnor met in Edoras on Tuesday.", "Edoras"),
        ("Envoys of Mordor and Arnor held talks at Edoras last week.", "Edoras"),
        ("Talks between Mordor and Arnor were held in Edoras.", "Edoras"),
        ("Mordor and Arnor held talks in the old city of Edoras.", "Edoras"),
        # A city before the country it lies in; a thing's place is where the act is.
        ("Arnor and Mordor met at a palace in Rohan's capital Edoras.", "Edoras"),
        ("Mordor shelled a village near Minas Tirith.", "Minas Tirith"),
        # A journey's end, for the act the journey is made for.
        ("The envoy of Mordor travelled to Edoras to mediate between Arnor and Gondor.", "Edoras"),
    ],
)
def test_location_is_the_place_of_the_where_phrase(code: Code, text: str, place: str) -> None:
    events = code(text, COUNTRIES, kinds=PLACES)
    assert events
    assert {e.location_text for e in events} == {place}
    entity = {e.location for e in events}
    assert len(entity) == 1 and None not in entity


@pytest.mark.parametrize(
    "text",
    [
        # Whose, not where: a summit of two countries held nowhere the sentence says.
        "Gondor praised the accord reached at the Mordor-Arnor summit.",
        # No where-phrase at all; a place that is the act's target only.
        "Gondor condemned Mordor on Monday.",
        # A where-phrase inside a clause of its own is that clause's.
        "Gondor criticised the envoy who had lived in Edoras.",
    ],
)
def test_location_is_left_empty_when_no_phrase_says_where(code: Code, text: str) -> None:
    events = code(text, COUNTRIES, kinds=PLACES)
    assert events
    assert all(e.location is None and e.location_text is None for e in events)
