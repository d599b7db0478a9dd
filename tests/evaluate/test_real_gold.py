"""The real-text gold's reader: the story list, the texts, and every check of an annotation line.

The story and its annotations are invented for these tests (a KCNA-shaped record with the
``, , ,`` paragraph joins of the 2011-12 corpus)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from parley.errors import EvaluationError
from parley.evaluate.real.gold import (
    ADJUDICATED,
    Story,
    StoryText,
    gold_for_scoring,
    read_annotations,
    read_stories,
    read_texts,
)

TEXT = (
    "Pyongyang, March 3 (KCNA) -- Delegations of Ruritania and Freedonia met in Geneva on "
    "Tuesday., , The Ruritanian side demanded that Freedonia withdraw its troops., , "
    "A spokesman for the Ruritanian Foreign Ministry said the talks were useful., , ,"
)
FILE = "corpus/invented/stories.jsonl"
DOC = "INV:1"
PUBLISHED = "2012-03-03"


def at(word: str, nth: int = 0) -> list[int]:
    """The [start, end] of the nth occurrence of ``word`` in TEXT."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return [start, start + len(word)]


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def record(annotator: str = "a1") -> dict[str, Any]:
    return {
        "doc": DOC,
        "file": FILE,
        "annotator": annotator,
        "text_sha1": sha1(TEXT),
        "published": PUBLISHED,
        "events": [
            {
                "trigger": at("met"),
                "source": {"code": "RUR", "span": at("Ruritania")},
                "target": {"code": "FRE", "span": at("Freedonia")},
                "cameo": "040",
                "modality": "asserted",
                "date": "2012-02-28",
                "date_basis": "text",
            },
            {
                "trigger": at("demanded"),
                "source": {"code": "RURGOV", "span": at("side")},
                "target": {"code": None, "span": at("Freedonia", 1)},
                "cameo": "1056",
                "modality": "asserted",
                "date": PUBLISHED,
                "date_basis": "published",
                "note": "withdrawal demanded",
            },
        ],
        "quotes": [
            {
                "speaker": {"code": "RURGOV", "span": at("spokesman")},
                "cue": at("said"),
                "content": [[at("the talks")[0], at("useful")[1]]],
                "kind": "indirect",
                "block": False,
            }
        ],
    }


# Invented country codes are not in Parley's table, so these tests use real ones.
CODES = {"RUR": "NOR", "FRE": "SWE", "RURGOV": "NORGOV"}


def _real_codes(rec: dict[str, Any]) -> dict[str, Any]:
    for event in rec["events"]:
        for side in ("source", "target"):
            actor = event[side]
            if actor and actor["code"]:
                actor["code"] = CODES[actor["code"]]
    for quote in rec["quotes"]:
        quote["speaker"]["code"] = CODES[quote["speaker"]["code"]]
    return rec


STORIES = {DOC: Story(FILE, DOC, "dev", ("a1", "a2"))}
TEXTS = {DOC: StoryText(TEXT, PUBLISHED)}


def write(tmp_path: Path, *records: dict[str, Any], name: str = "a1.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_real_gold_reads_a_valid_file(tmp_path: Path) -> None:
    path = write(tmp_path, _real_codes(record()))
    (story,) = read_annotations(path, STORIES, TEXTS)
    assert story.doc == DOC and story.annotator == "a1"
    met, demanded = story.events
    assert TEXT[slice(*met.trigger)] == "met"
    assert met.source is not None and met.source.code == "NOR"
    assert demanded.target is not None and demanded.target.code is None
    assert demanded.date_basis == "published"
    (quote,) = story.quotes
    assert TEXT[slice(*quote.content[0])] == "the talks were useful"


def _broken(change: str) -> dict[str, Any]:
    rec = _real_codes(record())
    event = rec["events"][0]
    quote = rec["quotes"][0]
    if change == "offset":
        event["trigger"] = [len(TEXT) - 2, len(TEXT) + 5]
    elif change == "empty":
        event["trigger"] = [10, 10]
    elif change == "sha1":
        rec["text_sha1"] = sha1(TEXT + " ")
    elif change == "cameo":
        event["cameo"] = "0999"
    elif change == "actor":
        event["source"]["code"] = "XYZGOV"
    elif change == "role":
        event["source"]["code"] = "NORXXX"
    elif change == "self":
        event["target"]["code"] = "NOR"
    elif change == "modality":
        event["modality"] = "maybe"
    elif change == "date":
        event["date"] = "2012-02-30"
    elif change == "basis":
        event["date_basis"] = None
    elif change == "field":
        event["modallity"] = "asserted"
    elif change == "doc":
        rec["doc"] = "INV:2"
    elif change == "published":
        rec["published"] = "2012-03-04"
    elif change == "kind":
        quote["kind"] = "reported"
    elif change == "content":
        quote["content"] = []
    elif change == "plover":
        event["plover"] = "HUG"
    return rec


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("offset", "event 0 trigger"),
        ("empty", "is not inside the text"),
        ("sha1", "does not match the text"),
        ("cameo", "is not a CAMEO event code"),
        ("actor", "XYZ is not a country"),
        ("role", "XXX is not a known role code"),
        ("self", "same code NOR"),
        ("modality", "modality 'maybe'"),
        ("date", "not a calendar date"),
        ("basis", "has a date but no date_basis"),
        ("field", "unknown field 'modallity'"),
        ("doc", "is not in stories.tsv"),
        ("published", "is not the story's date"),
        ("kind", "quote 0 kind"),
        ("content", "non-empty list"),
        ("plover", "plover 'HUG'"),
    ],
)
def test_real_gold_errors_name_file_and_line(tmp_path: Path, change: str, message: str) -> None:
    # A good line first, so the error must name the second.
    path = write(tmp_path, _real_codes(record()), _broken(change))
    with pytest.raises(EvaluationError) as err:
        read_annotations(path, STORIES, TEXTS)
    assert "a1.jsonl:2:" in str(err.value)
    assert message in str(err.value)


