"""Parse repairs: the name before a weekday is the subject of the verb the day modifies."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, HEAD
from spacy.language import Language

from parley.nlp.repairs import DATED_SUBJECTS

# Original sentences written for this test.
DATED = [
    (
        "Lumen Daily Friday in a signed commentary denounced the border decree.",
        "Daily",
        "denounced",
    ),
    ("Mara Okonjo Velde Sunday received the visiting trade delegation.", "Velde", "received"),
    ("Tovar Gazette Thursday says that the ceasefire is holding.", "Gazette", "says"),
]


def test_the_repair_runs_last(nlp: Language) -> None:
    assert nlp.pipe_names[-1] == DATED_SUBJECTS


@pytest.mark.parametrize(("text", "name", "verb"), DATED)
def test_a_name_before_a_weekday_is_the_subject(
    nlp: Language, text: str, name: str, verb: str
) -> None:
    doc = nlp(text)
    subjects = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.head.text == verb]
    assert [t.text for t in subjects] == [name], [(t.text, t.dep_, t.head.text) for t in doc]
    # The name's first words still hang on it, and the tree still has one root.
    assert doc[0].head.i in {t.i for t in subjects[0].subtree}
    assert sum(t.dep_ == "ROOT" for t in doc) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The minister said on Friday that talks would resume.",  # the day is in a phrase
        "Last Friday the envoys met again in Lagos.",  # the day has its own words
        "The council met Monday and agreed on a plan.",  # the verb has its subject
    ],
)
def test_other_days_are_left_as_parsed(nlp: Language, text: str) -> None:
    with nlp.select_pipes(disable=[DATED_SUBJECTS]):
        plain = nlp(text)
    assert nlp(text).to_array([HEAD, DEP]).tolist() == plain.to_array([HEAD, DEP]).tolist()
