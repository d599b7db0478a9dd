"""Actors the mention pass left untagged, found through the knowledge base and the parse.

Short news sentences often name their actors with words spaCy's NER leaves alone: a country
at the start of a sentence ("Arnor signed ..."), a demonym ("Bangladeshi peacekeeping
troops"), a capital standing for its government ("an embassy in Tehran"), or an actor that
only a user's PETRARCH dictionary knows. And a country named inside a phrase whose head is a
role or sector noun ("Israeli soldiers", "officials from Gondor") is that country's sector
acting, not the country as a whole. This pass runs last in the entity stage, so that the
entity stage alone codes actors and every later stage refers to entity ids:

1. names: a run of capitalised words no entity covers that the knowledge base can code
   (actor names first, then country names, demonyms and capitals) becomes an entity;
2. sectors: a role or sector noun ("troops" MIL, "officials" GOV) whose phrase names a bare
   country (a three-letter code) becomes a ``group`` entity coded country + sector, its
   mention running from the country's words to the noun.

A new mention joins an entity of the same kind and code when the document has one (a second
"Israeli soldiers" is the same group); entities are then renumbered in order of first mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Token

from parley.entities.context import (
    STATE_SECTORS,
    ContextWords,
    article_country,
    context_groups,
    passage_country,
    unplaced_head,
    writer_country,
    writers_own,
    written_against,
)
from parley.entities.kbtypes import ActorLike, CountryLike, KnowledgeBaseLike
from parley.entities.mentions import (
    MEETING_NAMES,
    ordinal_word,
    people_of_state,
    sent_to_then_named,
)
from parley.entities.titles import past_office_before
from parley.nlp.index import MentionIndex, MentionRef, ParseIndex
from parley.nlp.repairs import WEEKDAY_NAMES
from parley.records import Entity, EntityKind, Mention

__all__ = ["add_nominal_entities", "list_member", "list_members", "phrase_tokens"]

COUNTRY_CODE_LENGTH = 3
# Words that modify a noun rather than name the phrase's actor; ranked after the head's own.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
# Clauses inside a phrase that speak of other things ("a newspaper that represents ...").
CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "parataxis"})
MODIFIER_PENALTY = 3
NAME_POS = frozenset({"PROPN", "ADJ", "NOUN", "X"})
# A phrase longer than this is a clause run together, not one actor's words.
MAX_GROUP_CHARS = 80
# Between a member noun's first word and the body it belongs to ("spokesman for the").
MAX_MEMBER_CHARS = 40


@dataclass(frozen=True, slots=True)
class _Found:
    """A new mention and the actor it names."""

    start: int
    end: int
    kind: EntityKind
    code: str
    country: str | None
    sector: str | None
    name: str


def phrase_tokens(head: Token) -> list[tuple[Token, int]]:
    """The tokens of a noun phrase with their rank (tree depth, modifiers after heads),
    leaving out clauses inside the phrase and the other members of a list."""
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


def add_nominal_entities(
    parse: ParseIndex,
    entities: tuple[Entity, ...],
    kb: KnowledgeBaseLike,
    on: date | None,
    member_words: frozenset[str] = frozenset(),
    context: ContextWords | None = None,
) -> tuple[Entity, ...]:
    """``entities`` with the names and sector groups the mention pass missed added.
    ``member_words``: lower-case role words whose holder speaks or acts for the body named
    after them ("spokesman", "delegation"), whatever their own sector; ``context``: the
    words for groups that take the article's own country (none without them)."""
    doc, text = parse.doc, parse.text
    if not len(doc):
        return entities
    names = _find_names(parse, entities, kb, on)
    merged = _merge(entities, names, text)
    index = MentionIndex.build(merged)
    nations = _find_nations(parse, index, kb)
    if nations:
        merged = _merge(merged, nations, text)
        index = MentionIndex.build(merged)
    authorities = _past_officers(_find_local_authorities(parse, index, kb, member_words), text)
    if authorities:
        merged = _merge(merged, authorities, text)
        index = MentionIndex.build(merged)
    groups = _past_officers(_find_groups(parse, index, kb, member_words, context), text)
    return _merge(merged, groups, text)


_STATE_SECTORS = frozenset(("GOV", "MIL", "COP", "SPY", "LEG", "JUD"))


def _past_officers(found: list[_Found], text: str) -> list[_Found]:
    """Nameless holders of a past state office as their country's elites, as CAMEO codes
    former officials (Phoenix FORMER_PRESIDENT, FORMER_PRIME_MINISTER, RETIRED ~ELI): no
    longer its government, legislature or army."""
    out: list[_Found] = []
    for f in found:
        if (
            f.sector in _STATE_SECTORS
            and f.code.endswith(f.sector)
            and past_office_before(text, f.start)
        ):
            f = replace(f, code=f.code[: -len(f.sector)] + "ELI", sector="ELI")
        out.append(f)
    return out


# ---- 1. names ----------------------------------------------------------------------------


def _capitalised_positions(parse: ParseIndex, tags: frozenset[str]) -> Iterator[int]:
    """The indexes of the tokens whose coarse tag is one of ``tags`` and whose first letter
    is a capital, in order, read off the parse index (no token objects)."""
    text = parse.text
    for i, (pos, idx) in enumerate(zip(parse.pos, parse.token_starts, strict=True)):
        if pos in tags and text[idx].isupper():
            yield i


def _find_names(
    parse: ParseIndex, entities: tuple[Entity, ...], kb: KnowledgeBaseLike, on: date | None
) -> list[_Found]:
    """Names no coded entity covers: words outside every mention, and the words of an
    entity the mention pass could not code ("Arnor, Osgiliath and Gondor" read as one name,
    "Bosnian Serbs"). Inside an uncoded person's or organisation's name only the whole name
    counts: "Jordan" in "Jordan Peterson" is no country, nor "Bamako" in "University of
    Bamako" the government of Mali."""
    coded = MentionIndex.build([e for e in entities if e.actor])
    uncoded = MentionIndex.build([e for e in entities if not e.actor])
    text = parse.text
    found: list[_Found] = []
    tried: set[tuple[int, int]] = set()
    starts, ends = parse.token_starts, parse.token_ends
    # Where the last name found ends: a word inside it names nothing of its own ("American"
    # in "Latin American", "States" in "... Latin American and Caribbean States").
    found_end = -1
    for i in _capitalised_positions(parse, NAME_POS):
        if starts[i] < found_end or coded.at(starts[i], ends[i]) is not None:
            continue
        name = uncoded.at(starts[i], ends[i])
        if name is not None and _one_name(name):
            spans = [*_left_of(parse, name, coded), (name.start, name.end)]
            spans += _last_demonym(name, kb)
        else:
            spans = [(starts[left], ends[right]) for left, right in _name_spans(parse, i, coded)]
            spans = _without_country_word(text, spans, kb)
        for start, end in spans:
            if (start, end) in tried:
                continue
            tried.add((start, end))
            hit = _name_at(text, start, end, kb, on)
            if (
                hit is not None
                and text[start:end].lower() in MEETING_NAMES
                and _counted_body(parse, start)
            ):
                continue
            if hit is not None and _capital_as_place(parse, hit, text, kb):
                break
            if hit is not None and _title_of_next(hit, text, coded):
                break
            if hit is not None and _listed_union(hit, text, coded):
                break
            if hit is not None:
                found.append(hit)
                found_end = hit.end
                break
    return found


def _counted_body(parse: ParseIndex, start: int) -> bool:
    """Whether the name at ``start`` follows an ordinal ("the Sixth Congress of his Party",
    "the 8th Congress"): the body's numbered meeting (``MEETING_NAMES``), not the body the
    name alone stands for (the US Congress)."""
    i = parse.token_at(start)
    return i is not None and i > 0 and ordinal_word(parse.doc[i - 1])


