"""Candidate mentions: spaCy's entity spans, trimmed and typed with the knowledge base, plus
the short forms the model misses ("the North", "the South").

A candidate is internal to the stage; ``parley.entities.cluster`` groups candidates into the
contract's Entity records. Candidates never overlap: each character of the text belongs to at
most one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Container
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from parley.entities.context import written_against
from parley.entities.kbtypes import CountryLike, KnowledgeBaseLike
from parley.entities.lexicon import Lexicon
from parley.entities.phrases import DocPhrases, RegionalPhrases, RoleSpans
from parley.nlp.index import ParseIndex

__all__ = [
    "MEETING_NAMES",
    "Candidate",
    "collect_candidates",
    "family_name",
    "find_name_repeats",
    "ordinal_word",
    "sent_to_then_named",
]

# spaCy labels that can name an actor or a place; the rest (DATE, MONEY, ...) cannot.
_LABELS = frozenset(("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"))
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
# An opening quotation mark the model took into a name: North Korean media quote the names
# of bodies they scorn ('the "Saenuri Party"', 'the "National Security Law"').
_LEADING_QUOTE = re.compile(r"^[\"“]+")
# A possessive, a dangling hyphen ("N. Korea-US" gives "N. Korea-"), closing punctuation;
# not a full stop, which belongs to "U.S." and "Co."
_TRAILING = re.compile(r"(?:['’]s?|[-‐–—]|[\s,;:!?\"”()\[\]])+$")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z](?:[\w'’-]*\w)?")
_POSSESSIVE_END = re.compile(r"['’]s$")
_NEXT_CAPITAL = re.compile(r"\s+[A-Z]")


@dataclass(slots=True)
class Candidate:
    """One mention before grouping. Mutable while the stage types it; never leaves it."""

    start: int
    end: int
    text: str
    label: str  # the spaCy label, or REGION for "the North" and the like
    kind: str  # person | organization | media | country | location | group | other
    sentence: int  # index of the sentence it is in
    country: CountryLike | None = None  # for country, group and capital mentions
    sector: str | None = None  # for group mentions ("Chinese troops": MIL)
    roles: list[str] = field(default_factory=list)
    former_roles: list[str] = field(default_factory=list)
    title_country: CountryLike | None = None  # "US" in "US Secretary of State Mike Pompeo"
    # The country of a past office ("Maryland" in "former Maryland Gov. X"): an elite of it.
    former_country: CountryLike | None = None
    # Whether the text names a place for a past office that gives no country known here
    # ("Former USSR Foreign Minister X"): the article's own country is not it.
    former_placed: bool = False
    located: CountryLike | None = None  # "in South Korea" right after an organisation
    affiliation: Candidate | None = None
    alias_of: Candidate | None = None  # "VOA" in "the Voice of America (VOA)"
    relative: Candidate | None = None  # "Zhou Baozhong" in "Zhou Wei, daughter of Zhou Baozhong"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without a leading quotation mark or "the", or a trailing possessive, hyphen
    or punctuation."""
    piece = text[start:end]
    for lead_pattern in (_LEADING_QUOTE, _LEADING_THE, _LEADING_QUOTE):
        lead = lead_pattern.match(piece)
        if lead and lead.end() < len(piece):
            start += lead.end()
            piece = piece[lead.end() :]
    tail = _TRAILING.search(piece)
    if tail:
        end -= len(piece) - tail.start()
    return start, end


def _known_name_end(ctx: _Context, ent: Span, surface: str) -> int | None:
    """Where a Korean name the model cut before its last syllable ends: "Choe Son" + "Hui"
    (which it took for the Hui people), when the knowledge base knows the whole name as a
    person's."""
    doc = ctx.parse.doc
    if len(ent) != 2 or doc[ent.start].text not in ctx.lex.family_first or ent.end >= len(doc):
        return None
    after = doc[ent.end]
    if not (after.text.isalpha() and after.text.istitle()):
        return None
    known = ctx.kb.actor(f"{surface} {after.text}")
    return after.idx + len(after.text) if known is not None and known.kind == "person" else None


def _is_stopped(ent: Span, text: str, whole: str, lex: Lexicon) -> bool:
    """``text``: the name as kept (trimmed); ``whole``: the model's whole span."""
    if text.casefold() in lex.stop_entities or not _HAS_LETTER.search(text):
        return True
    # Page stamps ("KST Modified"), and social handles and addresses ("Twitter @NolteNC"),
    # which the model reads as names. Most names hold none of these strings at all, and
    # then no token object need be made.
    if not any(mark in whole for mark in ("@", "#", "://", *lex.stop_tokens)):
        return False
    return any(
        token.text in lex.stop_tokens or token.text[:1] in "@#" or "://" in token.text
        for token in ent
    )


# The conjunctions of a list of adjectives ("Civic and public elders").
_ADJECTIVE_CONJUNCTIONS = frozenset(("and", "or"))


def _coordinated_adjective(doc: Doc, ent: Span, kb: KnowledgeBaseLike) -> bool:
    """Whether the model took a sentence's first word for a name only because of its
    capital: an adjective in a list with a lower-case one ("Civic and public elders in south
    Korea", "Civic and social organizations") describes the people after it and names no
    one. A demonym in such a list ("British and foreign companies") still names a country."""
    if len(ent) != 1 or not ent[0].is_sent_start or ent[0].tag_ != "JJ":
        return False
    i = ent.end
    if i + 1 >= len(doc) or doc[i].lower_ not in _ADJECTIVE_CONJUNCTIONS:
        return False
    if not doc[i + 1].text.islower():
        return False
    return kb.country_by_demonym(ent.text) is None and kb.actor(ent.text) is None


# The parts of speech a sentence's first word glued to a name may be: not a name's own
# words ("Kim", "Jong"), nor a title ("President"), which the title rules take off.
_GLUED_OPENING_POS = frozenset(("VERB", "AUX", "ADV", "ADP", "SCONJ", "CCONJ", "PRON", "DET"))


def _glued_opening_word(ent: Span) -> bool:
    """Whether a person's name begins with its sentence's first word, not a name's word: a
    verb or other function word ("Entrusting Donald Trump", "Meanwhile Ted Cruz") before at
    least two words of the name, each a proper noun."""
    first = ent[0]
    return (
        len(ent) >= 3
        and first.is_sent_start is True
        and first.pos_ in _GLUED_OPENING_POS
        and all(token.pos_ == "PROPN" for token in ent[1:])
    )


def _followed_by_name(doc: Doc, ent: Span) -> bool:
    """True when a capitalised word the model left out continues the name: "Washington"
    tagged alone in "Washington Post" is a newspaper's name, not the US government."""
    if ent.end >= len(doc):
        return False
    nxt = doc[ent.end]
    return nxt.text[:1].isupper() and nxt.pos_ in ("PROPN", "NOUN") and not nxt.is_sent_start


def _place_name(surface: str, lex: Lexicon) -> bool:
    """Whether a name is a line or zone on a map by its last words ("the Military Demarcation
    Line", "the Demilitarized Zone"): a place, whatever label the model gave it."""
    words = tuple(surface.split())
    return any(words[-len(end) :] == end for end in lex.place_name_ends if len(words) >= len(end))


