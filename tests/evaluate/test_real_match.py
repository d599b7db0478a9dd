"""The real-text scorer's pieces: the text alignment, the matching rules, the agreement maths.

Texts and codings are invented for these tests."""

from __future__ import annotations

import pytest

from parley.evaluate.real.align import TextMap
from parley.evaluate.real.gold import Actor, GoldEvent, GoldQuote, GoldStory
from parley.evaluate.real.match import (
    EntityView,
    EventView,
    QuoteView,
    cohen_kappa,
    country,
    entity_code_accuracy,
    match_events,
    match_quotes,
    quote_overlap,
    speaker_right,
    split_actors,
)
from parley.evaluate.real.score import EventTally, Sentences, score_story, story_views
from parley.records import Quote

RAW = (
    "Envoys of Ruritania and Freedonia  met in Geneva., ,  The message said:, ,  "
    "We will  never accept the demand., , ,"
)
CLEAN = (
    "Envoys of Ruritania and Freedonia met in Geneva.\nThe message said:\n"
    "We will never accept the demand."
)


def span_of(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


# --------------------------------------------------------------------- align ---
def test_real_align_maps_across_kcna_separators_and_spaces() -> None:
    mapping = TextMap(RAW, CLEAN)
    for phrase in ("met", "Freedonia", "The message said", "never accept the demand"):
        start, end = mapping.span(*span_of(RAW, phrase)) or (0, 0)
        assert CLEAN[start:end] == phrase
    # A span inside a word keeps its distance from the word's edges.
    start, end = span_of(RAW, "Ruritania")
    assert mapping.span(start + 1, end - 1) == (
        CLEAN.index("Ruritania") + 1,
        CLEAN.index("Ruritania") + len("Ruritania") - 1,
    )
    # Punctuation-only material that the cleaning removed maps to nothing.
    assert mapping.span(*span_of(RAW, ", ,  The")[:1], span_of(RAW, ", ,  The")[0] + 3) is None
    assert mapping.coverage() == 1.0


def test_real_align_dropped_line_and_identity() -> None:
    raw = "Pyongyang, May 2 (KCNA) -- Ruritania protested.\nFreedonia replied."
    clean = "Freedonia replied."
    mapping = TextMap(raw, clean)
    assert mapping.span(*span_of(raw, "protested")) is None
    assert mapping.span(*span_of(raw, "replied")) == span_of(clean, "replied")
    assert mapping.coverage() < 0.5
    assert TextMap(CLEAN, CLEAN).span(3, 9) == (3, 9)


# -------------------------------------------------------------------- events ---
def ev(
    sentence: int | None,
    cameo: str,
    source: str | None,
    target: str | None,
    trigger: int = 0,
    modality: str = "asserted",
    date: str | None = None,
) -> EventView:
    return EventView(sentence, (trigger, trigger + 1), source, target, cameo, modality, date)


def test_real_match_levels() -> None:
    gold = [ev(0, "040", "RUSGOV", "CHNGOV"), ev(1, "112", "PRK", "USA")]
    predicted = [
        ev(0, "043", "RUSGOV", "CHNGOV"),  # same root and actors: strict
        ev(1, "111", "PRKGOV", "USA"),  # source's sector differs: root and country only
        ev(2, "112", "PRK", "USA"),  # another sentence: never
    ]
    assert len(match_events(gold, predicted, "strict")) == 1
    assert len(match_events(gold, predicted, "root")) == 2
    assert len(match_events(gold, predicted, "country")) == 2
    assert len(match_events(gold, predicted, "dyad")) == 1


def test_real_match_is_one_to_one_and_needs_the_same_null_actors() -> None:
    gold = [ev(0, "042", "USA", None)]
    assert len(match_events(gold, [ev(0, "042", "USA", None)] * 3, "strict")) == 1
    assert not match_events(gold, [ev(0, "042", "USA", "KOR")], "strict")
    # A gold event whose trigger Parley's text lost matches nothing, even another lost one.
    assert not match_events([ev(None, "042", "USA", None)], [ev(None, "042", "USA", None)], "root")
    # Symmetric events: two gold, both found.
    sym = [ev(0, "040", "PRK", "USA", 5), ev(0, "040", "USA", "PRK", 5)]
    assert len(match_events(sym, list(reversed(sym)), "strict")) == 2


def test_real_match_country_keeps_igo_codes_whole() -> None:
    assert country("PRKGOV") == "PRK"
    assert country("IGOUNOIAE") == "IGOUNOIAE"
    assert country(None) is None
    gold = [ev(0, "130", "IGOUNOIAE", "IRN")]
    assert not match_events(gold, [ev(0, "130", "IGOWSTNAT", "IRNGOV")], "country")
    assert match_events(gold, [ev(0, "130", "IGOUNOIAE", "IRNGOV")], "country")


def test_real_score_story_counts_modality_date_and_actors() -> None:
    gold = GoldStory(
        doc="d",
        file="f",
        annotator="a1",
        published="2012-03-03",
        events=(
            GoldEvent(
                span_of(RAW, "met"),
                Actor("NOR", span_of(RAW, "Ruritania")),
                Actor("SWE", span_of(RAW, "Freedonia")),
                "040",
                "asserted",
                "2012-03-01",
                "text",
            ),
            GoldEvent(
                span_of(RAW, "accept"), Actor("SWEGOV", None), None, "081", "negated", None, None
            ),
        ),
        quotes=(),
    )
    sentences = Sentences([0, CLEAN.index("The"), CLEAN.index("We")])

    class _Article:
        text = CLEAN

    class _Analysis:
        article = _Article()
        entities = ()
        quotes = ()
        events = ()

    views = story_views(gold, RAW, _Analysis(), sentences)  # type: ignore[arg-type]
    assert [e.sentence for e in views.gold_events] == [0, 2]
    assert [CLEAN[slice(*s)] for s, _ in views.gold_actors] == ["Ruritania", "Freedonia"]
    views.events.extend(
        [
            ev(0, "043", "NOR", "SWE", CLEAN.index("met"), date="2012-03-01"),
            ev(2, "081", "SWEGOV", None, CLEAN.index("accept"), modality="asserted"),
        ]
    )
    views.entities.extend(
        [
            EntityView("e1", "Ruritania", "NOR", (span_of(CLEAN, "Ruritania"),)),
            EntityView("e2", "Freedonia", "NORGOV", (span_of(CLEAN, "Freedonia"),)),
        ]
    )
    tally = EventTally.empty()
    score_story(views, tally)
    assert tally.levels["strict"].prf() == (1.0, 1.0, 1.0)
    assert (tally.modality.right, tally.modality.total) == (1, 2)  # "never accept" is negated
    assert (tally.date.right, tally.date.total) == (2, 2)
    assert (tally.entity_code.right, tally.entity_code.total) == (1, 2)


def test_real_story_views_score_statements_not_acts() -> None:
    """A quote marked as a stance or act ("praised the party") is no statement: the real-text
    gold marks statements only, so the scorer leaves it out."""
    gold = GoldStory(doc="d", file="f", annotator="a1", published="2012-03-03", events=(),
                     quotes=())  # fmt: skip
    said, praised = (
        Quote("q1", "x", "indirect", None, None, None, "said", None, None, None, 0, 9, ((0, 9),)),
        Quote("q2", "y", "indirect", None, None, None, "praised", None, None, None, 10, 19,
              ((10, 19),), act=True),
    )  # fmt: skip

    class _Article:
        text = CLEAN

    class _Analysis:
        article = _Article()
        entities = ()
        quotes = (said, praised)
        events = ()

    views = story_views(gold, RAW, _Analysis(), Sentences([0]))  # type: ignore[arg-type]
    assert [v.content for v in views.quotes] == [((0, 9),)]


# ------------------------------------------------------------------- actors ---
def test_real_entity_codes_and_split_actors() -> None:
    gold = [((0, 4), "KORGOV"), ((20, 33), "KORGOV"), ((40, 45), "IGOGOS")]
    entities = [
        EntityView("e1", "Yoon", "KORGOV", ((0, 4),)),
        EntityView("e2", "Yoon Suk Yeol", "KORGOV", ((20, 33),)),
        EntityView("e3", "G7", None, ((40, 42),)),
        EntityView("e4", "summit", "USA", ((42, 45),)),
    ]
    tally = entity_code_accuracy(gold, entities)
    assert (tally.coded.right, tally.coded.total, tally.uncoded) == (2, 3, 1)
    # "Yoon" and "Yoon Suk Yeol" over the same code: one actor in two; the G7 mention touched
    # by two entities: another.
    assert split_actors(gold, entities) == 2
    people = [
        EntityView("e1", "Kim Jong Un", "PRKGOV", ((0, 4),)),
        EntityView("e2", "Kim Yo Jong", "PRKGOV", ((20, 33),)),
    ]
    assert split_actors(gold[:2], people) == 0


# ------------------------------------------------------------------- quotes ---
def test_real_quote_overlap_and_matching() -> None:
    assert quote_overlap([(0, 10)], [(5, 100)]) == pytest.approx(0.5)
    assert quote_overlap([(0, 10), (20, 30)], [(8, 22)]) == pytest.approx(4 / 14)
    gold = [QuoteView(((0, 100),), "PRKGOV", ((200, 209),), block=True)]
    predicted = [
        QuoteView(((0, 20),), None, ()),  # covers all of itself: 1.0 of the shorter
        QuoteView(((10, 95),), "PRKGOV", ()),
    ]
    (pair,) = match_quotes(gold, predicted)
    assert pair[1] is predicted[0]  # the better overlap wins
    assert not match_quotes(gold, [QuoteView(((90, 200),), None, ())])  # 10/100 < 0.3
    assert speaker_right(gold[0], predicted[1])
    assert speaker_right(gold[0], QuoteView(((0, 1),), "PRK", ((205, 215),)))
    assert not speaker_right(gold[0], QuoteView(((0, 1),), "PRK", ((0, 5),)))


# ---------------------------------------------------------------- agreement ---
def test_real_cohen_kappa() -> None:
    # The textbook case: 50 items, po = 0.7, pe = 0.5 -> kappa 0.4.
    pairs = [("a", "a")] * 20 + [("a", "b")] * 5 + [("b", "a")] * 10 + [("b", "b")] * 15
    assert cohen_kappa(pairs) == pytest.approx(0.4)
    assert cohen_kappa([("04", "04"), ("11", "11")]) == pytest.approx(1.0)
    assert cohen_kappa([("04", "11"), ("11", "04")]) == pytest.approx(-1.0)
    assert cohen_kappa([]) == 0.0


def test_real_agreement_of_two_annotations() -> None:
    from parley.evaluate.real.agreement import AgreementTally, agree

    def story(annotator: str, cameo: str, quote_end: int) -> GoldStory:
        return GoldStory(
            "d",
            "f",
            annotator,
            "2012-03-03",
            (
                GoldEvent(
                    (20, 23),
                    Actor("NOR", (0, 5)),
                    Actor("SWE", (10, 15)),
                    cameo,
                    "asserted",
                    None,
                    None,
                ),
                GoldEvent((60, 66), Actor("NOR", (50, 55)), None, "112", "asserted", None, None),
            ),
            (GoldQuote(Actor("NORGOV", (70, 75)), None, ((80, quote_end),), "direct", False),),
        )

    tally = AgreementTally()
    agree(story("a1", "040", 120), story("a2", "043", 110), Sentences([0, 40]), tally)
    metrics = tally.metrics()
    assert metrics["events.strict.f1"] == 1.0
    assert metrics["events.root.agreement"] == 1.0
    assert metrics["events.code.agreement"] == 0.5
    assert metrics["actors.code.agreement"] == 1.0
    assert metrics["quotes.f1"] == 1.0
    tally = AgreementTally()
    agree(story("a1", "040", 120), story("a2", "112", 85), Sentences([0, 40]), tally)
    metrics = tally.metrics()
    assert metrics["events.strict.f1"] == 0.5
    assert metrics["events.root.agreement"] == 0.5
    assert metrics["quotes.f1"] == 1.0  # 5 characters, all inside the other: 1.0 of the shorter


def test_real_match_plover_level_and_gold_types() -> None:
    from dataclasses import replace

    gold = [replace(ev(0, "1041", "PRK", "USA"), plover="REQUEST")]
    assert match_events(gold, [replace(ev(0, "020", None, None), plover="REQUEST")], "plover")
    assert not match_events(gold, [replace(ev(0, "111", None, None), plover="ACCUSE")], "plover")
    story = GoldStory(
        "d",
        "f",
        "a1",
        "2012-03-03",
        (
            GoldEvent(span_of(RAW, "met"), None, None, "043", "asserted", None, None),
            GoldEvent(span_of(RAW, "accept"), None, None, "043", "negated", None, None, "AGREE"),
        ),
        (),
    )
    views = story_views(story, RAW, None, Sentences([0]), {"043": "CONSULT"})
    assert [e.plover for e in views.gold_events] == ["CONSULT", "AGREE"]


def test_real_align_keeps_edge_punctuation_when_the_target_has_it() -> None:
    raw = 'He  called it "reckless", , the envoy said.'
    clean = 'He called it "reckless"\nthe envoy said.'
    mapping = TextMap(raw, clean)
    start, end = mapping.span(*span_of(raw, '"reckless"')) or (0, 0)
    assert clean[start:end] == '"reckless"'
    start, end = mapping.span(*span_of(raw, '", , the')) or (0, 0)
    assert clean[start:end] == "the"  # the separator run is not in the target: left out


def test_alignment_follows_words_a_cleaning_step_cut_apart() -> None:
    raw = "The envoy greeted ChairRhun Dallowwarmly, and Rhun Dallowleft at noon."
    clean = "The envoy greeted Chair Rhun Dallow warmly, and Rhun Dallow left at noon."
    mapping = TextMap(raw, clean)
    start = raw.index("Rhun")
    span = mapping.span(start, start + len("Rhun Dallow"))
    assert span is not None and clean[span[0] : span[1]] == "Rhun Dallow"
    left = raw.index("left")
    span = mapping.span(left, left + 4)
    assert span is not None and clean[span[0] : span[1]] == "left"
    assert mapping.coverage() == 1.0
