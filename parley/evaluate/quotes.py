"""``parley evaluate quotes``: quote attribution against PolNeAR (content, source, cue).

The figures follow the definitions of the reference scorer ``../shared/tools/score_polnear.py``
(its docstring is the specification; this is Parley's own implementation of it, and a test
checks that both give the same numbers on the same output):

* gold: per article the first ``.ann`` in sorted order; every ``Attribution*`` relation is
  one attribution with Content (+Content2), Source and Cue fragments;
* tokens ``\\w+|[^\\w\\s]``; a span is the set of tokens its characters touch;
* per article and role, distinct token sets; exact = same set; ovl>=t = greedy one-to-one
  matching by decreasing |G&S|/|G| (ties: earlier gold, then earlier system span);
  tok = token-level P/R over the unions; micro sums over articles;
* speaker: gold attributions matched to system quotes by content overlap >= 0.3; among
  those with a gold source, the share whose system source covers >= 0.3 of it.

Parley runs on the raw text files (offsets index them verbatim), parsing with the NLP stage,
then entities and time when those stages are installed, then ``find_quotes``.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from parley.config import Config
from parley.errors import EvaluationError
from parley.evaluate.common import Report, require_dir
from parley.records import Article, Quote

__all__ = [
    "Scores",
    "load_gold",
    "match_contents",
    "run",
    "score",
    "system_line",
    "token_sets",
]

_TOKEN = re.compile(r"\w+|[^\w\s]")
ROLES = ("Content", "Source", "Cue")
THRESHOLDS = (0.3, 0.8)
SPEAKER_THRESHOLD = 0.3
_T_LINE = re.compile(r"T\d+\t")
_E_LINE = re.compile(r"E\d+\t")

Frags = list[tuple[int, int]]
TokenSet = frozenset[int]


@dataclass(frozen=True, slots=True)
class GoldArticle:
    text: str
    attributions: tuple[dict[str, Frags | None], ...]


# ------------------------------------------------------------------- tokens ---
class _Tokens:
    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in _TOKEN.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def of(self, frags: Frags | None) -> TokenSet:
        out: set[int] = set()
        for start, end in frags or ():
            if end <= start:
                continue
            i = bisect.bisect_right(self.ends, start)
            while i < len(self.starts) and self.starts[i] < end:
                out.add(i)
                i += 1
        return frozenset(out)


# --------------------------------------------------------------------- gold ---
def _fragments(spec: str, where: str) -> Frags:
    frags = []
    for part in spec.split(";"):
        bits = part.split()
        if len(bits) != 2 or not all(b.lstrip("-").isdigit() for b in bits):
            raise EvaluationError(f"{where}: bad span {spec!r}")
        frags.append((int(bits[0]), int(bits[1])))
    return frags


def read_ann(path: Path) -> tuple[dict[str, Frags | None], ...]:
    """The attributions of one brat file: role -> fragments (Content may be empty)."""
    spans: dict[str, Frags] = {}
    relations: list[tuple[int, list[str]]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise EvaluationError(f"cannot read {path.name}: {err}") from err
    for lineno, line in enumerate(lines, 1):
        if _T_LINE.match(line):
            cols = line.split("\t")
            _label, _, spec = cols[1].partition(" ")
            spans[cols[0]] = _fragments(spec, f"{path.name}:{lineno}")
        elif _E_LINE.match(line):
            relations.append((lineno, line.split("\t")[1].split()))
    out = []
    for lineno, args in relations:
        if not args or not args[0].split(":")[0].startswith("Attribution"):
            continue
        roles: dict[str, Frags | None] = {"Content": [], "Source": None, "Cue": None}
        for arg in args[1:]:
            role, _, tid = arg.partition(":")
            if tid not in spans:
                raise EvaluationError(f"{path.name}:{lineno}: relation names unknown span {tid}")
            if role.startswith("Content"):
                roles["Content"] = (roles["Content"] or []) + spans[tid]
            elif role in ("Source", "Cue"):
                roles[role] = (roles[role] or []) + spans[tid]
        out.append(roles)
    return tuple(out)


def load_gold(gold_dir: Path) -> tuple[dict[str, GoldArticle], int]:
    """Articles with text and annotations, and how many had several annotators."""
    text_dir, ann_dir = gold_dir / "text", gold_dir / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise EvaluationError(f"{gold_dir}: expected text/ and attributions/ folders")
    anns: dict[str, list[str]] = {}
    for path in sorted(ann_dir.iterdir(), key=lambda p: p.name):
        if path.name.endswith(".ann"):
            anns.setdefault(path.name[:-4].rsplit("_", 1)[0], []).append(path.name)
    articles: dict[str, GoldArticle] = {}
    multi = 0
    for path in sorted(text_dir.iterdir(), key=lambda p: p.name):
        stem = path.name[:-4]
        if not path.name.endswith(".txt") or stem not in anns:
            continue
        multi += len(anns[stem]) > 1
        text = path.read_text(encoding="utf-8")
        articles[stem] = GoldArticle(text, read_ann(ann_dir / anns[stem][0]))
    if not articles:
        raise EvaluationError(f"{gold_dir}: no article has both text and annotations")
    return articles, multi


# ------------------------------------------------------------------- system ---
def system_line(stem: str, quotes: Iterable[Quote]) -> dict[str, object]:
    """One line of the scorer's JSONL: content fragments, source and cue spans."""
    return {
        "article": stem,
        "quotes": [
            {
                "content": [list(f) for f in q.fragments] or [[q.start, q.end]],
                "source": list(q.speaker_span) if q.speaker_span else None,
                "cue": list(q.cue_span) if q.cue_span else None,
            }
            for q in quotes
        ],
    }


