"""A title standing alone ("the king", "the president", "the ambassador") is the person or
office the text named under that title just before.

"The DPRK ambassador to Thailand paid a farewell call on the king of Thailand. ... The king
expressed thanks and asked the ambassador to convey his greetings": "the king" is Thailand's
king, "the ambassador" the DPRK's. A definite title with nothing of its own (no name after it,
no country, no of-phrase) becomes a mention of the nearest entity before it, within a few
sentences, that bears the title: a person with that role ("Ambassador Kim Je Bong") or an
office named by it ("the king of the Kingdom of Thailand", "DPRK ambassador"); one with a
code before one without. With none, the title stays no one's: a president is never the
article's country's by default.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from spacy.tokens import Doc, Token

from parley.entities.cluster import title_word
from parley.entities.phrases import RoleSpans
from parley.nlp.index import MentionIndex, MentionRef
from parley.records import Entity, Mention

__all__ = ["link_descriptions"]

# Determiners of a title that points back ("the king", "this envoy").
DEFINITE = frozenset({"the", "this", "that"})
# Children that give a title words of its own: then it is not a bare description.
OWN_WORDS = frozenset({"compound", "amod", "poss", "prep", "nmod", "appos", "acl", "relcl"})
KINDS = frozenset({"person", "group", "organization"})
# How far back a description may point, in sentences before its own.
SENTENCES_BACK = 3


def link_descriptions(doc: Doc, entities: tuple[Entity, ...], roles: RoleSpans) -> tuple[
    Entity, ...
]:
    """``entities`` with each bare title added as a mention of the one it names."""
    if not roles.by_start:
        return entities
    index = MentionIndex.build(entities)
    added: dict[str, list[Mention]] = {}
    for start in sorted(roles.by_start):
        if not any(end == start + 1 for end, _ in roles.by_start[start]):
            continue  # one word only: "the foreign minister" has words of its own
        token = doc[start]
        if not _bare_title(token) or index.at(token.idx, token.idx + len(token)) is not None:
            continue
        entity = _named_before(token, index)
        if entity is not None:
            added.setdefault(entity.id, []).append(
                Mention(token.idx, token.idx + len(token), token.text)
            )
    if not added:
        return entities
    return tuple(
        replace(e, mentions=tuple(sorted((*e.mentions, *added[e.id]), key=_start)))
        if e.id in added
        else e
        for e in entities
    )


def _start(mention: Mention) -> int:
    return mention.start


def _bare_title(token: Token) -> bool:
    """"the king", "The president": a singular common noun with a definite determiner and
    no words of its own, not a title before a name ("the president Joe Biden")."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or not token.text.islower():
        return False
    if token.dep_ in ("compound", "appos"):
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None and following.pos_ == "PROPN":
        return False
    children = list(token.children)
    if any(c.dep_ in OWN_WORDS for c in children):
        return False
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in children)


def _named_before(token: Token, index: MentionIndex) -> Entity | None:
    """The nearest entity before ``token`` bearing its title: coded first."""
    sentence = token.sent
    first = sentence.start
    for _ in range(SENTENCES_BACK):
        if first == 0:
            break
        first = token.doc[first - 1].sent.start
    begin = token.doc[first].idx
    word = token.lower_
    uncoded: Entity | None = None
    for j in range(bisect_left(index.starts, token.idx) - 1, -1, -1):
        ref = index.refs[j]
        if ref.start < begin:
            break
        if not _bears(ref, word):
            continue
        if ref.entity.actor:
            return ref.entity
        uncoded = uncoded or ref.entity
    return uncoded


def _bears(ref: MentionRef, word: str) -> bool:
    """Whether the mention's entity bears the title ``word``: a person's role, or the
    office its words name ("king of the Kingdom of Thailand")."""
    entity = ref.entity
    if entity.kind not in KINDS:
        return False
    if entity.kind == "person":
        return any(title_word(role) == word for role in entity.roles)
    return title_word(ref.text) == word
