"""Parley's sparse sum over py3langid's model gives py3langid's own answer."""

from __future__ import annotations

import py3langid
import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from parley.extract.language import classify, classify_with_confidence, detect_language

SENTENCES = [
    "The two delegations met on Tuesday and agreed to hold a further round of talks in May.",
    "Les deux délégations se sont réunies mardi et ont convenu d'un nouveau cycle de négociations.",
    "Die beiden Delegationen trafen sich am Dienstag und vereinbarten eine weitere Gesprächsrunde.",
    "Las dos delegaciones se reunieron el martes y acordaron otra ronda de conversaciones en mayo.",
    "As duas delegações reuniram-se na terça-feira e acordaram uma nova ronda de negociações.",
    "Le due delegazioni si sono incontrate martedì e hanno concordato un altro ciclo di colloqui.",
    "De twee delegaties kwamen dinsdag bijeen en spraken een nieuwe gespreksronde af in mei.",
    "Obie delegacje spotkały się we wtorek i uzgodniły kolejną rundę rozmów w maju tego roku.",
    "İki heyet salı günü bir araya geldi ve mayıs ayında yeni bir görüşme turu konusunda anlaştı.",
    "Kedua delegasi bertemu pada hari Selasa dan sepakat mengadakan putaran perundingan baru.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_classify_agrees_with_py3langid(text: str) -> None:
    assert classify(text) == py3langid.classify(text)[0]


def test_detect_language_english_and_not() -> None:
    assert detect_language(SENTENCES[0] * 3) == "en"
    assert detect_language(SENTENCES[1] * 3) == "fr"


@pytest.mark.parametrize("text", SENTENCES[:3])
def test_classify_confidence_is_py3langids_probability(text: str) -> None:
    identifier = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
    code, confidence = classify_with_confidence(text)
    expected_code, expected = identifier.classify(text)
    assert code == expected_code
    assert confidence == pytest.approx(float(expected), abs=1e-4)


@pytest.mark.parametrize(
    "text",
    ["Kim visited Beijing in March.", "Kim visited China in March."],
)
def test_detect_language_short_english_is_not_taken_for_another_language(text: str) -> None:
    # py3langid says Maltese or German here with a probability of 0.4 to 0.7: undecided, and
    # an undecided article is read as English rather than skipped.
    assert classify(text) != "en"
    assert detect_language(text) is None


def test_detect_language_short_foreign_sentence_still_found() -> None:
    text = "Le président a visité Pékin en mars dernier avec sa délégation."
    assert detect_language(text) == "fr"
