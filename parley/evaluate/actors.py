"""``parley evaluate actors``: actor codes against the PLOVER and PETRARCH gold records, and
mention-level precision and recall against Parley's own annotated articles.

* **Actor codes, "found among the sentence's entities".** For every gold source and target
  actor of a record, the question is whether Parley found, anywhere in that sentence, an
  entity whose code matches: at country level (the first three characters; IGO codes such as
  "IGOUNO" by six, but a gold "IGO" or "IGOGOV" names no organisation and takes any IGO)
  and at country+sector level ("USAGOV": the gold code with its first sector, compared to
  the entity's first six characters). The sector
  figure counts only gold actors that have a sector. This measures the entity stage, not who
  did what to whom; when the events stage yields events, the role-aware figures
  ("...role.country") compare each gold coding with the best-matching event's own source and
  target actors instead.
  - PLOVER: ``plover/gsr_dev.jsonl``, ``source``/``target`` lists of {actorText, code,
    sector}; the records' dates (2000-01-01 for all, by design) are placeholders, so they run
    undated (the KB then takes each person's open or latest fact).
  - PETRARCH: ``petrarch/PETR2_GSR_validation.xml`` (not well-formed XML: read with regular
    expressions); ``sourcecode``/``targetcode`` of every EventCoding not marked noevents.
  GDELT's published hand-check of its own actor coding (Actor1 79%, Actor2 78.5% correct)
  is printed beside the figures for scale; it judged whole events, so it is a reference
  point, not the same measurement.
* **Mentions.** ``parley/evaluate/data/mentions`` holds short articles written and annotated for
  Parley (see its README): exact-span precision, recall and F1 of all mentions; pairwise
  precision and recall of "same entity" links among the mentions found; and the share of
  gold entities with a code whose system entity (the one holding most of its mentions) has
  that code.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parley.errors import EvaluationError
from parley.evaluate.common import Cell, Report, render_table, require_dir
from parley.records import Article, Entity, Event

__all__ = ["GoldActorRecord", "read_petrarch", "read_plover", "run", "score_mentions"]

# Shipped with the package: an installed wheel has no tests folder.
MENTION_GOLD = Path(__file__).resolve().parent / "data" / "mentions"
GDELT_HAND_CHECK = {"Actor1": 0.79, "Actor2": 0.785}

_SENTENCE = re.compile(r"<Sentence\b([^>]*?)/?>(.*?)</Sentence>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.DOTALL)
_MARK = re.compile(r"\[\[(.+?)\|(e\d+)\]\]")


@dataclass(frozen=True, slots=True)
class GoldActorRecord:
    id: str
    text: str
    published: str | None
    sources: tuple[str, ...]  # CAMEO-style codes: "USA", "CHNGOV", "IGOUNO"
    targets: tuple[str, ...]


# ------------------------------------------------------------------ readers ---
def _plover_codes(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    codes = []
    for actor in value:
        if isinstance(actor, dict) and actor.get("code"):
            codes.append(
                str(actor["code"]).strip().upper() + str(actor.get("sector") or "").strip().upper()
            )
    return tuple(codes)


def read_plover(path: Path) -> Iterator[GoldActorRecord]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise EvaluationError(f"cannot read PLOVER records {path}: {err.strerror}") from err
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise EvaluationError(f"{path.name}:{number}: not JSON ({err.msg})") from err
        if not isinstance(record, dict) or not record.get("text"):
            continue
        yield GoldActorRecord(
            id=str(record.get("id", number)),
            text=str(record["text"]),
            published=str(record["date"]) if record.get("date") else None,
            sources=_plover_codes(record.get("source")),
            targets=_plover_codes(record.get("target")),
        )


def read_petrarch(path: Path) -> Iterator[GoldActorRecord]:
    """Sentences of a PETRARCH validation file, read leniently: its ``<Sentence .../>`` is
    self-closed and then closed again, so an XML parser refuses it."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as err:
        raise EvaluationError(f"cannot read PETRARCH records {path}: {err.strerror}") from err
    for match in _SENTENCE.finditer(raw):
        attrs = dict(_ATTR.findall(match.group(1)))
        body = match.group(2)
        text = _TEXT.search(body)
        if text is None:
            continue
        sources, targets = [], []
        for coding in _CODING.finditer(body):
            fields = dict(_ATTR.findall(coding.group(1)))
            if fields.get("noevents", "").lower() == "true":
                continue
            if fields.get("sourcecode"):
                sources.append(fields["sourcecode"].strip().upper())
            if fields.get("targetcode"):
                targets.append(fields["targetcode"].strip().upper())
        stamp = attrs.get("date", "")
        published = (
            f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}" if re.fullmatch(r"\d{8}", stamp) else None
        )
        yield GoldActorRecord(
            id=attrs.get("id", ""),
            text=" ".join(text.group(1).split()),
            published=published,
            sources=tuple(sources),
            targets=tuple(targets),
        )