def _is_place_use(doc: Doc, ent: Span, lex: Lexicon) -> bool:
    """True when a capital stands for the place ("talks in Seoul", "visited Beijing")."""
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in lex.location_heads:
        return True
    root = ent.root
    if root.dep_ == "compound" and root.head.pos_ == "NOUN" and not _names_actors(root.head, lex):
        # "the Paris attacks", "the Beijing talks": a capital before a thing is where it
        # happened; before a body ("the Seoul authorities") it is the government.
        return True
    return root.dep_ in ("pobj", "dobj") and root.head.lower_ in lex.location_heads


def _names_actors(noun: Token, lex: Lexicon) -> bool:
    """Whether a common noun names people or a body ("authorities", "officials", "envoy",
    "embassy", "side"), the words a capital before it can stand for a government of."""
    lower, lemma = noun.lower_, noun.lemma_.lower()
    return any(
        word in lex.group_nouns
        or word in lex.member_nouns
        or word in lex.context_words
        or word in lex.kind_nouns
        or word in lex.media_nouns
        or word in lex.roles_folded
        or word.capitalize() in lex.title_heads
        or word.capitalize() in lex.org_words
        or word in ACTING_NOUNS
        for word in (lower, lemma)
    )


# The longest role title the group rule tries, in tokens ("Minister of National Defense").
_LONGEST_ROLE = 6
# Nouns for a party that no word list holds: "the Seoul side", "the Washington camp".
ACTING_NOUNS = frozenset(("side", "sides", "camp", "circles"))
_POSSESSIVE_TOKENS = frozenset(("'s", "’s", "'", "’"))


# How many words after "of" may name what a body is ("Ministry of National Defense").
_LONGEST_OF_PART = 3


def _of_part_end(doc: Doc, i: int, kb: KnowledgeBaseLike) -> tuple[int, str] | None:
    """ "Ministry" + "of Defense": the end of the body's full name and its sector, when the
    words after "of" are capitalised and the whole name tells a sector of its own."""
    if i + 1 >= len(doc) or doc[i].lower_ != "of":
        return None
    end = i + 1
    while end < len(doc) and end - i <= _LONGEST_OF_PART and doc[end].text[:1].isupper():
        end += 1
    if end == i + 1:
        return None
    name = doc[i - 1 : end].text
    sector = kb.organization_sector(name)
    return (end, sector) if sector else None


def _group_noun_end(
    doc: Doc, ent: Span, lex: Lexicon, roles: RoleSpans, kb: KnowledgeBaseLike
) -> tuple[int, str | None] | None:
    """End token and sector of what a country or demonym qualifies, when that is an actor
    without a name: a collective noun ("Chinese troops", "Sudan's government", "Israel's
    high court") or a title with no name after it ("Iraq's national security advisor",
    "the US commander in Iraq"). A title followed by a name is the name's (see titles)."""
    i = ent.end
    if i < len(doc) and doc[i].text in _POSSESSIVE_TOKENS:
        i += 1
    # One adjective may stand between: "Romania's new government", "Israel's high court";
    # unless it starts a title of its own ("the Cuban permanent representative" is a state's
    # envoy, not a "representative" in a lower house).
    if (
        i + 1 < len(doc)
        and doc[i].pos_ == "ADJ"
        and doc[i].lower_ not in lex.group_nouns
        and roles.longest_from(i, _LONGEST_ROLE) is None
    ):
        i += 1
    if i >= len(doc):
        return None
    noun = _group_noun_at(doc, i, lex)
    if noun is not None:
        # "South Korea's Ministry of Defense": the body's full name says its sector.
        named = _of_part_end(doc, i + 1, kb) if doc[i].text[:1].isupper() else None
        if named is not None:
            return named
        end, sector = noun
        # Nouns in a row are one actor ("the ROK puppet air force", "government troops"):
        # a state's branch is named by the more specific noun, so a GOV word gives way to
        # the next one's sector, and a first one of another sector stays ("military
        # officials" are the military). State media's "puppet forces", "puppet army" stay
        # the puppet regime's, as "the puppet group" of the same reports is (the event
        # merge joins reports by their actors' codes).
        while end < len(doc) and (more := _group_noun_at(doc, end, lex)) is not None:
            if doc[end - 1].lower_ in _EPITHETS and more[0] == end + 1:
                break
            end, sector = more[0], (more[1] or sector) if sector in (None, "GOV") else sector
        return end, sector
    if doc[i].lower_ not in lex.role_first_words:
        return None
    title = roles.longest_from(i, _LONGEST_ROLE)
    if title is None:
        return None
    end, sector = title
    after = doc[end] if end < len(doc) else None
    # A name after it, or "of"/"for" continuing a longer title: not a nameless actor.
    if after is not None and (after.pos_ == "PROPN" or after.lower_ in ("of", "for")):
        return None
    if sent_to_then_named(doc, end):
        return None
    return end, sector


