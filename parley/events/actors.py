"""Who did it, and to whom: map the phrases around a trigger to the entity stage's entities.

A phrase (a dependency subtree) maps to the entity whose mention sits closest to the phrase's
head: "US Secretary of State Mike Pompeo" is Pompeo, "the director of a US research institute
at the North Korean Foreign Ministry" is the ministry, because a compound or adjective
modifier ("US research institute") describes a thing rather than naming who acts. Coordinated
actors ("North Korea and the US") all come back, one per entity.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from parley.events.kbactors import KbActors
from parley.records import Entity, Quote

# Words that modify a noun rather than name the phrase's actor; ranked after the head's own.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
# Clauses inside a phrase that speak of other things ("a newspaper that represents ...").
CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "parataxis"})
MODIFIER_PENALTY = 3
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom", "whose"})
FIRST_PERSON = frozenset({"i", "we", "us", "our", "my", "me"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
THING_PRONOUNS = frozenset({"it", "they", "them", "its", "their"})
GROUP_WORDS = frozenset({"side", "country", "nation", "party", "government", "leader"})


@dataclass(frozen=True, slots=True)
class Actor:
    """One side of an event: the entity (if the entity stage knows it) and the words."""

    entity: Entity | None
    text: str
    start: int
    end: int
    # A code from the knowledge base: for words the entity stage left untagged, or an
    # entity's country code with the sector the phrase's head noun gives ("Israeli tanks").
    kb_code: str | None = None

    @property
    def code(self) -> str | None:
        if self.kb_code:
            return self.kb_code
        return self.entity.actor if self.entity else None

    @property
    def resolved(self) -> bool:
        """Whether the words name a known actor (an entity, or a KB name)."""
        return self.entity is not None or self.kb_code is not None

    @property
    def key(self) -> str | None:
        """Who this is, for telling two actors apart."""
        if self.entity is not None:
            return self.entity.id
        return f"kb:{self.kb_code}" if self.kb_code else None


class MentionIndex:
    """Entities by the character spans of their mentions, for overlap look-ups."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        spans = sorted(
            (m.start, m.end, m.text, e) for e in entities for m in e.mentions if m.end > m.start
        )
        self._spans = spans
        self._starts = [s[0] for s in spans]

    def at(self, start: int, end: int) -> tuple[Entity, int, int, str] | None:
        """The entity whose mention overlaps [start, end), the longest one if several do."""
        best: tuple[Entity, int, int, str] | None = None
        i = bisect_right(self._starts, end - 1)
        # Mentions are short; scan back a little for ones that started before ``start``.
        for j in range(i - 1, max(-1, i - 40), -1):
            s, e, text, entity = self._spans[j]
            if s < end and e > start and (best is None or e - s > best[2] - best[1]):
                best = (entity, s, e, text)
        return best

    def before(self, offset: int, person: bool | None) -> tuple[Entity, int, int, str] | None:
        """The last entity mentioned before ``offset`` (a person or not, when asked)."""
        i = bisect_right(self._starts, offset - 1)
        for j in range(i - 1, max(-1, i - 60), -1):
            s, e, text, entity = self._spans[j]
            if e > offset:
                continue
            if person is None or (entity.kind == "person") == person:
                return (entity, s, e, text)
        return None

    def distinct_before(self, offset: int, count: int) -> list[tuple[Entity, int, int, str]]:
        """The last ``count`` distinct non-person entities mentioned before ``offset``."""
        found: list[tuple[Entity, int, int, str]] = []
        i = bisect_right(self._starts, offset - 1)
        for j in range(i - 1, max(-1, i - 80), -1):
            s, e, text, entity = self._spans[j]
            if e > offset or entity.kind == "person":
                continue
            if all(f[0].id != entity.id for f in found):
                found.append((entity, s, e, text))
            if len(found) == count:
                break
        return list(reversed(found))


def _span(token: Token) -> tuple[int, int]:
    return token.idx, token.idx + len(token)


def phrase_tokens(head: Token) -> list[tuple[Token, int]]:
    """The tokens of a noun phrase with their rank (tree depth, modifiers after heads),
    leaving out clauses inside the phrase."""
    out: list[tuple[Token, int]] = []
    stack: list[tuple[Token, int]] = [(head, 0)]
    while stack:
        token, rank = stack.pop()
        out.append((token, rank))
        for child in token.children:
            if child.dep_ in CLAUSE_DEPS or list_member(child):
                continue
            penalty = MODIFIER_PENALTY if child.dep_ in MODIFIER_DEPS else 0
            stack.append((child, rank + 1 + penalty))
    return out


