"""The last pass: coded candidates with their actors become ``Event`` records.

One event per (source, target) pair: parties doing a symmetric act together with nobody else
act on each other ("Gondor and Rohan met"), an actor is never its own target and no event is
X->X for one actor code. Each event gets the
date of the time expression governing its clause (else the story's occasion, else the
publication day: ``dating``), its modality, its
trigger's offsets and a confidence; then the same trigger, code and coded pair is kept once, a
bare "said" is left out, and the events are numbered in text order.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from parley.events.actors import Actor
from parley.events.candidates import REPORTING_CODE, Candidate
from parley.events.clauses import MAX_GOVERNING_HOPS
from parley.events.coding import Match, answers_request
from parley.events.dating import (
    dead_undated,
    find_date,
    heads_between,
    history_undated,
    occasion_dates,
    occasion_days,
    recent_occasion,
)
from parley.events.lexicon import CodeInfo, is_builtin
from parley.events.location import event_location
from parley.events.modality import find_modality
from parley.events.resources import EventResources
from parley.nlp.index import MentionIndex
from parley.records import Article, Event, Timex

__all__ = ["Coded", "build_events"]

Pair = tuple[Actor | None, Actor | None]
# The roots a denied intent is restated as (``statement_codes.tsv``, refusal): a refusal
# ("will not accept", 12) or aid withheld ("will not fund the convention", 16).
REFUSAL_ROOTS = frozenset({"12", "16"})
# The root of aid withheld ("will not fund"), which happens when the aid would have.
WITHHOLDING_ROOT = "16"
# Adverbs that say joint doers act each on its own ("met separately").
APART_WORDS = frozenset({"separately", "individually", "independently"})


@dataclass(frozen=True, slots=True)
class Coded:
    """A candidate with its final code and its actors: the draft of one or more events."""

    candidate: Candidate
    info: CodeInfo
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]
    # The heads of the source phrases (and of what a relative pronoun stands for): their
    # clauses may hold the event's date.
    actor_heads: tuple[Token, ...]
    # A criticism whose words name nobody it is aimed at: an event only when the story says
    # whom (``adversary.aim_criticism``), else left out.
    unaimed: bool = False


def build_events(
    coded: Iterable[Coded],
    article: Article,
    on: date | None,
    timex_heads: Sequence[tuple[int, Timex]],
    resources: EventResources,
    mentions: MentionIndex,
) -> tuple[Event, ...]:
    """The article's events, in text order, numbered "v1", "v2", ..."""
    positions = [i for i, _ in timex_heads]
    events: dict[tuple[object, ...], Event] = {}
    doc = None
    for draft in coded:
        sent = draft.candidate.sentence
        doc = sent.doc
        in_sentence = heads_between(timex_heads, positions, sent.start, sent.end)
        for event in _events_of(draft, article, on, in_sentence, resources, mentions):
            # One event per trigger, code and pair of actors as coded: "Syria's second city
            # Aleppo" names two entities both coded SYR, one target of one bombardment.
            key = (event.start, event.trigger, event.cameo, event.source_key, event.target_key)
            events.setdefault(key, event.record)
    ordered = sorted(_main_events(events.values()), key=lambda e: (e.start, e.trigger))
    if doc is not None and timex_heads:  # the story's occasion for events it gave no day
        ordered = occasion_dates(ordered, occasion_days(doc, timex_heads, on), doc)
    if doc is not None:  # a lead whose news is recent and undated: so are the acts it tells
        ordered = recent_occasion(ordered, doc, timex_heads)
        ordered = history_undated(ordered, doc, timex_heads, on)
    if doc is not None and resources.deaths:  # the acts of the dead, after death: history
        died = {
            e.id: resources.deaths[e.name]
            for e in mentions.by_id.values()
            if e.name in resources.deaths
        }
        ordered = dead_undated(ordered, doc, died, on)
    ordered = [_undone_undated(e) for e in ordered]
    return tuple(dataclasses.replace(e, id=f"v{n}") for n, e in enumerate(ordered, start=1))


def _undone_undated(event: Event) -> Event:
    """A supposed, demanded or conditional act ("should declare war", "if they attack, we
    will strike", "its will to defend") has not happened, and no day is its own unless the
    text gives one: not the publication day, nor an occasion the story gave
    (docs/annotation.md, Date: null when it cannot be known). A planned act keeps the day
    it was announced on, as the gold dates "will not fund" by the announcement."""
    if event.modality != "hypothetical" or event.date_source not in ("published", "context"):
        return event
    return dataclasses.replace(event, date=None, date_source=None)


