"""Resolve a speaker span to a document entity.

In order: an entity mention overlapping the span's head (the entity stage links "he" and
"she" to people, ``parley.entities.pronouns``); then the discourse (``discourse.py``): a
pronoun that speaks in the report's own voice ("it noted", "they added") is the speaker
the report is following, the last attribution's, when it agrees in kind and number, else
the subject of the sentences just before; inside someone's quote a first-person pronoun is
that speaker and a third-person one somebody else. A text that speaks ("the commentary
said") is its author, as an earlier sentence names it ("Rodong Sinmun carried a
commentary"); a description ("the newspaper") is the followed speaker or the nearest entity
of a kind it can name. Vague sources ("some analysts") get no entity, and neither does a
pronoun with no antecedent in reach: never the nearest country name. The byline's reporters
are never speakers of what the article says.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence

from spacy.tokens import Doc, Token

from parley.entities.nominal import CLAUSE_DEPS
from parley.nlp.index import MentionIndex, MentionRef, ParseIndex
from parley.quotes.blocks import earlier_text, participle_agent, text_author
from parley.quotes.discourse import Contents, Said, clause_subjects, is_plural, recent_subjects
from parley.quotes.drafts import Draft
from parley.quotes.lexicon import Lexicon
from parley.records import Entity

__all__ = ["SpeakerResolver"]

_PERSONS = frozenset({"person"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_GROUPS = frozenset({"organization", "media", "country", "group"})
_FIRST_PERSON = frozenset({"i", "we"})
# Bodies a text's author can be when the phrase's head names no one ("A spokesman for X").
_BODIES = frozenset({"organization", "media", "group"})
# Honorifics that make the one word after them a person's surname ("Mr. Rhodes said").
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr"})
# Verbs of accusing whose "of" phrase says what the accused said ("accused X of claiming").
_ACCUSING = frozenset({"accuse", "charge", "criticize", "criticise", "blame", "slam"})
# How far back (tokens) the earlier mention of a text that speaks is looked for.
_TEXT_REACH = 400
# How many mentions back the antecedent of a linked pronoun is looked for.
_LAST_REACH = 200
# How many sentences back a chain of "he" subjects is followed to the person it continues.
_CHAIN_REACH = 6
# How many sentences back a "he" that nothing nearer decides may reach for the person the
# report is about (a speech's report runs paragraphs of the speaker's words between its "he"s).
_TOPIC_REACH = 100
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Verbs whose "it" is empty or a thing, never a speaker: "it is", "it seems", "it appears".
_EMPTY_IT = frozenset({"be", "seem", "appear"})
# Verbs of evidence whose "it" is the fact just told ("It clearly shows ...", "it means
# ..."), not a body: those a body can do as well ("it revealed", "it suggested") are not here.
_FACT_VERBS = frozenset(
    {"show", "indicate", "prove", "demonstrate", "mean", "imply", "reflect", "illustrate",
     "attest", "betray", "testify"}
)  # fmt: skip
# Endings of nouns for doers ("leader", "editor", "activist", "spokesman", "resident").
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
# Nouns of speaking as a deed: what they show is read from them, not said by them ("her
# attack on X indicates ..."); a text ("the report shows") speaks for its makers.
_SPEECH_DEEDS = frozenset(
    {"attack", "criticism", "accusation", "rhetoric", "language", "word", "talk"}
)
# Verbs whose subject can be a piece of evidence as well as a speaker ("the figures show").
_EVIDENCE_VERBS = frozenset(
    {
        "show", "indicate", "reveal", "prove", "demonstrate", "suggest", "mean", "imply",
        "signal", "confirm", "testify", "reflect", "illustrate", "attest", "betray", "tell",
        "expose", "disclose", "make clear",
    }
)  # fmt: skip
_DOER_ENDINGS = (
    "er",
    "or",
    "ist",
    "ian",
    "man",
    "men",
    "woman",
    "person",
    "ee",
    "ant",
    "ent",
    "ive",
)
# Heads of the names of societies, parties and study groups, which often hold a country's
# name ("the Czech-Korean Friendship Association", "the Headquarters of Koreans in Japan",
# "the Workers' Party of Bangladesh" is its party, not Bangladesh).
_SOCIETY_HEADS = frozenset(
    {"association", "associations", "headquarters", "committee", "society", "federation",
     "league", "front", "council", "union", "institute", "centre", "center", "movement",
     "alliance", "club", "branch", "group", "party", "foundation", "confederation"}
)  # fmt: skip
_POSSESSIVES = frozenset({"his", "him", "her", "hers", "its", "their", "them"})
_DEFINITE = frozenset({"the", "this", "that"})
_INDEFINITE = frozenset({"a", "an", "another"})
# Who speak at a gathering, its kinds, and the verbs that say who held it.
_ATTENDEES = frozenset({"speaker", "participant"})
_GATHERINGS = frozenset(
    {"rally", "meeting", "conference", "forum", "seminar", "symposium", "gathering", "protest",
     "demonstration", "ceremony", "session", "debate", "vigil", "campaign", "event"}
)  # fmt: skip
_HOLD_VERBS = frozenset({"hold", "stage", "organize", "organise", "host", "sponsor", "convene"})
_HOST_REACH = 3  # sentences
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# The pieces a newspaper runs. One that no words sign ("An article says") is the paper's.
_PRESS_PIECES = frozenset({"article", "editorial", "commentary", "essay"})
# Authored works that are no statement ("The work clarifies the idea that ..."): they speak
# for the author an earlier mention of the same work names ("X's work", "a book by X").
_WORKS = frozenset({"work", "book", "treatise", "booklet"})
# Texts that speak through whoever cites them ("referred to a column that warned ..."),
# beside the nouns of statements, records and press pieces.
_CITED_TEXTS = _PRESS_PIECES | {"column", "book", "piece", "story", "paper", "study", "survey"}
_OFFICE_PREPS = frozenset({"of", "for", "at"})
# How many people back a description's office holder is looked for.
_HOLDER_REACH = 6
# Verbs whose passive subject is the one spoken to ("was asked to", "were told that").
_ADDRESSED = frozenset(
    {"ask", "tell", "urge", "request", "instruct", "order", "warn", "advise", "inform",
     "remind", "brief", "assure", "promise", "direct", "command"}
)  # fmt: skip
# Nouns of someone who speaks for a person or works under one: "a Trump adviser", "an
# Obama administration official", "Clinton's spokesman" is not the person the words before
# the noun name (beside the person nouns of descriptions.tsv).
_AGENT_ROLES = frozenset(
    {"adviser", "advisor", "aide", "staffer", "strategist", "source", "reporter", "expert",
     "ally", "supporter", "lawyer", "attorney", "surrogate", "operative", "insider"}
)  # fmt: skip
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


class _Mentions:
    """Mentions in text order (``MentionIndex``'s order) with look-ups by position.

    ``reach[j]`` is the furthest end among the first j + 1 mentions, so the mentions
    overlapping a span are found by walking back from the span's end only while one of them
    can still reach into it: the same mentions, in the same order, as a scan of all."""

    def __init__(self, refs: list[MentionRef]) -> None:
        self.refs = refs
        self.starts = [r.start for r in refs]
        self.reach: list[int] = []
        for r in refs:
            self.reach.append(max(r.end, self.reach[-1]) if self.reach else r.end)
        self._of_kinds: dict[frozenset[str], tuple[list[MentionRef], list[int]]] = {}

    def overlapping(self, start: int, end: int) -> list[MentionRef]:
        out: list[MentionRef] = []
        j = bisect_left(self.starts, end) - 1
        while j >= 0 and self.reach[j] > start:
            if self.refs[j].end > start:
                out.append(self.refs[j])
            j -= 1
        out.reverse()
        return out

    def before(self, offset: int, kinds: frozenset[str]) -> Entity | None:
        """The entity of the last mention (in text order) ending by ``offset`` of one of
        ``kinds``. A mention ending by ``offset`` starts before it, and only the few that
        straddle ``offset`` are skipped on the way back."""
        if kinds not in self._of_kinds:
            chosen = [r for r in self.refs if r.entity.kind in kinds]
            self._of_kinds[kinds] = (chosen, [r.start for r in chosen])
        refs, starts = self._of_kinds[kinds]
        for j in range(bisect_left(starts, offset) - 1, -1, -1):
            if refs[j].end <= offset:
                return refs[j].entity
        return None

    def press_before(self, offset: int) -> MentionRef | None:
        """The last mention ending by ``offset`` of a newspaper, an agency or a broadcaster
        (``_is_press``: "newspapers of the DPRK", a group coded PRKMED)."""
        for j in range(bisect_left(self.starts, offset) - 1, -1, -1):
            ref = self.refs[j]
            if ref.end <= offset and _is_press(ref.entity):
                return ref
        return None

    def last_named(self, entity: Entity, offset: int, pronouns: Mapping[str, str]) -> int | None:
        """Where the last mention of ``entity`` by name (no pronoun: "his", "he") ending by
        ``offset`` starts, among the ``_LAST_REACH`` mentions before it."""
        end = bisect_left(self.starts, offset)
        for j in range(end - 1, max(end - 1 - _LAST_REACH, -1), -1):
            ref = self.refs[j]
            if ref.entity is entity and ref.end <= offset:
                word = ref.text.lower()
                if word not in pronouns and word not in _POSSESSIVES:
                    return ref.start
        return None

    def last_of(self, entity: Entity, offset: int) -> int | None:
        """Where the last mention of ``entity`` ending by ``offset`` starts (pronoun mentions
        the entity stage linked count too); None when it is not among the ``_LAST_REACH``
        mentions before ``offset``."""
        end = bisect_left(self.starts, offset)
        for j in range(end - 1, max(end - 1 - _LAST_REACH, -1), -1):
            ref = self.refs[j]
            if ref.entity is entity and ref.end <= offset:
                return ref.start
        return None


class SpeakerResolver:
    """Entity look-ups over one document's mentions."""

    def __init__(
        self, parse: ParseIndex, mentions: MentionIndex, lexicon: Lexicon, authors: tuple[str, ...]
    ) -> None:
        self.parse = parse
        self.doc: Doc = parse.doc
        self.lex = lexicon
        banned = {a.casefold() for a in authors}
        self.mentions = _Mentions(
            [r for r in mentions.refs if r.entity.name.casefold() not in banned]
        )
        self.by_id = {r.entity.id: r.entity for r in self.mentions.refs}
        self._fuller: dict[str, Entity] | None = None  # made when a one-word name speaks
        # What each speaker head resolved to, so "They said ... They added" can follow a
        # pronoun subject already resolved as a speaker.
        self._heads: dict[int, Entity | None] = {}
        self._contents: Contents | None = None  # the drafts' words, set by ``speakers``
        # Entities of short names taken up as a body named in full before ("the Foreign
        # Ministry" after "the Russian Foreign Ministry"), with that body.
        self._taken_up: dict[str, Entity] = {}

    def speakers(self, drafts: Sequence[Draft]) -> list[Entity | None]:
        """Each draft's speaker, in order, following the discourse: the attribution the
        report is following is the last one in its own voice that names a source through
        a reporting word (not a learned frame such as "calling for")."""
        contents = Contents(drafts)
        self._contents = contents
        self._taken_up = {}
        out: list[Entity | None] = []
        followed: Said | None = None
        self._heads = {}
        for n, draft in enumerate(drafts):
            outer = contents.enclosing(n, draft)
            voice = _Voice(
                followed,
                outer is not None,
                out[outer] if outer is not None and outer < n else None,
                contents,
                draft.content,
            )
            if draft.voice is not None:
                # "The agency quoted a witness as saying ...": the witness speaks.
                (at, head) = draft.voice
                speaker = self._full_name(self._resolve(at, head, voice), at)
                out.append(speaker)
                followed = self._said(speaker, head)
                continue
            accused = self._accused_of(draft)
            if accused is not None:
                # "The statement accused Park of asserting that ...": Park said it; the
                # statement stays its author's voice for what it says itself.
                out.append(
                    self._full_name(self._resolve(accused[0], accused[1], voice), accused[0])
                )
                continue
            told = self._told(draft)
            if told is not None:
                # "He had been asked by the committee to ...": the asker speaks, not him.
                speaker = self._full_name(self._resolve(told[0], told[1], voice), told[0])
            elif draft.source_token is not None and draft.source_token in self._heads:
                # One source word, one speaker: "it said, and added:" gives two drafts.
                speaker = self._heads[draft.source_token]
            else:
                speaker = self._full_name(
                    self._resolve(draft.source, draft.source_token, voice), draft.source
                )
            out.append(speaker)
            if draft.source_token is not None:
                self._heads[draft.source_token] = speaker
            if outer is None and self._reports(draft) and not self._aside(draft):
                followed = self._said(speaker, draft.source_token)
        return out

    def _told(self, draft: Draft) -> tuple[tuple[int, int] | None, int | None] | None:
        """Where the source is the one addressed: the passive subject of a verb of asking
        or telling ("he had been asked to preserve them", "the staff were told that ...")
        hears the words; the speaker is the verb's "by" agent (its span and head), or no
        one the sentence names ((None, None)). None when the source is no such subject."""
        head_at, cue_at = draft.source_token, draft.cue_token
        if head_at is None or cue_at is None or draft.voice is not None:
            return None
        head, cue = self.doc[head_at], self.doc[cue_at]
        if head.dep_ != "nsubjpass" or head.head.i != cue.i:
            return None
        if self.parse.lemmas[cue.i] not in _ADDRESSED:
            return None
        for agent in cue.children:
            if agent.dep_ == "agent":
                by = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if by is not None:
                    return (by.left_edge.idx, by.idx + len(by.text)), by.i
        return None, None

    def _accused_of(self, draft: Draft) -> tuple[tuple[int, int], int] | None:
        """Where the cue is what the source accuses someone of saying ("The statement accused
        Park of asserting that ..."): the accused said it; their span and head, else None."""
        cue_at = draft.cue_token
        if cue_at is None or draft.voice is not None:
            return None
        cue = self.doc[cue_at]
        if cue.dep_ != "pcomp" or cue.head.lower_ != "of":
            return None
        above = cue.head.head  # the verb of accusing, or its object the parser hung "of" on
        verb = above if above.pos_ == "VERB" else above.head
        if self.parse.lemmas[verb.i] not in _ACCUSING:
            return None
        accused = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if accused is None or accused.i > cue.i or accused.i == draft.source_token:
            return None
        return (accused.left_edge.idx, accused.idx + len(accused.text)), accused.i

    def thing_speaks(self, draft: Draft) -> bool:
        """Whether the draft is evidence, not a statement: a verb that a thing can do as well
        as a speaker ("show", "indicate", "prove") whose source is a thing or a deed ("The
        fact shows that ...", "The recent drop in sales indicates that ..."). The source's
        own head word decides, as for a speaker (``_deed``), or a noun of speaking ("His remarks
        show that ..."), or a bare demonstrative ("This
        shows that ...": what was just told) or a relative pronoun's antecedent ("the visit,
        which shows that ..."). A verb of asking whose subject is a state of affairs ("The
        prevailing situation calls for ...", "the threats demand ...") asks in the writer's
        words, nobody's. A verb of saying proper makes
        its subject a speaker even when the noun is no person ("the rally called for ...",
        "the prosecution announced ...")."""
        head_at = draft.source_token
        if draft.source is None or head_at is None or draft.voice is not None:
            return False
        cue = self.lex.cue_verbs.get(draft.cue_lemma or "")
        request = cue is not None and cue.cls == "request"
        if draft.cue_lemma not in _EVIDENCE_VERBS and not request:
            return False  # "the rally called for", "the prosecution announced": its people
        start, end = draft.source
        if not start <= self.parse.token_starts[head_at] < end:
            return False  # a text that speaks for an author named elsewhere
        head = self.doc[head_at]
        if request:
            # "The prevailing situation calls for ...", "the threats demand ...": what a
            # state of things needs, in the writer's words; a gathering's call is its
            # speakers' ("the rally called for ..."), a petition's its signers'.
            return head.lemma_.lower() in self.lex.state_nouns and self._deed(head)
        if head.lower_ in _DEMONSTRATIVES and not any(True for _ in head.children):
            return True  # "This shows that ...": the fact just told, the writer's inference
        if head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
            head = head.head.head  # "the visit, which shows that ...": the antecedent
        lemma = head.lemma_.lower()
        if (
            head.pos_ == "NOUN"
            and lemma not in self.lex.block_nouns
            and (lemma in self.lex.cue_nouns or lemma in _SPEECH_DEEDS)
        ):
            return True  # "His remarks show that ...", "her attack on X indicates ...": a sign
        return self._deed(head)

    def _full_name(
        self, speaker: Entity | None, span: tuple[int, int] | None = None
    ) -> Entity | None:
        """A person the text names by part of a name ("Lee", "the Lee group") is the one
        person of the document whose full name that part is ("Lee Myung Bak"); "Mr. Rhodes"
        is the one person surnamed Rhodes, whatever else the entity stage took the name for
        (an island, a company)."""
        if speaker is not None and speaker.id in self._taken_up:
            return self._taken_up[speaker.id]
        if span is not None and (speaker is None or speaker.kind != "person"):
            titled = self._honorific_person(span)
            if titled is not None:
                return titled
        if speaker is None or speaker.kind != "person" or len(_name_words(speaker.name)) != 1:
            return speaker
        if self._fuller is None:
            self._fuller = _fuller_names(self.by_id.values())
        return self._fuller.get(speaker.id, speaker)

    def _honorific_person(self, span: tuple[int, int]) -> Entity | None:
        """The one person of the document whose last name follows the honorific a speaker
        span is made of ("Mr. Rhodes", "Mrs. Clinton"), or None."""
        words = self.parse.text[span[0] : span[1]].split()
        if len(words) != 2 or words[0].casefold().rstrip(".") not in _HONORIFICS:
            return None
        surname = words[1].casefold().rstrip(".,")
        people = {
            e.id: e
            for e in self.by_id.values()
            if e.kind == "person" and len(_name_words(e.name)) > 1
            if _name_words(e.name)[-1] == surname
        }
        return next(iter(people.values())) if len(people) == 1 else None

    def _aside(self, draft: Draft) -> bool:
        """Whether a draft is a deed told in a clause that sets the scene for another
        ("Since the authorities appointed X, ..., they deplored"): the report does not
        follow its doer."""
        if not draft.act or draft.cue_token is None:
            return False
        cue = self.doc[draft.cue_token]
        return cue.dep_ == "advcl" and any(c.dep_ == "mark" for c in cue.children)

    def _reports(self, draft: Draft) -> bool:
        """Whether a draft names who speaks: a reporting word's source, or the subject of a
        learned frame's own verb ("praised", not "is to see")."""
        if draft.source is None or draft.source_token is None:
            return False
        if not draft.learned:
            return True
        return draft.cue_token is not None and self.doc[draft.source_token].head.i == (
            draft.cue_token
        )

    def _said(self, speaker: Entity | None, head_token: int | None) -> Said:
        head = self.doc[head_token] if head_token is not None else None
        person = (speaker is not None and speaker.kind == "person") or (
            head is not None
            and (self._person_noun(head) or self.lex.pronouns.get(head.lower_) == "person")
        )
        plural = head is not None and is_plural(head)
        text = (
            head is not None
            and head.pos_ == "NOUN"
            and (
                head.lemma_.lower() in self.lex.block_nouns
                or _document_paper(head)
                or _press_release(head)
            )
        )
        return Said(speaker.id if speaker is not None else None, plural, person, text)

    def _person_noun(self, head: Token) -> bool:
        """A noun that names a person by office ("the observer", "the secretary general"), or
        a name given one in apposition ("Jon Chol Guk, an officer of the army")."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return False
        if "person" in self.lex.descriptions.get(_hyphen_end(head).lemma_.lower(), frozenset()):
            return True
        return head.pos_ == "PROPN" and any(
            c.dep_ == "appos"
            and c.pos_ == "NOUN"
            and "person" in self.lex.descriptions.get(c.lemma_.lower(), frozenset())
            for c in head.children
        )

    def _for_person(self, head: Token, entity: Entity, start: int) -> bool:
        """Whether the speaker's noun names someone who works for the person the words
        before it name ("a top Trump adviser", "an Obama administration official",
        "Clinton's spokesman"): the person is not the speaker."""
        if entity.kind != "person" or head.pos_ != "NOUN" or head.lower_ in self.lex.pronouns:
            return False
        word = _hyphen_end(head).lemma_.lower()
        if word not in _AGENT_ROLES and "person" not in self.lex.descriptions.get(word, ()):
            return False
        hits = self.mentions.overlapping(start, head.idx)
        return any(r.entity is entity and r.end <= head.idx for r in hits) and not any(
            r.start <= head.idx < r.end for r in self.mentions.overlapping(head.idx, head.idx + 1)
        )

    def at(
        self,
        start: int,
        end: int,
        head: int | None,
        clauses: Sequence[tuple[int, int]] = (),
    ) -> Entity | None:
        """The entity mentioned in [start, end), preferring the mention of the head word;
        mentions inside ``clauses`` (the phrase's relative clauses) are passed over."""
        hits = self.mentions.overlapping(start, end)
        if clauses:
            hits = [r for r in hits if not any(s <= r.start and r.end <= e for s, e in clauses)]
        if not hits:
            return None
        if head is not None:
            for r in hits:
                if r.start <= head < r.end:
                    return r.entity
        # The first named entity of "X, a professor at Y" is the speaker, not Y.
        return hits[0].entity

    def _named_in_full_before(self, start: int, end: int, head_at: int) -> Entity | None:
        """The body a definite short name takes up ("the Foreign Ministry" after "the
        Russian Foreign Ministry"): the entity of the nearest earlier mention whose words end
        with the short name's, when the short name's own entity was not named before it."""
        ref = next(
            (r for r in self.mentions.overlapping(start, end) if r.start <= head_at < r.end), None
        )
        if ref is None or ref.entity.kind != "organization":
            return None
        if self.parse.text[max(0, ref.start - 4) : ref.start].casefold() != "the ":
            return None
        tail = " " + ref.text.casefold()
        for earlier in reversed(self.mentions.refs[: bisect_left(self.mentions.starts, ref.start)]):
            if earlier.entity is ref.entity:
                return None
            if earlier.text.casefold().endswith(tail) and earlier.entity.kind == "organization":
                return earlier.entity
        return None

    def _named_body_of(self, head: Token, entity: Entity) -> bool:
        """Whether ``entity`` is a country named inside the name of the body or the person
        the phrase's head names ("The Czech-Korean Friendship Association", "The
        Headquarters of Koreans in Japan"): a capitalised head that names a society, not
        an organ of a state ("the U.S. Army"), a person ("Mexican President Felipe
        Calderon") or the state itself ("the Japanese Government"), with no mention of its
        own. The society speaks, not the country its name holds."""
        if entity.kind != "country" or not head.text[:1].isupper():
            return False
        if head.pos_ not in ("NOUN", "PROPN") or head.lower_ not in _SOCIETY_HEADS:
            return False
        return self.at(head.idx, head.idx + len(head.text), head.idx) is None

    def _followed(self, voice: _Voice) -> Entity | None:
        said = voice.followed
        return self.by_id.get(said.entity_id) if said and said.entity_id else None

    def _citer(self, antecedent: Token, voice: _Voice) -> Entity | None:
        """A text that speaks ("a column that warned ...") with no entity of its own speaks
        through whoever cites it: the subject of the verb the text hangs on ("The newspaper
        referred to a column that warned ..."). None when nobody cites it."""
        if (
            not self._in_cited_text(antecedent)
            and antecedent.dep_ != "appos"
            and antecedent.lower_ != "one"
        ):
            # "a booker who said ...", "voters, a third of whom said ...": people or things
            # that speak for themselves, not for whoever the sentence is about. (A noun in
            # apposition is the one the verb's subject names: "said Ann Lee, the party's
            # strategist, who added"; "he portrayed himself as one who believes: ...".)
            return None
        verb = antecedent.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or subjects[0].i == antecedent.i:
            return None
        subject = subjects[0]
        span = (subject.left_edge.idx, subject.idx + len(subject.text))
        return self._resolve(span, subject.i, voice)

    def _in_cited_text(self, noun: Token) -> bool:
        """Whether ``noun`` is a text, or a noun inside the phrases of one that the parser
        took as a relative clause's antecedent ("a column by the director of the institute
        that warned ...": the column warned, not the institute)."""
        while True:
            lemma = noun.lemma_.lower()
            if self._text_noun(noun) or lemma in _CITED_TEXTS or lemma in self.lex.record_nouns:
                return True
            if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.head.pos_ != "NOUN":
                return False
            noun = noun.head.head

    def _named_apposition(self, head: Token) -> Token | None:
        """The name a common noun stands in apposition with: "The Czech paper Halo Noviny
        said", "Kim's spokesman, John Doe, said" speak as Halo Noviny and John Doe, not as
        the first name of the phrase. The parser sometimes makes the name a second subject of
        the verb, right after the noun; that is the same apposition. None when the head has
        a mention of its own or no name follows it."""
        if self.at(head.idx, head.idx + len(head.text), head.idx) is not None:
            return None
        following = [c for c in head.children if c.dep_ == "appos" and c.i > head.i]
        if head.dep_ in ("nsubj", "nsubjpass"):
            following += [
                c
                for c in head.head.children
                if c.dep_ == head.dep_ and c.i > head.i and c.left_edge.i == head.i + 1
            ]
        for name in following:
            if self.at(name.idx, name.idx + len(name.text), name.idx) is not None:
                return name
        return None

    def before(self, offset: int, kinds: frozenset[str]) -> Entity | None:
        """The entity of the nearest mention ending before ``offset`` of one of ``kinds``."""
        return self.mentions.before(offset, kinds)

    def _resolve(
        self, span: tuple[int, int] | None, head_token: int | None, voice: _Voice
    ) -> Entity | None:
        if span is None:
            return None
        start, end = span
        head = self.doc[head_token] if head_token is not None else None
        if head is not None and head.lower_ in _RELATIVE:
            clause = head.head
            while clause.dep_ == "conj" and clause.head.i != clause.i:
                clause = clause.head  # "a column that mentioned ... and warned that ..."
            if clause.dep_ == "relcl":
                # "Sanders, who said ...": the speaker is the relative clause's antecedent.
                head = clause.head
                start, end = head.idx, head.idx + len(head.text)
                if self.at(start, end, head.idx) is None:
                    return self._citer(head, voice)
        if head is not None and voice.own and _modifies(head, voice.own):
            return None  # "the moves to conclude U.S.-south Korea FTA": a word of the content
        head_at = head.idx if head is not None else None
        named = self._named_apposition(head) if head is not None else None
        if named is not None:
            head_at = named.idx
            end = max(end, named.idx + len(named.text))
        # "Ch. Surenjav, who was honored with the audience of Kim Jong Il, said": a name
        # in the speaker's relative clause is someone the clause is about, not the speaker.
        clauses = _clause_spans(head) if head is not None and start <= head.idx < end else []
        direct = self.at(start, end, head_at, clauses)
        if direct is not None and head is not None and self._named_body_of(head, direct):
            direct = None
        if direct is not None and head is not None and self._for_person(head, direct, start):
            direct = None  # "A senior Obama administration official said": not Obama
        if direct is not None and head_at is not None:
            # "The Russian Foreign Ministry rejected ... the Foreign Ministry said": the body
            # named in full before, not a second body the entity stage made of the short name.
            fuller = self._named_in_full_before(start, end, head_at)
            if fuller is not None:
                self._taken_up[direct.id] = fuller  # and "it" linked to the short name
                direct = fuller
        if direct is None and head is not None and not start <= head.idx < end:
            # A text that speaks for its author ("The message said:", statement blocks):
            # the span names the text, the head token is the author named elsewhere.
            direct = self.at(head.idx, head.idx + len(head.text), head.idx)
            text_noun = head.lemma_.lower() in self.lex.block_nouns
            if direct is None and head.pos_ in ("NOUN", "PROPN") and not text_noun:
                # "A spokesman for X issued a statement. The statement said:", "The
                # Secretariat of X issued a bulletin": the author, as a subject is resolved.
                direct = self._subject_entity(head, voice)
        if head is None:
            return direct
        if start <= head.idx < end and self._authored(head):
            # "an analysis of FEC data by Crowdpac", "an analyst's report on Freedonia": the
            # text speaks for whoever wrote it, not for the first body its phrase names.
            author = _written_by(head)
            if author is not None:
                return self._resolve(
                    (author.left_edge.idx, author.idx + len(author.text)), author.i, voice
                )
        if direct is not None and start <= head.idx < end and self._deed(head):
            return None  # "The group's fabrication reveals ...": a deed is nobody's voice
        word = head.lower_
        if direct is not None and word in self.lex.pronouns:
            subject = self._continued(head, direct, voice)
            if subject is not None:
                return self._subject_entity(subject, voice)
            if self._doubtful(head, direct, voice):
                direct = None
        if direct is not None:
            return direct
        if word in self.lex.pronouns:
            return self._pronoun(head, voice)
        lemma = head.lemma_.lower()
        determiners = _determiners(head)
        if lemma in self.lex.vague_heads and "the" not in determiners:
            return None
        text_noun = lemma in self.lex.block_nouns or _document_paper(head) or _press_release(head)
        if text_noun and determiners & {"the", "this", "that"}:
            return self._text(head, voice)
        if lemma in _WORKS and determiners & {"the", "this", "that"}:
            # "Kim Jong Il's work ... was brought out. The work clarifies ...": a work speaks
            # for the author an earlier mention names, and for no one else.
            work = self._text(head, voice, follow=False)
            if work is not None:
                return work
        if text_noun and head.dep_ == "dobj":
            # "Trump released a new radio ad calling ...", "X issued a statement saying ...":
            # the text speaks for whoever made it.
            author = text_author(head)
            found = self._author(author, head, voice) if author is not None else None
            if found is not None:
                return found
        if lemma in _ATTENDEES and is_plural(head):
            # "X held a rally ... Speakers at the rally said": the rally's holders speak.
            return self._host(head)
        # (A plural piece at the head of a line is often tagged a name: "- Articles say".)
        pieces = not determiners and head.lower_[:-1] in _PRESS_PIECES and head.lower_[-1] == "s"
        unsigned = lemma in _PRESS_PIECES and determiners & _INDEFINITE
        if (unsigned or pieces) and head.dep_ in _SUBJECTS:
            # "Rodong Sinmun / - An article says ...", "Papers carried articles. Another
            # article notes ...", "- Articles call for ...": a piece no words sign speaks
            # for the paper it ran in.
            press = self.mentions.press_before(start)
            return press.entity if press is not None else None
        described = self._described(head, start, voice)
        if described is None and head.pos_ in ("NOUN", "PROPN"):
            its = next((c for c in head.children if c.dep_ == "poss" and c.lower_ == "its"), None)
            if its is not None:
                # "Its foreign ministry said", "its statement said": the body "its" stands for.
                return self._its(its, voice)
        end_word = _hyphen_end(head)
        if described is None and end_word.i != head.i and "the" not in determiners:
            # "A vice-minister of the Russian Foreign Ministry said": the parser made "vice"
            # the subject; the office word after the hyphen names whom the holder speaks for.
            return self._phrase(end_word)
        return described

    def _its(self, its: Token, voice: _Voice) -> Entity | None:
        """The body a possessive "its" before a speaker's noun stands for: a country or body
        its own sentence names before it ("Freedonia's prices rose, its central bank said"),
        else the nearest singular subject of the sentences before, when it names one ("The
        party held a meeting. Its statement said"); a subject that names no body, or one
        inside someone's quote, decides for nobody."""
        sentence = its.sent
        named = self.before(its.idx, _GROUPS)
        last = self.mentions.last_of(named, its.idx) if named is not None else None
        if last is not None and sentence.start_char <= last:
            return named
        for subject in recent_subjects(self.parse, its):
            if is_plural(subject) or subject.lower_ in self.lex.pronouns:
                continue
            if not voice.nested and voice.contents and voice.contents.holders(subject.idx):
                continue
            found = self._heads.get(subject.i) or self._phrase_head(subject)
            return found if found is not None and _fits(found, _GROUPS) else None
        return None

    def _described(self, head: Token, start: int, voice: _Voice) -> Entity | None:
        """Whom a description names ("the newspaper", "the chairman"): the earlier speaker
        of the same head noun, the earlier holder of the title, the followed speaker of its
        kind, else the nearest entity of its kind (for a person, one holding that office)."""
        lemma = head.lemma_.lower()
        determiners = _determiners(head)
        kinds = self.lex.descriptions.get(lemma)
        end_word = _hyphen_end(head)
        if kinds is None and end_word.i != head.i:
            # "The vice-president said" with "vice" the phrase's head: a person all the same,
            # taken up by the earlier "vice-president" (``_titled`` reads the same word).
            kinds = self.lex.descriptions.get(end_word.lemma_.lower())
        if kinds is not None and "person" in kinds and "the" in determiners:
            # "Peng, director of X, said ... the director said ... Zeng, director of Y, said
            # ... the director said": the nearest earlier use of the word (an office in
            # apposition to a new name), not the earlier "the director" that spoke.
            titled = self._titled(head)[1]
            if titled is not None:
                return titled
        if kinds is not None and "the" in determiners:
            earlier = self._spoke_before(head)
            if earlier is not None:
                newer = self._paper_since(head, earlier, kinds)
                # "South Korean organizations said ... The organizations ..."
                return newer if newer is not None else earlier
        if kinds is not None and "person" in kinds and "the" in determiners:
            introduced, titled = self._titled(head)
            if introduced:
                return titled  # "X, chairman of the party, ... the chairman said"
        if kinds is not None and is_plural(head) and "group" not in kinds:
            return None  # "the organizations" are no one organization named before
        if kinds is not None and determiners & _DEFINITE:
            previous = self._followed(voice)
            if previous is not None and previous.kind in kinds:
                newer = self._paper_since(head, previous, kinds) if "the" in determiners else None
                return newer if newer is not None else previous
            if "person" in kinds:
                return self._holder_before(start, lemma)
            return self.before(start, kinds)
        return None

    def _authored(self, head: Token) -> bool:
        """Whether the head is a text or a record with no mention of its own ("report",
        "analysis", "poll"), which speaks for its author when the phrase names one."""
        if head.pos_ != "NOUN":
            return False
        lemma = head.lemma_.lower()
        lex = self.lex
        if not (lemma in lex.block_nouns or lemma in lex.record_nouns or lemma in lex.survey_nouns):
            return False
        return self.at(head.idx, head.idx + len(head.text), head.idx) is None

    def _deed(self, head: Token) -> bool:
        """Whether a source's head is a thing or a deed of whoever its modifiers name ("the
        Lee group's fabrication", "the greatness of the leader", "the atmosphere of
        revenge on Lee"), not a person, body or text that speaks for them: a common noun
        with no mention of its own that no word list or doer's suffix makes a speaker."""
        if head.pos_ != "NOUN" or any(c.dep_ == "conj" for c in head.children):
            return False  # "a state and Cruz suggested": a speaker joined to the noun
        lemma = _hyphen_end(head).lemma_.lower()
        lex = self.lex
        if (
            lemma in lex.descriptions
            or lemma in lex.vague_heads
            or lemma in lex.block_nouns
            or lemma in lex.cue_nouns
            or lemma in lex.agent_nouns
            or (lemma.endswith(_DOER_ENDINGS) and not lemma.endswith("ment"))
        ):
            return False
        return self.at(head.idx, head.idx + len(head.text), head.idx) is None

    def _continued(self, pronoun: Token, entity: Entity, voice: _Voice) -> Token | None:
        """The subject a speaking "he" or "she" continues when it is not the person the
        entity stage linked the pronoun to. The entity stage takes the only person named in
        reach ("...the warm love of leader Kim Jong Il. He told them ..."), but a reporter's
        "he" continues the main subject of the sentences before, through a chain of "he"
        subjects ("The chairman of the party made a speech. ..., he said. He urged ...")."""
        if voice.nested or self.lex.pronouns.get(pronoun.lower_) != "person":
            return None
        subject = self._chain_subject(pronoun, voice)
        if subject is None or self._names(subject, entity) or not self._agrees(pronoun, subject):
            return None
        if subject.pos_ == "NOUN" and _holds(entity, subject.lemma_.lower()):
            return None  # "the senator" and the senator linked
        found = self._subject_entity(subject, voice)
        if found is entity:
            return None  # "the Republican candidate" is the person linked
        if found is not None and found.name.split()[-1][:1].islower():
            return None  # a description made an entity ("Vermont senator") is no other name
        return subject

    def _subject_entity(self, subject: Token, voice: _Voice) -> Entity | None:
        """The entity a person subject names: the speaker resolved for it; its own mention,
        its name or the body of its office ("the chairman of the party"); a description
        as a speaking description resolves ("the Republican candidate"); else the body its
        phrase names ("Jon, an officer of the army")."""
        if subject.i in self._heads:
            return self._heads[subject.i]
        holder = self._office_holder(subject)
        if holder is not None:
            return holder
        determiners = _determiners(subject)
        if determiners & _DEFINITE and subject.pos_ == "NOUN":
            return self._described(subject, subject.left_edge.idx, voice)
        return self._phrase(subject)

    def _doubtful(self, pronoun: Token, entity: Entity, voice: _Voice) -> bool:
        """Whether a pronoun's link is not to be trusted: the person is named last inside
        the pronoun's own quote, or inside someone else's words while the report is
        following another person ("O, a worker, noted that they hate Lee. He said: ...")."""
        if self._bound(pronoun, entity, voice):
            return True
        if voice.nested or self.lex.pronouns.get(pronoun.lower_) != "person":
            return False
        last = self.mentions.last_named(entity, pronoun.idx, self.lex.pronouns)
        if last is None or voice.contents is None or not voice.contents.holders(last):
            return False
        said = voice.followed
        if said is None or not said.person or said.plural or said.entity_id == entity.id:
            return False
        followed = self._followed(voice)
        return followed is None or _gender(followed) in (None, _PRONOUN_GENDER[pronoun.lower_])

    def _chain_subject(self, pronoun: Token, voice: _Voice) -> Token | None:
        """The person a "he" continues: the main subject of the sentence before, passing back
        over sentences whose subject is the same pronoun and over sentences inside someone's
        words; None when the chain meets anything else (a plural or non-person subject, a
        sentence with no subject) or runs out of reach."""
        parse = self.parse
        word = pronoun.lower_
        k = parse.sentence_index(pronoun.idx) - 1
        steps = 0
        while k >= 0 and steps < _CHAIN_REACH:
            sentence = parse.sents[k]
            k -= 1
            steps += 1
            subject = next((c for c in sentence.root.children if c.dep_ in _SUBJECT_DEPS), None)
            if subject is not None and voice.contents and voice.contents.holders(subject.idx):
                continue  # a sentence of someone's quote
            if subject is None or is_plural(subject):
                return None
            if subject.lower_ in self.lex.pronouns:
                if subject.lower_ != word:
                    return None
                continue
            return subject if self._person_like(subject) else None
        return None

    def _person_like(self, token: Token) -> bool:
        """A phrase head that names a person: a person's mention, a noun of office ("the
        chairman", "Jon, an officer of ..."), or a name no entity took ("Sin Chung Il")."""
        if self._person_noun(token):
            return True
        hits = self.mentions.overlapping(token.idx, token.idx + len(token.text))
        if hits:
            return any(r.entity.kind == "person" for r in hits)
        return token.pos_ == "PROPN"

    def _names(self, subject: Token, entity: Entity) -> bool:
        """Whether a subject phrase (appositions included) names ``entity``."""
        if subject.i in self._heads and self._heads[subject.i] is entity:
            return True
        end = subject.right_edge.idx + len(subject.right_edge.text)
        hits = self.mentions.overlapping(subject.left_edge.idx, end)
        return any(r.entity is entity for r in hits)

    def _agrees(self, pronoun: Token, subject: Token) -> bool:
        """A subject whose person is known to be of the other gender is not a "he"'s."""
        found = self.at(subject.idx, subject.idx + len(subject.text), subject.idx)
        gender = _gender(found) if found is not None else None
        return gender in (None, _PRONOUN_GENDER[pronoun.lower_])

    def _bound(self, pronoun: Token, entity: Entity, voice: _Voice) -> bool:
        """Whether the entity a pronoun was linked to is named last inside the pronoun's own
        quote ("Kim Jong Un's line will win, he concluded": whoever "he" is, he is not the
        one his words name)."""
        if not voice.own:
            return False
        last = self.mentions.last_of(entity, pronoun.idx)
        return last is not None and any(s <= last < e for s, e in voice.own)

    def _pronoun(self, head: Token, voice: _Voice) -> Entity | None:
        """A pronoun the entity stage left alone, through the discourse."""
        word = head.lower_
        kind = self.lex.pronouns[word]
        kinds = _PERSONS if kind == "person" else _GROUPS if kind == "group" else None
        plural = is_plural(head)
        if word in _FIRST_PERSON:
            # "we" in someone's quote (a statement block too) is that speaker; in the
            # report's own voice it is the text's author, whom the words do not name.
            who = voice.outer if voice.nested else None
            return who if who is not None and _fits(who, kinds) else None
        if word == "it" and (head.dep_ in ("nsubjpass", "expl") or head.head.lemma_ in _EMPTY_IT):
            # "It was reported that ...", "It is foolish to ...", "It seems the party has
            # ...", "it appears to be stalling": nobody speaks, the writer infers.
            return None
        if word == "it" and head.head.lemma_ in _FACT_VERBS and not _follows_text(voice):
            # "The allies staged drills twice as often. It clearly shows ...": the fact just
            # told shows it, in the writer's words; a text's "it" is its author's.
            return None
        # "The warmongers are mistaken if they think ...": a pronoun in a clause under
        # another clause's subject is that subject, before any earlier speaker.
        decided, found = self._antecedent(clause_subjects(head), head, voice)
        if decided:
            return found
        if word == "it" and not voice.nested:
            # "The paper X carried an article titled ... . It said that ...": the text just
            # named speaks for its author, before whoever the report followed until then.
            found = self._named_text(head, voice)
            if found is not None:
                return found
        if not voice.nested:
            said = voice.followed
            previous = self._followed(voice)
            if said is not None and previous is not None:
                if kind == "person" and said.person and not said.plural:
                    return previous
                if word == "it" and said.text and not said.plural:
                    return previous  # "..., the message said. ..., it added": its author
                # "it" and "they" follow any speaker that is no person, in number.
                agrees = said.plural == plural or previous.kind == "group"
                if kind == "group" and not said.person and previous.kind != "person" and agrees:
                    return previous
        found = self._antecedent(recent_subjects(self.parse, head), head, voice)[1]
        if found is None and kind == "person" and not voice.nested and not plural:
            return self._report_topic(head, voice)
        return found

    def _named_text(self, pronoun: Token, voice: _Voice) -> Entity | None:
        """The author of the text the sentences just before the pronoun name, when the words
        say who it is ("X carried an article", "a message from Y") or it already spoke."""
        named = earlier_text(pronoun, self.lex.block_nouns)
        if named is None or named.tag_ != "NN":
            return None  # ("denied the inter-Korean declarations": no "it")
        if self._heads.get(named.i) is not None:
            return self._heads[named.i]
        author = text_author(named)
        return self._author(author, named, voice) if author is not None else None

    def _report_topic(self, pronoun: Token, voice: _Voice) -> Entity | None:
        """The person a "he" or "she" of the report's own voice stands for when no nearer
        word decides: the report of a speech or a visit calls its person "he" sentence after
        sentence ("Kim Jong Un made a speech. ... He went on: ... Then he said:"), between
        paragraphs of their words no quotation marks enclose, further back than any
        pronoun's reach. The nearest main subject of the report's own sentences that names a
        person decides: a pronoun of the same gender that the entity stage linked or this
        pass resolved, else a person's name or office (never the nearest name as such: a
        name that is no subject is whom the report talks about). Sentences inside someone's
        quote and subjects that are no person ("we", "it", plural, things) are passed over;
        a person of the other gender, or one no entity names, ends the search with
        nobody."""
        parse = self.parse
        gender = _PRONOUN_GENDER[pronoun.lower_]
        own = pronoun.sent
        if any(
            t.dep_ in _SUBJECT_DEPS and self._person_like(t) for t in own.doc[own.start : pronoun.i]
        ):
            return None  # "If a man has common sense, he ...": whom its own sentence names
        k = parse.sentence_index(pronoun.idx) - 1
        for _ in range(_TOPIC_REACH):
            if k < 0:
                return None
            sentence = parse.sents[k]
            k -= 1
            subject = next((c for c in sentence.root.children if c.dep_ in _SUBJECT_DEPS), None)
            if subject is None or is_plural(subject):
                continue
            if voice.contents and voice.contents.holders(subject.idx):
                continue  # a sentence of someone's quote
            word = subject.lower_
            if word in self.lex.pronouns:
                if word not in _PRONOUN_GENDER:
                    continue  # "it", "I": no person of the report's
                if _PRONOUN_GENDER[word] != gender:
                    return None
                linked = self.at(subject.idx, subject.idx + len(subject.text), subject.idx)
                found = linked if linked is not None else self._heads.get(subject.i)
                if found is not None and found.kind == "person":
                    return found
                continue  # an earlier "he" nobody resolved: the same person, further back
            if not self._person_like(subject):
                continue
            if not self._agrees(pronoun, subject):
                return None
            found = self._subject_entity(subject, voice)
            return found if found is not None and found.kind == "person" else None
        return None

    def _antecedent(
        self, subjects: list[Token], head: Token, voice: _Voice
    ) -> tuple[bool, Entity | None]:
        """The first of ``subjects`` (nearest first) that agrees with the pronoun ``head``
        in number decides: its entity if it names one of a kind the pronoun can stand for,
        else nobody; inside a quote never the one quoted ("they" in a statement is whom it
        talks about). (False, None) when none of them agrees."""
        kind = self.lex.pronouns[head.lower_]
        kinds = _PERSONS if kind == "person" else _GROUPS if kind == "group" else None
        plural = is_plural(head)
        for subject in subjects:
            if is_plural(subject) != plural:
                continue
            if not voice.nested and voice.contents and voice.contents.holders(subject.idx):
                continue  # a subject inside someone's quote is not the report's topic
            if subject.i in self._heads:
                found = self._heads[subject.i]  # a speaker already resolved ("They said")
                if found is not None and head.lower_ == "it" and self._text_noun(subject):
                    return True, found  # "..., the article said. ..., it said": its author
            elif subject.lower_ in self.lex.pronouns:
                continue  # a pronoun nobody resolved: look further
            else:
                found = self._phrase_head(subject)
                if found is None and self._person_noun(subject):
                    found = self._title_or_body(subject)
                elif found is not None and self._described_only(subject):
                    return True, None  # "National flags ...": no one the words name
            if kind == "person" and found is not None and found.kind != "person":
                # "Supreme Commander of the army Kim Jong Un, leader of the party, inspected
                # ... He said": the person the title phrase names, not the body.
                found = self._person_in(subject) or found
            person = found is not None and (found.kind == "person" or self._person_noun(subject))
            fits = person if kind == "person" else found is not None and _fits(found, kinds)
            if found is None or found is voice.outer or not fits:
                return True, None  # the nearest agreeing subject names nobody we know
            return True, found
        return False, None

    def _person_in(self, subject: Token) -> Entity | None:
        """The first person a subject's phrase names outside its clauses, if any."""
        end = subject.right_edge.idx + len(subject.right_edge)
        clauses = _clause_spans(subject)
        for ref in self.mentions.overlapping(subject.left_edge.idx, end):
            inside = any(s <= ref.start and ref.end <= e for s, e in clauses)
            if ref.entity.kind == "person" and not inside:
                return ref.entity
        return None

    def _text_noun(self, head: Token) -> bool:
        """A noun for a text that speaks for its author ("the article", "the paper")."""
        return head.pos_ == "NOUN" and (
            head.lemma_.lower() in self.lex.block_nouns
            or _document_paper(head)
            or _press_release(head)
        )

    def _described_only(self, subject: Token) -> bool:
        """Whether a subject is a common noun no mention covers and no word of a speaker's
        kind ("National flags", "the performers"), whose entity is only a word before it:
        a thing or a group the words describe and do not name."""
        if subject.pos_ != "NOUN" or self._person_noun(subject):
            return False
        if subject.lemma_.lower() in self.lex.descriptions:
            return False
        return self.at(subject.idx, subject.idx + len(subject.text), subject.idx) is None

    def _host(self, attendees: Token) -> Entity | None:
        """Who held the gathering the speakers spoke at ("Speakers at the rally", "The
        speakers"): the subject of the nearest earlier "held", "staged" or "organized" whose
        object is a gathering (the same one when the words name it), within
        ``_HOST_REACH`` sentences; the body its phrase names."""
        named = _gathering_at(attendees)
        return self._holder_of(attendees, named.lemma_.lower() if named is not None else None)

    def _text_host(self, text: Token) -> Entity | None:
        """Who speaks through a text read out or adopted at a gathering ("A press release was
        read out at the conference"): whoever held that gathering. None when the text's verb
        names no gathering."""
        if text.dep_ != "nsubjpass":
            return None
        gathering = _gathering_at(text.head)
        if gathering is None or gathering.lemma_.lower() not in _GATHERINGS:
            return None
        return self._holder_of(text, gathering.lemma_.lower())

    def _holder_of(self, after: Token, named: str | None) -> Entity | None:
        """The body the subject of the nearest "held"/"staged"/"organized" before ``after``
        names, whose object is a gathering (``named`` when given), within ``_HOST_REACH``
        sentences."""
        parse = self.parse
        own = parse.sentence_index(after.idx)
        for k in range(own, max(own - _HOST_REACH, -1), -1):
            for token in reversed(parse.sents[k]):
                if token.i >= after.i or token.dep_ != "dobj":
                    continue
                lemma = token.lemma_.lower()
                if lemma not in _GATHERINGS or (named is not None and lemma != named):
                    continue
                if token.head.lemma_.lower() not in _HOLD_VERBS:
                    continue
                holder = next((c for c in token.head.children if c.dep_ in _SUBJECTS), None)
                return self._phrase(holder) if holder is not None else None
        return None

    def _title_or_body(self, subject: Token) -> Entity | None:
        """Whom a person's title as a subject names: "The General Secretary" the person the
        title was given to before ("the respected General Secretary Ana Kovac"), else the
        body its phrase names ("The leader of the party": the party)."""
        if "the" in _determiners(subject):
            titled = self._titled(subject)[1]
            if titled is not None:
                return titled
        return self._phrase(subject)

    def _phrase_head(self, subject: Token) -> Entity | None:
        return self.at(subject.left_edge.idx, subject.idx + len(subject.text), subject.idx)

    def _spoke_before(self, head: Token) -> Entity | None:
        """The speaker an earlier attribution resolved for a source with the same head noun
        ("South Korean organizations ... condemned" before "The organizations said")."""
        lemma = head.lemma_.lower()
        earlier = [
            i
            for i, entity in self._heads.items()
            if head.i - _TEXT_REACH < i < head.i
            and entity is not None
            and self.doc[i].lemma_.lower() == lemma
        ]
        return self._heads[max(earlier)] if earlier else None

    def _paper_since(self, head: Token, earlier: Entity, kinds: frozenset[str]) -> Entity | None:
        """A paper introduced as a subject after ``earlier`` spoke or was last named ("The
        Russian paper X said ... The Indian paper Y carried articles. The paper noted"): a
        review of the press goes from paper to paper, and "the paper" is the one just brought
        in. None for other descriptions, or when no other paper has been the subject of a
        clause since (a paper the speaker names is what it talks about)."""
        if "media" not in kinds:
            return None
        press = self.mentions.press_before(head.idx)
        if press is None or press.entity is earlier:
            return None
        spoke = [self.doc[i].idx for i, e in self._heads.items() if e is earlier and i < head.i]
        named = self.mentions.last_of(earlier, head.idx)
        if press.start < max([*spoke, -1 if named is None else named]):
            return None
        at = self.parse.token_covering(press.start)
        if at is None:
            return None
        token = self.doc[at]
        while token.dep_ == "compound" or (
            token.head.i != token.i and press.start <= token.head.idx < press.end
        ):
            token = token.head
        if token.dep_ == "appos":
            token = token.head
        if token.dep_ not in _SUBJECTS:
            return None
        return press.entity

    def _titled(self, head: Token) -> tuple[bool, Entity | None]:
        """The person "the chairman" takes up: the one the nearest earlier use of the same
        word (and its qualifiers: "the supreme leader" is not "the leader") names, as a
        title ("President Obama"), in apposition ("Ana Kovac, chairman of the party") or
        as the office of a body ("the chairman of the party": the party); an earlier "the
        chairman" of its own is passed over to the one it takes up. (False, None) when no
        earlier sentence uses the word; (True, None) when one did but named nobody Parley
        knows. The words are read on the parse index's lemmas, so only the earlier uses of
        the word become Tokens."""
        lemma = head.lemma_.lower()
        wanted = _qualifiers(head)
        prefix = _hyphen_prefix(head)
        lemmas = self.parse.lemmas
        pos = self.parse.pos
        used = False  # an earlier "the chairman" that named nobody either
        for i in range(head.i - 1, max(head.i - _TEXT_REACH, -1), -1):
            if lemmas[i] != lemma or pos[i] not in ("NOUN", "PROPN"):
                continue
            earlier = self.doc[i]
            if _hyphen_prefix(earlier) != prefix or not wanted <= _qualifiers(earlier):
                continue
            if self._quoted_apart(earlier, head):
                continue  # "X said: ... Y, chairman of the commission, ..." is X's word
            if i in self._heads:
                return True, self._heads[i]
            named = self._office_holder(earlier)
            if named is not None:
                return True, named
            if not _determiners(earlier) & _DEFINITE:
                return True, None
            used = True
        return used, None

    def _quoted_apart(self, word: Token, head: Token) -> bool:
        """Whether ``word`` lies in the words of a quote that does not also hold ``head``:
        a title a speaker gives someone in his own words is not what the report's "the
        chairman" takes up."""
        if self._contents is None:
            return False
        holders = self._contents.holders(word.idx)
        return bool(holders) and not set(holders) & set(self._contents.holders(head.idx))

    def _office_holder(self, word: Token) -> Entity | None:
        """Who a word of office names where it stands: its own mention, the name it is the
        title of or in apposition to, else the body of an "of"/"for"/"at" phrase."""
        own = self.at(word.idx, word.idx + len(word.text), word.idx)
        if own is not None and own.kind == "person":
            return own
        top = word
        while top.dep_ == "compound" and top.head.i != top.i:
            top = top.head
        names = [top] if top.i != word.i else []
        # "X, vice-chairman of ...": the parser may make the word before the hyphen the
        # apposition, not the office word.
        joined = [word.doc[word.i - 2]] if _hyphen_prefix(word) else []
        for part in (top, *joined):
            office = part
            while office.dep_ == "conj" and office.head.i != office.i:
                office = office.head  # "X, commander of the army and leader of the party"
            if office.dep_ == "appos":
                names.append(office.head)
            names.extend(c for c in part.children if c.dep_ == "appos")
        for name in names:
            found = self._phrase_head(name)
            if found is not None:
                return found
        for prep in top.children:
            if prep.dep_ != "prep" or prep.lower_ not in _OFFICE_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                found = self._phrase_head(obj)
                if found is not None and (found.kind in _BODIES or found.kind == "country"):
                    return found
        return own  # a body whose mention took the office in ("leader of the party")

    def _holder_before(self, offset: int, lemma: str) -> Entity | None:
        """The nearest person before ``offset`` whose office is the word ("the president":
        a person with the role of president), among the last ``_HOLDER_REACH`` people."""
        seen = 0
        refs = self.mentions.refs
        for j in range(bisect_left(self.mentions.starts, offset) - 1, -1, -1):
            ref = refs[j]
            if ref.entity.kind != "person" or ref.end > offset:
                continue
            if _holds(ref.entity, lemma):
                return ref.entity
            seen += 1
            if seen >= _HOLDER_REACH:
                break
        return None

    def _author(self, author: Token, text: Token, voice: _Voice) -> Entity | None:
        """The entity of the author phrase of ``text``; a pronoun ("It issued a statement"),
        which names nobody itself, is whom this pass resolved it to as the speaker of its
        verb, else whom it stands for in the discourse (only a pronoun before the text: one
        after it, "a statement issued by it", could lead back to the same text)."""
        if author.lower_ in self.lex.pronouns:
            resolved = self._heads.get(author.i)
            if resolved is None and author.i < text.i:
                resolved = self._pronoun(author, voice)
            return resolved
        return self._phrase(author)

    def _phrase(self, head: Token) -> Entity | None:
        """The entity a noun phrase names: its head's, else the first body named in it ("A
        spokesman for the Federation ..." speaks for the federation); a place the phrase
        names is no author ("ALBA nations of Latin America" are not America), nor is a
        country, unless the head is a person speaking for it ("a spokesman for the U.S.")."""
        own = self.at(head.idx, head.idx + len(head.text), head.idx)
        if own is not None:
            return own
        named = self._named_apposition(head)
        if named is not None:
            # "Another Indian paper Public News carried an article": the paper's name.
            return self.at(named.idx, named.idx + len(named.text), named.idx)
        end = head.right_edge.idx + len(head.right_edge)
        clauses = _clause_spans(head)
        person = self._person_noun(head)
        country = None
        for ref in self.mentions.overlapping(head.left_edge.idx, end):
            if any(s <= ref.start and ref.end <= e for s, e in clauses):
                continue  # "participants in a forum supporting the Korean people": not them
            kind = ref.entity.kind
            if kind in _BODIES:
                return ref.entity
            if kind == "person" and person and ref.end == end and head.pos_ == "PROPN":
                # "a message from President of Mozambique Ana Tembe": the title's holder,
                # named last (an entity that did not take the title in).
                return ref.entity
            if kind == "country" and person and country is None:
                country = ref.entity
        return country

    def _text(self, head: Token, voice: _Voice, *, follow: bool = True) -> Entity | None:
        """A text that speaks ("the commentary said"): the author an earlier mention of the
        same text names ("Rodong Sinmun carried a commentary", "a statement of the
        ministry"); the speaker the report is following when no earlier sentence names it."""
        lemma = head.lemma_.lower()
        kind = _qualifiers(head)  # "the joint statement" is not "a statement of X"
        introduced = False
        # A story names one white paper, however long it quotes it: read back to the top.
        reach = head.i if _document_paper(head) else _TEXT_REACH
        for i in range(head.i - 1, max(head.i - reach, -1), -1):
            earlier = self.doc[i]
            if earlier.pos_ != "NOUN" or earlier.lemma_.lower() != lemma:
                continue
            if not kind <= _qualifiers(earlier):
                continue
            introduced = True
            if self._heads.get(i) is not None:
                return self._heads[i]  # "the statement said" before, already resolved
            of = [c for c in earlier.children if c.dep_ == "prep" and c.lower_ == "of"]
            for prep in of:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    found = self._phrase(obj)
                    if found is not None:
                        return found
            author = text_author(earlier)
            found = (
                self._author(author, earlier, voice)
                if author is not None
                else self._text_host(earlier)
            )
            if found is not None:
                return found
        # A text introduced before whose author the words do not name is nobody's we know;
        # one never introduced is the followed speaker's ("X said ... The statement said").
        return None if introduced or not follow else self._followed(voice)


class _Voice:
    """Where a speaker span stands in the discourse: the attribution the report follows,
    whether the span lies inside someone's quote, that quote's speaker, and the content
    of the span's own attribution."""

    __slots__ = ("contents", "followed", "nested", "outer", "own")

    def __init__(
        self,
        followed: Said | None,
        nested: bool,
        outer: Entity | None,
        contents: Contents | None,
        own: Sequence[tuple[int, int]],
    ) -> None:
        self.followed = followed
        self.nested = nested
        self.outer = outer
        self.contents = contents
        self.own = own


def _gathering_at(word: Token) -> Token | None:
    """The object of the word's "at" phrase ("speakers at the rally", "read out at the
    conference"), else None."""
    return next(
        (
            g
            for p in word.children
            if p.dep_ == "prep" and p.lower_ == "at"
            for g in p.children
            if g.dep_ == "pobj"
        ),
        None,
    )


def _written_by(text: Token) -> Token | None:
    """The author a text's own phrase names: its possessor ("the analyst's article"), the
    object of its "by" ("a study by the institute"), or the agent of a participle that
    made it ("a report released by the office"). None for a pronoun possessor ("his
    article", left to the pronoun rules) and when the phrase names no author."""
    for child in text.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            found = next((c for c in child.children if c.dep_ == "pobj"), None)
            if found is not None:
                return found
    return participle_agent(text)


def _determiners(noun: Token) -> set[str]:
    """The noun's determiners, also where the parser hung them on a word compounded to it
    ("The vice-chairman": "The" on "vice")."""
    found = set()
    for c in noun.children:
        if c.dep_ == "det":
            found.add(c.lower_)
        elif c.dep_ == "compound" and c.i < noun.i:
            found.update(g.lower_ for g in c.children if g.dep_ == "det")
    return found


def _qualifiers(noun: Token) -> set[str]:
    """The words that say which kind of text a noun is ("joint", "press"), less the word a
    hyphen joins to it (part of the word itself: ``_hyphen_prefix``)."""
    joined = noun.i - 2 if _hyphen_prefix(noun) else -1
    return {
        c.lower_
        for c in noun.children
        if c.dep_ in ("amod", "compound") and not c.is_punct and c.i != joined
    }


def _hyphen_prefix(noun: Token) -> str:
    """The word a hyphen joins to the front of the noun ("vice" of "vice-chairman"), which
    the parser may hang anywhere: "the vice-chairman" is not "the chairman"."""
    i = noun.i
    if i < 2 or noun.doc[i - 1].text != "-":
        return ""
    if noun.doc[i - 2].whitespace_ or noun.doc[i - 1].whitespace_:
        return ""
    return noun.doc[i - 2].lower_


def _hyphen_end(noun: Token) -> Token:
    """The word a hyphen joins after the noun, which the parser sometimes makes the head of
    the phrase ("vice" of "The vice-chairman said"): the word that says what it is."""
    doc = noun.doc
    i = noun.i
    if i + 2 >= len(doc) or doc[i + 1].text != "-" or noun.whitespace_ or doc[i + 1].whitespace_:
        return noun
    return doc[i + 2] if doc[i + 2].is_alpha else noun


# What makes a paper a document and not a newspaper ("the white paper said").
_DOCUMENT_PAPERS = frozenset({"white", "position", "working", "green", "policy", "discussion"})


def _document_paper(head: Token) -> bool:
    """Whether the noun is a paper some body issued ("a white paper", "the position
    paper"), which speaks for its author as a statement does; "the paper" alone is a
    newspaper."""
    return head.lemma_.lower() == "paper" and bool(_qualifiers(head) & _DOCUMENT_PAPERS)


def _press_release(head: Token) -> bool:
    """Whether the noun is a press release, a text that speaks for whoever put it out as a
    statement does; "the release" alone is a freeing or a launch."""
    return head.lemma_.lower() == "release" and "press" in _qualifiers(head)


_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nummod"})


def _modifies(head: Token, content: Sequence[tuple[int, int]]) -> bool:
    """Whether a source's head word only modifies a word of the content it is said to
    speak: a speaker is never part of what was said."""
    if head.dep_ not in _MODIFIER_DEPS:
        return False
    at = head.head.idx
    return any(s <= at < e for s, e in content)


def _clause_spans(head: Token) -> list[tuple[int, int]]:
    """Where the clauses inside a noun phrase lie ("supporting the struggle of the Korean
    people" in "participants in a forum supporting ..."): what they name is what the phrase
    is about, not who it is."""
    return [
        (t.left_edge.idx, t.right_edge.idx + len(t.right_edge))
        for t in head.subtree
        if t.i != head.i and t.dep_ in CLAUSE_DEPS
    ]


def _name_words(name: str) -> tuple[str, ...]:
    return tuple(name.replace("-", " ").casefold().split())


def _fuller_names(entities: Iterable[Entity]) -> dict[str, Entity]:
    """Each person named by one word that is the first or last word of exactly one other
    person's name ("Lee" of "Lee Myung-bak"), with that person."""
    people = [e for e in entities if e.kind == "person"]
    words = {e.id: _name_words(e.name) for e in people}
    out: dict[str, Entity] = {}
    for part in people:
        short = words[part.id]
        if len(short) != 1:
            continue  # "Brent Bozell" is no part of "Brent Bozell III" to take over
        fuller = [
            e
            for e in people
            if len(words[e.id]) > 1 and short[0] in (words[e.id][0], words[e.id][-1])
        ]
        # "Ted Cruz" and a headline's "Ted Cruz Refuses" are one name: keep the shorter.
        fuller = [
            e
            for e in fuller
            if not any(o is not e and _extends(words[e.id], words[o.id]) for o in fuller)
        ]
        if len(fuller) == 1:
            out[part.id] = fuller[0]
    return out


def _holds(entity: Entity, office: str) -> bool:
    """Whether a person's roles name the office ("President"; "Sen." for "senator")."""
    for role in entity.roles:
        for word in role.casefold().split():
            bare = word.rstrip(".,")
            if bare == office or (word.endswith(".") and len(bare) > 2 and office.startswith(bare)):
                return True
    return False


def _extends(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return len(longer) > n and shorter in (longer[:n], longer[-n:])


def _gender(entity: Entity) -> str | None:
    """The gender the entity stage's pronoun mentions give a person, when they give one."""
    for mention in entity.mentions:
        gender = _PRONOUN_GENDER.get(mention.text.lower())
        if gender is not None:
            return gender
    return None


def _follows_text(voice: _Voice) -> bool:
    """Whether the report is following a text that speaks ("the commentary said")."""
    return voice.followed is not None and voice.followed.text


def _is_press(entity: Entity) -> bool:
    """A newspaper, an agency or a broadcaster the actor stage coded as media (a name it
    only guessed is a medium, with no code, is too often a ministry's or a fair's)."""
    return (entity.actor or "").endswith("MED")


def _fits(entity: Entity, kinds: frozenset[str] | None) -> bool:
    return kinds is None or entity.kind in kinds
