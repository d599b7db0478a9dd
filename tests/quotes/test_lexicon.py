"""The quote lexicon's data files and their error reporting."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from parley.errors import KnowledgeBaseError
from parley.quotes import QuoteResources
from parley.quotes.lexicon import DATA_DIR, load_lexicon


def test_lexicon_packaged_files_load(quote_resources: QuoteResources) -> None:
    lex = quote_resources.lexicon
    assert lex.cue_verbs["say"].frame == "any"
    assert "make clear" in lex.cue_verbs
    assert ("“", "”") in lex.mark_pairs
    assert "newspaper" in lex.descriptions


def test_lexicon_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "cue_verbs.tsv"
    path.write_text("# header\nsay\tspeech\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"cue_verbs.tsv:2"):
        load_lexicon(data)


def test_lexicon_unknown_class_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / "cue_verbs.tsv").write_text("say\tshouting\tany\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="shouting"):
        load_lexicon(data)


def test_lexicon_learned_frames_load(quote_resources: QuoteResources) -> None:
    frames = quote_resources.lexicon.cue_frames
    assert "ccomp" in frames["say"]
    assert "prep:for" in frames["call"]


def test_lexicon_malformed_frame_names_file_and_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / "cue_frames.tsv").write_text("# h\nsay\tclause\t3\t4\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"cue_frames.tsv:2"):
        load_lexicon(data)


def test_lexicon_stance_adjectives_join_the_learned_frames(
    quote_resources: QuoteResources,
) -> None:
    frames = quote_resources.lexicon.cue_frames
    assert "adj:prep:of" in frames["leery"]
    assert "adj:prep:of" in frames["critical"]  # learned and listed: one frame
    assert "adj:xcomp" in frames["eager"]  # a learned adjective keeps its own frames


def test_lexicon_malformed_stance_adjective_names_file_and_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / "stance_adjectives.tsv").write_text("# h\nwary\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"stance_adjectives.tsv:2"):
        load_lexicon(data)