def _span(value: object) -> Frags | None:
    if value is None:
        return None
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return [(int(value[0]), int(value[1]))]
    if isinstance(value, list):
        return [(int(v[0]), int(v[1])) for v in value]
    raise EvaluationError(f"bad span {value!r}")


def read_system(lines: Iterable[dict[str, object]]) -> dict[str, list[dict[str, Frags | None]]]:
    system: dict[str, list[dict[str, Frags | None]]] = {}
    for obj in lines:
        quotes = obj.get("quotes", [])
        assert isinstance(quotes, list)
        system[str(obj["article"])] = [
            {
                "Content": _span(q.get("content")),
                "Source": _span(q.get("source")),
                "Cue": _span(q.get("cue")),
            }
            for q in quotes
        ]
    return system


# ------------------------------------------------------------------ scoring ---
def _overlap(gold: TokenSet, sys: TokenSet) -> float:
    return len(gold & sys) / len(gold) if gold else 0.0


def _greedy(golds: list[TokenSet], systems: list[TokenSet], t: float) -> dict[int, int]:
    pairs = sorted(
        (-_overlap(g, s), gi, sj)
        for gi, g in enumerate(golds)
        for sj, s in enumerate(systems)
        if g & s and _overlap(g, s) >= t
    )
    used_g: set[int] = set()
    used_s: set[int] = set()
    match: dict[int, int] = {}
    for _, gi, sj in pairs:
        if gi not in used_g and sj not in used_s:
            used_g.add(gi)
            used_s.add(sj)
            match[gi] = sj
    return match


def match_contents(
    text: str, golds: list[Frags], systems: list[Frags], threshold: float = SPEAKER_THRESHOLD
) -> dict[int, int]:
    """Gold index -> system index, matched one to one as the scorer matches contents
    (greedy by overlap, >= ``threshold`` of the gold's tokens); the attribution model's
    training labels (``parley.quotes.train``)."""
    toks = _Tokens(text)
    return _greedy([toks.of(g) for g in golds], [toks.of(s) for s in systems], threshold)


def token_sets(text: str) -> Callable[[Frags | None], TokenSet]:
    """The scorer's token set of any fragments of ``text`` (two spans are an exact match
    when these are equal): the boundary chooser's training labels."""
    return _Tokens(text).of


def _distinct(sets: Iterator[TokenSet]) -> list[TokenSet]:
    out: list[TokenSet] = []
    seen: set[TokenSet] = set()
    for s in sorted((s for s in sets if s), key=lambda s: (min(s), max(s), len(s))):
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out


@dataclass(frozen=True, slots=True)
class Scores:
    counts: dict[str, tuple[int, int, int]]  # "Content.exact" -> (tp, system, gold)
    speaker: dict[str, int]

    def prf(self, key: str) -> tuple[float, float, float]:
        tp, ns, ng = self.counts[key]
        p = tp / ns if ns else 0.0
        r = tp / ng if ng else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def speaker_accuracy(self) -> float:
        den = self.speaker["matched_with_source"]
        return self.speaker["right"] / den if den else 0.0


MODES = ("exact", *(f"ovl{t}" for t in THRESHOLDS), "tok")


def score(gold: dict[str, GoldArticle], system: dict[str, list[dict[str, Frags | None]]]) -> Scores:
    counts = {f"{r}.{m}": [0, 0, 0] for r in ROLES for m in MODES}
    spk = dict.fromkeys(
        (
            "matched_with_source",
            "right",
            "right_any",
            "matched",
            "no_source_matched",
            "gold_attr",
            "sys_quotes",
        ),
        0,
    )
    for stem, art in gold.items():
        toks = _Tokens(art.text)
        g_att = [{r: toks.of(a[r]) for r in ROLES} for a in art.attributions]
        s_att = [{r: toks.of(q[r]) for r in ROLES} for q in system.get(stem, [])]
        for role in ROLES:
            g = _distinct(a[role] for a in g_att)
            s = _distinct(q[role] for q in s_att)
            for mode in MODES:
                c = counts[f"{role}.{mode}"]
                if mode == "tok":  # token level: the unions, no matching
                    gu, su = frozenset().union(*g), frozenset().union(*s)
                    c[0], c[1], c[2] = c[0] + len(gu & su), c[1] + len(su), c[2] + len(gu)
                    continue
                if mode == "exact":
                    c[0] += len(set(g) & set(s))
                else:
                    c[0] += len(_greedy(g, s, float(mode[3:])))
                c[1] += len(s)
                c[2] += len(g)
        gold_c = [a["Content"] for a in g_att]
        sys_c = [q["Content"] for q in s_att]
        spk["gold_attr"] += sum(1 for x in gold_c if x)
        spk["sys_quotes"] += sum(1 for x in sys_c if x)
        for gi, sj in _greedy(gold_c, sys_c, SPEAKER_THRESHOLD).items():
            spk["matched"] += 1
            gsrc, ssrc = g_att[gi]["Source"], s_att[sj]["Source"]
            if not gsrc:
                spk["no_source_matched"] += 1
                continue
            spk["matched_with_source"] += 1
            if ssrc and _overlap(gsrc, ssrc) >= SPEAKER_THRESHOLD:
                spk["right"] += 1
            if ssrc and gsrc & ssrc:
                spk["right_any"] += 1
    return Scores({k: (v[0], v[1], v[2]) for k, v in counts.items()}, spk)


