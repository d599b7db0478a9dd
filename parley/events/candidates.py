"""The first passes: the coded words of the parse, and which of them are events of their own.

``find_candidates`` matches every word against the lexicon, then settles how the coded words of
a sentence relate, one pass each, every pass returning new drafts:

1. fold a to-clause into the verb that governs it ("urged China not to withdraw" is one
   appeal; "agreed to meet" is 036) and let a reported event replace its reporting verb ("X
   said it would attack");
2. leave out an event noun a verb already codes ("imposed sanctions") or that is the matter of
   another event noun ("the postponement of talks");
3. let an announced or ordered event noun replace its announcing verb ("announced a
   suspension of ...", "ordered the arrest of ...");
4. leave out events that are part of another event of the sentence (CAMEO codes the main event
   of a clause), and the aim a protest states ("a rally in demand of ...");
5. leave out event nouns and clauses that recall a known act rather than report one ("the
   2001 invasion", "two weeks after X seized Y"), after the passes above so what they did
   stays folded in them.

Words that name no act reported are not matched at all: names, qualities, standards, what a
picture shows, landmarks of time ("since the hearing") and nouns that say what their subject
is ("serves as a support").

Dropped drafts stay in the result: later passes look words up among all of them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from parley.events.coding import (
    CAUSE_PREPS,
    COMP_DEPS,
    OBJECT_DEPS,
    PARTY_LABELS,
    Match,
    asks,
    match_token,
    misread_verb,
    refine_with_complement,
    word_kind,
)
from parley.events.lexicon import Lexicon
from parley.nlp.index import ParseIndex
from parley.quotes.drafts import FINITE_TAGS

__all__ = ["GREETING_CODE", "REPORTING_CODE", "Candidate", "by_token", "find_candidates"]

# A sentence longer than this is a table or a list run together: no clause structure to read.
MAX_SENTENCE_TOKENS = 600
# How far up a to-clause or reported clause can sit below the verb that governs it.
MAX_GOVERNING_HOPS = 3
REPORTING_CODE = "010"
# Issuing a document: its words are its issuer's ("issued a statement", "released a
# communique"; ``voices``, ``_said_by_statements``).
ISSUING = frozenset({"issue", "release", "publish", "make", "adopt", "announce"})
DOCUMENTS = frozenset({"statement", "communique", "declaration", "appeal", "release"})
# Verbs by which an authority has its own people use the force their object names ("ordered
# the arrest of", "ordered patrols by police"): the ordered act is the event, the orderer's.
ORDERING_VERBS = frozenset({"order", "authorize", "authorise"})
# Words of suspicion or accusation with the preposition that names what is alleged ("men
# suspected of bombing a bank", "accused of attacking", "charged with murdering"): the act
# so named is the allegation's content, not an act the story reports.
ALLEGING_PREPS = frozenset({("suspect", "of"), ("accuse", "of"), ("charge", "with")})
PROTEST_ROOT = "14"
CONSULT_ROOT = "04"
# Roots of the use of force: force posture, coercion, assault, fighting, mass violence.
FORCE_ROOTS = frozenset({"15", "17", "18", "19", "20"})

# Links from an event word up to the event that carries it: the thing acted upon ("rejected
# an appeal from X", "rejected a US offer to host a summit"), a purpose or manner clause
# ("staged demonstrations to demand reforms", "bombarded the city, killing eight"), a
# relative clause about a participant ("property seized by the army in the 1970s").
SUBORDINATE_DEPS = frozenset(
    {
        "dobj",
        "pobj",
        "prep",
        "acl",
        "relcl",
        "advcl",
        "xcomp",
        "pcomp",
        "compound",
        "amod",
        "nmod",
        "npadvmod",
        "appos",
        "attr",
        "oprd",
        "dative",
        "agent",
        "poss",
    }
)
# Links that make the word's event one of its own: a reported or coordinated clause.
INDEPENDENT_DEPS = frozenset({"ccomp", "conj", "parataxis", "csubj"})
MAX_SUBORDINATE_HOPS = 5
# Messages and letters (their sending, receiving and replies are events: verbs.tsv), and the
# codes of one that is only the envelope of words the story goes on to print (a plain
# statement, a greeting).
MESSAGE_NOUNS = frozenset({"message", "letter", "telegram"})
ENVELOPE_CODES = frozenset({REPORTING_CODE, "017"})
# Appeals and demands: the clause they govern is what is asked for, not an event of its own.
ASKING_ROOTS = frozenset({"02", "10"})
# Greetings conveyed (017): asked to be carried by someone else ("asked the ambassador to
# convey his greetings to X"), they are the asker's greetings to X, not a request.
GREETING_CODE = "017"
# Entity labels whose capitalised words are a name, never an event (``_in_a_name``).
NAME_LABELS = frozenset({"ORG", "FAC"})
APPEAL_ROOT = "02"
# Intents, pledges and vows (03), and refusals (12): a pledge to hold back from a
# cooperative act refuses it.
INTENT_ROOT = "03"
REFUSAL_ROOT = "12"
# Withdrawing from a place is a pull-out of forces (0874); from a body or a treaty it stays
# reduced relations (16x). The place: a named country or area, or a word for land.
LEAVING_CODE = "160"
RETREAT_CODE = "0874"
PLACE_LABELS = frozenset({"GPE", "LOC"})
PLACE_NOUNS = frozenset(
    {"territory", "area", "region", "border", "town", "city", "village", "zone", "island"}
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A coded word on its way to becoming one or more events (a draft: passes replace it)."""

    match: Match
    code: str
    sentence: Span
    # The reporting verb whose clause this event's clause is ("X said it would attack").
    reported_by: Token | None = None
    # The verbs of the to-clauses folded into this one, in the order they were folded.
    folded: tuple[Token, ...] = ()
    dropped: bool = False
    # A statement verb whose object names the event it announces: a light verb for it.
    announces: bool = False

    @property
    def token(self) -> Token:
        return self.match.token

    @property
    def is_noun(self) -> bool:
        return self.match.pattern.kind == "N"


def by_token(candidates: Iterable[Candidate]) -> dict[int, Candidate]:
    """The candidates by the index of their word."""
    return {c.token.i: c for c in candidates}


def find_candidates(
    parse: ParseIndex, lexicon: Lexicon, complement_codes: Mapping[tuple[str, str], str]
) -> tuple[Candidate, ...]:
    """Every coded word of the parse, in text order, each marked dropped or kept."""
    candidates = _match_words(parse, lexicon)
    candidates = _withdrawals_from_places(candidates)
    candidates = _fold_clauses(candidates, complement_codes)
    candidates = _refusals_ruled_out(candidates, complement_codes)
    candidates = _fold_promised_nouns(candidates, complement_codes)
    candidates = _drop_covered_nouns(candidates)
    candidates = _drop_harms_of_attacks(candidates)
    candidates = _harms_as_attacks(candidates)
    candidates = _take_announcements(candidates)
    candidates = _drop_printed_messages(candidates, parse)
    candidates = _drop_questioned(candidates)
    candidates = _drop_hoped(candidates)
    candidates = _drop_subordinates(candidates)
    # Last: what a dropped aim asks for stays part of it ("in demand of a halt to the drills"),
    # as what a recalled act did stays part of it ("the 2012 attacks that killed four").
    candidates = _drop_protest_aims(candidates)
    return tuple(_drop_recalled(candidates))


