"""Find attributions: content, source and cue spans, from quotation marks and the parse.

Four passes, each claiming quoted spans so that no quotation is reported twice:

1. reported speech: a cue verb (``data/cue_verbs.tsv``) with a clause or infinitive
   complement ("Pompeo urged China not to withdraw", "Pence made clear that ..."); when
   that complement holds quoted text the quote is ``mixed``, when it is only a quotation
   it is ``direct``; parentheticals ("China's cooperation, Pompeo said, would be ...");
2. "according to X";
3. direct quotations whose cue stands beside them ("“...,” said Yang Moo-jin"), lead-ins
   ending in a colon, and floating quotations (a paragraph of quotes after a speaker's
   sentence), which go to the previous speaker;
4. headline attributions ("Graham: Trump's rhetoric ...").

Offsets follow PolNeAR's conventions, measured on its train split: the content of a
direct quote includes its quotation marks (and the punctuation inside them); reported
content starts at "that" when there is one and stops before the sentence's final period;
a source is its noun phrase with appositives; a cue is the reporting verb alone.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from parley.quotes.lexicon import Lexicon
from parley.quotes.marks import Quoted, find_quoted

Frag = tuple[int, int]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_CONTENT_DEPS = ("ccomp", "xcomp")
# Dependents of a cue verb that end its content (see ``right_of``).
_CONTENT_STOP_DEPS = frozenset({"conj", "cc"})
_CONTENT_STOP_PREPS = frozenset({"during", "after", "before", "despite", "since", "amid", "while"})
# Subordinators that end a content when their clause hangs on the cue verb, not inside
# what was said.
_CLAUSE_MARKS = frozenset({"as", "after", "until", "since", "before", "while", "although"})
_NOUN_LEFT = frozenset({"det", "amod", "compound", "advmod"})
_CUE_LEFT_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
# Any whitespace, no-break spaces included (".\xa0" ends many scraped sentences).
_TRIM = " \t\n\r\xa0\u2009\u200a\u202f,.;:—–-"
# Auxiliary-like uses of cue lemmas that do not report speech ("as I said", "say, 5%").
_SHORT_QUOTE_WORDS = 4  # shorter quoted text needs a cue right beside it to be speech
_MIN_FLOATING_WORDS = 6  # a quote with no cue and no earlier speaker must be this long
_DATELINE = re.compile(
    r"[A-Z][A-Z .'’-]+(?:, [A-Z][\w.]*(?: [\w.]+)*)*(?: \([A-Za-z]+\))? ?(?:—|–|--) ?"
)
_ABBREVIATION = re.compile(r"(?<![\w.])(?:[A-Za-z]\.)+[A-Za-z]$")
_LETTER = re.compile(r"[^\W\d_]")
_HEADLINE = re.compile(r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}): (\S.*)$")


@dataclass(slots=True)
class Draft:
    """An attribution under construction (mutable while passes add fragments)."""

    content: list[Frag]
    source: Frag | None
    cue: Frag | None
    cue_lemma: str | None
    kind: str
    anchor: int  # a character offset in the attribution's sentence (date and venue)
    source_token: int | None = None  # doc index of the source's head token
    cue_token: int | None = None
    unbalanced: bool = False
    inherited: bool = False  # the speaker was carried over from an earlier attribution
    learned: bool = False  # found through a learned frame, not a reporting verb
    addressee: Frag | None = None  # "told VOA": whom the statement was made to
    quoted: list[int] = field(default_factory=list)  # indices of the quoted spans it holds

    @property
    def start(self) -> int:
        return min(s for s, _ in self.content)

    @property
    def end(self) -> int:
        return max(e for _, e in self.content)


def _trim(text: str, start: int, end: int) -> Frag | None:
    """Drop surrounding spaces and loose punctuation; None when nothing is left."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        if text[end - 1] == "." and _ABBREVIATION.search(text, start, end - 1):
            break  # "the U.S.": the period belongs to the abbreviation
        end -= 1
    return (start, end) if end > start else None


def _around(text: str, s_start: int, a_start: int, a_end: int, s_end: int) -> list[Frag]:
    """The trimmed pieces of a sentence on either side of its attribution (the content of
    an "according to X" or a parenthetical cue), leaving out the empty ones."""
    pieces = (_trim(text, s_start, a_start), _trim(text, a_end, s_end))
    return [piece for piece in pieces if piece is not None]


def _balance(text: str, start: int, end: int) -> Frag:
    """Close a parenthesis the span opened ("the Voice of America (VOA")."""
    piece = text[start:end]
    if piece.count("(") > piece.count(")") and text[end : end + 1] == ")":
        end += 1
    return start, end


