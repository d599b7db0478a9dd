"""Who speaks a passage (``parley.stances.voices``), on parses built by hand."""

from __future__ import annotations

from parley.nlp.index import MentionIndex, ParseIndex
from parley.records import Entity, EntityKind, Mention
from parley.stances import voices
from parley.stances.voices import Voice, find_voices, lead_voice
from tests.stances.conftest import Token, parsed

# "We demand Freedonia stop the drills , they said ."
ADDRESSED = [
    ("We", "we", "PRON", "PRP", "nsubj", 1),
    ("demand", "demand", "VERB", "VBP", "ccomp", 8),
    ("Freedonia", "Freedonia", "PROPN", "NNP", "dobj", 1),
    ("stop", "stop", "VERB", "VB", "ccomp", 1),
    ("the", "the", "DET", "DT", "det", 5),
    ("drills", "drill", "NOUN", "NNS", "dobj", 3),
    (",", ",", "PUNCT", ",", "punct", 8),
    ("they", "they", "PRON", "PRP", "nsubj", 8),
    ("said", "say", "VERB", "VBD", "ROOT", -1),
    (".", ".", "PUNCT", ".", "punct", 8),
]


def _entity(eid: str, name: str, kind: EntityKind, start: int, end: int) -> Entity:
    return Entity(eid, name, kind, None, None, (), None, (Mention(start, end, name),))


def _index(tokens: list[Token], entities: list[Entity]) -> tuple[ParseIndex, MentionIndex]:
    parse = ParseIndex.build(parsed(tokens))
    return parse, MentionIndex.build(entities, parse)


def test_stances_voices_pronoun_speaker_the_words_address_is_dropped() -> None:
    parse, mentions = _index(ADDRESSED, [_entity("e1", "Freedonia", "country", 10, 19)])
    text = parse.text
    assert text[10:19] == "Freedonia"
    said = text.index("said")
    voice = Voice(0, text.index(" , they"), "e1", "q1", (said, said + 4), False, None, "they")
    assert voices._addressed(voice, parse, mentions).speaker is None
    named = Voice(0, 30, "e1", "q1", (said, said + 4), False, None, "Freedonia")
    assert voices._addressed(named, parse, mentions).speaker == "e1"  # written as a name


def test_stances_voices_lead_is_the_first_paragraph_s_body() -> None:
    parse, mentions = _index(ADDRESSED, [_entity("e1", "Freedonia", "country", 10, 19)])
    text = parse.text
    country = Voice(0, 30, "e1", "q1", None, False, None, "Freedonia")
    assert lead_voice(text, [country], mentions) is None  # a country is left out
    body = _entity("e2", "Peace Committee", "organization", 0, 2)
    parse, mentions = _index(ADDRESSED, [body])
    voice = Voice(0, 30, "e2", "q1", None, False, None, "the committee")
    assert lead_voice(text, [voice], mentions) == body
    assert find_voices([], mentions) == []
