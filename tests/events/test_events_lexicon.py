"""Tables: Goldstein, QuadClass, PLOVER, statement codes; the readers and their errors."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from parley.analysis import Config
from parley.errors import KnowledgeBaseError
from parley.events.coding import refine_with_complement
from parley.events.lexicon import (
    DATA,
    NO_EVENT,
    read_codes,
    read_evaluative,
    read_patterns,
    read_rallying,
    read_statement_subcodes,
    read_voice_nouns,
)
from parley.events.resources import EventResources
from parley.events.statements import alleges, stance_code


@pytest.fixture(scope="module")
def resources() -> EventResources:
    return EventResources.load(Config())


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
def test_lexicon_quad_class_by_root(resources: EventResources, code: str, quad: int) -> None:
    assert resources.quad_class(code) == quad


@pytest.mark.parametrize("code", ["99", "00", "ab"])
def test_lexicon_quad_class_rejects_non_cameo(resources: EventResources, code: str) -> None:
    with pytest.raises(ValueError):
        resources.quad_class(code)


@pytest.mark.parametrize(("code", "goldstein"), [("190", -10.0), ("057", 8.0), ("020", 3.0)])
def test_lexicon_goldstein_values(resources: EventResources, code: str, goldstein: float) -> None:
    # Figures of the Goldstein scale as GDELT lists them.
    info = resources.code_info(code)
    assert info is not None and info.goldstein == goldstein


@pytest.mark.parametrize(
    ("code", "plover"),
    [("036", "AGREE"), ("163", "COERCE"), ("025", "REQUEST"), ("010", None), ("0465", "CONSULT")],
)
def test_lexicon_plover_types(resources: EventResources, code: str, plover: str | None) -> None:
    # "0465" has no row of its own: it takes its parent's.
    info = resources.code_info(code)
    assert info is not None and info.plover == plover


def test_lexicon_covers_all_roots(resources: EventResources) -> None:
    patterns = [p for p in read_patterns(DATA / "verbs.tsv") if p.code != NO_EVENT]
    assert {p.code[:2] for p in patterns} == {f"{n:02d}" for n in range(1, 21)}
    assert all(p.code in resources.codes for p in patterns)


@pytest.mark.parametrize(
    ("governing", "complement", "code"),
    [("030", "040", "036"), ("020", "0874", "0256"), ("030", "190", "138"), ("010", "040", None)],
)
def test_lexicon_complement_codes(
    resources: EventResources, governing: str, complement: str, code: str | None
) -> None:
    assert refine_with_complement(governing, complement, resources.complement_codes) == code


@pytest.mark.parametrize(
    ("code", "stance", "negated", "statement"),
    [
        ("040", "intent", False, "036"),
        ("190", "intent", False, "138"),
        ("060", "obligation", False, "101"),
        ("190", "appeal", False, "020"),
        ("070", "intent", True, "122"),
        ("190", "obligation", False, None),
        # The action's own code picks the statement's sub-code (statement_subcodes.tsv).
        ("072", "intent", False, "0332"),
        ("0841", "intent", False, "0353"),
        ("0874", "obligation", False, "1056"),
        ("0841", "appeal", False, "0253"),
        ("085", "intent", True, "1244"),
        ("071", "intent", True, "1621"),  # statement_codes.tsv's own row wins
        ("194", "intent", False, "1384"),
        ("163", "intent", False, "1312"),
        ("0831", "obligation", False, "1041"),
    ],
)
def test_lexicon_statement_codes(
    resources: EventResources, code: str, stance: str, negated: bool, statement: str | None
) -> None:
    assert stance_code(code, stance, negated, resources.statement_codes) == statement


def test_lexicon_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "verbs.tsv"
    path.write_text("# header\nV\turge\t-\t020\nV\tattack\t-\tten\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"verbs\.tsv:3"):
        read_patterns(path)


def test_lexicon_no_event_sense_needs_a_condition(tmp_path: Path) -> None:
    path = tmp_path / "verbs.tsv"
    path.write_text("V\trelease\tobj:statement\t-\nV\trelease\t-\t-\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"verbs\.tsv:2"):
        read_patterns(path)


def test_lexicon_bad_condition(tmp_path: Path) -> None:
    path = tmp_path / "verbs.tsv"
    path.write_text("V\turge\tsideways:x\t020\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"verbs\.tsv:1"):
        read_patterns(path)


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("quad_classes.tsv", "01\t05\t7\tverbal cooperation\n"),
        ("complement_codes.tsv", "03\t04\n"),
        ("statement_codes.tsv", "wish\t04\t036\n"),
        ("modality.tsv", "will\tperhaps\taux\n"),
        ("receiving_verbs.txt", "face up\n"),
        ("symmetric_words.txt", "meet with\n"),
        ("policy_nouns.txt", "final bill\n"),
        ("gathering_words.txt", "annual meeting\n"),
        ("deaths.tsv", "Boromir\tlast spring\n"),
    ],
)
def test_lexicon_bad_table_names_file_and_line(tmp_path: Path, name: str, line: str) -> None:
    # A user editing a copy of the tables is told which line is wrong.
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / name).write_text("# a header\n" + line, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=re.escape(f"{name}:2")):
        EventResources.load(Config(), data=data)


def test_lexicon_stance_cues_name_allegation_verbs(  # type: ignore[no-untyped-def]
    nlp, resources: EventResources
) -> None:
    doc = nlp("Gondor claimed it. Gondor said it.")
    assert alleges(doc[1], resources.stance_cues)
    assert not alleges(doc[5], resources.stance_cues)


@pytest.mark.parametrize(
    ("name", "reader", "bad"),
    [
        ("evaluative.tsv", read_evaluative, "provocation\tcriticize\t3\t*\n"),
        ("evaluative.tsv", read_evaluative, "crime\tscold\t2\t*\n"),
        ("voice_nouns.txt", read_voice_nouns, "statement\tsomeone\n"),
        ("rallying.tsv", read_rallying, "people\tcrowd\n"),
    ],
)
def test_lexicon_statement_tables_reject_bad_rows(
    tmp_path: Path, name: str, reader: object, bad: str
) -> None:
    path = tmp_path / name
    path.write_text("# header\n" + bad, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=re.escape(name) + ":2"):
        reader(path)  # type: ignore[operator]


def test_lexicon_evaluative_word_listed_twice_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "evaluative.tsv"
    path.write_text("crime\taccuse\t2\t*\ncrime\tcriticize\t1\t*\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"evaluative\.tsv:2"):
        read_evaluative(path)


def test_lexicon_shipped_statement_tables_load(resources: EventResources) -> None:
    assert resources.evaluative_words["provocation"][0] == "criticize"
    assert resources.voice_nouns["paper"] == "media"
    assert resources.rallying_words["people"] == "public"
    assert resources.deaths["Kim Jong Il"].year == 2011


def test_lexicon_statement_subcodes_are_known_codes_of_their_family() -> None:
    codes = read_codes(DATA / "cameo_codes.tsv", DATA / "cameo_plover.tsv")
    for statement, rows in read_statement_subcodes(DATA / "statement_subcodes.tsv").items():
        assert statement in codes
        for action, subcode in rows.items():
            assert action in codes and subcode in codes
            assert codes[subcode].plover == codes[statement].plover


@pytest.mark.parametrize("bad", ["033\t07\t0331\n", "033\t072\t1032\n", "03\t072\t0332\n"])
def test_lexicon_statement_subcodes_reject_bad_rows(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "statement_subcodes.tsv"
    path.write_text("# header\n" + bad, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"statement_subcodes\.tsv:2"):
        read_statement_subcodes(path)
