"""The extract stage's loaded data files: one object, loaded once, passed in explicitly."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from parley.errors import KnowledgeBaseError
from parley.extract import ExtractResources, extract_article
from parley.extract.html_data import DATA_DIR
from parley.sources.document import Document

PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "html" / "jsonld_news.html"


def test_resources_load_is_frozen_and_filled() -> None:
    res = ExtractResources.load()
    assert res.html_rules and res.selectors.title_separators
    assert res.furniture.agencies and res.furniture.stamps.zones and res.codecs.charsets
    with pytest.raises(dataclasses.FrozenInstanceError):
        res.html_rules = ()  # type: ignore[misc]


def test_resources_given_or_default_give_the_same_article() -> None:
    document = Document(data=PAGE.read_bytes(), source=PAGE.name)
    given = extract_article(document, resources=ExtractResources.load())
    assert given == extract_article(document)


def test_resources_bad_file_fails_at_load(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / "html_furniture.tsv").write_text("nonsense\tline\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="html_furniture.tsv:1"):
        ExtractResources.load(data)


@pytest.mark.parametrize(
    ("name", "line"),
    [("footers.tsv", "hard\tsometimes\tRead more\n"), ("months.tsv", "Smarch\t13\n")],
)
def test_resources_bad_text_table_fails_at_load(tmp_path: Path, name: str, line: str) -> None:
    # The scraped-text and stamp tables are read at load time too, not on the first page.
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / name).write_text(line, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=f"{name}:1"):
        ExtractResources.load(data)
