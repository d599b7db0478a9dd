"""Tables: Goldstein, QuadClass, PLOVER; the lexicon loaders and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.errors import KnowledgeBaseError
from parley.events.lexicon import (
    code_info,
    data_lines,
    load_codes,
    load_patterns,
    parse_patterns,
    quad_class,
)


@pytest.mark.parametrize(
    ("code", "quad"),
    [
        ("010", 1),
        ("057", 1),
        ("060", 2),
        ("0841", 2),
        ("090", 3),
        ("138", 3),
        ("140", 4),
        ("2042", 4),
    ],
)
def test_lexicon_quad_class_by_root(code: str, quad: int) -> None:
    assert quad_class(code) == quad


def test_lexicon_quad_class_rejects_non_cameo() -> None:
    with pytest.raises(ValueError):
        quad_class("99")


def test_lexicon_goldstein_values() -> None:
    # Figures of the Goldstein scale as GDELT lists them.
    assert code_info("190").goldstein == -10.0  # type: ignore[union-attr]
    assert code_info("057").goldstein == 8.0  # type: ignore[union-attr]
    assert code_info("020").goldstein == 3.0  # type: ignore[union-attr]


def test_lexicon_plover_types() -> None:
    assert code_info("036").plover == "AGREE"  # type: ignore[union-attr]
    assert code_info("163").plover == "COERCE"  # type: ignore[union-attr]
    assert code_info("025").plover == "REQUEST"  # type: ignore[union-attr]
    assert code_info("010").plover is None  # type: ignore[union-attr]


def test_lexicon_covers_all_roots() -> None:
    roots = {p.code[:2] for p in load_patterns()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert all(p.code in load_codes() for p in load_patterns())


def test_lexicon_unknown_subcode_takes_parent() -> None:
    info = code_info("0465")
    assert info is not None and info.plover == "CONSULT"


def test_lexicon_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "verbs.tsv"
    path.write_text("# header\nV\turge\t-\t020\nV\tattack\t-\tten\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"verbs\.tsv:3"):
        parse_patterns(data_lines(path), path)


def test_lexicon_bad_condition(tmp_path: Path) -> None:
    path = tmp_path / "verbs.tsv"
    path.write_text("V\turge\tsideways:x\t020\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"verbs\.tsv:1"):
        parse_patterns(data_lines(path), path)


def test_lexicon_stance_cues_name_allegation_verbs(nlp) -> None:  # type: ignore[no-untyped-def]
    from parley.events.statements import alleges

    doc = nlp("Gondor claimed it. Gondor said it.")
    assert alleges(doc[1])
    assert not alleges(doc[5])
