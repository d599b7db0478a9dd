"""Messages and letters quoted at length: "I" and "we" in them are their senders, "you" their
addressee.

Diplomatic news reports a message and then prints it: "Kim Jong Un sent a message of greeting
to Vladimir Putin ... The message said: ... I extend warm congratulations to you"; "X received
a reply message from Y ... The message said: I extend my thanks to you for sending ...". In
the printed text "I", "we", "my", "our" are the sender and "you", "your" the one it was sent
to, whoever a reader meets nearest. A letter is found where a message noun (message, letter,
telegram, cable) is the object of a sending verb (sender: its subject; addressee: its
to-phrase) or of a receiving verb (addressee: its subject; sender: its from-phrase); its
printed text runs from where the message speaks ("The message said:", the end of its
sentence; "The message said: I thank you", after the colon; "At the news ... I express
condolences to you, the message said, and went on:", the sentence's start) to the next such
place or the end of the article. Both sides must name entities: a letter "you" sent "me"
inside another is no new letter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from parley.events.clauses import subject_head
from parley.nlp.index import MentionIndex, ParseIndex
from parley.records import Entity

__all__ = ["Letter", "Sending", "find_letters", "find_messages"]

_NOUNS = re.compile(r"\b(?:messages?|letters?|telegrams?|cables?)\b", re.IGNORECASE)
SENDING = frozenset({"send", "deliver", "forward", "address", "dispatch", "convey", "hand"})
RECEIVING = frozenset({"receive", "get"})
# What a message does when its text follows: "The message said:", "it reads".
SPEAKING = frozenset({"say", "read", "note", "add", "state", "stress", "go"})
OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "pobj"})


@dataclass(frozen=True, slots=True)
class Letter:
    """The printed text of a message ([start, end) of the article's text) and its sides."""

    start: int
    end: int
    senders: tuple[Entity, ...]
    addressees: tuple[Entity, ...]

    def covers(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass(frozen=True, slots=True)
class Sending:
    """A message sent or received ("X sent a message to Y", "Y received a letter from X"):
    the index of its verb's token, where its phrase ends, and its sides."""

    verb: int
    at: int  # where the phrase of the message sent ends
    senders: tuple[Entity, ...]
    addressees: tuple[Entity, ...]


def find_letters(parse: ParseIndex, mentions: MentionIndex) -> tuple[Letter, ...]:
    """The article's printed messages, in text order."""
    return find_messages(parse, mentions)[0]


def find_messages(
    parse: ParseIndex, mentions: MentionIndex
) -> tuple[tuple[Letter, ...], tuple[Sending, ...]]:
    """The article's printed messages, and the messages it tells of sending or receiving
    (their senders speak in the message's words: "The message expressed the hope ..."; not
    a sending told as the reason for something, "thanked Y for sending the message of
    greeting"), each in text order."""
    sent, speaks = _scan(parse, mentions)
    sendings = tuple(s for s in sent if parse.deps[s.verb] != "pcomp")
    return _letters(sent, speaks, len(parse.text)), sendings


def _scan(parse: ParseIndex, mentions: MentionIndex) -> tuple[list[Sending], list[int]]:
    """The messages sent, and where each sentence in which a message speaks ends."""
    sent: list[Sending] = []
    speaks: list[int] = []  # where each sentence in which a message speaks ends
    for match in _NOUNS.finditer(parse.text):
        index = parse.token_at(match.start())
        if index is None:
            continue
        noun = parse.doc[index]
        if noun.pos_ != "NOUN":
            continue
        verb = noun.head
        lemma = verb.lemma_.lower()
        if noun.dep_ in ("nsubj", "nsubjpass") and lemma in SPEAKING:
            speaks.append(_text_start(noun, verb))
            continue
        if noun.dep_ not in OBJECT_DEPS or verb.pos_ not in ("VERB", "AUX"):
            continue
        sides = _sides(noun, verb, lemma, mentions)
        inside = _letters(sent, speaks, len(parse.text))
        if sides is not None and any(s.covers(noun.idx) for s in inside):
            sides = None  # "thanks to you for sending a message to me": inside a letter
        if sides is not None:
            # Where the sending is told: the end of the message's phrase ("received a
            # letter from X, director of Y, ..., The letter said: ..." may be one sentence).
            edge = noun.right_edge
            sent.append(Sending(verb.i, edge.idx + len(edge), *sides))
    return sent, speaks


def _text_start(noun: Token, verb: Token) -> int:
    """Where the printed text the message speaks starts: the end of its sentence ("The
    message said:"), after a colon in it that words follow ("The message said: I thank
    you."), or the sentence's start when the message speaks after words of its own ("I thank
    you, the message said")."""
    sentence, doc = noun.sent, noun.doc
    first = noun.left_edge.i
    # "... leader Kim Jong Il., The letter said": a sentence the parser ran on is no words of
    # the message's own.
    run_on = first - 2 < sentence.start or doc[first - 2].text.endswith((".", "!", "?"))
    if not run_on and doc[first - 1].text == ",":
        return sentence.start_char
    colon = next((t for t in doc[verb.i + 1 : sentence.end] if t.text == ":"), None)
    if colon is not None and any(t.is_alpha for t in doc[colon.i + 1 : sentence.end]):
        return colon.idx + 1
    return sentence.end_char


def _letters(sent: Sequence[Sending], speaks: Sequence[int], length: int) -> tuple[Letter, ...]:
    out: list[Letter] = []
    ordered = sorted(set(speaks))
    for n, start in enumerate(ordered):
        before = [s for s in sent if s.at <= start]
        if not before:
            continue
        end = ordered[n + 1] if n + 1 < len(ordered) else length
        # A later sending ends the printed text before it.
        end = min([end, *(s.at for s in sent if start < s.at < end)])
        last = before[-1]
        out.append(Letter(start, end, last.senders, last.addressees))
    return tuple(out)


def _sides(
    noun: Token, verb: Token, lemma: str, mentions: MentionIndex
) -> tuple[tuple[Entity, ...], tuple[Entity, ...]] | None:
    """(senders, addressees) of a message sent or received, when both name entities."""
    subject, passive = subject_head(verb)
    if passive or subject is None:
        return None
    if lemma in SENDING:
        senders = _named(subject, mentions)
        addressees = _named_all(_objects(verb, "to") + _inner(noun, "to"), mentions)
    elif lemma in RECEIVING:
        addressees = _named(subject, mentions)
        senders = _named_all(_objects(verb, "from") + _inner(noun, "from"), mentions)
    else:
        return None
    if not senders or not addressees:
        return None
    return senders, addressees


def _objects(holder: Token, preposition: str) -> list[Token]:
    """The object of the holder's ``preposition``, however the parser nests it ("from To
    Lam" hangs "Lam" under a second preposition)."""
    return [
        next((t for t in prep.subtree if t.dep_ == "pobj"), prep)
        for prep in holder.children
        if prep.dep_ in ("prep", "dative") and prep.lower_ == preposition
    ]


def _inner(noun: Token, preposition: str) -> list[Token]:
    """The objects of ``preposition`` inside the message's phrase ("a message of greeting to
    X", "a reply message from Y")."""
    return [obj for token in noun.subtree for obj in _objects(token, preposition)]


def _named_all(heads: Sequence[Token], mentions: MentionIndex) -> tuple[Entity, ...]:
    for head in heads:
        found = _named(head, mentions)
        if found:
            return found
    return ()


def _named(head: Token, mentions: MentionIndex) -> tuple[Entity, ...]:
    """The entities a phrase names: its head's and its list members' (not a pronoun)."""
    if head.pos_ == "PRON":
        return ()
    found: dict[str, Entity] = {}
    for member in [head, *head.conjuncts]:
        ref = mentions.at(member.idx, member.idx + len(member))
        if ref is None:
            # "President Daniel Ortega Saavedra": the head word may be inside a longer name.
            for token in member.subtree:
                ref = mentions.at(token.idx, token.idx + len(token))
                if ref is not None and ref.entity.kind == "person":
                    break
            else:
                ref = None
        if ref is not None and ref.entity.actor:
            found.setdefault(ref.entity.id, ref.entity)
    return tuple(found.values())