def _match_words(parse: ParseIndex, lexicon: Lexicon) -> list[Candidate]:
    candidates: list[Candidate] = []
    doc, pos, lemmas, words = parse.doc, parse.pos, parse.lemmas, lexicon.lemmas
    deps = parse.deps
    for sent in parse.sents:
        if len(sent) > MAX_SENTENCE_TOKENS:
            continue
        # Only a word the lexicon holds is made a Token and matched with its conditions.
        held = [
            i
            for i in range(sent.start, sent.end)
            if lemmas[i] in words
            and (
                lexicon.has(word_kind(pos[i], deps[i]) or "", lemmas[i])
                or misread_verb(pos[i], deps[i], lemmas[i], lexicon)
            )
        ]
        for i in held:
            token = doc[i]
            if (
                _in_a_name(token, sent.start)
                or _a_kind_of_thing(token)
                or _conformity(token)
                or _pictured(token, sent.start)
                or _a_landmark(token)
                or _predicated(token)
            ):
                continue
            match = match_token(parse, token, lexicon)
            if match is not None:
                candidates.append(Candidate(match, match.code, sent))
    return candidates


# What a participle before them only qualifies: "fighting spirit", "striking power"
# ("protesting students" are doers, and stay).
QUALITY_NOUNS = frozenset(
    {
        "spirit",
        "will",
        "mettle",
        "power",
        "capability",
        "capacity",
        "guideline",
        "potential",
        "readiness",
        "posture",
        "mood",
        "enthusiasm",
        "skill",
        "efficiency",
        "ability",
        "strength",
        "morale",
        "style",
        "trait",
        "character",
        "stamina",
        "tenacity",
        "zeal",
        "ardour",
        "ardor",
        "temper",
        "edge",
        "vigour",
        "vigor",
    }
)


def _a_kind_of_thing(token: Token) -> bool:
    """Whether a participle only says what kind of quality a noun is ("fighting spirit",
    "striking power", "fighting guidelines"): a quality, not an act."""
    if token.tag_ != "VBG" or token.i + 1 >= len(token.doc):
        return False
    after = token.doc[token.i + 1]
    if after.lemma_.lower() not in QUALITY_NOUNS:
        return False
    # The parser reads "fighting spirit" as a modifier, or as a verb with its object.
    modifier = token.dep_ in ("amod", "compound") and token.head.i == after.i
    return modifier or (after.head.i == token.i and after.dep_ == "dobj")


# Nouns of a merit, a means or a ground ("made a contribution to developing the ties",
# "played a role in boosting", "laid the foundation for expanding", "feats in
# strengthening"), and the prepositions that join them to what they are about.
MERIT_NOUNS = frozenset(
    {
        "contribution",
        "role",
        "basis",
        "foundation",
        "cornerstone",
        "springboard",
        "feat",
        "exploit",
        "service",
        "merit",
        "credit",
        "success",
        "achievement",
        "guarantee",
        "momentum",
        "occasion",
        "effort",
    }
)
MERIT_PREPS = frozenset({"to", "in", "for", "of"})


def _merit_of_a_thing(token: Token) -> bool:
    """Whether a gerund only says what a merit or a means is about: "made a great
    contribution to developing the relations between the two countries", "feats in
    boosting the friendship", "a basis for rallying the people": the praise of a merit, not
    an act the story reports. A gerund with a subject of its own stays, and so do the
    gerunds joined to it ("to developing and strengthening the ties")."""
    if token.tag_ != "VBG":
        return False
    while token.dep_ == "conj" and token.head.tag_ == "VBG":
        token = token.head
    if token.dep_ != "pcomp" or token.head.lower_ not in MERIT_PREPS:
        return False
    prep = token.head
    nouns = [prep.head]
    if prep.head.pos_ in ("VERB", "AUX"):
        # The parser may hang the preposition on the verb: "laid the foundation for ...".
        nouns = [c for c in prep.head.children if c.dep_ == "dobj" and c.right_edge.i == prep.i - 1]
    if not any(n.pos_ == "NOUN" and n.lemma_.lower() in MERIT_NOUNS for n in nouns):
        return False
    return not any(c.dep_ in SUBJECT_DEPS for c in token.children)


def _conformity(token: Token) -> bool:
    """Whether a participle only says what an act conforms to ("will build up the navy as
    required by the new era", "as demanded by the people"): a clause of "as" and a past
    participle with no subject of its own names a standard, not a demand or an act."""
    if token.tag_ != "VBN" or token.dep_ != "advcl":
        return False
    children = list(token.children)
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
        return False
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in children)


# Pictures and monuments: what they show or stand for is an act of the past the story names,
# not one it reports ("a photo of the leader visiting Gondor", "the monument to liberating
# Rohan"). Recordings ("video", "footage") stay out: a video of a shooting is the news.
PICTURE_NOUNS = frozenset(
    {
        "photo",
        "photograph",
        "picture",
        "portrait",
        "painting",
        "film",
        "mural",
        "poster",
        "monument",
        "memorial",
    }
)
# The words by which a picture or a monument says what it shows: "a photo showing the leader
# signing", "pictures of the envoys meeting", "the monument to resisting the invaders".
PICTURING_WORDS = frozenset({"showing", "depicting", "portraying", "of", "to", "titled"})
# How far after its picture an act shown can be ("pictures of the President and the General
# Secretary receiving the officials").
MAX_PICTURED_GAP = 12
# What ends a picture's phrase: a finite verb (``FINITE_TAGS``: "the photo was taken when the
# envoys met") or punctuation, a comma too: "bowed before the portrait of the leader,
# expressing condolences" is the mourners' act, told beside the picture.
CLAUSE_PUNCT = frozenset({".", ",", ";", ":", "!", "?"})


def _pictured(token: Token, sentence_start: int) -> bool:
    """Whether an event noun or gerund is what a picture shows or a monument stands for: "a
    photo showing the leader signing the declaration", "pictures of the president receiving
    the officials", "a photo of his meeting with the president", "the monument to resisting
    the invaders". The act is named to say what the thing is, not reported as news; a verb
    with its own tense ("the leader signed it, the photo shows") stays."""
    if token.tag_ not in ("VBG", "NN", "NNS"):
        return False
    doc = token.doc
    for i in range(token.i - 1, max(sentence_start, token.i - MAX_PICTURED_GAP) - 1, -1):
        word = doc[i]
        if word.tag_ in FINITE_TAGS or word.text in CLAUSE_PUNCT:
            return False
        if word.pos_ == "NOUN" and word.lemma_.lower() in PICTURE_NOUNS and i + 1 < token.i:
            return doc[i + 1].lower_ in PICTURING_WORDS
    return False


