"""The shared parse index and the mention index over hand-built Docs (no model needed)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from parley.nlp.index import MentionIndex, MentionRef, ParseIndex
from parley.records import Entity, Mention


def _doc(words: list[str], starts: list[bool]) -> Doc:
    doc = Doc(Vocab(), words=words)
    for token, start in zip(doc, starts, strict=True):
        token.is_sent_start = start
    return doc


def _entity(eid: str, kind: str, *spans: tuple[int, int, str]) -> Entity:
    return Entity(
        id=eid,
        name=spans[0][2],
        kind=kind,  # type: ignore[arg-type]
        actor=None,
        country=None,
        roles=(),
        affiliation=None,
        mentions=tuple(Mention(s, e, t) for s, e, t in spans),
    )


def test_parse_index_sentences_and_tokens() -> None:
    doc = _doc(["Ann", "spoke", ".", "Bo", "left", "."], [True, False, False, True, False, False])
    parse = ParseIndex.build(doc)
    assert parse.text == doc.text
    assert parse.sentence_index(0) == 0
    second = parse.text.index("Bo")
    assert parse.sentence_index(second) == 1
    assert parse.sentence_at(second) == (second, len(parse.text.rstrip()))
    assert parse.token_at(second) == 3
    assert parse.token_at(second + 1) is None
    assert parse.token_covering(second + 1) == 3
    assert parse.sentence_end_token(0) == 3
    assert [parse.starts_sentence(t.i) for t in doc] == [bool(t.is_sent_start) for t in doc]


def test_parse_index_empty_doc() -> None:
    parse = ParseIndex.build(Doc(Vocab(), words=[]))
    assert parse.sents == ()
    assert parse.sentence_bounds(0) == (0, 0)
    assert parse.token_at(0) is None


def test_mention_index_shared_mention_never_compares_entities() -> None:
    # Two entities on one span (an upper-case pronoun linked twice) sort by entity order.
    doc = _doc(["John", "said", "HE", "would", "go", "."], [True] + [False] * 5)
    text = doc.text
    he = text.index("HE")
    one = _entity("e1", "person", (0, 4, "John"), (he, he + 2, "HE"))
    two = _entity("e2", "organization", (he, he + 2, "HE"))
    index = MentionIndex.build([one, two], ParseIndex.build(doc))
    assert [r.entity.id for r in index.overlapping(he, he + 2)] == ["e1", "e2"]
    assert index.at(he, he + 2) is not None
    assert index.entity_of_token(2) is one
    assert index.entity_of_token(1) is None


def _id(ref: MentionRef | None) -> str | None:
    return ref.entity.id if ref is not None else None


def _longest_first(index: MentionIndex, start: int, end: int) -> str | None:
    """``at`` as its docstring says, from ``overlapping``: the longest, the first of equals."""
    best = None
    for ref in index.overlapping(start, end):
        if best is None or ref.end - ref.start > best.end - best.start:
            best = ref
    return _id(best)


def test_mention_index_at_is_the_longest_overlapping_first_of_equals() -> None:
    # Nested and equally long overlapping mentions: "Red Cross" inside "Red Cross Society",
    # "Cross Soc" as long as "Red Cross", and words no mention covers.
    text = "The Red Cross Society met the envoy ."
    red = text.index("Red")
    big = _entity("e1", "organization", (red, red + 17, "Red Cross Society"))
    short = _entity("e2", "organization", (red, red + 9, "Red Cross"))
    same = _entity("e3", "organization", (red + 4, red + 13, "Cross Soc"))
    for entities in ([short, same, big], [short, same], [same, short]):
        index = MentionIndex.build(entities)
        spans = [(i, j) for i in range(len(text)) for j in range(i, len(text) + 1)]
        assert all(_id(index.at(i, j)) == _longest_first(index, i, j) for i, j in spans)
    assert _id(MentionIndex.build([short, same, big]).at(red, red + 3)) == "e1"
    assert _id(MentionIndex.build([same, short]).at(red + 4, red + 9)) == "e2"


def test_mention_index_before_and_distinct_before() -> None:
    text = "Seoul and Tokyo met ; Kim spoke ."
    doc = Doc(Vocab(), words=text.split())
    seoul = _entity("e1", "country", (0, 5, "Seoul"))
    tokyo = _entity("e2", "country", (10, 15, "Tokyo"))
    kim = _entity("e3", "person", (22, 25, "Kim"))
    index = MentionIndex.build([seoul, tokyo, kim], ParseIndex.build(doc))
    end = len(text)
    before_person = index.before(end, person=True)
    assert before_person is not None and before_person.entity is kim
    before_other = index.before(end, person=False)
    assert before_other is not None and before_other.entity is tokyo
    assert [r.entity.id for r in index.distinct_before(end, 2)] == ["e1", "e2"]
    assert index.by_id["e3"] is kim


def test_parse_index_clipped_sentence_matches_a_scan() -> None:
    words = ["One", "two", "\n", "three", ".", "\n\n", "Four", "five", "."]
    doc = Doc(
        Vocab(), words=words, spaces=[True, False, False, False, False, False, True, False, False]
    )
    parse = ParseIndex.build(doc)
    text = parse.text
    for offset in range(len(text)):
        p_start = text.rfind("\n", 0, offset) + 1
        p_end = text.find("\n", offset)
        p_end = len(text) if p_end < 0 else p_end
        start, end = parse.clipped_sentence_at(offset)
        assert start >= p_start and end <= p_end


def test_parse_index_reads_heads_labels_and_entities_once() -> None:
    # "Envoys met in Oslo": heads, labels, tags and entities read into plain columns.
    doc = Doc(
        Vocab(),
        words=["Envoys", "met", "in", "Oslo", "."],
        heads=[1, 1, 1, 2, 1],
        deps=["nsubj", "ROOT", "prep", "pobj", "punct"],
        tags=["NNS", "VBD", "IN", "NNP", "."],
        ents=["O", "O", "O", "B-GPE", "O"],
    )
    parse = ParseIndex.build(doc)
    assert parse.heads == (1, 1, 1, 2, 1)
    assert parse.deps == ("nsubj", "ROOT", "prep", "pobj", "punct")
    assert parse.tags == ("NNS", "VBD", "IN", "NNP", ".")
    assert [(e.start, e.end, e.label_) for e in parse.ents] == [(3, 4, "GPE")]
    assert [parse.children(t.i) for t in doc] == [[c.i for c in t.children] for t in doc]
    assert parse.children(1) == [0, 2, 4]


def test_parse_index_dependents_table_matches_token_children() -> None:
    # Two parsed sentences ("Envoys met in Oslo. Talks ended ."): each token's row of the
    # table is its Token.children, and no row reaches into the other sentence.
    doc = Doc(
        Vocab(),
        words=["Envoys", "met", "in", "Oslo", ".", "Talks", "ended", "."],
        heads=[1, 1, 1, 2, 1, 6, 6, 6],
        deps=["nsubj", "ROOT", "prep", "pobj", "punct", "nsubj", "ROOT", "punct"],
    )
    parse = ParseIndex.build(doc)
    assert parse.dependents == tuple(tuple(c.i for c in t.children) for t in doc)
    assert parse.dependents[6] == (5, 7)
    assert parse.children(3) == []


def test_parse_index_token_range_matches_spacy_expand() -> None:
    # Every character range of a small text gives the tokens spaCy's "expand" alignment gives.
    doc = _doc(["Envoys", "met", "in", "Oslo", "."], [True] + [False] * 4)
    parse = ParseIndex.build(doc)
    length = len(parse.text)
    for start in range(-1, length + 2):
        for end in range(start, length + 2):
            try:
                want = doc.char_span(start, end, alignment_mode="expand")
            except IndexError:
                want = None
            got = parse.char_span(start, end)
            got_tokens = (got.start, got.end) if got is not None else None
            want_tokens = (want.start, want.end) if want is not None else None
            assert got_tokens == want_tokens, (start, end)


def test_mention_index_a_word_with_glued_countries_is_its_first() -> None:
    # "U.S.-ROK" is one token holding two mentions: a look-up of the word gets the first,
    # though the second is longer; a look-up of the second's own characters gets it.
    doc = _doc(["the", "U.S.-Korea", "deal", "."], [True, False, False, False])
    text = doc.text
    first = text.index("U.S.")
    second = text.index("Korea")
    us = _entity("e1", "country", (first, first + 4, "U.S."))
    korea = _entity("e2", "country", (second, second + 5, "Korea"))
    index = MentionIndex.build([us, korea], ParseIndex.build(doc))
    word = doc[1]
    assert _id(index.at(word.idx, word.idx + len(word))) == "e1"
    assert _id(index.at(second, second + 5)) == "e2"
    assert _id(MentionIndex.build([us, korea]).at(word.idx, word.idx + len(word))) == "e2"
