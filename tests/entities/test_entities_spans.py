"""One span, one entity: an upper-case pronoun the model reads as a name ("HE") was also
linked as a pronoun, two entities shared the mention, and a later stage crashed on it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.records import Entity


def _spans(entities: tuple[Entity, ...]) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, e.id) for e in entities for m in e.mentions]


def assert_one_entity_per_span(text: str, entities: tuple[Entity, ...]) -> None:
    spans = sorted(_spans(entities))
    for start, end, _ in spans:
        assert 0 <= start < end <= len(text)
    for n, (start, end, owner) in enumerate(spans):
        # Mentions of two entities neither coincide nor overlap (the texts are short).
        for other_start, other_end, other in spans[n + 1 :]:
            if other != owner:
                assert other_start >= end or other_end <= start, (text, start, end, other_start)
    for entity in entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_entities_upper_case_pronoun_full_analysis() -> None:
    from parley.analysis import analyze_text

    text = "John Smith said HE would go."
    result = analyze_text(text)
    assert_one_entity_per_span(result.article.text, result.entities)
    owners = [e for e in result.entities if any(m.text == "HE" for m in e.mentions)]
    assert [e.name for e in owners] in ([], ["John Smith"])


_NAMES = ("John Smith", "Mary Jones", "Kim Jong-un", "Mike Pompeo", "Smith", "JOHN SMITH")
_PRONOUNS = ("HE", "HIS", "HIM", "SHE", "HER", "He", "His", "he", "his", "her", "she")
_TITLES = ("President", "US Secretary of State", "Foreign Minister", "Senator", "General", "")
_SAYS = ("said", "told reporters", "SAID", "says", "added that")
_ACTS = ("would go", "will visit", "met", "WOULD GO TO", "thanked", "spoke with")
_OBJECTS = ("North Korea", "the North", "Seoul", "Washington", "the Chinese army", "him", "HER")

_SUBJECT = st.builds(
    lambda title, name: f"{title} {name}".strip(), st.sampled_from(_TITLES), st.sampled_from(_NAMES)
)
# "John Smith said HE would go to Seoul.": names, titles and pronouns of either case.
_SENTENCE = st.builds(
    lambda who, says, pronoun, act, what: f"{who} {says} {pronoun} {act} {what}.",
    _SUBJECT,
    st.sampled_from(_SAYS),
    st.sampled_from(_PRONOUNS),
    st.sampled_from(_ACTS),
    st.one_of(st.sampled_from(_OBJECTS), _SUBJECT),
)
_TEXT = st.lists(_SENTENCE, min_size=1, max_size=3).map(" ".join)


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=_TEXT)
def test_entities_random_texts_one_entity_per_span(entities_of, text: str) -> None:  # type: ignore[no-untyped-def]
    assert_one_entity_per_span(text, entities_of(text, real=True))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Ruritanian side has kept flying balloons with leaflets over villages along the "
            "Military Demarcation Line, the Eastern Guard said.",
            "Military Demarcation Line",
        ),
        (
            "Ruritania is sending warships across the Northern Limit Line and troops into areas "
            "along the Military Demarcation Line.",
            "Northern Limit Line",
        ),
        ("Ruritanian soldiers went into the Demilitarized Zone, the ministry said.", "Zone"),
    ],
)
def test_spans_line_or_zone_on_a_map_is_a_place(entities_of, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    # The model tags the first two ORG: a body's name, which a country's word then codes.
    found = [e for e in entities_of(text, real=True) if e.mentions[0].text.endswith(name)]
    assert [(e.kind, e.actor) for e in found] == [("location", None)]