def _without_country_word(
    text: str, spans: list[tuple[int, int]], kb: KnowledgeBaseLike
) -> list[tuple[int, int]]:
    """The spans to look up, with the longest also tried without a country's short name
    before it: "DPRK Supreme People's Assembly" is the Supreme People's Assembly, which the
    knowledge base knows by that name alone (and codes with its own country)."""
    start, end = spans[0]
    first, _, rest = text[start:end].partition(" ")
    if not rest or " " not in rest or kb.country(first) is None:
        return spans
    return [spans[0], (start + len(first) + 1, end), *spans[1:]]


# The spaces after a name, read in place (a copy of the rest of the text per name was
# quadratic in long documents).
_SPACES_AFTER = re.compile(" *")


def _title_of_next(hit: _Found, text: str, coded: MentionIndex) -> bool:
    """Whether a name the knowledge base knows as an office ("Secretary of State") is the
    title of the person named right after it ("Secretary of State John Kerry"): the title
    pass gave it to them as their role; it is no second actor."""
    spaces = _SPACES_AFTER.match(text, hit.end)
    gap = spaces.end() - hit.end if spaces is not None else 0
    if gap == 0:
        return False
    after = coded.at(hit.end + gap, hit.end + gap + 1)
    if after is None or after.start != hit.end + gap or after.entity.kind != "person":
        return False
    title = text[hit.start : hit.end].casefold()
    return any(role.casefold().endswith(title) for role in after.entity.roles)


# Prepositions that place something in a city rather than address its government ("anyone in
# Bamako", "talks at Geneva"); "to Tehran", "from Seoul" and objects of verbs stay governments.
_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "around", "outside", "inside", "within", "across", "throughout"}
)


# What joins a name to the next of a list ("KBS, MBC and YTN trade unions").
_LIST_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


def _listed_union(hit: _Found, text: str, coded: MentionIndex) -> bool:
    """Whether a firm or outlet the mention pass missed heads a list whose union the pass
    made ("KBS" in "KBS, MBC and YTN trade unions launched strikes"): the unions act, not
    the outlet (``named_unions``)."""
    if hit.kind not in ("organization", "media"):
        return False
    joiner = _LIST_JOINER.match(text, hit.end)
    if joiner is None:
        return False
    ref = coded.at(joiner.end(), joiner.end() + 1)
    return (
        ref is not None
        and ref.start == joiner.end()
        and ref.entity.kind == "group"
        and ref.entity.sector == "LAB"
        and ref.text.endswith("unions")
    )


def _capital_as_place(parse: ParseIndex, hit: _Found, text: str, kb: KnowledgeBaseLike) -> bool:
    """A capital named as where something is ("anyone in Bamako") is the place, not the
    government: only a word that is a capital and nothing else, after a place preposition."""
    words = text[hit.start : hit.end]
    if kb.country(words) is not None or kb.country_by_demonym(words) is not None:
        return False
    if kb.country_by_capital(words) is None:
        return False
    # The name's own tokens found by bisection: a walk over the whole document per capital
    # was a token object for every word of it.
    doc, starts = parse.doc, parse.token_starts
    inside = (doc[k] for k in range(bisect_left(starts, hit.start), bisect_left(starts, hit.end)))
    heads = [t for t in inside if not hit.start <= t.head.idx < hit.end]
    return any(t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPOSITIONS for t in heads)


def _last_demonym(ref: MentionRef, kb: KnowledgeBaseLike) -> list[tuple[int, int]]:
    """The last word of a name the model misread, when it is a demonym: "Radical French" is
    a group of French (a demonym first, as in "Chinese Academy of Sciences", names an
    organisation; "Bosnian Serbs", Bosnia's people, are found whole by ``_lookup``)."""
    last = ref.text.rsplit(" ", 1)[-1]
    if last == ref.text or kb.country_by_demonym(last) is None:
        return []
    return [(ref.end - len(last), ref.end)]


def _one_name(ref: MentionRef) -> bool:
    """Whether an uncoded mention is one person's or organisation's name, not a list."""
    listed = ", " in ref.text or " and " in ref.text
    return ref.entity.kind in ("person", "organization", "media") and not listed


def _covered(token: Token, mentions: MentionIndex) -> bool:
    return mentions.at(token.idx, token.idx + len(token)) is not None


def _left_of(parse: ParseIndex, name: MentionRef, coded: MentionIndex) -> list[tuple[int, int]]:
    """The uncoded name with the run of free capitalised words before it, when there is
    one: the model often takes only the last word of a paper's name at a paragraph's
    start ("Minju Joson Wednesday runs a commentary": "Joson", a person)."""
    first = parse.token_at(name.start)
    if first is None or first == 0 or not _name_word(parse, first - 1, coded):
        return []
    left = first - 1
    while left > 0 and _name_word(parse, left - 1, coded):
        left -= 1
    return [(parse.token_starts[left], name.end)]


def _name_word(parse: ParseIndex, k: int, mentions: MentionIndex) -> bool:
    """Whether token ``k`` is a capitalised name word no mention covers."""
    start, end = parse.token_starts[k], parse.token_ends[k]
    return (
        parse.text[start].isupper() and parse.pos[k] in NAME_POS and mentions.at(start, end) is None
    )


# Days of the week, which the model reads as part of a name written just before them.
_WEEKDAYS = frozenset(WEEKDAY_NAMES)


def _name_spans(parse: ParseIndex, i: int, mentions: MentionIndex) -> list[tuple[int, int]]:
    """The longest run of uncovered capitalised words around token ``i``, then the word
    alone (token indexes), read off the parse index."""
    text, starts, ends, pos, lowers = (
        parse.text,
        parse.token_starts,
        parse.token_ends,
        parse.pos,
        parse.lowers,
    )
    size = len(starts)

    def free(k: int) -> bool:
        return mentions.at(starts[k], ends[k]) is None

    def name_word(k: int) -> bool:  # a capitalised name word no mention covers
        return text[starts[k]].isupper() and pos[k] in NAME_POS and free(k)

    left = i
    while left > 0 and name_word(left - 1):
        left -= 1
    right = i
    while right + 1 < size and name_word(right + 1):
        right += 1
    spans = [(left, right)]
    if right > left and lowers[right] in _WEEKDAYS:
        # "Minju Joson Tuesday says": the paper's name, then when it said so.
        spans.append((left, right - 1))
    # A name with small words inside ("Workers' Party of Korea", "Bank of England"): the run
    # goes on over them while capitalised words follow.
    wide = right
    k = right + 1
    while k < size and lowers[k] in _NAME_JOINERS and free(k):
        k += 1
        if k < size and name_word(k):
            while k + 1 < size and name_word(k + 1):
                k += 1
            wide = k
            k += 1
    if wide != right:
        spans.insert(0, (left, wide))
    if (left, right) != (i, i):
        spans.append((i, i))
    return spans


_NAME_JOINERS = frozenset({"of", "the", "for", "and", "'", "’", "'s", "’s", "&"})


def _name_at(
    text: str, start: int, end: int, kb: KnowledgeBaseLike, on: date | None
) -> _Found | None:
    words = text[start:end]
    found = _lookup(words, start, end, kb, on)
    if found is None and "-" in words:
        # "Vietnamese-led forces": the first part names the actor.
        first = words.split("-", 1)[0]
        found = _lookup(first, start, start + len(first), kb, on) if first else None
    return found


