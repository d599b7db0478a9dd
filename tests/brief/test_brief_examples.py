"""The brief of examples/ as the pipeline stores it (scripts/example.sh's job): every sentence
backed by the store, the dispute's events told with their reports, what comes next named."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from parley.config import Config
from parley.pipeline import Pipeline
from tests.brief.backing import problems

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def example_store(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    from parley.sources.corpus import CorpusOptions
    from parley.store.ingest import IngestOptions, ingest

    db = tmp_path_factory.mktemp("examples") / "example.duckdb"
    corpus = CorpusOptions(glob="*.txt")
    ingest([str(EXAMPLES)], db, config=Config(), corpus=corpus, options=IngestOptions(),
           pipeline=pipeline)  # fmt: skip
    return db


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    from parley.pipeline import default_pipeline

    return default_pipeline(Config())


def test_brief_examples_backed_by_the_store(example_store: Path) -> None:
    from parley.brief import article_brief, corpus_brief, render

    con = duckdb.connect(str(example_store), read_only=True)
    try:
        brief = corpus_brief(con, "KOR", "JPN")
        assert problems(con, brief) == []
        ids = [r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()]
        assert len(ids) == 4
        for aid in ids:
            assert problems(con, article_brief(con, aid)) == []
        text = render(brief, "md")
    finally:
        con.close()
    assert "This brief reads 4 articles from 3 outlets" in text
    # South Korea's protest of 4 March, reported by two outlets, is one event.
    assert "2024-03-04: South Korea to Japan" in text and "2 reports" in text
    # What comes next: the Onnuri's voyage and the next round in Tokyo.
    watch = text.split("## What to watch")[1].split("## Sources")[0]
    assert "2024-03-25" in watch and "2024-05" in watch


def test_brief_of_the_seed_is_backed_and_condenses_it(
    seed_path: Path, pipeline: Pipeline, tmp_path: Path
) -> None:
    from parley.brief import article_brief, render
    from parley.sources.corpus import CorpusOptions
    from parley.store.ingest import IngestOptions, ingest

    db = tmp_path / "seed.duckdb"
    ingest([str(seed_path)], db, config=Config(), corpus=CorpusOptions(),
           options=IngestOptions(), pipeline=pipeline)  # fmt: skip
    con = duckdb.connect(str(db), read_only=True)
    try:
        (aid,) = con.execute("SELECT article_id FROM articles").fetchone() or ("",)
        brief = article_brief(con, aid)
        assert problems(con, brief) == []
        text = render(brief, "md")
    finally:
        con.close()
    assert brief.dyad == ("PRK", "USA")
    for words in ("published by The Hankyoreh on 2018-11-12", "News analysis", "Park Min-hee",
                  "Mike Pompeo", "Lee Su-hyeong", "Yang Moo-jin"):  # fmt: skip
        assert words in text, words