def table(scores: Scores) -> str:
    """The reference scorer's table rows and SUMMARY line, figure for figure."""
    labels = {"exact": "exact", "tok": "tok", **{f"ovl{t}": f"ovl>={t}" for t in THRESHOLDS}}
    lines = [f"{'role':8} {'match':9} {'gold':>6} {'sys':>6} {'tp':>6} {'P':>6} {'R':>6} {'F1':>6}"]
    for role in ROLES:
        for mode in MODES:
            tp, ns, ng = scores.counts[f"{role}.{mode}"]
            p, r, f = scores.prf(f"{role}.{mode}")
            lines.append(
                f"{role:8} {labels[mode]:9} {ng:6d} {ns:6d} {tp:6d} "
                f"{100 * p:6.1f} {100 * r:6.1f} {100 * f:6.1f}"
            )
    spk = scores.speaker
    den = spk["matched_with_source"]
    acc_any = spk["right_any"] / den if den else 0.0
    lines.append(
        f"speaker: {spk['matched']} gold attributions matched by content "
        f"(ovl>={SPEAKER_THRESHOLD}), {den} with a gold source "
        f"({spk['no_source_matched']} no-source left out): "
        f"source ovl>={SPEAKER_THRESHOLD} {spk['right']}/{den} = "
        f"{100 * scores.speaker_accuracy:.1f}%; "
        f"any overlap (GGT) {spk['right_any']}/{den} = {100 * acc_any:.1f}%"
    )
    parts = [
        f"{role} F1 exact/0.3/0.8 "
        + "/".join(
            f"{100 * scores.prf(f'{role}.{m}')[2]:.1f}" for m in ("exact", "ovl0.3", "ovl0.8")
        )
        for role in ROLES
    ]
    lines.append(
        "SUMMARY " + "; ".join(parts) + f"; speaker {100 * scores.speaker_accuracy:.1f}% of {den}"
    )
    return "\n".join(lines)


# ---------------------------------------------------------------------- run ---
def system_output(
    gold: dict[str, GoldArticle],
    stems: list[str],
    notes: list[str] | None = None,
    config: Config | None = None,
) -> list[dict[str, object]]:
    """Parley's quotes for each article, through the whole pipeline, text taken verbatim."""
    from parley.pipeline import Failure, default_pipeline

    pipeline = default_pipeline(config)
    lines = []
    results = pipeline.pipe_texts((gold[s].text, None) for s in stems)
    for stem, result in zip(stems, results, strict=True):
        if isinstance(result, Failure):
            if notes is not None:
                notes.append(f"{stem}: {result.stage} failed: {result.message}")
            lines.append(system_line(stem, ()))
            continue
        lines.append(system_line(stem, result.quotes))
    return lines


def _article(stem: str, text: str) -> Article:
    return Article.from_text(text, id=stem, source=stem)


def run(
    data_dir: Path,
    *,
    split: str = "dev",
    limit: int | None = None,
    output: Path | None = None,
    config: Config | None = None,
) -> Report:
    """Run Parley over PolNeAR ``split`` and score it; ``output`` keeps the system JSONL."""
    gold_dir = require_dir(data_dir / "polnear" / split, f"PolNeAR {split} split")
    gold, multi = load_gold(gold_dir)
    stems = sorted(gold)[:limit] if limit is not None else sorted(gold)
    gold = {s: gold[s] for s in stems}
    notes: list[str] = []
    lines = system_output(gold, stems, notes, config)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(
            "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines),
            encoding="utf-8",
        )
    scores = score(gold, read_system(lines))
    metrics: dict[str, float] = {}
    for role in ROLES:
        for mode in MODES:
            p, r, f = scores.prf(f"{role}.{mode}")
            key = f"{split}.{role.lower()}.{mode}"
            metrics.update({f"{key}.p": p, f"{key}.r": r, f"{key}.f1": f})
    metrics[f"{split}.speaker.match"] = scores.speaker_accuracy
    notes.insert(
        0, f"PolNeAR {split}: {len(gold)} articles ({multi} with several annotators, first used)"
    )
    return Report("quotes", metrics, table(scores), tuple(notes))