def test_real_gold_rejects_bad_json_and_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "a2.jsonl"
    path.write_text('{"doc": \n', encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"a2.jsonl:1: not JSON"):
        read_annotations(path, STORIES, TEXTS)
    rec = _real_codes(record())
    path = write(tmp_path, rec, rec)
    with pytest.raises(EvaluationError, match="annotated twice"):
        read_annotations(path, STORIES, TEXTS)


def test_real_gold_story_list_and_texts(tmp_path: Path) -> None:
    (tmp_path / "stories.tsv").write_text(
        f"file\tid\tsplit\tannotators\n{FILE}\t{DOC}\tdev\ta1,a2\n", encoding="utf-8"
    )
    (story,) = read_stories(tmp_path / "stories.tsv")
    assert story == Story(FILE, DOC, "dev", ("a1", "a2"))
    data = tmp_path / "data"
    (data / "corpus" / "invented").mkdir(parents=True)
    lines = [
        {"id": "INV:10", "date": "2012-03-09", "text": "Another story."},
        {"id": DOC, "date": PUBLISHED, "text": TEXT},
    ]
    (data / FILE).write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    texts = read_texts(data, [story])
    assert texts[DOC] == StoryText(TEXT, PUBLISHED)
    (tmp_path / "bad.tsv").write_text(
        f"file\tid\tsplit\tannotators\n{FILE}\t{DOC}\ttrain\ta1\n", encoding="utf-8"
    )
    with pytest.raises(EvaluationError, match=r"bad.tsv:2: split 'train'"):
        read_stories(tmp_path / "bad.tsv")
    with pytest.raises(EvaluationError, match="no story with id 'INV:3'"):
        read_texts(data, [Story(FILE, "INV:3", "dev", ("a1",))])


def test_real_gold_scores_against_adjudicated_then_a1(tmp_path: Path) -> None:
    path = write(tmp_path, _real_codes(record()))
    a1 = read_annotations(path, STORIES, TEXTS)
    a2 = read_annotations(
        write(tmp_path, _real_codes(record("a2")), name="a2.jsonl"), STORIES, TEXTS
    )
    assert gold_for_scoring({"a2": a2, "a1": a1})[DOC].annotator == "a1"
    adjudicated = read_annotations(
        write(tmp_path, _real_codes(record(ADJUDICATED)), name="adjudicated.jsonl"),
        STORIES,
        TEXTS,
    )
    chosen = gold_for_scoring({"a1": a1, "a2": a2, ADJUDICATED: adjudicated})
    assert chosen[DOC].annotator == ADJUDICATED
    assert gold_for_scoring({"a2": a2})[DOC].annotator == "a2"


def test_real_gold_committed_story_list_is_split_by_sha1() -> None:
    # The split of docs/annotation.md: per corpus, stories ordered by the SHA-1 of their id,
    # alternately dev and test.
    stories = read_stories()
    assert len(stories) == 80
    by_file: dict[str, list[Story]] = {}
    for story in stories:
        by_file.setdefault(story.file, []).append(story)
    for group in by_file.values():
        ordered = sorted(group, key=lambda s: hashlib.sha1(s.id.encode()).hexdigest())
        assert [s.split for s in ordered] == ["dev", "test"] * (len(ordered) // 2)
    assert sum(len(s.annotators) == 2 for s in stories) == 16


def test_real_gold_committed_annotations_are_valid(shared_data: Path) -> None:
    from parley.evaluate.real.score import load_gold

    gold = load_gold(shared_data)  # raises, naming file and line, on any bad annotation
    assert len(gold.texts) == 80
    for stories in gold.annotations.values():
        assert {s.doc for s in stories} <= gold.texts.keys()


def test_real_gold_scores_an_invented_story_end_to_end(tmp_path: Path) -> None:
    from parley.evaluate.real.agreement import run as run_agreement
    from parley.evaluate.real.score import run_events, run_quotes

    data = tmp_path / "data"
    (data / "corpus" / "invented").mkdir(parents=True)
    (data / FILE).write_text(
        json.dumps({"id": DOC, "date": PUBLISHED, "text": TEXT}) + "\n", encoding="utf-8"
    )
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "stories.tsv").write_text(
        f"file\tid\tsplit\tannotators\n{FILE}\t{DOC}\tdev\ta1,a2\n", encoding="utf-8"
    )
    write(gold_dir, _real_codes(record()))
    second = _real_codes(record("a2"))
    second["events"] = second["events"][:1]
    write(gold_dir, second, name="a2.jsonl")
    report = run_events(data, gold_dir=gold_dir)
    assert report.name == "real_events"
    assert "1 stories, 2 gold events (0 whose trigger" in report.notes[0]
    for key in ("dev.strict.f1", "dev.root.recall", "dev.modality.acc", "dev.entities.code.acc"):
        assert 0.0 <= report.metrics[key] <= 1.0
    assert (
        run_events(data, gold_dir=gold_dir, split="test")
        .notes[0]
        .endswith("yet (parley/evaluate/data/real/*.jsonl)")
    )
    quotes = run_quotes(data, gold_dir=gold_dir)
    assert 0.0 <= quotes.metrics["dev.quotes.f1"] <= 1.0
    agreement = run_agreement(data, gold_dir=gold_dir)
    assert agreement.metrics["stories"] == 1.0
    # a1 has two events, a2 one of them: P 1, R 0.5.
    assert agreement.metrics["events.root.f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert agreement.metrics["quotes.f1"] == 1.0