def _lookup(
    words: str, start: int, end: int, kb: KnowledgeBaseLike, on: date | None
) -> _Found | None:
    """The actor or country a name stands for, if the knowledge base knows it."""
    pair = words.split()
    home = people_of_state(pair[0], pair[1], kb) if len(pair) == 2 else None
    if home is not None:
        # "Bosnian Croats": a people of the country the demonym names, its civilians.
        return _Found(start, end, "group", f"{home.code}CVL", home.iso3, "CVL", words)
    actor = kb.actor(words, on) or _party_of_adjective(words, kb, on)
    if actor is not None and actor.code and actor.kind != "country":
        kind: EntityKind = actor.kind  # type: ignore[assignment]
        return _Found(start, end, kind, actor.code, actor.country, actor.sector, actor.name)
    country = kb.country(words) or kb.country_by_demonym(words) or kb.country_by_capital(words)
    if country is None and actor is not None and actor.code:
        # A place a dictionary lists under its country ("Zurich", "Alaska"): the place,
        # coded as its country.
        return _Found(start, end, "location", actor.code, actor.country, None, words)
    if country is None:
        return None
    return _Found(start, end, "country", country.code, country.iso3, None, country.name)


def _party_of_adjective(words: str, kb: KnowledgeBaseLike, on: date | None) -> ActorLike | None:
    """The organisation a capitalised adjective names by its members' plural: "Republican"
    (the convention, senators) is the party the knowledge base knows as "Republicans",
    "Democratic" the one it knows as "Democrats". Organisations only: "Chinese" is no body."""
    if " " in words or not words[:1].isupper() or not words.isalpha():
        return None
    plurals = [words + "s"]
    if words.endswith("ic"):
        plurals.append(words[:-2] + "s")  # "Democratic" -> "Democrats"
    for plural in plurals:
        actor = kb.actor(plural, on)
        if actor is not None and actor.kind == "organization":
            return actor
    return None


# ---- 2. sector groups --------------------------------------------------------------------


# Sectors whose members act for the body they belong to: "the General Staff of the Korean
# People's Army" is the army acting, "officials of the IAEA" the agency.
_MEMBER_SECTORS = frozenset(("GOV", "MIL", "COP", "SPY", "LEG", "JUD"))
# How a member noun attaches the body it belongs to.
_MEMBER_PREPOSITIONS = frozenset(("of", "for", "from", "at"))
_ORG_KINDS = frozenset(("organization", "media", "group"))


def _head_sector(head: Token, kb: KnowledgeBaseLike) -> str | None:
    """The sector of a noun phrase's head: a capitalised name with its compound words first
    ("General Staff"), then a common noun by itself. A capitalised head counts only with its
    compound words: "Staff" alone names nothing."""
    compounds = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
    # Only a body's capitalised name counts with its compounds ("General Staff"): the
    # role table finds phrases inside a text, and "news conference" is no news outlet.
    if compounds and head.text[:1].isupper() and compounds[0].text[:1].isupper():
        whole = head.doc[compounds[0].i : head.i + 1].text
        sector = kb.role_sector(whole)
        if sector is not None:
            return sector
    if head.pos_ != "NOUN":
        return None
    own = kb.role_sector(head.text) or kb.role_sector(head.lemma_)
    before = head.nbor(-1) if head.i > 0 else None
    if (
        head.lower_ in _RANK_WORDS
        and before is not None
        and before.head == head
        and before.dep_ in ("amod", "compound")
        and before.text.islower()
    ):
        # "the consul general", "a director general": "general" after another office word
        # is that office, no rank ("lieutenant general" is one); the table says which.
        return kb.role_sector(f"{before.lower_} {head.lower_}")
    if own in _GENERIC_PEOPLE and (term := _generic_term_sector(head, before, kb)) is not None:
        return term
    chief = head.lemma_.lower() in _CHIEF_NOUNS
    if (own in _NARROWED or chief) and (narrower := _modifier_sector(head, kb)) is not None:
        return narrower
    if chief and _of_country(head, kb):
        return "GOV"
    term = _term_sector(head, kb)
    if term is not None:
        return term
    if own is None and head.lower_ in _COLLECTIVE_HEADS:
        return _collective_sector(before, head, kb)
    if own is None and head.tag_ == "NN" and before is not None and before.dep_ == "amod":
        # A body the noun names only with its adjective: "the lower house" (LEG); an
        # adjective with a sector of its own names none ("military drills"), and a plural
        # is a kind of people, no one country's body ("armed forces of both sides",
        # "progressive political parties").
        return _pair_sector(before.lower_, head.lower_, kb) if before.head == head else None
    return own


# The sector of a word for people of no kind ("men"), which a term it ends may narrow.
_GENERIC_PEOPLE = frozenset(("PPL",))


def _generic_term_sector(head: Token, before: Token | None, kb: KnowledgeBaseLike) -> str | None:
    """The sector of a term the role table knows that a word for people of no kind ends,
    with its adjective ("the great men", KCNA's leaders: GOV) or with the noun it is joined
    to ("officers and men": MIL), when it differs from the word's own."""
    own = kb.role_sector(head.lower_)
    terms = []
    if before is not None and before.head == head and before.dep_ == "amod":
        terms.append(f"{before.lower_} {head.lower_}")
    if head.dep_ == "conj" and head.head.pos_ == "NOUN" and head.head.i < head.i:
        terms.append(f"{head.head.lower_} and {head.lower_}")
    for term in terms:
        sector = kb.role_sector(term)
        if sector is not None and sector != own:
            return sector
    return None


def _term_sector(head: Token, kb: KnowledgeBaseLike) -> str | None:
    """The sector of a term of two nouns that the role table knows as one, plural or not,
    before the head noun's own: "trade unions" (LAB), "party leaders" (PTY), "service
    personnel", "service persons" (MIL, not the civilians "persons" alone are), and a
    hyphenated pair, "soldier-builders" (MIL, not the workers "builders" alone are)."""
    if head.i >= 2 and head.nbor(-1).text == "-" and head.nbor(-1).whitespace_ == "":
        first = head.nbor(-2)
        if not first.whitespace_ and first.pos_ == "NOUN":
            return kb.role_sector(f"{first.lower_}-{head.lower_}")
    before = head.nbor(-1) if head.i > 0 else None
    if before is None or before.head != head or before.dep_ != "compound":
        return None
    if before.pos_ != "NOUN" or not (before.text.islower() or before.is_sent_start):
        return None
    if any(
        c.dep_ == "compound" and _pair_sector(c.lower_, before.lower_, kb) is not None
        for c in before.lefts
    ):
        # The noun before ends a term of its own: "coast guard ships" are the coast
        # guard's ships, not "guard ships".
        return None
    return _pair_sector(before.lower_, head.lower_, kb)


# Nouns for a body of people of no kind, which the word before them gives a sector
# ("opposition groups", "rebel groups", "business groups", "opposition parties").
_COLLECTIVE_HEADS = frozenset(("group", "groups", "party", "parties", "figures"))
# The sectors such a word may give: a body outside the state. A word of the state's own
# ("military", "government") before "groups" names no body of it ("government groups").
_COLLECTIVE_SECTORS = frozenset(("OPP", "REB", "BUS", "LAB", "EDU", "MED"))


def _collective_sector(before: Token | None, head: Token, kb: KnowledgeBaseLike) -> str | None:
    """The sector of a collective noun that the word before it gives ("opposition groups":
    OPP), lower case or capitalised only as the sentence's first word."""
    if before is None or before.head != head or before.dep_ not in ("amod", "compound"):
        return None
    if not (before.text.islower() or before.is_sent_start):
        return None
    sector = kb.role_sector(before.lower_)
    return sector if sector in _COLLECTIVE_SECTORS else None


