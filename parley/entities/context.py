"""Groups a common noun names without saying whose: coded with the article's own country.

"Labor innovators were invited to the celebrations", "the police dispersed the crowd", "major
companies pulled their funding": the agent word gives the sector (Phoenix's agents: workers
LAB, police COP, companies BUS) and, as PETRARCH codes such a phrase, the country comes from
the phrase itself ("Israeli soldiers", "officials of the IAEA": ``nominal``). When the phrase
names no one, a reader takes the country from the article: a KCNA story about a meeting in
Pyongyang means North Korea's workers, a story on a US party convention America's companies.

The article's own country here is the one its coded actors belong to most often (countries,
places, people, bodies and groups alike, counted by mention), and only when it is clear: named
at least twice and more often than any other. A one-sentence text rarely says whose its
police are, and an article split between two countries does not say which one's officials a
bare "officials" are: both give no code. Words that say the group is someone else's ("foreign
companies", "international aid groups") and a possessor ("their troops": whose is for the
possessor to say) leave a phrase alone too, and so does a list whose other members are placed
("the navy and the police of the ROK").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from parley.entities.kbtypes import CountryLike, KnowledgeBaseLike
from parley.nlp.index import MentionIndex, MentionRef, ParseIndex
from parley.records import Entity

__all__ = [
    "STATE_SECTORS",
    "ContextGroup",
    "ContextWords",
    "article_country",
    "context_groups",
    "passage_country",
    "place_korean_names",
    "unplaced_head",
    "writer_country",
    "writers_own",
]

# How often the article must name its own country, and by how much more than any other.
MIN_MENTIONS = 2
# The left modifiers that belong to a group's own words ("major companies", "300 000 people").
_OWN_MODIFIERS = frozenset({"compound", "amod", "nummod", "nmod"})
# Determiners and possessors that point at someone already named ("their troops", "its army").
_POSSESSIVE_DEPS = frozenset({"poss"})
# The determiner that says a group does not exist.
_NONE_WORD = "no"
# Named-entity types of a modifier that names a people, a party or a place.
_NAMED_TYPES = frozenset({"NORP", "GPE", "LOC", "ORG", "PERSON", "FAC"})
# The sectors of a state's own bodies: "the authorities", "police", "troops".
STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})
# The sectors of a coded actor that names its country as a state ("Maduro", "the army").
_NAMING_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# The prefix of a name that says whom a group is against ("anti-Japanese").
_AGAINST = "anti-"
# Sectors of people who came from elsewhere: refugees are no country's own by default.
_NEVER_SECTORS = frozenset({"REF"})


@dataclass(frozen=True, slots=True)
class ContextWords:
    """The lexicon's words for this pass (``parley/entities/data/context_words.tsv``)."""

    collective: frozenset[str]  # singular nouns for a whole body: "police", "army"
    outside: frozenset[str]  # modifiers of someone else's group: "foreign", "international"
    never: frozenset[str]  # nouns never the article's own: "peoples", "refugees"
    writer: frozenset[str] = frozenset()  # the writer's own in a divided country's media

    @classmethod
    def of(cls, words: Mapping[str, str]) -> ContextWords:
        """From the lexicon's word -> kind table."""

        def kind(name: str) -> frozenset[str]:
            return frozenset(w for w, k in words.items() if k == name)

        return cls(kind("collective"), kind("outside"), kind("never"), kind("writer"))


@dataclass(frozen=True, slots=True)
class ContextGroup:
    """A group's words and its code from the article's country."""

    start: int
    end: int
    code: str
    country: str  # ISO 3166 alpha-3
    sector: str


