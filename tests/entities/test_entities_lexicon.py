"""The entity stage's data files: they load, and a malformed line names its file and line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from parley.entities.lexicon import DATA_DIR, load_lexicon, load_lexicon_from
from parley.errors import KnowledgeBaseError


def test_lexicon_loads_packaged_data() -> None:
    lex = load_lexicon()
    assert lex.roles["Secretary of State"] == "GOV"
    assert lex.role_sector("head of overseas strategies research") is None
    assert lex.role_sector("professor") == "EDU"
    assert lex.group_nouns["troops"] == "MIL"


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("roles.tsv", "Minister\tGOVERNMENT"),
        ("group_nouns.tsv", "troops"),
        ("pronouns.tsv", "he\tx"),
        ("org_words.tsv", "Agency\tplanet\tGOV"),
        ("regional_refs.tsv", "the West\tUSA,Europe\tUSA"),
        ("stop_tokens.txt", "KST\textra"),
    ],
)
def test_lexicon_malformed_line_names_file(tmp_path: Path, name: str, line: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    number = len((data / name).read_text(encoding="utf-8").splitlines()) + 1
    with (data / name).open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")
    # The error names the file and the line of the bad row.
    with pytest.raises(KnowledgeBaseError, match=rf"^{re.escape(name)}:{number}: "):
        load_lexicon_from(data)


def test_lexicon_load_reads_anew() -> None:
    # EntityResources keeps the one loaded copy; the loader caches nothing.
    assert load_lexicon() is not load_lexicon()
