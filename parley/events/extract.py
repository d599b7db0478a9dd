"""Who did what to whom, and when: events from the dependency parse, pass by pass.

1. ``candidates``: the words the lexicon codes, folded into the clauses that govern them;
2. ``code_candidate`` (here): each kept candidate's actors (``participants``) and its final
   code: a reporting verb with a conditional warning is a threat, a reported plan or
   requirement a statement, a planned, required or claimed action the statement CAMEO codes
   (``restate``);
3. ``complete_targets`` (here): a target for an event whose words name nobody on the
   receiving end (``targets``), never its venue nor the source's own country; a warning or
   rallying call that names nobody is aimed at the story's adversary (``adversary``);
4. ``records``: the Event records, dated, with modality, Goldstein and QuadClass;
5. with ``Config.parties`` "model", the trained source/target chooser (``parties``) may give
   a side another party of the sentence; with ``Config.events`` "model", the trained filter
   (``model``) drops the events it judges wrong.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from datetime import date

from spacy.tokens import Token

from parley.events.actors import RELATIVE_PRONOUNS, Actor, joint_partners
from parley.events.adversary import aim_at_adversary, aim_criticism
from parley.events.candidates import (
    ALLEGING_PREPS,
    PROTEST_ROOT,
    REPORTING_CODE,
    Candidate,
    by_token,
    find_candidates,
)
from parley.events.clauses import conditional_threat, prep_objects, subject_head
from parley.events.coding import OBJECT_DEPS, answers_request
from parley.events.dating import timex_heads
from parley.events.evaluative import (
    EVALUATED_CODES,
    evaluation,
    party_accused,
    party_spoken_of,
)
from parley.events.letters import Sending, find_messages
from parley.events.modality import find_modality
from parley.events.model import filter_events
from parley.events.participants import REQUEST_ROOTS, noun_actors, requested_stops, verb_actors
from parley.events.parties import choose_parties
from parley.events.rallying import RALLY_CODE, rallied_against
from parley.events.reading import Reading
from parley.events.records import Coded, build_events
from parley.events.resources import EventResources
from parley.events.restate import allegation, as_statement, reported_stance
from parley.events.targets import (
    HELD_THING_ROOTS,
    acts_on_places,
    condition_clause_target,
    context_target,
    held_thing_place,
    implicit_target,
    place_target,
)
from parley.events.titles import headline_end, name_at, unreported_spans
from parley.events.twice import drop_told_twice
from parley.events.voices import Voice, held_gatherings, issued_statements
from parley.kb.normalize import normalize_name
from parley.nlp.index import MentionIndex, ParseIndex
from parley.quotes.marks import find_quoted
from parley.quotes.titles import find_titles
from parley.records import Article, Event, Quote, Timex

__all__ = ["code_candidate", "complete_targets", "find_events"]

# The code of a reported conditional warning ("said that if the US wants delay, there is no
# need for dialogue"): CAMEO's threat, not otherwise specified.
THREAT_CODE = "130"
# Aid (07), concessions (08, moratoria among them) and the promise of either (033, 035) are
# given to someone: the receiver may be named only in the sentences before.
GIVING_ROOTS = frozenset({"07", "08"})
GIVING_INTENTS = ("033", "035")
# Statements of belief, hope or will ("expressed belief that the DPRK would win"): made to
# nobody named, they are about the party their reported clause names.
SPOKEN_OF_ROOTS = frozenset({"01", "03"})
ACCUSE_ROOT = "11"
HOSTING_CODE = "043"
# Consults (04) other than visits, receptions and meetings abroad: a body may hold them among
# its own (``_own_gathering``).
CONSULT_ROOT = "04"
VISIT_CODES = frozenset({"042", "043", "044"})
RECEIVING_VERB = "receive"
# What a host receives when no name says so: people by their part in a visit.
GUEST_WORDS = frozenset(
    {
        "delegation",
        "delegate",
        "guest",
        "visitor",
        "envoy",
        "ambassador",
        "official",
        "member",
        "team",
        "group",
        "party",
        "minister",
        "representative",
        "dignitary",
        "mission",
        "troupe",
        "people",
        "soldier",
        "serviceperson",
        "worker",
        "student",
        "veteran",
        "compatriot",
        "governor",
        "secretary",
        "chairman",
        "president",
        "premier",
        "mayor",
        "general",
        "commander",
        "leader",
        "head",
        "chief",
        "director",
        "officer",
        "diplomat",
        "journalist",
        "reporter",
        "athlete",
        "player",
        "artist",
        "scholar",
        "friend",
        "family",
        "participant",
    }
)
# What a guest hands over in being received: "received credentials from the ambassador".
VISIT_TOKENS = frozenset({"credential", "credentials"})
# Attacks, fights, clashes and beatings that may be words or votes among politicians
# (``political_contest``); the first three are then criticism, a beating an election won.
CONTEST_WORDS = frozenset({"attack", "beat", "fight", "clash"})
WORDS_OF_ATTACK = frozenset({"attack", "fight", "clash"})
FORCE_ROOTS = frozenset({"18", "19"})
# Coercion, assault, fighting and mass violence, and threats of repression or of military
# force (CAMEO 137, 138x: "threatened to blockade the capital"): the acts whose place target
# is the people living there (``_code_places``).
PLACE_FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
PLACE_FORCE_THREATS = frozenset({"137", "138"})
COUNTRY_CODE_LEN = 3
CIVILIAN_SECTOR = "CVL"
# QuadClass 1 and 2: verbal and material cooperation (CAMEO roots 01-08).
COOPERATIVE_QUADS = 2
# CAMEO 087x: de-escalating military engagement (a retreat, a ceasefire, a demobilisation).
MILITARY_DEESCALATION = "087"
# Pronouns that stand for people named before (a leader, a delegation) whose act is a
# political one more often than not: "They toured the tower" after a delegation's visit.
PERSONAL_PRONOUNS = frozenset({"i", "we", "he", "she", "you", "they"})
GOVERNMENT_SECTOR = "GOV"
CRITICISM_CODE = "111"
VERBAL_ATTACK_WORDS = frozenset(
    {
        "personal",
        "political",
        "verbal",
        "negative",
        "rhetorical",
        "partisan",
        "scurrilous",
        "racial",
        "tweet",
        "twitter",
        "campaign",
        "ad",
        "smear",
    }
)
# What an attack aimed at a person's words or record goes at, besides the policy nouns:
# "attacked Trump's comments", "attacks rival's foreign policy inexperience".
SPOKEN_WORDS = frozenset(
    {
        "comment",
        "remark",
        "statement",
        "speech",
        "word",
        "rhetoric",
        "tweet",
        "answer",
        "response",
        "inexperience",
        "candidacy",
        "campaign",
        "fitness",
        "judgment",
        "judgement",
        "character",
        "credential",
        "honesty",
        "integrity",
    }
)
# Whom an attack of words goes at: "refrained from attacking his rivals", "attacking the
# questioners instead". Not journalists nor reporters, whom mobs do beat.
RIVAL_WORDS = frozenset(
    {
        "rival",
        "opponent",
        "challenger",
        "critic",
        "detractor",
        "questioner",
        "moderator",
        "nominee",
        "frontrunner",
        "front-runner",
        "establishment",
        "media",
        "press",
    }
)
# What an attack over which is one of words: "attacked him over the issue".
ISSUE_WORDS = frozenset({"issue", "question", "matter", "handling", "view", "tie", "remark"})
# Where words are said, and what says them: "attacks from Christie at the final debate",
# "ads attacking Cruz", "a column attacked the comment". Not a rally: people are beaten at
# rallies.
SAYING_WORDS = frozenset(
    {
        "debate",
        "interview",
        "speech",
        "hearing",
        "ad",
        "advertisement",
        "commercial",
        "column",
        "editorial",
        "op-ed",
        "article",
        "tweet",
        "post",
        "statement",
        "letter",
        "book",
        "memo",
        "mailer",
        "video",
    }
)
SAID_IN = frozenset({"in", "at", "during"})
AIMING_AT = frozenset({"on", "against", "upon"})
# "fired back at critics", "hit back": a retort (``political_contest``).
RETORT_WORD = "back"
RETORT_VERBS = frozenset({"fire"})
# Prepositions by which an attack gives its reason: "attacked Obama for being too tough",
# "attacking Romney as having choked": criticism of what someone did or is.
REASON_PREPS = frozenset({"for", "as"})
# Words of a beating that is one of bodies: "beaten to death", "beat up", "with a stick".
BODILY_BEATING = frozenset({"death", "up", "with", "stick", "club", "baton"})
# A game's or a vote's score: "beat Japan 2:0", "beat undefeated Clemson 45-40".
SCORE_DASHES = frozenset({":", "-", "\u2013"})
SCORE_RE = re.compile(r"^\d{1,3}[:\-\u2013]\d{1,3}$")
POLITICAL_SECTORS = frozenset({"GOV", "LEG", "PTY", "ELI", "JUD"})
PLACE_KINDS = frozenset({"country", "location"})
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "SPY", "INS", "UAF", "SEP"})
ASK_VERB = "ask"
APPEAL_ROOT = "02"
# What reporters ask a party for: its comment, not a concession.
PRESS_ASKS = frozenset({"comment", "comments"})
QUESTION_WORDS = frozenset({"whether", "if", "why", "how", "what", "who", "whom", "when", "where"})
SUPPORT_WORD = "support"
# Asking (02) and backing (05): what is asked for or backed may be a measure, no party.
ISSUE_ROOTS = frozenset({"02", "05"})
# Signing (057) a law or a measure enacts a policy; striking or signing a deal or a
# compromise is an agreement with another party, named or not.
SIGNING_CODE = "057"
BARGAIN_WORDS = frozenset({"deal", "compromise"})
CONSIDER_CODE = "014"
CONSIDER_VERB = "consider"
# Heads of a clause with no verb of its own ("themselves very liberal", "that an
# embarrassment"): what something is judged to be.
VERBLESS_HEADS = frozenset({"ADJ", "NOUN", "PROPN"})
# What one does to a measure of backing: "losing support", "her support fell".
GAUGE_VERBS = frozenset(
    {
        "lose",
        "gain",
        "garner",
        "draw",
        "maintain",
        "sap",
        "erode",
        "exceed",
        "surpass",
        "trail",
        "average",
        "fall",
        "drop",
        "rise",
        "slip",
        "grow",
        "count",
        "split",
        "poll",
        "shed",
        "bleed",
        "consolidate",
    }
)
# Who answers polls and casts ballots, and the shares of them a poll reports ("6 in 10
# voters", "three-quarters of Republican voters", "white men", "early deciders"): their
# backing, wants and sayings are a poll's finding about an electorate, not an act of one
# party towards another. Ordinary English of election reporting.
ELECTORATE_WORDS = frozenset(
    {
        "voter",
        "electorate",
        "caucusgoer",
        "caucus-goer",
        "respondent",
        "decider",
        "poll",
        "survey",
        "majority",
        "plurality",
        "percent",
        "%",
        "half",
        "third",
        "quarter",
        "two-thirds",
        "three-quarters",
        "man",
        "woman",
        "white",
        "black",
        "hispanic",
        "latino",
        "evangelical",
        "moderate",
        "suburbanite",
        "millennial",
        "independent",
        "undecided",
    }
)
# Roots of what an electorate is polled on: saying, wanting, intending, backing, rejecting.
POLLED_ROOTS = frozenset({"01", "02", "03", "05", "12"})
# Measures of a lead: "back her by 9 points", "by a 67 percentage point margin".
MARGIN_WORDS = frozenset({"point", "margin"})
# Roots of nouns that name words said to someone about something: an appeal, a promise or
# offer, a demand (``_bare_statement_noun``).
STATEMENT_NOUN_ROOTS = frozenset({"02", "03", "10"})
# A noun's links that hold what it says or asks: "a call for a ban", "a promise to
# withdraw", "the demand that the law not be enforced", "his proposal, a wall".
CONTENT_DEPS = frozenset({"acl", "prep", "ccomp", "xcomp", "appos"})
HANDOVER_CODE = "063"
HANDOVER_VERBS = frozenset({"hand", "turn"})
# Whom a handover gives up, besides named people and guests: people in custody.
CUSTODY_WORDS = frozenset(
    {
        "suspect",
        "prisoner",
        "criminal",
        "fugitive",
        "detainee",
        "captive",
        "hostage",
        "body",
        "remains",
        "spy",
        "defector",
        "militant",
        "terrorist",
        "man",
        "woman",
        "citizen",
        "national",
        "crew",
        "sailor",
        "fisherman",
        "soldier",
        "pow",
        "convict",
        "accused",
    }
)
THING_PRONOUNS = frozenset({"it", "this", "that", "which", "what", "these", "those"})
# Releasing persons (0841) needs persons: "released the detained fishermen", not "released a
# new radio ad" or "released his tax returns".
RELEASE_CODE = "0841"
RELEASE_VERBS = frozenset({"release", "free"})
# Participles that make any noun people in custody ("the unreasonably detained").
CUSTODY_PARTICIPLES = frozenset(
    {
        "detain",
        "arrest",
        "imprison",
        "jail",
        "capture",
        "abduct",
        "kidnap",
        "hold",
        "seize",
        "intern",
        "convict",
        "sentence",
    }
)
PERSON_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Verbs that do, give, resume or step up the act their object names ("carried out the
# attack", "renders assistance", "resumed its attacks", "repeated his promise"): the act is
# reported, not mentioned.
DOING_VERBS = frozenset(
    {
        "carry",
        "conduct",
        "launch",
        "stage",
        "mount",
        "wage",
        "perpetrate",
        "commit",
        "unleash",
        "render",
        "extend",
        "provide",
        "give",
        "resume",
        "continue",
        "renew",
        "repeat",
        "reiterate",
        "escalate",
        "intensify",
        "step",
        "redouble",
        "press",
        "pursue",
        "keep",
    }
)
# Protests (14) and shows of force (15: drills, exercises, alerts): acts that need no one
# on the receiving end.
UNAIMED_ROOTS = frozenset({PROTEST_ROOT, "15"})
# What a modal auxiliary makes of a clause when it supposes or foretells (``modality.tsv``).
SUPPOSING = frozenset({"hypothetical", "future"})
# Prepositions by which an event noun names what its act is aimed at ("attacks on X", "a call
# for a ban", "sanctions against X"): the act is told with its aim, not named in passing.
AIMING_PREPS = frozenset(
    {
        "on",
        "upon",
        "for",
        "against",
        "at",
        "to",
        "toward",
        "towards",
        "over",
        "into",
        "with",
        "behind",
    }
)
# The links of a clause's doer and of its helping verbs: an imperative has none.
SUBJECT_OR_AUX = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass"})


def find_events(
    parse: ParseIndex,
    mentions: MentionIndex,
    article: Article,
    on: date | None,
    timexes: Sequence[Timex],
    quotes: Sequence[Quote],
    resources: EventResources,
) -> tuple[Event, ...]:
    """The article's events, in text order (``on``: the publication day, the date of an
    event whose clause names none)."""
    candidates = find_candidates(parse, resources.lexicon, resources.complement_codes)
    letters, sendings = find_messages(parse, mentions)
    quoted = find_quoted(parse.text, resources.marks)
    titles = find_titles(parse.text, quoted, resources.title_nouns)
    named = tuple(t.quoted for t in titles if t.named)  # a body's name in marks is a party
    reading = Reading(parse.text, mentions, quotes, resources, by_token(candidates), letters, named)
    voice = Voice()
    heard = _Heard(issued_statements(parse), sendings, held_gatherings(parse))
    coded = [
        voice.carry_protest(complete_targets(c, reading))
        for c in _coded(candidates, reading, voice, heard)
    ]
    # Warnings and rallying calls that name nobody: the story's adversary (``adversary``).
    coded = aim_at_adversary(coded, parse.sent_starts)
    # Criticism whose words name nobody: at the party the story was just criticising.
    coded = aim_criticism(coded, parse.sent_starts)
    coded = [c for c in coded if not _act_named_in_passing(c, reading)]
    # "met the ambassador, who paid a courtesy call on him": a visit told of a party no code
    # is known for says nothing the meeting did not.
    coded = [c for c in coded if not _uncoded_visitor(c)]
    # "met and had a talk with Y": the first verb's act with nobody is the second's (``twice``).
    coded = drop_told_twice(coded)
    # The words of a work's or a slogan's name in marks, or of a scare quote, are no acts
    # reported (``titles``).
    names = unreported_spans(parse, quoted, titles)
    if names:
        coded = [c for c in coded if name_at(c.candidate.token.idx, names) is None]
    # Nor a verbatim story's own headline, which tells again what its body tells; a story
    # read from a page or a corpus record keeps its title apart from the text.
    if article.title is None and (headline := headline_end(parse.text)):
        coded = [c for c in coded if c.candidate.token.idx >= headline]
    heads = timex_heads(parse.doc, timexes, parse.text)
    events = build_events(coded, article, on, heads, resources, mentions)
    if resources.parties is not None:
        events = choose_parties(events, parse, mentions, resources.parties)
    if resources.model is not None:
        events = filter_events(events, parse, resources.model)
    events = tuple(_code_places(e, mentions, resources.capitals) for e in events)
    # An act with no party at all, neither a doer nor a receiver among the story's entities,
    # is no act between political actors ("the performance was highly applauded", "the
    # triplets weighed 1.9kg", "if the party is allowed to seize power"): on 100 unseen
    # stories 41 of 299 events, nearly all of them wrong readings.
    events = tuple(e for e in events if e.source is not None or e.target is not None)
    return tuple(e for e in events if not _between_the_public(e))


def _between_the_public(event: Event) -> bool:
    """Whether a cooperative act (QuadClass 1 or 2) has no political actor on either side,
    each side uncoded or the public ("innovators arrived here to tour the capital", "the
    working people congratulated the players", "the people who support the declaration"):
    domestic or ceremonial news, which an analyst does not code (docs/annotation.md); the
    real-text gold codes none of its 336 events between such sides. Force and protest stay:
    an attack by unknown men on a town is an event, and so is a military de-escalation ("their
    forces completed their withdrawal", whoever the forces are coded as). So does an act
    towards the public by a doer left uncoded ("his appeal to the people"), or an act of a
    person written as a pronoun left uncoded ("He urged all those who...", "They toured the
    tower"): the doer is often a leader or a delegation not resolved."""
    if event.quad_class > COOPERATIVE_QUADS or event.cameo.startswith(MILITARY_DEESCALATION):
        return False
    source, target = event.source_actor, event.target_actor
    if source is None:
        return target is None and (event.source_text or "").lower() not in PERSONAL_PRONOUNS
    return source.endswith(CIVILIAN_SECTOR) and (target is None or target.endswith(CIVILIAN_SECTOR))


def _code_places(event: Event, mentions: MentionIndex, capitals: frozenset[str]) -> Event:
    """The event with its places coded as the actors they stand for there. A town or region
    (or a capital) that an act of force falls on, or is threatened to, is the people living
    there ("blockade Paris", "fired shells at Jericho", "a curfew in Cizre": FRACVL, PSECVL,
    TURCVL), as CAMEO's civilian sector is for those a coercive or violent act falls on; a
    capital any other act is done by or aimed at stands for its state's government
    ("Washington demanded", "urged Tokyo": USAGOV, JPNGOV). A place's own code is its
    country's (``is_place``), which says whose they are but not who; a country named as
    itself stays the country. Done after the party and filter stages, which read sectors, so
    that it moves no event."""
    force = event.cameo[:2] in PLACE_FORCE_ROOTS or event.cameo[:3] in PLACE_FORCE_THREATS
    source = event.source_actor
    sentence = event.sentence
    if not force and _capital_party(event.source, event.source_text, sentence, mentions, capitals):
        source = f"{source}{GOVERNMENT_SECTOR}"
    target = event.target_actor
    place = mentions.by_id.get(event.target or "")
    if (
        place is not None
        and place.kind == "location"
        and force
        and target is not None
        and len(target) == COUNTRY_CODE_LEN
    ):
        target = f"{target}{CIVILIAN_SECTOR}"
    elif event.cameo not in VISIT_CODES and _capital_party(
        event.target, event.target_text, sentence, mentions, capitals
    ):
        # A capital visited is where the visit went ("toured places of Pyongyang").
        target = f"{target}{CIVILIAN_SECTOR if force else GOVERNMENT_SECTOR}"
    if (source, target) == (event.source_actor, event.target_actor):
        return event
    return dataclasses.replace(event, source_actor=source, target_actor=target)


def _capital_party(
    entity_id: str | None,
    words: str | None,
    sentence: str,
    mentions: MentionIndex,
    capitals: frozenset[str],
) -> bool:
    """Whether an event's side is a country the text names by its capital ("Washington"),
    coded as the bare country. Not a story's dateline ("Pyongyang, July 27 (KCNA) --"),
    which says where it was written, whoever it reports acting."""
    entity = mentions.by_id.get(entity_id or "")
    return (
        words is not None
        and not sentence.lstrip().startswith(f"{words},")
        and entity is not None
        and entity.kind == "country"
        and entity.actor is not None
        and len(entity.actor) == COUNTRY_CODE_LEN
        and normalize_name(words) in capitals
    )


def _uncoded_visitor(coded: Coded) -> bool:
    """Whether the event is a visit or call told in a relative clause (``candidates``,
    ``_visit_of_party``) by a visitor with no actor code."""
    token = coded.candidate.token
    return (
        token.dep_ == "relcl"
        and coded.info.code[:2] == CONSULT_ROOT
        and not any(a.code for a in coded.sources)
    )


@dataclasses.dataclass(slots=True)
class _Heard:
    """What the voice hears besides the statements coded: the issuing of statements (verb
    indices), the sending of messages and the holding of gatherings (noun indices), each
    before the words after it."""

    issuings: Sequence[int]
    sendings: Sequence[Sending]
    holdings: Sequence[int]  # gathering nouns

    def before(self, token: Token, voice: Voice, reading: Reading) -> None:
        """Let ``voice`` hear what comes before ``token`` and was not heard yet."""
        doc = token.doc
        while self.issuings and self.issuings[0] < token.i:
            voice.hear_issuing(doc[self.issuings[0]], reading)
            self.issuings = self.issuings[1:]
        while self.sendings and self.sendings[0].at <= token.idx:
            voice.hear_sending(self.sendings[0])
            self.sendings = self.sendings[1:]
        while self.holdings and self.holdings[0] < token.i:
            voice.hear_holding(doc[self.holdings[0]], reading)
            self.holdings = self.holdings[1:]


def _coded(
    candidates: Sequence[Candidate], reading: Reading, voice: Voice, heard: _Heard
) -> Iterator[Coded]:
    """The candidates coded in text order; ``voice`` hears each statement, and each issuing
    of one and sending of a message (``heard``) before the words after it."""
    for candidate in candidates:
        heard.before(candidate.token, voice, reading)
        if not candidate.dropped:
            coded = code_candidate(candidate, reading, voice)
            if coded is not None:
                coded = political_contest(coded, reading)
            if coded is not None:
                yield coded
        elif candidate.reported_by is None and not candidate.is_noun:
            # A "said" that gave way to what it reports still says who is speaking.
            subject, passive = subject_head(candidate.token, reading.mentions.parse)
            if subject is not None and not passive:
                voice.hear(candidate, reading.resolve(subject), reading)


def code_candidate(
    candidate: Candidate, reading: Reading, voice: Voice | None = None
) -> Coded | None:
    """The candidate's actors and final code; None when it is no event (a code outside the
    tables, an event noun or verb with nobody attached). ``voice``: the story's speakers so
    far, whom "it", "they" and "the statement" stand for (``voices``); it hears this one."""
    res = reading.resources
    info = res.code_info(candidate.code)
    if info is None:
        return None
    if _asked_for_comment(candidate):
        return None
    if answers_request(candidate.match) and not _comment_withheld(candidate, res):
        return None
    if candidate.is_noun:
        if _support_measured(candidate):
            return None
        sources, targets = noun_actors(candidate, reading)
        if not sources and not targets:
            return None  # an event noun with nobody attached is a topic, not an event
        if _backs_a_policy(candidate, targets, reading):
            return None
        if _bare_statement_noun(candidate, targets) or _own_gathering(
            candidate, sources, targets, res
        ):
            return None
        return Coded(candidate, info, tuple(sources), tuple(targets), ())
    if candidate.code == REPORTING_CODE and (
        conditional_threat(candidate.token, reading.text) is not None
    ):
        candidate = dataclasses.replace(candidate, code=THREAT_CODE)
    if (
        _received_nobody(candidate, reading)
        or _handed_over_no_one(candidate, reading)
        or _released_no_one(candidate, reading)
    ):
        return None
    if _question_asked(candidate) or _judged_as(candidate) or _poll_finding(candidate):
        return None
    if _bidden(candidate.token) or _supposed_of_a_thing(candidate.token, res):
        return None
    sources, targets, actor_heads = verb_actors(candidate, reading)
    if (
        _backs_a_policy(candidate, targets, reading)
        or _own_gathering(candidate, sources, targets, res)
        or _thanked_no_one(candidate, targets)
    ):
        return None
    if voice is not None:
        sources = voice.stand_in(candidate, reading, sources) or sources
        voice.hear(candidate, sources, reading)
    rallied = rallied_against(candidate, reading, sources)
    if rallied is not None and sources:
        # "called on the people to turn out in the struggle against X": rallying the public
        # against X (113), not an appeal to the people.
        info = res.code_info(RALLY_CODE)
        assert info is not None
        return Coded(
            dataclasses.replace(candidate, code=RALLY_CODE),
            info,
            tuple(sources),
            tuple(rallied),
            tuple(actor_heads),
        )
    if candidate.code == REPORTING_CODE:
        reported = reported_stance(candidate, reading, sources)
        if reported is not None:
            code, sources, targets = reported
            candidate = dataclasses.replace(candidate, code=code)
    if candidate.code in EVALUATED_CODES:
        # "said the puppet group's moves are a grave provocation": the words say what the
        # statement does (a denunciation of the group), not a bare statement; the act is the
        # saying, which needs no restating.
        judged = evaluation(candidate, reading, sources)
        if judged is not None and not judged[2] and any(t.resolved for t in targets):
            judged = None  # told someone named: a statement to them, as before
        if judged is not None:
            code, sources, targets = judged
            info = res.code_info(code)
            assert info is not None  # the evaluative codes are in the tables
            return Coded(
                dataclasses.replace(candidate, code=code),
                info,
                tuple(sources),
                tuple(targets),
                tuple(actor_heads),
                unaimed=not targets,
            )
    if candidate.code == THREAT_CODE:
        targets = condition_clause_target(candidate, reading, targets)
    if not sources and not targets:
        return None
    restated = allegation(candidate, reading, sources, targets) or as_statement(
        candidate, reading, sources, targets
    )
    if restated is not None:
        code, sources, targets = restated
        if res.code_info(code) is not None:
            candidate = dataclasses.replace(candidate, code=code)
    info = res.code_info(candidate.code)
    assert info is not None  # every code set above is in the tables
    return Coded(candidate, info, tuple(sources), tuple(targets), tuple(actor_heads))


def political_contest(coded: Coded, reading: Reading) -> Coded | None:
    """An attack or a beating among politicians is words or votes, not force: "Sanders
    attacked Clinton", "Trump's personal attacks on the judge", "the Bush family clashed with
    Trump", "Sanders and Clinton are fighting about Obama" are criticism (111), and "the
    candidate most likely to beat Clinton" wins an election, no assault. An attack is verbal
    when a word before it says so ("personal attacks", "tweet attacks"), or when every side
    is a politician, a party or an official of one country and none is armed.

    With no side armed nor a country or place, words make the same of any parties: a retort
    ("fired back at critics"), an attack on words, a record, a measure or a rival ("attacked
    the senator's record", "attacks on her inexperience"), one for a reason ("attacked Obama
    for being too tough", "attacking Romney as having choked"), made in a debate or by an ad
    is criticism. With no side armed, a beating by a score ("beat Japan 2:0") or of a named
    person with no body hurt ("can beat Trump one-on-one") is a game or an election won."""
    word = coded.candidate.token
    lemma = word.lemma_.lower()
    if coded.info.code[:2] not in FORCE_ROOTS:
        return coded
    if lemma in RETORT_VERBS:
        if _retort(word) and not _may_bear_arms(coded):
            return _as_criticism(coded, reading)
        return coded
    if lemma not in CONTEST_WORDS:
        return coded
    said = any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in VERBAL_ATTACK_WORDS
        for c in word.children
    )
    if not said and lemma == "attack" and not _may_bear_arms(coded):
        said = _verbal_attack(word, reading)
    beaten = lemma == "beat" and not _armed_side(coded)
    if beaten and (_by_score(word) or _beats_a_person(coded)):
        return None
    if not said and not _politicians_only(coded):
        return coded
    if lemma not in WORDS_OF_ATTACK:
        return None  # "beat him 53 percent to 36": an election won
    return _as_criticism(coded, reading)


def _as_criticism(coded: Coded, reading: Reading) -> Coded:
    info = reading.resources.code_info(CRITICISM_CODE)
    assert info is not None
    return dataclasses.replace(
        coded, candidate=dataclasses.replace(coded.candidate, code=CRITICISM_CODE), info=info
    )


def _armed_side(coded: Coded) -> bool:
    """Whether a side is armed: the military, police, rebels, spies ("the guards beat")."""
    return any((a.code or "")[3:6] in ARMED_SECTORS for a in (*coded.sources, *coded.targets))


def _may_bear_arms(coded: Coded) -> bool:
    """Whether a side is armed or a country or place, which may be an army's doing or its
    target: "Pakistan fired back at India", "Israel attacked the convoy for carrying
    arms"."""
    return _armed_side(coded) or any(
        a.entity is not None and a.entity.kind in PLACE_KINDS
        for a in (*coded.sources, *coded.targets)
    )


def _retort(word: Token) -> bool:
    """Whether the verb is a retort: "fired back at Trump's comments", "fired back"."""
    return any(c.dep_ in ("advmod", "prt") and c.lower_ == RETORT_WORD for c in word.children)


def _verbal_attack(word: Token, reading: Reading) -> bool:
    """Whether the words of an attack make it one of words: its reason ("attacked Obama for
    being too tough", "attacking Romney as having choked", "attacked him over the issue"),
    its aim (words, a record, a measure or a rival: "attacked the plan", "attacks on her
    inexperience", "refrained from attacking his rivals"), where it was made ("attacks from
    Christie at the final debate") or what made it ("ads attacking Cruz", "a column attacked
    the comment")."""
    issues = reading.resources.policy_nouns | SPOKEN_WORDS
    holders = [word]
    for obj in word.children:
        if obj.dep_ == "dobj":
            # "attacked voters, lawmakers and thinkers for opposing": the reason may hang on
            # the object's last conjunct.
            holders.extend(
                t for t in obj.subtree if t.dep_ in ("dobj", "conj") and t.head.i >= word.i
            )
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and _gives_reason(prep, issues):
                return True
    aims = [c for c in word.children if c.dep_ == "dobj"] if word.pos_ == "VERB" else []
    for prep in word.children:
        if prep.dep_ != "prep":
            continue
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.lower_ in AIMING_AT:
            aims.extend(objects)
        elif prep.lower_ in SAID_IN and any(o.lemma_.lower() in SAYING_WORDS for o in objects):
            return True
    if any(a.lemma_.lower() in issues or a.lemma_.lower() in RIVAL_WORDS for a in aims):
        return True
    doers = [c for c in word.children if c.dep_ == "nsubj"]
    if word.dep_ == "acl":
        doers.append(word.head)  # "ads attacking Cruz"
    return any(d.lemma_.lower() in SAYING_WORDS for d in doers)


def _gives_reason(prep: Token, issues: frozenset[str]) -> bool:
    """Whether a preposition's phrase gives an attack's reason: a deed or a quality ("for
    being too tough", "as having choked", "as a liar") or an issue ("over the issue"); not
    a time or a part ("for hours", "as part of an offensive", "over the weekend")."""
    word = prep.lower_
    for obj in prep.children:
        if word in REASON_PREPS and obj.dep_ == "pcomp" and obj.pos_ in ("VERB", "AUX"):
            return True
        if obj.dep_ != "pobj":
            continue
        lemma = obj.lemma_.lower()
        if word == "for" and obj.tag_ == "VBG":
            return True
        if word == "as" and obj.pos_ == "NOUN" and lemma != "part":
            return True
        if word == "over" and (lemma in issues or lemma in ISSUE_WORDS):
            return True
    return False


def _by_score(word: Token) -> bool:
    """Whether a beating has a score: "beat Japan 2:0", "beat undefeated Clemson 45-40"
    (one word, or three to the parser)."""
    for t in word.subtree:
        if t.i <= word.i:
            continue
        if SCORE_RE.match(t.text):
            return True
        if t.like_num and t.i + 2 < len(t.doc):
            dash, other = t.doc[t.i + 1], t.doc[t.i + 2]
            if dash.text in SCORE_DASHES and other.like_num:
                return True
    return False


def _beats_a_person(coded: Coded) -> bool:
    """Whether a beating's targets are named people and no word says a body was
    hurt: "the only candidate who can beat Trump one-on-one" wins a vote; "beat Lee to
    death", "was beaten by the guards" hurt someone."""
    word = coded.candidate.token
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in word.children):
        return False
    if any(t.lemma_.lower() in BODILY_BEATING for t in word.subtree):
        return False
    named = [t.entity for t in coded.targets if t.entity is not None]
    return bool(named) and all(entity.kind == "person" for entity in named)


def _politicians_only(coded: Coded) -> bool:
    sides = [a for a in (*coded.sources, *coded.targets) if a.resolved]
    if not coded.sources or not coded.targets or len(sides) < 2:
        return False
    countries = set()
    for actor in sides:
        code = actor.code
        if actor.entity is None:
            return False
        if not code:
            # A named person the entity stage could not code ("a local organizer, Jane
            # Roe") bears no arms either; the coded side says the country.
            if actor.entity.kind != "person":
                return False
            continue
        if actor.entity.kind != "person" and code[3:6] not in POLITICAL_SECTORS:
            return False
        if code[3:6] in ARMED_SECTORS:
            return False
        countries.add(code[:3])
    return len(countries) == 1


def complete_targets(coded: Coded, reading: Reading) -> Coded:
    """A target for an event whose words name nobody on the receiving end: for a conflictual
    one, aid or a concession the other country of the sentence; for aid or a concession the
    receiver the text named just before; for a departure the party it left. Never the place
    it happened in, never the source's own country ("Chile granted asylum to three
    officers" is aimed at nobody named, not at Chile)."""
    candidate, code = coded.candidate, coded.info.code
    sources, targets = coded.sources, coded.targets
    if coded.unaimed:
        return coded  # its words named no party; the story's may (``aim_criticism``)

    def unresolved() -> bool:
        return not any(t.resolved for t in targets)

    spoken_of = code[:2] in SPOKEN_OF_ROOTS and code != REPORTING_CODE  # a bare "said" is none
    if sources and unresolved() and not candidate.is_noun and spoken_of:
        told = party_spoken_of(candidate.token, reading, sources, candidate.reported_by)
        targets = tuple(told) or targets
    if (
        code[:2] == ACCUSE_ROOT
        and unresolved()
        and not any(s.resolved for s in sources)
        and not candidate.is_noun
    ):
        # "The report alleged that France had armed the militia": who accuses is unknown,
        # whom the allegation is about is not.
        targets = tuple(party_accused(candidate.token, reading)) or targets
    giving = code[:2] in GIVING_ROOTS or code.startswith(GIVING_INTENTS)
    # Rallying the public names its target or leaves it to the story's campaign, never the
    # public it addresses.
    rally = code == RALLY_CODE
    # "the U.S.-ROK joint drills": the partners hold them together, and the sentence's other
    # country is no more whom they are aimed at than after "X and Y held drills".
    joint = (
        candidate.is_noun
        and len(sources) > 1
        and joint_partners(candidate.token, reading.text, reading.mentions)
    )
    if (
        _one_side(coded, reading)
        and unresolved()
        and (code[:2] >= "09" or giving)
        and not rally
        and not joint
    ):
        skip = list(coded.actor_heads[:1])
        if code[:2] in REQUEST_ROOTS and not candidate.is_noun:
            skip += requested_stops(candidate.token, reading)
        if not candidate.is_noun:
            # "accused the conservative group of escalating confrontation with X": the one
            # accused is the object, named or not; X, inside the act charged, is not it.
            skip += _accused_objects(candidate.token)
        implicit = implicit_target(candidate, sources, reading, skip)
        if implicit is not None:
            targets = (implicit,)
    if len(sources) == 1 and unresolved() and giving:
        context = context_target(candidate, sources[0], reading)
        if context is not None:
            targets = (context,)
    if sources and unresolved() and not candidate.is_noun and acts_on_places(code):
        place = place_target(candidate.token, reading)
        if place is not None:
            targets = (place,)
    if sources and unresolved() and not candidate.is_noun:
        targets = _party_left(candidate, sources, reading) or targets
    if sources and unresolved() and code[:2] in HELD_THING_ROOTS:
        held = held_thing_place(candidate, sources, targets, reading)
        if held is not None:
            targets = (held,)
    return dataclasses.replace(coded, targets=targets)


def _act_named_in_passing(coded: Coded, reading: Reading) -> bool:
    """Whether an event noun names someone's act but nobody on its receiving end, even after
    the targets were completed: "his criticism had nothing to do with it", "responded to the
    call of the demonstrators", "on the beck and call of", "will go on without the support
    of many corporations". Such a noun points at an act, the story's topic or one told
    before, rather than reporting one; "support to Gondor", "talks between Gondor and
    Rohan" (a symmetric act whose parties act on each other), "carried on their protest" and
    "their frantic war exercises" (a protest or a show of force needs no one on the
    receiving end) stay."""
    candidate = coded.candidate
    if not candidate.is_noun or not coded.sources or coded.info.root in UNAIMED_ROOTS:
        return False
    if any(t.resolved or t.implied for t in coded.targets) or _doing_own_act(coded):
        return False
    if _aim_named(candidate.token):
        return False
    words = (*candidate.match.tokens, *candidate.folded)
    return not reading.resources.is_symmetric(words)


def _aim_named(noun: Token) -> bool:
    """Whether the event noun says what its act is aimed at, though no party was found
    there: "the personal attacks of X on the council", "X's call for a ban on Y's grain"
    tell the act with its aim, as a verb would; or whether it says what a verb's act makes of
    someone ("holding farmers as human shields"), an act the verb reports."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        return True
    # The aim may hang on the verb the noun is the object of: "threw his support behind X".
    holders = (noun, noun.head) if noun.dep_ in ("dobj", "obj") else (noun,)
    return any(
        child.dep_ == "prep"
        and child.lower_ in AIMING_PREPS
        and any(g.dep_ == "pobj" for g in child.children)
        for holder in holders
        for child in holder.children
    )


def _doing_own_act(coded: Coded) -> bool:
    """Whether the noun is the object of a verb of doing, giving, resuming or stepping up an act,
    said of its doer: "Mordor could resume its attacks", "escalated his attacks", "the
    clique carried out the attack" report the act itself. Other verbs tell of the act in
    passing: "the judge granted Gondor's request", "failed to honor repeated requests",
    "emphasized the threat". A participle with its doer ("a message of sympathy sent by X",
    "the support rendered by X") reports the act done too."""
    noun = coded.candidate.token
    # The parser may hang the participle on the of-phrase ("a message of sympathy sent by").
    phrase = [noun, *prep_objects(noun, ("of",))]
    if any(
        c.dep_ == "acl" and c.tag_ == "VBN" and any(g.dep_ == "agent" for g in c.children)
        for word in phrase
        for c in word.children
    ):
        return True
    verb = noun.head
    return (
        noun.dep_ in ("dobj", "obj")
        and verb.lemma_.lower() in DOING_VERBS
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def _one_side(coded: Coded, reading: Reading) -> bool:
    """Whether the sources act as one side on someone else: one source, or several doing a
    one-sided act together ("X and Y stepped up espionage by mobilizing drones"); parties of
    a symmetric act ("X and Y clashed") are the act's two sides, paired with the records."""
    sources = coded.sources
    if len(sources) == 1:
        return True
    candidate = coded.candidate
    words = (*candidate.match.tokens, *candidate.folded)
    return len(sources) > 1 and not reading.resources.is_symmetric(words)


def _party_left(
    candidate: Candidate, sources: Sequence[Actor], reading: Reading
) -> tuple[Actor, ...]:
    """ "Ethiopia departed from Libya": the party left is the other side."""
    left = [
        a
        for a in reading.first_resolved(prep_objects(candidate.token, ("from",)))
        if a.resolved and all(a.key != s.key for s in sources)
    ]
    return tuple(left[:1])


def _question_asked(candidate: Candidate) -> bool:
    """Whether an "ask" puts a question rather than a request: "asked whether he would
    support Trump", "when asked about the vagueness", "asked questions about Trump" are an
    interview's, no appeal (02); "asked X to withdraw" and "asked for aid" are."""
    verb = candidate.token
    if verb.lemma_.lower() != ASK_VERB or candidate.code[:2] != APPEAL_ROOT:
        return False
    if any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() == "question" for c in verb.children):
        return True
    # A state that asks another why it acted makes a request of it; a question put to an
    # interviewee by nobody named ("Asked whether ...", "was asked about ...") is none.
    if any(c.dep_ == "nsubj" for c in verb.children):
        return False
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "about":
            return True
        if child.dep_ == "ccomp" and any(
            w.lower_ in QUESTION_WORDS and w.i < child.i for w in child.subtree
        ):
            return True
    return False


