"""Repairs of one parse shape the model gets wrong in news copy, made before any stage reads it.

Wire and state-media copy puts the day between a subject and its verb: "Rodong Sinmun Friday
in a commentary denounced ...", "Kim Jong Un Sunday received ...", "Rodong Sinmun Thursday
says". The parser often reads the name as a compound of the day ("Sinmun" compound of
"Friday", the day a modifier of the verb), so the verb has no subject: the event loses its
source and the quote its speaker. In the two KCNA corpora a name stands before a weekday and
a lower-case word 878 times.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

DATED_SUBJECTS = "parley_dated_subjects"

# The days of the week in lower case, which NER reads as part of a name written just before
# them; the entity stage uses the same list.
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS = np.array([get_string_id(day) for day in WEEKDAY_NAMES], dtype=np.uint64)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def attach_dated_subjects(doc: Doc) -> Doc:
    """Make the name before a weekday the subject of the verb the weekday modifies, when
    the parser hung the name on the day and the verb has no subject of its own. The
    weekdays are found in the token array first: most texts name none before a verb."""
    if len(doc) < 3:
        return doc
    for i in np.flatnonzero(np.isin(doc.to_array(LOWER), _WEEKDAYS)).tolist():
        if i:
            _attach(doc[i])
    return doc


def _attach(day: Token) -> None:
    name = day.doc[day.i - 1]
    if name.pos_ != "PROPN":
        return
    if day.dep_ == "npadvmod" and name.head.i == day.i and name.dep_ == "compound":
        # "Rodong Sinmun Friday denounced": the name hangs on the day, the day on the verb.
        verb = day.head
        children = list(day.children)
        if any(c.i > day.i or c.dep_ != "compound" for c in children):
            return  # "last Friday", "Friday night": the day is a phrase of its own
    elif name.dep_ == "npadvmod" and day.head.i == name.i and day.dep_ == "npadvmod":
        # "Lumen Daily Friday denounced": the name is the verb's modifier, the day the name's.
        verb, children = name.head, []
    else:
        return
    if verb.i <= day.i or verb.pos_ not in ("VERB", "AUX"):
        return
    if any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    name.head = verb
    name.dep_ = "nsubjpass" if passive else "nsubj"
    for child in children:
        if child.i != name.i:
            child.head = name  # the name's other words ("DPRK Premier ...")
