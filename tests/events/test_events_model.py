"""The event filter: the packaged model loads once per pipeline and is deterministic,
``Config.events`` / ``--events`` switches it, and ``parley train events`` runs on a tiny
gold written for these tests (same bytes twice)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from parley.cli import main
from parley.config import Config
from parley.errors import ModelError
from parley.events import EventResources
from parley.events import model as model_module
from parley.events.model import EventModel, kept
from parley.quotes.model import build_net
from tests.events.conftest import write_event_gold

pytestmark = pytest.mark.model

# Invented sentences in the PLOVER records' shape: text, event type, source and target.
_PLOVER = [
    ("Norway sent food aid to Chad on Monday.", "AID", "NOR", "TCD"),
    ("The Chilean army attacked rebels near the border with Peru.", "FIGHT", "CHL", "PER"),
    ("Canada criticized Mexico over the new tariffs.", "DISAPPROVE", "CAN", "MEX"),
    ("Japan and Korea held talks in Seoul about fishing rights.", "CONSULT", "JPN", "KOR"),
    ("Egypt agreed to return the prisoners to Sudan.", "AGREE", "EGY", "SDN"),
    ("Brazil demanded that Argentina withdraw its ambassador.", "DEMAND", "BRA", "ARG"),
]
_PETRARCH = """<Sentences>
<Sentence date="20150102" id="FIX-1" source="test">
<EventCoding sentenceid="FIX-1" eventcode="042" sourcecode="NOR" targetcode="TCD"></EventCoding>
<Text>The Norwegian prime minister visited Chad last week.</Text>
</Sentence>
<Sentence date="20150103" id="FIX-2" source="test">
<EventCoding sentenceid="FIX-2" eventcode="111" sourcecode="CAN" targetcode="MEX"></EventCoding>
<Text>Canada criticized Mexico for its treatment of migrants.</Text>
</Sentence>
</Sentences>
"""


def _write_gold(root: Path) -> Path:
    return write_event_gold(root, _PLOVER, _PETRARCH)


def test_events_model_train_command_is_deterministic(tmp_path: Path) -> None:
    data = _write_gold(tmp_path / "data")
    outs = [tmp_path / "one", tmp_path / "two"]
    for out in outs:
        with pytest.raises(SystemExit) as done:
            main(["train", "events", "--data", str(data), "--out", str(out)])
        assert done.value.code == 0
    for name in ("weights.bin", "meta.json"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes()
    model = EventModel.load(outs[0])
    assert 0.0 <= model.threshold < 1.0
    assert model.meta["units"]["plover"] == len(_PLOVER)
    assert model.meta["examples"] > 0 and "rules" in model.meta["cv"]


def test_events_model_packaged_loads_small() -> None:
    model = EventModel.load()
    assert 0.0 < model.threshold < 1.0
    size = sum(p.stat().st_size for p in model_module.MODEL_DIR.iterdir())
    assert size < 30 * 1024 * 1024
    assert model.meta["cv"]["model"]["plover.event.f1"] > 0.0


def test_events_model_missing_folder_is_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="parley train events"):
        EventModel.load(tmp_path)


def test_events_model_selection_rules_or_model() -> None:
    assert EventResources.load(Config()).model is None  # the rules alone are the default
    assert EventResources.load(Config(events="model")).model is not None
    with pytest.raises(ModelError, match="event finder"):
        EventResources.load(Config(events="neural"))


def test_events_model_kept_keeps_each_sentences_best() -> None:
    # Sentence 0: one sure and one doubtful event; sentence 1: two doubtful ones.
    assert kept([0, 0, 1, 1], [0.9, 0.1, 0.2, 0.05], 0.5) == [True, False, True, False]
    assert kept([0, 0], [0.6, 0.7], 0.5) == [True, True]
    assert kept([], [], 0.5) == []


_TEXT = (
    "Norway sent food aid to Chad and criticized Sudan. "
    "Canada and Mexico held talks in Ottawa and signed an agreement."
)


def test_events_model_switches_and_is_deterministic(monkeypatch: pytest.MonkeyPatch) -> None:
    from parley.pipeline import Pipeline

    loads: list[Path] = []
    real_load = EventModel.load.__func__  # type: ignore[attr-defined]

    def counting(cls: type[EventModel], folder: Path = model_module.MODEL_DIR) -> Any:
        loads.append(folder)
        return real_load(cls, folder)

    monkeypatch.setattr(EventModel, "load", classmethod(counting))
    rules = Pipeline.from_config(Config()).analyze_text(_TEXT).events
    assert loads == []
    pipeline = Pipeline.from_config(Config(events="model"))
    first = pipeline.analyze_text(_TEXT).events
    second = pipeline.analyze_text(_TEXT).events
    assert len(loads) == 1  # once per pipeline, not once per text
    assert first == second
    assert set(first) <= set(rules) and first
    # A filter that trusts nothing keeps only each sentence's best event.
    distrust = EventModel(build_net(model_module.LENGTH), 2.0)
    resources = pipeline.resources
    events = dataclasses.replace(resources.events, model=distrust)
    strict = Pipeline(dataclasses.replace(resources, events=events))
    sentences = {e.sentence for e in rules}
    assert len(strict.analyze_text(_TEXT).events) == len(sentences) < len(rules)