def _bidden(verb: Token) -> bool:
    """Whether the verb is in the imperative, bidding the reader or listener: "(Note to
    Carson: ...)", "Let them fight each other", "Repeat after me". Nobody does the act: it
    is asked of someone the sentence does not name. An imperative is a verb in the base form
    with no subject and no auxiliary that opens its sentence (a quotation's: "'Let them
    fight,' he said"), or the clause such a "let" governs."""
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.lower_ == "let":
        verb = verb.head  # "let them fight": "them" is the let-clause's own doer
    if verb.tag_ != "VB" or any(c.dep_ in SUBJECT_OR_AUX for c in verb.children):
        return False
    first = next((w for w in verb.sent if not (w.is_punct or w.is_space)), verb)
    return first.i == verb.i


def _supposed_of_a_thing(verb: Token, resources: EventResources) -> bool:
    """Whether the verb is a relative clause that supposes or foretells what may be done to
    the noun it describes: "the number of refugees the country can accept in a year", "the
    refugees Obama will accept", "the weapons they could use". It tells what a thing is
    (a capacity, an estimate), or a verdict ("a crime that can never be pardoned"), not an
    act that took place. A clause whose subject is the noun described ("the envoy who will
    meet the king", "the groups that will march") tells what its doer will do, and stays."""
    if verb.dep_ != "relcl" or any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return False
    if not any(
        c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS)
        for c in verb.children
    ):
        return False
    cues = resources.modality_cues["aux"]
    return any(c.dep_ == "aux" and cues.get(c.lower_) in SUPPOSING for c in verb.children)


