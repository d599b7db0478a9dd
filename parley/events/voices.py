"""Who is speaking: a statement's pronoun or description subject as the story's last speaker.

Wire and state-media stories name a speaker once and then refer back to it: "The Alliance
issued a statement on Tuesday flaying the group ... The statement said ... It called on the
workers ... It appealed to all the people ...". Left to the pronoun pass, "It" becomes the
country named last ("south Korea will fall prey to the U.S., it added. It called on ..."), and
"the statement" nobody. ``Voice`` follows the story's speakers in text order: each statement
whose subject names one coded party (a statement, appeal, demand, criticism, threat...) makes
that party the voice; a later statement whose subject is "it" or "they" within two sentences
of it, or a voice noun ("the statement", "the organization", ``data/voice_nouns.txt``) with no
name of its own, is the voice's. Issuing a statement, a coded event or not, makes its subject
the voice ("X issued a statement Tuesday in which it voiced support ... The statement called
for ..."). "He" or "she" that names no person is the voice too (a speaker described by an
office). A person is never "it" or "they"; a place never speaks. A protest that names nobody
it is against, a few sentences after one that did, is against the same party.

Two more speakers are followed back. A message or letter sent or received (``letters``) speaks
for its sender: "X received a message from Y. The message expressed the hope ..." is Y's (not
the "said" that only opens its printed words, whose own statements are coded), and so is an
"it" continuing a sentence about the message ("The message wished him success. It expressed
belief ..."), even when the sender is a person. The speakers or participants of a gathering
just held speak for its holder: "X held a press conference ... Speakers at the conference
exposed ..." is X's (not when they are at another gathering), and so are those of a gathering
that took place and whose "of" or "by" phrase names its holder ("A meeting of X took place ...
The speakers denounced ..."); those of a gathering no one is named holding are nobody known,
never the nearest name.

Only the event pass's own candidates, and the issuing verbs, messages sent and gatherings held
found from the parse (``issued_statements``, ``find_messages``, ``held_gatherings``), are read,
once each, in text order.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from parley.events.actors import Actor
from parley.events.candidates import DOCUMENTS, ISSUING, REPORTING_CODE, Candidate
from parley.events.clauses import subject_head
from parley.events.letters import Sending
from parley.events.pronouns import antecedent_or_topic, person_stand_in
from parley.events.rallying import RALLY_CODE
from parley.events.reading import Reading
from parley.events.records import Coded
from parley.nlp.index import ParseIndex
from parley.records import Entity, Quote

__all__ = ["Voice", "held_gatherings", "issued_statements", "told_by_another"]

# Roots of statements: public statements, appeals, intents, praise, demands, disapproval,
# rejection, threats (the verbal CAMEO roots whose doer speaks).
SPEECH_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})
# How many sentences back the voice may have spoken for "it" to be it: the sentence before
# and one more ("..., the statement said. ..., it added. It called on ...": "added" is no
# statement of its own).
PRONOUN_REACH = 2
PROTEST_ROOT = "14"
# How many distinct parties back the newspaper a bare "the paper" stands for may be named.
OUTLET_LOOKBACK = 8
# How many sentences after a protest against someone a protest naming nobody is still the same
# campaign's.
PROTEST_REACH = 5
SPEAKING_PRONOUNS = frozenset({"it", "they"})
PERSON_PRONOUNS = frozenset({"he", "she"})
# Putting out a statement ("issued a statement", "released a communique", "made a
# declaration") and the documents so put out (``ISSUING``, ``DOCUMENTS``, in ``candidates``):
# their issuer is the voice.
# Words before a voice noun that point back ("the statement", "its letter").
POINTING_WORDS = frozenset({"the", "this", "that", "its", "their"})
# Holding a gathering ("held a press conference", "staged a rally"): its holder speaks
# through its speakers and participants ("Speakers at the conference exposed ...").
HOLDING = frozenset({"hold", "host", "organize", "organise", "sponsor", "stage", "convene"})
GATHERINGS = frozenset(
    {"meeting", "conference", "rally", "seminar", "symposium", "ceremony", "gathering"}
    | {"forum", "demonstration", "event", "vigil"}
)
GATHERING_VOICES = frozenset({"speaker", "participant"})
# How many sentences back the gathering may have been held for its speakers to be its holder's.
HOST_REACH = 3
# A gathering told of as taking place rather than as held by someone ("A meeting of the
# union's members took place", "A rally was held by the students", "A symposium opened"): the
# verbs it is the subject of; its holder is then named by its "of" or "by" phrase, if at all.
OCCURRING = frozenset({"take", "open", "hold", "sponsor", "organize", "organise", "convene"})
# The documents sent to someone (``letters``), whose words are their senders'.
MESSAGE_NOUNS = frozenset({"message", "letter"})
MEDIA_SECTOR = "MED"
# A newspaper's piece may be new to the story and still the newspaper's ("An article says").
MEDIA_POINTING = POINTING_WORDS | {"a", "an", "another"}


@dataclass(slots=True)
class Voice:
    """The story's last speaker and the sentence (its first token) where it last spoke; the
    party its last protest was against, and where."""

    entity: Entity | None = None
    sentence: int = -1
    sender: Entity | None = None  # who sent the message the story told of last
    host: Entity | None = None  # who held the gathering the story told of last
    gathering: str = ""  # its noun ("conference")
    held_at: int = -1  # the first token of the sentence telling of it
    protested: Actor | None = None
    protested_at: int = -1

    def carry_protest(self, coded: Coded) -> Coded:
        """A protest naming nobody it is against is against the party the story's protest
        just before was: "a rally calling for impeaching X took place ... 300,000 people took
        part in the rally" (CAMEO 14, and rallying the public against someone, 113; within
        ``PROTEST_REACH`` sentences)."""
        if coded.info.code[:2] != PROTEST_ROOT and coded.info.code != RALLY_CODE:
            return coded
        token = coded.candidate.token
        against = [t for t in coded.targets if t.resolved and t.code]
        if against:
            self.protested, self.protested_at = against[0], token.sent.start
            return coded
        if self.protested is None or self.protested_at < _sentences_back(token, PROTEST_REACH):
            return coded
        if any(s.key == self.protested.key for s in coded.sources):
            return coded
        start = token.idx
        implied = Actor(self.protested.entity, "", start, start, implied=True)
        return dataclasses.replace(coded, targets=(implied,))

    def stand_in(
        self, candidate: Candidate, reading: Reading, sources: Sequence[Actor]
    ) -> list[Actor] | None:
        """The voice as the statement's source, when its subject is "it"/"they" right after
        the voice spoke or a voice noun; None to keep ``sources``."""
        if not _speech(candidate):
            return None
        subject, passive = subject_head(candidate.token)
        if subject is None or passive or candidate.reported_by is not None:
            return None
        # "The article says" is the newspaper named before, whoever spoke last.
        outlet = _outlet(subject, reading) if not any(a.resolved for a in sources) else None
        if outlet is not None:
            start = subject.idx
            return [Actor(outlet, subject.text, start, start + len(subject))]
        if self.gathering and self._hosted(subject, sources):
            # The speakers of a gathering whose holder the story does not name are nobody
            # known ("A joint mass was held ... The speakers said"), not the nearest name.
            start = subject.idx
            return [Actor(self.host, subject.text, start, start + len(subject))]
        message = _continues_message(subject, reading, sources)
        if self.sender is not None and (
            message or _message_speaks(candidate, subject, reading, sources)
        ):
            start = subject.idx
            return [Actor(self.sender, subject.text, start, start + len(subject))]
        if self.entity is None:
            return None
        lower = subject.lower_
        if lower in SPEAKING_PRONOUNS and subject.pos_ == "PRON":
            if self.entity.kind == "person" and not message:
                return None  # a person is not "it"; the message the person sent is
            if self.sentence < _sentences_back(subject, PRONOUN_REACH):
                return None  # the voice spoke too long ago to be "it"
        elif lower in PERSON_PRONOUNS and subject.pos_ == "PRON":
            # "The permanent observer of Palestine accused Israel ... He said ...": a speaker
            # described by an office, whom no named person is there for "he" to be.
            if any(a.resolved for a in sources) or not person_stand_in(self.entity):
                return None
            if self.sentence < _sentences_back(subject, PRONOUN_REACH):
                return None
        elif not _voice_noun(subject, reading):
            return None
        elif any(a.resolved for a in sources):
            return None  # "the statement of the Foreign Ministry": its own words say whose
        start = subject.idx
        return [Actor(self.entity, subject.text, start, start + len(subject))]

    def _hosted(self, subject: Token, sources: Sequence[Actor]) -> bool:
        """Whether the subject is the speakers of the gathering held last, a few sentences
        back, and its own words code no one ("Speakers at the conference")."""
        if self.held_at < _sentences_back(subject, HOST_REACH):
            return False
        return _speakers_at(subject, self.gathering) and not any(a.code for a in sources)

    def hear(self, candidate: Candidate, sources: Sequence[Actor], reading: Reading) -> None:
        """Note who spoke: a statement (not one reported inside another, nor told in words
        another speaker is quoted saying) by one coded party."""
        if not _speech(candidate) or candidate.reported_by is not None:
            return
        if told_by_another(candidate.token, reading.quotes):
            return
        self._note(candidate.token, sources)

    def hear_issuing(self, verb: Token, reading: Reading) -> None:
        """Note who issued a statement ("X issued a statement"): the subject of an issuing
        verb (``issued_statements``) in the active voice, outside another's quoted words."""
        subject, passive = subject_head(verb)
        if subject is not None and not passive and not told_by_another(verb, reading.quotes):
            # Whoever issues a statement is its voice, a person too: "the statement said"
            # next is theirs, not the voice of the story so far.
            self._note(verb, reading.resolve(subject), issuer=True)

    def hear_sending(self, sending: Sending) -> None:
        """Note who sent the last message ("X received a message from Y": Y), whose words
        the message's are ("The message expressed the hope ..."): one coded sender."""
        senders = [e for e in sending.senders if e.actor and e.kind != "location"]
        self.sender = senders[0] if len(senders) == 1 else None

    def hear_holding(self, noun: Token, reading: Reading) -> None:
        """Note who held a gathering ("X held a press conference"): the one coded party the
        active subject of the holding verb names, whose voice its speakers are. A gathering
        that took place ("A meeting of X took place", "A rally was held by X") is held by
        the party its "of" or "by" phrase names; by nobody known when none names one, and
        its speakers are then nobody known either, not the nearest name."""
        if noun.dep_ == "dobj":
            subject, passive = subject_head(noun.head)
            if subject is None or passive:
                return
            heads = [subject]
        else:
            heads = _holder_phrases(noun)
        hosts = {
            a.code: a.entity
            for head in heads
            for a in reading.resolve(head)
            if a.entity is not None and a.code and a.entity.kind != "location"
        }
        self.host = next(iter(hosts.values())) if len(hosts) == 1 else None
        self.gathering = noun.lemma_.lower()
        self.held_at = noun.sent.start

    def _note(self, token: Token, sources: Sequence[Actor], issuer: bool = False) -> None:
        speakers = {a.key: a.entity for a in sources if a.entity is not None and a.code}
        if len(speakers) != 1:
            return
        entity = next(iter(speakers.values()))
        if entity is None or entity.kind == "location":
            return
        if entity.kind == "person" and self.entity is not None and not issuer:
            # A person quoted inside an organisation's statement does not become "it".
            return
        self.entity = entity
        self.sentence = token.sent.start


