"""The PETRARCH/TABARI verb dictionary reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.analysis import Config
from parley.errors import KnowledgeBaseError
from parley.events.petrarch import read_verb_dictionary
from tests.events.conftest import Code

DICTIONARY = """<!-- a test dictionary, written for this test -->
&FRUIT
+APPLE
+PEAR

--- BEFRIEND  [051]  ---
BEFRIEND  # a comment
CHERISH {CHERISHES CHERISHED}
SNUB [110]
- * WARMLY  [052]
- THEY * [999]

--- PONDER  [---] ---
PONDER
- * INVASION  [138]
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "test.verbs.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_petrarch_reads_verbs_and_patterns(tmp_path: Path) -> None:
    patterns = read_verb_dictionary(_write(tmp_path, DICTIONARY))
    got = {(p.lemma, p.condition, p.code) for p in patterns}
    assert ("befriend", None, "051") in got
    assert ("cherish", None, "051") in got
    assert ("snub", None, "110") in got
    assert ("befriend", ("word", "warmly"), "052") in got
    assert ("cherish", ("word", "warmly"), "052") in got
    assert ("ponder", ("word", "invasion"), "138") in got
    assert not any(p.lemma == "ponder" and p.condition is None for p in patterns)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("--- BEFRIEND  [051]  ---\nBEFRIEND\n- * WARMLY\n", 3),
        ("--- BEFRIEND  051  ---\nBEFRIEND\n", 1),
        ("- * WARMLY [052]\n", 1),
        ("--- BEFRIEND  [051]  ---\nBEFRIEND\n- * WARMLY [052\n", 3),
    ],
)
def test_petrarch_malformed_names_file_and_line(tmp_path: Path, text: str, line: int) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(KnowledgeBaseError, match=rf"test\.verbs\.txt:{line}"):
        read_verb_dictionary(path)


def test_petrarch_missing_file_is_clear(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="cannot read"):
        read_verb_dictionary(tmp_path / "absent.txt")


def test_petrarch_dictionary_extends_lexicon(code: Code, tmp_path: Path) -> None:
    path = _write(tmp_path, DICTIONARY)
    text = "Gondor befriended Rohan."
    actors = {"Gondor": "GON", "Rohan": "ROH"}
    assert code(text, actors) == ()
    events = code(text, actors, config=Config(petrarch_verbs=(path,)))
    assert [(e.source_actor, e.cameo, e.target_actor) for e in events] == [("GON", "051", "ROH")]


def test_petrarch_dictionary_wins_for_words_it_codes(code: Code, tmp_path: Path) -> None:
    # Parley codes "praise" 051; a user's dictionary that codes it otherwise is obeyed.
    path = _write(tmp_path, "--- PRAISE  [052]  ---\nPRAISE\n")
    text = "Gondor praised Rohan."
    actors = {"Gondor": "GON", "Rohan": "ROH"}
    assert [e.cameo for e in code(text, actors)] == ["051"]
    events = code(text, actors, config=Config(petrarch_verbs=(path,)))
    assert [e.cameo for e in events] == ["052"]


SYNSET_DICTIONARY = """&WHERE_
+AT
+ON

&COIN
+GUILDERS
+&METAL
+SILVER CROWNS

&METAL
+BRONZE

--- DONATE  [070]  ---
DONATE
- * &COIN  [071]
- * &WHERE TREATY  [057]
- * &NOWHERE  [999]
"""


def test_petrarch_synset_patterns(tmp_path: Path) -> None:
    # A lone synset is each of its one-word members (nested ones too); a synset before a
    # plain word is that word's pattern; an unknown synset is skipped.
    patterns = read_verb_dictionary(_write(tmp_path, SYNSET_DICTIONARY))
    got = {(p.lemma, p.condition, p.code) for p in patterns if p.condition}
    assert got == {
        ("donate", ("word", "guilders"), "071"),
        ("donate", ("word", "bronze"), "071"),
        ("donate", ("word", "treaty"), "057"),
    }


BEFORE_DICTIONARY = """--- SCOLD  [111]  ---
SCOLD
- HINTED *  [112]
- WERE ABLE TO *  [999]
- HAS &NOWHERE *  [998]
"""


def test_petrarch_words_before_the_verb(code: Code, tmp_path: Path) -> None:
    # "- HINTED *": the word before the verb, in its phrase, picks the code; function words
    # ("were able to") are no such word, and a synset before the verb is skipped.
    path = _write(tmp_path, BEFORE_DICTIONARY)
    patterns = read_verb_dictionary(path)
    assert {(p.condition, p.code) for p in patterns} == {
        (None, "111"),
        (("before", "hinted"), "112"),
        (("before", "able"), "999"),
    }
    actors = {"Gondor": "GON", "Rohan": "ROH"}
    config = Config(petrarch_verbs=(path,))
    hinted = code("Gondor hinted it scolded Rohan.", actors, config=config)
    assert [e.cameo for e in hinted if e.source_actor == "GON"] == ["112"]
    plain = code("Gondor scolded Rohan.", actors, config=config)
    assert [e.cameo for e in plain] == ["111"]
