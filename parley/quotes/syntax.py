"""Reading attributions off the dependency parse: cue verbs, their speakers, their content.

Plain functions over ``QuoteState`` that every pass shares. Offsets follow PolNeAR's
conventions, measured on its train split: reported content starts at "that" when there is
one and stops before the sentence's final period; a source is its noun phrase with
appositives; a cue is the reporting verb with its auxiliaries.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from parley.nlp.index import ParseIndex
from parley.quotes.drafts import DATELINE, TENSED_TAGS, Frag, QuoteState, balance, token_span, trim

__all__ = [
    "after_missed_end",
    "content_of",
    "cue_of",
    "cue_span",
    "impersonal",
    "occasion_clause",
    "right_of",
    "source_span",
    "speaker_of",
    "subject",
    "subtree_span",
    "verb_start",
]

CONTENT_DEPS = ("ccomp", "xcomp")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Dependents of a cue verb that end its content (see ``right_of``).
_CONTENT_STOP_DEPS = frozenset({"conj", "cc"})
_CONTENT_STOP_PREPS = frozenset({"during", "after", "before", "despite", "since", "amid", "while"})
# Subordinators that end a content when their clause hangs on the cue verb, not inside
# what was said.
_CLAUSE_MARKS = frozenset({"as", "after", "until", "since", "before", "while", "although"})
_CUE_LEFT_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
# The most words of a quotation inside a speaker's phrase read as a title or a nickname.
TITLE_WORDS = 5


def cue_of(state: QuoteState, tok: Token) -> str | None:
    """The cue lemma when ``tok`` is a reporting verb outside quotation marks."""
    i, parse = tok.i, state.parse
    if parse.pos[i] not in ("VERB", "AUX") or state.in_quote[i] >= 0:
        return None
    if parse.deps[i] == "amod" and parse.heads[i] > i:
        return None  # a participle before its noun ("the above-said operation") says nothing
    lemma = parse.lemmas[i]
    cue_verbs = state.lex.cue_verbs
    if lemma in state.lex.cue_pair_heads:  # "made clear", "pointed out", "called for"
        for child in parse.children(i):
            if child > i and f"{lemma} {parse.lowers[child]}" in cue_verbs:
                return f"{lemma} {parse.lowers[child]}"
    return lemma if lemma in cue_verbs else None


def cue_tokens(state: QuoteState, start: int, end: int) -> list[Token]:
    """The tokens from ``start`` to ``end`` (token indexes) that ``cue_of`` takes for cues,
    in order. Only words whose lemma begins a cue are made into tokens and tried."""
    doc, parse, heads, in_quote = state.doc, state.parse, state.lex.cue_heads, state.in_quote
    return [
        tok
        for i in range(start, end)
        if parse.lemmas[i] in heads and in_quote[i] < 0
        for tok in (doc[i],)
        if cue_of(state, tok) is not None
    ]


def cue_span(state: QuoteState, verb: Token) -> Frag:
    """The verb with its auxiliaries, negation and adverbs just before it ("has not yet
    endorsed", as PolNeAR marks in over 90% of train cues), its particle and a colon right
    after it."""
    parse, v = state.parse, verb.i
    heads, ends, n = parse.heads, parse.token_ends, len(parse.heads)
    start = verb_start(state, verb)
    lemma = cue_of(state, verb) or ""
    if " " in lemma:
        word = lemma.split(" ", 1)[1]
        last = next(c for c in parse.children(v) if c > v and parse.lowers[c] == word)
        return start, ends[last]
    end = ends[v]
    nxt = v + 1 if v + 1 < n else None
    if nxt is not None and heads[nxt] == v and parse.deps[nxt] == "prt":
        end = ends[nxt]
        nxt = nxt + 1 if nxt + 1 < n else None
    if nxt is not None and parse.lowers[nxt] == ":" and parse.token_starts[nxt] == end:
        end += 1  # "He continued: ...": PolNeAR's cue keeps the colon
    return start, end


def verb_start(state: QuoteState, verb: Token) -> int:
    parse, v = state.parse, verb.i
    heads, deps = parse.heads, parse.deps
    j = v - 1
    while j >= 0 and heads[j] == v and deps[j] in _CUE_LEFT_DEPS and state.in_quote[j] < 0:
        j -= 1
    return parse.token_starts[j + 1]


def subject(verb: Token, parse: ParseIndex | None = None) -> Token | None:
    """The speaker's head: the verb's subject, through coordinated or participial verbs
    ("he said ... and added", "..., saying"). ``parse``: the doc's index, when the caller
    has it (the verb's dependents and the dateline's words are read there)."""
    named = _name_before_apposition(verb)
    if named is not None:
        return named
    lost = _lost_subject(verb)
    if lost is not None:
        return lost
    inverted = _object_after_clause(verb)
    if inverted is not None:
        return inverted
    own = True  # ``verb`` is the cue or a verb coordinated with it, not a verb above it
    for _ in range(3):
        agent = _agent(verb)
        if agent is not None:
            return agent
        dated: Token | None = None
        for child in _subjects(verb, parse):
            if dated is None and _bare_dateline(child, parse):
                dated = child
                continue
            # "Sanders, who said ...": PolNeAR's source is the relative pronoun itself;
            # the speaker resolver follows it to its antecedent.
            return child
        if dated is not None:
            return _after_dateline(dated, verb, parse)
        share = _share_subject(verb)
        if share is not None:
            return share
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i != verb.i:
            return verb.head  # "voters saying they want ...": the noun speaks
        if verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i:
            verb = verb.head.head  # "..., citing his results" under "by", "after"
            own = False
            continue
        # Only the cue's own infinitive: in "force the Fed to stop worrying about it" the Fed
        # does not worry, in "led it to be a turning point in promoting it" nothing promotes.
        doer = _controller(verb) if own else None
        if doer is not None:
            return doer
        own = own and verb.dep_ == "conj"
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
            participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
            adding = participle and verb.lemma_ == "add"
            aside = _reporting_aside(verb) if participle else None
            if aside is not None:
                # "The U.S. is staging drills, he said, urging them to stop": the parser
                # hangs both the aside and the participle on the reported clause; the one
                # who urges is the aside's speaker, not the clause's subject.
                verb = aside
                continue
            verb = verb.head
            if participle and verb.dep_ == "ccomp" and not _hung_on_quotation(verb):
                # "X said that the U.S. is meddling, adding ...": a participle the parser
                # hung on the reported clause is the reporter's, not that clause's subject's.
                # A clause hung on a quotation after it ("The mayor smiled, telling
                # reporters, “We will win.”") is the participle's own: its subject speaks.
                verb = verb.head
            elif adding and verb.dep_ == "conj":
                # "X said she believed the people would carry forward and accomplish the
                # cause, adding ...": "adding" continues the one who reports the clause it
                # was hung on, however deep: climb out of every reported clause.
                top = verb
                while top.dep_ in ("conj", "ccomp") and top.head.i != top.i:
                    top = top.head
                if top.i != verb.i and top.dep_ == "ROOT":
                    verb = top
            continue
        return None
    return None


def _reporting_aside(participle: Token) -> Token | None:
    """The finite verb of a reporting aside set off by commas right before ``participle``
    (", he said, urging ...", ", they noted, calling ..."), which the parser hung beside
    the participle on the reported clause (dependency ``parataxis``), when it has a
    subject; else None."""
    doc = participle.doc
    comma = participle.left_edge.i - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    for aside in participle.head.children:
        if (
            aside.dep_ == "parataxis"
            and aside.tag_ in TENSED_TAGS
            and participle.head.i < aside.i < participle.i
            and aside.right_edge.i in (comma, comma - 1)
            and any(c.dep_ in _SUBJECT_DEPS for c in aside.children)
        ):
            return aside
    return None


# What may stand right before a name phrase that opens a clause: the parser's lost subject.
_CLAUSE_OPENERS = frozenset({",", "—", "--", "–", ":", ";"})
_NAME_MODIFIERS = frozenset({"compound", "det", "amod", "flat", "punct"})


def _name_before_apposition(verb: Token) -> Token | None:
    """The name whose apposition ends right before the verb, when the parser gave the verb
    no subject ("Alarmed by the unrest, Senator Jane Roe, the minority leader, said ...",
    "— Jon Doe, a spokesman for the speaker, told ..."): it hung the name on a noun of the
    clause before (a conjunct, an apposition) and the verb on nothing or on the verb
    before. Only a finite verb with no subject of its own right after the comma that closes
    a noun-phrase apposition of a noun or name, the name phrase itself opening the sentence
    or a clause (after a comma or a dash)."""
    doc, i = verb.doc, verb.i
    if verb.tag_ not in TENSED_TAGS or i < 5 or doc[i - 1].text != ",":
        return None
    if any(c.dep_ in _SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children):
        return None
    appos = doc[i - 2]
    while appos.dep_ != "appos" and appos.head.i < i - 1 and appos.head.i != appos.i:
        appos = appos.head
    if appos.dep_ != "appos" or appos.right_edge.i != i - 2 or appos.pos_ not in ("NOUN", "PROPN"):
        return None
    name, comma = appos.head, appos.left_edge.i - 1
    if comma != name.i + 1 or doc[comma].text != "," or name.pos_ not in ("NOUN", "PROPN"):
        return None  # the apposition follows the name
    if name.dep_ in _SUBJECT_DEPS or any(t.is_quote for t in doc[name.i : i]):
        return None
    first = min([name.i] + [t.i for c in name.lefts for t in c.subtree])
    if any(t.dep_ not in _NAME_MODIFIERS for t in doc[first : name.i]):
        return None  # a name phrase is its modifiers and the name
    before = doc[first - 1] if first > 0 else None
    if before is None or doc[first].is_sent_start or before.text in _CLAUSE_OPENERS:
        return name
    return None


# Dependents of a verb that open its clause before the subject: "As a part of his plea,",
# "Through real-time analytics,", "But while X was ...,".
_INTRO_DEPS = frozenset({"prep", "advcl", "advmod", "npadvmod", "cc", "mark", "punct"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
# What the parser takes for the verb of a subject phrase it split: a participle or an
# adjective ("voters going to the polls say", "sources privy to the talks say", the latter
# tagged as a present verb).
_PHRASE_VERB_TAGS = frozenset({"VBG", "VBN", "JJ", "VBP"})


# The longest subject phrase ``_lost_subject`` reads, in tokens.
_LOST_SUBJECT_TOKENS = 30
_SENTENCE_ENDS = frozenset({".", "!", "?", ";", ":"})


def _one_phrase(doc: Doc, first: int, last: int) -> bool:
    """Whether tokens ``first``..``last`` can be one subject phrase: short, within one
    sentence and one paragraph (copy with lost paragraph marks parses as one sentence)."""
    return last - first < _LOST_SUBJECT_TOKENS and not any(
        t.text in _SENTENCE_ENDS or "\n" in t.text_with_ws for t in doc[first : last + 1]
    )


def _lost_subject(verb: Token) -> Token | None:
    """The subject of a finite verb that the parser hung elsewhere, leaving the verb none.
    Each shape is a phrase ending right before the verb (or before the comma that closes
    it), short and within one sentence: the verb hung as "dep" on a verb of the subject
    phrase ("Majorities of Democrats going to the polls say ...", "sources privy to the
    talks say ..."): that verb's subject; the subject's phrase made a clause of the verb,
    with the name as that clause's subject, when another clause follows the verb ("Jane
    Roe, a rabbi helping to organize the boycott, said he ..."): that clause's head, whose
    words are the source; a name hung as an apposition or a conjunct on the noun of an
    opening phrase ("As part of his plea, John Doe, 44, said ...", "Through analytics,
    reporters and editors know ..."), or as an adverb of the verb ("But Bill Doe, a
    longtime aide, vouched for ...")."""
    doc, i = verb.doc, verb.i
    if verb.tag_ not in TENSED_TAGS or verb.dep_ not in ("ROOT", "dep") or i < 2:
        return None
    if any(c.dep_ in _SUBJECT_DEPS or c.dep_ in ("expl", "csubj") for c in verb.children):
        return None
    end = i - 1
    while end > 0 and doc[end].dep_ == "advmod" and doc[end].head.i == i:
        end -= 1  # "Figures reported Sunday now suggest"
    if verb.dep_ == "dep":
        head = verb.head
        if head.i > i or head.tag_ not in _PHRASE_VERB_TAGS:
            return None  # a verb of its own tense ("The analysis relied on ... reports")
        if not all(head.is_ancestor(t) for t in doc[head.i + 1 : end + 1]):
            return None  # the words up to the verb are that verb's phrase
        subj = next((c for c in head.lefts if c.dep_ in _SUBJECT_DEPS), None)
        if subj is None or subj.pos_ not in _NOMINAL or not _one_phrase(doc, subj.left_edge.i, end):
            return None
        return subj
    if doc[end].text == ",":
        end -= 1  # the comma that closes an apposition
    opens = any(c.dep_ == "ccomp" and c.i > i for c in verb.rights)
    for child in verb.lefts:
        if (
            child.dep_ == "ccomp"
            and opens
            and doc[i - 1].text == ","
            and child.right_edge.i == end
            and _one_phrase(doc, child.left_edge.i, end)
            and (child.left_edge.is_sent_start or doc[child.left_edge.i - 1].text == ",")
            and any(
                c.dep_ == "nsubj" and c.pos_ in _NOMINAL and c.left_edge.i == child.left_edge.i
                for c in child.lefts
            )
        ):
            # "Jane Roe, a rabbi helping ..., said he ...", "John Doe, whose firm uses data,
            # said ...": the parser made the subject's phrase a clause of its own, with its
            # name as that clause's subject; the whole phrase is the speaker.
            return child
    found: Token | None = None
    tok = doc[end]
    while tok.head.i < tok.i and tok.head.i != i:
        if tok.dep_ in _SUBJECT_DEPS:
            return None  # a subject of its own verb, however odd, is not this verb's
        if (
            tok.dep_ in ("appos", "conj")
            and tok.pos_ in _NOMINAL
            and doc[tok.left_edge.i - 1].text == ","
        ):
            found = tok  # the outermost such name is the subject
        tok = tok.head
    if tok.head.i != i or tok.dep_ not in _INTRO_DEPS or not _one_phrase(doc, tok.i, end):
        return None
    if tok.dep_ == "advmod" and tok.pos_ == "PROPN" and (found is None or found.head == tok):
        return tok  # "But Bill Doe, a longtime aide, vouched for ...": the name as an adverb
    return found


# Verbs whose object is whom they address.
_TELLING = frozenset({"tell", "inform", "assure", "brief", "remind", "ask", "warn"})


def _object_after_clause(verb: Token) -> Token | None:
    """The reporter the parser made the object of a cue that follows its clause ("Troops
    shelled the village, reported ITAR-TASS of Russia."): a finite verb with no subject, its
    complement clause before the comma right before it, and a name as its object closing
    the sentence."""
    doc, i = verb.doc, verb.i
    if verb.tag_ not in TENSED_TAGS or i < 3 or doc[i - 1].text != ",":
        return None
    if verb.lemma_.lower() in _TELLING:
        return None  # "..., told Fox News.": whom it was told, no reporter
    if any(c.dep_ in _SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children):
        return None
    if not any(c.dep_ == "ccomp" and c.right_edge.i == i - 2 for c in verb.lefts):
        return None
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.left_edge.i != i + 1 or obj.pos_ != "PROPN":
        return None
    after = obj.right_edge.i + 1
    return obj if after == len(doc) or doc[after].text in (".", "!") else None


def impersonal(verb: Token, subj: Token) -> bool:
    """Whether ``subj`` is the empty "it" of an adjective that ``verb`` completes: "It will
    be hard to explain why ...", "it is easy to see how ...", "made it possible to promote
    ...". The writer's judgement of what anyone could say or see, nobody's statement:
    PolNeAR marks such cues with no source (5 of the 6 on train)."""
    if subj.lower_ != "it" or verb.dep_ not in ("xcomp", "advcl") or subj.head.i != verb.head.i:
        return False
    head = verb.head
    if any(c.lower_ == "as" for c in verb.children):
        return False  # "it has gone so far as to urge ...": "it" is someone, who urged
    return head.pos_ == "ADJ" or (
        head.lemma_ == "be"
        and any(c.dep_ == "acomp" and c.pos_ == "ADJ" and c.i < verb.i for c in head.children)
    )


# How many tokens a dateline may run to ("LOS ANGELES, Calif., Oct. 3 (Reuters) --").
_DATELINE_TOKENS = 24


def _subjects(verb: Token, parse: ParseIndex | None) -> list[Token]:
    """The verb's subjects, in order: from the index's dependents when there is one
    (``Token.children`` makes a Token of every dependent)."""
    if parse is None or parse.doc is not verb.doc:
        return [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    doc, deps = verb.doc, parse.deps
    return [doc[j] for j in parse.dependents[verb.i] if deps[j] in _SUBJECT_DEPS]


def _dateline_end(tok: Token, parse: ParseIndex | None = None) -> int | None:
    """Where the dateline opening the paragraph of ``tok``'s phrase ends (a character
    offset), or None when its phrase does not open a paragraph with one. Reads only the
    phrase's first words: the document's whole text is not rebuilt for each subject."""
    first = tok.left_edge
    doc = tok.doc
    if parse is not None and parse.doc is doc:
        # The index's text and offsets: a span's ``text`` makes a Token of each word.
        i, starts, text = first.i, parse.token_starts, parse.text
        if i and text[starts[i] - 1] != "\n":
            return None
        last = min(i + _DATELINE_TOKENS, len(starts)) - 1
        found = DATELINE.match(text[starts[i] : parse.token_ends[last]])
        return starts[i] + found.end() if found is not None else None
    if first.i and not doc[first.i - 1].text_with_ws.endswith("\n"):
        return None
    window = doc[first.i : first.i + _DATELINE_TOKENS].text
    m = DATELINE.match(window)
    return first.idx + m.end() if m is not None else None


def _bare_dateline(tok: Token, parse: ParseIndex | None = None) -> bool:
    """Whether ``tok`` heads nothing but the dateline opening its paragraph, which the
    parser made a subject ("Pyongyang, October 20 (KCNA) -- | Kim Son Gyong ... released")."""
    end = _dateline_end(tok, parse)
    return end is not None and tok.right_edge.idx < end


def _after_dateline(dated: Token, verb: Token, parse: ParseIndex | None = None) -> Token | None:
    """The speaker after a dateline the parser took for the only subject: the noun just
    before the verb, after the dateline ("... (KCNA) -- Rodong Sinmun notes that ...")."""
    end = _dateline_end(dated, parse)
    before = verb.doc[verb.i - 1] if verb.i else None
    if end is None or before is None or before.idx < end:
        return dated
    return before if before.pos_ in ("PROPN", "NOUN") else dated


# Verbs that make their object do what their infinitive says ("led Republicans to say",
# "prompted Rubio to call", "leaving many to wonder", "forced Clinton to distance herself"):
# the object speaks, as PolNeAR marks it, not the subject that caused it.
_CAUSING = frozenset(
    {"lead", "prompt", "leave", "force", "cause", "drive", "push", "spur", "compel", "inspire",
     "encourage", "pressure", "provoke", "move"}
)  # fmt: skip


def _controller(verb: Token) -> Token | None:
    """The object of a causing verb whose infinitive ``verb`` is ("led Republicans to say"):
    the one who does what the infinitive says."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.i >= verb.i or head.lemma_ not in _CAUSING:
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and head.i < c.i < verb.i), None)


# Verbs of asking: in the passive their subject is who was asked, their agent who asked.
_ASKING = frozenset({"ask", "press", "question", "quiz", "query"})


def _agent(verb: Token) -> Token | None:
    """Who asks, when a passive verb of asking names them with "by" ("The mayor was asked
    by reporters whether ...", "Asked by reporters if ..."): the one asked is the subject.
    Other passives ("was criticized by X") are read by ``frames``, whose subject is what
    was criticized."""
    if verb.lemma_.lower() not in _ASKING:
        return None
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _hung_on_quotation(clause: Token) -> bool:
    """Whether the parser hung ``clause`` on a verb inside a quotation after it ("The mayor
    smiled, telling reporters, “We will win.”" makes "smiled" a complement of "win")."""
    head = clause.head
    return head.i > clause.i and any(
        t.is_quote for t in clause.doc[clause.right_edge.i + 1 : head.i]
    )


# Words that name a share of a group ("a third", "half") when the parser made them a
# modifier of the verb instead of its subject.
_SHARE_WORDS = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths"})


def _share_subject(verb: Token) -> Token | None:
    """A share the parser hung on the verb before it with no subject ("About 4 in 10 say
    ...", "Less than a third agreed ..."): the number or fraction is the subject."""
    if verb.pos_ != "VERB":
        return None
    for child in verb.lefts:
        if child.dep_ not in ("nummod", "npadvmod") or child.i != verb.i - 1:
            continue
        if child.tag_ == "CD" or child.lower_ in _SHARE_WORDS:
            return child
    return None


def source_span(state: QuoteState, head: Token, verb: Token | None = None) -> Frag:
    """The speaker as written: the head's noun phrase with its appositives, but never the
    cue or what was said ("some analysts who think that ..." stops at "analysts")."""
    text = state.text
    skip: set[int] = set()
    if verb is not None:
        skip.add(verb.i)
        if head.is_ancestor(verb):
            # The cue sits in a clause hanging on the speaker: drop that clause.
            clause = verb
            while clause.head.i != head.i and clause.head.i != clause.i:
                clause = clause.head
            skip.update(t.i for t in clause.subtree)
    for child in head.rights:
        # "federal prosecutors in April", "a top official on Tuesday": when it was said,
        # which PolNeAR leaves out of the source.
        if child.dep_ == "prep" and _is_time_phrase(child):
            skip.update(t.i for t in child.subtree)
        if _speaking_aside(state, child):
            skip.update(t.i for t in child.subtree)
            skip.add(child.i - 1)
    statement = _relative_statement(state, head, verb)
    if statement is not None:
        skip.update(t.i for t in statement.subtree)
        if state.doc[statement.left_edge.i - 1].text == ",":
            skip.add(statement.left_edge.i - 1)
    titles = _titles_within(state, head, verb)
    tokens = [
        t
        for t in head.subtree
        if (state.in_quote[t.i] < 0 or state.in_quote[t.i] in titles) and t.i not in skip
    ]
    # Keep the run of tokens around the head only: a gap means a dropped clause.
    run = sorted(t.i for t in tokens)
    if head.i in run:
        lo = hi = run.index(head.i)
        while lo > 0 and run[lo - 1] == run[lo] - 1:
            lo -= 1
        while hi + 1 < len(run) and run[hi + 1] == run[hi] + 1:
            hi += 1
        tokens = [state.doc[i] for i in run[lo : hi + 1]]
    if not tokens:
        tokens = [head]
    start, end = token_span(tokens)
    frag = trim(text, start, end) or (head.idx, head.idx + len(head.text))
    start, end = balance(text, *frag)
    # PolNeAR closes an appositive source with its comma ("X, a spokesman for Y,"), but
    # not the comma before a relative statement left out ("X, a pollster, who added").
    if "," in text[start:end] and text[end : end + 1] == "," and statement is None:
        end += 1
    return start, _close_dash(text, start, end)


# Dashes that set off an aside; the spaced forms of the hyphen only (a bare "-" joins words).
_ASIDE_DASHES = ("—", "―", "–")
_SPACED_DASHES = ("- -", "--", "-")


def _close_dash(text: str, start: int, end: int) -> int:
    """The end of a source past the dash that closes an aside it opened ("Democrats — and
    some Republicans — say", "the panel -- three senators -- agreed"): PolNeAR's source keeps
    that dash, as it keeps an appositive's closing comma (PolNeAR train: 48 of the 50
    sources with an open aside before such a dash)."""
    piece = text[start:end]
    rest = text[end : end + 8]
    gap = len(rest) - len(rest.lstrip(" \xa0"))
    after = rest[gap:]
    for dash in _ASIDE_DASHES:
        if piece.count(dash) % 2 == 1 and after.startswith(dash):
            return end + gap + len(dash)
    padded = f" {piece} "
    for dash in _SPACED_DASHES:
        opened = padded.count(f" {dash} ")
        if opened % 2 == 1 and gap and (after + " ").startswith(f"{dash} "):
            return end + gap + len(dash)
        if opened:
            break  # "- -" holds two "-": the longest spaced form found is the one used
    return end


def _titles_within(state: QuoteState, head: Token, verb: Token | None) -> set[int]:
    """The quotations that lie wholly inside the speaker's noun phrase, before the cue
    ("Dana Perino, a host of "The Five," said", "the "Orange Is the New Black" star"):
    the name of a show, a book or an ad, part of who speaks (PolNeAR's sources keep them),
    not what was said."""
    lo, hi = head.left_edge, head.right_edge
    start, end = lo.idx, hi.idx + len(hi.text)
    if verb is not None and lo.i < verb.i:
        end = min(end, verb.idx)
    seen = {state.in_quote[t.i] for t in head.subtree if state.in_quote[t.i] >= 0}
    return {
        q
        for q in seen
        if start <= state.quoted[q].start
        and state.quoted[q].end <= end
        and not state.quoted[q].unbalanced
        and state.quoted[q].words(state.text) <= TITLE_WORDS
        and not _clause_after(state, q, end)
    }


def _clause_after(state: QuoteState, q: int, end: int) -> bool:
    """Whether a verb follows quotation ``q`` within the speaker's phrase (up to ``end``):
    'Tea Party "super PACs" supported by ...' names no one by the title but by the clause,
    and where such a phrase ends the parse cannot tell."""
    parse = state.parse
    k = parse.token_covering(state.quoted[q].end - 1)
    if k is None:
        return False
    k += 1
    while k < len(parse.pos) and parse.token_starts[k] < end:
        if parse.pos[k] in ("VERB", "AUX"):
            return True
        k += 1
    return False


def _speaking_aside(state: QuoteState, child: Token) -> bool:
    """Whether ``child`` of a speaker's head opens a participle clause after a comma, the
    circumstances of speaking ("An Israeli official, | speaking on the condition of
    anonymity, said", "Judge McKeague, | writing for the majority, said"): PolNeAR's source
    is the noun phrase without it. A past participle stays ("The aides, led by Terry
    Sullivan,", "Purple PAC, steered by Ed Crane,"): PolNeAR keeps those as often as not.
    On all 840 PolNeAR train articles leaving the clause out makes 12 sources exact and 1
    not."""
    return (
        child.dep_ in ("acl", "advcl")
        and child.tag_ == "VBG"
        and child.left_edge.i == child.i
        and child.i > 0
        and state.doc[child.i - 1].text == ","
    )


# Relative pronouns that open a clause on the speaker's phrase.
_RELATIVES = frozenset({"who", "which", "that"})


def _relative_statement(state: QuoteState, head: Token, verb: Token | None) -> Token | None:
    """A relative clause in the speaker's phrase that says something itself ("said Jane Roe,
    a pollster, | who added that ...", "said a strategist who said he would not vote for
    her"): its own attribution, whose source is the "who"; PolNeAR's source for the first
    statement leaves it out (PolNeAR train: 34 of the 38 sources followed by such a
    clause). Only a speech or writing verb with a clause or quotation after it, not the
    clause that holds the cue."""
    lex = state.lex
    for tok in head.subtree:
        if tok.dep_ != "relcl" or tok.i < head.i:
            continue
        if verb is not None and tok.left_edge.i <= verb.i <= tok.right_edge.i:
            continue
        cue = lex.cue_verbs.get(tok.lemma_.lower())
        if cue is None or cue.cls not in ("speech", "writing"):
            continue
        if not any(c.dep_ in _SUBJECTS_REL and c.lower_ in _RELATIVES for c in tok.children):
            continue
        if any(c.dep_ in ("ccomp", "parataxis") or c.text == ":" for c in tok.children):
            return tok
    return None


_SUBJECTS_REL = frozenset({"nsubj", "nsubjpass"})
_TIME_PREPS = frozenset({"in", "on", "at", "during"})
# An age names the speaker ("the Federation of Students in the 21st Century"), not a day.
_ERAS = frozenset({"century", "era", "age", "millennium"})


def _is_time_phrase(prep: Token) -> bool:
    """Whether ``prep`` is "in April", "on Tuesday", "in 2015": a preposition whose object
    is a date and nothing more."""
    if prep.lower_ not in _TIME_PREPS:
        return False
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return (
        len(objects) == 1
        and objects[0].lemma_.lower() not in _ERAS
        and all(t.ent_type_ in ("DATE", "TIME") for t in objects[0].subtree)
    )


def subtree_span(state: QuoteState, head: Token) -> Frag | None:
    """The head's phrase, within its sentence, quotations kept whole."""
    s_start, s_end = state.parse.clipped_sentence_at(head.idx)
    last = head.right_edge
    frag = trim(state.text, max(head.left_edge.idx, s_start), min(last.idx + len(last.text), s_end))
    return state.close_quotes(frag) if frag is not None else None


def content_of(state: QuoteState, comp: Token, verb: Token) -> Frag | None:
    """What a cue verb's clause or infinitive complement says, quotations kept whole."""
    # A complement after the verb runs to the sentence's end (spaCy sometimes hangs
    # trailing clauses on the verb); one before the verb stops at it.
    parse = state.parse
    start, end = parse.token_starts[comp.left_edge.i], parse.token_ends[comp.right_edge.i]
    if comp.dep_ == "xcomp":
        # "urged China to withdraw": PolNeAR's content starts at the object (34 of 44 such
        # train cases).
        obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < comp.i), None)
        if obj is None:
            # "called on the board to reopen the quay": the object of "on" is whom it asks.
            on = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
            if on is not None and (on.dep_ != "prep" or on.lower_ != "on" or on.head.i != verb.i):
                on = None
            objs = [c for c in on.children if c.dep_ == "pobj" and c.i < comp.i] if on else []
            obj = objs[0] if objs else None
            if obj is not None and (obj.ent_type_ in ("DATE", "TIME") or _bare_noun(obj)):
                obj = None  # "called on Tuesday to ...", "said on stage to ..."
        if obj is not None:
            start = obj.left_edge.idx
    # A participle opening the sentence ("Saying that A, the king expressed ...") hangs on a
    # verb after its complement: what it says ends where the main clause begins.
    fronted = (
        parse.tags[verb.i] == "VBG"
        and verb.i == verb.sent.start
        and verb.head.i > comp.right_edge.i
    )
    if comp.i > verb.i:
        sent_end = state.parse.clipped_sentence_at(verb.idx)[1]
        end = max(end, sent_end) if state.in_quote[comp.i] < 0 and not fronted else end
        start = max(start, cue_span(state, verb)[1])
    else:
        end = min(end, verb.idx)
        if _clause_break_after(state, comp, verb):
            return None  # "A: he said B", "A; most said B": A is the writer's, B was said
        cut = after_missed_end(state, start, verb.idx)
        if cut >= end:
            return None  # a whole sentence before the cue's own: not what the cue says
        start = max(start, cut)
    start, end = state.close_quotes((start, end))  # a quotation is never cut in half
    frag = trim(state.text, start, end)
    if frag is not None and comp.i > verb.i:
        frag = _clip(state, frag, verb, comp)
    if frag is None:
        return None
    # Keep the closing mark (and the punctuation inside it) that ends the content.
    start, end = frag
    for i in state.quotes_in(start, end):
        end = max(end, state.quoted[i].end)
    return start, end


def _bare_noun(tok: Token) -> bool:
    """A common noun in the singular with no word of its own ("on stage", "on camera")."""
    return tok.tag_ == "NN" and not any(True for _ in tok.children)


# Marks that close a clause of the writer's before a new one with its own subject.
_CLAUSE_BREAKS = frozenset({";", ":"})


def _clause_break_after(state: QuoteState, comp: Token, verb: Token) -> bool:
    """Whether a semicolon or colon stands between a complement before the cue and the cue
    ("The message works: he said he raised $1 million", "Most were worried; 46 percent said
    they were very worried"): the parser hung the clause before the mark on the cue verb,
    but it is the writer's, and what the cue reports follows the verb. A complement that
    starts after the mark ("It is simple: we win, he said") is kept."""
    in_quote, lowers = state.in_quote, state.parse.lowers
    return any(lowers[i] in _CLAUSE_BREAKS and in_quote[i] < 0 for i in range(comp.i + 1, verb.i))


def after_missed_end(state: QuoteState, start: int, end: int) -> int:
    """Where a complement before its cue starts: after the last sentence end the parser
    missed inside it ("X released a statement., We demand ..., they said": joined copy puts
    a lead and the next sentence in one parse), so what was said never takes in the
    sentence before it."""
    doc = state.doc
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) < 2:
        return start
    for tok in reversed(span[:-1]):
        if tok.text == "." and state.in_quote[tok.i] < 0:
            nxt = doc[tok.i + 1]
            return doc[tok.i + 2].idx if nxt.text == "," and tok.i + 2 < len(doc) else nxt.idx
    return start


def _clip(state: QuoteState, frag: Frag, verb: Token, head: Token) -> Frag | None:
    """Cut a content running past what was said (PolNeAR train, where a parse-based content
    overran the annotation): at a semicolon, a non-restrictive relative clause (", who
    ..."), a trailing ", according to ...", the verb that a relative clause holding the cue
    hangs on (", who said A, | said B"), a sentence end the parser missed before a
    quotation, a participle clause on the cue verb (", saying ..."), a subordinate clause
    on the cue verb ("as he lined up", "while ..."), ", but ..." coordinating the main
    clause, and the subject of another clause hanging on the cue verb or above it ("said
    they voted for her, | most in both states supported Sanders")."""
    start, end = frag
    doc = state.doc
    tokens = state.parse.token_range(start, end)
    if tokens is None or tokens[1] - tokens[0] < 2:
        return frag
    lo, hi = head.left_edge.i, head.right_edge.i
    lowers = state.parse.lowers
    for i in range(tokens[0] + 1, tokens[1]):
        # Every cut below needs a comma before the word, or the word a ";", a "." or a
        # clause mark: the others are passed over without making their tokens.
        comma = lowers[i - 1] == ","
        if state.in_quote[i] >= 0 or not (
            comma or lowers[i] in (";", ".", "and", "but") or lowers[i] in _CLAUSE_MARKS
        ):
            continue
        tok, prev = doc[i], doc[i - 1]
        on_verb = _hangs_on(tok, verb, lo, hi)
        cut = (
            tok.text == ";"
            # (not one on the subject of what was said, before its verb: "said that the
            # procession, which has been held 100 times, is to end")
            or (comma and tok.lower_ in ("who", "which") and i > head.i)
            # "said she leads by 10 points, | according to a new poll": the reporter's
            # attribution of its own (not one before the clause's verb: "63 percent,
            # according to the report, still believe ...")
            or (comma and tok.lower_ == "according" and i > head.i)
            or (comma and _above_noun_clause(tok, verb))
            or (tok.text == "." and _quote_opens_after(state, tok))
            or (comma and tok.dep_ == "advcl" and tok.tag_ == "VBG" and on_verb)
            or (comma and tok.tag_ == "VBG" and i > head.i and _says_clause(state, i))
            or (
                tok.dep_ == "mark"
                and tok.lower_ in _CLAUSE_MARKS
                and _hangs_on(tok.head, verb, lo, hi)
            )
            or (comma and tok.dep_ == "cc" and on_verb)
            or (tok.dep_ == "cc" and tok.head.i == verb.i and _coordinated_cue(state, verb, i))
            or _reporter_goes_on(state, verb, i)
            or (comma and tok.dep_ in ("nsubj", "expl") and on_verb)
            or (comma and _subject_above(tok, verb))
        )
        if cut:
            at = prev.idx if comma else tok.idx
            return trim(state.text, start, at)
    return frag


def _above_noun_clause(tok: Token, verb: Token) -> bool:
    """Whether the cue verb stands in a clause that describes a noun ("who said ...",
    "which she said ...") and ``tok`` is a word that noun hangs on ("Mr. Podesta, who said
    the project was vetted, | said he was unaware"), or that is the subject of ``tok``
    ("Those who believe A, | are unlikely to ..."). The main clause goes on past what that
    cue reports. (A cue whose own clause hangs on ``tok`` directly is the parser's
    misreading of a "that" clause: "felt that Kim, fully identical to ..., | is the
    lodestar" stays whole.)"""
    t = verb
    while t.head.i != t.i and t.i != tok.i:
        if t.dep_ in ("relcl", "acl") and tok.is_ancestor(t.head):
            return True
        if t.dep_ in _SUBJECT_DEPS and t.head.i == tok.i and t.i != verb.i:
            return True  # "Those who believe A, | are unlikely to ...": inside its subject
        t = t.head
    return False


def _coordinated_cue(state: QuoteState, verb: Token, i: int) -> bool:
    """Whether a verb coordinated with the cue verb after token ``i`` is a cue of its own
    ("urged the board to act | and proposed a safe zone", "says he respects her | and calls
    her ..."): the reporter's next attribution, which PolNeAR marks apart."""
    lex, lemmas = state.lex, state.parse.lemmas
    return any(
        c.dep_ == "conj"
        and c.i > i
        and c.pos_ == "VERB"
        and (lemmas[c.i] in lex.cue_verbs or lemmas[c.i] in lex.cue_frames)
        for c in verb.children
    )


def _reporter_goes_on(state: QuoteState, verb: Token, i: int) -> bool:
    """Whether "and" at token ``i`` joins the reporter's next act to a verb inside the
    content: "said he regretted the remarks | and promised to stay out", "noted that the
    deadline had passed | and asked whether ...". The parser hangs the second verb on the
    content's verb, not on the cue (``_next_act``)."""
    parse = state.parse
    if parse.deps[i] != "cc" or parse.heads[i] == verb.i or state.in_quote[i] >= 0:
        return False
    return any(
        parse.deps[c] == "conj" and c > i and _next_act(state, c, verb.i)
        for c in parse.children(parse.heads[i])
    )


def _next_act(state: QuoteState, c: int, verb: int) -> bool:
    """Whether verb ``c``, coordinated with a verb of cue ``verb``'s content, is the
    reporter's next act: a verb of saying (not of thinking) in the cue verb's own form, with
    no subject of its own."""
    parse, lex = state.parse, state.lex
    cue = lex.cue_verbs.get(parse.lemmas[c])
    return (
        parse.pos[c] == "VERB"
        and parse.tags[c] == parse.tags[verb]
        and cue is not None
        and cue.cls != "cognition"
        and not any(parse.deps[k] in _SUBJECT_DEPS for k in parse.children(c))
    )


def speaker_of(state: QuoteState, verb: Token) -> Token | None:
    """The speaker's head (``subject``), but for the reporter's next act hung on the
    reported clause ("Rendell said he had battled pneumonia | and called it common"): the
    one who reports it, the subject of the cue verb the clause hangs on, not the clause's
    own subject."""
    clause = verb.head
    if (
        verb.dep_ == "conj"
        and clause.dep_ == "ccomp"
        and clause.head.i != clause.i
        and state.parse.lemmas[clause.head.i] in state.lex.cue_verbs
        and _next_act(state, verb.i, clause.head.i)
        # "Republicans said A; they learned B and disclosed C": after a semicolon the
        # clause is the writer's, and its own subject acts (``_clip`` cuts there too).
        and ";" not in state.parse.lowers[clause.head.i : verb.i]
    ):
        return subject(clause.head, state.parse)
    return subject(verb, state.parse)


def _says_clause(state: QuoteState, i: int) -> bool:
    """Whether token ``i`` is a verb of saying with a clause of its own ("adding that B",
    "stressing the government would strive ..."): a second attribution, wherever the parser
    hung it, whose words are no part of the first's (PolNeAR ends a content before ", adding
    ..." or ", saying ..." in over 90% of train cases)."""
    parse = state.parse
    cue = state.lex.cue_verbs.get(parse.lemmas[i])
    return (
        cue is not None
        and cue.cls != "cognition"
        and any(parse.deps[c] == "ccomp" for c in parse.children(i))
    )


_NOUN_LEFT_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod"})


def _subject_above(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` opens the subject of a verb the cue verb hangs on ("the mayor noted
    A, the paper said": "the paper" is the closing report's speaker, no part of A)."""
    head = tok
    while head.dep_ in _NOUN_LEFT_DEPS and head.head.i > head.i:
        head = head.head
    return head.dep_ == "nsubj" and head.head.i != verb.i and head.head.is_ancestor(verb)


def _hangs_on(tok: Token, verb: Token, lo: int, hi: int) -> bool:
    """``tok`` attaches to the cue verb (or above it), not inside tokens lo..hi."""
    head = tok.head
    return not lo <= head.i <= hi and (head.i == verb.i or head.is_ancestor(verb))


def _quote_opens_after(state: QuoteState, tok: Token) -> bool:
    """A quotation opens right after ``tok`` (the parser missed a sentence end)."""
    if tok.i + 1 >= len(state.doc):
        return False
    q = state.in_quote[tok.i + 1]
    return q >= 0 and state.quoted[q].start == state.doc[tok.i + 1].idx


def right_of(state: QuoteState, verb: Token, first: int) -> Frag | None:
    """From token ``first`` to the end of the verb's phrase, within its sentence, but before
    a coordinated verb or a time phrase hanging on the verb ("endorsed Cruz | and urged
    ...", "backed him | during the debate": PolNeAR leaves those out of the content in over
    80% of train cases, and keeps "as"/"for"/"to" phrases in over 80%), and before an
    adverbial clause after a comma ("criticized the plan | , arguing that ...": the
    participle is an attribution of its own), before when and where it was said at the end
    ("endorsed Canova | on Monday", "denied it | in an interview": ``_occasion_last``), and
    before a non-restrictive relative clause on a noun of the content
    (``_before_relative``)."""
    doc = state.doc
    last = verb.right_edge
    for child in verb.children:
        if child.i < first:
            continue
        after_comma = child.left_edge.i > first and doc[child.left_edge.i - 1].text == ","
        if (
            child.dep_ in _CONTENT_STOP_DEPS
            or (child.dep_ == "prep" and child.lower_ in _CONTENT_STOP_PREPS)
            or (child.dep_ == "prep" and child.i > first and _occasion_last(verb, child))
            or (after_comma and child.dep_ == "advcl")
        ):
            if child.i == first:
                return None
            last = doc[child.left_edge.i - 1]
            break
    last = _before_relative(state, verb, first, last)
    if first > last.i:
        return None
    s_end = state.parse.clipped_sentence_at(verb.idx)[1]
    frag = trim(state.text, doc[first].idx, min(last.idx + len(last.text), s_end))
    return state.close_quotes(frag) if frag is not None else None


# Relative pronouns that open a non-restrictive clause after a comma. "where" and "when" are
# left out: PolNeAR keeps "a stop in Concord, where he thanked ..." in the content.
_RELATIVE_OPENERS = frozenset({"who", "whom", "whose", "which"})
_VERB_ARGUMENTS = frozenset({"prep", "dative", "dobj", "xcomp", "ccomp", "oprd"})


def _before_relative(state: QuoteState, verb: Token, first: int, last: Token) -> Token:
    """The last token of a noun-phrase content before ", who ..." or ", which ..." on one of
    its nouns ("criticized Clinton's email use | , which an FBI investigation said ...",
    "praised Franklin Graham | , who has vowed ..."): the clause is the writer's aside, not
    what the source criticised or praised. On the first 300 PolNeAR train articles the cut
    makes 23 contents exact and 9 not (the aside that spells out the noun, "his plan, which
    includes ..."). Only a clause that opens with the pronoun is cut, and not one followed
    by more of the cue verb's arguments: "accused Rafael Cruz, who was born in Cuba, of
    associating with ..." keeps it, the words after it being the accusation."""
    doc, in_quote = state.doc, state.in_quote
    # The words are read off the parse index: a spaCy token for each word of the content
    # cost more than the few clauses found.
    text, starts, ends, lowers = (
        state.parse.text,
        state.parse.token_starts,
        state.parse.token_ends,
        state.parse.lowers,
    )
    for i in range(first + 1, last.i + 1):
        if (
            in_quote[i] >= 0
            or text[starts[i - 1] : ends[i - 1]] != ","
            or lowers[i] not in _RELATIVE_OPENERS
        ):
            continue
        tok = doc[i]
        clause = tok
        while clause.dep_ != "relcl" and clause.head.i != clause.i and clause.left_edge.i == i:
            clause = clause.head
        if (
            clause.dep_ == "relcl"
            and clause.left_edge.i == i
            and clause.head.i >= first
            and not _argument_after(doc, clause.right_edge.i + 1, last.i, verb)
        ):
            return doc[i - 2]
    return last


def _argument_after(doc: Doc, i: int, last: int, verb: Token) -> bool:
    """Whether a phrase of the cue verb's (not an adjunct after a comma) starts at token
    ``i``, within the content's last token ``last``."""
    if i <= last and doc[i].text == ",":
        i += 1
    return i <= last and doc[i].head.i == verb.i and doc[i].dep_ in _VERB_ARGUMENTS


# When and where something was said, after what was said: "endorsed Canova | on Monday",
# "denied his opposition | in a separate CNN interview", "touted his endorsement | on its
# Facebook page". A preposition of these hanging on the cue verb, with a date or a word for
# a medium or an occasion as its object (the object's lemma, lower case; our own list of
# news-writing words).
_OCCASION_PREPS = frozenset({"in", "on", "at"})
_OCCASION_WORDS = frozenset(
    {
        "address", "appearance", "blog", "briefing", "broadcast", "column", "conference",
        "debate", "editorial", "email", "episode", "event", "facebook", "forum", "hearing",
        "instagram", "interview", "letter", "media", "meeting", "message", "op-ed", "page",
        "podcast", "post", "program", "programme", "radio", "rally", "release", "remarks",
        "session", "show", "speech", "statement", "television", "tv", "tweet", "twitter",
        "video",
    }
)  # fmt: skip


def _occasion(prep: Token) -> bool:
    """Whether ``prep`` is "in April", "on Tuesday", "in a tweet", "at a rally"."""
    if prep.lower_ not in _OCCASION_PREPS:
        return False
    if _is_time_phrase(prep):
        return True
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.lemma_.lower() in _OCCASION_WORDS


def _occasion_last(verb: Token, prep: Token) -> bool:
    """Whether ``prep`` is an occasion (``_occasion``) with nothing of the verb's content
    after it, only other occasions, adjuncts that end a content anyway, or punctuation. One
    with more after it stays: "defended himself on Saturday for bailing on ..." is one
    content in PolNeAR. On all 840 PolNeAR train articles the cut makes 51 contents exact
    and 16 not ("criticized the program in statements because ...")."""
    if not _occasion(prep):
        return False
    doc = verb.doc
    return all(
        c.i <= prep.i
        or c.dep_ in ("punct", *_CONTENT_STOP_DEPS)
        # An adverbial clause ends a content only after a comma: "released a statement on
        # Monday denouncing X" says what the statement does, and stays one content.
        or (c.dep_ == "advcl" and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ",")
        or (c.dep_ == "prep" and (c.lower_ in _CONTENT_STOP_PREPS or _occasion(c)))
        for c in verb.children
    )


# Prepositions of a phrase that says where or when something was said, before what was said:
# "said at a rally that ...", "told reporters after a meeting with donors that ...".
_OCCASION_CLAUSE_PREPS = frozenset({"at", "in", "on", "during", "after", "before"})
# Gatherings and trips, besides the occasions and media of ``_OCCASION_WORDS``.
_OCCASION_CLAUSE_WORDS = _OCCASION_WORDS | frozenset(
    {"banquet", "breakfast", "call", "ceremony", "dinner", "gathering", "lecture", "lunch",
     "luncheon", "reception", "seminar", "stop", "summit", "symposium", "tour", "trip",
     "visit", "workshop"}
)  # fmt: skip


def occasion_clause(verb: Token) -> Token | None:
    """The "that" clause the parser hung on an occasion noun after the cue verb instead of
    on the verb: "said during a press briefing | that he may wait", "told reporters after a
    meeting with donors | that ...", read as a relative clause on "briefing" or "meeting".
    A speaking verb with no clause of its own reports the clause (a real relative clause,
    "the briefing that he attended", has its own gap and is rare after a bare "said"). The
    noun must be a word for an occasion or a medium (``_OCCASION_CLAUSE_WORDS``), and "that" not
    the clause's subject ("the meeting that was held ..."); a clause read as the complement of
    the noun (or of a noun of its "at"/"of" phrase) is taken as well."""
    for prep in verb.rights:
        if prep.dep_ != "prep" or prep.lower_ not in _OCCASION_CLAUSE_PREPS:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in _OCCASION_CLAUSE_WORDS:
            continue
        nouns = [obj] + [
            o for p in obj.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
        ]
        for noun in nouns:
            for clause in noun.rights:
                first = clause.left_edge
                if first.lower_ != "that" or first.i <= noun.i:
                    continue
                if clause.dep_ == "relcl" and first.dep_ not in _SUBJECT_DEPS:
                    return clause
                if clause.dep_ == "acl" and first.dep_ == "mark":
                    # "said in his opening address at the seminar | that ...": read as the
                    # noun's own complement clause, which an occasion noun does not take.
                    return clause
    return None