@dataclass(frozen=True, slots=True)
class _Keyed:
    """An event with what tells its two sides apart."""

    record: Event
    source_key: str | None
    target_key: str | None

    @property
    def start(self) -> int:
        return self.record.start

    @property
    def trigger(self) -> tuple[int, int]:
        return self.record.trigger

    @property
    def cameo(self) -> str:
        return self.record.cameo


def _issuing_verb(candidate: Candidate) -> Token | None:
    """The verb that issued the statement whose words this verb is ("issued a statement
    denouncing X", ``candidates._said_by_statements``), if it is one."""
    token, by = candidate.token, candidate.reported_by
    if by is None or token.dep_ not in ("acl", "relcl") or token.head.head.i != by.i:
        return None
    return by


def _announced(token: Token, resources: EventResources) -> bool:
    """Whether the verb's own auxiliary makes it future ("will not fund")."""
    future = resources.modality_cues["aux"]
    return any(
        c.dep_ in ("aux", "auxpass") and future.get(c.lower_) == "future" for c in token.children
    )


def _events_of(
    draft: Coded,
    article: Article,
    on: date | None,
    timex_heads: Sequence[tuple[int, Timex]],
    resources: EventResources,
    mentions: MentionIndex,
) -> list[_Keyed]:
    candidate, info = draft.candidate, draft.info
    token, sent = candidate.token, candidate.sentence
    when, date_source = find_date(token, draft.actor_heads, timex_heads, on)
    modality = find_modality(token, resources.modality_cues)
    issuing = _issuing_verb(candidate)
    if modality == "asserted" and issuing is not None:
        # "failed to make any statement denouncing X": the denunciation is no more made
        # than the statement was issued; "will issue a statement condemning X", a plan.
        modality = find_modality(issuing, resources.modality_cues)
    refusal = info.root in REFUSAL_ROOTS and candidate.match.code[:2] != info.root
    if modality == "negated" and answers_request(candidate.match):
        # "did not respond to a request for comment": the comment declined, asserted.
        modality = "asserted"
    elif modality == "negated" and refusal:
        # "will not accept" restated as a refusal: the refusal is what was said, asserted.
        # Aid withheld is withheld when it would have been given: "will not fund the
        # convention" is future, "decided not to fund it" done.
        modality = "asserted"
        if info.root == WITHHOLDING_ROOT and _announced(token, resources):
            modality = "future"
    trigger = _trigger_span(candidate.match)
    place = event_location(token, mentions)
    out = []
    for source, target in _pairs(draft, resources):
        if source is None and target is None:
            continue  # nobody acts and nobody is acted on: no event to code
        event = Event(
            id="",
            source=source.entity.id if source and source.entity else None,
            source_actor=source.code if source else None,
            target=target.entity.id if target and target.entity else None,
            target_actor=target.code if target else None,
            cameo=info.code,
            plover=info.plover,
            goldstein=info.goldstein,
            quad_class=resources.quad_class(info.code),
            date=when,
            date_source=date_source,  # type: ignore[arg-type]
            modality=modality,  # type: ignore[arg-type]
            sentence=article.text[sent.start_char : sent.end_char],
            start=sent.start_char,
            end=sent.end_char,
            trigger=trigger,
            confidence=_confidence(candidate, source, target, resources.user_verbs),
            plover_mode=info.plover_mode,
            source_text=source.text if source else None,
            target_text=(target.text or None) if target else None,
            location=place.entity.id if place else None,
            location_text=place.text if place else None,
        )
        out.append(_Keyed(event, _side(source), _side(target)))
    return out