class SentenceIndex:
    """Sentence bounds of one parse, looked up by offset (spaCy's ``Token.sent`` walks all
    the document's sentences on every call)."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc.text
        sents = list(doc.sents) if len(doc) else []
        self.starts = [s.start_char for s in sents]
        self.ends = [s.end_char for s in sents]

    def bounds(self, offset: int) -> Frag:
        """The sentence holding ``offset``, clipped to its paragraph: the parser sometimes
        runs a sentence over a paragraph break, and no attribution crosses one."""
        text = self.text
        p_start = text.rfind("\n", 0, offset) + 1
        p_end = text.find("\n", offset)
        p_end = len(text) if p_end < 0 else p_end
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return p_start, p_end
        return max(self.starts[i], p_start), min(self.ends[i], p_end)


def _token_span(tokens: list[Token]) -> Frag:
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


class _Finder:
    """One document's attribution search (keeps the indexes the passes share)."""

    def __init__(self, doc: Doc, lexicon: Lexicon, sentences: SentenceIndex) -> None:
        self.doc = doc
        self.text = sentences.text
        self.lex = lexicon
        self.quoted = find_quoted(self.text, lexicon)
        self.claimed: set[int] = set()
        # For each token, the quoted span it sits in (or -1).
        self.in_quote = [-1] * len(doc)
        qi = 0
        for tok in doc:
            while qi < len(self.quoted) and self.quoted[qi].end <= tok.idx:
                qi += 1
            if qi < len(self.quoted) and self.quoted[qi].start <= tok.idx < self.quoted[qi].end:
                self.in_quote[tok.i] = qi
        self.drafts: list[Draft] = []
        self.sentences = sentences

    # ------------------------------------------------------------ helpers ---
    def cue_of(self, tok: Token) -> str | None:
        """The cue lemma when ``tok`` is a reporting verb outside quotation marks."""
        if tok.pos_ not in ("VERB", "AUX") or self.in_quote[tok.i] >= 0:
            return None
        lemma = tok.lemma_.lower()
        for child in tok.children:  # "made clear", "pointed out", "called for"
            pair = f"{lemma} {child.lower_}"
            if child.i > tok.i and pair in self.lex.cue_verbs:
                return pair
        return lemma if lemma in self.lex.cue_verbs else None

    def cue_span(self, verb: Token) -> Frag:
        """The verb with its auxiliaries, negation and adverbs just before it ("has not
        yet endorsed", as PolNeAR marks in over 90% of train cues), its particle and a
        colon right after it."""
        start = self.verb_start(verb)
        lemma = self.cue_of(verb) or ""
        if " " in lemma:
            word = lemma.split(" ", 1)[1]
            last = next(c for c in verb.children if c.i > verb.i and c.lower_ == word)
            return start, last.idx + len(last.text)
        end = verb.idx + len(verb.text)
        nxt = verb.nbor(1) if verb.i + 1 < len(self.doc) else None
        if nxt is not None and nxt.head.i == verb.i and nxt.dep_ == "prt":
            end = nxt.idx + len(nxt.text)
            nxt = nxt.nbor(1) if nxt.i + 1 < len(self.doc) else None
        if nxt is not None and nxt.text == ":" and nxt.idx == end:
            end += 1  # "He continued: ...": PolNeAR's cue keeps the colon
        return start, end

    def verb_start(self, verb: Token) -> int:
        j = verb.i - 1
        while (
            j >= 0
            and self.doc[j].head.i == verb.i
            and self.doc[j].dep_ in _CUE_LEFT_DEPS
            and self.in_quote[j] < 0
        ):
            j -= 1
        return self.doc[j + 1].idx

    def subject(self, verb: Token) -> Token | None:
        """The speaker's head: the verb's subject, through coordinated or participial
        verbs ("he said ... and added", "..., saying")."""
        for _ in range(3):
            for child in verb.children:
                if child.dep_ in _SUBJECT_DEPS:
                    # "Sanders, who said ...": PolNeAR's source is the relative pronoun
                    # itself; the speaker resolver follows it to its antecedent.
                    return child
            if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i != verb.i:
                return verb.head  # "voters saying they want ...": the noun speaks
            if verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i:
                verb = verb.head.head  # "..., citing his results" under "by", "after"
                continue
            if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
                verb = verb.head
                continue
            return None
        return None

    def source_span(self, head: Token, verb: Token | None = None) -> Frag:
        """The speaker as written: the head's noun phrase with its appositives, but never
        the cue or what was said ("some analysts who think that ..." stops at "analysts")."""
        skip: set[int] = set()
        if verb is not None:
            skip.add(verb.i)
            if head.is_ancestor(verb):
                # The cue sits in a clause hanging on the speaker: drop that clause.
                clause = verb
                while clause.head.i != head.i and clause.head.i != clause.i:
                    clause = clause.head
                skip.update(t.i for t in clause.subtree)
        tokens = [t for t in head.subtree if self.in_quote[t.i] < 0 and t.i not in skip]
        # Keep the run of tokens around the head only: a gap means a dropped clause.
        run = sorted(t.i for t in tokens)
        if head.i in run:
            lo = hi = run.index(head.i)
            while lo > 0 and run[lo - 1] == run[lo] - 1:
                lo -= 1
            while hi + 1 < len(run) and run[hi + 1] == run[hi] + 1:
                hi += 1
            tokens = [self.doc[i] for i in run[lo : hi + 1]]
        if not tokens:
            tokens = [head]
        start, end = _token_span(tokens)
        frag = _trim(self.text, start, end) or (head.idx, head.idx + len(head.text))
        start, end = _balance(self.text, *frag)
        # PolNeAR closes an appositive source with its comma ("X, a spokesman for Y,").
        if "," in self.text[start:end] and self.text[end : end + 1] == ",":
            end += 1
        return start, end

    def sentence_of(self, offset: int) -> Span:
        """The tokens of the (paragraph-clipped) sentence at ``offset``."""
        start, end = self.sentences.bounds(offset)
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span if span is not None else self.doc[0:0]

    def quotes_in(self, start: int, end: int) -> list[int]:
        return [i for i, q in enumerate(self.quoted) if q.start < end and q.end > start]

    def has_words_outside_quotes(self, start: int, end: int, quotes: list[int]) -> bool:
        pos = start
        for i in quotes:
            q = self.quoted[i]
            if any(ch.isalnum() for ch in self.text[pos : max(pos, q.start)]):
                return True
            pos = max(pos, q.end)
        return any(ch.isalnum() for ch in self.text[pos:end])

    # ------------------------------------------------------ pass 1: parse ---
    def reported(self) -> None:
        for tok in self.doc:
            lemma = self.cue_of(tok)
            if lemma is None:
                continue
            cue = self.lex.cue_verbs[lemma]
            comp = next((c for c in tok.children if c.dep_ in _CONTENT_DEPS), None)
            if comp is not None and comp.dep_ == "xcomp" and cue.frame != "any":
                comp = None
            if comp is None:
                if tok.dep_ == "parataxis" and cue.cls != "cognition":
                    self.parenthetical(tok, lemma)
                continue
            subj = self.subject(tok)
            if subj is None or subj.i == comp.i:
                continue
            frag = self.content_of(comp, tok)
            if frag is None:
                continue
            self.add_content_draft(tok, lemma, subj, frag, cue.cls)

    def content_of(self, comp: Token, verb: Token) -> Frag | None:
        tokens = list(comp.subtree)
        # A complement after the verb runs to the sentence's end (spaCy sometimes hangs
        # trailing clauses on the verb); one before the verb stops at it.
        start, end = _token_span(tokens)
        if comp.dep_ == "xcomp":
            # "urged China to withdraw": PolNeAR's content starts at the object (34 of 44
            # such train cases).
            obj = next(
                (c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < comp.i), None
            )
            if obj is not None:
                start = obj.left_edge.idx
        if comp.i > verb.i:
            sent_end = self.sentences.bounds(verb.idx)[1]
            end = max(end, sent_end) if self.in_quote[comp.i] < 0 else end
            start = max(start, self.cue_span(verb)[1])
        else:
            end = min(end, verb.idx)
        for i in self.quotes_in(start, end):  # a quotation is never cut in half
            start, end = min(start, self.quoted[i].start), max(end, self.quoted[i].end)
        frag = _trim(self.text, start, end)
        if frag is not None and comp.i > verb.i:
            frag = self.clip(frag, verb, comp)
        if frag is None:
            return None
        # Keep the closing mark (and the punctuation inside it) that ends the content.
        start, end = frag
        for i in self.quotes_in(start, end):
            end = max(end, self.quoted[i].end)
        return start, end

    def add_content_draft(self, verb: Token, lemma: str, subj: Token, frag: Frag, cls: str) -> None:
        quotes = [i for i in self.quotes_in(*frag) if i not in self.claimed]
        if any(d.cue_token == verb.i for d in self.drafts):
            return
        words_outside = self.has_words_outside_quotes(frag[0], frag[1], quotes)
        kind = "indirect" if not quotes else "mixed" if words_outside else "direct"
        if cls == "cognition" and kind != "indirect":
            return
        self.claimed.update(quotes)
        addressee = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        self.drafts.append(
            Draft(
                content=self.fragments_of(frag, quotes) if kind == "direct" else [frag],
                source=self.source_span(subj, verb),
                cue=self.cue_span(verb),
                cue_lemma=lemma,
                kind=kind,
                anchor=verb.idx,
                source_token=subj.i,
                cue_token=verb.i,
                unbalanced=any(self.quoted[i].unbalanced for i in quotes),
                addressee=self.source_span(addressee, verb) if addressee is not None else None,
                quoted=quotes,
            )
        )

    def fragments_of(self, frag: Frag, quotes: list[int]) -> list[Frag]:
        """A direct content made of several quoted spans keeps each as a fragment."""
        if len(quotes) <= 1:
            return [frag]
        return [(self.quoted[i].start, self.quoted[i].end) for i in quotes]

    def parenthetical(self, verb: Token, lemma: str) -> None:
        """ "X, Pompeo said, would be helpful": the content is the rest of the sentence."""
        subj = self.subject(verb)
        if subj is None:
            return
        s_start, s_end = self.sentences.bounds(verb.idx)
        a_start, a_end = _token_span(list(verb.subtree))
        a_start, a_end = max(a_start, s_start), min(a_end, s_end)
        if self.quotes_in(s_start, s_end):
            return  # direct quotations are handled with their marks
        frags = _around(self.text, s_start, a_start, a_end, s_end)
        if not frags:
            return
        self.drafts.append(
            Draft(
                content=frags,
                source=self.source_span(subj, verb),
                cue=self.cue_span(verb),
                cue_lemma=lemma,
                kind="indirect",
                anchor=verb.idx,
                source_token=subj.i,
                cue_token=verb.i,
            )
        )

    # ------------------------------------------- pass 1b: learned frames ---
    def framed(self) -> None:
        """Attributions PolNeAR marks beyond speech verbs, from the learned table
        ``data/cue_frames.tsv`` of (lemma, construction) pairs: a verb whose complement is
        what someone holds, wants or attacks ("Cruz blasted the deal", "accused Clinton of
        lying", "called for a ban", "appears to favour"), a passive with its agent ("was
        criticized by X"), a noun ("Trump's call for a ban", "the claim that ...") and an
        adjective ("is wary of", "eager to")."""
        frames = self.lex.cue_frames
        if not frames:
            return
        done = {d.cue_token for d in self.drafts if d.cue_token is not None}
        for tok in self.doc:
            allowed = frames.get(tok.lemma_.lower())
            if allowed is None or tok.i in done or self.in_quote[tok.i] >= 0:
                continue
            found: tuple[Frag, Frag] | None = None
            who: Token | None = None
            if tok.pos_ == "VERB":
                if "passive" in allowed:
                    found, who = self.passive(tok)
                if found is None:
                    found, who = self.frame_content(tok, allowed), self.subject(tok)
            elif tok.pos_ == "NOUN":
                found = self.noun_content(tok, allowed)
                who = next((c for c in tok.children if c.dep_ == "poss"), None)
                if who is None and tok.head.pos_ == "VERB" and tok.dep_ in ("dobj", "pobj"):
                    who = self.subject(tok.head if tok.dep_ == "dobj" else tok.head.head)
            elif tok.pos_ == "ADJ" and tok.dep_ == "acomp":
                found, who = self.adjective_content(tok, allowed), self.subject(tok.head)
            if found is None:
                continue
            frag, cue = found
            if who is not None and (who.i == tok.i or frag[0] <= who.idx < frag[1]):
                continue
            if who is None and tok.pos_ != "NOUN":
                continue
            self.add_framed(tok, frag, cue, who)

    def merge_chains(self) -> None:
        """ "is expected to endorse", "appeared to imply": PolNeAR makes one attribution of
        a cue verb and the cue verb of its infinitive, the cue spanning both."""
        by_token = {d.cue_token: d for d in self.drafts if d.cue_token is not None}
        gone: set[int] = set()
        for draft in self.drafts:
            if draft.cue_token is None or draft.cue is None or id(draft) in gone:
                continue
            verb = self.doc[draft.cue_token]
            outer = by_token.get(verb.head.i)
            if verb.dep_ != "xcomp" or verb.head.i >= verb.i or outer is None:
                continue
            if outer.cue is None or id(outer) in gone:
                continue
            draft.cue = (min(outer.cue[0], draft.cue[0]), draft.cue[1])
            if draft.source is None:
                draft.source, draft.source_token = outer.source, outer.source_token
            gone.add(id(outer))
        self.drafts = [d for d in self.drafts if id(d) not in gone]

    def add_framed(self, tok: Token, frag: Frag, cue: Frag, who: Token | None) -> None:
        quotes = [i for i in self.quotes_in(*frag) if i not in self.claimed]
        words_outside = self.has_words_outside_quotes(frag[0], frag[1], quotes)
        kind = "indirect" if not quotes else "mixed" if words_outside else "direct"
        self.claimed.update(quotes)
        self.drafts.append(
            Draft(
                content=[frag],
                source=self.source_span(who, tok) if who is not None else None,
                cue=cue,
                cue_lemma=tok.lemma_.lower(),
                kind=kind,
                anchor=tok.idx,
                source_token=who.i if who is not None else None,
                cue_token=tok.i,
                quoted=quotes,
                learned=True,
            )
        )

    def passive(self, verb: Token) -> tuple[tuple[Frag, Frag] | None, Token | None]:
        """ "The deal was criticized by Cruz": content the subject, source the agent."""
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if subj is None or by is None:
            return None, None
        frag = self.subtree_span(subj)
        return ((frag, self.cue_span(verb)), by) if frag is not None else (None, None)

    def noun_content(self, noun: Token, allowed: frozenset[str]) -> tuple[Frag, Frag] | None:
        """ "the claim that ...", "a call for a ban": the clause or the preposition's
        object; the cue runs from the noun's article and adjectives to the preposition."""
        j = noun.i
        while j > 0 and self.doc[j - 1].head.i == noun.i and self.doc[j - 1].dep_ in _NOUN_LEFT:
            j -= 1
        start = self.doc[j].idx
        for child in noun.children:
            if child.i < noun.i:
                continue
            if (
                child.dep_ in ("acl", "ccomp")
                and "noun:that" in allowed
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children)
            ):
                frag = self.subtree_span(child)
                return (frag, (start, noun.idx + len(noun.text))) if frag else None
            if child.dep_ == "prep" and f"noun:prep:{child.lower_}" in allowed:
                obj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is None:
                    continue
                frag = self.subtree_span(obj)
                end = (
                    child.idx + len(child.text)
                    if child.i == noun.i + 1
                    else noun.idx + len(noun.text)
                )
                return (frag, (start, end)) if frag else None
        return None

    def adjective_content(self, adj: Token, allowed: frozenset[str]) -> tuple[Frag, Frag] | None:
        """ "is wary of X", "eager to ...", "confident that ..."; the cue starts at the
        copula before the adjective ("has been acutely aware", as PolNeAR marks it)."""
        start = self.verb_start(adj)
        if adj.head.i < adj.i and adj.head.lemma_ == "be":
            start = self.verb_start(adj.head)
        for child in adj.children:
            if child.i < adj.i:
                continue
            if child.dep_ in _CONTENT_DEPS and f"adj:{child.dep_}" in allowed:
                frag = self.subtree_span(child)
                return (frag, (start, adj.idx + len(adj.text))) if frag else None
            if child.dep_ == "prep" and f"adj:prep:{child.lower_}" in allowed:
                obj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is None:
                    continue
                frag = self.subtree_span(obj)
                end = (
                    child.idx + len(child.text) if child.i == adj.i + 1 else adj.idx + len(adj.text)
                )
                return (frag, (start, end)) if frag else None
        return None

    def subtree_span(self, head: Token) -> Frag | None:
        """The head's phrase, within its sentence, quotations kept whole."""
        s_start, s_end = self.sentences.bounds(head.idx)
        last = head.right_edge
        frag = _trim(
            self.text, max(head.left_edge.idx, s_start), min(last.idx + len(last.text), s_end)
        )
        return self._close_quotes(frag) if frag is not None else None

    def frame_content(self, verb: Token, allowed: frozenset[str]) -> tuple[Frag, Frag] | None:
        """The content and cue spans of the first allowed construction of ``verb``: a
        clause, then an infinitive, then a direct object, then a prepositional object."""
        cue = self.cue_span(verb)
        children = list(verb.children)
        for dep in _CONTENT_DEPS:
            if dep not in allowed:
                continue
            comp = next((c for c in children if c.dep_ == dep), None)
            if comp is not None:
                frag = self.content_of(comp, verb)
                return (frag, cue) if frag is not None else None
        if "dobj" in allowed:
            obj = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i), None)
            if obj is not None:
                frag = self.right_of(verb, verb.i + 1)
                return (frag, cue) if frag is not None else None
        for prep in children:
            if prep.dep_ != "prep" or prep.i < verb.i or f"prep:{prep.lower_}" not in allowed:
                continue
            obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is None:
                continue
            frag = self.right_of(verb, prep.i + 1)
            if frag is None:
                return None
            if prep.i == verb.i + 1:  # "called for": the preposition belongs to the cue
                cue = (cue[0], prep.idx + len(prep.text))
            return frag, cue
        return None

    def clip(self, frag: Frag, verb: Token, head: Token) -> Frag | None:
        """Cut a content running past what was said (PolNeAR train, where a parse-based
        content overran the annotation): at a semicolon, a non-restrictive relative clause
        (", who ..."), a sentence end the parser missed before a quotation, a participle
        clause on the cue verb (", saying ..."), a subordinate clause on the cue verb ("as
        he lined up", "while ..."), ", but ..." coordinating the main clause, and the
        subject of another clause hanging on the cue verb or above it ("said they voted for
        her, | most in both states supported Sanders")."""
        start, end = frag
        doc = self.doc
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) < 2:
            return frag
        lo, hi = head.left_edge.i, head.right_edge.i
        for tok in span[1:]:
            if self.in_quote[tok.i] >= 0:
                continue
            prev = doc[tok.i - 1]
            comma = prev.text == ","
            on_verb = self.hangs_on(tok, verb, lo, hi)
            cut = (
                tok.text == ";"
                or (comma and tok.lower_ in ("who", "which"))
                or (tok.text == "." and self.quote_opens_after(tok))
                or (comma and tok.dep_ == "advcl" and tok.tag_ == "VBG" and on_verb)
                or (
                    tok.dep_ == "mark"
                    and tok.lower_ in _CLAUSE_MARKS
                    and self.hangs_on(tok.head, verb, lo, hi)
                )
                or (comma and tok.dep_ == "cc" and on_verb)
                or (comma and tok.dep_ in ("nsubj", "expl") and on_verb)
            )
            if cut:
                at = prev.idx if comma else tok.idx
                return _trim(self.text, start, at)
        return frag

    @staticmethod
    def hangs_on(tok: Token, verb: Token, lo: int, hi: int) -> bool:
        """``tok`` attaches to the cue verb (or above it), not inside tokens lo..hi."""
        head = tok.head
        return not lo <= head.i <= hi and (head.i == verb.i or head.is_ancestor(verb))

    def quote_opens_after(self, tok: Token) -> bool:
        """A quotation opens right after ``tok`` (the parser missed a sentence end)."""
        if tok.i + 1 >= len(self.doc):
            return False
        q = self.in_quote[tok.i + 1]
        return q >= 0 and self.quoted[q].start == self.doc[tok.i + 1].idx

    def right_of(self, verb: Token, first: int) -> Frag | None:
        """From token ``first`` to the end of the verb's phrase, within its sentence, but
        before a coordinated verb or a time phrase hanging on the verb ("endorsed Cruz |
        and urged ...", "backed him | during the debate": PolNeAR leaves those out of the
        content in over 80% of train cases, and keeps "as"/"for"/"to" phrases in over 80%),
        and before an adverbial clause after a comma ("criticized the plan | , arguing
        that ...": the participle is an attribution of its own)."""
        last = verb.right_edge
        for child in verb.children:
            if child.i < first:
                continue
            after_comma = child.left_edge.i > first and self.doc[child.left_edge.i - 1].text == ","
            if (
                child.dep_ in _CONTENT_STOP_DEPS
                or (child.dep_ == "prep" and child.lower_ in _CONTENT_STOP_PREPS)
                or (after_comma and child.dep_ == "advcl")
            ):
                if child.i == first:
                    return None
                last = self.doc[child.left_edge.i - 1]
                break
        if first > last.i:
            return None
        s_end = self.sentences.bounds(verb.idx)[1]
        frag = _trim(self.text, self.doc[first].idx, min(last.idx + len(last.text), s_end))
        return self._close_quotes(frag) if frag is not None else None

    # --------------------------------------------- pass 2: according to ---
    def according(self) -> None:
        for tok in self.doc:
            if tok.lower_ != "according" or self.in_quote[tok.i] >= 0:
                continue
            nxt = tok.nbor(1) if tok.i + 1 < len(self.doc) else None
            if nxt is None or nxt.lower_ != "to":
                continue
            pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            s_start, s_end = self.sentences.bounds(tok.idx)
            a_start, a_end = _token_span([tok, nxt, *pobj.subtree])
            a_end = min(a_end, s_end)
            frags = _around(self.text, s_start, a_start, a_end, s_end)
            if not frags:
                continue
            quotes = [i for f in frags for i in self.quotes_in(*f) if i not in self.claimed]
            self.claimed.update(quotes)
            src = _trim(self.text, pobj.left_edge.idx, a_end)
            self.drafts.append(
                Draft(
                    content=[self._close_quotes(f) for f in frags],
                    source=src,
                    cue=(tok.idx, nxt.idx + len(nxt.text)),
                    cue_lemma="according to",
                    kind="mixed" if quotes else "indirect",
                    anchor=tok.idx,
                    source_token=pobj.i,
                    cue_token=tok.i,
                    quoted=quotes,
                )
            )

    def _close_quotes(self, frag: Frag) -> Frag:
        start, end = frag
        for i in self.quotes_in(start, end):
            start, end = min(start, self.quoted[i].start), max(end, self.quoted[i].end)
        return start, end

    # --------------------------------------------------- pass 3: marks ---
    def direct(self) -> None:
        by_cue: dict[int, Draft] = {d.cue_token: d for d in self.drafts if d.cue_token is not None}
        i = 0
        while i < len(self.quoted):
            if i in self.claimed:
                i += 1
                continue
            group = [i]  # a quotation running over paragraphs is one content
            while self.quoted[group[-1]].continues and group[-1] + 1 < len(self.quoted):
                group.append(group[-1] + 1)
            i = group[-1] + 1
            if any(g in self.claimed for g in group):
                continue
            self.attribute(group, by_cue)

    def attribute(self, group: list[int], by_cue: dict[int, Draft]) -> None:
        first, last = self.quoted[group[0]], self.quoted[group[-1]]
        frags = [(self.quoted[g].start, self.quoted[g].end) for g in group]
        words = sum(self.quoted[g].words(self.text) for g in group)
        unbalanced = any(self.quoted[g].unbalanced for g in group)
        verb = self.nearby_cue(first, last)
        if verb is not None:
            near = self.cue_distance(verb, first, last) <= 3
            if words < _SHORT_QUOTE_WORDS and not near:
                return  # a scare quote or a title in marks, not speech
            known = by_cue.get(verb.i)
            if known is not None and known.kind != "indirect":
                known.content.extend(frags)
                known.quoted.extend(group)
                self.claimed.update(group)
                return
            subj = self.subject(verb) or self.inverted_subject(verb)
            draft = Draft(
                content=frags,
                source=self.source_span(subj, verb) if subj is not None else None,
                cue=self.cue_span(verb),
                cue_lemma=self.cue_of(verb),
                kind="direct",
                anchor=verb.idx,
                source_token=subj.i if subj is not None else None,
                cue_token=verb.i,
                unbalanced=unbalanced,
                quoted=list(group),
            )
            self.claimed.update(group)
            self.drafts.append(draft)
            by_cue[verb.i] = draft
            return
        if words < _SHORT_QUOTE_WORDS:
            return
        previous = self.previous_draft(first.start)
        if (
            previous is not None
            and previous.kind != "indirect"
            and self.same_paragraph(previous.end, first.start)
        ):
            # "“A,” Mr. Sanders said. “B.”": PolNeAR keeps B in the same attribution.
            previous.content.extend(frags)
            previous.quoted.extend(group)
            self.claimed.update(group)
            return
        if (
            previous is not None
            and self.paragraph_start(first.start)
            and (self.paragraphs_between(previous.end, first.start) <= 1)
        ):
            self.claimed.update(group)
            if previous.kind != "indirect":
                # A quotation carried on in the next paragraph continues the same
                # attribution: PolNeAR makes one content of all its paragraphs.
                previous.content.extend(frags)
                previous.quoted.extend(group)
                previous.unbalanced = previous.unbalanced or unbalanced
                return
            self.drafts.append(
                Draft(
                    content=frags,
                    source=previous.source,
                    cue=None,
                    cue_lemma=None,
                    kind="direct",
                    anchor=first.start,
                    source_token=previous.source_token,
                    unbalanced=unbalanced,
                    inherited=True,
                    quoted=list(group),
                )
            )
            return
        if words >= _MIN_FLOATING_WORDS and self.is_sentence_like(first):
            self.claimed.update(group)
            self.drafts.append(
                Draft(
                    frags,
                    None,
                    None,
                    None,
                    "direct",
                    first.start,
                    unbalanced=unbalanced,
                    quoted=list(group),
                )
            )

    def is_sentence_like(self, q: Quoted) -> bool:
        inner = self.text[q.inner_start : q.inner_end].strip()
        return bool(inner) and inner[0].isupper()

    def nearby_cue(self, first: Quoted, last: Quoted) -> Token | None:
        """A cue verb in the text around the quotation, within its sentences, or in a
        lead-in ending with a colon just before it."""
        # The sentences around the marks, including the words right before and after
        # them (the parser often ends a sentence at a mark), within the paragraph.
        lead_at = len(self.text[: first.start].rstrip()) - 1
        tail = self.text[last.end :]
        tail_at = last.end + len(tail) - len(tail.lstrip())
        spans = [self.sentence_of(first.start), self.sentence_of(max(first.start, last.end - 1))]
        if lead_at >= 0 and "\n" not in self.text[lead_at : first.start]:
            spans.append(self.sentence_of(lead_at))
        if tail_at < len(self.text) and "\n" not in self.text[last.end : tail_at + 1]:
            spans.append(self.sentence_of(tail_at))
        lo = min(sp.start for sp in spans)
        hi = max(sp.end for sp in spans)
        # A sentence boundary misplaced by a word ("said that | “if ...") must not hide
        # the cue: look one sentence further each way, for cues right beside the marks.
        wide_lo, wide_hi = lo, hi
        if lo > 0 and "\n" not in self.text[self.doc[lo - 1].idx : self.doc[lo].idx]:
            wide_lo = self.sentence_of(self.doc[lo - 1].idx).start
        if hi < len(self.doc) and "\n" not in self.text[self.doc[hi - 1].idx : self.doc[hi].idx]:
            wide_hi = self.sentence_of(self.doc[hi].idx).end
        candidates: list[Token] = []
        for tok in self.doc[wide_lo:wide_hi]:
            if self.cue_of(tok) is None or first.start <= tok.idx < last.end:
                continue
            if not lo <= tok.i < hi and self.cue_distance(tok, first, last) > 3:
                continue
            candidates.append(tok)
        lead = self.text[: first.start].rstrip()
        if not candidates and lead.endswith(":"):
            sent = self.sentence_of(len(lead) - 1)
            candidates = [t for t in sent if self.cue_of(t) is not None]
        if not candidates:
            return None
        return min(candidates, key=lambda t: self.cue_distance(t, first, last))

    def cue_distance(self, verb: Token, first: Quoted, last: Quoted) -> int:
        """Words between the cue and the nearest mark."""
        if verb.idx >= last.end:
            gap = self.text[last.end : verb.idx]
        else:
            gap = self.text[verb.idx + len(verb.text) : first.start]
        return len(gap.split())

    def inverted_subject(self, verb: Token) -> Token | None:
        """ "..., said Yang Moo-jin": the proper noun right after the verb."""
        for tok in self.doc[verb.i + 1 : min(len(self.doc), verb.i + 4)]:
            if tok.pos_ in ("PROPN", "PRON", "NOUN") and self.in_quote[tok.i] < 0:
                return tok if tok.dep_ not in ("compound",) else tok.head
        return None

    def previous_draft(self, offset: int) -> Draft | None:
        before = [d for d in self.drafts if d.end <= offset and d.source is not None]
        return max(before, key=lambda d: d.end) if before else None

    def same_paragraph(self, a: int, b: int) -> bool:
        return "\n" not in self.text[a:b]

    def paragraph_start(self, offset: int) -> bool:
        line_start = self.text.rfind("\n", 0, offset) + 1
        return not self.text[line_start:offset].strip()

    def paragraphs_between(self, a: int, b: int) -> int:
        return sum(1 for line in self.text[a:b].split("\n") if line.strip())

    # ------------------------------------------------ pass 4: headlines ---
    def headlines(self) -> None:
        """ "Graham: Trump's rhetoric ..." as a headline, and transcript lines ("MATTHEWS:
        Well, speculation is bad."): a name of up to four capitalised words, a colon, then
        what was said, to the end of the paragraph."""
        offset = 0
        for n, line in enumerate(self.text.split("\n")):
            here, offset = offset, offset + len(line) + 1
            m = _HEADLINE.match(line)
            if m is None or (n > 0 and not self.speaker_label(m.group(1))):
                continue
            if m.group(1).lower() in self.lex.labels or not _LETTER.search(m.group(2)):
                continue  # "The Latest: ...", a series title; "Sanders: 1,501", a tally
            if any(d.start < here + len(line) and d.end > here for d in self.drafts):
                continue
            content = _trim(self.text, here + m.start(2), here + m.end(2))
            source = _trim(self.text, here + m.start(1), here + m.end(1))
            if content is None or source is None:
                continue
            colon = here + m.end(1)
            kind = "indirect" if n == 0 else "direct"  # a headline paraphrases
            self.drafts.append(
                Draft([content], source, (colon, colon + 1), ":", kind, here + m.start(1))
            )

    def speaker_label(self, label: str) -> bool:
        """A transcript speaker: a name, not a section label ("Update:", "Note:")."""
        words = label.split()
        return label.lower() not in self.lex.labels and (len(words) > 1 or label.isupper())


