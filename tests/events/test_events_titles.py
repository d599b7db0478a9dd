"""The words of a work's or a slogan's name in quotation marks, or of a scare quote, are no
acts reported (parley/events/titles.py); words said in marks still are. Nor are the words of a
story's own headline when its text opens with it."""

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
        # The title of an article or a report names the work; its body tells what happened.
        'The Gondor Herald carried an article titled "Rohan will attack the hills at dawn".',
        'The Gondor Herald carried an article "Rohan will attack the hills at dawn" on Monday.',
        'The Gondor Herald ran a report under the title of "Rohan attacks the hills" on Monday.',
        'The Gondor Herald carried a write-up titled, "Rohan threatens the hills", on Monday.',
        # No noun before the title: a paper's, not a statement's (which names its noun).
        'The Gondor Herald said under the title "Rohan attacked the hills" that war was near.',
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
        'Gondor issued a press statement under the title "Rohan attacked the hills at dawn".',
        'The Gondor Herald carried an editorial titled "Rohan attacked the hills at dawn".',
        'Gondor said Rohan "attacked the hills at dawn, twice."',
    ],
)
def test_words_said_in_marks_are_still_read(code: Code, text: str) -> None:
    events = code(text, PARTIES, kinds=KINDS)
    assert any(text.index('"') < e.trigger[0] for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Gondor Warns Rohan Against Attack\n\n"
        "Gondor accused Rohan on Monday of attacking the hills at dawn.\n",
        # A headline and the deck under it, the headline closed by a semicolon.
        "Gondor accuses Rohan of attack; \nThe charge follows a week of clashes.\n\n"
        "Gondor accused Rohan on Monday of attacking the hills at dawn.\n",
    ],
)
def test_no_event_in_the_headline(code: Code, text: str) -> None:
    events = code(text, PARTIES, kinds=KINDS)
    body = text.index("\n\n")
    assert [e for e in events if e.trigger[0] > body]
    assert not [e for e in events if e.trigger[0] < body]


@pytest.mark.parametrize(
    "text",
    [
        # A short lead paragraph in sentence case, as a cleaned wire story opens.
        "Gondor accused Rohan on Monday of attacking the hills.\n\nThe charge is new.\n",
        # A lead full of names is no headline.
        "The envoy of the Gondor Foreign Ministry Aragorn Elessar visited Rohan on Monday.\n\n"
        "The visit was short.\n",
    ],
)
def test_a_short_lead_is_no_headline(code: Code, text: str) -> None:
    events = code(text, PARTIES, kinds=KINDS)
    assert [e for e in events if e.trigger[0] < text.index("\n\n")]
