"""User knowledge files (Parley TSV) and TABARI/PETRARCH dictionaries: reading, merging,
date-restricted codes, and errors that name the file and line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from parley.errors import KnowledgeBaseError
from parley.kb import load_knowledge_base, read_petrarch, read_tsv

USER_ACTORS = """\
# Invented actors for a test.
name\taliases\tkind\tcode\tcountry\tsector\troles\tstart\tend
Arlo Venn\tA. Venn\tperson\tPRTGOV\tPRT\tGOV\tEnvoy to the Moon\t2019-03-01\t2020-03-01
Arlo Venn\t\tperson\tPRTEDU\tPRT\tEDU\tProfessor\t2020-03-01\t
Voice of America\t\tmedia\tUSAGOVMED\tUSA\tMED\t\t\t
"""

USER_ROLES = """\
# A role word for a test.
role\tsector
lighthouse keeper\tMIL
"""

USER_COUNTRIES = """\
iso3\tcode\tname\tnames\tdemonyms\tcapitals
XAR\tXAR\tArnoria\tRealm of Arnoria|ARN\tArnorian\tFornost
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_kb_tsv_user_files_extend_and_override(tmp_path: Path) -> None:
    files = (
        write(tmp_path, "mine.tsv", USER_ACTORS),
        write(tmp_path, "roles.tsv", USER_ROLES),
        write(tmp_path, "lands.tsv", USER_COUNTRIES),
    )
    kb = load_knowledge_base(files)
    venn = kb.actor("A. Venn", date(2019, 6, 1))
    assert venn is not None and venn.code == "PRTGOV" and venn.source == "user:mine.tsv:3"
    later = kb.actor("Venn", date(2021, 1, 1))
    assert later is None  # surnames alone are the surname index's business
    assert kb.surname_index(date(2021, 1, 1))["venn"][0].code == "PRTEDU"
    # A user fact is preferred to Parley's own for the same name.
    voa = kb.actor("Voice of America")
    assert voa is not None and voa.code == "USAGOVMED"
    assert kb.role_sector("lighthouse keeper") == "MIL"
    arnoria = kb.country("the Realm of Arnoria's")
    assert arnoria is not None and arnoria.iso3 == "XAR"
    assert kb.country_by_capital("Fornost") is arnoria
    # The built-in knowledge is still there.
    assert kb.country("N. Korea") is not None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name\tkind\tcode\nBad Date\tperson\tUSAGOV\n", None),
        ("name\tstart\nSomeone\t2019-13-01\n", "bad.tsv:2: bad date"),
        ("name\tkind\nSomeone\tplanet\n", "bad.tsv:2: unknown kind 'planet'"),
        ("name\tcode\nSomeone\tusa gov\n", "bad.tsv:2: bad actor code"),
        ("# only a comment\nname\tcountry\nA\tUS\n", "bad.tsv:3: bad country"),
        ("name\tstart\tend\nA\t2020-01-01\t2019-01-01\n", "bad.tsv:2: end 2019-01-01 is not after"),
        ("iso3\tcode\tname\tnames\tdemonyms\tcapitals\nUS\tUSA\tX\t\t\t\n", "bad.tsv:2: bad iso3"),
        ("iso3\tcode\nUSA\tUSA\n", "bad.tsv:1: countries header lacks"),
        ("role\tsector\nsoldier\tmilitary\n", "bad.tsv:2: bad sector"),
        ("colour\tshape\nred\tround\n", "bad.tsv:1: header row not recognised"),
        ("name\tcode\nA\tUSAGOV\textra\n", "bad.tsv:2: 3 columns, the header has 2"),
        ("# nothing but comments\n", "bad.tsv: no header row"),
    ],
)
def test_kb_tsv_malformed_lines_name_file_and_line(
    tmp_path: Path, text: str, message: str | None
) -> None:
    path = write(tmp_path, "bad.tsv", text)
    if message is None:
        assert len(read_tsv(path).actors) == 1
        return
    with pytest.raises(KnowledgeBaseError) as err:
        read_tsv(path)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_kb_missing_file_is_a_knowledge_base_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="knowledge file not found"):
        load_knowledge_base((tmp_path / "nope.tsv",))
    with pytest.raises(KnowledgeBaseError, match="knowledge file not found"):
        load_knowledge_base((), (tmp_path / "nope.txt",))
    with pytest.raises(KnowledgeBaseError, match="not a file"):
        load_knowledge_base((tmp_path,))


def test_kb_tsv_not_utf8_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.tsv"
    path.write_bytes("name\nJos\xe9\n".encode("latin-1"))
    with pytest.raises(KnowledgeBaseError, match="not UTF-8"):
        read_tsv(path)


ACTORS_DICT = """\
<!-- A small actor dictionary written for this test,
     in the TABARI/PETRARCH format. -->
# a comment line
ARNOR_  [ARN]
+ARNORIAN_
+FORNOST_  # a synonym with a comment

GOLDBERRY_WEAVER  # codes on the lines below, restricted by date
\t[ARNGOV 20180426-20210120]
\t[ARNELI >20210120]
\t[ARN]
OLD_KING  [ARNGOV <991231] [ARNELI]
TWIN_CITIES  [ARN/GON]
NOT_AN_ACTOR  [---]
HOBBITON_TIMES  [ARNMED]
"""

AGENTS_DICT = """\
!MINST! = MINISTER, MINISTRY
HARBOUR_!MINST! [~GOV]
SEA_CAPTAIN {SEA_CAPTAINS} [~MILNAV]
RIGHTS_BODY  [NGO~]
"""