def _pairs(draft: Coded, resources: EventResources) -> list[Pair]:
    """The (source, target) pairs of a coded candidate, one event each."""
    sources, targets, heads = draft.sources, draft.targets, draft.actor_heads
    candidate = draft.candidate
    resolved_sources = list({s.key: s for s in sources if s.key is not None}.values())
    symmetric = resources.is_symmetric((*candidate.match.tokens, *candidate.folded))
    reciprocal = (
        symmetric
        and len({s.code or s.key for s in resolved_sources}) > 1
        and not any(t.code for t in targets)
        and not (heads and _through_advcl(candidate.token, heads[0]))
        and not _apart(candidate.token)
        and not _one_team(resolved_sources)
    )
    if reciprocal:
        # "Gondor and Osgiliath met", "talks between X and Y", "the X-Y talks", "both sides
        # agreed": parties acting together with nobody else (no one coded: "signed the
        # guidelines on the Korean peninsula" names no third party) act on each other, one
        # event per ordered pair, as CAMEO codes a joint action. Parties listed as doing
        # something to someone unnamed ("X, Y and Z should accept the offer") do it each on
        # its own.
        return [
            (s, t)
            for s in resolved_sources
            for t in resolved_sources
            if s.key != t.key and not _own_target(s, t)
        ]
    either_sources: list[Actor | None] = list(sources) or [None]
    doc = candidate.token.doc
    # "A meeting was held", "the drills staged by X": an uncoded phrase that holds the
    # trigger is the event itself, not whom it is aimed at ("U.S. troops should be withdrawn"
    # names a party: it stays).
    at = [w.idx for w in candidate.match.tokens]
    either_targets: list[Actor | None] = [
        t for t in targets if t.code or t.implied or not any(t.start <= i < t.end for i in at)
    ] or [None]
    if any(t is not None and t.code for t in either_targets):
        # "the suppression of Chongryon and Koreans in Japan": a receiver no code names, beside
        # one coded, would add an event with nobody on its receiving end; the coded one tells it.
        either_targets = [t for t in either_targets if t is not None and t.code]
    # An actor is not its own target ("X reneged on his commitment"): the event stands,
    # without that target.
    pairs: list[Pair] = list(
        dict.fromkeys(
            (s, None if s and t and (_own_target(s, t) or _home_in_passing(s, t, doc)) else t)
            for s in either_sources
            for t in either_targets
        )
    )
    if any(t is not None for _, t in pairs):
        pairs = [(s, t) for s, t in pairs if t is not None or len(either_targets) == 1]
    if (
        symmetric
        and _joint_code(draft.info.code)
        and not _apart(candidate.token)
        and find_modality(candidate.token, resources.modality_cues) == "asserted"
    ):
        pairs = _with_each_other(pairs, candidate.token, doc)
    return pairs


def _one_team(parties: Sequence[Actor]) -> bool:
    """Whether more than two parties are people of one side: "Jo, Pak, Kim, Ju and Han
    discussed the measures" (officials of one country, most of them with no code) are a
    team at work, each doing the act, not twenty meetings of each with each. Two parties
    stay each other's whatever their codes ("Thor and Beck met"); so do three or more of
    two countries or more ("China, Russia and India agreed")."""
    if len(parties) <= 2:
        return False
    return len({_country(p.code) for p in parties if p.code}) <= 1


def _country(code: str) -> str:
    """The country of an actor code; an IGO's or NGO's code whole ("IGO" alone names no
    organisation)."""
    return code if code[:3] in _BODIES_OF_NO_COUNTRY else code[:3]


def _joint_code(code: str) -> bool:
    """Codes of acts two parties do together whoever is named first: meetings and talks
    (04), a signed agreement (057). Cooperating or building relations "with" someone is
    often one side's will alone ("would strive to develop relations with X")."""
    return code[:2] == "04" or code == "057"


def _with_each_other(pairs: list[Pair], trigger: Token, doc: Doc) -> list[Pair]:
    """``pairs`` and, for a symmetric act done with a party ("Gondor held talks with Rohan",
    "signed an agreement with Rohan", "met with Rohan"), the same act the other way: a
    meeting or a treaty with someone is theirs as much as the doer's, one event each way,
    as CAMEO codes joint actions. A party the act is merely about is no co-party."""
    out = list(pairs)
    for source, target in pairs:
        if source is None or target is None or not source.code or not target.code:
            continue
        if _comitative(target, trigger, doc) and (target, source) not in out:
            out.append((target, source))
    return out