def sent_to_then_named(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a "to" after a title that names the country an envoy is sent
    to, with a name after it ("Ambassador to Italy Han Tae Song", "Ambassador to the DPRK
    Liu Hongcai"): three capitalised words or more; "the Ambassador to the United Nations"
    has two. The title is the person's (``titles``), not a nameless actor. Only a capitalised
    title and a lower-case "to": a headline's "Allow People To Die On ..." is neither."""
    if i < 1 or i >= len(doc) or doc[i].text != "to" or not doc[i - 1].text[:1].isupper():
        return False
    i += 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    capitalised = 0
    while i < len(doc) and doc[i].text[:1].isupper() and capitalised < 3:
        capitalised += 1
        i += 1
    return capitalised >= 3


# Group nouns that are state media's epithets for a whole regime ("the south Korean puppets").
_EPITHETS = frozenset(("puppet", "puppets"))


def _group_noun_at(doc: Doc, i: int, lex: Lexicon) -> tuple[int, str | None] | None:
    """End token and sector of the group noun at token ``i``: two words ("air force")
    before one."""
    if i + 1 < len(doc):
        two = f"{doc[i].lower_} {doc[i + 1].lower_}"
        if two in lex.group_nouns:
            return i + 2, lex.group_nouns[two]
    word = doc[i].lower_
    return (i + 1, lex.group_nouns[word]) if word in lex.group_nouns else None


# How far a body's name may run past the country that starts it, in tokens ("Thailand-DPRK
# Friendship Association" 4, "Iceland-DPRK Friendship and Cultural Society" 6, "Ethiopian Youth
# Study Group of the Juche Idea" ... ends at "Group").
_LONGEST_BODY = 10
_BODY_JOINERS = frozenset(("of", "for", "and", "the", "with"))
_HYPHENS = frozenset(("-", "‐", "–"))


def _body_name_end(doc: Doc, ent: Span, lex: Lexicon) -> int | None:
    """End token of an organisation's name that a country or demonym starts and the model
    left out: "Thailand" + "-DPRK Friendship Association", "Iceland" + "-DPRK Friendship and
    Cultural Society". The name runs over capitalised words (and "of", "for", "and", "the",
    "with" between them) and ends at the last word that names a kind of body
    (``org_words.tsv``: Association, Society, Committee, Union, Party...); None when no such
    word comes, so a country before other capitalised words ("Korea Friday") stays a country."""
    best: int | None = None
    i = ent.end
    limit = min(len(doc), ent.end + _LONGEST_BODY)
    while i < limit:
        token = doc[i]
        word = token.text
        if word in _HYPHENS or word in _POSSESSIVE_TOKENS:
            if i == ent.end and word in _POSSESSIVE_TOKENS:
                return None  # "Japan's Liberal Democratic Party": the model's own name
            i += 1
            continue
        if word.lower() in _BODY_JOINERS and i > ent.end:
            i += 1
            continue
        if not word[:1].isupper() or token.is_sent_start:
            break
        if word in lex.org_words and lex.org_words[word][0] == "organization":
            best = i + 1
        i += 1
    return best


def _cut_name_end(doc: Doc, ent: Span, lex: Lexicon) -> int | None:
    """End token of an organisation's name the model cut short of its last word, which names
    the kind of body (``org_words.tsv``): "the Pan-national" + "Alliance", "the Down" +
    "-with-Imperialism League". The name runs on over the hyphens and the pieces glued to them
    and over capitalised name words (no verb: "WPK Delegation Leaves ..." is a headline), but
    over no small word between spaces: "the SPA and the Cabinet" are two bodies, and a name
    going on with "for" or "of" is made whole later (``extend_org_names``). An organisation
    the model tagged right after is the rest of the same name, cut in two."""
    if ent[-1].lower_ in _BODY_JOINERS:
        return None  # "School of the" + "WPK": what the body belongs to (apply_of_phrases)
    best: int | None = None
    for i in range(ent.end, min(len(doc), ent.end + _LONGEST_BODY)):
        token = doc[i]
        glued = i > 0 and doc[i - 1].text in _HYPHENS and not doc[i - 1].whitespace_
        if token.text in _HYPHENS and not token.whitespace_:
            continue
        if not glued and not _name_word(token):
            break
        if token.ent_iob_ == "B" and token.ent_type_ == "ORG":
            # The model split one name in two ("Communist Workers'" + "Party of Belarus"):
            # the second piece ends it.
            return _ent_end(doc, i)
        if _body_word(token, lex):
            best = i + 1
    return best


def _ent_end(doc: Doc, i: int) -> int:
    """End token of the model's entity that starts at token ``i``."""
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _is_body_event(ent: Span, lex: Lexicon) -> bool:
    """An organisation the model took for an event: "the Vietnam-Laos Friendship Association"
    tagged EVENT. A name ending in a word for a kind of body names the body."""
    return ent.label_ == "EVENT" and _body_word(ent[-1], lex)


def _hyphen_after(doc: Doc, ent: Span) -> bool:
    """Whether a hyphen is glued to the span's last word ("Down-with-...")."""
    return ent.end < len(doc) and doc[ent.end].text in _HYPHENS and not doc[ent.end - 1].whitespace_


# How many capitalised words a body's name may run on after a person's name in it ("General
# Kim Jong Il" + "Peruvian Amicable Institute").
_LONGEST_NAMED_BODY = 4
# Parts of speech a name's words have; a verb ends it ("Kim Jong Un Visits ...", a headline).
_NAME_WORD_POS = frozenset(("PROPN", "ADJ", "NOUN"))


def _person_named_body(ctx: _Context, ent: Span) -> tuple[int, int] | None:
    """Token bounds of a body named after a person, which the model read as the person: "the
    General Kim Jong Il Peruvian Amicable Institute" (the model's "Kim Jong Il"), "the Kazakh
    Kim Jong Il Association". The name runs on over the capitalised words right after the
    person's (no "of": "Kim Jong Un of the Workers' Party" is the man) to a word that names a
    kind of body (``org_words.tsv``), and back over the title, demonym or "International"
    right before it that no other name holds; its country and sector are then read off its
    own words, never the person's code. None: the span ends in no such word."""
    doc, lex = ctx.parse.doc, ctx.lex
    end = ent.end
    if not _body_word(ent[-1], lex):
        last = None
        for i in range(ent.end, min(len(doc), ent.end + _LONGEST_NAMED_BODY)):
            token = doc[i]
            if not _name_word(token):
                break
            if _body_word(token, lex):
                last = i + 1
        if last is None:
            return None
        end = last
    start = ent.start
    while start > 0 and _body_modifier(doc[start - 1], ctx):
        start -= 1
    return start, end


def _body_modifier(token: Token, ctx: _Context) -> bool:
    """A word before a person's name that belongs to the body's name: the person's title
    ("General"), a demonym ("Kazakh"), "International"; a headline's verb does not."""
    if not _name_word(token) or token.ent_type_:
        return False
    word = token.text
    return (
        word.casefold() in ctx.lex.roles_folded
        or word in ctx.lex.supranational_words
        or ctx.kb.country_by_demonym(word) is not None
    )


def _name_word(token: Token) -> bool:
    """A capitalised word that may go on a name: not a sentence's first ("The"), no verb."""
    return token.text[:1].isupper() and not token.is_sent_start and token.pos_ in _NAME_WORD_POS


def _body_word(token: Token, lex: Lexicon) -> bool:
    found = lex.org_words.get(token.text)
    return found is not None and found[0] == "organization"


def _role_of_start(doc: Doc, ent: Span, roles: RoleSpans) -> tuple[int, str] | None:
    """Start token and sector of "the president of Armenia", "the Ambassador of Morocco"."""
    i = ent.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ != "of":
        return None
    return roles.longest_to(i, _LONGEST_ROLE)


def _coordinate_groups(text: str, cands: list[Candidate]) -> None:
    """ "Hungarian and Romanian officials", "U.S. and Russian negotiators": the first
    demonym shares the collective noun of the second."""
    for first, second in pairwise(cands):
        if (
            first.kind == "country"
            and second.kind == "group"
            and second.sector is not None
            and first.label != "REGION"
            and re.fullmatch(r"\s*(?:and|or|,)\s*", text[first.end : second.start])
        ):
            first.kind, first.sector = "group", second.sector


def _demonym(surface: str, kb: KnowledgeBaseLike) -> CountryLike | None:
    """The country of a demonym written as one (capitalised adjective, no plural noun)."""
    if not surface[:1].isupper():
        return None
    return kb.country_by_demonym(surface)


@dataclass(frozen=True, slots=True)
class _Context:
    """What every candidate rule reads: the parse, the knowledge and the document's titles."""

    parse: ParseIndex
    kb: KnowledgeBaseLike
    lex: Lexicon
    roles: RoleSpans


def _is_pronoun(ent: Span, lex: Lexicon) -> bool:
    """ "HE", "HIS" in capitals, which the model may read as a name: a pronoun the parser
    tags as one stays a pronoun (the pronoun rule may link it to a person), so that one
    span never belongs to two entities."""
    return len(ent) == 1 and ent[0].lower_ in lex.pronouns and ent[0].pos_ in ("PRON", "DET")


_DIRECTIONS = frozenset(("south", "north", "east", "west"))


def _with_direction(
    ctx: _Context, ent: Span, start: int, end: int, surface: str
) -> tuple[int, str]:
    """Start and text of a name the model cut after a lower-case direction: North Korean
    state media write "south Korea" and "south Korean", which the model reads as "Korea"
    and "Korean" (a word that alone names no one country)."""
    if ent.start == 0 or start != ent.start_char:
        return start, surface
    before = ctx.parse.doc[ent.start - 1]
    if before.text not in _DIRECTIONS:
        return start, surface
    longer = ctx.parse.text[before.idx : end]
    # The whole name ("south Korea") or its first word ("south Korean Ministry of ...").
    first = f"{before.text} {surface.split()[0]}" if surface.split() else ""
    kb = ctx.kb
    if not any(kb.country(t) or kb.country_by_demonym(t) for t in (longer, first) if t):
        return start, surface
    return before.idx, longer


# A capitalised word glued to a dash right before a name: "--Kim" of "(KCNA) --Kim Jong Un".
_DASHED_NAME = re.compile(r"(?<!\w)(?:--|[–—])([A-Z][a-z]+)[ ]+$")


_ORDINAL = re.compile(
    r"\d+(?:st|nd|rd|th)|(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|eleventh|twelfth|thirteenth|fourteenth|fifteenth|twentieth)"
)


# Bodies whose name, after an ordinal, is one of their numbered meetings: "the 8th Congress
# of the WPK" (not the US Congress); "the 12th SPA", a body's term, stays the body.
MEETING_NAMES = frozenset(("congress",))


def ordinal_word(token: Token) -> bool:
    """Whether a token is an ordinal ("Sixth", "8th", "19th")."""
    return _ORDINAL.fullmatch(token.text) is not None


def _common_noun_of_a_name(surface: str, kb: KnowledgeBaseLike) -> bool:
    """Whether a lower-case word the model tagged as an organisation is a common noun that
    the knowledge base knows only as a proper name: "the congress" of a party (North Korean
    media write every party's congress so) is not "Congress", the US legislature."""
    if not surface.islower() or " " in surface:
        return False
    actor = kb.actor(surface)
    return actor is not None and not actor.name.islower()


def _from_ent(ctx: _Context, ent: Span) -> Candidate | None:
    doc, text, kb, lex = ctx.parse.doc, ctx.parse.text, ctx.kb, ctx.lex
    country: CountryLike | None = None
    start, end = _trim(text, ent.start_char, ent.end_char)
    if end <= start:
        return None
    surface = text[start:end]
    whole = text[ent.start_char : ent.end_char]
    if _is_stopped(ent, surface, whole, lex) or _is_pronoun(ent, lex):
        return None
    if _coordinated_adjective(doc, ent, kb):
        return None
    label = "ORG" if _is_body_event(ent, lex) else ent.label_
    start, surface = _with_direction(ctx, ent, start, end, surface)
    if label == "PERSON":
        # "(KCNA) --Kim Jong Un": the dash glued to the first name hid it from the model.
        glued = _DASHED_NAME.search(text, max(0, start - 20), start)
        if glued is not None:
            start = glued.start(1)
            surface = text[start:end]
        elif (
            ent.start > 0
            and len(ent) == 2
            and doc[ent.start - 1].text in lex.family_first
            and doc[ent.start - 1].ent_type_ == ""
            and start == ent.start_char
            and (
                # "So Kil Bok", but not "So Hillary Clinton": a family name that is also
                # an English word only before two given-name syllables.
                not doc[ent.start - 1].is_stop or all(t.text in lex.korean_syllables for t in ent)
            )
        ):
            # "Choe Ryong Hae", "Ri Thae Myong": the model often leaves a Korean family
            # name out of the two-syllable given name after it.
            start = doc[ent.start - 1].idx
            surface = text[start:end]
        elif (last := _known_name_end(ctx, ent, surface)) is not None:
            end = last
            surface = text[start:end]
        elif _glued_opening_word(ent) and start == ent.start_char:
            # "Entrusting Donald Trump with ...": a sentence's first word, capitalised only
            # for being first, that the model took into the name after it.
            start = ent[1].idx
            surface = text[start:end]
    sentence = ctx.parse.sentence_index(start)

    def make(kind: str, **extra: object) -> Candidate:
        cand = Candidate(start, end, surface, label, kind, sentence)
        for key, value in extra.items():
            setattr(cand, key, value)
        return cand

    if label == "PERSON":
        # The model reads "N. Korea" as a person's initial and name; the KB knows better.
        country = kb.country(surface) or _demonym(surface, kb)
        body = _person_named_body(ctx, ent) if country is None else None
        if body is not None:
            opening, closing = doc[body[0]], doc[body[1] - 1]
            start, end = _trim(text, opening.idx, closing.idx + len(closing))
            return Candidate(start, end, text[start:end], "ORG", "organization", sentence)
        if country is None:
            cut = _cut_name_end(doc, ent, lex) if _hyphen_after(doc, ent) else None
            if cut is None:
                return make("person")
            # "Down" + "-with-Imperialism League": no person's name goes on with a hyphen
            # to the name of a body.
            end = doc[cut - 1].idx + len(doc[cut - 1].text)
            return Candidate(start, end, text[start:end], "ORG", "organization", sentence)
    if label == "FAC" or _place_name(surface, lex):
        return make("location")
    if label == "ORG":
        # "the USA" tagged ORG is still the country; so is a demonym the model took for an
        # organisation ("Ugandan rebels").
        as_country = kb.country(surface) or _demonym(surface, kb)
        if as_country is None and _common_noun_of_a_name(surface, kb):
            return None
        if (
            as_country is None
            and surface.lower() in MEETING_NAMES
            and ent.start > 0
            and ordinal_word(doc[ent.start - 1])
        ):
            # "the 8th Congress of the WPK": a body's numbered meeting, not the body the
            # name alone stands for (the US Congress); the ordinal is part of its name.
            start = doc[ent.start - 1].idx
            surface = text[start:end]
        if as_country is None:
            # A body the knowledge base knows keeps its name and code: capitalised words
            # after it name a part of it, not another body.
            cut = _cut_name_end(doc, ent, lex)
            if cut is not None and kb.actor(surface) is None:
                end = doc[cut - 1].idx + len(doc[cut - 1].text)
                surface = text[start:end]
            return make("organization")
        country = as_country
    if label == "NORP":
        country = kb.country_by_demonym(surface) or kb.country(surface)
        if country is None:
            body_end = _body_name_end(doc, ent, lex)
            if body_end is not None:
                # "Korean" + "Anti-Nuke Peace Committee": a demonym of no one country (the
                # body's country is read later, from its name and the article) starts the
                # name of a body the model left out.
                end = doc[body_end - 1].idx + len(doc[body_end - 1].text)
                return Candidate(start, end, text[start:end], "ORG", "organization", sentence)
            # "Republicans", "Muslims": a group with no country.
            return make("group")
    elif label in ("GPE", "LOC"):
        # "Ukrainian lawmakers", "the Sri Lankan army": demonyms tagged as places.
        country = kb.country(surface) or _demonym(surface, kb)
        if country is None and label == "GPE" and not _followed_by_name(doc, ent):
            capital = kb.country_by_capital(surface)
            if capital is not None and not _is_place_use(doc, ent, lex):
                return make("country", country=capital)
            if capital is not None:
                # The place, not the government: a location, in that country.
                return make("location", country=capital)
        if country is None:
            return make("location")
    if country is None:
        return None
    if written_against(text, start):
        # "the anti-Japanese guerrillas" fought Japan: the country is named, but the people
        # after it are not its own (its fighters, its rebels).
        return make("country", country=country)
    role_of = _role_of_start(doc, ent, ctx.roles)
    if role_of is not None and label != "NORP":
        first, sector = role_of
        start = doc[first].idx
        return Candidate(
            start, end, text[start:end], label, "group", sentence, country=country, sector=sector
        )
    group = _group_noun_end(doc, ent, lex, ctx.roles, kb)
    if group is not None:
        end_tok, noun_sector = group
        end = doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
        # A noun with no sector of its own ("the U.S. imperialists") is the country.
        kind = "group" if noun_sector else "country"
        return Candidate(
            start,
            end,
            text[start:end],
            label,
            kind,
            sentence,
            country=country,
            sector=noun_sector,
        )
    body_end = _body_name_end(doc, ent, lex) if label != "ORG" else None
    if body_end is not None:
        end = doc[body_end - 1].idx + len(doc[body_end - 1].text)
        return Candidate(start, end, text[start:end], "ORG", "organization", sentence)
    return make("country", country=country)


def _korean_names(parse: ParseIndex, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """Korean names written family name first, which the model often misses or cuts: "Han"
    (read as the Han people) + "Sok Nam", "Pak In" + "Chol" (read as a place), or nothing at
    all for "Ri Chang Gi". A family name of ``family_first`` and two given-name syllables
    (``korean_syllables``), one space apart, are one person's name; the model's pieces
    inside it give way. A name the model read as part of a longer one ("Kim Il Sung
    University"), or that another capitalised word goes on, is left as it is, and so is a
    name right after another family name ("Kim Jong Il" read again from "Jong")."""
    families, syllables = lex.family_first, lex.korean_syllables
    if not syllables:
        return cands
    text, lowers = parse.text, parse.lowers
    starts, ends = parse.token_starts, parse.token_ends

    def word(i: int) -> str:
        return text[starts[i] : ends[i]]

    def spaced(i: int) -> bool:  # one space between token i and the next
        return text[ends[i] : starts[i + 1]] == " "

    folded = {name.lower() for name in families}
    found: list[Candidate] = []
    for i in range(len(lowers) - 2):
        if lowers[i] not in folded or word(i) not in families:
            continue
        if word(i + 1) not in syllables or word(i + 2) not in syllables:
            continue
        if not (spaced(i) and spaced(i + 1)):
            continue
        if i > 0 and spaced(i - 1) and word(i - 1) in families:
            continue
        if i + 3 < len(lowers) and spaced(i + 2) and word(i + 3)[:1].isupper():
            continue
        start, end = starts[i], ends[i + 2]
        inside = [c for c in cands if c.start < end and start < c.end]
        if any(c.start < start or c.end > end for c in inside):
            continue
        if any(c.start == start and c.end == end and c.kind == "person" for c in inside):
            continue
        cands = [c for c in cands if not (c.start < end and start < c.end)]
        found.append(
            Candidate(start, end, text[start:end], "PERSON", "person", parse.sentence_index(start))
        )
    return [*cands, *found] if found else cands


def _regional(
    parse: ParseIndex,
    cands: list[Candidate],
    kb: KnowledgeBaseLike,
    found_phrases: list[tuple[int, int, str]],
    regional: RegionalPhrases,
) -> list[Candidate]:
    """ "the North"/"the South" as countries, only where the article names their region;
    of several references with one phrase, the first whose region the article names."""
    named = {c.country.iso3 for c in cands if c.country is not None}
    found: list[Candidate] = []
    for start, end, group in found_phrases:
        for ref in regional.refs[group]:
            country = kb.country_by_code(ref.country) if ref.context & named else None
            if country is None:
                continue
            found.append(
                Candidate(
                    start,
                    end,
                    parse.text[start:end],
                    "REGION",
                    "group" if ref.sector else "country",
                    parse.sentence_index(start),
                    country=country,
                    sector=ref.sector,
                )
            )
            break
    return found


# "the Hungarians of southern Slovakia", "ethnic Russians in eastern Ukraine".
_LIVING_IN = re.compile(
    r"\s+(?:of|in|living\s+in)\s+(?:the\s+)?"
    r"(?:(?:southern|northern|eastern|western|central|north|south|east|west)(?:ern)?\s+)?"
)


def _ethnic_groups(text: str, cands: list[Candidate], kb: KnowledgeBaseLike) -> list[Candidate]:
    """A people named by its plural demonym as living in another country is a group of that
    country's population, not its kin state: "the Hungarians of southern Slovakia" are
    Slovak civilians (SVKCVL), not Hungary."""
    out: list[Candidate] = []
    skip = -1
    for index, cand in enumerate(cands):
        if index == skip:
            continue
        nxt = cands[index + 1] if index + 1 < len(cands) else None
        kin = _kin_states(cand, kb)
        if (
            nxt is not None
            and kin
            and cand.text.endswith("s")
            and kb.country(cand.text) is None
            and nxt.kind in ("country", "location")
            and nxt.country is not None
            and nxt.country.iso3 not in kin
            and _LIVING_IN.fullmatch(text, cand.end, nxt.start) is not None
        ):
            cand.end, cand.text = nxt.end, text[cand.start : nxt.end]
            cand.kind, cand.country, cand.sector = "group", nxt.country, "CVL"
            skip = index + 1
        out.append(cand)
    return out


# Plural nouns of peoples who live as minorities in their neighbours' states: after another
# country's demonym ("Bosnian Serbs", "Kosovo Albanians" are Bosnia's and Kosovo's
# people) they name that country's population. Nouns of civic nations are left out: in
# "Turkish Cypriots", "Korean Americans" the noun names the country and the demonym the
# origin. Written for Parley from the ethnic maps of the Balkans, the Caucasus and Central
# Asia.
_MINORITY_PEOPLES = frozenset(
    (
        "Serbs",
        "Croats",
        "Albanians",
        "Hungarians",
        "Russians",
        "Turks",
        "Armenians",
        "Azeris",
        "Uzbeks",
        "Tajiks",
        "Kazakhs",
        "Romanians",
        "Ukrainians",
        "Slovaks",
        "Poles",
    )
)
# Plural nouns of peoples and faiths with no state of their own: after a country's demonym
# ("Iraqi Kurds", "Sri Lankan Tamils", "Israeli Arabs", "Lebanese Shiites") they name
# that country's population, as the minority peoples above do; alone they stay uncoded.
# Written for Parley from general knowledge of stateless peoples and faith communities.
_STATELESS_PEOPLES = frozenset(
    (
        "Kurds",
        "Tamils",
        "Uighurs",
        "Uyghurs",
        "Chechens",
        "Arabs",
        "Berbers",
        "Pashtuns",
        "Hazaras",
        "Baluchis",
        "Rohingya",
        "Tibetans",
        "Tutsis",
        "Hutus",
        "Druze",
        "Copts",
        "Shiites",
        "Sunnis",
        "Muslims",
        "Moslems",
        "Christians",
        "Hindus",
        "Sikhs",
    )
)
# The capitalised word right before a mention ("Bosnian" + "Serbs").
_WORD_BEFORE = re.compile(r"([A-Z][a-z]+) $")


def people_of_state(demonym: str, people: str, kb: KnowledgeBaseLike) -> CountryLike | None:
    """The country whose population ``people`` are when another country's ``demonym`` comes
    before them ("Bosnian" + "Serbs": Bosnia; "Iraqi" + "Kurds": Iraq), or None."""
    stateless = people in _STATELESS_PEOPLES
    if not stateless and people not in _MINORITY_PEOPLES:
        return None
    home = kb.country_by_demonym(demonym) or kb.country(demonym)
    if home is None or stateless:
        return home
    kin = kb.country_by_demonym(people)
    if kin is None or home.iso3 == kin.iso3:
        return None
    return home


def _peoples_of_states(text: str, cands: list[Candidate], kb: KnowledgeBaseLike) -> list[Candidate]:
    """Make "Bosnian Serbs" (whatever the model took the words for, a person even) a group
    of the people of the country the demonym names, as ``_ethnic_groups`` does for "the
    Hungarians of southern Slovakia": Bosnian civilians, not Serbia. The demonym's own
    candidate ("Iraqi" before "Kurds") goes into the group. (Words the model left untagged
    are found by ``nominal``, through the same ``people_of_state``.)"""
    grown: list[Candidate] = []
    for cand in cands:
        words = cand.text.split()
        if not words or len(words) > 2:
            continue
        if words[-1] not in _MINORITY_PEOPLES and words[-1] not in _STATELESS_PEOPLES:
            continue
        if len(words) == 2:
            start, demonym = cand.start, words[0]
        else:
            before = _WORD_BEFORE.search(text, max(0, cand.start - 30), cand.start)
            if before is None:
                continue
            start, demonym = before.start(1), before[1]
        home = people_of_state(demonym, words[-1], kb)
        if home is None:
            continue
        cand.start, cand.text = start, text[start : cand.end]
        cand.kind, cand.country, cand.sector = "group", home, "CVL"
        grown.append(cand)
    return [
        c
        for c in cands
        if not any(g is not c and g.start <= c.start and c.end <= g.end for g in grown)
    ]


# A demonym before one of these, written in lower case, names a place, not a people: "the
# Korean peninsula" (North Korean media write it so; the model then reads "Korean" alone).
_DEMONYM_PLACE = re.compile(r"\s+peninsula\b", re.IGNORECASE)


def _demonym_places(text: str, cands: list[Candidate]) -> None:
    """Make "Korean" + "peninsula" the place it names, belonging to no one party: a threat
    "on the Korean peninsula" is aimed at no people called Korean."""
    for cand in cands:
        if cand.label != "NORP" or cand.kind not in ("group", "country"):
            continue
        match = _DEMONYM_PLACE.match(text, cand.end)
        if match is None:
            continue
        cand.end, cand.text = match.end(), text[cand.start : match.end()]
        cand.label, cand.kind, cand.country, cand.sector = "LOC", "location", None, None


# A country named right after a place, as KCNA places the ROK's towns: "Kangwon Province of
# south Korea". Not after a comma: "Democratic Congo, Nigeria" is a list of countries.
_PLACE_OF = re.compile(r"\s+of\s+(?:the\s+)?")
# The one or two words right before a place ("south Korean" + "Kangwon Province").
_WORDS_BEFORE = re.compile(r"(?:(\S+)\s)?(\S+) $")


def _qualified_places(text: str, cands: list[Candidate], kb: KnowledgeBaseLike) -> None:
    """Give a place the country its sentence names for it: a demonym right before it ("south
    Korean Kangwon Province") or a country after "of" ("Kangwon Province of south Korea").
    KCNA writes both Koreas' provinces of one name so (the DPRK's Kangwon Province bare, the
    ROK's with its qualifier), and the country named wins over the one the knowledge base
    lists for the name (``cluster._entity``)."""
    for index, cand in enumerate(cands):
        if cand.kind != "location":
            continue
        after = cands[index + 1] if index + 1 < len(cands) else None
        words = _WORDS_BEFORE.search(text, max(0, cand.start - 40), cand.start)
        before = None
        if words is not None:
            pair = f"{words[1]} {words[2]}" if words[1] else None
            before = (kb.country_by_demonym(pair) if pair else None) or _demonym(words[2], kb)
        if before is not None:
            cand.country = before
        elif (
            after is not None
            and after.kind == "country"
            and after.country is not None
            and kb.country_by_demonym(after.text) is None
            and _PLACE_OF.fullmatch(text, cand.end, after.start) is not None
        ):
            cand.country = after.country


def _kin_states(cand: Candidate, kb: KnowledgeBaseLike) -> frozenset[str]:
    """The states a people named by its demonym belongs to: its one country ("Hungarians"),
    or both halves of a divided country whose demonym they share ("Koreans": North and South
    Korean, which the model leaves without a country)."""
    if cand.label != "NORP":
        return frozenset()
    if cand.kind == "country" and cand.country is not None:
        return frozenset({cand.country.iso3})
    if cand.kind != "group" or cand.country is not None or " " in cand.text:
        return frozenset()
    halves = [kb.country_by_demonym(f"{side} {cand.text}") for side in ("North", "South")]
    codes = frozenset(half.iso3 for half in halves if half is not None)
    return codes if len(codes) == 2 else frozenset()


def _join_split_countries(
    text: str, cands: list[Candidate], kb: KnowledgeBaseLike
) -> list[Candidate]:
    """Join a country's name the model cut in two: "Democratic" (which it took for a party)
    + "Congo" is the Democratic Congo when the knowledge base knows the two words together
    as a country's name; each piece alone names another actor or none."""
    out: list[Candidate] = []
    for cand in cands:
        last = out[-1] if out else None
        if (
            last is not None
            and cand.kind in ("country", "location")
            and last.kind != "person"
            and text[last.end : cand.start] == " "
            and (country := kb.country(f"{last.text} {cand.text}")) is not None
        ):
            out[-1] = Candidate(
                last.start,
                cand.end,
                text[last.start : cand.end],
                "GPE",
                "country",
                last.sentence,
                country=country,
            )
            continue
        out.append(cand)
    return out


def _join_cut_bodies(text: str, cands: list[Candidate], bodies: Container[str]) -> list[Candidate]:
    """Join a body's name the model cut at its "and": "Bangladesh-Korea Friendship" +
    "Solidarity Committee" is the Bangladesh-Korea Friendship and Solidarity Committee (the
    first half names no body, the second no one's: its country is in the first). Two
    bodies in a list each end in a word for a body ("the Foreign Ministry and the Defence
    Ministry"), a second that starts with "the" is a body of its own, and so is a first of
    one word ("the House and Senate")."""
    out: list[Candidate] = []
    for cand in cands:
        last = out[-1] if out else None
        if (
            last is not None
            and last.kind == "organization"
            and cand.kind == "organization"
            and text[last.end : cand.start] == " and "
            and len(last.text.split()) >= 2
            and last.text.split()[-1] not in bodies
            and cand.text.split()[-1] in bodies
            and cand.text[:1].isupper()
        ):
            last.end = cand.end
            last.text = text[last.start : last.end]
            continue
        out.append(cand)
    return out


def _merge_parentheticals(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Join "General Association of Korean Residents" + "in Japan", when an alias in
    parentheses follows, and mark the alias ("(VOA)", "(Chongryon)") as the same referent."""
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        cand = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        after = cands[i + 2] if i + 2 < len(cands) else None
        if (
            cand.kind in ("organization", "media")
            and nxt is not None
            and after is not None
            and re.fullmatch(r"\s+(?:in|of)\s+", text[cand.end : nxt.start])
            and re.fullmatch(r"\s*\(", text[nxt.end : after.start])
        ):
            cand.end = nxt.end
            cand.text = text[cand.start : cand.end]
            out.append(cand)
            i += 2
            continue
        if (
            out
            and out[-1].kind in ("organization", "media", "person")
            and re.fullmatch(r"\s*\(", text[out[-1].end : cand.start])
            and text[cand.end : cand.end + 1] == ")"
        ):
            cand.alias_of = out[-1]
            cand.kind = out[-1].kind
        out.append(cand)
        i += 1
    return out


def find_name_repeats(
    parse: ParseIndex,
    cands: list[Candidate],
    family_first: frozenset[str] = frozenset(),
    pairs: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Bare family names the model missed ("Whitcombe told reporters"), when that family name
    belongs to a person named in full in the article. A name followed by another capitalised
    word is someone else's ("Kim Yo-jong" is not Kim Jong-un)."""
    families = {
        family_name(c.text, family_first, pairs)
        for c in cands
        if c.kind == "person" and len(c.text.split()) >= 2 and _HAS_LETTER.search(c.text)
    }
    families = {f for f in families if f[:1].isupper() and len(f) > 1}
    if not families:
        return cands
    text = parse.text
    taken = sorted((c.start, c.end) for c in cands)
    starts = [start for start, _ in taken]
    found: list[Candidate] = []
    # One pass over the capitalised words and a set lookup: an alternation of thousands of
    # names would cost more than the parse on a long article.
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        # "Whitcombe’s": the name without its possessive.
        word = _POSSESSIVE_END.sub("", word) if word not in families else word
        if word not in families or _NEXT_CAPITAL.match(text, match.end()):
            continue
        start = match.start()
        position = bisect_right(starts, start) - 1
        if position >= 0 and taken[position][1] > start:
            continue
        found.append(
            Candidate(
                start, start + len(word), word, "PERSON", "person", parse.sentence_index(start)
            )
        )
    return sorted([*cands, *found], key=lambda c: c.start) if found else cands


def family_name(
    full: str, family_first: frozenset[str] = frozenset(), pairs: frozenset[str] = frozenset()
) -> str:
    """The word a later bare mention uses: the last word, or the first for Korean and
    Chinese names written family name first with a hyphenated given name ("Lee Myung-bak"),
    in three words after a family name of ``family_first`` ("Lee Myung Bak"), or in two
    after one of ``pairs`` ("Wang Yi ... Wang said")."""
    words = full.split()
    if len(words) >= 2 and ("-" in words[1] or "‐" in words[1]):
        return words[0]
    if len(words) == 3 and words[0] in family_first:
        return words[0]
    if len(words) == 2 and words[0] in pairs:
        return words[0]
    return words[-1]


# Nouns for an outlet that a newspaper's name may follow ("the Nepali paper Arpan").
_OUTLET_NOUNS = frozenset(("paper", "newspaper", "daily", "weekly", "magazine"))
# How many words an outlet's name may run to ("Quan Doi Nhan Dan").
_LONGEST_OUTLET = 4
# What the model may take an outlet's name for when no people's word stands before it.
_NAMES_OF_OUTLETS = frozenset(("", "ORG", "WORK_OF_ART", "PRODUCT"))


def _named_outlets(ctx: _Context) -> list[Candidate]:
    """Outlets named after the noun that says what they are: "The Bangladeshi paper Blits",
    "Russian paper Pravda Primoriya", "the Internet paper Saram Ilbo" (433 such phrases in
    the KCNA corpora, most names unknown to the model). The name is the capitalised words
    right after the noun; a demonym before it places the outlet. With no demonym, a name
    the model took for a person or a place is left alone ("the paper Kim Jong Il read")."""
    doc, text, kb = ctx.parse.doc, ctx.parse.text, ctx.kb
    found: list[Candidate] = []
    # The parse index's lower-case words find the nouns without a token object for each word.
    at = [i for i, lower in enumerate(ctx.parse.lowers) if lower in _OUTLET_NOUNS]
    for noun in (doc[i] for i in at):
        if noun.pos_ not in ("NOUN", "ADJ"):
            continue
        end = noun.i + 1
        while (
            end < len(doc)
            and end - noun.i <= _LONGEST_OUTLET
            and doc[end].pos_ == "PROPN"
            and doc[end].text[:1].isupper()
            and doc[end].ent_type_ not in ("DATE", "TIME")
        ):
            end += 1
        if end == noun.i + 1:
            continue
        before = doc[noun.i - 1] if noun.i > 0 else None
        home = kb.country_by_demonym(before.text) if before is not None else None
        labels = {t.ent_type_ for t in doc[noun.i + 1 : end]}
        if home is None and not labels <= _NAMES_OF_OUTLETS:
            continue
        start, stop = doc[noun.i + 1].idx, doc[end - 1].idx + len(doc[end - 1].text)
        sentence = ctx.parse.sentence_index(start)
        cand = Candidate(start, stop, text[start:stop], "ORG", "media", sentence)
        cand.located = home
        found.append(cand)
    return found


# The union noun right after a company's or an outlet's name: "the Hyundai Motor union",
# "MBC trade union", "Samsung workers' union", "the YTN labor union", and the branch of a
# wider one a name heads ("the KBS branch of the media trade union"). Lower-case only: a
# capitalised "Union" ends a body's own name ("the Journalists Union of Korea").
_UNION_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?:(?:trade|labou?r|workers['’]?|employees['’]?)\s+)?(unions?)\b"
    r"|\s+branch\s+of\s+the\s+[^.,;:()]{0,60}?\bunion\b"
)
# The same noun ending a name the model read whole ("Hyundai Motor union").
_UNION_END = re.compile(
    r"(?:['’]s?)?\s+(?:(?:trade|labou?r|workers['’]?|employees['’]?)\s+)?unions?$"
)
# A union noun with the names of its firms or outlets after it ("trade unions of"); not a
# bare "union of", which may join states or bodies ("a monetary union of ...").
_UNIONS_OF = re.compile(
    r"\b(?:(?:trade|labou?r|workers['’]?|employees['’]?)\s+unions?|unions)\s+of\s+(?:the\s+)?\Z"
)
# What must come before that noun for a name to be there: a capitalised word, not the
# noun's own first word ("Trade union" at a sentence's start).
_UNION_NAME = re.compile(r"(?!(?i:(?:the\s+)?(?:trade|labou?r|workers|employees)\b))[A-Z]")
# What joins the names of a list that shares a plural union noun ("KBS, MBC and YTN
# trade unions").
_LIST_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_NAMED_BODIES = frozenset(("organization", "media"))


def named_unions(text: str, cands: list[Candidate], kb: KnowledgeBaseLike) -> list[Candidate]:
    """A company or outlet named right before a union noun names the union, which is labour
    (LAB) of the company's country, not the firm or outlet: "the Hyundai Motor union went on
    strike", "the MBC trade union", "the KBS branch of the media trade union". A list of
    names before a plural union noun is one body of unions ("KBS, MBC and YTN trade unions
    launched strikes"), and so is the list after "unions of" ("trade unions of KBS, MBC and
    YTN"), as the entity stage makes one group of other lists of one country's bodies. The
    mention runs over the names and the union noun; a name the knowledge base places gives
    the country, else the article's is read later (``build_entities``)."""
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        cand = cands[i]
        i += 1
        if cand.kind not in _NAMED_BODIES or cand.label == "REGION":
            out.append(cand)
            continue
        own = _UNION_END.search(cand.text)
        names = [cand]
        start, end = cand.start, cand.end
        if own is not None and _UNION_NAME.match(cand.text[: own.start()]):
            # The model's name took the union noun in: "the Hyundai Motor union".
            names = [
                Candidate(
                    start,
                    start + own.start(),
                    cand.text[: own.start()],
                    cand.label,
                    cand.kind,
                    cand.sentence,
                )
            ]
        elif (before := _UNIONS_OF.search(text, max(0, start - 40), start)) is not None:
            # "trade unions of KBS, MBC and YTN": the names listed after the noun.
            start = before.start()
            while (
                i < len(cands)
                and cands[i].kind in _NAMED_BODIES
                and _LIST_JOINER.fullmatch(text, names[-1].end, cands[i].start)
            ):
                names.append(cands[i])
                i += 1
            end = names[-1].end
        elif (after := _UNION_AFTER.match(text, end)) is not None:
            if after.group(1) == "unions":
                while (
                    out
                    and out[-1].kind in _NAMED_BODIES
                    and _LIST_JOINER.fullmatch(text, out[-1].end, names[0].start)
                ):
                    names.insert(0, out.pop())
            start, end = names[0].start, after.end()
        else:
            out.append(cand)
            continue
        while out and out[-1].start >= start:
            out.pop()
        country = next((c for c in (_name_country(n, kb) for n in names) if c), None)
        union = Candidate(
            start,
            end,
            text[start:end],
            "ORG",
            "group",
            cand.sentence,
            country=country,
            sector="LAB",
        )
        out.append(union)
        # A mention inside the union's words ("south Korean media" in "the KBS branch of
        # the south Korean media trade union") is part of it.
        while i < len(cands) and cands[i].start < end:
            i += 1
    return out


def _name_country(cand: Candidate, kb: KnowledgeBaseLike) -> CountryLike | None:
    """The country of a company or outlet the knowledge base knows, or that its text places."""
    if cand.located is not None:
        return cand.located
    words = cand.text.split()
    known = None
    while words and known is None:
        # A firm is known by its first words too: "Hyundai Motor" is Hyundai's.
        known = kb.actor(" ".join(words))
        words.pop()
    if known is None:
        return None
    if known.country:
        return kb.country_by_code(known.country)
    # A multinational firm's code carries its home ("MNCKOR": Samsung).
    code = known.code or ""
    return kb.country_by_code(code[3:6]) if code.startswith("MNC") and len(code) >= 6 else None


# Country names glued by hyphens, as state media write a pair ("U.S.-ROK alliance",
# "DPRK-China friendship"); the tokenizer keeps "U.S.-ROK" one word (no infix after a dot).
# The word runs are possessive (``*+``): no hyphen is a word character, so giving characters
# back could never let a match happen, and each word without one now fails at once instead
# of backtracking letter by letter (a third less of this search's time on news text).
_GLUED_PAIR = re.compile(r"(?<![\w.-])[A-Za-z][\w.]*+(?:[-‐–][A-Za-z][\w.]*+)+")
_PAIR_WORD_AFTER = re.compile(r" ([A-Z][a-z]+)")
_PAIR_WORD_BEFORE = re.compile(r"(?:^|(?<=\s))(?:[a-z]+|[A-Z][a-z]+) $")
_HYPHEN_SPLIT = re.compile(r"[-‐–]")


def _glued_countries(text: str, kb: KnowledgeBaseLike) -> list[list[tuple[int, int, CountryLike]]]:
    """Each row of countries glued by hyphens, one span per country: "U.S." and "ROK" in
    "the U.S.-ROK alliance", "U.S." and "south Korea" in "U.S.-south Korea drills" (a first
    or last part may take the word beside it: "south" + "Korea"). Only a row whose every
    part names a country: "U.S.-led forces" is not a pair."""
    rows: list[list[tuple[int, int, CountryLike]]] = []
    for match in _GLUED_PAIR.finditer(text):
        pieces: list[tuple[int, int, CountryLike]] = []
        start = match.start()
        parts = _HYPHEN_SPLIT.split(match.group())
        for index, part in enumerate(parts):
            begin, end = start, start + len(part)
            start = end + 1
            if part.endswith(".") and kb.country(part) is None:
                end -= 1  # a full stop ending the sentence
            country = kb.country(text[begin:end])
            if country is None and index == len(parts) - 1:
                after = _PAIR_WORD_AFTER.match(text, end)
                if after is not None:
                    country = kb.country(text[begin : after.end()])
                    end = after.end() if country is not None else end
            if country is None and index == 0:
                before = _PAIR_WORD_BEFORE.search(text, max(0, begin - 20), begin)
                if before is not None:
                    country = kb.country(text[before.start() : end])
                    begin = before.start() if country is not None else begin
            if country is None:
                break
            pieces.append((begin, end, country))
        else:
            rows.append(pieces)
    return rows


def _split_glued_countries(
    parse: ParseIndex, cands: list[Candidate], kb: KnowledgeBaseLike
) -> list[Candidate]:
    """Replace what the model made of a hyphenated row of countries (nothing for "ROK" in
    the one word "U.S.-ROK", "Korea" of "U.S.-south Korea", an ORG "U.S.-Japan-ROK") with
    one country candidate per part (``_glued_countries``). A name running past the row
    ("the DPRK-China Friendship Association") keeps it whole."""
    text = parse.text
    if "-" not in text and "‐" not in text and "–" not in text:
        return cands
    rows = _glued_countries(text, kb)
    if not rows:
        return cands
    for row in rows:
        low, high = row[0][0], row[-1][1]
        inside = [c for c in cands if c.start < high and low < c.end]
        if any(c.start < low or c.end > high for c in inside):
            continue
        cands = [c for c in cands if not (c.start < high and low < c.end)]
        cands.extend(
            Candidate(
                begin,
                end,
                text[begin:end],
                "GPE",
                "country",
                parse.sentence_index(begin),
                country=country,
            )
            for begin, end, country in row
        )
    return cands


def collect_candidates(
    parse: ParseIndex,
    kb: KnowledgeBaseLike,
    lex: Lexicon,
    phrases: DocPhrases,
    regional_phrases: RegionalPhrases,
) -> list[Candidate]:
    """Every candidate mention of the document, in text order, without overlaps."""
    ctx = _Context(parse, kb, lex, phrases.roles)
    made = (
        _from_ent(ctx, ent)
        for ent in parse.ents
        if ent.label_ in _LABELS or _is_body_event(ent, lex)
    )
    cands = [cand for cand in made if cand is not None]
    outlets = _named_outlets(ctx)
    if outlets:
        # "The Bangladeshi paper Blits": the name after an outlet noun is the outlet,
        # whatever the model took it for (a person, a place, nothing).
        cands = [c for c in cands if not any(o.start < c.end and c.start < o.end for o in outlets)]
        cands.extend(outlets)
    regional = _regional(parse, cands, kb, phrases.regions, regional_phrases)
    if regional:
        # A regional phrase wins over the model's bare "North" inside it.
        cands = [c for c in cands if not any(r.start <= c.start < r.end for r in regional)]
        cands.extend(regional)
    cands = _korean_names(parse, cands, lex)
    cands = _split_glued_countries(parse, cands, kb)
    cands.sort(key=lambda c: c.start)
    # A group candidate may have swallowed the next entity's first token; keep the first.
    kept: list[Candidate] = []
    for cand in cands:
        if kept and cand.start < kept[-1].end:
            continue
        kept.append(cand)
    kept = _join_split_countries(parse.text, kept, kb)
    _coordinate_groups(parse.text, kept)
    kept = _ethnic_groups(parse.text, kept, kb)
    kept = _peoples_of_states(parse.text, kept, kb)
    _demonym_places(parse.text, kept)
    _qualified_places(parse.text, kept, kb)
    kept = _join_cut_bodies(parse.text, kept, lex.org_words)
    return _merge_parentheticals(parse.text, kept)