def told_by_another(token: Token, quotes: Sequence[Quote]) -> bool:
    """Whether the word lies in the words a quote of a named speaker reports, not in its own
    speaker or cue: a statement the story's speaker tells of ("... the DPRK declared that it
    would react with war means, it warned") is no new voice; the "it" and "the statement"
    after it are still the story's speaker. The quote stage ends a cue's content before the
    cue, so words told before their "it warned" are found too, which the parse's clauses
    (``reported_by``) do not reach."""
    at = token.idx
    for quote in quotes:
        if quote.act or quote.speaker is None:
            # "launched a struggle to oppose war": its holder's own act, not words; and words
            # of a speaker the quote stage could not name may be the one they tell of.
            continue
        own = [span for span in (quote.speaker_span, quote.cue_span) if span is not None]
        if any(start <= at < end for start, end in own):
            continue
        if any(start <= at < end for start, end in quote.fragments):
            return True
    return False


def issued_statements(parse: ParseIndex) -> tuple[int, ...]:
    """The indices of the verbs that put out a statement ("issued a statement", "released a
    communique"), in text order, read from the parse's columns."""
    found: list[int] = []
    for n, lemma in enumerate(parse.lemmas):
        if lemma not in DOCUMENTS or parse.deps[n] != "dobj":
            continue
        verb = parse.heads[n]
        if parse.lemmas[verb] in ISSUING and parse.pos[verb] == "VERB":
            found.append(verb)
    return tuple(found)


