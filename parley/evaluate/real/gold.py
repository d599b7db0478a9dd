"""The real-text gold: the story list, the stories' texts, and the annotation files.

The format and the guidelines are in ``docs/annotation.md``. The files live in the package
(``parley/evaluate/data/real/``) so an installed wheel can score: ``stories.tsv`` (ids only) and
one ``<annotator>.jsonl`` per annotator, plus ``adjudicated.jsonl`` when disagreements have been
settled. No file holds any text: the texts are read from ``../shared/data`` by id.

``read_annotations`` checks every line against its story's text (the SHA-1 of the text, every
offset inside it, every code known) and raises ``EvaluationError`` naming the file and line.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal, cast

from parley.datafiles import read_rows
from parley.errors import EvaluationError

__all__ = [
    "GOLD_DIR",
    "Actor",
    "GoldEvent",
    "GoldQuote",
    "GoldStory",
    "Story",
    "StoryText",
    "annotation_files",
    "gold_for_scoring",
    "read_annotations",
    "read_stories",
    "read_texts",
]

GOLD_DIR = Path(__file__).resolve().parents[1] / "data" / "real"
_PARLEY = Path(__file__).resolve().parents[2]
CAMEO_FILE = _PARLEY / "events" / "data" / "cameo_codes.tsv"
PLOVER_FILE = _PARLEY / "events" / "data" / "cameo_plover.tsv"
_COUNTRY_FILE = _PARLEY / "kb" / "data" / "countries.tsv"
ADJUDICATED = "adjudicated"

Span = tuple[int, int]
Modality = Literal["asserted", "negated", "hypothetical", "future"]
MODALITIES = frozenset({"asserted", "negated", "hypothetical", "future"})
QUOTE_KINDS = frozenset({"direct", "indirect", "mixed"})
DATE_BASES = frozenset({"text", "published"})
SPLITS = ("dev", "test")

# Actor-code prefixes that are not countries, from the CAMEO codebook's actor chapter:
# international and transnational actors, and the regions it codes as actors.
_NON_STATE = frozenset({"IGO", "NGO", "MNC", "IMG", "UIS", "UNK"})
_REGIONS = frozenset(
    {
        "AFR", "ASA", "BLK", "BFR", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF", "EEU", "EIN",
        "EUR", "LAM", "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SEA", "WAF",
        "WST", "GLB",
    }
)  # fmt: skip
# Role (sector) codes a country code may carry, from the same chapter.
ROLES = frozenset(
    {
        "GOV", "MIL", "LEG", "JUD", "OPP", "REB", "PTY", "COP", "SPY", "MED", "EDU", "BUS",
        "CRM", "CVL", "ELI", "HLH", "LAB", "REF", "AGR", "REL", "NGO", "IGO", "MNC", "UAF",
        "INS", "SEP", "MOD", "RAD", "DEV", "ENV", "HRI", "SET", "IMG", "UNK",
    }
)  # fmt: skip
_CODE = re.compile(r"(?:[A-Z]{3})+\Z")
_SHA1 = re.compile(r"[0-9a-f]{40}\Z")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?\Z")

_TOP_KEYS = frozenset({"doc", "file", "annotator", "text_sha1", "published", "events", "quotes"})
_TOP_OPTIONAL = frozenset({"note"})
_EVENT_KEYS = frozenset({"trigger", "source", "target", "cameo", "modality", "date"})
_EVENT_OPTIONAL = frozenset({"date_basis", "note", "plover"})
_ACTOR_KEYS = frozenset({"code", "span"})
_QUOTE_KEYS = frozenset({"speaker", "cue", "content", "kind", "block"})
_QUOTE_OPTIONAL = frozenset({"note"})


@dataclass(frozen=True, slots=True)
class Story:
    """One row of ``stories.tsv``: where the text is, its half, who annotates it."""

    file: str
    id: str
    split: str
    annotators: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoryText:
    text: str
    published: str  # YYYY-MM-DD

    @property
    def sha1(self) -> str:
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Actor:
    code: str | None
    span: Span | None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    trigger: Span
    source: Actor | None
    target: Actor | None
    cameo: str
    modality: Modality
    date: str | None
    date_basis: str | None
    plover: str | None = None


@dataclass(frozen=True, slots=True)
class GoldQuote:
    speaker: Actor | None
    cue: Span | None
    content: tuple[Span, ...]
    kind: str
    block: bool


@dataclass(frozen=True, slots=True)
class GoldStory:
    doc: str
    file: str
    annotator: str
    published: str
    events: tuple[GoldEvent, ...]
    quotes: tuple[GoldQuote, ...]


# ------------------------------------------------------------------- stories ---
def read_stories(path: Path | None = None) -> list[Story]:
    """The story list (``file``, ``id``, ``split``, ``annotators`` columns, tab-separated)."""
    path = path or GOLD_DIR / "stories.tsv"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise EvaluationError(f"cannot read the story list {path}: {err.strerror}") from None
    if not lines or lines[0].split("\t") != ["file", "id", "split", "annotators"]:
        raise EvaluationError(f"{path.name}:1: expected the header file, id, split, annotators")
    stories: list[Story] = []
    seen: set[str] = set()
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 4:
            raise EvaluationError(f"{path.name}:{number}: expected 4 tab-separated fields")
        file, doc, split, annotators = (f.strip() for f in fields)
        if split not in SPLITS:
            raise EvaluationError(f"{path.name}:{number}: split {split!r} is not dev or test")
        if doc in seen:
            raise EvaluationError(f"{path.name}:{number}: story {doc!r} listed twice")
        seen.add(doc)
        names = tuple(a.strip() for a in annotators.split(",") if a.strip())
        stories.append(Story(file, doc, split, names))
    return stories


def read_texts(data_dir: Path, stories: Iterable[Story]) -> dict[str, StoryText]:
    """The text and publication date of every story, read as ``docs/annotation.md`` says:
    the ``text`` of the KCNA JSON Lines record with that ``id``; the ``body`` of the Rodong
    CSV row whose ``url`` is the id; PolNeAR's ``<id>.txt`` with the ``publication_date`` of
    ``polnear/metadata.tsv``."""
    wanted: dict[str, set[str]] = {}
    for story in stories:
        wanted.setdefault(story.file, set()).add(story.id)
    out: dict[str, StoryText] = {}
    for file, ids in sorted(wanted.items()):
        path = data_dir / file
        if file.endswith(".jsonl"):
            out |= _jsonl_texts(path, ids)
        elif file.endswith(".csv"):
            out |= _csv_texts(path, ids)
        elif path.is_dir():
            out |= _polnear_texts(data_dir, path, ids)
        else:
            raise EvaluationError(f"story file {path} not found (is --data the gold folder?)")
        missing = sorted(ids - out.keys())
        if missing:
            raise EvaluationError(f"{path}: no story with id {missing[0]!r}")
    return out


def _jsonl_texts(path: Path, ids: set[str]) -> dict[str, StoryText]:
    out: dict[str, StoryText] = {}
    try:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                # Only the wanted records are parsed: the file holds thousands.
                if '"id"' not in line or not any(f'"{doc}"' in line for doc in ids):
                    continue
                record = json.loads(line)
                if record.get("id") in ids:
                    out[record["id"]] = StoryText(str(record["text"]), str(record["date"])[:10])
    except (OSError, json.JSONDecodeError) as err:
        raise EvaluationError(f"cannot read stories from {path}: {err}") from None
    return out


def _csv_texts(path: Path, ids: set[str]) -> dict[str, StoryText]:
    out: dict[str, StoryText] = {}
    csv.field_size_limit(sys.maxsize)
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("url") in ids:
                    out[row["url"]] = StoryText(row["body"], row["date"][:10])
    except (OSError, csv.Error, KeyError) as err:
        raise EvaluationError(f"cannot read stories from {path}: {err}") from None
    return out


def _polnear_texts(data_dir: Path, folder: Path, ids: set[str]) -> dict[str, StoryText]:
    dates: dict[str, str] = {}
    metadata = data_dir / "polnear" / "metadata.tsv"
    try:
        with metadata.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                dates[row["filename"]] = row["publication_date"]
    except (OSError, csv.Error, KeyError) as err:
        raise EvaluationError(f"cannot read {metadata}: {err}") from None
    out: dict[str, StoryText] = {}
    for doc in ids:
        path = folder / f"{doc}.txt"
        if not path.is_file() or doc not in dates:
            continue
        out[doc] = StoryText(path.read_text(encoding="utf-8"), dates[doc][:10])
    return out


# --------------------------------------------------------------- annotations ---
def annotation_files(gold_dir: Path | None = None) -> dict[str, Path]:
    """Annotator name -> file, for every ``*.jsonl`` in the gold folder."""
    folder = gold_dir or GOLD_DIR
    return {path.stem: path for path in sorted(folder.glob("*.jsonl"))}


class _Check:
    """Validation of one annotation line: every failure names the file, line and field."""

    def __init__(self, where: str, text: str, vocab: _Vocabulary) -> None:
        self.where = where
        self.text = text
        self.vocab = vocab

    def fail(self, problem: str) -> EvaluationError:
        return EvaluationError(f"{self.where}: {problem}")

    def keys(
        self, obj: object, required: frozenset[str], optional: frozenset[str], what: str
    ) -> dict[str, Any]:
        if not isinstance(obj, dict):
            raise self.fail(f"{what} is not a JSON object")
        missing = sorted(required - obj.keys())
        if missing:
            raise self.fail(f"{what} lacks {', '.join(missing)}")
        unknown = sorted(obj.keys() - required - optional)
        if unknown:
            raise self.fail(f"{what} has unknown field {unknown[0]!r}")
        return cast(dict[str, Any], obj)

    def span(self, value: object, what: str) -> Span:
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        ):
            raise self.fail(f"{what} is not a [start, end] pair of integers: {value!r}")
        start, end = value
        if not 0 <= start < end <= len(self.text):
            raise self.fail(
                f"{what} [{start}, {end}] is not inside the text (0..{len(self.text)}, start < end)"
            )
        return start, end

    def actor(self, value: object, what: str) -> Actor | None:
        if value is None:
            return None
        obj = self.keys(value, _ACTOR_KEYS, frozenset(), what)
        code = obj["code"]
        if code is not None:
            if not isinstance(code, str):
                raise self.fail(f"{what} code is not a string: {code!r}")
            problem = self.vocab.actor_problem(code)
            if problem:
                raise self.fail(f"{what} code {code!r}: {problem}")
        span = None if obj["span"] is None else self.span(obj["span"], f"{what} span")
        if code is None and span is None:
            return None
        return Actor(code, span)

    def date(self, value: object, what: str) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or not _DATE.match(value):
            raise self.fail(f"{what} {value!r} is not YYYY-MM-DD, YYYY-MM, YYYY or null")
        parts = [int(p) for p in value.split("-")] + [1, 1]
        try:
            date(parts[0], parts[1], parts[2])
        except ValueError:
            raise self.fail(f"{what} {value!r} is not a calendar date") from None
        return value

    def event(self, obj: object, n: int) -> GoldEvent:
        what = f"event {n}"
        e = self.keys(obj, _EVENT_KEYS, _EVENT_OPTIONAL, what)
        trigger = self.span(e["trigger"], f"{what} trigger")
        source = self.actor(e["source"], f"{what} source")
        target = self.actor(e["target"], f"{what} target")
        if source and target and source.code and source.code == target.code:
            raise self.fail(f"{what}: source and target have the same code {source.code}")
        cameo = e["cameo"]
        if not isinstance(cameo, str) or cameo not in self.vocab.cameo:
            raise self.fail(f"{what} cameo {cameo!r} is not a CAMEO event code")
        modality = e["modality"]
        if modality not in MODALITIES:
            raise self.fail(f"{what} modality {modality!r} is not one of {sorted(MODALITIES)}")
        day = self.date(e["date"], f"{what} date")
        basis = e.get("date_basis")
        if basis is not None and basis not in DATE_BASES:
            raise self.fail(f"{what} date_basis {basis!r} is not text, published or null")
        if day is not None and basis is None:
            raise self.fail(f"{what} has a date but no date_basis")
        plover = e.get("plover")
        if plover is not None and plover not in self.vocab.plover:
            raise self.fail(f"{what} plover {plover!r} is not one of {sorted(self.vocab.plover)}")
        note = e.get("note")
        if note is not None and not isinstance(note, str):
            raise self.fail(f"{what} note is not a string")
        return GoldEvent(trigger, source, target, cameo, modality, day, basis, plover)

    def quote(self, obj: object, n: int) -> GoldQuote:
        what = f"quote {n}"
        q = self.keys(obj, _QUOTE_KEYS, _QUOTE_OPTIONAL, what)
        speaker = self.actor(q["speaker"], f"{what} speaker")
        cue = None if q["cue"] is None else self.span(q["cue"], f"{what} cue")
        content = q["content"]
        if not isinstance(content, list) or not content:
            raise self.fail(f"{what} content is not a non-empty list of spans")
        spans = tuple(self.span(s, f"{what} content {i}") for i, s in enumerate(content))
        if q["kind"] not in QUOTE_KINDS:
            raise self.fail(f"{what} kind {q['kind']!r} is not one of {sorted(QUOTE_KINDS)}")
        if not isinstance(q["block"], bool):
            raise self.fail(f"{what} block is not true or false")
        return GoldQuote(speaker, cue, spans, q["kind"], q["block"])


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    cameo: frozenset[str]
    plover: frozenset[str]
    countries: frozenset[str]

    @classmethod
    def load(cls) -> _Vocabulary:
        cameo = frozenset(row.fields[0] for row in read_rows(CAMEO_FILE, 3))
        plover = frozenset(row.fields[1] for row in read_rows(PLOVER_FILE, 4))
        countries: set[str] = set()
        for n, row in enumerate(read_rows(_COUNTRY_FILE)):
            if n:  # the first row is the header
                countries.add(row.fields[1])
        return cls(cameo, plover, frozenset(countries))

    def actor_problem(self, code: str) -> str | None:
        """Why ``code`` is not a CAMEO actor code, or None when it is one."""
        if not _CODE.match(code):
            return "not upper-case letters in groups of three"
        prefix, rest = code[:3], [code[i : i + 3] for i in range(3, len(code), 3)]
        if prefix in _NON_STATE:
            return None  # IGO/NGO codes go on with the organisation's own letters
        if prefix not in self.countries and prefix not in _REGIONS:
            return f"{prefix} is not a country, region, IGO or NGO code"
        for role in rest:
            if role not in ROLES:
                return f"{role} is not a known role code ({', '.join(sorted(ROLES))})"
        return None


def read_annotations(
    path: Path,
    stories: Mapping[str, Story],
    texts: Mapping[str, StoryText],
) -> list[GoldStory]:
    """Every annotated story of one file, each line checked against its story's text."""
    vocab = _Vocabulary.load()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise EvaluationError(f"cannot read annotations {path}: {err.strerror}") from None
    except UnicodeDecodeError as err:
        raise EvaluationError(f"{path.name}: not UTF-8 ({err.reason})") from None
    out: list[GoldStory] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise EvaluationError(f"{where}: not JSON ({err.msg}, column {err.colno})") from None
        out.append(_story(record, where, stories, texts, vocab))
        if out[-1].doc in seen:
            raise EvaluationError(f"{where}: story {out[-1].doc!r} annotated twice in this file")
        seen.add(out[-1].doc)
    return out