# Prepositions by which an act only dates another ("since a public hearing with her", "before
# the Paris attacks"); "during" and "amid" stay: the act they name is going on at the time.
LANDMARK_PREPS = frozenset({"before", "after", "since", "until", "till", "following"})
# Verbs with which "after" is a particle of chasing or criticism, not a time ("went after his
# attacks on the governor").
CHASING_VERBS = frozenset({"go", "come", "run", "chase"})
# Verbs of coming home whose "after" names the trip just ended, the news itself: "the
# delegation returned home after its visit to Rohan".
RETURNING_VERBS = frozenset({"return", "leave", "arrive", "depart", "conclude", "wind"})


def _a_landmark(token: Token) -> bool:
    """Whether an event noun only says when something else happened: "three months since a
    public hearing with the secretary", "before the Paris attacks, Trump took a hands-off
    approach", "what happened before and after the attacks". The act named is a landmark of
    time, known to the reader, not one the story reports; the story's act is its clause's."""
    if not token.tag_.startswith("NN") or token.dep_ != "pobj":
        return False
    prep = token.head
    if prep.lower_ == "during" and prep.head.i != prep.i and prep.head.tag_.startswith("NN"):
        # "her role in rioting during a summit", "protests during the visit": hung on a
        # noun, the act only says when that noun's act happened; on a verb ("met during the
        # summit") it is going on at the time of the news.
        return True
    if prep.lower_ not in LANDMARK_PREPS:
        return False
    verb = prep.head.lemma_.lower()
    if prep.lower_ == "after" and verb in CHASING_VERBS:
        return False
    return verb not in RETURNING_VERBS


def _drop_recalled(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Leave out event nouns dated by a year before them (``_dated_by_year``), acts told
    as the time the news came after (``_dated_by_span``) and acts a relative clause tells
    as done before (``_told_before``)."""
    return [
        dataclasses.replace(c, dropped=True)
        if not c.dropped
        and (_dated_by_year(c.token) or _dated_by_span(c.token) or _told_before(c.token))
        else c
        for c in candidates
    ]


# Spans of time by which a story dates its news after an earlier act ("two weeks after").
SPAN_NOUNS = frozenset({"day", "week", "month", "year", "decade"})
SPAN_MARKS = frozenset({"after", "since"})


def _dated_by_span(token: Token) -> bool:
    """Whether a verb's clause is the earlier act the news is dated by, a span of days or more
    before it: "recalled its envoy, a spokesman said, three days after Mordor seized the
    border town", "cut its aid one week after riders raided the fords". The act is background
    the story recalls, as PETRARCH's validation and unit records and the PLOVER records code
    it: only the news is an event ("hours after", "shortly after", "last week after" and
    "after" alone, close to the news, stay). An adverbial clause of a coded verb is part of
    its event already (``_subordinate``); this finds the ones hung on an uncoded verb or on a
    reporting verb that gave way to what it reports."""
    if token.dep_ != "advcl" or token.pos_ not in ("VERB", "AUX"):
        return False
    for mark in token.children:
        if mark.dep_ == "mark" and mark.lower_ in SPAN_MARKS and mark.i > 0:
            span = token.doc[mark.i - 1]
            return span.dep_ == "npadvmod" and span.lemma_.lower() in SPAN_NOUNS and _measured(span)
    return False


def _told_before(token: Token) -> bool:
    """Whether a verb is a relative clause's in the past perfect: "will free the ministers,
    whom they had taken hostage", "the convoy, which had been stopped at the border,
    crossed". The clause tells who or what the news is about by an act done before it,
    background the story recalls; the clause's own verb is the news."""
    if token.dep_ != "relcl" or token.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ == "aux" and c.tag_ == "VBD" and c.lemma_ == "have" for c in token.children)


def _measured(span: Token) -> bool:
    """Whether a noun of time counts a span ("two weeks", "a day", "years") rather than naming
    a period ("grew last week after Rohan refused": the act is this week's news)."""
    return span.tag_ == "NNS" or any(
        c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in ("a", "an")) for c in span.children
    )


def _dated_by_year(token: Token) -> bool:
    """Whether an event noun carries its year before it, as a name does: "the 2001 invasion
    of Afghanistan", "a 2013 trip to Africa", "an April, 2012 meeting". A year so placed
    points to a known act of the past, background the story recalls; news of the day is dated
    by a phrase of its own ("invaded Afghanistan in 2001", "met on Friday")."""
    if not token.tag_.startswith("NN"):
        return False
    return any(
        word.is_digit and len(word.text) == 4 and word.text[:2] in ("19", "20")
        for left in token.lefts
        for word in left.subtree
    )


# Copulas: a noun after one says what its subject is ("the satellite is a precious gift").
COPULAS = frozenset({"be", "become", "remain"})
# Verbs that say what something is taken for, with "as": "serve as a precious support",
# "treat him as a threat", "branded the drills as an invasion".
TAKEN_AS_VERBS = frozenset(
    {"serve", "act", "treat", "regard", "see", "view", "consider", "brand", "term", "describe"}
)


def _predicated(token: Token) -> bool:
    """Whether an event noun only says what its subject is or is taken for: "your
    congratulations serve as a precious support to the party", "the satellite is a precious
    gift dedicated to the centenary", "treat the senator as a diminished threat". It
    qualifies the subject, a thing or an act told by other words; no act of its own is
    reported. "There was a meeting of officials" (a meeting held) stays."""
    if not token.tag_.startswith("NN"):
        return False
    head = token.head
    if token.dep_ == "attr" and head.lemma_.lower() in COPULAS:
        return not any(c.dep_ == "expl" for c in head.children)
    return (
        token.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in TAKEN_AS_VERBS
    )


def _predicated_doing(token: Token) -> bool:
    """Whether a present participle only says what its noun is, a noun that is itself what
    the subject is called: "they are the forces destroying regional peace", "the alliance is
    the root cause straining the situation". A verdict on the subject in the speaker's words
    (coded, if at all, as the speaker's accusation), not an act the story reports. "There
    were troops crossing the border" stays."""
    if token.tag_ != "VBG" or token.dep_ != "acl":
        return False
    return token.head.tag_.startswith("NN") and _predicated(token.head)


# Subjects: a participle on one says who the clause is about.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _identifies_subject(token: Token) -> bool:
    """Whether a past participle with no doer named only says which people the clause is
    about: "the students detained for the rally were freed", "a group of officials accused
    of graft resigned". What was done to them is told to identify them, the clause's own verb is the
    news; a doer named ("the sailors held by the coast guard were freed") stays."""
    if _misread_participle(token):
        return not any(c.dep_ == "agent" for c in token.children)
    if token.tag_ != "VBN" or token.dep_ != "acl":
        return False
    noun = token.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head  # "dozens of officials accused of graft were fired"
    if noun.dep_ not in SUBJECT_DEPS:
        return False
    return not any(c.dep_ == "agent" for c in token.children)


