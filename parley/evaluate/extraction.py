"""Score HTML extraction on trafilatura's and htmldate's own evaluation pages.

- ``trafilatura-eval`` (evaldata.json): each page lists snippets that must appear in the
  article text (``with``) and snippets that must not (``without``). As in trafilatura's own
  evaluation, a snippet counts as found when it is a substring of the text after whitespace
  is collapsed: ``with`` found = TP, missing = FN; ``without`` found = FP, absent = TN.
  The baseline is ``trafilatura.extract(html)`` with its defaults, scored in the same run.
  Parley is scored twice. ``trafilatura_eval.*`` scores ``Article.text`` alone, the body
  as the output contract defines it (no title, section headings, captions or furniture).
  ``trafilatura_eval.with_headings.*`` scores the section headings and the body together:
  trafilatura's output keeps the headings inside its text and the gold's ``with`` snippets
  include them, so this is the like-for-like comparison of what each tool took from the
  page; the headings are the article's own words, only kept in their own field by Parley.
  Title and captions are not added to either row (trafilatura's text carries neither as a
  rule, and adding them would score fields trafilatura keeps out).
  Title, author and date accuracy are scored on the entries whose gold field is not empty;
  the baseline there is ``trafilatura.extract_metadata``.
- ``htmldate-eval`` (eval_mediacloud_2020.json): the publication day, Parley's
  ``Article.published[:10]`` against ``htmldate.find_date(original_date=True)``. A NaN gold
  date means the page has no date, and the right answer is none.

A page that fails (no article found, or an unexpected error) is counted and scored as
empty; it never stops the run.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import htmldate
import trafilatura

from parley.errors import EvaluationError, ParleyError
from parley.evaluate.common import Cell, Report, render_table, require_dir
from parley.extract import ExtractResources, extract_article
from parley.records import Article
from parley.sources.document import Document

__all__ = ["SnippetCounts", "load_htmldate_eval", "load_trafilatura_eval", "run", "score_text"]

_SPACES = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


@dataclass(slots=True)
class SnippetCounts:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, other: SnippetCounts) -> None:
        self.tp += other.tp
        self.fn += other.fn
        self.fp += other.fp
        self.tn += other.tn

    def metrics(self) -> dict[str, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        total = self.tp + self.fn + self.fp + self.tn
        accuracy = (self.tp + self.tn) / total if total else 0.0
        return {"precision": precision, "recall": recall, "f1": f1, "accuracy": accuracy}


def score_text(text: str | None, with_: list[str], without: list[str]) -> SnippetCounts:
    """trafilatura's counting: substring match after whitespace normalisation."""
    body = _norm(text or "")
    counts = SnippetCounts()
    for snippet in with_:
        if _norm(snippet) in body:
            counts.tp += 1
        else:
            counts.fn += 1
    for snippet in without:
        if _norm(snippet) in body:
            counts.fp += 1
        else:
            counts.tn += 1
    return counts


@dataclass(frozen=True, slots=True)
class EvalPage:
    url: str
    path: Path
    with_: list[str]
    without: list[str]
    gold: dict[str, Any]  # title, author, date ... as the entry gives them


def load_trafilatura_eval(data_dir: Path, limit: int | None = None) -> list[EvalPage]:
    base = require_dir(data_dir / "extraction" / "trafilatura-eval", "trafilatura-eval data")
    entries = _read_json(base / "evaldata.json")
    pages = []
    for url, entry in list(entries.items())[:limit]:
        name = str(entry.get("file", ""))
        # trafilatura's own lookup order: cache/ first, then eval/.
        path = base / "cache" / name
        if not path.is_file():
            path = base / "eval" / name
        pages.append(
            EvalPage(
                url=url,
                path=path,
                with_=[str(s) for s in entry.get("with", [])],
                without=[str(s) for s in entry.get("without", [])],
                gold={k: entry[k] for k in ("title", "author", "date") if k in entry},
            )
        )
    return pages


DatedPage = tuple[str, Path, str | None]


def load_htmldate_eval(data_dir: Path, limit: int | None = None) -> list[DatedPage]:
    """(url, page path, gold day or None) for each entry; NaN gold = no date."""
    base = require_dir(data_dir / "extraction" / "htmldate-eval", "htmldate-eval data")
    entries = _read_json(base / "eval_mediacloud_2020.json")
    out = []
    for url, entry in list(entries.items())[:limit]:
        gold = entry.get("date")
        if isinstance(gold, float) and math.isnan(gold):
            gold = None
        out.append((url, base / "test_set" / str(entry.get("file", "")), gold))
    return out