def _nested(draft: Draft, drafts: list[Draft]) -> bool:
    """The draft's cue lies inside what another attribution reports."""
    if draft.cue is None:
        return False
    at = draft.cue[0]
    return any(o is not draft and any(s <= at < e for s, e in o.content) for o in drafts)


def _after_dateline(text: str, frag: Frag) -> Frag:
    """A content opening its paragraph starts after the dateline ("WASHINGTON (AP) — ",
    "CAMBRIDGE, Mass., Dec. 11 (UPI) -- "), which PolNeAR leaves out."""
    start, end = frag
    if start and text[start - 1] != "\n":
        return frag
    m = _DATELINE.match(text, start, end)
    return (m.end(), end) if m is not None and m.end() < end else frag


def find_drafts(doc: Doc, lexicon: Lexicon, sentences: SentenceIndex) -> list[Draft]:
    """Every attribution of ``doc``, ordered by where its content starts."""
    finder = _Finder(doc, lexicon, sentences)
    finder.reported()
    finder.framed()
    finder.merge_chains()
    finder.according()
    finder.direct()
    finder.headlines()
    drafts = [d for d in finder.drafts if d.content]
    # A learned-frame attribution inside what someone else says ("said he believes ...",
    # "showed no sign that he was planning to apologize") is rarely annotated on its own.
    drafts = [d for d in drafts if not (d.learned and _nested(d, drafts))]
    text = finder.text  # Doc.text joins every token on each access
    for d in drafts:
        d.content = sorted({_after_dateline(text, f) for f in d.content})
        if d.source is not None:
            d.source = _after_dateline(text, d.source)
    return sorted(drafts, key=lambda d: (d.start, d.end))