def test_kb_petrarch_actor_dictionary(tmp_path: Path) -> None:
    path = write(tmp_path, "Tiny.actors.txt", ACTORS_DICT)
    read = read_petrarch(path, frozenset({"ARN", "GON"}))
    assert read.warnings == []
    kb = load_knowledge_base((), (path,))
    assert kb.actor("Fornost") is not None and kb.actor("Fornost").code == "ARN"  # type: ignore[union-attr]
    weaver = kb.actor("Goldberry Weaver", date(2018, 11, 12))
    assert weaver is not None and weaver.code == "ARNGOV" and weaver.kind == "person"
    assert weaver.source == "petrarch:Tiny.actors.txt:9"
    after = kb.actor("GOLDBERRY WEAVER", date(2022, 6, 1))
    assert after is not None and after.code == "ARNELI"
    undated = kb.actor("Goldberry Weaver", date(2010, 1, 1))
    assert undated is not None and undated.code == "ARN"  # the undated default
    king = kb.actor("Old King", date(1995, 1, 1))
    assert king is not None and king.code == "ARNGOV"
    assert king.end == date(1999, 12, 31)  # six-digit years: 99 -> 1999
    assert {a.code for a in kb.actors("Twin Cities")} == {"ARN", "GON"}
    assert kb.actor("Not an actor") is not None and kb.actor("Not an actor").code is None  # type: ignore[union-attr]
    times = kb.actor("Hobbiton Times")
    assert times is not None and times.kind == "media" and times.sector == "MED"


def test_kb_petrarch_agent_dictionary(tmp_path: Path) -> None:
    path = write(tmp_path, "Tiny.agents.txt", AGENTS_DICT)
    kb = load_knowledge_base((), (path,))
    assert kb.role_sector("harbour minister") == "GOV"
    assert kb.role_sector("harbour ministry") == "GOV"
    assert kb.role_sector("sea captains") == "MIL"
    assert kb.role_sector("rights body") == "NGO"
    # Parley's own roles stay.
    assert kb.role_sector("lawmaker") == "LEG"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ARNOR_ [ARN\n", "Bad.txt:1: unbalanced '['"),
        ("ARNOR_ ARN]\n", "Bad.txt:1: unbalanced ']'"),
        ("ARNOR_ [~GOV}\n", "Bad.txt:1: unbalanced"),
        ("ARNOR_\n\t[ARNGOV 2018042-20210120]\n", "Bad.txt:2: bad date '2018042'"),
        ("ARNOR_\n\t[ARNGOV 20181342-20210120]\n", "Bad.txt:2: bad date '20181342'"),
        ("+ARNORIAN\nARNOR_ [ARN]\n", "Bad.txt:1: synonym before any entry"),
        ("ARNOR_ [ARN]\nGONDOR_\n", "Bad.txt:2: entry 'GONDOR' has no [code]"),
        ("X_!NOPE! [~GOV]\n", "Bad.txt:1: substitution set !NOPE! not defined"),
        ("ARNOR_ [ARN 1999 2000]\n", "Bad.txt:1: cannot read code block"),
    ],
)
def test_kb_petrarch_strict_errors_name_file_and_line(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, "Bad.txt", text)
    with pytest.raises(KnowledgeBaseError) as err:
        read_petrarch(path, strict=True)
    assert message in str(err.value)


def test_kb_petrarch_lenient_skips_a_bad_line_and_warns(tmp_path: Path) -> None:
    good = "".join(f"PLACE_{i}_ [ARN]\n" for i in range(200))
    path = write(tmp_path, "Mostly.txt", good + "BROKEN_ [ARN\n")
    read = read_petrarch(path)
    assert len(read.actors) == 200
    assert read.warnings == ["Mostly.txt:201: unbalanced '['"]
    kb = load_knowledge_base((), (path,))
    assert kb.warnings == ("Mostly.txt:201: unbalanced '['",)


def test_kb_petrarch_rejects_a_file_that_is_no_dictionary(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.txt", "Dear diary,\nToday [was long.\nAnd ] odd.\n")
    with pytest.raises(KnowledgeBaseError):
        read_petrarch(path)
    comment = write(tmp_path, "open.txt", "<!-- never closed\nARNOR_ [ARN]\n")
    with pytest.raises(KnowledgeBaseError, match="never closed"):
        read_petrarch(comment)


def test_kb_petrarch_reads_the_validation_dictionaries(shared_data: Path) -> None:
    folder = shared_data / "petrarch" / "dictionaries"
    actors = folder / "PETR.Validate.actors.txt"
    agents = folder / "PETR.Validate.agents.txt"
    read = read_petrarch(actors, frozenset({"USA", "PRK", "KOR", "ISR"}), strict=True)
    assert len(read.actors) > 100
    kb = load_knowledge_base((), (actors, agents))
    # Date-restricted codes of the validation suite.
    assert kb.actor("Sam Gamgee", date(2009, 1, 1)).code == "HOBMIL"  # type: ignore[union-attr]
    assert kb.actor("Sam Gamgee", date(2014, 1, 1)).code == "HOBELI"  # type: ignore[union-attr]
    assert kb.actor("Gollum", date(1997, 1, 1)).code == "HOBGOV"  # type: ignore[union-attr]
    assert kb.actor("Smeagol", date(2001, 1, 1)).code == "HOBREB"  # type: ignore[union-attr]
    assert kb.role_sector("foreign minister") == "GOV"
    assert kb.role_sector("congressman") == "LEG"
    # Parley's own facts win over the validation suite's for the same name.
    assert kb.country("North Korea").iso3 == "PRK"  # type: ignore[union-attr]
