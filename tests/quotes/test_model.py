"""The attribution model: training on a tiny corpus written for these tests, loading once per
pipeline, ``--quotes rules`` against the model, and its decisions on a few sentences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from parley.cli import main
from parley.config import Config
from parley.errors import ModelError
from parley.nlp.index import ParseIndex
from parley.quotes import QuoteResources
from parley.quotes import model as model_module
from parley.quotes.attribution import candidate_drafts, find_drafts
from parley.quotes.drafts import QuoteState
from parley.quotes.features import draft_features
from parley.quotes.model import AttributionModel, BoundaryModel, build_net

pytestmark = pytest.mark.model

# (text, [(source, cue, content)]) for each article of the fixture corpus; every sentence
# is invented for this test. Spans are found in the text by their words.
_ARTICLES: dict[str, list[tuple[str, list[tuple[str, str, str]]]]] = {
    "train": [
        (
            "The mayor of Eastport said that the bridge would reopen in June.\n\n"
            "Workers laid new stones on the road near the harbour.\n\n"
            "\u201cWe will finish on time,\u201d the engineer told reporters.",
            [
                ("The mayor of Eastport", "said", "that the bridge would reopen in June"),
                ("the engineer", "told", "\u201cWe will finish on time,\u201d"),
            ],
        ),
        (
            "The council argued that the budget was too small.\n\n"
            "Students displayed their paintings in the library hall.\n\n"
            "A spokeswoman added that more funds might come next year.",
            [
                ("The council", "argued", "that the budget was too small"),
                ("A spokeswoman", "added", "that more funds might come next year"),
            ],
        ),
    ],
    "dev": [
        (
            "The governor said that the ferry service would expand.\n\n"
            "Volunteers planted trees along the river bank.",
            [("The governor", "said", "that the ferry service would expand")],
        ),
    ],
}


def _write_corpus(root: Path) -> Path:
    """A PolNeAR-shaped folder: polnear/<split>/text/*.txt and attributions/*.ann."""
    for split, articles in _ARTICLES.items():
        (root / "polnear" / split / "text").mkdir(parents=True)
        (root / "polnear" / split / "attributions").mkdir(parents=True)
        for n, (text, attributions) in enumerate(articles):
            stem = f"fixture_{split}_{n}"
            (root / "polnear" / split / "text" / f"{stem}.txt").write_text(text, "utf-8")
            lines: list[str] = []
            t = 0
            for e, (source, cue, content) in enumerate(attributions, 1):
                ids = []
                for role, words in (("Source", source), ("Cue", cue), ("Content", content)):
                    t += 1
                    at = text.index(words)
                    lines.append(f"T{t}\t{role} {at} {at + len(words)}\t{words}")
                    ids.append(f"{role}:T{t}")
                lines.append(f"E{e}\tAttribution:T{t} " + " ".join(ids))
            (root / "polnear" / split / "attributions" / f"{stem}_a1.ann").write_text(
                "\n".join(lines) + "\n", "utf-8"
            )
    return root


def test_model_train_quotes_command_is_deterministic(tmp_path: Path) -> None:
    data = _write_corpus(tmp_path / "data")
    outs = [tmp_path / "one", tmp_path / "two"]
    for out in outs:
        with pytest.raises(SystemExit) as done:
            main(["train", "quotes", "--data", str(data), "--out", str(out)])
        assert done.value.code == 0
    for name in ("weights.bin", "meta.json", "boundaries.bin", "boundaries.json"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes()
    model = AttributionModel.load(outs[0])
    assert 0.0 < model.threshold < 1.0
    assert model.meta["train_examples"] > 0
    assert set(BoundaryModel.load(outs[0]).meta["margins"]) == {"content", "src", "cue"}
    # --boundaries-only remakes the chooser and leaves the attribution model as it was.
    marked = AttributionModel.load(outs[0])
    marked.threshold = 0.42
    marked.save(outs[0])
    (outs[0] / "boundaries.bin").unlink()
    with pytest.raises(SystemExit) as done:
        main(["train", "quotes", "--boundaries-only", "--data", str(data), "--out", str(outs[0])])
    assert done.value.code == 0
    assert AttributionModel.load(outs[0]).threshold == 0.42
    assert (outs[0] / "boundaries.bin").read_bytes() == (outs[1] / "boundaries.bin").read_bytes()


def test_model_train_quotes_without_data_is_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["train", "quotes", "--data", str(tmp_path), "--out", str(tmp_path / "m")])
    assert done.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("parley: error:") and "\n" not in err


def test_model_missing_folder_is_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="parley train quotes"):
        AttributionModel.load(tmp_path)


def test_model_selection_rules_or_model() -> None:
    assert QuoteResources.load(Config(quotes="rules")).model is None
    assert QuoteResources.load(Config()).model is not None
    with pytest.raises(ModelError, match="quote finder"):
        QuoteResources.load(Config(quotes="neural"))


def test_model_loaded_once_per_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    from parley.pipeline import Pipeline

    loads: list[Path] = []
    real_load = AttributionModel.load.__func__  # type: ignore[attr-defined]

    def counting(cls: type[AttributionModel], folder: Path = model_module.MODEL_DIR) -> Any:
        loads.append(folder)
        return real_load(cls, folder)

    monkeypatch.setattr(AttributionModel, "load", classmethod(counting))
    pipeline = Pipeline.from_config(Config())
    for text in ("The envoy said that talks would resume.", "The mayor said he was glad."):
        pipeline.analyze_text(text)
    assert len(loads) == 1
    Pipeline.from_config(Config(quotes="rules")).analyze_text("The envoy said so.")
    assert len(loads) == 1


def _candidates(nlp: Any, text: str) -> tuple[QuoteState, list[Any]]:
    resources = QuoteResources.load(Config(quotes="rules"))
    state = QuoteState.build(ParseIndex.build(nlp(text)), resources)
    return state, candidate_drafts(state)


def test_model_threshold_decides_what_is_kept(nlp: Any) -> None:
    text = "The minister said that the border would stay open."
    parse = ParseIndex.build(nlp(text))
    rules = QuoteResources.load(Config(quotes="rules"))
    assert find_drafts(parse, rules)
    net = build_net(2**10)
    for threshold, kept in ((0.0, True), (1.0, False)):
        resources = QuoteResources(rules.lexicon, rules.marks, AttributionModel(net, threshold))
        assert bool(find_drafts(parse, resources)) is kept


def test_model_features_read_the_content_shape(nlp: Any) -> None:
    state, drafts = _candidates(nlp, "The minister said that the border would stay open.")
    features = draft_features(state, drafts[0])
    assert "shape=that" in features and "class=speech" in features
    assert "rule=reported" in features and "lemma=say" in features


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("The foreign minister said that the border would stay open until March.", {"say"}),
        ("\u201cWe will not give up the islands,\u201d the envoy told reporters.", {"tell"}),
        # The rules read "guess" as a cue of its own; only the saying is an attribution.
        ("I guess that settles it, said the man who lost his coat.", {"say"}),
    ],
)
def test_model_decides_on_sentences(nlp: Any, text: str, cues: set[str]) -> None:
    model = AttributionModel.load()
    state, drafts = _candidates(nlp, text)
    kept = model.keep([draft_features(state, d) for d in drafts])
    assert {d.cue_lemma for d, keep in zip(drafts, kept, strict=True) if keep} == cues


@pytest.mark.parametrize("known", [None, {}, {"cue=say": 7}])
def test_model_encode_hashes_each_feature_once_in_row_order(known: dict[str, int] | None) -> None:
    rows = [["cue=say", "src=PROPN"], [], ["src=PROPN", "len=3", "cue=say"]]
    memo = None if known is None else dict(known)
    keys, values, lengths = model_module.encode(rows, memo)
    expected = [
        memo_value if memo_value is not None else model_module._hash(f)
        for f in (f for row in rows for f in row)
        for memo_value in [None if known is None else known.get(f)]
    ]
    assert keys.tolist() == expected
    assert values.tolist() == [1.0] * 5
    assert lengths.tolist() == [2, 0, 3]
    if memo is not None:
        assert set(memo) == {"cue=say", "src=PROPN", "len=3"}