# ------------------------------------------------------------------ matching ---
# Sector codes that may follow "IGO" in a gold code: "IGOGOV" (an IGO's governing body) names
# no particular organisation, so any IGO code matches it at country level.
_SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "LEG",
        "JUD",
        "MED",
        "EDU",
        "BUS",
        "NGO",
        "OPP",
        "REB",
        "COP",
        "SPY",
        "CVL",
        "REF",
        "ELI",
        "HLH",
        "AGR",
        "LAB",
        "REL",
    ]
)


def _country_part(code: str) -> str:
    if code.startswith("IGO") and code[3:6] and code[3:6] not in _SECTORS:
        return code[:6]
    return code[:3]


def _sector_part(code: str) -> str | None:
    """The gold code with its first sector ("CHNGOV" of "CHNGOVMIL"); None without one."""
    return code[:6] if len(code) >= 6 else None


def _matches(gold: str, codes: Iterable[str], level: str) -> bool:
    if level == "country":
        want = _country_part(gold)
        return any(code[: len(want)] == want for code in codes)
    want_sector = _sector_part(gold)
    return want_sector is not None and any(code[:6] == want_sector for code in codes)


@dataclass
class _Tally:
    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += hit
        self.total += 1

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 0.0


def _article(text: str, published: str | None) -> Article:
    return Article.from_text(text, published=published, source="<gold>")


def _analyses(
    items: list[tuple[str, str | None]],
) -> Iterator[tuple[tuple[Entity, ...], tuple[Event, ...] | None]]:
    """Entities and events for each (text, date), through the whole pipeline."""
    from parley.pipeline import Failure, default_pipeline

    for result in default_pipeline().pipe_texts(items):
        if isinstance(result, Failure):
            raise EvaluationError(f"the analysis failed on a gold sentence: {result.message}")
        yield result.entities, result.events


def _score_set(
    name: str,
    records: list[GoldActorRecord],
    metrics: dict[str, float],
    rows: list[tuple[Cell, ...]],
    *,
    use_dates: bool,
) -> None:
    tallies = {
        (role, level): _Tally()
        for role in ("source", "target")
        for level in ("country", "sector", "role.country", "role.sector")
    }
    items = [(r.text, r.published if use_dates else None) for r in records]
    with_events = False
    for record, (entities, events) in zip(records, _analyses(items), strict=True):
        codes = [e.actor for e in entities if e.actor]
        for role, golds in (("source", record.sources), ("target", record.targets)):
            event_codes = _event_codes(events, role) if events is not None else None
            with_events = with_events or bool(events)
            for gold in golds:
                tallies[(role, "country")].add(_matches(gold, codes, "country"))
                if _sector_part(gold):
                    tallies[(role, "sector")].add(_matches(gold, codes, "sector"))
                if event_codes is not None:
                    tallies[(role, "role.country")].add(_matches(gold, event_codes, "country"))
                    if _sector_part(gold):
                        tallies[(role, "role.sector")].add(_matches(gold, event_codes, "sector"))
    for (role, level), tally in tallies.items():
        if level.startswith("role") and not with_events:
            continue
        metrics[f"{name}.{role}.{level}"] = tally.rate
        rows.append((name, role, level, tally.rate, f"{tally.hits}/{tally.total}"))
    metrics[f"{name}.records"] = float(len(records))


def _event_codes(events: tuple[Event, ...] | None, role: str) -> list[str]:
    if not events:
        return []
    values = (e.source_actor if role == "source" else e.target_actor for e in events)
    return [v for v in values if v]


# ------------------------------------------------------------------ mentions ---
@dataclass(frozen=True, slots=True)
class GoldArticle:
    name: str
    text: str
    published: str | None
    mentions: tuple[tuple[int, int, str], ...]  # start, end, gold entity id
    actors: dict[str, str | None]


def read_mention_gold(directory: Path) -> list[GoldArticle]:
    index = directory / "gold.json"
    try:
        spec = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise EvaluationError(f"cannot read mention gold {index}: {err}") from err
    articles = []
    for entry in spec.get("articles", []):
        marked = (directory / entry["file"]).read_text(encoding="utf-8")
        text_parts: list[str] = []
        mentions = []
        cursor, length = 0, 0
        for match in _MARK.finditer(marked):
            before = marked[cursor : match.start()]
            text_parts.append(before)
            length += len(before)
            surface = match.group(1)
            mentions.append((length, length + len(surface), match.group(2)))
            text_parts.append(surface)
            length += len(surface)
            cursor = match.end()
        text_parts.append(marked[cursor:])
        entities = entry.get("entities", {})
        unknown = {m[2] for m in mentions} - set(entities)
        if unknown:
            raise EvaluationError(f"{entry['file']}: marks name unknown entities {sorted(unknown)}")
        articles.append(
            GoldArticle(
                name=entry["file"],
                text="".join(text_parts),
                published=entry.get("published"),
                mentions=tuple(mentions),
                actors={key: value.get("actor") for key, value in entities.items()},
            )
        )
    return articles