def _story(
    record: object,
    where: str,
    stories: Mapping[str, Story],
    texts: Mapping[str, StoryText],
    vocab: _Vocabulary,
) -> GoldStory:
    check = _Check(where, "", vocab)
    r = check.keys(record, _TOP_KEYS, _TOP_OPTIONAL, "the line")
    doc = r["doc"]
    if not isinstance(doc, str) or doc not in stories:
        raise check.fail(f"story {doc!r} is not in stories.tsv")
    story = stories[doc]
    if r["file"] != story.file:
        raise check.fail(f"file {r['file']!r} is not the story's file {story.file!r}")
    if not isinstance(r["annotator"], str) or not r["annotator"]:
        raise check.fail("annotator is not a name")
    if doc not in texts:
        raise check.fail(f"no text for story {doc!r}")
    text = texts[doc]
    sha1 = r["text_sha1"]
    if not isinstance(sha1, str) or not _SHA1.match(sha1):
        raise check.fail(f"text_sha1 {sha1!r} is not a SHA-1 in hexadecimal")
    if sha1 != text.sha1:
        raise check.fail(
            f"text_sha1 {sha1} does not match the text of {doc!r} ({text.sha1}): "
            "the annotation was made on another text"
        )
    if r["published"] != text.published:
        raise check.fail(f"published {r['published']!r} is not the story's date {text.published}")
    check = _Check(where, text.text, vocab)
    events, quotes = r["events"], r["quotes"]
    if not isinstance(events, list) or not isinstance(quotes, list):
        raise check.fail("events and quotes must be lists")
    return GoldStory(
        doc=doc,
        file=story.file,
        annotator=r["annotator"],
        published=text.published,
        events=tuple(check.event(e, n) for n, e in enumerate(events)),
        quotes=tuple(check.quote(q, n) for n, q in enumerate(quotes)),
    )


def gold_for_scoring(annotations: Mapping[str, list[GoldStory]]) -> dict[str, GoldStory]:
    """The one annotation each story is scored against: the adjudicated one, else a1's,
    else the first other annotator's in name order."""
    order = sorted(annotations, key=lambda name: (name != ADJUDICATED, name != "a1", name))
    chosen: dict[str, GoldStory] = {}
    for name in order:
        for story in annotations[name]:
            chosen.setdefault(story.doc, story)
    return chosen
