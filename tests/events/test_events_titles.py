"""The words of a work's or a slogan's name in quotation marks, or of a scare quote, are no
acts reported (parley/events/titles.py); words said in marks still are."""

from __future__ import annotations

import pytest

from tests.events.conftest import Code

PARTIES = {"Gondor": "GON", "Rohan": "ROH", "The Gondor Herald": "GONMED"}
KINDS = {"The Gondor Herald": "media"}


@pytest.mark.parametrize(
    "text",
    [
        'The Gondor Herald carried a poem "Rohan will attack the hills at dawn" on Monday.',
        'Gondor showed the documentary film "Rohan Threatens the Northern Border" on Monday.',
        'Gondor held a rally under the slogan "let us condemn Rohan" on Monday.',
        'The Gondor Herald ran songs "Our Fields" and "Condemn Rohan, Defend the Hills".',
        # Scare quotes: the writer's distance from the word, not a report of the act.
        'Rohan keeps exaggerating the "threat" from Gondor to justify its drills.',
        'Rohan showed off its food "aid" to Gondor worth a petty sum.',
    ],
)
def test_no_event_inside_a_name(code: Code, text: str) -> None:
    events = code(text, PARTIES, kinds=KINDS)
    opening = text.index('"')
    inside = [e for e in events if opening < e.trigger[0] < text.index('"', opening + 1)]
    assert not inside, [(e.cameo, text[e.trigger[0] : e.trigger[1]]) for e in inside]


@pytest.mark.parametrize(
    "text",
    [
        'The Gondor Herald said in a commentary: "Rohan will attack the hills at dawn."',
        'Gondor said on Monday, "Rohan attacked the hills at dawn."',
        # The title of a statement makes a claim: the act it names is reported.
        'Gondor issued a statement titled "Rohan attacked the hills at dawn" on Monday.',
        'Gondor said Rohan "attacked the hills at dawn, twice."',
    ],
)
def test_words_said_in_marks_are_still_read(code: Code, text: str) -> None:
    events = code(text, PARTIES, kinds=KINDS)
    assert any(text.index('"') < e.trigger[0] for e in events)
