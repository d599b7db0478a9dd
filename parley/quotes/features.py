"""What the attribution model sees of a draft: a bag of string features.

The rules propose attributions (``attribution.py``); the model (``model.py``) decides which
are real. Its features describe the draft as the rules made it: the rule that proposed it,
the cue (lemma, class, dependency relation, its full extent), the content's syntactic shape
(a clause or a noun phrase, a finite verb, "that", a to-infinitive, quotation marks, its
length), the source (none, a pronoun, a name and its entity type, a vague head) and where
the attribution stands in its sentence and paragraph. Pairs of the most telling ones are
features too ("cue lemma x content shape"): the model is linear, and "praised" with a noun
phrase is not "praised" with a clause.

Everything is read off the shared parse; nothing here is loaded or cached.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from parley.quotes.drafts import FINITE_TAGS, Draft, QuoteState

__all__ = ["draft_features"]

_PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WP", "WDT"})
_LENGTH_BINS = (1, 2, 3, 5, 9, 19, 39)
_OPENERS = frozenset(
    {"that", "to", "the", "a", "an", "his", "her", "their", "its", "our", "“", '"'}
)


def draft_features(state: QuoteState, draft: Draft) -> list[str]:
    """The features of one finished draft (its content, cue and source as the rules left
    them), as strings; the model hashes them."""
    parse, text = state.parse, state.text
    lemma = draft.cue_lemma or "-"
    cls = _cue_class(state, draft)
    content = _content_span(state, draft)
    shape = _shape(content, state.parse.pos)
    words = sum(len(text[s:e].split()) for s, e in draft.content)
    length = _bin(words)
    feats = [
        "bias",
        f"rule={draft.rule}",
        f"kind={draft.kind}",
        f"lemma={lemma}",
        f"class={cls}",
        f"shape={shape}",
        f"len={length}",
        f"frags={min(len(draft.content), 3)}",
        f"quoted={min(len(draft.quoted), 3)}",
        f"unbalanced={draft.unbalanced}",
        f"inherited={draft.inherited}",
        f"rule|shape={draft.rule}|{shape}",
        f"rule|len={draft.rule}|{length}",
        f"lemma|shape={lemma}|{shape}",
        f"lemma|len={lemma}|{length}",
        f"class|shape={cls}|{shape}",
        f"class|len={cls}|{length}",
        f"kind|len={draft.kind}|{length}",
    ]
    if draft.cue_token is not None:
        cue, deps = draft.cue_token, parse.deps
        cue_words = len(text[draft.cue[0] : draft.cue[1]].split()) if draft.cue else 0
        feats += [
            f"cue.dep={deps[cue]}",
            f"cue.tag={parse.tags[cue]}",
            f"cue.words={min(cue_words, 4)}",
            f"lemma|dep={lemma}|{deps[cue]}",
            f"lemma|tag={lemma}|{parse.tags[cue]}",
            f"cue.sent_first={parse.starts_sentence(cue)}",
            f"cue.after_content={parse.token_starts[cue] >= draft.end}",
        ]
        kids = [deps[c] for c in parse.children(cue)]
        feats.append(f"cue.neg={'neg' in kids}")
        feats.append(f"cue.obj={'dobj' in kids or 'dative' in kids}")
    else:
        feats.append("cue=none")
    if content is not None and len(content):
        first = content[0]
        opener = first.lower_ if first.lower_ in _OPENERS else first.pos_
        feats += [
            f"c.first={opener}",
            f"lemma|c.first={lemma}|{opener}",
            f"c.root={content.root.pos_}:{content.root.dep_}",
            f"lemma|c.root={lemma}|{content.root.pos_}",
        ]
        if shape == "np":
            feats.append(f"c.head={content.root.lemma_.lower()}")
            feats.append(f"lemma|c.head={lemma}|{content.root.lemma_.lower()}")
        ents = {label for _, _, label in state.entities_in(content.start, content.end)}
        feats += [f"c.ent={e}" for e in sorted(ents)]
    feats += _source_features(state, draft, lemma)
    feats += _position_features(state, draft)
    return feats


def _cue_class(state: QuoteState, draft: Draft) -> str:
    if draft.cue_lemma is None:
        return "none"
    cue = state.lex.cue_verbs.get(draft.cue_lemma)
    if cue is not None:
        return cue.cls
    return "frame" if draft.learned else draft.cue_lemma if draft.rule == "according" else "other"


def _content_span(state: QuoteState, draft: Draft) -> Span | None:
    """The tokens of the content's first piece (the one the shape is read from)."""
    start, end = draft.content[0]
    return state.parse.char_span(start, end)


