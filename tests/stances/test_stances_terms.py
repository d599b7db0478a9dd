"""Issue terms: found on the parse, the longest first; the data files and the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.config import Config
from parley.errors import KnowledgeBaseError
from parley.nlp.index import ParseIndex
from parley.stances import StanceResources
from parley.stances.lexicon import read_terms, read_words
from tests.stances.conftest import parsed


def _words(*items: tuple[str, str, str]) -> list[tuple[str, str, str, str, str, int]]:
    return [(w, lemma, pos, "XX", "dep", 0 if i else -1) for i, (w, lemma, pos) in enumerate(items)]


def test_stances_terms_match_lemmas_and_take_the_longest(resources: StanceResources) -> None:
    doc = parsed(_words(
        ("joint", "joint", "ADJ"), ("military", "military", "ADJ"),
        ("exercises", "exercise", "NOUN"), ("and", "and", "CCONJ"),
        ("sanctions", "sanction", "NOUN"),
    ))  # fmt: skip
    hits = resources.terms.find(ParseIndex.build(doc))
    assert [(h.issue, h.start, h.end) for h in hits] == [
        ("military_exercises", 0, 3),
        ("sanctions", 4, 5),
    ]


def test_stances_terms_a_zero_phrase_hides_its_term(resources: StanceResources) -> None:
    doc = parsed(_words(("trade", "trade", "NOUN"), ("union", "union", "NOUN")))
    assert resources.terms.find(ParseIndex.build(doc)) == []


def test_stances_terms_an_acronym_matches_only_in_capitals(resources: StanceResources) -> None:
    name = parsed(
        _words(("Hamad", "Hamad", "PROPN"), ("Bin", "Bin", "PROPN"), ("Isa", "Isa", "PROPN"))
    )
    assert resources.terms.find(ParseIndex.build(name)) == []
    act = parsed(_words(("the", "the", "DET"), ("ISA", "ISA", "PROPN")))
    assert [h.issue for h in resources.terms.find(ParseIndex.build(act))] == ["sanctions"]


def test_stances_terms_part_of_speech_is_checked(resources: StanceResources) -> None:
    talk = parsed(_words(("They", "they", "PRON"), ("talk", "talk", "VERB")))
    talks = parsed(_words(("the", "the", "DET"), ("talks", "talk", "NOUN")))
    assert resources.terms.find(ParseIndex.build(talk)) == []
    assert [h.issue for h in resources.terms.find(ParseIndex.build(talks))] == ["negotiations"]


def test_stances_terms_users_file_adds_an_issue(tmp_path: Path) -> None:
    extra = tmp_path / "my-issues.tsv"
    extra.write_text("# my issues\nfisheries\tfishing quota\t+\n", encoding="utf-8")
    resources = StanceResources.load(Config(issues=(extra,)))
    assert "fisheries" in resources.issues
    doc = parsed(_words(("fishing", "fishing", "NOUN"), ("quotas", "quota", "NOUN")))
    assert [h.issue for h in resources.terms.find(ParseIndex.build(doc))] == ["fisheries"]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("Sanctions\tembargo\t+", "issue 'Sanctions'"),
        ("sanctions\tembargo\tyes", "sign 'yes'"),
        ("sanctions\tembargo\t+\tNOUNS", "part of speech 'NOUNS'"),
        ("sanctions\tembargo", "at least 3"),
    ],
)
def test_stances_terms_bad_lines_name_file_and_line(
    tmp_path: Path, line: str, problem: str
) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(f"# header\n{line}\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=f"bad.tsv:2: .*{problem}"):
        read_terms(path)


def test_stances_words_bad_kind_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "words.tsv"
    path.write_text("lift\t-\tverb\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="words.tsv:1: kind 'verb'"):
        read_words(path)