def _asked_for_comment(candidate: Candidate) -> bool:
    """Whether an appeal is a reporter's asking for comment ("did not respond to a request
    for comment", "asked for comment", "calls seeking comment"): the newsroom's routine,
    no appeal (02) of one party to another."""
    word = candidate.token
    if candidate.code[:2] != APPEAL_ROOT:
        return False
    for holder in (word, *(c for c in word.children if c.dep_ == "acl")):
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ == "for":
                asked = [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ in ("dobj", "obj"):
                asked = [child]
            else:
                continue
            # "called for comments from all parties on the draft": a real appeal to them.
            if any(
                a.lemma_.lower() in PRESS_ASKS and not any(c.dep_ == "prep" for c in a.children)
                for a in asked
            ):
                return True
    return False


def _comment_withheld(candidate: Candidate, resources: EventResources) -> bool:
    """Whether an answer verb coded 011 tells of a request for comment left unanswered ("did
    not respond to USA TODAY's request for comment", "did not return calls seeking comment"),
    not one answered ("responded to a request for comment by saying") nor another reply ("did
    not respond to the offer")."""
    verb = candidate.token
    if find_modality(verb, resources.modality_cues) != "negated":
        return False
    asked = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            asked.extend(c for c in prep.children if c.dep_ == "pobj")
    return any(
        word.lemma_.lower() in PRESS_ASKS
        and (word.head.lower_ == "for" or word.head.lemma_.lower() == "seek")
        for noun in asked
        for word in noun.subtree
    )


def _accused_objects(verb: Token) -> list[Token]:
    """The object of a verb of accusation and the act it is charged with ("accused the group
    of seeking ...", "charged the forces with aggression ..."), however the parser hangs it."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    charges = [
        c
        for word in (verb, *objects)
        for c in word.children
        if c.dep_ == "prep" and (verb.lemma_.lower(), c.lower_) in ALLEGING_PREPS
    ]
    return [*objects, *charges] if charges else []


def _judged_as(candidate: Candidate) -> bool:
    """Whether a "consider" judges what something is rather than weighing an option (014):
    "considers the people as Heaven", "consider the DPRK as their second motherland",
    "considers a trifling thing as important", "was considered a preparation for winter"
    (an "as" on the verb or on its object, or a predicate of the object), "consider
    themselves very liberal" (a clause with no verb: an adjective or a noun and its
    subject)."""
    verb = candidate.token
    if candidate.code != CONSIDER_CODE or verb.lemma_.lower() != CONSIDER_VERB:
        return False
    if any(c.dep_ in ("ccomp", "xcomp") and c.pos_ in VERBLESS_HEADS for c in verb.children):
        return True  # "consider themselves very liberal", "consider that an embarrassment"
    words = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass"))]
    for word in words:
        for child in word.children:
            if child.dep_ == "oprd" or (child.lower_ == "as" and child.dep_ in ("prep", "advmod")):
                return True
            if child.dep_ in ("acomp", "advmod", "amod") and any(
                g.lower_ == "as" for g in child.children
            ):
                return True
    return False


def _support_measured(candidate: Candidate) -> bool:
    """Whether "support" is a candidate's or a party's standing with voters, counted or
    gauged ("Trump's support today", "62 percent support", "drew deep support among women",
    "is losing support"): a figure, not an act of support by anyone named."""
    noun = candidate.token
    if noun.lemma_.lower() != SUPPORT_WORD:
        return False
    counted = (c.dep_ == "nummod" or c.lower_ in ("percent", "%") for c in noun.children)
    if any(counted):
        return True
    backers = [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in ("of", "from")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if any(_electorate(b) for b in backers):
        return True  # "the support of 27 percent of likely voters": a poll's share
    if backers:
        return False  # "gained the support of Russia": a backer named
    head = noun.head
    among = any(c.dep_ == "prep" and c.lower_ == "among" for c in (*noun.children, *head.children))
    gauged = head.lemma_.lower() in GAUGE_VERBS and noun.dep_ in ("dobj", "nsubj", "pobj")
    return among or gauged


def _backs_a_policy(candidate: Candidate, targets: Sequence[Actor], reading: Reading) -> bool:
    """Whether a word of backing (05: support, praise, welcome, defend) or of asking (02:
    call for, suggest, propose) backs or asks for a measure or a course of action with no
    party on its receiving end: "supports the final bill", "his support for abortion
    rights", "supports keeping troops there", "called for a ban", "suggests reducing
    regulations". That is a stance on an issue, no act of one party towards another;
    "welcomed the proposal of Gondor" and "called for sanctions on Gondor" name Gondor and
    stay. A target with no actor code of its own does not count: the entity stage may take
    "marijuana legalization" for a name."""
    if candidate.code[:2] not in ISSUE_ROOTS or any(t.code for t in targets):
        return False
    word = candidate.token
    if any(_doerless_gerund(g) for g in _gerunds(word)):
        return True
    backed = prep_objects(word, ("for",))
    if not candidate.is_noun:
        backed += [c for c in word.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        if (
            word.dep_ == "acl"
            and word.tag_ == "VBN"
            and not any(c.dep_ in ("aux", "nsubj") for c in word.children)
        ):
            backed.append(word.head)  # "the bill supported by most Democrats"
    policies = reading.resources.policy_nouns
    if candidate.code == SIGNING_CODE:
        policies = policies - BARGAIN_WORDS  # "struck a deal": an agreement, whoever with
    return any(
        b.lemma_.lower() in policies and not _names_a_coded_party(b, reading) for b in backed
    )


def _names_a_coded_party(word: Token, reading: Reading) -> bool:
    """Whether the word's prepositional phrases name a party with an actor code: "a ban on
    Rohan's grain" is aimed at Rohan, "a ban on hunting" at no one (a relative clause, "the
    bill, which includes provisions not in the Senate bill", names no party it is aimed at)."""
    for prep in word.children:
        if prep.dep_ != "prep":
            continue
        for token in prep.subtree:
            entity = reading.mentions.entity_of_token(token.i)
            if entity is not None and entity.actor:
                return True
    return False


