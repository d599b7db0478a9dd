"""The Pipeline object: pickling, batches in order with failures as values, worker processes,
the ``analyze()`` front door, time limits and out-of-range publication times.

Every text here was written for these tests. The pipeline is the default one (loaded once for
the session and shared with ``parley.analyze``), so the model loads a single time.
"""

from __future__ import annotations

import dataclasses
import pickle
import threading
from pathlib import Path

import pytest

from parley import Analysis, Failure, Pipeline, analyze
from parley.errors import ExtractionError, InputError, ParleyError, TimeLimitExceeded
from parley.pipeline import Item, default_pipeline
from parley.sources import Document

pytestmark = pytest.mark.model

SHORT_TEXTS = (
    "The foreign minister of Norway said on Monday that the ceasefire talks would resume.",
    "Delegates from Chile and Peru met in Lima on Tuesday to discuss the fishing dispute.",
    "“We are ready to talk,” the envoy told reporters after the meeting in Vienna.",
    "Officials in Canberra declined to comment on the report about the new trade rules.",
)

# About 40,000 characters of plain news-like prose: long enough that its analysis takes far
# more than a twentieth of a second on any machine.
LONG_TEXT = " ".join(
    f"The negotiators from the two capitals met for round {i} of the talks on Wednesday, "
    f"and the spokesman said the sides had narrowed their differences on the border. "
    for i in range(250)
)


def _plain(text: str, source: str) -> Document:
    return Document(text.encode("utf-8"), source, content_type="text/plain; charset=utf-8")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return default_pipeline()


def _with_config(pipeline: Pipeline, **changes: object) -> Pipeline:
    """The same loaded resources under a changed limit (no second model load)."""
    config = dataclasses.replace(pipeline.config, **changes)  # type: ignore[arg-type]
    return Pipeline(dataclasses.replace(pipeline.resources, config=config))


def _summary(result: Analysis | Failure) -> object:
    """What two runs of the same input must agree on."""
    if isinstance(result, Failure):
        return ("failure", result.code)
    return result.to_dict()


# ------------------------------------------------------------------------- pickling ---
def test_pipeline_pickles_as_its_config(pipeline: Pipeline) -> None:
    data = pickle.dumps(pipeline)
    assert len(data) < 2_000  # the configuration, not the model
    loaded = pickle.loads(data)
    assert isinstance(loaded, Pipeline)
    assert loaded.config == pipeline.config
    result = loaded(_plain(SHORT_TEXTS[0], "pickled"))
    assert result.article.text.startswith("The foreign minister")
    assert _summary(result) == _summary(pipeline(_plain(SHORT_TEXTS[0], "pickled")))


def test_pipeline_pickles_a_changed_config(pipeline: Pipeline) -> None:
    changed = _with_config(pipeline, max_chars=1234, timeout=7.0)
    # What a worker receives (unpickling would load a second model: the test above does that).
    _rebuild, args = changed.__reduce__()
    assert args == (changed.config,)
    assert pickle.loads(pickle.dumps(args)) == (changed.config,)


# -------------------------------------------------------------------------- batches ---
@pytest.mark.parametrize(
    ("bad", "code"),
    [
        (Document(b"", "bad"), "E103"),
        (Document(b"\x00\x01\x02\x03\xff\xfe\x00\x00" * 64, "bad"), "E104"),
        (_plain("A sentence about the treaty. " * 40, "bad"), "E106"),
    ],
    ids=["empty", "binary", "over-max-chars"],
)
def test_pipeline_pipe_keeps_order_with_a_failure_inside(
    pipeline: Pipeline, bad: Document, code: str
) -> None:
    limited = _with_config(pipeline, max_chars=600)
    docs = [_plain(t, f"doc{i}") for i, t in enumerate(SHORT_TEXTS)]
    docs.insert(2, bad)
    results = list(limited.pipe(docs, batch_size=2))
    assert len(results) == len(docs)
    failure = results[2]
    assert isinstance(failure, Failure)
    assert failure.code == code and not failure.internal and failure.source == "bad"
    others = [r for i, r in enumerate(results) if i != 2]
    assert all(isinstance(r, Analysis) for r in others)
    texts = [r.article.text for r in others if isinstance(r, Analysis)]
    assert texts == list(SHORT_TEXTS)


def test_pipeline_pipe_takes_publication_times(pipeline: Pipeline) -> None:
    items: list[Item] = [(_plain(SHORT_TEXTS[0], "a"), "2019-03-04"), _plain(SHORT_TEXTS[1], "b")]
    first, second = pipeline.pipe(items)
    assert isinstance(first, Analysis) and isinstance(second, Analysis)
    assert first.article.published is not None and first.article.published.startswith("2019")
    monday = [t for t in first.timexes if t.text == "Monday"]
    assert monday and monday[0].value.startswith("2019-03")


