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

``follow_titled_subjects`` then gives such a title its pronoun: "The president thanked the
envoy for the greetings of X. Saying that X's guidance ..., he expressed his will": "he", the
subject of the main clause, takes up the subject of the main clause before, the president, not
X whom the pronoun pass (which runs before titles are linked) found nearest.

``link_kind_nouns`` does the same for a definite noun of a kind ("the country", "the
organization", "the committee", "the regime", ``data/kind_nouns.tsv``): the entity of that kind
the text was about in its sentence or the two before, as a reader takes it: the subject of a
main clause before it (the nearest), else the one entity of the kind in reach; with several and
no subject among them, nobody.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import replace

from spacy.tokens import Doc, Token

from parley.entities.cluster import title_word
from parley.entities.phrases import RoleSpans
from parley.nlp import in_main_clause, main_subject
from parley.nlp.index import MentionIndex, MentionRef, ParseIndex
from parley.records import Entity, Mention

__all__ = [
    "code_officers_of_named_bodies",
    "follow_titled_subjects",
    "join_bare_kind_names",
    "join_bodies_named_in_full",
    "join_qualified_names",
    "link_descriptions",
    "link_kind_nouns",
]

# Determiners of a title that points back ("the king", "this envoy").
DEFINITE = frozenset({"the", "this", "that"})
# Children that give a title words of its own: then it is not a bare description.
OWN_WORDS = frozenset({"compound", "amod", "poss", "prep", "nmod", "appos", "acl", "relcl"})
KINDS = frozenset({"person", "group", "organization"})
# How far back a description may point, in sentences before its own.
SENTENCES_BACK = 3
# How far back "the country" may point, in sentences before its own.
KIND_SENTENCES_BACK = 2
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# A title held in a body named by a definite common noun ("head of the dance company",
# "president of the association"): the noun that ends it.
_TITLE_IN_DEFINITE_BODY = re.compile(r"\s(?:of|at)\s+the\s+(?:[\w'-]+\s+)*(?P<noun>[a-z]+)$")


def link_descriptions(
    doc: Doc, entities: tuple[Entity, ...], roles: RoleSpans
) -> tuple[Entity, ...]:
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
    return _with_mentions(entities, added)


def _start(mention: Mention) -> int:
    return mention.start


def _bare_title(token: Token) -> bool:
    """ "the king", "The president": a singular common noun with a definite determiner and
    no words of its own, not a title before a name ("the president Joe Biden")."""
    if token.tag_ not in ("NN", "NNP") or not _written_as_title(token):
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


def _written_as_title(token: Token) -> bool:
    """A common noun in lower case ("the president"), or one capitalised after "the" as state
    media write the office of the one they name ("the President wisely led ...", KCNA's Kim Il
    Sung)."""
    if token.text.islower():
        return token.pos_ == "NOUN"
    return token.text[1:].islower() and token.i > 0 and token.doc[token.i - 1].lower_ == "the"


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


def link_kind_nouns(
    parse: ParseIndex, entities: tuple[Entity, ...], nouns: Mapping[str, tuple[str, bool]]
) -> tuple[Entity, ...]:
    """``entities`` with each bare "the country", "the committee"... added as a mention of the
    entity of its kind the text was about."""
    lowers = parse.lowers
    spots = [i for i in range(1, len(lowers)) if lowers[i] in nouns and lowers[i - 1] in DEFINITE]
    if not spots:
        return entities
    doc = parse.doc
    index = MentionIndex.build(entities)
    added: dict[str, list[Mention]] = {}
    linked: dict[int, Entity] = {}  # the descriptions linked so far, by token
    for i in spots:
        token = doc[i]
        if not _bare_title(token) or index.at(token.idx, token.idx + len(token)) is not None:
            continue
        kind, named = nouns[token.lower_]
        entity = _kind_before(parse, token, index, kind, named, linked)
        if entity is not None:
            linked[i] = entity
            added.setdefault(entity.id, []).append(
                Mention(token.idx, token.idx + len(token), token.text)
            )
    return _with_mentions(entities, added)


def join_bare_kind_names(
    entities: tuple[Entity, ...], nouns: Mapping[str, tuple[str, bool]]
) -> tuple[Entity, ...]:
    """``entities`` with an organisation the model named by one capitalised kind noun ("the
    Party", "the Front") joined to the one body the article names in full with that word
    ("the Workers' Party of Korea"): when every other organisation whose name holds the word
    has one code (the party, and its bodies: "the Central Committee of the Workers' Party
    of Korea"), the shortest of them that names the body itself is the one meant; with
    only its bodies named it takes their code. Two parties named leave it alone."""
    out = list(entities)
    for bare in entities:
        word = bare.name
        kind = nouns.get(word.lower())
        if (
            bare.kind != "organization"
            or not word[:1].isupper()
            or kind is None
            or kind != ("organization", True)
        ):
            continue
        # Only bodies the word heads, itself or what it is of ("the Workers' Party of
        # Korea", "the Central Committee of the Workers' Party", "the Association for
        # ..."): one that only uses it as a modifier of another name word ("the 8th Party
        # Congress") is a body or an event of its own.
        named = [
            e
            for e in out
            if e is not bare and e.kind == "organization" and _heads_a_part(word, e.name)
        ]
        if not named or len({e.actor for e in named}) != 1 or named[0].actor is None:
            continue
        if bare.actor not in (None, named[0].actor[:3] + "PTY", named[0].actor):
            continue  # coded as something else: not ours to merge
        # The body itself names the word before any "of" ("Workers' Party of Korea"); a
        # body of it ("Central Committee of the ...") only shares its code.
        own = [e for e in named if word in e.name.split(" of ", 1)[0].split()]
        if not own:
            out = [
                replace(e, actor=named[0].actor, country=named[0].country, sector=named[0].sector)
                if e is bare
                else e
                for e in out
            ]
            continue
        target = min(own, key=lambda e: len(e.name))
        joined = replace(
            target, mentions=tuple(sorted((*target.mentions, *bare.mentions), key=_start))
        )
        out = [joined if e is target else e for e in out if e is not bare]
    if len(out) == len(entities):
        return tuple(out)
    return _renumbered(out)


def join_bodies_named_in_full(entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """``entities`` with a body named apart from what it belongs to ("secretary of the
    Central Committee of the WPK": the Central Committee, of the Workers' Party of Korea)
    joined to the entity that names the two as one ("the Central Committee of the Workers'
    Party of Korea"): one actor, not two. Not when the two are coded differently."""
    by_id = {e.id: e for e in entities}
    full = {e.name: e for e in entities if e.kind == "organization"}
    into: dict[str, Entity] = {}
    for part in entities:
        above = by_id.get(part.affiliation) if part.affiliation else None
        if part.kind != "organization" or above is None:
            continue
        whole = full.get(f"{part.name} of the {above.name}") or full.get(
            f"{part.name} of {above.name}"
        )
        if whole is None or whole is part or part.actor not in (None, whole.actor):
            continue
        into[part.id] = whole
    return _joined(entities, into, take_code=False)


# A body's name as a part of what it belongs to, without or with that body's acronym before
# it: "the Supreme Command", "the KPA General Staff".
# A preposition right after a name, which goes on to say whose or where it is.
_PLACED_AFTER = re.compile(r"\s+(?:of|in|at|for)\s")
_ACRONYM_PART = re.compile(r"^(?:[A-Z]{2,6}\s+)?(?P<part>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+)$")


def join_parts_named_as_members(entities: tuple[Entity, ...], text: str) -> tuple[Entity, ...]:
    """``entities`` with a body that another entity's mention names as its member ("the KPA
    General Staff" or "the Supreme Command" beside "the General Staff of the Korean People's
    Army" or "a spokesman for the Supreme Command of the KPA", which the nominal pass made
    the army's) joined to that entity: one actor, not two. Only a name of two capitalised
    words or more, and only when the two are coded alike; not a name the text goes on to
    place ("the Communist Party in Sweden" is not "the Communist Party of Sweden")."""
    into: dict[str, Entity] = {}
    for part in entities:
        if part.kind != "organization" or not part.actor:
            continue
        if any(_PLACED_AFTER.match(text, m.end) for m in part.mentions):
            continue
        found = _ACRONYM_PART.match(part.name)
        if found is None:
            continue
        member = re.compile(rf"(?:^|\s){re.escape(found['part'])} of ", re.IGNORECASE)
        whole = next(
            (
                e
                for e in entities
                if e is not part
                and e.actor == part.actor
                and e.kind == "organization"
                and any(member.search(m.text) for m in e.mentions)
            ),
            None,
        )
        if whole is not None:
            into[part.id] = whole
    return _joined(entities, into, take_code=False)


# A knowledge-base name's qualifier, which says which of several bodies of one name it is:
# "Democratic Party (United States)".
_QUALIFIER = re.compile(r"\s+\([^()]+\)$")


def join_qualified_names(entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """``entities`` with a body named as a knowledge-base name without its qualifier
    ("the Democratic Party" beside "Democrats", which the knowledge base names "Democratic
    Party (United States)") joined to the entity of the qualified name: one actor, not
    two. Not when the two are coded differently (the Democratic Party of another country
    the article names is another party)."""
    qualified = {
        bare: e
        for e in entities
        if e.kind == "organization" and (bare := _QUALIFIER.sub("", e.name)) != e.name
    }
    if not qualified:
        return entities
    into = {
        e.id: whole
        for e in entities
        if e.kind == "organization"
        and (whole := qualified.get(e.name)) is not None
        and e.actor in (None, whole.actor)
    }
    return _joined(entities, into, take_code=False)


# A name as North Korean media write a South Korean body's: in quotation marks, after "the".
_QUOTED_NAME = re.compile(r'^(?:[Tt]he\s+)?["“](?P<name>[^"”]+)["”]$')


def join_quoted_names(entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """``entities`` with a body named in quotation marks ('the "National Assembly"', coded
    by its regional reference) joined to the organisation the same article names without
    them ('the 19th-term "National Assembly"', which the model read as a name): one actor,
    not two. The coded one gives the code; not when both are coded differently."""
    orgs: dict[str, Entity] = {}
    for e in entities:
        if e.kind == "organization":
            orgs.setdefault(e.name, e)
    if not orgs:
        return entities
    into: dict[str, Entity] = {}
    for e in entities:
        if e.kind != "group" or not e.actor:
            continue
        names = {
            m.group("name") for m in map(_QUOTED_NAME.match, (x.text for x in e.mentions)) if m
        }
        if len(names) != 1 or len(e.mentions) != sum(
            1 for x in e.mentions if _QUOTED_NAME.match(x.text)
        ):
            continue
        org = orgs.get(names.pop())
        if org is None or org.id in into or org.actor not in (None, e.actor):
            continue
        into[e.id] = org
    return _joined(entities, into, take_code=True)


def _joined(
    entities: tuple[Entity, ...], into: dict[str, Entity], take_code: bool
) -> tuple[Entity, ...]:
    """``entities`` with each one whose id ``into`` holds merged into the entity it maps
    to: its mentions added, affiliations pointing at it moved; with ``take_code`` the
    entity kept takes the first merged one's code where it has none."""
    if not into:
        return entities
    out = []
    for e in entities:
        if e.id in into:
            continue
        joined = [g for g in entities if g.id in into and into[g.id].id == e.id]
        if joined:
            mentions = tuple(
                sorted((*e.mentions, *(m for g in joined for m in g.mentions)), key=_start)
            )
            e = replace(e, mentions=mentions)
            if take_code:
                coded = joined[0]
                e = replace(
                    e,
                    actor=e.actor or coded.actor,
                    country=e.country or coded.country,
                    sector=e.sector or coded.sector,
                )
        if e.affiliation in into:
            e = replace(e, affiliation=into[e.affiliation].id)
        out.append(e)
    return _renumbered(out)


def _heads_a_part(word: str, name: str) -> bool:
    """Whether ``word`` is a word of ``name`` that no capitalised name word follows: the
    last, or one before a preposition ("Party of Korea", "Association for ...")."""
    words = name.split()
    return any(
        w == word and (k + 1 == len(words) or not words[k + 1][:1].isupper())
        for k, w in enumerate(words)
    )


def _renumbered(pool: list[Entity]) -> tuple[Entity, ...]:
    """Ids "e1", "e2", ... again in order of first mention, affiliations following."""
    ordered = sorted(pool, key=lambda e: min((m.start for m in e.mentions), default=0))
    ids = {e.id: f"e{n}" for n, e in enumerate(ordered, start=1)}
    return tuple(
        replace(
            e,
            id=ids[e.id],
            affiliation=ids.get(e.affiliation) if e.affiliation else None,
        )
        for e in ordered
    )


def _of_kind(entity: Entity, word: str, kind: str, named: bool) -> bool:
    if kind == "country":
        return entity.kind == "country"
    if kind == "government":
        return (entity.actor or "")[3:6] == "GOV"
    if kind == "member":
        # "the Ethiopian Youth Study Group of the Juche Idea ... The group said": the body
        # whose mention, as written, holds the noun.
        return entity.kind in KINDS and any(
            word in mention.text.lower().split() for mention in entity.mentions
        )
    if entity.kind == "group" and entity.sector == "LAB" and named:
        # A firm's or an outlet's union is a group of its country's labour ("the Hyundai
        # Motor union ... The union said"): a mention of it, as written, ends in the noun
        # ("union leaders" are people of the group, no union).
        return any(mention.text.lower().endswith(word) for mention in entity.mentions)
    if entity.kind not in ("organization", "media"):
        return False
    return not named or word in entity.name.lower().split()


def _kind_before(
    parse: ParseIndex,
    token: Token,
    index: MentionIndex,
    kind: str,
    named: bool,
    linked: Mapping[int, Entity],
) -> Entity | None:
    """The entity of ``kind`` the text was about before ``token`` (see ``link_kind_nouns``)."""
    doc = token.doc
    own = token.sent.start
    first = own
    for _ in range(KIND_SENTENCES_BACK):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    begin = doc[first].idx
    word = token.lower_
    lowers, deps = parse.lowers, parse.deps  # no spaCy token for each word looked back at
    for j in range(token.i - 1, first - 1, -1):
        if lowers[j] == word and deps[j] in SUBJECT_DEPS:
            # "The Yoon Suk Yeol regime staged drills ... The regime also threatened": the
            # same words again; theirs is the entity of their own phrase, or nobody's.
            if j in linked:
                return linked[j]
            phrase = doc[j].left_edge.idx, doc[j].idx + len(doc[j])
            owners = [r.entity for r in index.overlapping(*phrase)]
            return next((e for e in owners if _of_kind(e, word, kind, named)), None)
    reach: dict[str, Entity] = {}
    for j in range(bisect_left(index.starts, token.idx) - 1, -1, -1):
        ref = index.refs[j]
        if ref.start < begin:
            break
        if not _of_kind(ref.entity, word, kind, named):
            continue
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is not None and _subject(span.root, span.root.i < own):
            return ref.entity
        reach.setdefault(ref.entity.id, ref.entity)
    return next(iter(reach.values())) if len(reach) == 1 else None


def _subject(head: Token, before: bool) -> bool:
    """A subject; in a sentence before, only of its main clause (or a verb joined to it)."""
    if head.dep_ not in SUBJECT_DEPS:
        return False
    if not before:
        return True
    return in_main_clause(head.head)


def _with_mentions(
    entities: tuple[Entity, ...], added: Mapping[str, list[Mention]]
) -> tuple[Entity, ...]:
    """``entities`` with the mentions ``added`` (by entity id) put in text order."""
    if not added:
        return entities
    return tuple(
        replace(e, mentions=tuple(sorted((*e.mentions, *added[e.id]), key=_start)))
        if e.id in added
        else e
        for e in entities
    )


def follow_titled_subjects(
    parse: ParseIndex, entities: tuple[Entity, ...], pronouns: Mapping[str, str]
) -> tuple[Entity, ...]:
    """``entities`` with each "he"/"she" that is the subject of its sentence's main clause
    moved to the person a bare title stood for as the main clause's subject of the sentence
    before (with the pronouns of that person that follow it in its sentence), when the
    pronoun went to someone who was no main-clause subject there."""
    lowers = parse.lowers
    titles: dict[int, Entity] = {}  # token of a bare title -> its person
    owner: dict[int, Entity] = {}  # token of a personal pronoun -> its person
    people = [e for e in entities if e.kind == "person"]
    # Only an article whose people have a bare title among their mentions has work here.
    if not any(m.text.islower() and m.text not in pronouns for e in people for m in e.mentions):
        return entities
    for entity in people:
        for mention in entity.mentions:
            i = parse.token_at(mention.start)
            if i is None or parse.token_ends[i] != mention.end:
                continue
            if lowers[i] in pronouns:
                owner[i] = entity
            elif mention.text.islower() and parse.pos[i] == "NOUN":
                titles[i] = entity
    if not titles:
        return entities
    doc = parse.doc
    spots = [i for i, word in enumerate(lowers) if word in pronouns and parse.pos[i] == "PRON"]
    moved: dict[int, tuple[Entity | None, Entity]] = {}  # token -> (from, to)
    for i in spots:
        current = owner.get(i)
        token = doc[i]
        if token.dep_ not in SUBJECT_DEPS or not in_main_clause(token.head):
            continue
        sentence = parse.sentence_index(token.idx)
        if sentence == 0:
            continue
        subject = main_subject(parse, sentence - 1)
        # A pronoun moved before stands for its new person as the title did ("He ... He").
        titled = titles.get(subject) if subject is not None else None
        if titled is None or (current is not None and titled.id == current.id):
            continue
        if current is not None and any(
            j < i and other.id == current.id and _main_subject_of(parse, sentence - 1, j)
            for j, other in owner.items()
        ):
            continue
        end = parse.sent_ends[sentence]
        for j in spots:
            if j < i or parse.token_starts[j] >= end:
                continue
            other = owner.get(j)
            if (other.id if other else None) == (current.id if current else None):
                moved[j] = (other, titled)
                owner[j] = titled
                titles[j] = titled
    if not moved:
        return entities
    taken: dict[str, set[int]] = {}
    given: dict[str, list[Mention]] = {}
    for j, (source, target) in moved.items():
        start = parse.token_starts[j]
        if source is not None:
            taken.setdefault(source.id, set()).add(start)
        given.setdefault(target.id, []).append(Mention(start, parse.token_ends[j], doc[j].text))
    kept = tuple(
        replace(e, mentions=tuple(m for m in e.mentions if m.start not in taken[e.id]))
        if e.id in taken
        else e
        for e in entities
    )
    return _with_mentions(kept, given)


def _main_subject_of(parse: ParseIndex, sentence: int, pronoun: int) -> bool:
    """Whether the pronoun at token ``pronoun``, in sentence ``sentence`` or later, was a
    main-clause subject: then a later pronoun stays with its person."""
    index = parse.sentence_index(parse.token_starts[pronoun])
    return index >= sentence and main_subject(parse, index) == pronoun


def code_officers_of_named_bodies(entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """An uncoded person whose title is held in a body a definite common noun names ("Leonid
    X, head of the dance company", after "the Russian Cossack State Dance Company") acts for
    the last coded organisation or group named before them whose name ends with that noun:
    the article named the body, and "the" points back to it. The country is the body's, not
    the one the article names most (a Russian troupe at a festival in Pyongyang)."""
    out = []
    for entity in entities:
        body = _body_named_before(entity, entities) if entity.actor is None else None
        if body is not None:
            entity = replace(
                entity,
                actor=body.actor,
                country=body.country,
                sector=body.sector,
                affiliation=entity.affiliation or body.id,
            )
        out.append(entity)
    return tuple(out)


def _body_named_before(person: Entity, entities: tuple[Entity, ...]) -> Entity | None:
    if person.kind != "person" or not person.roles or not person.mentions:
        return None
    found = _TITLE_IN_DEFINITE_BODY.search(person.roles[-1])
    if found is None:
        return None
    noun, start = found.group("noun"), person.mentions[0].start
    best: tuple[int, Entity] | None = None
    for entity in entities:
        if entity.kind not in ("organization", "group") or not entity.actor:
            continue
        if entity.name.split()[-1].casefold() != noun:
            continue
        before = [m.start for m in entity.mentions if m.start < start]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), entity)
    return best[1] if best is not None else None