def _gerunds(word: Token) -> list[Token]:
    """The gerunds a word takes as what it backs or asks for: "supports keeping troops
    there" (a to-less complement), "called for denying entry" (the for-phrase's). After an
    object a for-gerund is the reason, not the thing backed: "praised them for building"."""
    if any(c.dep_ in OBJECT_DEPS for c in word.children):
        return []
    found = [c for c in word.children if c.dep_ == "xcomp"]
    for prep in word.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            found += [c for c in prep.children if c.dep_ == "pcomp"]
    return [g for g in found if g.tag_ == "VBG"]


def _doerless_gerund(gerund: Token) -> bool:
    """Whether a gerund names a course of action with no doer of its own ("reducing
    regulations"), not an act of someone named ("Gondor's leaving the talks")."""
    return not any(c.dep_ in ("nsubj", "poss") for c in gerund.children)


def _bare_statement_noun(candidate: Candidate, targets: Sequence[Actor]) -> bool:
    """Whether an appeal, promise or demand noun says nothing of what it asks or promises
    and names no one it is made to: "Obama's promises", "one of Trump's signature
    proposals", "his call drew the ire of ...", "his populist appeal". Such a noun names a
    topic or points back to an act the story told before; with no content and no
    addressee it is no event of its own ("a call for a ban", "the offer of aid to X" are)."""
    noun = candidate.token
    if candidate.code[:2] not in STATEMENT_NOUN_ROOTS or any(t.resolved for t in targets):
        return False
    if any(c.dep_ in CONTENT_DEPS for c in noun.children):
        return False
    # "reiterated its demand today that Israel ease ...": the parser may hang the noun's
    # that-clause on the verb whose object the noun is.
    return not (
        noun.dep_ in ("dobj", "obj")
        and any(c.dep_ == "ccomp" and c.i > noun.i for c in noun.head.children)
    )