def test_pipeline_pipe_texts_fails_an_out_of_range_time(pipeline: Pipeline) -> None:
    results = list(pipeline.pipe_texts([(SHORT_TEXTS[0], "0001-01-01"), (SHORT_TEXTS[1], None)]))
    assert isinstance(results[0], Failure) and results[0].code.startswith("E1")
    assert isinstance(results[1], Analysis)


def test_pipeline_pipe_two_processes_match_one(pipeline: Pipeline) -> None:
    # Tiny texts keep this fast; the cost is the two workers loading the model.
    docs = [_plain(t, f"doc{i}") for i, t in enumerate(SHORT_TEXTS)] + [Document(b"", "empty")]
    one = [_summary(r) for r in pipeline.pipe(docs, batch_size=2)]
    two = [_summary(r) for r in pipeline.pipe(docs, n_process=2, batch_size=2)]
    assert two == one
    assert one[-1] == ("failure", "E103")


def test_pipeline_pipe_refuses_zero_processes(pipeline: Pipeline) -> None:
    with pytest.raises(ValueError, match="n_process"):
        list(pipeline.pipe([], n_process=0))


# --------------------------------------------------------------------- analyze() ---
def test_analyze_refuses_a_bare_string() -> None:
    with pytest.raises(TypeError, match="Document"):
        analyze("Hello")  # type: ignore[arg-type]


def test_analyze_text_is_never_read_as_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "Hello").write_text(SHORT_TEXTS[0], "utf-8")
    monkeypatch.chdir(tmp_path)
    # One word is a title with no body for the text extractor (E201); what matters is that it
    # is the word that was analysed, not the file of the same name.
    try:
        result = analyze(text="Hello")
    except ExtractionError as err:
        assert "<text>" in err.message
    else:
        assert result.article.text == "Hello"


def test_analyze_text_that_names_a_file_is_the_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sentence = SHORT_TEXTS[3]
    (tmp_path / sentence).write_text(SHORT_TEXTS[1], "utf-8")
    monkeypatch.chdir(tmp_path)
    result = analyze(text=sentence)
    assert result.article.text == sentence
    assert result.article.source == "<text>"