def held_gatherings(parse: ParseIndex) -> tuple[int, ...]:
    """The indices of the gathering nouns a verb holds ("held a press conference", "staged
    a rally") or that take place ("A meeting of X took place", "A rally was held"), in text
    order, read from the parse's columns."""
    found: list[int] = []
    for n, lemma in enumerate(parse.lemmas):
        if lemma not in GATHERINGS:
            continue
        verb, dep = parse.heads[n], parse.deps[n]
        if parse.pos[verb] != "VERB":
            continue
        if (dep == "dobj" and parse.lemmas[verb] in HOLDING) or (
            dep in ("nsubj", "nsubjpass") and parse.lemmas[verb] in OCCURRING
        ):
            found.append(n)
    return tuple(found)


def _holder_phrases(noun: Token) -> list[Token]:
    """The heads of the phrases naming who holds a gathering that takes place: its "of"
    phrase ("a meeting of the union's members") and its verb's agent ("was held by X")."""
    heads = [c for p in noun.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
    for agent in (c for c in noun.head.children if c.dep_ == "agent"):
        heads.extend(c for c in agent.children if c.dep_ == "pobj")
    return heads


def _speakers_at(subject: Token, gathering: str) -> bool:
    """Whether the subject is the speakers or participants of the gathering just held:
    "Speakers at the conference", "The participants" (no other gathering named)."""
    if subject.lemma_.lower() not in GATHERING_VOICES or subject.tag_ != "NNS":
        return False
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.lower_ in ("at", "in", "of"):
            places = [c for c in prep.children if c.dep_ == "pobj"]
            if any(c.lemma_.lower() != gathering for c in places):
                return False
    return True


def _message_speaks(
    candidate: Candidate, subject: Token, reading: Reading, sources: Sequence[Actor]
) -> bool:
    """Whether a bare "the message" or "the letter" makes a statement of its own ("The
    letter vowed to ..."), not one whose subject names its sender, nor the "said" that
    only opens its printed words ("..., the letter said, and went on: ...")."""
    if candidate.code == REPORTING_CODE or any(a.resolved for a in sources):
        return False
    return subject.lemma_.lower() in MESSAGE_NOUNS and _voice_noun(subject, reading)


def _continues_message(subject: Token, reading: Reading, sources: Sequence[Actor]) -> bool:
    """Whether an "it" that names nobody is the message the sentence before was about ("The
    message wished him success. It expressed belief ..."): its words are its sender's, a
    person too (the person is not "it", the message is)."""
    if subject.lower_ != "it" or subject.pos_ != "PRON" or any(a.resolved for a in sources):
        return False
    found, topic = antecedent_or_topic(subject, reading.mentions)
    if found is not None or topic is None or topic.i >= subject.sent.start:
        return False
    return topic.lemma_.lower() in MESSAGE_NOUNS and _voice_noun(topic, reading)


def _sentences_back(token: Token, count: int) -> int:
    """The first token of the sentence ``count`` sentences before the token's."""
    start = token.sent.start
    for _ in range(count):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    return start


def _speech(candidate: Candidate) -> bool:
    return not candidate.is_noun and candidate.code[:2] in SPEECH_ROOTS


def _outlet(subject: Token, reading: Reading) -> Entity | None:
    """The newspaper or agency named last before a bare "the paper", "the commentary", or a
    piece of it new to the story ("Rodong Sinmun - An article calls for ...", "Another
    article discloses ...": a press digest lists each paper's pieces under its name)."""
    if not _voice_noun(subject, reading, MEDIA_POINTING):
        return None
    if reading.resources.voice_nouns[subject.lemma_.lower()] != "media":
        return None
    for ref in reversed(reading.mentions.distinct_before(subject.idx, OUTLET_LOOKBACK)):
        # "leading newspapers of the DPRK": the press as a group, coded as media too.
        if (ref.entity.kind == "media" or ref.entity.sector == MEDIA_SECTOR) and ref.entity.actor:
            return ref.entity
    return None


def _voice_noun(
    subject: Token, reading: Reading, pointing: frozenset[str] = POINTING_WORDS
) -> bool:
    """A bare voice noun: "the statement", "the joint statement", "the press release", "the
    organization" (not "the Korean Council", whose own name says who it is)."""
    if subject.lemma_.lower() not in reading.resources.voice_nouns:
        return False
    children = list(subject.children)
    if not any(c.lower_ in pointing for c in children if c.dep_ in ("det", "poss")):
        return False
    return not any(c.pos_ == "PROPN" for c in children if c.dep_ in ("compound", "amod"))