# The head sectors a modifier's narrower one replaces: the state's people in general, and the
# criminals that North Korean state media call the South's soldiers ("the military gangsters
# of the ROK" are its armed forces, KORMIL, in 108 of the 184 uses of "gangsters" in the KCNA
# stories of 2011-12 and 2024).
_NARROWED = frozenset(("GOV", "CRM"))
# The sectors a modifier gives a body of the state that its head alone would call the
# government ("the military leadership", "judicial authorities", "police officials").
_NARROWER_SECTORS = frozenset(("MIL", "JUD", "COP", "SPY", "LEG", "OPP"))


# Nouns for the heads of a body, which the role table gives a business's sector ("boss":
# BUS): state media's "military bosses of the U.S." are its military, "the bosses of the
# ROK" its government.
_CHIEF_NOUNS = frozenset(("boss",))


def _of_country(head: Token, kb: KnowledgeBaseLike) -> bool:
    """Whether "of" after the noun names a country ("bosses of the U.S.")."""
    return any(
        prep.lower_ == "of"
        and any(obj.dep_ == "pobj" and kb.country(obj.text) is not None for obj in prep.children)
        for prep in head.rights
    )


def _modifier_sector(head: Token, kb: KnowledgeBaseLike) -> str | None:
    """The sector of a lower-case adjective or noun before a head that names the state's
    people in general ("officials", "authorities", "leadership"): "military officials" are
    the military, not the government. The nearest such word decides, one that starts the
    sentence too, capitalised only for that ("Military bosses of the U.S. ...", "Opposition
    leaders in X demanded": OPP, not the government)."""
    for child in reversed([c for c in head.lefts if c.dep_ in ("amod", "compound")]):
        if child.text[:1].islower() or child.is_sent_start:
            sector = kb.role_sector(child.lower_)
            if sector in _NARROWER_SECTORS:
                if child.lower_ in _RANK_WORDS and child.i == head.i - 1:
                    # "the general secretary of a party": one office with the head, no
                    # rank; the table's pair decides (GOV, or the body's own sector).
                    return None
                return sector
    return None


# A military rank that, beside another office word, is part of a civil title: "consul
# general", "director general", "general secretary", "general manager".
_RANK_WORDS = frozenset(("general",))


def _pair_sector(first: str, second: str, kb: KnowledgeBaseLike) -> str | None:
    """The sector of two words the role table knows only together ("lower house")."""
    if kb.role_sector(first) is not None:
        return None
    return kb.role_sector(f"{first} {second}")


def _possible_heads(
    parse: ParseIndex, mentions: MentionIndex, kb: KnowledgeBaseLike, member_words: frozenset[str]
) -> Iterator[Token]:
    """The nouns outside every mention that may head a sector group, read off the parse
    index: every capitalised noun (its compound words may name a body, "General Staff"),
    and a lower-case common noun
    only when the role table knows it or it is a member word (``_head_sector``'s other
    cases), so no token object is made for the many common nouns that name no one."""
    doc, text, ends = parse.doc, parse.text, parse.token_ends
    rows = zip(parse.pos, parse.token_starts, parse.lowers, parse.lemmas, strict=True)
    for i, (pos, idx, lower, lemma) in enumerate(rows):
        if pos != "NOUN" and pos != "PROPN":
            continue
        upper = text[idx].isupper()
        if not upper and pos == "PROPN":
            continue  # neither a capitalised name nor a common noun: no sector
        if mentions.at(idx, ends[i]) is not None:
            continue  # inside a mention already
        if lower == "people" and _names_body_after(parse, i):
            continue  # "the Supreme People's Assembly", "the city people's committee"
        if (
            not upper
            and lower not in member_words
            and kb.role_sector(lower) is None
            and kb.role_sector(lemma) is None
            and (i == 0 or _pair_sector(parse.lowers[i - 1], lower, kb) is None)
            and (
                i == 0 or lower not in _COLLECTIVE_HEADS or not kb.role_sector(parse.lowers[i - 1])
            )
        ):
            continue
        yield doc[i]


# The bodies North Korea names after the people ("the Korean People's Army", "the Supreme
# People's Assembly", "the provincial people's committee"): "people" before one of them is
# a word of the body's name, not the people acting.
_PEOPLES_BODIES = frozenset(
    ("army", "assembly", "committee", "committees", "council", "court", "procuratorate")
)


def _names_body_after(parse: ParseIndex, i: int) -> bool:
    """Whether token ``i`` ("people") is followed by a possessive and a body's word."""
    lowers = parse.lowers
    return (
        i + 2 < len(lowers) and lowers[i + 1] in ("'s", "’s") and lowers[i + 2] in _PEOPLES_BODIES
    )


# The word that makes a list of a country's bodies the whole nation ("the army and people
# of X", "the party, army and people of X", "X's government and people").
_NATION_WORD = "people"


def _find_nations(parse: ParseIndex, mentions: MentionIndex, kb: KnowledgeBaseLike) -> list[_Found]:
    """Lists of a country's bodies that end in its people, which stand for the country as a
    whole: "the army and people of the DPRK", "the party, army and people of X", "Syria's
    government and people", "the Korean army and people". Each becomes a mention of the
    country, not a group of one member's sector. Read off the parse index's words."""
    lowers, pos, starts, ends = parse.lowers, parse.pos, parse.token_starts, parse.token_ends
    found: list[_Found] = []

    def body(k: int) -> bool:
        return k >= 0 and pos[k] == "NOUN" and kb.role_sector(lowers[k]) is not None

    for i in _positions(lowers, _NATION_WORD):
        if i < 2 or lowers[i - 1] != "and" or not body(i - 2):
            continue
        first = i - 2
        while first >= 2 and lowers[first - 1] == "," and pos[first - 2] == "NOUN":
            first -= 2
        country = _country_after(parse, mentions, i + 1)
        if country is not None:
            start, end = starts[first], country.end
        else:
            country = _country_before(parse, mentions, first - 1)
            if country is None:
                continue
            start, end = country.start, ends[i]
        if end - start > MAX_GROUP_CHARS:
            continue
        entity = country.entity
        found.append(
            _Found(start, end, entity.kind, entity.actor or "", entity.country, None, entity.name)
        )
    return found


def _positions(words: tuple[str, ...], word: str) -> Iterator[int]:
    """Where ``word`` stands in ``words`` (found by the tuple's own search, not a loop here)."""
    at = 0
    for _ in range(words.count(word)):
        at = words.index(word, at)
        yield at
        at += 1


def _country_after(parse: ParseIndex, mentions: MentionIndex, k: int) -> MentionRef | None:
    """The country of an of-phrase starting at token ``k`` ("of the DPRK")."""
    lowers = parse.lowers
    if k >= len(lowers) or lowers[k] != "of":
        return None
    k += 1
    if k < len(lowers) and lowers[k] == "the":
        k += 1
    if k >= len(lowers):
        return None
    ref = mentions.at(parse.token_starts[k], parse.token_ends[k])
    if ref is None or ref.start != parse.token_starts[k] or not _whole_country(ref):
        return None
    return ref


def _country_before(parse: ParseIndex, mentions: MentionIndex, k: int) -> MentionRef | None:
    """The country that ends at token ``k`` as a possessor or a demonym ("Syria's", "the
    Korean")."""
    if k >= 0 and parse.lowers[k] in ("'s", "\u2019s"):
        k -= 1
    if k < 0:
        return None
    ref = mentions.at(parse.token_starts[k], parse.token_ends[k])
    if ref is None or ref.end != parse.token_ends[k] or not _whole_country(ref):
        return None
    return ref


def _whole_country(ref: MentionRef) -> bool:
    return ref.entity.kind == "country" and _bare_country(ref)