# The auxiliaries of a passive: "were" after a participle misread as the main verb; the
# words that join two clauses, so that no participle was misread; how far apart they stand.
PASSIVE_AUXILIARIES = frozenset({"was", "were"})
CLAUSE_JOINERS = frozenset({"and", "but", "or", "while", "whereas", ",", ";", ":"})
MISREAD_SPAN = 16


def _misread_participle(token: Token) -> bool:
    """Whether the parser took a participle on the subject for the main verb and the real
    main verb for its conjunct: "The prisoners held for months were freed by the army",
    parsed as "prisoners held ... [and] were freed". No "and" joins the two and the second
    has a passive auxiliary but no subject of its own, so the first only says who they are."""
    if token.tag_ not in ("VBD", "VBN") or any(c.dep_ in OBJECT_DEPS for c in token.children):
        return False
    # The subject right before it: "the prisoners held", not "the prisoners were held".
    if not any(c.dep_ == "nsubj" and c.right_edge.i == token.i - 1 for c in token.children):
        return False
    doc = token.doc
    for verb in token.children:
        if verb.dep_ != "conj" or verb.tag_ != "VBN" or verb.i - token.i > MISREAD_SPAN:
            continue
        if any(doc[k].lower_ in CLAUSE_JOINERS for k in range(token.i + 1, verb.i)):
            continue  # "stopped blowing and clouds were seen": two clauses joined
        own = list(verb.children)
        if any(c.dep_ in SUBJECT_DEPS for c in own):
            continue
        if any(c.dep_ == "auxpass" and c.lower_ in PASSIVE_AUXILIARIES for c in own):
            return True
    return False


# Objects: a participle on one says which people or things the act is done to or for.
IDENTIFIED_DEPS = frozenset({"dobj", "pobj"})


def _identifies_object(candidate: Candidate) -> bool:
    """Whether a participle with no doer named only says which people or things a clause's
    object is, as ``_identifies_subject`` does for its subject: "opened its borders to the
    migrants ordered out of Gondor", "spoke to people opposed to the government", "the latest
    poll released on Wednesday": what was done to them is told to identify them. The parser
    may tag the participle as a past tense ("VBD") when it hangs it on the noun: so tagged, it
    must follow the noun at once, since a verb after a comma so hung is a misparsed main verb
    ("X, who had failed to win the nomination, called for ..."); a clause with a subject of
    its own ("the news that X expressed condolences") is no participle. A participle that
    carries its noun's event ("joined the war games held off the coast") is that event, and
    stays."""
    token = candidate.token
    if token.tag_ not in ("VBN", "VBD") or token.dep_ != "acl":
        return False
    noun = token.head
    if noun.dep_ not in IDENTIFIED_DEPS or noun in candidate.match.extra:
        return False
    if token.tag_ == "VBD" and token.i != noun.i + 1:
        return False
    return not any(c.dep_ in ("agent", "nsubj", "nsubjpass", "mark") for c in token.children)


def _in_a_name(token: Token, sentence_start: int) -> bool:
    """Whether a word is a capitalised word of an organisation's or a building's name ("the
    Association for Friendship and Cultural Cooperation", "the Organization of Railways
    Cooperation", "the Council for Supporting the Reunification of Korea"), or of a work's
    title ('the work "On Effecting a Drastic Turn ... to Meet the Requirements"'): a name,
    not an event. A summit or a war named ("the SAARC Summit")
    is an event the parser labels as one, and stays."""
    if token.i == sentence_start or not token.text[:1].isupper():
        return False
    label = token.ent_type_
    if label == "WORK_OF_ART":
        return True
    if token.tag_ == "VBG" and token.dep_ == "pcomp":
        # "the Committee for Supporting the Peaceful Reunification of Korea": a capitalised
        # gerund after a preposition of a capitalised noun names the body's aim. The parser
        # may hang the preposition on the office before the name ("secretary general of the
        # Association for Supporting ..."): the name's entity label still says so.
        if label == "ORG":
            return True
        owner = token.head.head
        return owner.i != token.head.i and owner.pos_ == "PROPN" and owner.text[:1].isupper()
    return label in NAME_LABELS and token.pos_ in ("NOUN", "PROPN")


def _withdrawals_from_places(candidates: list[Candidate]) -> list[Candidate]:
    """Withdrawing from land ("withdrew from Gaza", "from the border area") is a military
    pull-out (0874), whoever withdraws; withdrawing from a treaty or a body, or withdrawing
    staff, stays 16x."""
    return [
        dataclasses.replace(c, code=RETREAT_CODE)
        if c.code == LEAVING_CODE and c.token.lemma_ == "withdraw" and _from_a_place(c.token)
        else c
        for c in candidates
    ]


def _from_a_place(verb: Token) -> bool:
    """Whether the verb, with no object of its own, has a "from" phrase naming a place
    (staff or inspectors withdrawn from a country are no forces pulled out: 16x)."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return False
    return any(
        prep.lower_ == "from"
        and any(
            o.dep_ == "pobj" and (o.ent_type_ in PLACE_LABELS or o.lemma_ in PLACE_NOUNS)
            for o in prep.children
        )
        for prep in verb.children
        if prep.dep_ == "prep"
    )


def _fold_clauses(
    candidates: Sequence[Candidate], complement_codes: Mapping[tuple[str, str], str]
) -> list[Candidate]:
    """Fold each clause into its governor, deepest first so chains settle bottom-up: a
    reporting governor gives way to what it reports; any other absorbs its to-clause, taking
    the pair's sub-code when CAMEO has one."""
    index = by_token(candidates)
    codes = {i: c.code for i, c in index.items()}
    dropped: set[int] = set()
    reporters: dict[int, Token] = {}
    folded: dict[int, list[Token]] = {}
    for candidate in sorted(candidates, key=lambda c: -len(list(c.token.ancestors))):
        if candidate.is_noun:
            continue
        governor = _governing(candidate, index)
        if governor is None:
            continue
        here, there = candidate.token.i, governor.token.i
        if codes[here] == codes[there] == REPORTING_CODE:
            # "X said that Y issued a statement": two statements, each its speaker's (a
            # run-on paragraph join parses the second as the first's clause).
            continue
        if codes[there] == REPORTING_CODE:
            dropped.add(there)
            reporters[here] = governor.token
        elif codes[here] == GREETING_CODE and codes[there][:2] == APPEAL_ROOT:
            # The messenger carries the asker's greetings: one act, the greeting, the
            # asker's, towards whom the greetings go (``participants``).
            dropped.add(here)
            folded.setdefault(there, []).append(candidate.token)
            codes[there] = GREETING_CODE
        elif codes[there][:2] == INTENT_ROOT and _denied(candidate.token):
            # "pledged not to send troops", "vowed never to return the land": a promise to
            # hold back is no threat, and holding back a cooperative act refuses it (the
            # codebook's 12x, as "refused to return the land" is).
            dropped.add(here)
            folded.setdefault(there, []).append(candidate.token)
            refused = refine_with_complement(REFUSAL_ROOT, codes[here], complement_codes)
            if refused and governor.match.pattern.condition is None:
                codes[there] = refused
        elif _orders_force(governor, codes[here]):
            # "ordered the paper to suspend publication", "ordered the police to arrest
            # them": an authority has the force it orders used, the ordered act the
            # orderer's, as with "ordered the arrest of" (``_orders``).
            dropped.add(here)
            folded.setdefault(there, []).append(candidate.token)
            codes[there] = codes[here]
        else:
            dropped.add(here)
            folded.setdefault(there, []).append(candidate.token)
            refined = refine_with_complement(codes[there], codes[here], complement_codes)
            if refined and governor.match.pattern.condition is None:
                codes[there] = refined
            elif _narrows(codes[there], codes[here]):
                # "promised to offer food aid": the intent to provide aid (033), not the
                # general intent to cooperate (030) of "promised".
                codes[there] = codes[here]
    return [
        dataclasses.replace(
            c,
            code=codes[c.token.i],
            reported_by=reporters.get(c.token.i),
            folded=tuple(folded.get(c.token.i, ())),
            dropped=c.token.i in dropped,
        )
        for c in candidates
    ]