def _read_json(path: Path) -> dict[str, Any]:
    try:
        # The htmldate file holds bare NaN, which Python's json reads on purpose.
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise EvaluationError(f"cannot read {path.name}: {err}") from err
    if not isinstance(data, dict):
        raise EvaluationError(f"{path.name}: expected an object of url -> entry")
    return data


@dataclass(slots=True)
class _Tally:
    counts: SnippetCounts = field(default_factory=SnippetCounts)
    # Parley only: the section headings with the body, the like-for-like comparison with
    # trafilatura's text, which keeps its headings (see the module docstring).
    with_headings: SnippetCounts = field(default_factory=SnippetCounts)
    hits: dict[str, int] = field(default_factory=dict)
    seen: dict[str, int] = field(default_factory=dict)
    failed: int = 0

    def field_hit(self, name: str, ok: bool) -> None:
        self.seen[name] = self.seen.get(name, 0) + 1
        self.hits[name] = self.hits.get(name, 0) + int(ok)

    def accuracy(self, name: str) -> float:
        return self.hits.get(name, 0) / self.seen[name] if self.seen.get(name) else 0.0


def _parley_article(
    data: bytes, path: Path, url: str, res: ExtractResources
) -> tuple[Article | None, str | None]:
    """The article, or the reason there is none (a ParleyError is a fair outcome; anything
    else is a bug, reported by its type so it can be found)."""
    try:
        document = Document(data=data, source=str(path), url=url)
        return extract_article(document, resources=res), None
    except ParleyError as err:
        return None, err.message
    except Exception as err:
        return None, f"crash: {type(err).__name__}: {err}"