def list_member(child: Token) -> bool:
    """Whether a child is another member of a coordinated list: a conjunct, or the middle of
    "The US, Russia, and Switzerland", which the parser hangs as an apposition holding the
    rest of the list ("The US commander, General Petraeus" holds none)."""
    if child.dep_ == "conj":
        return True
    return child.dep_ == "appos" and any(g.dep_ == "conj" for g in child.children)


def _conjuncts(token: Token) -> list[Token]:
    out, stack = [], [token]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(c for c in current.children if list_member(c))
    return sorted(out, key=lambda t: t.i)


def resolve_phrase(
    head: Token,
    mentions: MentionIndex,
    quotes: Sequence[Quote],
    entities_by_id: dict[str, Entity],
    kb: KbActors | None = None,
) -> list[Actor]:
    """The actors a phrase names: one per entity, coordinated phrases giving several."""
    # A relative pronoun stands for the noun its clause modifies.
    if head.lower_ in RELATIVE_PRONOUNS:
        clause = head.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "relcl":
            head = clause.head
    actors: list[Actor] = []
    for conjunct in _conjuncts(head):
        found = _resolve_one(conjunct, mentions, quotes, entities_by_id, kb)
        if kb is not None and not any(a.code for a in found):
            # Nothing tagged, or an entity without a code ("Arnor, Osgiliath and Gondor"
            # read as one name): the KB may still know the words.
            found = _from_kb(conjunct, kb) or found
        members = _modifier_members(conjunct, mentions, kb)
        if len(members) > 1:
            # "US and British activists", "Eriadori and Calenardhon leaders": each
            # coordinated modifier names an actor of its own, whatever the head noun hit.
            found = members + [a for a in found if a.resolved]
        actors.extend(found)
    # Keep one actor per entity; unresolved words only when nothing resolved. The same
    # words found twice (an uncoded mention, then the KB's code for it) count once, coded.
    coded_at = {a.start for a in actors if a.code}
    actors = [a for a in actors if a.code or a.start not in coded_at]
    seen: set[str] = set()
    resolved = []
    for actor in actors:
        if actor.key is not None and actor.key not in seen:
            seen.add(actor.key)
            resolved.append(actor)
    if resolved:
        return resolved
    return actors[:1]


def _modifier_members(
    head: Token, mentions: MentionIndex, kb: KbActors | None
) -> list[Actor]:
    """The actors of coordinated modifiers of a noun, each with the noun's sector: "US and
    British activists" is two groups of activists, one per country."""
    coordinated = [
        c
        for c in head.children
        if c.dep_ in MODIFIER_DEPS and any(g.dep_ == "conj" for g in c.children)
    ]
    if not coordinated:
        return []
    members: list[Actor] = []
    for token in _conjuncts(coordinated[0]):
        hit = mentions.at(*_span(token))
        if hit is not None:
            entity, start, end, text = hit
            code = None
            if kb is not None and entity.actor:
                code = kb.with_sector(entity.actor, head)
                code = None if code == entity.actor else code
            members.append(Actor(entity, text, start, end, kb_code=code))
        elif kb is not None and token.pos_ != "PRON":
            found = kb.find(head, [token])
            if found is not None:
                code, start, end, text = found
                members.append(Actor(None, text, start, end, kb_code=code))
    return members


def _from_kb(head: Token, kb: KbActors) -> list[Actor]:
    """The phrase's actor from the knowledge base, when the entity stage tagged none."""
    if head.pos_ == "PRON" or head.lower_ in RELATIVE_PRONOUNS:
        return []
    ranked = [t for t, _ in sorted(phrase_tokens(head), key=lambda item: (item[1], item[0].i))]
    hit = kb.find(head, ranked)
    if hit is None:
        return []
    code, start, end, text = hit
    found = [Actor(None, text, start, end, kb_code=code)]
    named = next((t for t in ranked if t.idx <= start < t.idx + len(t)), None)
    if named is not None:
        # "ties between Gondor and Osgiliath": the other conjuncts are actors too.
        found.extend(_conjunct_actors(named, head, None, kb))
    return found