def _shape(span: Span | None, pos: tuple[str, ...]) -> str:
    """clause (a finite verb), that (a that-clause), to (an infinitive), quote (in marks),
    np (a noun phrase without a verb), obj+to (an object and its infinitive: "the envoy to
    convey ..."), obj+vp (an object and another verb phrase), vp (a verb that is not
    finite), other. ``pos``: every token's coarse tag (the parse index's)."""
    if span is None or not len(span):
        return "none"
    first = span[0]
    if first.is_quote or first.text in ("“", '"', "‘"):
        return "quote"
    if first.lower_ == "that":
        return "that"
    if first.lower_ == "to" and len(span) > 1 and span[1].pos_ in ("VERB", "AUX"):
        return "to"
    # Read off the phrase's root: "wreaths at the cemetery of martyrs, who fell ..." is a
    # noun phrase although a finite verb sits in its relative clause.
    root = span.root
    # Several tokens of the span may hang outside it ("asked | the envoy | to convey ...":
    # the object and the infinitive both on the cue verb): the verb says what it is.
    doc = span.doc
    verbs = [
        t
        for i in range(span.start, span.end)
        if pos[i] in ("VERB", "AUX")  # the others are passed over without a token object
        for t in (doc[i],)
        if not span.start <= t.head.i < span.end and t.i != root.i
    ]
    if root.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and verbs:
        infinitive = any(c.tag_ == "TO" for c in verbs[0].children)
        return "obj+to" if infinitive else "obj+vp"
    if root.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return "np"
    if root.tag_ in FINITE_TAGS or any(
        c.tag_ in FINITE_TAGS and c.dep_ in ("aux", "auxpass") for c in root.children
    ):
        return "clause"
    if root.pos_ in ("VERB", "AUX"):
        return "vp"
    return "other"


def _source_features(state: QuoteState, draft: Draft, lemma: str) -> list[str]:
    if draft.source is None:
        return ["src=none", f"lemma|src={lemma}|none"]
    doc = state.doc
    head: Token | None = doc[draft.source_token] if draft.source_token is not None else None
    words = len(state.text[draft.source[0] : draft.source[1]].split())
    if head is None:
        kind = "unknown"
    elif head.tag_ in _PRONOUN_TAGS:
        kind = f"pron:{head.lower_}"
    elif head.lemma_.lower() in state.lex.vague_heads:
        kind = "vague"
    elif head.ent_type_:
        kind = f"ent:{head.ent_type_}"
    else:
        kind = head.pos_
    coarse = kind.split(":")[0]
    feats = [
        f"src={kind}",
        f"src.words={_bin(words)}",
        f"lemma|src={lemma}|{coarse}",
        f"rule|src={draft.rule}|{coarse}",
    ]
    if head is not None and coarse in ("NOUN", "PROPN", "vague"):
        feats.append(f"src.head={head.lemma_.lower()}")
    if draft.cue is not None:
        feats.append(f"src.before_cue={draft.source[0] < draft.cue[0]}")
    return feats


def _position_features(state: QuoteState, draft: Draft) -> list[str]:
    text = state.text
    start = draft.start
    line_start = text.rfind("\n", 0, start) + 1
    s_start, _ = state.parse.clipped_sentence_at(draft.anchor)
    first_line = line_start == 0 or not text[:line_start].strip()
    return [
        f"para_start={not text[line_start:start].strip()}",
        f"first_line={first_line}",
        f"sent_start={start <= s_start}",
    ]


def _bin(n: int) -> str:
    for top in _LENGTH_BINS:
        if n <= top:
            return f"<={top}"
    return f">{_LENGTH_BINS[-1]}"