def _guarded(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    try:
        return fn(*args, **kwargs)
    except Exception:
        return None


def _same_title(gold: str, found: str | None) -> bool:
    return bool(found) and _norm(gold).casefold() == _norm(found or "").casefold()


def _same_authors(gold: str | list[str], found: list[str]) -> bool:
    names = gold if isinstance(gold, list) else gold.split(";")
    want = {_norm(n).casefold() for n in names if _norm(n)}
    return want == {_norm(n).casefold() for n in found if _norm(n)}


def _split_authors(value: str | None) -> list[str]:
    return [a for a in (value or "").split(";") if a.strip()]


def _score_metadata(
    tally: _Tally, gold: dict[str, Any], title: str | None, authors: list[str], day: str | None
) -> None:
    if gold.get("title"):
        tally.field_hit("title", _same_title(str(gold["title"]), title))
    if gold.get("author"):
        tally.field_hit("author", _same_authors(gold["author"], authors))
    if gold.get("date"):
        tally.field_hit("date", (day or "")[:10] == str(gold["date"]))


def _trafilatura_eval(
    pages: list[EvalPage], notes: list[str], res: ExtractResources
) -> tuple[_Tally, _Tally]:
    ours, base = _Tally(), _Tally()
    for page in pages:
        try:
            data = page.path.read_bytes()
        except OSError as err:
            notes.append(f"trafilatura-eval: cannot read {page.path.name}: {err.strerror}")
            ours.failed += 1
            base.failed += 1
            continue
        article, why = _parley_article(data, page.path, page.url, res)
        if article is None:
            ours.failed += 1
            if why and why.startswith("crash"):
                notes.append(f"trafilatura-eval: {page.path.name}: {why}")
        ours.counts.add(score_text(article.text if article else None, page.with_, page.without))
        full = "\n".join([*article.headings, article.text]) if article else None
        ours.with_headings.add(score_text(full, page.with_, page.without))
        _score_metadata(
            ours,
            page.gold,
            article.title if article else None,
            list(article.authors) if article else [],
            article.published if article else None,
        )
        text = _guarded(trafilatura.extract, data, url=page.url)
        if text is None:
            base.failed += 1
        base.counts.add(score_text(text, page.with_, page.without))
        meta = _guarded(trafilatura.extract_metadata, data, default_url=page.url)
        _score_metadata(
            base,
            page.gold,
            getattr(meta, "title", None),
            _split_authors(getattr(meta, "author", None)),
            getattr(meta, "date", None),
        )
    return ours, base


def _htmldate_eval(
    entries: list[DatedPage], notes: list[str], res: ExtractResources
) -> tuple[_Tally, _Tally]:
    ours, base = _Tally(), _Tally()
    for url, path, gold in entries:
        try:
            data = path.read_bytes()
        except OSError as err:
            notes.append(f"htmldate-eval: cannot read {path.name}: {err.strerror}")
            ours.failed += 1
            base.failed += 1
            continue
        article, why = _parley_article(data, path, url, res)
        if article is None:
            ours.failed += 1
            if why and why.startswith("crash"):
                notes.append(f"htmldate-eval: {path.name}: {why}")
        found = article.published[:10] if article and article.published else None
        ours.field_hit("date", found == gold)
        day = _guarded(htmldate.find_date, data, original_date=True, url=url)
        base.field_hit("date", day == gold)
    return ours, base


def _iter_metrics(prefix: str, tally: _Tally, pages: int) -> Iterator[tuple[str, float]]:
    for name, value in tally.counts.metrics().items():
        yield f"{prefix}.{name}", value
    for name in sorted(tally.seen):
        yield f"{prefix}.{name}_accuracy", tally.accuracy(name)
    yield f"{prefix}.pages", float(pages)
    yield f"{prefix}.failed", float(tally.failed)


def run(data_dir: Path, *, limit: int | None = None) -> Report:
    notes: list[str] = []
    pages = load_trafilatura_eval(data_dir, limit)
    dated = load_htmldate_eval(data_dir, limit)
    res = ExtractResources.load()  # once: every page is extracted with the same tables
    t_ours, t_base = _trafilatura_eval(pages, notes, res)
    d_ours, d_base = _htmldate_eval(dated, notes, res)
    metrics: dict[str, float] = {}
    metrics.update(_iter_metrics("trafilatura_eval", t_ours, len(pages)))
    for name, value in t_ours.with_headings.metrics().items():
        metrics[f"trafilatura_eval.with_headings.{name}"] = value
    metrics.update(_iter_metrics("baseline.trafilatura_eval", t_base, len(pages)))
    metrics["htmldate_eval.accuracy"] = d_ours.accuracy("date")
    metrics["htmldate_eval.pages"] = float(len(dated))
    metrics["htmldate_eval.failed"] = float(d_ours.failed)
    metrics["baseline.htmldate_eval.accuracy"] = d_base.accuracy("date")
    table = _table(metrics)
    return Report(name="extraction", metrics=metrics, table=table, notes=tuple(notes))


def _table(metrics: dict[str, float]) -> str:
    rows = [
        ("trafilatura-eval precision", "trafilatura_eval.precision"),
        ("trafilatura-eval recall", "trafilatura_eval.recall"),
        ("trafilatura-eval F1", "trafilatura_eval.f1"),
        ("trafilatura-eval accuracy", "trafilatura_eval.accuracy"),
        ("  headings + text: precision", "trafilatura_eval.with_headings.precision"),
        ("  headings + text: recall", "trafilatura_eval.with_headings.recall"),
        ("  headings + text: F1", "trafilatura_eval.with_headings.f1"),
        ("  headings + text: accuracy", "trafilatura_eval.with_headings.accuracy"),
        ("title accuracy", "trafilatura_eval.title_accuracy"),
        ("author accuracy", "trafilatura_eval.author_accuracy"),
        ("date accuracy", "trafilatura_eval.date_accuracy"),
        ("htmldate-eval date accuracy", "htmldate_eval.accuracy"),
    ]
    table: list[tuple[Cell, ...]] = []
    for label, key in rows:
        if key not in metrics:
            continue
        # trafilatura's text is one thing: its score is the baseline of both Parley rows.
        base = metrics.get(f"baseline.{key.replace('.with_headings', '')}")
        table.append((label, metrics[key], base))
    lines = [render_table(["metric", "Parley", "baseline"], table)]
    lines.append(
        f"pages: trafilatura-eval {int(metrics['trafilatura_eval.pages'])} "
        f"(Parley failed on {int(metrics['trafilatura_eval.failed'])}, "
        f"baseline on {int(metrics['baseline.trafilatura_eval.failed'])}); "
        f"htmldate-eval {int(metrics['htmldate_eval.pages'])} "
        f"(Parley failed on {int(metrics['htmldate_eval.failed'])})"
    )
    return "\n".join(lines)