def _comitative(target: Actor, trigger: Token, doc: Doc) -> bool:
    """Whether ``target`` is the object of a "with" on the trigger or on its object noun
    ("held talks with X", "met with X", "signed a treaty with X"), or names whom that
    object is from ("met with officials from Japan, South Korea and China": each country of
    the list met, not only the first)."""
    span = doc.char_span(target.start, target.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = _list_head(span.root)
    if head.dep_ == "pobj" and head.head.lower_ in _WHOSE_PREPS:
        head = _list_head(head.head.head)
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "with":
        return False
    owner = prep.head
    if owner.dep_ == "dobj":
        owner = owner.head
    # "met and conversed with X": the with-phrase of the verb joined after the trigger.
    if owner.dep_ == "conj" and owner.head.i == trigger.i and owner.i > trigger.i:
        owner = owner.head
    return owner.i == trigger.i


_BODIES_OF_NO_COUNTRY = frozenset({"IGO", "NGO"})
# The prepositions that tie a partner to the party it comes from: "officials from Japan",
# "the leaders of Japan and China".
_WHOSE_PREPS = frozenset({"of", "from"})


def _list_head(token: Token) -> Token:
    """The first member of the list ``token`` is in ("Japan" for "China" in "Japan, South
    Korea and China")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _apart(word: Token) -> bool:
    """Whether the parties act each on its own: "the delegations met separately", "the
    provinces held meetings individually" are no meeting of one with the other."""
    return any(c.dep_ == "advmod" and c.lower_ in APART_WORDS for c in word.children)


def _side(actor: Actor | None) -> str | None:
    """What tells one side of an event from another: its actor code, else its entity, else
    its words."""
    if actor is None:
        return None
    return actor.code or actor.key or actor.text


def _own_target(source: Actor, target: Actor) -> bool:
    """Whether the target is the source itself, one coded the same ("the DPRK side" and "the
    DPRK": an event is never X->X for one actor code), or its country's own people in a group
    ("Mordor reneged on its pledge to Mordor's farmers")."""
    if source.key is None:
        return False
    if source.key == target.key or (source.code is not None and source.code == target.code):
        return True
    one, other = source.entity, target.entity
    if one is None or other is None or not one.actor or not other.actor:
        return False
    return one.kind == "country" and other.kind == "group" and other.actor[:3] == one.actor


def _home_in_passing(source: Actor, target: Actor, doc: Doc) -> bool:
    """Whether the target is the country of the body or person acting, named only in passing:
    the owner of another word ("the anniversary of Gondor's victory", "the might of Gondor")
    or one of two parties to something ("relations between Gondor and Rohan"). The embassy
    laying a wreath does nothing to its own country. A place of that country is a target
    ("lifted the curfew in southern Gondor": a domestic act on it) and stays."""
    code, home = source.code, target.code
    if not code or not home or len(code) <= 3 or code[:3] != home:
        return False
    span = doc.char_span(target.start, target.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.dep_ == "poss":
        return True
    if root.dep_ == "conj" and root.head.dep_ == "pobj" and root.head.head.lower_ == "between":
        return True
    return root.dep_ == "pobj" and root.head.lower_ in ("of", "between")


def _through_advcl(verb: Token, subject: Token) -> bool:
    """Whether the verb took its subject from a clause it modifies ("forces must ensure
    security to allow supplies in": the forces do not allow each other anything)."""
    token = verb
    for _ in range(MAX_GOVERNING_HOPS + 2):
        if token.i == subject.head.i or token.head.i == token.i:
            return False
        if token.dep_ == "advcl":
            return True
        token = token.head
    return False


def _main_events(events: Iterable[Event]) -> list[Event]:
    """Leave out bare statements: a "said" (010) that a sentence's other event already
    accounts for, or that is addressed to nobody, is attribution rather than an event."""
    events = list(events)
    coded = {e.start for e in events if e.cameo != REPORTING_CODE}
    return [
        e
        for e in events
        if e.cameo != REPORTING_CODE or (e.start not in coded and e.target_actor is not None)
    ]


def _trigger_span(match: Match) -> tuple[int, int]:
    token = match.token
    words = [token] + [t for t in match.extra if abs(t.i - token.i) <= 3]
    start = min(t.idx for t in words)
    end = max(t.idx + len(t) for t in words)
    return start, end


def _confidence(
    candidate: Candidate, source: Actor | None, target: Actor | None, user_verbs: bool
) -> float:
    """A plain score: how much of the who-did-what-to-whom the parse could pin down."""
    score = 0.45
    if source and source.resolved:
        score += 0.25
    if target and target.resolved and target.text:  # not a party only implied
        score += 0.15
    if candidate.match.pattern.condition is not None:
        score += 0.1
    if candidate.is_noun:
        score -= 0.1
    if candidate.code == REPORTING_CODE:
        score -= 0.1
    if user_verbs and not is_builtin(candidate.match.pattern):
        score -= 0.05
    return round(min(0.95, max(0.05, score)), 2)
