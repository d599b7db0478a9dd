"""The pipeline fuzzer's CI slice, and property tests over the whole pipeline.

The slice runs ``scripts/fuzz.py``'s own generator (``bench/fuzz_inputs.py``) on built-in
templates only (no gold data needed, same inputs on every machine) through one pipeline:
every input must give an Analysis that keeps the contract or a Failure with a Parley code
(not E900). Pages of several seconds each (``long-html``) are left to the full command; one
long page is checked on its own below.

Bugs already reported to the stage that owns them are listed in ``KNOWN``: a test that meets
only those ends as xfail (visible in the summary, not silently green) and passes once they
are fixed; anything else fails. Hypothesis is derandomized and keeps no database, so the
examples are the same on every run.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.errors import ParleyError, TimeLimitExceeded
from parley.pipeline import Pipeline, default_pipeline
from parley.records import Analysis
from parley.sources import Document

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[1]
# Inputs in the slice: 2,000, as the hardening issue asks, take about 90 s of CPU on one core
# of this machine (measured 0.045 s an input over 500). PARLEY_FUZZ_SLICE changes it.
SLICE = int(os.environ.get("PARLEY_FUZZ_SLICE", "2000"))
SEED = 20261203

# Message fragment of a bug already reported -> who owns it.
KNOWN: dict[str, str] = {}


def _load_fuzz() -> ModuleType:
    """scripts/fuzz.py as a module (it puts bench/ on the path for its generators)."""
    spec = importlib.util.spec_from_file_location("parley_fuzz", REPO / "scripts" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


fuzz = _load_fuzz()
inputs = sys.modules["fuzz_inputs"]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    made = default_pipeline()
    fuzz.warm_up(made)
    return made


def _known(message: str) -> str | None:
    return next((owner for fragment, owner in KNOWN.items() if fragment in message), None)


def _judge(findings: list[str]) -> None:
    """Fail on any unknown finding; xfail when every finding is a known bug."""
    unknown = [f for f in findings if _known(f) is None]
    assert not unknown, "\n".join(unknown[:20])
    if findings:
        owners = sorted({_known(f) or "" for f in findings})
        pytest.xfail(f"{len(findings)} inputs hit known bugs: {'; '.join(owners)}")


def test_fuzz_pipeline_generator_is_deterministic() -> None:
    corpus = inputs.Corpus()
    first = [(i.kind, i.data, i.content_type, i.published)
             for i in inputs.generate(SEED, 40, corpus)]
    again = [(i.kind, i.data, i.content_type, i.published)
             for i in inputs.generate(SEED, 40, corpus)]
    assert first == again
    one = inputs.make_input(SEED, 17, corpus)
    assert one.data == first[17][1]


def test_fuzz_pipeline_slice(pipeline: Pipeline) -> None:
    skip = frozenset({"long-html"})
    findings = []
    seen = 0
    for out in fuzz.run(pipeline, inputs.generate(SEED, SLICE, inputs.Corpus(), skip=skip)):
        seen += 1
        if out.code is not None:
            assert out.code.startswith("E") and len(out.code) == 4, out
        if out.bad:
            what = out.message or "; ".join(out.problems)
            findings.append(f"{out.input.name} ({out.input.content_type}, "
                            f"published={out.input.published!r}): {what}")
    assert seen == SLICE
    _judge(findings)


def test_fuzz_pipeline_long_page(pipeline: Pipeline) -> None:
    import random

    rng = random.Random(SEED)
    page = inputs.html_page(rng, inputs.news_text(rng, 200), "2018-11-12")
    outs = list(fuzz.run(pipeline, iter([inputs.FuzzInput(0, "long", inputs.raw(page),
                                                           "text/html")])))
    assert len(outs) == 1 and outs[0].code in (None, "E301", "E900")
    _judge([outs[0].message or "; ".join(outs[0].problems)] if outs[0].bad else [])


# ------------------------------------------------------------------- properties ---
_DATES = st.sampled_from([None, *inputs.GIVEN_DATES[3:], "2018-13-45", "not a date", ""])
_WORDS = st.sampled_from([
    "John Smith", "said", "HE", "SHE", "THEY", "would", "go", ".", ",", "the talks", "Monday",
    "“", "”", '"', "North Korea", "Mike Pompeo", "told reporters", "WE", "IT", "\n\n",
    "on 12 November", "next week", "in 2019", "THE TALKS WILL RESUME", "Kim Jong Un", "met",
])
_TEXTS = st.lists(_WORDS | st.text(max_size=8), min_size=1, max_size=60).map(" ".join)
_STAMPS = st.sampled_from(inputs.EDGE_DATES)
PROPERTY = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _analyse(pipeline: Pipeline, document: Document, published: str | None,
             found: list[str]) -> None:
    """An Analysis that keeps the contract, or a Parley error; a known bug is noted."""
    try:
        result = pipeline(document, published=published, timeout=30)
    except (ParleyError, TimeLimitExceeded) as err:
        assert err.code.startswith("E") and err.code != "E900"
        return
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, RecursionError) as err:
        message = f"{type(err).__name__}: {err}"
        if _known(message) is None:
            raise
        found.append(message)
        return
    assert isinstance(result, Analysis)
    assert inputs.contract_problems(result) == []


def test_fuzz_pipeline_property_text_dates_pronouns(pipeline: Pipeline) -> None:
    found: list[str] = []

    @PROPERTY
    @given(text=_TEXTS, published=_DATES, stamp=_STAMPS, html=st.booleans())
    def check(text: str, published: str | None, stamp: str, html: bool) -> None:
        page = (f"<html><head><meta name=\"date\" content=\"{stamp}\"></head><body><article>"
                f"<p>{text}</p></article></body></html>") if html else f"{stamp}\n\n{text}"
        kind = "text/html" if html else "text/plain"
        document = Document(inputs.raw(page), "<property>", content_type=kind)
        _analyse(pipeline, document, published, found)

    check()
    _judge(found)


def test_fuzz_pipeline_property_verbatim_text(pipeline: Pipeline) -> None:
    found: list[str] = []

    @PROPERTY
    @given(text=_TEXTS, published=_DATES)
    def check(text: str, published: str | None) -> None:
        try:
            result = pipeline.analyze_text(text, published=published, timeout=30)
        except (ParleyError, TimeLimitExceeded) as err:
            assert err.code != "E900"
            return
        except (TypeError, ValueError, KeyError, IndexError, AttributeError) as err:
            message = f"{type(err).__name__}: {err}"
            if _known(message) is None:
                raise
            found.append(message)
            return
        assert result.article.text == text
        assert inputs.contract_problems(result) == []

    check()
    _judge(found)