def article_country(
    refs: Iterable[MentionRef], kb: KnowledgeBaseLike, lead: str | None = None
) -> CountryLike | None:
    """The country the article's coded actors belong to most often, when it is clear (at
    least ``MIN_MENTIONS`` mentions and more than any other); else None. ``lead``: the
    country of the first sentence's subject, which a news story is about ("The south
    Korean prosecution arrested ... Police turned out ... The authorities hurled riot
    police" is South Korea's, however often the story names Pyongyang's leader): it is
    the article's when the article names it at least ``MIN_MENTIONS`` times."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for ref in refs:
        entity = ref.entity
        if not entity.actor or not entity.country:
            continue
        counts[entity.country] += 1
        first.setdefault(entity.country, ref.start)
    if not counts:
        return None
    if lead is not None and counts[lead] >= MIN_MENTIONS:
        return kb.country_by_code(lead)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], first[item[0]]))
    iso3, seen = ranked[0]
    if seen < MIN_MENTIONS or (len(ranked) > 1 and ranked[1][1] == seen):
        return None
    return kb.country_by_code(iso3)


# The lower-case directions one half of a divided country writes the other with, and the
# other half's own.
_OTHER_HALF = {"south": "North", "north": "South"}
# The possessor by which a writer names its own ("our army").
_OUR = "our"


def writer_country(refs: Iterable[MentionRef], kb: KnowledgeBaseLike) -> CountryLike | None:
    """The country whose media wrote the article, when it writes the other half of its
    divided country with a lower-case direction ("south Korea", "the south Korean
    puppets": North Korea's media) and only one such half; else None."""
    found: dict[str, CountryLike] = {}
    for ref in refs:
        first, _, rest = ref.text.partition(" ")
        other = _OTHER_HALF.get(first)
        if other is None or not rest or not ref.entity.country:
            continue
        name = f"{other} {rest.split()[0]}"
        half = kb.country(name) or kb.country_by_demonym(name)
        if half is not None and half.iso3 != ref.entity.country:
            found[half.iso3] = half
    return next(iter(found.values())) if len(found) == 1 else None


def writers_own(head: Token, words: ContextWords, head_words: str) -> bool:
    """Whether a group whose phrase names no one is the writer's own in its own media: one
    it calls "our" ("our invincible army", and "our army and people" whole), or a term only
    its own media use for its own ("the great men", North Korea's for its leaders:
    ``head_words``, the head with its adjectives)."""
    if any(head_words == term or head_words.endswith(f" {term}") for term in words.writer):
        # "the great men", "the peerless great men"
        return True
    top = head
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    return any(c.dep_ in _POSSESSIVE_DEPS and c.lower_ == _OUR for c in top.children)


def passage_country(
    refs: Iterable[MentionRef],
    text: str,
    start: int,
    end: int,
    article: CountryLike | None,
    kb: KnowledgeBaseLike,
) -> CountryLike | None:
    """The country a state's bare body ("the authorities", "police", "troops") belongs to in
    the passage from ``start`` to ``end`` (the sentence before it and its own sentence up to
    it): the one country the passage names as a state or a place ("Protesters in Caracas
    clashed with police"), else the article's own. A country named after the body is most
    often the one it acts on ("the administration increased aid to El Salvador", "the army
    took revenge upon the Lee group"), not its own. When the passage names two ("Venezuela
    held talks with Colombia. The government said"), nothing decides but the article's own
    country (whether named there or not: a US story's "the administration"); without one,
    no code: a guess between two governments is a wrong actor half the time. A country
    written after "anti-" ("the anti-Japanese fighters") is the one they fought, not theirs."""
    named: list[str] = []
    for ref in refs:
        if ref.start < start or ref.end > end:
            continue
        entity = ref.entity
        if not entity.actor or not entity.country or entity.country in named:
            continue
        if written_against(text, ref.start):
            continue
        if entity.kind in ("country", "location") or entity.sector in _NAMING_SECTORS:
            named.append(entity.country)
    if not named:
        return article
    if len(named) == 1:
        return kb.country_by_code(named[0])
    return article


def written_against(text: str, start: int) -> bool:
    """Whether the name at ``start`` is written after "anti-" ("anti-Japanese", "Anti-U.S.")."""
    return text[max(0, start - len(_AGAINST)) : start].lower() == _AGAINST


def unplaced_head(head: Token, words: ContextWords, parse: ParseIndex) -> bool:
    """Whether a common noun with an agent's sector, whose phrase names no actor, may take the
    article's country: a plural ("workers") or a collective noun ("the police"), neither
    owned ("their troops") nor denied ("no government") nor someone else's ("foreign
    companies"), nor in a list whose other members say whose they are (the caller checks
    that the phrase names no one, nor the phrases of the list it belongs to: "the navy" of
    "the navy and the police of the ROK")."""
    if head.pos_ != "NOUN" or head.lower_ in words.never:
        return False
    if head.tag_ != "NNS" and head.lower_ not in words.collective:
        return False
    top = head
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    if top.dep_ == "appos":
        # "Yoon and Kim, chief culprits ... and kingpins of corruption": what the named are.
        return False
    for child in head.children:
        if child.dep_ in _POSSESSIVE_DEPS:
            return False
        if child.dep_ == "det" and child.lower_ == _NONE_WORD:
            # "they had no government to provide a rear": a body that does not exist.
            return False
        if child.dep_ in _OWN_MODIFIERS and (
            child.lower_ in words.outside or child.ent_type_ in _NAMED_TYPES
        ):
            # "foreign companies"; "Yoruba leaders", "Republican lawmakers": a name the
            # entity stage could not code says whose they are, and it is not the country's.
            return False
    if head.tag_ != "NNS" and _of_plural(head):
        # "a huge army of talents", "an army of builders": a crowd likened to an army.
        return False
    if any(_from_outside(c, words) for noun in _list_nouns(head) for c in noun.children):
        return False
    return head.tag_ != "NNS" or not _beyond_one_country(head.i, words, parse)


def _list_nouns(head: Token) -> list[Token]:
    """A noun, the other members of its list, and the noun whose "of" phrase the list is:
    the phrases that may say where its people come from ("parties, organizations and forces
    of the world", "representatives of parties and organizations from 50 countries")."""
    nouns = [head, *head.conjuncts]
    top = min(nouns, key=lambda t: t.i)
    if top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.pos_ == "NOUN":
        nouns.append(top.head.head)
    return nouns


def _of_plural(head: Token) -> bool:
    """Whether a singular noun's "of" phrase is a plural common noun ("an army of talents"):
    the body is a figure for many people of a kind, no state's own body."""
    return any(
        child.dep_ == "prep"
        and child.lower_ == "of"
        and any(obj.dep_ == "pobj" and obj.tag_ == "NNS" for obj in child.children)
        for child in head.children
    )


# The quantifiers that make a plural of nations several of them ("many countries").
_SEVERAL = frozenset({"many", "various", "different", "other", "all", "several", "numerous"})
# The dependencies through which "the world" takes part in a sentence as someone or somewhere
# ("the world feels", "parties of the world"), not as a modifier ("world-class", "the
# world's best").
_WORLD_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def _beyond_one_country(head: int, words: ContextWords, parse: ParseIndex) -> bool:
    """Whether a plural's clause, or a clause above it, places it beyond one country: it
    speaks of the world as someone or somewhere ("the world feels again that violence can
    never repress the working masses") or of several nations ("the United States and other
    capitalist countries treat the working masses with violence"). A clause beside it does
    not ("Thanking various foreign countries for aid, he said he trusts the people"). Reads
    the parse's word arrays: a spaCy ``Token`` for every word of the sentence cost more than
    the test."""
    pos, lowers = parse.pos, parse.lowers
    clauses = {i for i in _ancestors(parse.heads, head) if pos[i] in _VERBS}
    sent = parse.sents[parse.sentence_index(parse.token_starts[head])]
    for i in range(sent.start, sent.end):
        lower = lowers[i]
        if lower in _WORLDS:
            scoped = parse.deps[i] in _WORLD_DEPS
        elif lower in _NATIONS and parse.tags[i] == "NNS" and lower in words.never:
            scoped = any(c.lower_ in _SEVERAL or c.like_num for c in parse.doc[i].lefts)
        else:
            continue
        if scoped and _clause_of(i, parse) in clauses:
            return True
    return False


# The parts of speech that head a clause.
_VERBS = frozenset({"VERB", "AUX"})


def _ancestors(heads: Sequence[int], token: int) -> Iterator[int]:
    """The indexes of ``token``'s heads, nearest first, up to its sentence's root
    (``Token.ancestors``)."""
    for _ in range(len(heads)):  # spaCy's own bound, should a tree have a cycle
        head = heads[token]
        if head == token:
            return
        token = head
        yield token


def _clause_of(token: int, parse: ParseIndex) -> int | None:
    """The index of the verb whose clause a word belongs to, if any."""
    for above in _ancestors(parse.heads, token):
        if parse.pos[above] in _VERBS:
            return above
    return None


# The words for the whole world, and for nations in the plural.
_WORLDS = frozenset({"world", "mankind", "humanity"})
_NATIONS = frozenset({"countries", "nations", "peoples"})


# Prepositions through which a phrase says where its people come from.
_ORIGIN_PREPOSITIONS = frozenset({"of", "from"})


def _from_outside(child: Token, words: ContextWords) -> bool:
    """Whether a head's "of" or "from" phrase says its people are of the wider world or of
    several nations ("personages of the world", "figures from different countries"): they
    are no one country's."""
    if child.dep_ != "prep" or child.lower_ not in _ORIGIN_PREPOSITIONS:
        return False
    return any(
        obj.dep_ == "pobj"
        and (
            obj.lower_ in words.never
            # "workers of our society" are the speaker's own; "of capitalist society" no one's.
            or (obj.lower_ in words.outside and not any(c.dep_ == "poss" for c in obj.children))
        )
        for obj in child.children
    )


def context_groups(
    heads: Sequence[tuple[Token, str]], country: CountryLike | None
) -> list[ContextGroup]:
    """The groups of ``heads`` (noun, sector) coded with ``country``."""
    if country is None:
        return []
    out = []
    for head, sector in heads:
        if sector in _NEVER_SECTORS:
            continue
        start = min([head.idx] + [c.idx for c in head.lefts if c.dep_ in _OWN_MODIFIERS])
        out.append(
            ContextGroup(start, head.idx + len(head), country.code + sector, country.iso3, sector)
        )
    return out


# The two halves of Korea: the countries whose own people a Korean name may be taken for.
_KOREAS = frozenset({"PRK", "KOR"})
# The sector of a person no title describes: a citizen (as the real-text gold codes a named
# resident or relative, PRKCVL, CHNCVL).
_CIVILIAN = "CVL"
# Words of a Korean name written family name first, as the two Koreas' media write it.
_KOREAN_NAME_WORDS = 3


def _korean_name(name: str, families: frozenset[str], syllables: frozenset[str]) -> bool:
    """Whether ``name`` is a Korean name written family name first and nothing else: a
    family name of ``families`` and two given-name syllables ("An Kum Ae", "Ri Chang Son")."""
    words = name.split()
    return (
        len(words) == _KOREAN_NAME_WORDS
        and words[0] in families
        and all(w in syllables for w in words[1:])
    )


def place_korean_names(
    parse: ParseIndex,
    entities: tuple[Entity, ...],
    kb: KnowledgeBaseLike,
    families: frozenset[str],
    syllables: frozenset[str],
) -> tuple[Entity, ...]:
    """A person named by a Korean name alone ("An Kum Ae won the gold medal", "Ri Chang Son,
    a worker of the mine") whom nothing else codes is a citizen of a Korea, as a reader
    takes them: of the one Korea the words describing them place them in ("X, an old man
    living in Pyongyang" in a story on the South's president), else of the one the article
    is about (an athlete of a KCNA sports story North Korea's, a unionist of a story on a
    strike in Seoul South Korea's). Only when that country is one of the two Koreas: a
    Korean name in a story about Japan may be a Korean resident there, one in an American
    story anyone's; nor when those words name an actor of another country (a Korean
    abroad). The sector is the one the person's title gave ("So Kil Bok, vice-minister of
    Foreign Trade": GOV); a person with no title at all is a citizen (CVL), as the
    real-text gold codes a named resident. A title that gave no sector, or one the title
    pass could not read ("X, lawmaker from the ...", "KPA Generals X and Y"), says the
    person is no plain citizen but not what they are: no code."""
    if not any(_uncoded_korean(e, families, syllables) for e in entities):
        return entities
    index = MentionIndex.build(entities)
    article = article_country(index.refs, kb)
    out = []
    for entity in entities:
        if _uncoded_korean(entity, families, syllables):
            described = _described_countries(parse, index, entity)
            if described - _KOREAS:
                out.append(entity)  # placed abroad: "X, chairman of ... Koreans in Uzbekistan"
                continue
            own = kb.country_by_code(described.pop()) if len(described) == 1 else article
            sector = entity.sector or (
                _CIVILIAN if not entity.roles and _untitled(parse, entity) else None
            )
            if (
                sector is not None
                and own is not None
                and own.iso3 in _KOREAS
                and entity.country in (None, own.iso3)
            ):
                entity = replace(entity, actor=own.code + sector, country=own.iso3)
        out.append(entity)
    return tuple(out)


def _uncoded_korean(entity: Entity, families: frozenset[str], syllables: frozenset[str]) -> bool:
    return (
        entity.kind == "person"
        and entity.actor is None
        and _korean_name(entity.name, families, syllables)
    )


def _untitled(parse: ParseIndex, entity: Entity) -> bool:
    """Whether a person's first named mention has no title the title pass could not read:
    no apposition after it ("X, lawmaker from the ...", "X, puppet chief delegate") and no
    capitalised word just before it or the first name of its list ("Chairman of the Joint
    Chiefs of Staff X", "KPA Generals X, Y and Z")."""
    first = next((m for m in entity.mentions if m.text == entity.name), None)
    span = parse.char_span(first.start, first.end) if first is not None else None
    if span is None:
        return False
    root = span.root
    if any(c.dep_ == "appos" for c in root.children):
        return False
    head = root
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    start = min([head.i] + [c.i for c in head.lefts if c.dep_ == "compound"])
    if head.i == root.i:
        start = span.start
    return start == 0 or not parse.doc[start - 1].text[:1].isupper()


def _described_countries(parse: ParseIndex, index: MentionIndex, entity: Entity) -> set[str]:
    """The countries of the coded actors the words describing a person's first named
    mention name (the mention's phrase in the parse): "X, an old man living in ...
    Pyongyang", "X, chairman of the Association of Koreans in Uzbekistan"."""
    first = next((m for m in entity.mentions if m.text == entity.name), None)
    span = parse.char_span(first.start, first.end) if first is not None else None
    if span is None:
        return set()
    root = span.root
    start, end = root.left_edge.idx, root.right_edge.idx + len(root.right_edge)
    return {
        ref.entity.country
        for ref in index.overlapping(start, end)
        if ref.entity is not entity and ref.entity.actor and ref.entity.country
    }
