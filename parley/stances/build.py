"""The stance stage's passes: terms -> readings -> drafts (who, which issue, which way) ->
merged drafts -> ``Stance`` records.

* **Terms.** Each issue term found on the parse is read (``reading.read_term``) inside its
  evidence: the part of a quote that holds it, else its sentence. A term inside another
  term's condition is that condition, not a stance.
* **Voices.** A quote's speaker speaks its words; so does the author of a statement whose
  text follows an introduction ending with a colon ("..., the statement said, and went on:",
  "issued the following press statement:"), for the paragraphs after it (``voices``).
* **Holders.** The subject or possessor of the topmost act or stance word on the way up
  holds the stance (or the first one above it). In a voiced passage that is the voice,
  unless the words name another party: that party's stance word ("North Korea demands...")
  or reported act makes it theirs (``reported_by`` the voice); said with "must"/"should" it
  stays the voice's demand; a prediction about another party is nobody's stance. A party
  named below the topmost word holds what the words below it say, when it is asserted ("the
  government criticized the US decision to renew sanctions": the US is for them). Outside
  voiced passages, a judgement made only by the term's own modifiers has no holder.
* **Events** whose CAMEO code is a stance in itself (``event_issues.tsv``: 163 impose
  sanctions, 085 ease them, 046 negotiate...) outside voiced passages give their source's
  stance, when their target is another country's actor.
* Drafts of one holder, issue and sentence merge, their evidence joined.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Token

from parley.nlp.index import MentionIndex, ParseIndex
from parley.records import Article, Entity, Event, Quote, Stance
from parley.stances.reading import Candidate, Reading, read_term
from parley.stances.resources import StanceResources
from parley.stances.terms import TermHit
from parley.stances.voices import Voice, against, find_voices, lead_voice, voice_at

__all__ = ["Draft", "find_drafts", "finish_stances", "generic_holders"]

Span = tuple[int, int]
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
THING_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "theirs"})
# A paper or news agency reports itself as "it": its "they" are others ("They seek to launch
# strike warfare by mobilizing U.S. troops", a commentary says).
MEDIA_PRONOUNS = frozenset({"it", "its"})


@dataclass(frozen=True, slots=True)
class Draft:
    """A stance before merging: who holds it, on what, which way, and on what evidence."""

    holder: Entity
    issue: str
    sign: int  # +1 support, -1 oppose, 0 undecided
    mode: str
    bounds: Span  # the sentence that says it
    quotes: tuple[str, ...]
    events: tuple[str, ...]
    cue: Span | None
    modality: str
    condition: Span | None = None
    condition_issue: str | None = None
    reported_by: str | None = None
    basis: str = "text"
    confidence: float = 0.5
    date: str | None = None


def find_drafts(
    parse: ParseIndex,
    mentions: MentionIndex,
    quotes: Sequence[Quote],
    events: Sequence[Event],
    resources: StanceResources,
) -> list[Draft]:
    """Every stance the terms and the events of one article give, unmerged, in text order."""
    hits = [h for h in resources.terms.find(parse) if not _in_name(parse, mentions, h)]
    voices = find_voices(quotes, mentions, parse, resources.modality)
    lead = lead_voice(parse.text, voices, mentions)
    generic = generic_holders(parse, mentions)
    reads = [_read(parse, hit, voices, resources) for hit in hits]
    # A term inside another's condition is that condition, not a stance of its own (the
    # parser does not always put the condition's clause where the walk would meet it).
    conditions = [r.reading.condition for r in reads if r.reading and r.reading.condition]
    drafts: list[Draft] = []
    for hit, read in zip(hits, reads, strict=True):
        if read.reading is None or any(c0 <= hit.start < c1 for c0, c1 in conditions):
            continue
        drafts.extend(_term_drafts(parse, mentions, hit, read, hits, events, lead, generic))
    drafts.extend(_event_drafts(mentions, events, voices, resources))
    drafts.sort(key=lambda d: (d.bounds[0], d.cue or (0, 0)))
    return drafts


NAMED = frozenset({"organization", "group", "media"})


def _in_name(parse: ParseIndex, mentions: MentionIndex, hit: TermHit) -> bool:
    """A term that a longer name holds in a prepositional phrase is part of the name, not the
    issue: "the Russia-DPRK intergovernmental committee for cooperation in trade". A name
    the term heads or qualifies ("the U.S. forces in Japan", "the Free Trade Agreement") is
    still the issue."""
    doc = parse.doc
    start = doc[hit.start].idx
    end = doc[hit.end - 1].idx + len(doc[hit.end - 1].text)
    for ref in mentions.overlapping(start, end):
        inside = ref.start <= start and end <= ref.end and ref.end - ref.start > end - start
        if ref.entity.kind not in NAMED or not inside:
            continue
        head, through = doc[hit.head], False
        while head.head.i != head.i and ref.start <= head.head.idx < ref.end:
            through |= head.dep_ in ("pobj", "prep")
            head = head.head
        if through:
            return True  # the term hangs on the name by a preposition: "committee for ... trade"
    return False


# ---------------------------------------------------------------- term drafts ---
@dataclass(frozen=True, slots=True)
class _Read:
    """A term's reading with where it was read: its voice, sentence and the quote's cue."""

    reading: Reading | None
    voice: Voice | None
    sentence: Span
    cue_token: int | None


def _read(
    parse: ParseIndex, hit: TermHit, voices: Sequence[Voice], resources: StanceResources
) -> _Read:
    offset = parse.doc[hit.start].idx
    voice = voice_at(voices, offset)
    sentence = parse.clipped_sentence_at(offset)
    cue_token: int | None = None
    bounds = sentence
    if voice is not None:
        bounds = (max(voice.start, sentence[0]), min(voice.end, sentence[1]))
        if voice.cue_span:
            cue_token = parse.token_covering(voice.cue_span[0])
    cue_span = voice.cue_span if voice is not None else None
    reading = read_term(
        parse.doc,
        hit.head,
        hit.term.polarity,
        bounds,
        resources.words,
        resources.modality,
        resources.conditions,
        exit_cue=cue_span,
    )
    return _Read(reading, voice, sentence, cue_token)


def _term_drafts(
    parse: ParseIndex,
    mentions: MentionIndex,
    hit: TermHit,
    read: _Read,
    hits: Sequence[TermHit],
    events: Sequence[Event],
    lead: Entity | None = None,
    generic: frozenset[str] = frozenset(),
) -> list[Draft]:
    doc = parse.doc
    reading, voice, sentence = read.reading, read.voice, read.sentence
    assert reading is not None
    holders = _holders(parse, mentions, reading, voice, events, lead, generic)
    if not holders:
        return []
    condition_issue = None
    if reading.condition is not None:
        c0, c1 = reading.condition
        condition_issue = next((h.issue for h in hits if c0 <= h.start < c1), None)
    cue = doc[reading.cue]
    evidence_events = _events_on(parse, reading, events, read.cue_token, sentence)
    drafts = []
    for holder, sign, reported_by in holders:
        drafts.append(
            Draft(
                holder=holder,
                issue=hit.issue,
                sign=0 if reading.undecided else sign,
                mode=_mode(reading, reported_by),
                bounds=sentence,
                quotes=(voice.quote,) if voice is not None and voice.quote else (),
                events=evidence_events,
                cue=(cue.idx, cue.idx + len(cue.text)),
                modality=reading.modality,
                condition=_char_span(parse, reading.condition),
                condition_issue=condition_issue,
                reported_by=reported_by,
                basis="text",
                confidence=_confidence(reading, voice, reported_by),
                date=voice.date if voice is not None else None,
            )
        )
    return drafts


def _char_span(parse: ParseIndex, tokens: tuple[int, int] | None) -> Span | None:
    if tokens is None:
        return None
    first, last = parse.doc[tokens[0]], parse.doc[tokens[1] - 1]
    return first.idx, last.idx + len(last.text)


def _mode(reading: Reading, reported: str | None) -> str:
    if reading.mode is not None:
        return reading.mode
    if reading.obligation and reported is None:
        return "demand"  # "the US must lift sanctions", said by someone else
    return "statement"


def _confidence(reading: Reading, voice: Voice | None, reported_by: str | None) -> float:
    """How sure the stance is, for ranking the evidence of a period (not a probability):
    decided by an act or stance word over an evaluation, the holder's own words (a direct
    quote most) over a report, a plain statement over a prediction."""
    score = 0.6 if reading.decided_by == "act" else 0.4
    if voice is not None:
        score += 0.15 if voice.direct else 0.1
    if reported_by is not None:
        score -= 0.15
    if reading.modality != "asserted":
        score -= 0.1
    if reading.undecided:
        score -= 0.1
    return round(min(max(score, 0.05), 0.95), 2)


def _events_on(
    parse: ParseIndex,
    reading: Reading,
    events: Sequence[Event],
    cue_token: int | None,
    sentence: Span,
) -> tuple[str, ...]:
    """Events whose trigger lies on the reading's path (or is the quote's cue)."""
    doc = parse.doc
    spans = [(doc[i].idx, doc[i].idx + len(doc[i].text)) for i in reading.path]
    if cue_token is not None:
        token = doc[cue_token]
        spans.append((token.idx, token.idx + len(token.text)))
    found = []
    for event in events:
        t0, t1 = event.trigger
        if not (sentence[0] <= t0 < sentence[1]):
            continue
        if any(t0 < s1 and s0 < t1 for s0, s1 in spans):
            found.append(event.id)
    return tuple(found)


# --------------------------------------------------------------------- holders ---
Holding = tuple[Entity, int, str | None]  # who, which way, reported by whom


def _country(entity: Entity) -> str | None:
    if entity.country:
        return entity.country
    return entity.actor[:3] if entity.actor else None


def _same_side(a: Entity, b: Entity) -> bool:
    if a.id == b.id:
        return True
    ca, cb = _country(a), _country(b)
    return ca is not None and ca == cb


def _holders(
    parse: ParseIndex,
    mentions: MentionIndex,
    reading: Reading,
    voice: Voice | None,
    events: Sequence[Event],
    lead: Entity | None = None,
    generic: frozenset[str] = frozenset(),
) -> list[Holding]:
    """Who holds the stance (with the sign it has for them), and who reports it when that is
    someone else (see the module's docstring). ``lead`` is the article's own voice, if its
    lead is a statement's (``lead_voice``): it speaks the sentences no quote holds.
    ``generic``: the parties only a plural common noun names (``generic_holders``)."""
    speaker = mentions.by_id.get(voice.speaker or "") if voice is not None else None
    if voice is None:
        speaker = lead
    if reading.top_hop is None:
        # Only the term's own words judged it ("the reckless drills"): the voice's judgement.
        return [(speaker, reading.sign, None)] if speaker is not None else []
    above = [c for c in reading.candidates if c.hop >= reading.top_hop]
    if voice is not None:
        if speaker is None:
            return []
        found = _voiced(parse, mentions, reading, speaker, above, voice.direct, generic)
    else:
        found = _unvoiced(parse, mentions, reading, above, events, lead)
    # "The U.S. staged the provocative drills": the U.S. acts, the words judge, and the
    # judgement is the voice's, whoever acts.
    judge = speaker if reading.judged is not None else None
    if judge is not None and not any(_same_side(held, judge) for held, _, _ in found):
        found.append((judge, reading.judged or 0, None))
    if reading.modality != "asserted" or reading.mode == "demand" or reading.obligation:
        # A party asked to do something ("we demand the authorities renounce the drills",
        # "the U.S. should stop") is asked, and holds nothing by being named.
        return found
    # Parties named below the topmost word hold what the words below them say.
    for candidate in reading.candidates:
        entity = _referent(parse, mentions, candidate.token, speaker)
        if candidate.hop >= reading.top_hop or candidate.sign is None or entity is None:
            continue
        if any(_same_side(entity, held) for held, _, _ in found):
            continue
        if speaker is not None and _same_side(entity, speaker):
            continue
        found.append((entity, candidate.sign, speaker.id if speaker is not None else None))
    return found


PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs"})


def _referent(
    parse: ParseIndex, mentions: MentionIndex, token: int, voice: Entity | None = None
) -> Entity | None:
    """The entity a token mentions; "they" taken for the voice's own side is left unknown:
    a voice calls its side "we", "it" or by name, and state media's "they" are the parties
    it accuses, which coreference can resolve to the country named last ("They are staging
    war drills to rattle the nerves of the DPRK", in a North Korean committee's statement)."""
    entity = mentions.entity_of_token(token)
    if (
        entity is not None
        and voice is not None
        and parse.lowers[token] in PLURAL_PRONOUNS
        and _same_side(entity, voice)
        and entity.id != voice.id
    ):
        return None
    return entity


QUALIFIERS = frozenset({"compound", "amod", "nmod"})
# Prepositions by which a person's noun phrase names the body they belong to.
BELONGING = frozenset({"of", "for", "at", "from", "with", "in"})


def _entity_of(
    parse: ParseIndex,
    mentions: MentionIndex,
    token: int,
    term: int | None = None,
    voice: Entity | None = None,
) -> Entity | None:
    """The entity a holder's words are: their own mention, else the last organisation or
    country their noun phrase says they belong to ("the director of a US research institute
    at the North Korean Foreign Ministry", "a secretary of the Foreign Ministry of India"),
    through "of", "for", "at"... only: "the forces hostile to the DPRK" are not the DPRK's.
    The phrase that holds the term is what the stance is about, not who holds it: "the
    movement for withdrawal of the U.S. troops" is not the troops'."""
    entity = _referent(parse, mentions, token, voice)
    if entity is not None:
        return entity
    head = parse.doc[token]
    if head.lower_ in PLURAL_PRONOUNS:
        return None
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    for child in head.children:
        # "the south Korean warmongers", "the U.S. imperialists": the party that qualifies
        # the noun is who they are.
        named = mentions.entity_of_token(child.i) if child.dep_ in QUALIFIERS else None
        if named is not None and against(parse.text, child.idx):
            continue  # "the anti-DPRK campaign" is not the DPRK's
        if named is not None and named.actor and named.kind in ("organization", "country", "group"):
            return named
    found = None
    todo = [head]
    while todo:
        noun = todo.pop(0)
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in BELONGING:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj" or (term is not None and _holds(obj, term)):
                    continue
                named = mentions.entity_of_token(obj.i)
                if named is not None and named.kind in ("organization", "country", "media"):
                    found = named
                todo.append(obj)
    return found


def _holds(token: Token, term: int) -> bool:
    return token.left_edge.i <= term <= token.right_edge.i


def _unvoiced(
    parse: ParseIndex,
    mentions: MentionIndex,
    reading: Reading,
    above: Sequence[Candidate],
    events: Sequence[Event],
    lead: Entity | None,
) -> list[Holding]:
    for candidate in above:
        if reading.obligation and not candidate.stance:
            # "The U.S. should stop the drills": a demand made of the U.S., by the voice.
            return [(lead, reading.sign, None)] if lead is not None else []
        entity = _entity_of(parse, mentions, candidate.token, reading.path[0], lead)
        if entity is not None:
            return [(entity, reading.sign, None)]
    first = parse.doc[above[0].token] if above else None
    they = first is not None and first.lower_ in PLURAL_PRONOUNS
    if first is not None and first.pos_ in ("NOUN", "PROPN"):
        # The words name who does it ("The truck was participating in the exercises",
        # "Candlelight rallies are gaining against the FTA"), and it is no actor: an
        # event's source is some other party the sentence names.
        return []
    # The phrase that holds the term: a source the event coder found inside it ("rallies
    # against the ratification of the U.S.-S. Korea FTA") is what the stance is about.
    hop = reading.top_hop or 0
    about = parse.doc[reading.path[min(max(hop - 1, 0), len(reading.path) - 1)]]
    for event_id in _events_on(parse, reading, events, None, (0, len(parse.text))):
        event = next(e for e in events if e.id == event_id)
        source = mentions.by_id.get(event.source or "")
        if source is None:
            continue
        if they and lead is not None and _same_side(source, lead):
            continue  # the event coder's guess at "they": the voice's own side (``_referent``)
        lo, hi = about.left_edge.idx, about.right_edge.idx + len(about.right_edge)
        here = [m.start for m in source.mentions if event.start <= m.start < event.end]
        if here and all(lo <= start < hi for start in here):
            continue  # named here only inside the phrase: what the stance is about
        return [(source, reading.sign, None)]
    return []


def _voiced(
    parse: ParseIndex,
    mentions: MentionIndex,
    reading: Reading,
    speaker: Entity,
    above: Sequence[Candidate],
    direct: bool = False,
    generic: frozenset[str] = frozenset(),
) -> list[Holding]:
    reported = reading.agentless and reading.modality == "asserted"
    if not above and reported and not (reading.obligation or reading.top_judgement):
        # "all dialogues have been suspended": a happening reported, by nobody named (a
        # voice announcing "a satellite will be launched" speaks of its own plan)
        return []
    if reading.first_person or not above or reading.top_judgement:
        return [(speaker, reading.sign, None)]
    top = above[0]
    if parse.lowers[top.token] in THING_PRONOUNS and _antecedent_before(
        parse, top.token, reading.path[0]
    ):
        return []  # "The treaty is unequal as it has justified ...": the treaty, not the voice
    other = _entity_of(parse, mentions, top.token, reading.path[0], speaker)
    if other is None:
        word = parse.doc[top.token].lower_
        # In a speaker's own words (a direct quote, a statement's paragraphs) the speaker is
        # "we" or "I": "they" and "it" are someone else ("They staged war exercises").
        own = (
            frozenset()
            if direct
            else PERSON_PRONOUNS
            if speaker.kind == "person"
            else MEDIA_PRONOUNS
            if speaker.kind == "media"
            else THING_PRONOUNS
        )
        if word in own or reading.obligation:
            return [(speaker, reading.sign, None)]
        if top.possessor and word not in PERSON_PRONOUNS | THING_PRONOUNS:
            # "his government stand"
            return _voiced(parse, mentions, reading, speaker, above[1:], direct, generic)
        return []  # someone the words do not name does it: not the speaker's stance
    if _same_side(other, speaker) and other.id not in generic:
        # A party the voice names by a plural noun alone ("all people", "workers") is no
        # part of the voice, whatever country the article gave it: "They declared that all
        # people oppose the alliance" reports the people's stance.
        return [(speaker, reading.sign, None)]
    if top.stance:
        return [(other, reading.sign if top.sign is None else top.sign, speaker.id)]
    if reading.obligation:
        return [(speaker, reading.sign, None)]  # "the US must lift sanctions": a demand
    if reading.modality == "asserted":
        return [(other, reading.sign, speaker.id)]  # a reported act: "the US staged drills"
    return []  # a prediction about another party is nobody's stance


def _antecedent_before(parse: ParseIndex, pronoun: int, term: int) -> bool:
    """Whether a common noun is the subject of a clause before ``pronoun`` in its sentence,
    outside the term's phrase: reported words whose own subject is "the treaty" go on
    calling the treaty "it", not the paper that reports them."""
    doc = parse.doc
    start = doc[pronoun].sent.start
    for token in doc[start:pronoun]:
        if (
            token.dep_ in ("nsubj", "nsubjpass")
            and token.pos_ == "NOUN"
            and not _holds(token, term)
        ):
            return True
    return False


# ---------------------------------------------------------------- event drafts ---
def _event_drafts(
    mentions: MentionIndex,
    events: Sequence[Event],
    voices: Sequence[Voice],
    resources: StanceResources,
) -> list[Draft]:
    """Events whose code is a stance in itself, outside voiced passages (a voice's words are
    read above, with its speaker)."""
    drafts = []
    for event in events:
        found = resources.event_issue(event.cameo)
        if found is None or event.modality == "hypothetical":
            continue
        holder = mentions.by_id.get(event.source or "")
        if holder is None or voice_at(voices, event.trigger[0]) is not None:
            continue
        target = mentions.by_id.get(event.target or "")
        if target is None or _same_side(holder, target) or _country(target) is None:
            # The issues are between countries: an invitation with no guest named, a
            # leader's meeting with his own officials, "sanctions" a party is said to put on
            # its own people are no stance on talks or sanctions.
            continue
        sign = -found.sign if event.modality == "negated" else found.sign
        drafts.append(
            Draft(
                holder=holder,
                issue=found.issue,
                sign=sign,
                mode=found.mode or "statement",
                bounds=(event.start, event.end),
                quotes=(),
                events=(event.id,),
                cue=event.trigger,
                modality="future" if event.modality == "future" else "asserted",
                basis="event",
                confidence=round(0.4 * event.confidence + 0.2, 2),
                date=event.date,
            )
        )
    return drafts


# ---------------------------------------------------------------- the records ---
def _merge(drafts: Sequence[Draft]) -> list[Draft]:
    """One draft per holder, issue and sentence: evidence joined, the surest reading kept."""
    merged: dict[tuple[str, str, int], Draft] = {}
    for draft in drafts:
        key = (draft.holder.id, draft.issue, draft.bounds[0])
        kept = merged.get(key)
        if kept is None:
            merged[key] = draft
            continue
        best, other = (kept, draft) if kept.confidence >= draft.confidence else (draft, kept)
        if best.sign != other.sign and best.basis == other.basis == "text":
            best = replace(best, confidence=round(best.confidence - 0.1, 2))
        merged[key] = replace(
            best,
            quotes=_union(best.quotes, other.quotes),
            events=_union(best.events, other.events),
            condition=best.condition or other.condition,
            condition_issue=best.condition_issue or other.condition_issue,
            mode=best.mode if best.mode != "statement" else other.mode,
            basis="text" if "text" in (best.basis, other.basis) else best.basis,
            date=best.date or other.date,
        )
    return sorted(merged.values(), key=lambda d: (d.bounds[0], d.issue, d.holder.id))


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return a + tuple(x for x in b if x not in a)


POSITIONS = {1: "support", -1: "oppose", 0: "undecided"}
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def generic_holders(parse: ParseIndex, mentions: MentionIndex) -> frozenset[str]:
    """The entities every mention of which is a plural common noun phrase with no name in it
    ("organizations", "the men", "Medical workers"): a set of parties the words do not name,
    which holds its stances for no country (whatever code the entity stage guessed from the
    countries named nearby); "south Korean authorities" or "persons in Pyongyang" name it."""
    pos, text, starts, ends = parse.pos, parse.text, parse.token_starts, parse.token_ends
    seen: dict[str, bool] = {}
    for entity in mentions.by_id.values():
        generic, checked = True, False
        for mention in entity.mentions:
            first = parse.token_covering(mention.start)
            if first is None:
                continue
            tokens = range(first, bisect_left(starts, mention.end))
            if not any(pos[k] in ("NOUN", "PROPN") for k in tokens):
                continue  # a pronoun: says nothing of the name
            checked = True
            named = any(
                pos[k] == "PROPN"
                or (not text[starts[k] : ends[k]].islower() and not parse.starts_sentence(k))
                for k in tokens
            )
            if named or parse.tags[tokens[-1]] not in PLURAL_TAGS:
                generic = False
                break
        seen[entity.id] = generic and checked
    return frozenset(k for k, v in seen.items() if v)


def finish_stances(
    drafts: Sequence[Draft],
    article: Article,
    published: date | None,
    entities: Mapping[str, Entity],
    generic: frozenset[str] = frozenset(),
) -> tuple[Stance, ...]:
    """Merge the drafts and make the records (ids "s1", "s2", ... in text order); a holder in
    ``generic`` (``generic_holders``) keeps no actor code."""
    text = article.text
    day = published.isoformat() if published else None
    out = []
    for n, draft in enumerate(_merge(drafts), start=1):
        holder = draft.holder
        start, end = draft.bounds
        condition = text[draft.condition[0] : draft.condition[1]] if draft.condition else None
        code = holder.actor
        if code is None and holder.affiliation and holder.affiliation in entities:
            code = entities[holder.affiliation].actor  # a person's organisation's code
        if holder.id in generic:
            code = None
        out.append(
            Stance(
                id=f"s{n}",
                actor=holder.id,
                actor_code=code,
                actor_name=holder.name,
                issue=draft.issue,
                position=POSITIONS[draft.sign],  # type: ignore[arg-type]
                mode=draft.mode,  # type: ignore[arg-type]
                evidence=draft.quotes + draft.events,
                sentence=text[start:end],
                start=start,
                end=end,
                cue=draft.cue,
                condition=condition,
                condition_issue=draft.condition_issue,
                speaker_role=holder.roles[0] if holder.roles else None,
                date=draft.date or day,
                modality=draft.modality,  # type: ignore[arg-type]
                reported_by=draft.reported_by,
                basis=draft.basis,  # type: ignore[arg-type]
                confidence=draft.confidence,
            )
        )
    return tuple(out)
