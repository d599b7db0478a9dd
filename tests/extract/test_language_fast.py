"""Parley's sparse sum over py3langid's model gives py3langid's own answer."""

from __future__ import annotations

import py3langid
import pytest

from parley.extract.language import classify, detect_language

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