# An act said to be "out of the question", "off the table" or "not on the table" is refused:
# the phrase (a preposition on "be" and its noun) and whether "be" must be negated.
RULED_OUT = frozenset({("out", "question", False), ("off", "table", False), ("on", "table", True)})


def _refusals_ruled_out(
    candidates: Sequence[Candidate], complement_codes: Mapping[tuple[str, str], str]
) -> list[Candidate]:
    """A cooperative act that is the subject of "is out of the question" ("removing the
    sanctions is out of the question", "a withdrawal was off the table") is refused: the
    codebook's 12x for it ("refused to ease the sanctions" is 1244). Acts CAMEO has no
    refusal of keep their code."""
    out = []
    for c in candidates:
        refused = refine_with_complement(REFUSAL_ROOT, c.code, complement_codes)
        if refused and not c.dropped and _ruled_out(c.token):
            c = dataclasses.replace(c, code=refused)
        out.append(c)
    return out


def _ruled_out(word: Token) -> bool:
    """Whether the word is the subject of a "be" that rules it out (``RULED_OUT``)."""
    verb = word.head
    if word.dep_ not in ("csubj", "nsubj", "nsubjpass") or verb.lemma_ != "be":
        return False
    negated = any(c.dep_ == "neg" for c in verb.children)
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        # "out of the question" hangs "of" on "out"; "off the table" takes its noun directly.
        heads = [prep, *(c for c in prep.children if c.dep_ == "prep")]
        nouns = {o.lemma_ for h in heads for o in h.children if o.dep_ == "pobj"}
        for particle, noun, must_negate in RULED_OUT:
            if prep.lower_ == particle and noun in nouns and negated == must_negate:
                return True
    return False


# Coercion (CAMEO 17): arrests, expulsions, curfews, censorship. An order of an attack or a
# readiness ("ordered the unit to get combat ready") is left to the demand it is.
COERCE_ROOT = "17"


def _orders_force(governor: Candidate, ordered: str) -> bool:
    """Whether the governor is a plain order ("ordered", "authorized", no pattern of its
    own) of the coercion its to-clause codes."""
    return (
        governor.token.lemma_.lower() in ORDERING_VERBS
        and governor.match.pattern.condition is None
        and not governor.is_noun
        and ordered[:2] == COERCE_ROOT
    )


def _denied(verb: Token) -> bool:
    """Whether the verb heads a to-clause held back: "not to send", "never to return"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and any(
        c.dep_ == "neg" for c in verb.children
    )


def _narrows(general: str, specific: str) -> bool:
    """Whether ``specific`` is a sub-code of the root-level code ``general`` ("033" of "030")."""
    return (
        general.endswith("0")
        and len(general) == 3
        and (specific[:2] == general[:2] and specific != general and len(specific) >= 3)
    )


def _governing(candidate: Candidate, index: Mapping[int, Candidate]) -> Candidate | None:
    """The coded verb whose to-clause or reported clause holds this one, if any."""
    token = candidate.token
    for _ in range(MAX_GOVERNING_HOPS):
        # A to-infinitive the parser hung as an adverbial clause ("have sworn to fight")
        # is the governing verb's complement all the same.
        to_clause = token.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children
        )
        if (token.dep_ not in COMP_DEPS and token.dep_ != "conj" and not to_clause) or (
            token.head.i == token.i
        ):
            return None
        if token.dep_ == "conj":
            # "said that X would meet and agree": the second verb shares the first's governor.
            token = token.head
            continue
        token = token.head
        found = index.get(token.i)
        if found is not None and not found.is_noun:
            low, high = sorted((found.token.i, candidate.token.i))
            if "\n\n" in token.doc[low:high].text:
                return None  # a parse that ran across a paragraph break: not one statement
            return found
    return None


def _fold_promised_nouns(
    candidates: Sequence[Candidate], complement_codes: Mapping[tuple[str, str], str]
) -> list[Candidate]:
    """An event noun that an intent verb takes as its object ("agreed to a moratorium",
    "promised talks"), or an intent noun as its of-phrase ("the offer of food aid"), is
    what the intent is of: the pair's sub-code (035, 036, 033), one event."""
    index = by_token(candidates)
    codes = {i: c.code for i, c in index.items()}
    dropped: set[int] = set()
    for candidate in candidates:
        token = candidate.token
        if not candidate.is_noun or candidate.dropped:
            continue
        verb = token.head
        if token.dep_ == "pobj" and token.head.lower_ in ("to", "of"):
            verb = token.head.head
        elif token.dep_ not in ("dobj", "obj"):
            continue
        owner = index.get(verb.i)
        if owner is None or owner.dropped or codes[verb.i][:2] != "03":
            continue
        if owner.is_noun != (token.head.lower_ == "of"):
            continue  # a verb takes it as object or to-phrase, a noun as of-phrase
        refined = refine_with_complement(codes[verb.i], candidate.code, complement_codes)
        if refined and owner.match.pattern.condition is None:
            codes[verb.i] = refined
            dropped.add(token.i)
    return [
        dataclasses.replace(c, code=codes[c.token.i], dropped=c.dropped or c.token.i in dropped)
        for c in candidates
    ]