# Words for a country's local units: the subject of a verb, a province, county or city acts
# through its authorities ("North Phyongan Province is rendering assistance to schools", "Thaechon
# and Unsan counties have provided cement"): the country's government (GOV), as the real-text
# gold codes them; a place a phrase of place names ("in the city of X") stays a place.
_LOCAL_UNITS = frozenset(("province", "county", "city", "prefecture", "municipality"))
_DOER_DEPS = frozenset(("nsubj",))


def _find_local_authorities(
    parse: ParseIndex,
    mentions: MentionIndex,
    kb: KnowledgeBaseLike,
    member_words: frozenset[str] = frozenset(),
) -> list[_Found]:
    """Local units that act: a subject headed by a unit word (or a conjunct of one), coded
    its country's government; the country is the one a place in its phrase is in, else the
    article's own when it is clear. Read off the parse index's lemmas."""
    units = [i for i, lemma in enumerate(parse.lemmas) if lemma in _LOCAL_UNITS]
    if not units:
        return []
    doc = parse.doc
    found: list[_Found] = []
    article: CountryLike | None = None
    article_known = False
    for i in units:
        head = doc[i]
        doer = head
        while doer.dep_ == "conj" and doer.head.i != doer.i:
            doer = doer.head
        if doer.dep_ not in _DOER_DEPS:
            continue
        tokens = [t for t, _ in phrase_tokens(head) if t.dep_ not in ("det", "cc", "punct")]
        country = next(
            (
                ref.entity.country
                for t in tokens
                if (ref := mentions.at(t.idx, t.idx + len(t))) is not None
                and ref.entity.country
                and ref.entity.kind in ("location", "country")
            ),
            None,
        )
        place = kb.country_by_code(country) if country else None
        if place is None:
            if not article_known:
                lead = _lead_country(parse, mentions, kb, member_words)
                article, article_known = article_country(mentions.refs, kb, lead), True
            place = article
        if place is None:
            continue
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t) for t in tokens)
        if end - start > MAX_GROUP_CHARS:
            continue
        found.append(_Found(start, end, "group", f"{place.code}GOV", place.iso3, "GOV", ""))
    return found


def _find_groups(
    parse: ParseIndex,
    mentions: MentionIndex,
    kb: KnowledgeBaseLike,
    member_words: frozenset[str],
    context: ContextWords | None,
) -> list[_Found]:
    found: list[_Found] = []
    unplaced: list[tuple[Token, str]] = []  # heads whose phrase names no one
    own: list[tuple[Token, str]] = []  # of those, the writer's own ("our army")
    # The country group each head found stands for, by the head's index and by its words.
    placed: dict[int, _Found] = {}
    named: dict[str, _Found] = {}
    for head in _possible_heads(parse, mentions, kb, member_words):
        if _title(head):
            continue
        sector = _head_sector(head, kb)
        member = sector in _MEMBER_SECTORS or (head.pos_ == "NOUN" and head.lower_ in member_words)
        if sector is not None or member:
            groups = _groups_of(head, sector, member, mentions, kb, parse)
            if groups is not None and len(groups) == 1 and groups[0].kind == "group":
                placed[head.i] = named[_head_words(head)] = groups[0]
            if groups is None and sector is not None:
                again = _same_group(head, sector, placed, named) or _body_again(
                    head, sector, mentions
                )
                if again is not None:
                    found.append(again)
                    placed[head.i] = again
                    continue
            if groups is None:
                if (
                    sector is not None
                    and context is not None
                    and writers_own(head, context, _head_words(head))
                ):
                    own.append((head, sector))
                elif (
                    sector is not None
                    and context is not None
                    and unplaced_head(head, context, parse)
                    and not any(_names_someone(c, mentions) for c in head.conjuncts)
                ):
                    unplaced.append((head, sector))
                continue
            found.extend(groups)
    if own and (writer := writer_country(mentions.refs, kb)) is not None:
        # In the media of one half of a divided country, "our army" and "the great men" are
        # its own, whichever country the story is about (the South's "group of traitors").
        found.extend(
            _Found(g.start, g.end, "group", g.code, g.country, g.sector, "")
            for g in context_groups(own, writer)
        )
    elif own:
        unplaced.extend(
            (h, s) for h, s in own if context is not None and unplaced_head(h, context, parse)
        )
    if unplaced:
        lead = _lead_country(parse, mentions, kb, member_words)
        country = article_country(mentions.refs, kb, lead)
        found.extend(
            _Found(g.start, g.end, "group", g.code, g.country, g.sector, "")
            for head, sector in unplaced
            for g in context_groups(
                [(head, sector)],
                _group_country(head, sector, country, mentions, kb, parse.text),
            )
        )
    return found


def _body_again(head: Token, sector: str, mentions: MentionIndex) -> _Found | None:
    """The coded state body a bare singular noun names again when the passage (its sentence
    up to it and the one before) named one whose words hold it: "the Syrian Ministry of
    Foreign Affairs condemned ... The ministry urged" is that ministry, "the Defence Ministry
    ... the ministry" the defence ministry (MIL), not a country's government in general.
    Other bodies ("the committee") are for the kind-noun pass to link."""
    if sector not in STATE_SECTORS or head.tag_ != "NN":
        return None
    if any(c.dep_ != "det" for c in head.lefts):
        return None
    start = _passage_first(head).idx
    bodies = [
        ref.entity
        for ref in mentions.refs
        if start <= ref.start
        and ref.end <= head.idx
        and ref.entity.kind in ("organization", "group")
        and ref.entity.actor
        and head.lower_ in ref.text.lower().split()
    ]
    if not bodies:
        return None
    body = bodies[-1]
    return _Found(
        head.idx, head.idx + len(head), "group", body.actor or "", body.country, body.sector, ""
    )


def _state_subject(head: Token, mentions: MentionIndex, kb: KnowledgeBaseLike) -> bool:
    """Whether the subject of the nearest clause above a noun that has one names a state: a
    country or a body of one ("Britain", "the government of Sindh province")."""
    verb = head
    while True:
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        if subjects or verb.head.i == verb.i:
            break
        verb = verb.head
    for subject in subjects:
        if subject.left_edge.i <= head.i <= subject.right_edge.i:
            continue  # the noun's own phrase: "The authorities arrested 12 of them"
        if _head_sector(subject, kb) in STATE_SECTORS:
            return True
        end = subject.right_edge.idx + len(subject.right_edge)
        for ref in mentions.overlapping(subject.left_edge.idx, end):
            entity = ref.entity
            if (
                entity.actor
                and entity.country
                and (entity.kind == "country" or entity.sector in STATE_SECTORS)
            ):
                return True
    return False


def _passage_first(head: Token) -> Token:
    """The first word of a word's passage: of the sentence before its own."""
    sent = head.sent
    before = sent.start - 1
    return head.doc[before].sent[0] if before >= 0 else sent[0]


def _group_country(
    head: Token,
    sector: str,
    article: CountryLike | None,
    mentions: MentionIndex,
    kb: KnowledgeBaseLike,
    text: str,
) -> CountryLike | None:
    """The country of a group whose phrase names no one: a state's own body ("the
    authorities", "police", "troops") is the country its passage (its sentence up to it and
    the one before) is about; any other group ("workers") the article's own. ``text``: the
    document's (the parse index's, as ``Doc.text`` joins every token again when read)."""
    if sector not in STATE_SECTORS:
        return article
    first = _passage_first(head)
    if _state_subject(head, mentions, kb):
        # "Britain mobilized army reservists", "Beirut rejected an appeal for deploying
        # army troops": the state acting in the clause is its actor; its bodies there are
        # what it acts with, which took its event's other roles.
        return article
    if any(t.lower_ == head.lower_ for t in head.doc[first.i : head.i]):
        # "The Brand regime staged drills with the Iranian government. The regime also
        # threatened": the words of a phrase before, which named no one coded.
        return article
    return passage_country(mentions.refs, text, first.idx, head.idx, article, kb)