def _conjunct_actors(
    token: Token, head: Token, mentions: MentionIndex | None, kb: KbActors | None
) -> list[Actor]:
    """The actors named by the words coordinated with ``token`` (an entity's mention, else
    a name the KB knows, with the phrase head's sector)."""
    found: list[Actor] = []
    for conj in _conjuncts(token)[1:]:
        other = mentions.at(*_span(conj)) if mentions is not None else None
        if other is not None:
            found.append(Actor(other[0], other[3], other[1], other[2]))
        elif kb is not None and conj.pos_ != "PRON":
            hit = kb.find(head, [conj])
            if hit is not None:
                code, start, end, text = hit
                found.append(Actor(None, text, start, end, kb_code=code))
    return found


def _resolve_one(
    head: Token,
    mentions: MentionIndex,
    quotes: Sequence[Quote],
    entities_by_id: dict[str, Entity],
    kb: KbActors | None = None,
) -> list[Actor]:
    lower = head.lower_
    # "US" is a country, not "us": pronouns are written in lower case after the first word.
    pronoun = lower in FIRST_PERSON | PERSON_PRONOUNS | THING_PRONOUNS and not head.text.isupper()
    if head.pos_ == "PRON" or pronoun:
        return _resolve_pronoun(head, mentions, quotes, entities_by_id)
    ranked = sorted(phrase_tokens(head), key=lambda item: (item[1], item[0].i))
    best_rank: int | None = None
    found: list[Actor] = []
    uncoded: list[Actor] = []
    for token, rank in ranked:
        if best_rank is not None and rank > best_rank:
            if any(a.code for a in found):
                break
            # "Osama bin Laden's al-Qaeda terror network": the closest name has no actor
            # code; a coded one further down the phrase says who acts.
            uncoded = uncoded or found
            found, best_rank = [], None
        hit = mentions.at(*_span(token))
        if hit is None:
            continue
        entity, start, end, text = hit
        if uncoded and not entity.actor:
            continue
        best_rank = rank
        # "Israeli tanks": the country acts through the sector its head noun names.
        sector_code = None
        if kb is not None and rank > 0 and entity.actor and token.i != head.i:
            sector_code = kb.with_sector(entity.actor, head)
            if sector_code == entity.actor:
                sector_code = None
        found.append(Actor(entity, text, start, end, kb_code=sector_code))
        # Coordinated modifiers: "Hungarian and Romanian officials" names two actors.
        found.extend(_conjunct_actors(token, head, mentions, kb))
    if found and (any(a.code for a in found) or not uncoded):
        return found
    if uncoded:
        return uncoded
    if lower in GROUP_WORDS or head.lemma_.lower() in GROUP_WORDS:
        group = _resolve_group(head, mentions)
        if group:
            return group
    words = [t for t in head.subtree if t.dep_ not in CLAUSE_DEPS and not t.is_punct]
    left = min((t.idx for t in words), default=head.idx)
    right = max((t.idx + len(t) for t in words), default=head.idx + len(head))
    # Keep the words short: a whole clause is not an actor's name.
    if right - left > 80:
        left, right = _span(head)
    return [Actor(None, head.doc.text[left:right], left, right)]


def _resolve_group(head: Token, mentions: MentionIndex) -> list[Actor]:
    """'the two sides', 'both countries': the last two distinct parties named before."""
    counted = any(c.lower_ in ("two", "both") for c in head.children)
    if not counted or head.tag_ not in ("NNS", "NNPS"):
        return []
    return [Actor(e, text, s, t) for e, s, t, text in mentions.distinct_before(head.idx, 2)]


def _resolve_pronoun(
    head: Token, mentions: MentionIndex, quotes: Sequence[Quote], entities_by_id: dict[str, Entity]
) -> list[Actor]:
    start, end = _span(head)
    lower = head.lower_
    if lower in FIRST_PERSON:
        # "we" inside a quote is its speaker.
        for quote in quotes:
            if quote.start <= start < quote.end and quote.speaker in entities_by_id:
                entity = entities_by_id[quote.speaker]
                return [Actor(entity, head.text, start, end)]
        return [Actor(None, head.text, start, end)]
    person = True if lower in PERSON_PRONOUNS else False if lower in THING_PRONOUNS else None
    hit = mentions.before(start, person)
    # Only the recent past: a pronoun rarely reaches back more than a few sentences.
    if hit is not None and start - hit[2] < 400:
        return [Actor(hit[0], head.text, start, end)]
    return [Actor(None, head.text, start, end)]