def _own_gathering(
    candidate: Candidate,
    sources: Sequence[Actor],
    targets: Sequence[Actor],
    resources: EventResources,
) -> bool:
    """Whether a consult is a meeting one body holds among its own, with nobody on the other
    side: "a joint national meeting of the union took place", "the cabinet held an enlarged
    plenary meeting", "the lobby's annual meeting" (``gathering_words.txt``). Talks, visits
    and receptions are left alone: a talk's other side is often told a sentence before.
    Two doers joined ("delegations of China and Japan held a meeting") meet each other."""
    if candidate.code[:2] != CONSULT_ROOT or candidate.code in VISIT_CODES:
        return False
    if any(t.resolved for t in targets):
        return False
    # "Delegations of China and Japan held a meeting": two doers meet each other.
    if len({a.who for a in sources if a.resolved}) > 1:
        return False
    return any(w.lemma_.lower() in resources.gathering_words for w in candidate.match.tokens)


def _poll_finding(candidate: Candidate) -> bool:
    """Whether a verb of saying, wanting or backing reports how an electorate answers a
    poll or votes: "about 6 in 10 white men supported Sanders", "Hispanics, who back her
    by 9 points", "Trump was strongly supported by early deciders", "4 in 10 Republican
    voters want ...". The doer is a share of the electorate, or the backing is measured by a
    margin: a finding about voters, not an act of one party towards another."""
    verb = candidate.token
    if candidate.code[:2] not in POLLED_ROOTS:
        return False
    if any(
        c.dep_ == "prep"
        and c.lower_ == "by"
        and any(g.lemma_.lower() in MARGIN_WORDS for g in c.subtree)
        for c in verb.children
    ):
        return True
    subject, passive = subject_head(verb)
    return subject is not None and _electorate(subject)