def _head_words(head: Token) -> str:
    """A noun with its adjectives and compounds, lower-case: "lower house"."""
    words = [c.lower_ for c in head.lefts if c.dep_ in ("amod", "compound")]
    return " ".join([*words, head.lemma_.lower()])


def _same_group(
    head: Token, sector: str, placed: dict[int, _Found], named: dict[str, _Found]
) -> _Found | None:
    """The country's group a phrase that names no one stands for by the words around it: a
    body inside a country's body ("parliament" in "Jordan's lower house of the parliament")
    is that country's, with its own sector; and a singular body named again by its words
    ("Jordan's lower house ... The lower house voiced rejection") is the one named before.
    A plural ("officials") may be anyone's, and takes no one's this way."""
    whose = None
    if any(c.dep_ == "poss" for c in head.children):
        return None  # "his embassy": whose it is, is for the possessor to say
    outer = head.head.head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and outer.tag_ in ("NN", "NNP"):
        # A body's own body; "staff members of the embassy" are people of it, not its owner.
        whose = placed.get(outer.i)
    if whose is None and head.tag_ in ("NN", "NNP"):
        whose = named.get(_head_words(head))
    if whose is None or not whose.country:
        return None
    code = whose.code[: -len(whose.sector)] if whose.sector else whose.code
    return _Found(
        _phrase_start(head), head.idx + len(head), "group", code + sector, whose.country, sector, ""
    )


# The dependencies of a clause's subject.
_SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))


def _lead_country(
    parse: ParseIndex, mentions: MentionIndex, kb: KnowledgeBaseLike, member_words: frozenset[str]
) -> str | None:
    """The country of the first coded actor in the subject of the text's first sentence
    (its main clause) that is a country, a place or a country's group, when the subject is
    an actor (a name, a noun with a sector, or one a demonym or a possessor says whose),
    if any. A speaker is
    not what the story is about: "A spokesman for the Foreign Ministry of the DPRK gave the
    following answer ... as regards the Japanese reactionaries" is about Japan; the count
    decides."""
    first = next(iter(parse.doc.sents), None)
    if first is None:
        return None
    for subject in (_subject_noun(c) for c in first.root.children if c.dep_ in _SUBJECT_DEPS):
        if subject.lower_ in member_words:
            return None
        owner = any(c.dep_ in ("amod", "poss") and _covered(c, mentions) for c in subject.children)
        if not (owner or _covered(subject, mentions) or _head_sector(subject, kb)):
            # "New Iran sanctions bill lacks bipartisan support": no actor is the subject;
            # "The south Korean group of traitors made strange remarks": a people's group.
            return None
        refs = [mentions.at(t.idx, t.idx + len(t)) for t in subject.subtree]
        if _head_sector(subject, kb) == "MED" or any(
            ref is not None and ref.entity.kind == "media" for ref in refs
        ):
            # "The Nepalese paper Nepal Today carried the gist of a speech": an outlet that
            # carries or reports is a speaker, and its country not what the story is about.
            return None
        countries = {
            ref.entity.country
            for ref in refs
            if ref is not None and ref.entity.kind in _LEAD_KINDS and ref.entity.actor
        }
        if len(countries - {None}) > 1:
            # "The U.S. and the south Korean forces are going to stage drills", "The DPRK
            # embassy in Moscow hosted a reception": a subject of two countries says
            # neither is the story's; the count decides.
            return None
        for token in subject.subtree:
            ref = mentions.at(token.idx, token.idx + len(token))
            if (
                ref is None
                or ref.entity.kind not in _LEAD_KINDS
                or _placed(token.i, subject.i, parse)
            ):
                # "The Social Confederation of Koreans in Uzbekistan held a meeting": where
                # a body sits says nothing of what the story is about.
                continue
            if ref.entity.actor and ref.entity.country:
                return ref.entity.country
    return None


