"""The boundary chooser: the candidates it proposes for a content, a source and a cue, how it
picks among them, and the packaged model's choices on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from parley.config import Config
from parley.nlp.index import ParseIndex
from parley.quotes import QuoteResources
from parley.quotes.attribution import find_drafts
from parley.quotes.bounds import (
    ALL_ROLES,
    choose_bounds,
    content_candidates,
    span_candidates,
)
from parley.quotes.bounds_train import BoundaryExample, fit_boundaries
from parley.quotes.drafts import Draft, QuoteState
from parley.quotes.model import BoundaryModel

pytestmark = pytest.mark.model


def _state(nlp: Any, text: str) -> QuoteState:
    resources = QuoteResources.load(Config(quotes="rules"))
    return QuoteState.build(ParseIndex.build(nlp(text)), resources)


def _draft(state: QuoteState, content: str, cue: str, source: str, rule: str) -> Draft:
    text = state.text
    at = text.index(content)
    cue_at = text.index(cue)
    src_at = text.index(source)
    tokens = state.parse.token_starts
    return Draft(
        content=[(at, at + len(content))],
        source=(src_at, src_at + len(source)),
        cue=(cue_at, cue_at + len(cue)),
        cue_lemma=cue,
        kind="indirect",
        anchor=cue_at,
        source_token=tokens.index(text.index(source.split()[-1])),
        cue_token=tokens.index(cue_at),
        rule=rule,
    )


def _texts(state: QuoteState, candidates: list[Any]) -> list[str]:
    return [" | ".join(state.text[s:e] for s, e in c.content) for c in candidates]


def test_bounds_arrays_read_heads_and_labels(nlp: Any) -> None:
    state = _state(nlp, "The mayor praised the plan.")
    arrays = state.parse
    doc = state.doc
    assert list(arrays.heads) == [t.head.i for t in doc]
    assert list(arrays.deps) == [t.dep_ for t in doc]


def test_bounds_content_candidates_cut_before_the_cue_verbs_adjuncts(nlp: Any) -> None:
    text = "The governor endorsed the harbour plan on Tuesday in a letter to voters."
    state = _state(nlp, text)
    draft = _draft(
        state,
        "the harbour plan on Tuesday in a letter to voters",
        "endorsed",
        "The governor",
        "frame:verb",
    )
    found = _texts(state, content_candidates(state, state.parse, draft))
    assert found[0] == "the harbour plan on Tuesday in a letter to voters"  # the rules' own
    assert "the harbour plan" in found
    assert "the harbour plan on Tuesday" in found
    assert not any(f.endswith(".") for f in found)  # the final period is never content


def test_bounds_content_candidates_extend_to_the_sentence_end(nlp: Any) -> None:
    text = "The union said that wages would rise, which pleased the drivers."
    state = _state(nlp, text)
    draft = _draft(state, "that wages would rise", "said", "The union", "reported")
    found = _texts(state, content_candidates(state, state.parse, draft))
    assert "that wages would rise, which pleased the drivers" in found
    assert "wages would rise" in found  # the start after "that"


def test_bounds_content_candidates_never_cut_inside_a_quotation(nlp: Any) -> None:
    text = "\u201cWe will build the bridge, and we will pay for it,\u201d the mayor said on Friday."
    state = _state(nlp, text)
    content = "\u201cWe will build the bridge, and we will pay for it,\u201d"
    draft = _draft(state, content, "said", "the mayor", "direct:cue")
    found = _texts(state, content_candidates(state, state.parse, draft))
    assert found[0] == content
    assert all(f.startswith("\u201c") and f.endswith("\u201d") for f in found)


def test_bounds_source_candidates_drop_a_relative_clause(nlp: Any) -> None:
    text = "Anna Berg, who runs the ferry company, said that prices would fall."
    state = _state(nlp, text)
    draft = _draft(
        state,
        "that prices would fall",
        "said",
        "Anna Berg, who runs the ferry company,",
        "reported",
    )
    draft.source_token = state.parse.token_starts.index(text.index("Berg"))
    found = _texts(state, span_candidates(state, state.parse, draft, "src"))
    assert found[0] == "Anna Berg, who runs the ferry company,"
    assert "Anna Berg" in found and "Anna Berg," in found
    # No candidate reaches into the cue or the content.
    assert not any("said" in f or "prices" in f for f in found)


def test_bounds_cue_candidates_take_in_a_statement(nlp: Any) -> None:
    text = "The ministry said in a statement that the talks had ended."
    state = _state(nlp, text)
    draft = _draft(state, "that the talks had ended", "said", "The ministry", "reported")
    found = _texts(state, span_candidates(state, state.parse, draft, "cue"))
    assert found[0] == "said"
    assert "said in a statement" in found
    assert all("said" in f for f in found)  # the cue verb itself always stays


def _cut_draft(nlp: Any) -> tuple[QuoteState, Draft]:
    text = "The council rejected the bridge plan on Monday."
    state = _state(nlp, text)
    return state, _draft(
        state, "the bridge plan on Monday", "rejected", "The council", "frame:verb"
    )


def test_bounds_chooser_follows_what_it_was_trained_on(nlp: Any) -> None:
    state, draft = _cut_draft(nlp)
    arrays = state.parse
    group = content_candidates(state, arrays, draft)
    right = _texts(state, group).index("the bridge plan")
    # A chooser trained on examples whose right candidate is always this one picks it.
    model = fit_boundaries([BoundaryExample([c.features for c in group], right)] * 30)
    choose_bounds(state, [draft], model, ALL_ROLES)
    assert state.text[draft.start : draft.end] == "the bridge plan"
    # The analysis does not let it move contents (their cost outweighs their gain).
    state, draft = _cut_draft(nlp)
    choose_bounds(state, [draft], model)
    assert state.text[draft.start : draft.end] == "the bridge plan on Monday"
    # With a margin no candidate can beat, the rules' own boundaries stay.
    state, draft = _cut_draft(nlp)
    model.meta["margins"] = {"content": 1e9}
    choose_bounds(state, [draft], model, ALL_ROLES)
    assert state.text[draft.start : draft.end] == "the bridge plan on Monday"


def test_bounds_chooser_untrained_keeps_the_rules_boundaries(nlp: Any) -> None:
    state, draft = _cut_draft(nlp)
    choose_bounds(state, [draft], fit_boundaries([]), ALL_ROLES)
    assert state.text[draft.start : draft.end] == "the bridge plan on Monday"


def test_bounds_packaged_model_loads_and_is_used_by_default() -> None:
    model = BoundaryModel.load()
    assert set(model.meta["margins"]) == {"content", "src", "cue"}
    assert QuoteResources.load(Config()).boundaries is not None
    assert QuoteResources.load(Config(quotes="rules")).boundaries is None


@pytest.mark.parametrize(
    ("text", "rules_cue", "chosen_cue"),
    [
        # PolNeAR's cue takes in the statement the words were said in ...
        (
            "The ministry said in a statement that the talks had ended.",
            "said",
            "said in a statement",
        ),
        # ... and the verbs that carry the saying.
        (
            "The mayor went on to say that the bridge would reopen in June.",
            "to say",
            "went on to say",
        ),
    ],
)
def test_bounds_packaged_model_widens_a_cue(
    nlp: Any, text: str, rules_cue: str, chosen_cue: str
) -> None:
    parse = ParseIndex.build(nlp(text))
    model = QuoteResources.load(Config())
    without = QuoteResources(model.lexicon, model.marks, model.model)

    def cues(resources: QuoteResources) -> list[str]:
        return [text[d.cue[0] : d.cue[1]] for d in find_drafts(parse, resources) if d.cue]

    assert cues(without) == [rules_cue]
    assert cues(model) == [chosen_cue]