def test_analyze_path_reads_the_file(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(SHORT_TEXTS[1], "utf-8")
    result = analyze(path=page)
    assert result.article.text == SHORT_TEXTS[1]
    assert result.article.source == str(page)


def test_analyze_refuses_two_inputs() -> None:
    with pytest.raises(TypeError, match="exactly one"):
        analyze(text="a", data=b"b")


# -------------------------------------------------------------------- time limits ---
def test_analyze_time_limit_raises_e301() -> None:
    with pytest.raises(TimeLimitExceeded) as caught:
        analyze(text=LONG_TEXT, timeout=0.05)
    assert caught.value.code == "E301"


def test_analyze_time_limit_in_a_thread() -> None:
    caught: list[BaseException] = []

    def work() -> None:
        try:
            analyze(text=LONG_TEXT, timeout=0.05)
        except TimeLimitExceeded as err:
            caught.append(err)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(60)
    assert not thread.is_alive()
    assert len(caught) == 1 and getattr(caught[0], "code", None) == "E301"


def test_pipeline_time_limit_is_not_an_exception() -> None:
    # A broad ``except Exception`` in a caller must not swallow it.
    assert not issubclass(TimeLimitExceeded, Exception)


# ------------------------------------------------------------ publication times ---
def test_analyze_refuses_a_given_time_out_of_range() -> None:
    with pytest.raises(InputError) as caught:
        analyze(text=SHORT_TEXTS[0], published="0001-01-01")
    assert isinstance(caught.value, ParleyError)


@pytest.mark.parametrize("stamp", ["0001-01-01", "9999-12-31"])
def test_analyze_drops_a_page_stamp_out_of_range(stamp: str) -> None:
    page = (
        "Border talks resume\n\n"
        f"Posted : {stamp} 10:00\n\n"
        "The deputy foreign minister said on Thursday that the border talks would resume in "
        "Geneva next month, officials in the capital confirmed after a long meeting.\n"
    )
    result = analyze(text=page)
    assert result.article.published is None
    assert any("out of range" in w for w in result.warnings)
    assert result.to_dict()["article"]["published"] is None


@pytest.mark.parametrize("stamp", ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"])
def test_analyze_drops_an_html_stamp_out_of_range(stamp: str) -> None:
    page = (
        f'<html><head><meta property="article:published_time" content="{stamp}">'
        "<title>Border talks resume</title></head><body><article><h1>Border talks resume</h1>"
        "<p>The deputy foreign minister said on Thursday that the border talks would resume in "
        "Geneva next month, officials in the capital confirmed after a long meeting.</p>"
        "<p>Both delegations are expected to bring new maps, a spokeswoman added.</p>"
        "</article></body></html>"
    )
    result = analyze(data=page.encode("utf-8"))
    assert result.article.published is None
    assert any("out of range" in w for w in result.warnings)


def test_pipeline_batches_share_a_memory_zone_and_free_it_when_full(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    import parley.pipeline as module

    pipeline.release()
    vocab = pipeline.resources.nlp.vocab
    before = len(vocab.strings)
    monkeypatch.setattr(module, "ZONE_DOCUMENTS", 4)
    texts = [f"Envoy Quarvin{n} met the minister of Zelbonia{n} on Friday." for n in range(6)]
    first = list(pipeline.pipe_texts(((t, None) for t in texts[:2]), batch_size=2))
    assert all(isinstance(r, Analysis) for r in first)
    # Two documents in: the zone is still open, holding their new words.
    assert vocab.in_memory_zone and len(vocab.strings) > before
    rest = list(pipeline.pipe_texts(((t, None) for t in texts[2:]), batch_size=2))
    assert all(isinstance(r, Analysis) for r in rest)
    assert "Quarvin5" in rest[-1].article.text
    # Six documents in (a zone of four ended, a second holds two); release frees them all.
    assert vocab.in_memory_zone
    pipeline.release()
    assert not vocab.in_memory_zone and len(vocab.strings) == before
    # A single-document call after batches runs in its own zone and leaves none open.
    list(pipeline.pipe_texts(((t, None) for t in texts[:2]), batch_size=2))
    pipeline(_plain(texts[0], "alone"))
    assert not vocab.in_memory_zone and len(vocab.strings) == before


def test_a_zone_that_ends_leaves_its_frequent_words_in_the_tokenizer_cache(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    import parley.pipeline as module

    pipeline.release()
    vocab = pipeline.resources.nlp.vocab
    monkeypatch.setattr(module, "ZONE_DOCUMENTS", 2)
    texts = [
        "Envoys of Vandrelia met the Ostmark delegation on Friday.",
        "Vandrelia and Ostmark agreed to meet again, said Pellquist.",
    ]
    results = list(pipeline.pipe_texts(((t, None) for t in texts), batch_size=2))
    assert all(isinstance(r, Analysis) for r in results)
    # The zone of two documents has ended: the words both used stay, the others are freed.
    assert not vocab.in_memory_zone
    assert "Vandrelia" in vocab.strings and "Ostmark" in vocab.strings
    assert "Pellquist" not in vocab.strings


def test_the_first_zone_is_short_and_each_next_twice_as_long(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A run's common words reach the tokenizer's cache after its first few documents, not
    # after ZONE_DOCUMENTS of them.
    import parley.pipeline as module

    monkeypatch.setattr(module, "ZONE_DOCUMENTS", 8)
    pipeline.release()
    monkeypatch.setattr(pipeline, "_zone_size", 2)  # as a new pipeline's first zone
    fresh = pipeline
    vocab = fresh.resources.nlp.vocab
    texts = [f"Envoys of Vandrelia met Kessig{n} in Ostmark on Friday." for n in range(16)]
    ended = []
    for n in range(0, 16, 2):
        list(fresh.pipe_texts(((t, None) for t in texts[n : n + 2]), batch_size=2))
        ended.append(not vocab.in_memory_zone)
    # Zones of 2, 4 and 8 documents end after the 2nd, 6th and 14th.
    assert ended == [True, False, True, False, False, False, True, False]
    assert "Vandrelia" in vocab.strings
    fresh.release()


def test_pipeline_settles_its_resources_out_of_the_collector(pipeline: Pipeline) -> None:
    # The loaded model and tables are frozen out of the collector's generations: a full
    # collection would otherwise walk them again and again.
    import gc

    list(pipeline.pipe_texts([("Envoys met in Oslo on Monday.", None)] * 2))
    assert gc.get_freeze_count() > 0


def test_an_article_without_a_publication_time_is_warned_about() -> None:
    text = (
        "The delegations of Norway and Chile met in Geneva on Monday and agreed to meet again "
        "on Friday. "
        "Officials said the talks had gone well."
    )
    undated = analyze(text=text)
    (warning,) = [w for w in undated.warnings if w.startswith("no publication time")]
    assert "2 relative time expressions ('Monday', 'Friday') are unresolved" in warning
    assert all(event.date is None for event in undated.events)
    dated = analyze(text=text, published="2024-03-06")
    assert not [w for w in dated.warnings if w.startswith("no publication time")]
    assert dated.events and all(event.date for event in dated.events)
    plain = analyze(text="Officials said the talks had gone well.")
    assert "no publication time: events take no date from it" in plain.warnings


def test_pipeline_reads_a_short_english_sentence(pipeline: Pipeline) -> None:
    # The language statistics take these words for Maltese (probability 0.6): an article the
    # statistics cannot place is read as English, not skipped with every NLP stage.
    short = _plain("Kim visited Beijing in March.", "short.txt")
    analysis = pipeline(short, published="2011-11-05")
    assert not any("not English" in w for w in analysis.warnings)
    assert [(t.text, t.value) for t in analysis.timexes] == [("March", "2011-03")]