def score_mentions(gold: list[GoldArticle], systems: list[tuple[Entity, ...]]) -> dict[str, float]:
    """Exact-span mention P/R/F1, pairwise link P/R/F1 over the spans both found, and the
    actor-code accuracy of the gold entities that have a code."""
    found = correct = expected = 0
    link_sys = link_gold = link_both = 0
    actor_hits = actor_total = 0
    for article, entities in zip(gold, systems, strict=True):
        system = {(m.start, m.end): e for e in entities for m in e.mentions}
        gold_spans = {(s, e): ent for s, e, ent in article.mentions}
        found += len(system)
        expected += len(gold_spans)
        shared = sorted(set(system) & set(gold_spans))
        correct += len(shared)
        for i, a in enumerate(shared):
            for b in shared[i + 1 :]:
                same_sys = system[a].id == system[b].id
                same_gold = gold_spans[a] == gold_spans[b]
                link_sys += same_sys
                link_gold += same_gold
                link_both += same_sys and same_gold
        for entity_id, code in article.actors.items():
            if not code:
                continue
            spans = [span for span, ent in gold_spans.items() if ent == entity_id]
            owners = Counter(system[span].id for span in spans if span in system)
            actor_total += 1
            if owners:
                owner_id = owners.most_common(1)[0][0]
                owner = next(e for e in entities if e.id == owner_id)
                actor_hits += owner.actor == code
    precision = correct / found if found else 0.0
    recall = correct / expected if expected else 0.0
    link_p = link_both / link_sys if link_sys else 0.0
    link_r = link_both / link_gold if link_gold else 0.0
    return {
        "mentions.precision": precision,
        "mentions.recall": recall,
        "mentions.f1": _f1(precision, recall),
        "mentions.links.precision": link_p,
        "mentions.links.recall": link_r,
        "mentions.links.f1": _f1(link_p, link_r),
        "mentions.actor.accuracy": actor_hits / actor_total if actor_total else 0.0,
        "mentions.gold": float(expected),
    }


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _mention_metrics(
    directory: Path, rows: list[tuple[Cell, ...]], notes: list[str]
) -> dict[str, float]:
    if not (directory / "gold.json").is_file():
        notes.append(f"mention gold not found at {directory}: mention figures skipped")
        return {}
    gold = read_mention_gold(directory)
    systems = [entities for entities, _ in _analyses([(g.text, g.published) for g in gold])]
    metrics = score_mentions(gold, systems)
    for key, value in metrics.items():
        rows.append((key, value))
    return metrics


# ------------------------------------------------------------------ run ---
def run(data_dir: Path, *, limit: int | None = None, mention_gold: Path | None = None) -> Report:
    """Score actor codes on PLOVER and PETRARCH (``limit`` caps each set's records) and
    mentions on the annotated fixture articles."""
    require_dir(data_dir, "gold data")
    plover_path = data_dir / "plover" / "gsr_dev.jsonl"
    petrarch_path = data_dir / "petrarch" / "PETR2_GSR_validation.xml"
    for path in (plover_path, petrarch_path):
        if not path.is_file():
            raise EvaluationError(f"gold records not found at {path}")
    metrics: dict[str, float] = {}
    rows: list[tuple[Cell, ...]] = []
    plover = list(read_plover(plover_path))[:limit]
    petrarch = [r for r in read_petrarch(petrarch_path) if r.sources or r.targets][:limit]
    # PLOVER's dates are all 2000-01-01 by design (its README), not the events' dates: with
    # them, people would be coded as in office on that day. Its records run undated.
    _score_set("plover", plover, metrics, rows, use_dates=False)
    _score_set("petrarch", petrarch, metrics, rows, use_dates=True)
    parts = [
        render_table(["set", "role", "level", "accuracy", "found"], rows,
                     title="actor codes found among the sentence's entities"),
        f"GDELT published hand-check (whole events): Actor1 {GDELT_HAND_CHECK['Actor1']:.3f}, "
        f"Actor2 {GDELT_HAND_CHECK['Actor2']:.3f}",
    ]  # fmt: skip
    notes: list[str] = [
        "actor accuracy = a gold actor's code is found among the sentence's entities "
        "(country: first 3 chars, IGO codes by organisation; sector: country+first sector)",
    ]
    mention_rows: list[tuple[Cell, ...]] = []
    metrics.update(_mention_metrics(mention_gold or MENTION_GOLD, mention_rows, notes))
    if mention_rows:
        parts.append(render_table(["metric", "value"], mention_rows, title="entity mentions"))
    return Report(name="actors", metrics=metrics, table="\n\n".join(parts), notes=tuple(notes))