def _electorate(head: Token) -> bool:
    """Whether a phrase names voters or a share of them ("voters", "a majority of women",
    "three-quarters of Republican voters", "6 in 10")."""
    words = [head]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "in"):
            words += [g for g in prep.children if g.dep_ == "pobj"]
    return any(w.lemma_.lower() in ELECTORATE_WORDS or w.lower_ in ELECTORATE_WORDS for w in words)


def _handed_over_no_one(candidate: Candidate, reading: Reading) -> bool:
    """Whether a "handed over" or "turned over" gave up no person: a handover is judicial
    cooperation (063) when suspects, prisoners or a named person change hands; "licenses
    were handed over", "handed over aid materials" and "handed over the floral basket" are
    not."""
    verb = candidate.token
    if candidate.code != HANDOVER_CODE or verb.lemma_.lower() not in HANDOVER_VERBS:
        return False
    given = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return given is not None and _names_no_one(given, reading, CUSTODY_WORDS)


def _released_no_one(candidate: Candidate, reading: Reading) -> bool:
    """Whether a "released" or "freed" let go of no person: releasing persons (0841) frees
    prisoners, hostages, detained fishermen, a named person, "them"; "released a new radio
    ad", "released his tax returns" and "released the figures" free no one."""
    verb = candidate.token
    if candidate.code != RELEASE_CODE or verb.lemma_.lower() not in RELEASE_VERBS:
        return False
    freed = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if freed is None or any(c.lemma_.lower() in CUSTODY_PARTICIPLES for c in freed.children):
        return False
    return _names_no_one(freed, reading, CUSTODY_WORDS)