def _drop_covered_nouns(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Leave out event nouns that another coded word already accounts for: the object of a
    verb pattern ("imposed sanctions") and the matter of an event noun ("the postponement of
    talks": the talks did not take place; one event)."""
    index = by_token(candidates)
    verb_words = {t.i: c for c in candidates if not c.is_noun for t in c.match.extra}
    # "held a mass meeting denouncing the sanctions": the meeting is a protest, and the
    # holding of it no consultation; the noun speaks for the pair.
    protests = {
        verb_words[c.token.i].token.i
        for c in candidates
        if c.is_noun
        and c.code[:2] == PROTEST_ROOT
        and c.token.i in verb_words
        and verb_words[c.token.i].code[:2] == CONSULT_ROOT
    }
    out = []
    for candidate in candidates:
        token = candidate.token
        covered = False
        if token.i in protests:
            # The holding verb stays as the protest's light verb (its subject protests).
            out.append(dataclasses.replace(candidate, dropped=True, announces=True))
            continue
        if candidate.is_noun and token.i in verb_words:
            # "sent a congratulatory message": the message's own code says more than the
            # bare statement of sending one; it stays, the verb its light verb.
            carrier = verb_words[token.i]
            covered = carrier.token.i not in protests and carrier.code != REPORTING_CODE
        elif candidate.is_noun and token.dep_ == "pobj" and token.head.lower_ == "of":
            owner = index.get(token.head.head.i)
            covered = owner is not None and owner.is_noun
        out.append(dataclasses.replace(candidate, dropped=True) if covered else candidate)
    return out


# A party's military attack (an event noun of CAMEO 19 that a nation's name modifies, owns or
# does: "Israeli air strikes", "Rohan's shelling", "raids by Gondor forces") and the harm
# it does (CAMEO 18: "killed 20 people", "wounded three") are one act of fighting.
FIGHT_ROOT = "19"
HARM_ROOT = "18"
HARM_VERBS = frozenset({"kill", "injure", "wound"})


def _drop_harms_of_attacks(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Leave out the killing or wounding whose subject is a party's attack the sentence
    codes already ("US drone attacks have killed eight commanders": one attack, whose
    target the participants stage takes from the harm; ``participants``). An attack no
    party is named for ("a bomb attack killed 20") keeps its harm, which may be an assault."""
    attacks = {
        c.token.i
        for c in candidates
        if c.is_noun and not c.dropped and c.code[:2] == FIGHT_ROOT and _party_act(c.token)
    }
    if not attacks:
        return list(candidates)
    out = []
    for c in candidates:
        harm = (
            not c.is_noun
            and not c.dropped
            and c.code[:2] == HARM_ROOT
            and c.token.lemma_.lower() in HARM_VERBS
            and any(s.dep_ == "nsubj" and s.i in attacks for s in c.token.children)
        )
        out.append(dataclasses.replace(c, dropped=True) if harm else c)
    return out


def _harms_as_attacks(candidates: Sequence[Candidate]) -> list[Candidate]:
    """A killing or wounding suffered in a party's attack is that attack, coded as the attack
    ("four children were killed in Israeli tank shelling" is shelling, 194; "soldiers killed
    in a Russian air strike" an air strike, 195), as in the active voice
    (``_drop_harms_of_attacks``); the harm verb stays the trigger, its victims the targets,
    and the attack gives way to it. An attack no party is named for ("killed in a suicide
    car bombing") leaves the harm as it is."""
    index = by_token(candidates)
    attacks: dict[int, Candidate] = {}
    for candidate in candidates:
        attack = _attack_suffered(candidate, index)
        if attack is not None:
            attacks[candidate.token.i] = attack
    if not attacks:
        return list(candidates)
    spent = {attack.token.i for attack in attacks.values()}
    out = []
    for c in candidates:
        if c.token.i in attacks:
            c = dataclasses.replace(c, code=attacks[c.token.i].code)
        elif c.token.i in spent:
            c = dataclasses.replace(c, dropped=True)
        out.append(c)
    return out


def _attack_suffered(candidate: Candidate, index: Mapping[int, Candidate]) -> Candidate | None:
    """The party's attack (CAMEO 19) a passive harm verb names its cause in ("were killed in
    Israeli shelling", "wounded during a US raid"), if any."""
    verb = candidate.token
    if (
        candidate.is_noun
        or candidate.dropped
        or candidate.code[:2] != HARM_ROOT
        or verb.lemma_.lower() not in HARM_VERBS
        or not _suffered(verb)
    ):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in CAUSE_PREPS:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            attack = index.get(noun.i)
            named = _party_act(noun)
            if attack is None:
                attack = _split_gerund(noun, verb, index)
                named = named or _a_name(noun)  # "killed in Israeli shelling" split
            if attack is not None and attack.code[:2] == FIGHT_ROOT and named:
                return attack
    return None


def _split_gerund(noun: Token, verb: Token, index: Mapping[int, Candidate]) -> Candidate | None:
    """The coded gerund right after the object of the preposition when the parser splits the
    phrase there: "killed in Israeli tank shelling" and "killed in Israeli shelling" are read
    as "killed in Israeli tank" and "killed in Israeli", with "shelling" a clause of the
    verb's own; the nation's name is the object or stays on it."""
    if noun.i + 1 >= len(noun.doc):
        return None
    gerund = noun.doc[noun.i + 1]
    if gerund.tag_ != "VBG" or gerund.head.i not in (verb.i, noun.i):
        return None
    return index.get(gerund.i)


def _suffered(verb: Token) -> bool:
    """Whether a harm verb tells what its subject suffered: passive ("were killed") or a
    participle describing the victims ("ten soldiers killed in the raid")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "acl"


def _party_act(noun: Token) -> bool:
    """Whether a nation names the noun's doer: its name or demonym modifies or owns it
    ("US attacks", "Israeli strikes", "Rohan's shelling"), or a by-phrase names a doer
    ("shelling by Gondor forces")."""
    for child in noun.children:
        if child.dep_ in _NAMING_DEPS and any(_a_name(w) for w in _naming_words(child)):
            return True
        if child.dep_ == "prep" and child.lower_ == "by":
            return any(g.dep_ == "pobj" for g in child.children)
    return False


_NAMING_DEPS = frozenset({"amod", "compound", "poss", "nmod"})


def _naming_words(modifier: Token) -> list[Token]:
    """The modifier and the names in front of it: "US" in "US Predator attacks" (the tagger
    often gives a name before a weapon's name no entity label, or another than a nation's;
    an armed group's name, "Hamas rocket attacks", is a party's too)."""
    return [modifier, *(c for c in modifier.children if c.dep_ in _NAMING_DEPS)]


def _a_name(word: Token) -> bool:
    return word.ent_type_ in PARTY_LABELS or (word.pos_ == "PROPN" and word.ent_type_ != "PERSON")


def _orders(owner: Candidate, noun: Candidate) -> bool:
    """Whether the verb orders the use of force the noun names ("ordered patrols", "ordered
    the arrest of"): an order for a statement ("ordered an investigation") is a demand."""
    return owner.token.lemma_.lower() in ORDERING_VERBS and noun.code[:2] in FORCE_ROOTS


def _take_announcements(candidates: Sequence[Candidate]) -> list[Candidate]:
    """ "Italy announced a suspension of air links with Serbia": what was announced is the
    event, done by whoever announced it; the announcing verb stays as its light verb."""
    index = by_token(candidates)
    announcers: set[int] = set()
    for candidate in candidates:
        token = candidate.token
        if not candidate.is_noun or token.dep_ not in ("dobj", "obj"):
            continue
        if candidate.dropped or token.i in announcers:
            continue
        owner = index.get(token.head.i)
        if (
            owner is not None
            and (owner.code == REPORTING_CODE or _orders(owner, candidate))
            and not owner.dropped
            and owner.token.i not in announcers
        ):
            announcers.add(owner.token.i)
    return [
        dataclasses.replace(c, dropped=True, announces=True) if c.token.i in announcers else c
        for c in candidates
    ]


def _message_noun(candidate: Candidate) -> Token | None:
    """The message or letter a candidate is the sending, receiving or reply of, if any."""
    if candidate.is_noun:
        return candidate.token if candidate.token.lemma_.lower() in MESSAGE_NOUNS else None
    return next((t for t in candidate.match.extra if t.lemma_.lower() in MESSAGE_NOUNS), None)


def _drop_printed_messages(candidates: Sequence[Candidate], parse: ParseIndex) -> list[Candidate]:
    """ "X sent a message of greeting to Y. The message said: I extend ...": a plain message,
    a reply or a greeting whose words the story goes on to report ("the message", "the
    letter" again after its sentence) is only the envelope; the reported words are the
    events. A message that praises or condoles by its own words ("a congratulatory letter",
    "a message of condolence") stays an act of its own."""
    out = []
    lemmas = parse.lemmas
    for candidate in candidates:
        noun = None if candidate.dropped else _message_noun(candidate)
        if noun is None or candidate.code not in ENVELOPE_CODES:
            out.append(candidate)
            continue
        after = candidate.sentence.end
        reported = any(lemmas[i] == lemmas[noun.i] for i in range(after, len(lemmas)))
        out.append(dataclasses.replace(candidate, dropped=True) if reported else candidate)
    return out


# Verbs that put a question: what the question names is asked about, not told as done.
QUESTIONING_VERBS = frozenset({"ask", "wonder", "inquire", "enquire"})
MAX_QUESTION_HOPS = 4


def _drop_questioned(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Leave out the events a question names: "asked if he had visited the farmers' houses",
    "asked about how water is kept warm" report a question put, not a visit or a supply."""
    return [
        dataclasses.replace(c, dropped=True) if not c.dropped and _questioned(c.token) else c
        for c in candidates
    ]


def _questioned(token: Token) -> bool:
    current = token
    for _ in range(MAX_QUESTION_HOPS):
        head = current.head
        if head.i == current.i:
            return False
        if head.lemma_.lower() in QUESTIONING_VERBS and (
            (current.dep_ in COMP_DEPS and asks(current))
            or (current.dep_ == "prep" and current.lower_ == "about")
        ):
            return True
        current = head
    return False


# Verbs of hoping: the clause of one is what someone wishes for, not an act reported or
# announced ("hoped that the two countries would strengthen cooperation").
HOPING_VERBS = frozenset({"hope"})
MAX_HOPED_HOPS = 6


def _drop_hoped(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Leave out the events a hope names: "he hoped the talks would resume", "we hope that
    relations will be normalized" wish for a meeting or a normalisation that nobody has
    done, announced or promised (the hoper is rarely the one to act)."""
    return [
        dataclasses.replace(c, dropped=True) if not c.dropped and _hoped(c.token) else c
        for c in candidates
    ]


def _hoped(token: Token) -> bool:
    """Whether the word is in the that-clause of a verb of hoping (a clause with its own
    subject: "hoped to visit" is the hoper's own plan, and stays)."""
    current = token
    for _ in range(MAX_HOPED_HOPS):
        head = current.head
        if head.i == current.i:
            return False
        if current.dep_ == "ccomp" and head.pos_ == "VERB" and head.lemma_.lower() in HOPING_VERBS:
            return True
        current = head
    return False


# The phrase by which a protest says what it is for: "a candlelight rally in demand of the
# impeachment".
AIM_PREP = "in"
AIM_NOUNS = frozenset({"demand"})


def _drop_protest_aims(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Leave out the demand of a protest's "in demand of" ("the rally took place in Seoul in
    demand of the impeachment of X", "staged protest actions in demand of a halt to the
    drills"): what the protest is for, part of the protest CAMEO codes, though the parser
    hangs the phrase on the verb of taking place. A demand so phrased in a sentence with no
    protest ("held a press conference in demand of a probe") is the sentence's act, and
    stays."""
    protesting = {
        c.sentence.start for c in candidates if not c.dropped and c.code[:2] == PROTEST_ROOT
    }
    out = []
    for c in candidates:
        token = c.token
        aim = (
            c.is_noun
            and token.lemma_.lower() in AIM_NOUNS
            and token.dep_ == "pobj"
            and token.head.lower_ == AIM_PREP
            and c.sentence.start in protesting
        )
        out.append(dataclasses.replace(c, dropped=True) if aim and not c.dropped else c)
    return out


def _drop_subordinates(candidates: Sequence[Candidate]) -> list[Candidate]:
    kept = {c.token.i: c.code for c in candidates if not c.dropped}
    said = _said_by_statements(candidates, kept)
    envelopes = {c.token.i for c in candidates if c.is_noun} & {
        candidate.token.head.i for candidate in candidates if candidate.token.i in said
    }
    out = []
    for c in candidates:
        if c.token.i in said:
            out.append(dataclasses.replace(c, reported_by=said[c.token.i]))
        elif c.token.i in envelopes or (
            not c.dropped
            and (
                _subordinate(c.token, kept)
                or _identifies_subject(c.token)
                or _identifies_object(c)
                or _merit_of_a_thing(c.token)
                or _predicated_doing(c.token)
                or _aim_of_a_thing(c.token, kept)
            )
        ):
            # An identifying participle (or a merit's gerund) stays among the kept above:
            # what it tells of ("detained for protesting against X", "contributions to
            # strengthening the ties by visiting X") is part of it, and goes with it.
            out.append(dataclasses.replace(c, dropped=True))
        else:
            out.append(c)
    return out


# Verbs by which a thing states what it is for: "a resolution that aims to impose a
# blockade", "drills aimed at invading X", "a bill designed to curb imports".
AIMING_VERBS = frozenset({"aim", "design", "intend", "mean"})
# The links from an act up to the aiming verb: its to-clause or "at" phrase, and the verbs
# and objects joined in it ("aims to tighten sanctions and impose a blockade").
AIM_PATH_DEPS = frozenset({"xcomp", "conj", "dobj", "pobj", "pcomp", "prep"})
MAX_AIM_HOPS = 5
# Things made to serve an aim, whose aim says what they are for: texts and plans.
PLANNED_THINGS = frozenset(
    {
        "resolution",
        "bill",
        "plan",
        "proposal",
        "draft",
        "measure",
        "law",
        "legislation",
        "amendment",
        "initiative",
        "program",
        "programme",
        "package",
        "policy",
        "strategy",
        "scheme",
        "project",
    }
)


def _aim_of_a_thing(token: Token, kept: Mapping[int, str]) -> bool:
    """Whether the word is the act a plan's or an event's own words of aim state, in a
    clause on it ("supports a resolution that aims to impose a naval blockade on X", "a
    plan designed to end the strike", "the drills aimed at invading X"): what a text or plan
    is for, an act nobody has done or announced, or what an event is for, part of it. A
    thing that names no event nor plan keeps the act its aim tells ("a provocation aimed to
    threaten X" is the threat), and so does a party ("rebels who aim to seize the town")."""
    current = token
    for _ in range(MAX_AIM_HOPS):
        head = current.head
        if head.i == current.i or current.dep_ not in AIM_PATH_DEPS:
            return False
        if (
            head.lemma_.lower() in AIMING_VERBS
            and head.dep_ in ("relcl", "acl")
            and (current.dep_ == "xcomp" or (current.dep_ == "prep" and current.lower_ == "at"))
        ):
            thing = head.head
            return thing.pos_ == "NOUN" and (
                thing.lemma_.lower() in PLANNED_THINGS or thing.i in kept
            )
        current = head
    return False


def _said_by_statements(
    candidates: Sequence[Candidate], kept: Mapping[int, str]
) -> dict[int, Token]:
    """Verbs that say what a statement noun does, the noun's issuing verb for each: in "X
    issued a statement denouncing Y" (or "a statement which denounced Y") the statement is
    the envelope, the denunciation the event, and X its source, as when a reporting verb
    gives way to the clause it reports (``_fold_clauses``)."""
    said: dict[int, Token] = {}
    for c in candidates:
        token = c.token
        if c.dropped or c.is_noun or token.dep_ not in ("acl", "relcl"):
            continue
        noun = token.head
        if (
            kept.get(noun.i) != REPORTING_CODE
            or noun.lemma_.lower() not in DOCUMENTS
            or noun.dep_ != "dobj"
            or noun.head.lemma_.lower() not in ISSUING
        ):
            continue  # "termed Japan's statement that it would invest ...": not its issuing
        said[token.i] = noun.head
    return said


def _subordinate(token: Token, kept: Mapping[int, str]) -> bool:
    """Whether the word's event is part of another event of the sentence rather than an
    event of its own: CAMEO codes the main event of a clause (one per statement). What an
    appeal or a demand asks for is part of it ("wants Austria to pay compensation to the
    victims killed in the attack" is one appeal, no killing)."""
    if _visit_of_party(token, kept):
        return False
    current = token
    for _ in range(MAX_SUBORDINATE_HOPS):
        if current.head.i == current.i:
            return False
        if _thanked_for(current, kept):
            return False
        if current.dep_ in INDEPENDENT_DEPS:
            if _asked_by_object(current, kept):
                return True
            asked = current.dep_ == "ccomp" and kept.get(current.head.i, "")[:2] in ASKING_ROOTS
            if not asked:
                return False
        elif current.dep_ not in SUBORDINATE_DEPS:
            return False
        if _alleged(current):
            return True
        clause = current if current.dep_ in PURPOSE_DEPS else None
        current = current.head
        if current.i in kept or (clause is not None and _aim_of_protest(clause, current, kept)):
            return True
    return False


def _alleged(word: Token) -> bool:
    """Whether the word names what someone is suspected or accused of ("nationals suspected
    by the West of blowing up a plane")."""
    if word.dep_ not in ("pcomp", "pobj") or word.head.dep_ not in ("prep", "agent"):
        return False
    prep = word.head
    alleging = prep.head
    if alleging.dep_ == "pobj" and alleging.head.dep_ == "agent":
        alleging = alleging.head.head  # "suspected by the police of attacking": of the police
    return (alleging.lemma_.lower(), prep.lower_) in ALLEGING_PREPS


def _asked_by_object(clause: Token, kept: Mapping[int, str]) -> bool:
    """Whether a that-clause the parser hung on a verb is what the verb's object, a demand or
    an appeal, asks for ("reiterated its demand today that Israel ease restrictions", "renewed
    its call on Friday that the ban be lifted"): the asking noun's content, as in "its demand
    that Israel ease them", not an act of its own."""
    if clause.dep_ != "ccomp" or not any(
        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
    ):
        return False
    return any(
        c.dep_ == "dobj" and c.i < clause.i and kept.get(c.i, "")[:2] in ASKING_ROOTS
        for c in clause.head.children
    )


# Praise and thanks (CAMEO 051): "thanked X for sending a message" tells the sending as done.
PRAISE_CODE = "051"


def _thanked_for(token: Token, kept: Mapping[int, str]) -> bool:
    """Whether the word is the deed a thanking or praise is for ("I express my thanks to you
    for sending me a message"): the one thanked did it, an act of its own."""
    prep = token.head
    return (
        token.dep_ == "pcomp"
        and token.tag_ == "VBG"
        and prep.lower_ == "for"
        and kept.get(prep.head.i) == PRAISE_CODE
    )


# Meetings and visits (CAMEO 04): "met X, who paid a courtesy call on him" tells two acts.
CONSULT_ROOT = "04"
RELATIVE_SUBJECTS = frozenset({"who", "that"})


def _visit_of_party(token: Token, kept: Mapping[int, str]) -> bool:
    """Whether the word is a visit or call a party of the sentence made, told in a relative
    clause on that party ("met the minister, who paid a courtesy call on him", "received
    the envoy who called on him"): the visitor's own act, not a part of the meeting that
    names the visitor."""
    return (
        token.dep_ == "relcl"
        and kept.get(token.i, "")[:2] == CONSULT_ROOT
        and any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_SUBJECTS for c in token.children)
    )


# The links of a to-clause after a verb's object, which the parser makes either: its aim.
PURPOSE_DEPS = frozenset({"advcl", "xcomp"})


def _aim_of_protest(clause: Token, verb: Token, kept: Mapping[int, str]) -> bool:
    """Whether a clause after an uncoded verb's object is the aim of the protest the object
    names, the verb only its doing ("began a hunger strike outside parliament to demand the
    return of land": the demand is the strike's, as in "struck to demand"). Other events
    so carried keep their to-clause's event ("released a statement to denounce X", "is using
    the attacks to renew its calls"). A participle after the protest is its aim too ("held a
    rally on Sunday, demanding the resignation of X")."""
    to_clause = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    if not to_clause and clause.tag_ != "VBG":
        return False  # "announced a suspension one day after a jet shot down a helicopter"
    return any(
        c.dep_ == "dobj" and kept.get(c.i, "")[:2] == PROTEST_ROOT and c.i < clause.i
        for c in verb.children
    )