def _subject_noun(subject: Token) -> Token:
    """The noun a subject's phrase is about: in "Civic and public elders in south Korea held
    ..." the parser makes the first adjective the subject and hangs the noun, with the rest
    of the phrase, on it as a conjunct."""
    if subject.pos_ != "ADJ":
        return subject
    nouns = [c for c in subject.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    return nouns[0] if nouns else subject


# The actors of a lead's subject whose country its own words give: a person or a body may
# owe theirs to the article ("Ryu U Ik, puppet minister of Unification"), and an outlet
# that "says" is a speaker ("..., says Rodong Sinmun").
_LEAD_KINDS = frozenset(("country", "location", "group"))


def _names_someone(head: Token, mentions: MentionIndex) -> bool:
    """Whether a noun phrase holds a mention of anyone."""
    return any(_covered(token, mentions) for token, _ in phrase_tokens(head))


def _phrase_start(head: Token) -> int:
    """Where a noun phrase's own words start: its head's left modifiers without the
    article ("The General Staff" starts at "General")."""
    first = head
    for child in head.lefts:
        if child.dep_ in ("compound", "amod", "nummod", "nmod") and child.i < first.i:
            first = child
    return first.idx


def _attached_by_preposition(token: Token, head: Token) -> bool:
    """Whether ``token`` hangs from ``head`` through "of", "for", "from" or "at"."""
    current = token
    while current.i != head.i and current.head.i != current.i:
        if current.dep_ == "pobj" and current.head.lower_ in _MEMBER_PREPOSITIONS:
            return current.head.head.i == head.i
        current = current.head
    return False


def _groups_of(
    head: Token,
    sector: str | None,
    member: bool,
    mentions: MentionIndex,
    kb: KnowledgeBaseLike,
    parse: ParseIndex,
) -> list[_Found] | None:
    """The countries named closest to the head of its phrase, each with the head's sector,
    when they are bare countries: "Israeli soldiers" is ISRMIL, "Hungarian and Romanian
    officials" HUNGOV and ROUGOV (the member next to the noun takes it into its mention, as
    the mention pass does), "US Secretary Pompeo's aides" nothing. A member noun followed by
    the body it belongs to ("the General Staff of the Korean People's Army", "a spokesman
    for the DPRK Foreign Ministry") is that body: its mention grows to cover the phrase.
    None: the phrase names no one (a place no country is known for does not count)."""
    # A place the phrase puts its people in comes after the words that say whose they are:
    # "the DPRK embassy in Moscow" is the DPRK's, "Israeli soldiers in Gaza" Israel's;
    # "officials in Gondor", with no other word, are Gondor's.
    ranked = sorted(
        _home_phrase_tokens(head, sector),
        key=lambda item: (_placed(item[0].i, head.i, parse), item[1], item[0].i),
    )
    examples = False
    for token, rank in ranked:
        if rank == 0:
            continue
        ref = mentions.at(token.idx, token.idx + len(token))
        if ref is None or (ref.entity.kind == "location" and not ref.entity.actor):
            continue
        if written_against(parse.text, ref.start):
            # "the anti-Japanese guerrillas" are not Japan's.
            continue
        if _example(token, head):
            # "organizations in south Korea including the Youth Solidarity": the examples
            # are members of the group, and say nothing of whose it is; but they are named,
            # and the phrase is no one country's ("parties from 50 countries including the
            # DPRK").
            examples = True
            continue
        if not _bare_country(ref):
            if member and (office := _party_office(head, token, ref, sector, kb)):
                return office
            if member:
                return _member_of(head, token, ref)
            return _people_of_body(head, token, ref, sector, mentions, kb)
        if (sector is None and not member) or not _nationality_path(token, head):
            return []
        # A country's spokesman or delegation is its government's; its military
        # leadership, its military ("the supreme military leadership of the DPRK").
        sector = sector or _modifier_sector(head, kb) or "GOV"
        return _country_groups(head, token, sector, mentions, kb)
    return [] if examples else None


# Participles that say where a body is at home: "a newspaper based in Beirut" is placed as "a
# newspaper in Beirut" is.
_HOME_PARTICIPLES = frozenset(("based", "headquartered"))


def _home_phrase_tokens(head: Token, sector: str | None) -> list[tuple[Token, int]]:
    """The phrase's tokens (``phrase_tokens``) and the words of a participle that says where
    it is at home ("based in Beirut"), which the phrase leaves out as a clause. Not for a
    state's forces or offices, which are based where they are stationed ("its air force
    based in Japan" is still its own), nor for a phrase whose owner says whose it is."""
    out = phrase_tokens(head)
    if sector in _STATE_SECTORS or any(c.dep_ == "poss" for c in head.children):
        return out
    for child in head.children:
        if child.dep_ == "acl" and child.lower_ in _HOME_PARTICIPLES:
            out.extend((t, 1 + phrase_rank) for t, phrase_rank in phrase_tokens(child))
    return out


# Prepositions through which a country says whose the people are ("officials from Gondor",
# "rebels in Darfur"); "people against the U.S. imperialists" are not the United States'.
_NATIONALITY_PREPOSITIONS = frozenset(
    (
        "of",
        "from",
        "in",
        "at",
        "for",
        "within",
        "inside",
        "throughout",
        "across",
        "near",
        "around",
        "outside",
    )
)


# Prepositions that place people somewhere; and words for people from elsewhere, whose place
# ("foreign journalists in Iran") is not whose they are.
_PLACE_PREPOSITIONS = frozenset(
    ("in", "at", "within", "inside", "throughout", "across", "near", "around", "outside")
)
_OUTSIDER_WORDS = frozenset(("foreign", "foreigner", "overseas"))


def _example(token: Token, head: Token) -> bool:
    """Whether ``token`` hangs from the phrase head through "including" or "such as"."""
    current = token
    while current.i != head.i and current.head.i != current.i:
        if current.dep_ == "prep" and (
            current.lower_ == "including"
            or (current.lower_ == "as" and current.i > 0 and current.nbor(-1).lower_ == "such")
        ):
            return True
        current = current.head
    return False


def _placed(token: int, head: int, parse: ParseIndex) -> bool:
    """Whether word ``token`` hangs from the phrase head through a preposition of place.
    Walks the parse's head array: each step up by ``Token.head`` made a new ``Token``."""
    heads, deps, lowers = parse.heads, parse.deps, parse.lowers
    current = token
    while current != head and heads[current] != current:
        if deps[current] == "prep" and lowers[current] in _PLACE_PREPOSITIONS:
            return True
        current = heads[current]
    return False


def _outsiders(head: Token) -> bool:
    if head.lemma_.lower() in _OUTSIDER_WORDS:
        return True
    return any(
        c.dep_ in ("amod", "compound") and c.lower_ in _OUTSIDER_WORDS for c in head.children
    )


def _nationality_path(token: Token, head: Token) -> bool:
    """Whether every preposition between ``token`` and the phrase head says whose it is."""
    current = token
    outsiders = _outsiders(head)
    while current.i != head.i and current.head.i != current.i:
        if outsiders and current.dep_ == "prep" and current.lower_ in _PLACE_PREPOSITIONS:
            return False
        # "forces loyal to X", "militias allied to X": allegiance, so X's.
        allegiance = current.lower_ == "to" and current.head.pos_ == "ADJ"
        if (
            current.dep_ == "prep"
            and current.lower_ not in _NATIONALITY_PREPOSITIONS
            and not allegiance
        ):
            return False
        current = current.head
    return True


def _member_of(head: Token, token: Token, ref: MentionRef) -> list[_Found]:
    entity = ref.entity
    if (
        not entity.actor
        or entity.kind not in _ORG_KINDS
        or ref.start < head.idx
        or not _attached_by_preposition(token, head)
    ):
        return []
    start = _phrase_start(head)
    # The body's own name may be long; the member's words before it are few.
    if ref.start - start > MAX_MEMBER_CHARS:
        return []
    return [
        _Found(
            start, ref.end, entity.kind, entity.actor, entity.country, entity.sector, entity.name
        )
    ]


# The sectors of the state offices a party's members are elected to ("Republican senators"
# sit in the legislature, "a Democratic governor" governs; a party names no one's soldiers,
# spies or lawyers: "Democratic operatives" and "the RNC counsel" work for the party); and
# the words for a party's own people, who act for the party ("Republican leaders", "GOP
# officials", "Democratic delegates").
_OFFICE_SECTORS = frozenset(("GOV", "LEG"))
_PARTY_OWN_WORDS = frozenset(
    ("leader", "leadership", "official", "member", "delegate", "delegation", "chairman",
     "chair", "head", "chief", "secretary", "spokesman", "spokeswoman", "spokesperson")
)  # fmt: skip
_PARTY_SECTOR = "PTY"


def _party_office(
    head: Token, token: Token, ref: MentionRef, sector: str | None, kb: KnowledgeBaseLike
) -> list[_Found]:
    """Holders of a state office named by their party ("Republican senators", "Democratic
    governors", "GOP lawmakers"): the office's sector of the party's country (USALEG, as
    PETRARCH codes "senators" with the country its phrase names), not the party, for whom
    the office holders do not act. Only the party written before the noun as its modifier;
    the party's own people ("Republican leaders", "party officials") stay the party's. The
    mention is the noun's own words, as ``_people_of_body`` makes it: the party keeps its
    name."""
    entity = ref.entity
    if (
        sector not in _OFFICE_SECTORS
        # "Democrat Patty Judge": a capitalised noun is a name, not an office.
        or not head.text.islower()
        or entity.sector != _PARTY_SECTOR
        or not entity.country
        or token.i > head.i
        or token.dep_ not in MODIFIER_DEPS
        or head.lemma_.lower() in _PARTY_OWN_WORDS
        or head.lower_ in _PARTY_OWN_WORDS
        # "Republican national security officers": the sector is a term's ("security
        # officer"), not the office the noun names ("Democratic state lawmakers" are LEG
        # either way).
        or _term_sector(head, kb) not in (None, kb.role_sector(head.lemma_))
    ):
        return []
    country = kb.country_by_code(entity.country)
    if country is None:
        return []
    start = _modified_start(head, lambda child: child.i <= token.i)
    return [
        _Found(
            start, head.idx + len(head), "group", country.code + sector, country.iso3, sector, ""
        )
    ]


def _modified_start(head: Token, stop: Callable[[Token], bool]) -> int:
    """Where the head's run of modifiers begins, walking left from the head until a child
    that is no modifier or that ``stop`` refuses."""
    start = head.idx
    for child in sorted(head.lefts, key=lambda c: -c.i):
        if child.dep_ not in MODIFIER_DEPS or stop(child):
            break
        start = child.idx
    return start


def _people_of_body(
    head: Token,
    token: Token,
    ref: MentionRef,
    sector: str | None,
    mentions: MentionIndex,
    kb: KnowledgeBaseLike,
) -> list[_Found]:
    """People of a sector who belong to a country's body without acting for it: "workers of
    the Kangson Steel Complex", "students of Kim Il Sung University", "Republican voters",
    "the GOP nominee" are that country's workers, students, civilians, elite (its country +
    the head's sector, as the real-text gold codes them), not the body. Only a body the stage
    placed in a country, not a state body, named through "of", "from", "at" or as the head's
    modifier; the mention is the head's own words, which the body's name does not cover."""
    entity = ref.entity
    if (
        sector is None
        # "organizations of the union" are its own branches; "service persons of the army"
        # and "staff of the ministry" act for a state body (``_member_of``'s sectors).
        or sector == "NGO"
        or entity.sector in _MEMBER_SECTORS
        or entity.kind not in ("organization", "media")
        or not entity.actor
        or not entity.country
        or _outsiders(head)
        or not _nationality_path(token, head)
    ):
        return []
    country = kb.country_by_code(entity.country)
    if country is None:
        return []
    start = _modified_start(head, lambda child: _covered(child, mentions))
    end = head.idx + len(head)
    return [_Found(start, end, "group", country.code + sector, country.iso3, sector, "")]


def _country_groups(
    head: Token, token: Token, sector: str, mentions: MentionIndex, kb: KnowledgeBaseLike
) -> list[_Found]:
    members = [token, *(c for c in list_members(token) if c.i != token.i)]
    refs = [m for m in (mentions.at(t.idx, t.idx + len(t)) for t in members) if m]
    refs = [m for m in dict.fromkeys(refs) if _bare_country(m)]
    nearest = min(refs, key=lambda m: min(abs(m.start - head.idx), abs(m.end - head.idx)))
    # "Doctors from a French charity": the country names the charity, whose own sector
    # (NGO) is what the doctors act for, and the mention runs to it.
    via = token.head
    via_sector = None
    if via.i != head.i and via.i > head.i and token.dep_ in ("amod", "compound", "nmod"):
        via_sector = kb.role_sector(via.text) or kb.role_sector(via.lemma_)
    out = []
    for member in refs:
        start, end = member.start, member.end
        if member is nearest:
            start, end = min(start, head.idx), max(end, head.idx + len(head))
            if via_sector is not None:
                end = max(end, via.idx + len(via))
        if end - start > MAX_GROUP_CHARS:
            continue
        own = via_sector if member is nearest and via_sector is not None else sector
        code = f"{member.entity.actor}{own}"
        out.append(_Found(start, end, "group", code, member.entity.country, own, ""))
    return out


def _title(noun: Token) -> bool:
    """A role noun that is a named person's title ("Russia's envoy Oleg Sidorov", "Keita,
    a professor at ..."): the entity stage made it the person's role, not an actor."""
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    named_next = following is not None and following.pos_ == "PROPN"
    if following is not None and sent_to_then_named(noun.doc, noun.i + 1):
        return True
    return named_next or noun.dep_ in ("compound", "appos")


def _bare_country(ref: MentionRef) -> bool:
    """A country's (or a dictionary actor's) code without a sector; not an organisation or
    a person of several words that the stage could place only in a country ("the
    Anti-Imperialist Forum of Germany" is coded DEU, and its members are not Germany's
    government). A one-word name the model took for a person or an organisation and a
    dictionary codes as a country ("Arnor") is still the country."""
    entity = ref.entity
    code = entity.actor
    if not code or len(code) != COUNTRY_CODE_LENGTH:
        return False
    return entity.kind not in ("organization", "media", "person") or " " not in entity.name


def list_members(token: Token) -> list[Token]:
    """``token`` and the members of the list it heads ("Arnor, Gondor and Rohan"), in order."""
    out, stack = [], [token]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(c for c in current.children if list_member(c))
    return sorted(out, key=lambda t: t.i)


# ---- entities ----------------------------------------------------------------------------


def _named_before(pool: list[Entity], item: _Found, words: str) -> int | None:
    """The coded body whose name the text already gave to the words a dictionary names
    ``item``: that body again, whatever the dictionaries file the bare name under ("the
    ROK ... its Joint Chiefs of Staff ... Its Joint Chiefs of Staff" is the ROK's both
    times, not the second time the United States' body listed as "Joint Chiefs of Staff")."""
    if item.kind != "organization":
        return None
    return next(
        (n for n, e in enumerate(pool) if e.kind == item.kind and e.actor and e.name == words),
        None,
    )


def _merge(entities: tuple[Entity, ...], found: list[_Found], text: str) -> tuple[Entity, ...]:
    """Move the words of each found actor out of the mentions they overlap (an uncoded name,
    a country inside a group's words) and into the entity of the same kind and code, else a
    new entity; drop entities left without mentions, and renumber all in order of first
    mention (affiliations follow their entity)."""
    if not found:
        return entities
    pool = [_without(entity, found) for entity in entities]
    emptied = [
        n
        for n, (e, before) in enumerate(zip(pool, entities, strict=True))
        if before.mentions and not e.mentions
    ]
    for item in found:
        mention = Mention(item.start, item.end, text[item.start : item.end])
        same = _named_before(pool, item, mention.text)
        if same is None:
            same = next(
                (
                    n
                    for n, e in enumerate(pool)
                    if e.actor == item.code
                    and e.kind == item.kind
                    # Two places in one country are two places ("Zurich", "Geneva"), two
                    # people with one code two people ("Kim Jong Un", "Choe Ryong Hae": PRK),
                    # and two bodies or outlets two ("the Republicans" and "the Democrats":
                    # USAPTY; KCNA and the Korean News Service: PRKMED).
                    and (
                        item.kind not in ("location", "person", "organization", "media")
                        or e.name == item.name
                    )
                ),
                None,
            )
        if same is not None:
            entity = pool[same]
            if not any(m.start <= mention.start and mention.end <= m.end for m in entity.mentions):
                # The entity's own words inside the new mention give way to it ("French
                # charity" inside "Doctors from a French charity").
                kept = [
                    m
                    for m in entity.mentions
                    if not (mention.start <= m.start and m.end <= mention.end)
                ]
                mentions = tuple(sorted((*kept, mention), key=lambda m: m.start))
                pool[same] = replace(entity, mentions=mentions)
            continue
        pool.append(
            Entity(
                id=f"new{len(pool)}",
                name=item.name or mention.text,
                kind=item.kind,
                actor=item.code,
                country=item.country,
                roles=(),
                affiliation=None,
                mentions=(mention,),
                sector=item.sector,
            )
        )
    # An entity that lost its words and got none back is gone.
    gone = {pool[n].id for n in emptied if not pool[n].mentions}
    return _renumber([e for e in pool if e.id not in gone])


def _without(entity: Entity, found: list[_Found]) -> Entity:
    """The entity without the mentions a found actor takes over: an uncoded entity's words,
    or its own country's words inside a group ("Israeli" in "Israeli soldiers")."""
    code = entity.actor
    spans = [
        (item.start, item.end)
        for item in found
        if not code
        or (len(code) == COUNTRY_CODE_LENGTH and item.code.startswith(code))
        # A member phrase that grows a body's mention replaces it ("the General Staff of
        # the KPA" takes the place of "KPA" in the army's entity).
        or (item.code == code and item.kind == entity.kind and item.kind != "group")
    ]
    kept = tuple(m for m in entity.mentions if not any(m.start < e and s < m.end for s, e in spans))
    return entity if len(kept) == len(entity.mentions) else replace(entity, mentions=kept)


def _renumber(pool: list[Entity]) -> tuple[Entity, ...]:
    def first(item: tuple[int, Entity]) -> tuple[int, int]:
        return min((m.start for m in item[1].mentions), default=0), item[0]

    ordered = sorted(enumerate(pool), key=first)
    ids = {entity.id: f"e{n}" for n, (_, entity) in enumerate(ordered, start=1)}
    # An affiliation to an entity that lost all its mentions is dropped with it.
    renumbered = []
    for _, entity in ordered:
        new_id = ids[entity.id]
        affiliation = ids.get(entity.affiliation) if entity.affiliation else None
        if new_id != entity.id or affiliation != entity.affiliation:
            entity = replace(entity, id=new_id, affiliation=affiliation)
        renumbered.append(entity)
    return tuple(renumbered)
