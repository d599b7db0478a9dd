"""The PETRARCH -> Parley knowledge converter, and the packaged Phoenix files it made."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from parley.errors import KnowledgeBaseError
from parley.kb import DATA_DIR, PHOENIX_FILES, load_knowledge_base, read_tsv
from parley.kb.convert import Origin, convert_dictionary

ORIGIN = Origin("example/dictionaries", "abc123", "dicts/Test.actors.txt", "MIT, (c) the authors")

# A small dictionary written for this test, in the TABARI/PETRARCH format.
ACTORS = """\
# a test dictionary
ARNOR_  [ARN]
+ARNORIAN_
+FORNOST_
ELENDIL_THE_TALL_
    [ARNGOV 19950101-19991231]
    [ARNELI]
UN_  [IGOUNO]
GONDOR_SENATE_ [GONLEG]
RHUDAUR_
+CAMEN_
    [ARN <920305]
    [RHU >920305]
NOBODY_ [---]
"""
AGENTS = """\
!PERSON! = MAN, WOMAN
SPOKES!PERSON! [~GOV]
FIELD_DOCTOR {FIELD_DOCTORS} [~HLH]
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_convert_actors_keeps_codes_dates_and_header(tmp_path: Path) -> None:
    source = _write(tmp_path, "Test.actors.txt", ACTORS)
    text = convert_dictionary(source, ORIGIN, frozenset({"ARN", "GON", "RHU"}))
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("example/dictionaries" in h and "abc123" in h for h in header)
    assert any("MIT, (c) the authors" in h for h in header)
    out = _write(tmp_path, "converted.tsv", text)
    facts = read_tsv(out, "phoenix").actors
    by_name = {(f.name, f.code): f for f in facts}
    elendil = by_name[("Elendil the Tall", "ARNGOV")]
    assert (elendil.start, elendil.end) == (date(1995, 1, 1), date(1999, 12, 31))
    assert elendil.kind == "person" and elendil.surname is None  # full names only
    assert ("Elendil the Tall", "ARNELI") in by_name
    # Short one-word names stay acronyms; "not an actor" codes give no row.
    assert ("UN", "IGOUNO") in by_name
    assert not any(f.name == "Nobody" for f in facts)
    arnor = by_name[("Arnor", "ARN")]
    assert set(arnor.aliases) == {"Arnorian", "Fornost"}
    # A state dated from its founding is still a country (its capital no person).
    rhudaur = by_name[("Rhudaur", "RHU")]
    assert rhudaur.kind == "country" and rhudaur.start == date(1992, 3, 5)


def test_convert_agents_expands_substitutions_and_plurals(tmp_path: Path) -> None:
    source = _write(tmp_path, "Test.agents.txt", AGENTS)
    out = _write(tmp_path, "roles.tsv", convert_dictionary(source, ORIGIN, frozenset()))
    roles = {phrase: sector for phrase, sector, _ in read_tsv(out).roles}
    assert roles == {
        "spokesman": "GOV",
        "spokeswoman": "GOV",
        "field doctor": "HLH",
        "field doctors": "HLH",
    }


def test_convert_rejects_a_file_that_is_no_dictionary(tmp_path: Path) -> None:
    source = _write(tmp_path, "empty.txt", "# nothing here\n")
    with pytest.raises(KnowledgeBaseError):
        convert_dictionary(source, ORIGIN, frozenset())


@pytest.mark.parametrize("name", PHOENIX_FILES)
def test_phoenix_files_ship_with_their_source(name: str) -> None:
    path = DATA_DIR / "phoenix" / name
    head = path.read_text(encoding="utf-8").split("\n", 6)[:6]
    assert any("openeventdata/petrarch2" in line for line in head)
    assert any("MIT" in line for line in head)


