"""Which way the words around a term go: ``read_term`` on hand-built parses."""

from __future__ import annotations

from spacy.tokens import Doc

from parley.stances import StanceResources
from parley.stances.reading import Reading, read_term
from tests.stances.conftest import parsed


def _read(doc: Doc, head: int, resources: StanceResources, polarity: int = 1) -> Reading | None:
    return read_term(
        doc,
        head,
        polarity,
        (0, len(doc.text)),
        resources.words,
        resources.modality,
        resources.conditions,
    )


def test_stances_reading_refusing_to_lift_is_support(resources: StanceResources) -> None:
    doc = parsed([
        ("They", "they", "PRON", "PRP", "nsubj", 1),
        ("refused", "refuse", "VERB", "VBD", "ROOT", -1),
        ("to", "to", "PART", "TO", "aux", 3),
        ("lift", "lift", "VERB", "VB", "xcomp", 1),
        ("sanctions", "sanction", "NOUN", "NNS", "dobj", 3),
        (".", ".", "PUNCT", ".", "punct", 1),
    ])  # fmt: skip
    reading = _read(doc, 4, resources)
    assert reading is not None
    assert (reading.sign, reading.mode, reading.decided_by) == (1, "refusal", "act")
    assert doc[reading.cue].text == "lift"
    assert [doc[c.token].text for c in reading.candidates] == ["They"]


def test_stances_reading_urging_not_to_withdraw_is_a_demand_for(
    resources: StanceResources,
) -> None:
    doc = parsed([
        ("Pompeo", "Pompeo", "PROPN", "NNP", "nsubj", 1),
        ("urged", "urge", "VERB", "VBD", "ROOT", -1),
        ("China", "China", "PROPN", "NNP", "dobj", 1),
        ("not", "not", "PART", "RB", "neg", 5),
        ("to", "to", "PART", "TO", "aux", 5),
        ("withdraw", "withdraw", "VERB", "VB", "xcomp", 1),
        ("from", "from", "ADP", "IN", "prep", 5),
        ("sanctions", "sanction", "NOUN", "NNS", "pobj", 6),
        (".", ".", "PUNCT", ".", "punct", 1),
    ])  # fmt: skip
    reading = _read(doc, 7, resources)
    assert reading is not None
    assert (reading.sign, reading.mode) == (1, "demand")
    # The subject of the topmost word holds it: Pompeo, not China (the one urged).
    top = [
        c for c in reading.candidates if reading.top_hop is not None and c.hop >= reading.top_hop
    ]
    assert [doc[c.token].text for c in top] == ["Pompeo"]


def test_stances_reading_until_opens_a_condition(resources: StanceResources) -> None:
    doc = parsed([
        ("Pence", "Pence", "PROPN", "NNP", "nsubj", 1),
        ("wants", "want", "VERB", "VBZ", "ROOT", -1),
        ("to", "to", "PART", "TO", "aux", 3),
        ("maintain", "maintain", "VERB", "VB", "xcomp", 1),
        ("sanctions", "sanction", "NOUN", "NNS", "dobj", 3),
        ("until", "until", "SCONJ", "IN", "mark", 7),
        ("Pyongyang", "Pyongyang", "PROPN", "NNP", "nsubj", 7),
        ("denuclearizes", "denuclearize", "VERB", "VBZ", "advcl", 3),
        (".", ".", "PUNCT", ".", "punct", 1),
    ])  # fmt: skip
    reading = _read(doc, 4, resources)
    assert reading is not None and reading.sign == 1
    assert reading.condition == (5, 8)
    # The term inside the condition is the condition, not a stance of its own.
    assert _read(doc, 7, resources) is None


def test_stances_reading_effects_pass_on_their_objects_judgement(
    resources: StanceResources,
) -> None:
    doc = parsed([
        ("The", "the", "DET", "DT", "det", 2),
        ("reckless", "reckless", "ADJ", "JJ", "amod", 2),
        ("drills", "drill", "NOUN", "NNS", "nsubj", 3),
        ("escalate", "escalate", "VERB", "VBP", "ROOT", -1),
        ("tension", "tension", "NOUN", "NN", "dobj", 3),
        (".", ".", "PUNCT", ".", "punct", 3),
    ])  # fmt: skip
    reading = _read(doc, 2, resources)
    assert reading is not None
    assert (reading.sign, reading.decided_by, doc[reading.cue].text) == (-1, "act", "escalate")


def test_stances_reading_a_modifier_alone_is_the_voices_judgement(
    resources: StanceResources,
) -> None:
    doc = parsed([
        ("the", "the", "DET", "DT", "det", 2),
        ("reckless", "reckless", "ADJ", "JJ", "amod", 2),
        ("drills", "drill", "NOUN", "NNS", "ROOT", -1),
    ])  # fmt: skip
    reading = _read(doc, 2, resources)
    assert reading is not None
    assert (reading.sign, reading.decided_by, reading.top_hop) == (-1, "eval", None)