def _names_no_one(word: Token, reading: Reading, people: frozenset[str] = frozenset()) -> bool:
    """Whether the object of a receiving or handing verb names no person or body: a thing
    pronoun, or a word that is no person's name, no guest's or ``people``'s word and no
    mention of an entity (in "received aid from the family of X", X is the giver, not the
    one received)."""
    if word.pos_ == "PRON":
        return word.lower_ in THING_PRONOUNS
    lemma = word.lemma_.lower()
    if word.ent_type_ in PERSON_LABELS or lemma in GUEST_WORDS or lemma in people:
        return False
    return reading.mentions.entity_of_token(word.i) is None


# Objects that make a verb a thanking ("expressed thanks", "extended his gratitude").
THANKS_OBJECTS = frozenset({"thank", "thanks", "gratitude"})


def _thanked_no_one(candidate: Candidate, targets: Sequence[Actor]) -> bool:
    """Whether thanks expressed or extended name no one thanked ("The king expressed thanks
    for it and asked the ambassador to convey his greetings"): a courtesy in answer to the
    greetings, which the story's other events carry; "expressed thanks to X" is an act."""
    condition = candidate.match.pattern.condition
    return (
        condition is not None
        and condition[0] == "obj"
        and condition[1] in THANKS_OBJECTS
        and not any(t.resolved for t in targets)
    )


def _received_nobody(candidate: Candidate, reading: Reading) -> bool:
    """Whether a "received" took no person or body: "received the sad news", "received a
    huge amount of money", "received the title of Labor Hero" and "received the credentials"
    are no visit hosted (043); "received Li Keqiang", "received him", "received the
    delegation" and "was received by the leader" are."""
    verb = candidate.token
    if candidate.code != HOSTING_CODE or verb.lemma_.lower() != RECEIVING_VERB:
        return False
    received = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if received is None:
        return False
    # "received credentials from the new ambassador": received him.
    return _names_no_one(received, reading, VISIT_TOKENS)