def test_phoenix_below_parley_and_the_user(tmp_path: Path) -> None:
    kb = load_knowledge_base()
    # Phoenix knows people Parley does not ...
    kim = kb.actor("Kang Sok Ju", date(2012, 3, 1))
    assert kim is not None and kim.source.startswith("phoenix:")
    # ... but a name Parley knows is Parley's, and a Phoenix alias of a person Parley knows
    # by name leads to Parley's facts.
    assert kb.actor("Barack Obama", date(2012, 3, 1)).source.startswith("parley:")  # type: ignore[union-attr]
    assert kb.actor("Obama", date(2012, 3, 1)).source.startswith("parley:")  # type: ignore[union-attr]
    # The pronoun "us" is no country, even though Phoenix lists "US".
    assert kb.actor("us") is None
    mine = _write(
        tmp_path,
        "mine.tsv",
        "name\tkind\tcode\tcountry\nKang Sok Ju\tperson\tPRKELI\tPRK\n",
    )
    user = load_knowledge_base((mine,))
    assert user.actor("Kang Sok Ju", date(2012, 3, 1)).code == "PRKELI"  # type: ignore[union-attr]
    none = load_knowledge_base(phoenix=())
    assert none.actor("Kang Sok Ju", date(2012, 3, 1)) is None


def test_kb_undated_prefers_an_office_to_the_default_code(tmp_path: Path) -> None:
    facts = _write(
        tmp_path,
        "people.tsv",
        "name\tkind\tcode\tcountry\tsector\tstart\tend\n"
        "Ann Arlo\tperson\tFRAELI\tFRA\tELI\t\t\n"
        "Ann Arlo\tperson\tFRAGOV\tFRA\tGOV\t2001-01-01\t2005-01-01\n",
    )
    kb = load_knowledge_base((facts,), phoenix=())
    assert kb.actor("Ann Arlo").code == "FRAGOV"  # type: ignore[union-attr]
    assert kb.actor("Ann Arlo", date(2010, 1, 1)).code == "FRAELI"  # type: ignore[union-attr]


def test_kb_person_found_without_a_middle_initial(tmp_path: Path) -> None:
    # "Ann B. Arlo": a middle initial the tables leave out; an organisation's stays its own.
    facts = _write(
        tmp_path,
        "people.tsv",
        "name\tkind\tcode\tcountry\tsector\tstart\tend\n"
        "Ann Arlo\tperson\tFRAGOV\tFRA\tGOV\t\t\n"
        "Arlo Works\torganization\tFRABUS\tFRA\tBUS\t\t\n",
    )
    kb = load_knowledge_base((facts,), phoenix=())
    assert kb.actor("Ann B. Arlo").code == "FRAGOV"  # type: ignore[union-attr]
    assert kb.actor("Arlo B. Works") is None


def test_kb_person_found_without_a_middle_name(tmp_path: Path) -> None:
    # "Ann Arlo" for the tables' "Ann Brisa Arlo", the one Arlo they list; "Tom Vale" is
    # none of two people named so, and a family name others bear says nothing.
    facts = _write(
        tmp_path,
        "people.tsv",
        "name\tkind\tcode\tcountry\tsector\tstart\tend\n"
        "Ann Brisa Arlo\tperson\tFRAGOV\tFRA\tGOV\t\t\n"
        "Tom Ulla Vale\tperson\tDEUGOV\tDEU\tGOV\t\t\n"
        "Tom Ivo Vale\tperson\tITAGOV\tITA\tGOV\t\t\n"
        "Eva Oda Moss\tperson\tESPGOV\tESP\tGOV\t\t\n"
        "Lee Moss\tperson\tGBRGOV\tGBR\tGOV\t\t\n",
    )
    kb = load_knowledge_base((facts,), phoenix=())
    assert kb.person_without_middle("Ann Arlo").code == "FRAGOV"  # type: ignore[union-attr]
    assert kb.person_without_middle("Tom Vale") is None
    assert kb.person_without_middle("Eva Moss") is None
    assert kb.person_without_middle("Ann Brisa") is None