def test_stances_reading_nobody_waiving_keeps_them(resources: StanceResources) -> None:
    doc = parsed([
        ("No", "no", "DET", "DT", "det", 1),
        ("president", "president", "NOUN", "NN", "nsubj", 3),
        ("could", "could", "AUX", "MD", "aux", 3),
        ("waive", "waive", "VERB", "VB", "ROOT", -1),
        ("sanctions", "sanction", "NOUN", "NNS", "dobj", 3),
    ])  # fmt: skip
    reading = _read(doc, 4, resources)
    assert reading is not None
    assert (reading.sign, reading.modality) == (1, "hypothetical")


def test_stances_reading_an_adjunct_says_nothing(resources: StanceResources) -> None:
    doc = parsed([
        ("Pompeo", "Pompeo", "PROPN", "NNP", "nsubj", 1),
        ("urged", "urge", "VERB", "VBD", "ROOT", -1),
        ("China", "China", "PROPN", "NNP", "dobj", 1),
        ("after", "after", "ADP", "IN", "prep", 1),
        ("the", "the", "DET", "DT", "det", 5),
        ("talks", "talk", "NOUN", "NNS", "pobj", 3),
    ])  # fmt: skip
    assert _read(doc, 5, resources) is None


def test_stances_reading_an_actors_name_is_no_issue(resources: StanceResources) -> None:
    doc = parsed([
        ("NATO", "NATO", "PROPN", "NNP", "poss", 2),
        ("'s", "'s", "PART", "POS", "case", 0),
        ("chief", "chief", "NOUN", "NN", "nsubj", 3),
        ("condemned", "condemn", "VERB", "VBD", "ROOT", -1),
        ("it", "it", "PRON", "PRP", "dobj", 3),
    ])  # fmt: skip
    assert _read(doc, 0, resources) is None


def test_stances_reading_opposite_terms_turn_the_sign(resources: StanceResources) -> None:
    doc = parsed([
        ("They", "they", "PRON", "PRP", "nsubj", 1),
        ("develop", "develop", "VERB", "VBP", "ROOT", -1),
        ("nuclear", "nuclear", "ADJ", "JJ", "amod", 3),
        ("weapons", "weapon", "NOUN", "NNS", "dobj", 1),
    ])  # fmt: skip
    reading = _read(doc, 3, resources, polarity=-1)
    assert reading is not None and reading.sign == -1  # developing them opposes denuclearization


def test_stances_reading_replacing_one_thing_with_another(resources: StanceResources) -> None:
    """In "We urged them to replace the sanctions with talks" the sanctions go (the object)
    and the talks come (the "with" phrase): the preposition is no key for the object."""
    doc = parsed([
        ("We", "we", "PRON", "PRP", "nsubj", 1),
        ("urged", "urge", "VERB", "VBD", "ROOT", -1),
        ("them", "they", "PRON", "PRP", "dobj", 1),
        ("to", "to", "PART", "TO", "aux", 4),
        ("replace", "replace", "VERB", "VB", "xcomp", 1),
        ("the", "the", "DET", "DT", "det", 6),
        ("sanctions", "sanction", "NOUN", "NNS", "dobj", 4),
        ("with", "with", "ADP", "IN", "prep", 4),
        ("talks", "talk", "NOUN", "NNS", "pobj", 7),
        (".", ".", "PUNCT", ".", "punct", 1),
    ])  # fmt: skip
    gone = _read(doc, 6, resources)
    come = _read(doc, 8, resources)
    assert gone is not None and come is not None
    assert (gone.sign, gone.mode) == (-1, "demand")
    assert (come.sign, come.mode) == (1, "demand")


def test_stances_reading_judging_noun_judged_again_keeps_its_side(
    resources: StanceResources,
) -> None:
    # "The sanctions farce is a threat": the subject already judges the term, and the
    # complement judges the same thing; two judgements against do not make one for.
    doc = parsed([
        ("The", "the", "DET", "DT", "det", 2),
        ("sanctions", "sanction", "NOUN", "NNS", "nmod", 2),
        ("farce", "farce", "NOUN", "NN", "nsubj", 3),
        ("is", "be", "AUX", "VBZ", "ROOT", -1),
        ("a", "a", "DET", "DT", "det", 5),
        ("threat", "threat", "NOUN", "NN", "attr", 3),
        (".", ".", "PUNCT", ".", "punct", 3),
    ])  # fmt: skip
    reading = _read(doc, 1, resources)
    assert reading is not None
    assert reading.sign == -1
