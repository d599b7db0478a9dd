"""The source/target chooser: each side's candidates and their features, the margin rule,
``Config.parties`` / ``--parties`` switching it, and ``parley train parties`` on a tiny gold
written for these tests (same bytes twice)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.cli import main
from parley.config import Config
from parley.errors import ModelError
from parley.events import EventResources
from parley.events import parties as parties_module
from parley.events.parties import Candidate, PartyModel, candidates, choose
from parley.nlp.index import MentionIndex, ParseIndex
from parley.quotes.model import build_net
from tests.events.conftest import write_event_gold

# Invented sentences in the PLOVER records' shape: text, event type, source and target.
_PLOVER = [
    ("Norway sent food aid to Chad on Monday.", "AID", "NOR", "TCD"),
    ("Canada criticized Mexico in Ottawa over the new tariffs.", "DISAPPROVE", "CAN", "MEX"),
    ("Japan and Korea held talks in Seoul about fishing rights.", "CONSULT", "JPN", "KOR"),
    ("Brazil demanded that Argentina withdraw its ambassador.", "DEMAND", "BRA", "ARG"),
    ("Egypt's minister met the envoy of Sudan, and Libya watched.", "CONSULT", "EGY", "SDN"),
]
_PETRARCH = """<Sentences>
<Sentence date="20150102" id="FIX-1" source="test">
<EventCoding sentenceid="FIX-1" eventcode="042" sourcecode="NOR" targetcode="TCD"></EventCoding>
<Text>The Norwegian prime minister visited Chad last week.</Text>
</Sentence>
</Sentences>
"""


def _write_gold(root: Path) -> Path:
    return write_event_gold(root, _PLOVER, _PETRARCH)


def _candidate(side: str, entity: str | None, chosen: bool) -> Candidate:
    return Candidate(side, entity, entity and entity.upper(), entity, chosen, ["bias"])


def test_events_parties_choose_beats_the_rules_by_the_margin() -> None:
    cands = [
        _candidate("source", "nor", True),
        _candidate("target", None, True),
        _candidate("target", "tcd", False),
    ]
    assert choose(cands, [0.9, 0.3, 0.8], 0.4) == {"target": cands[2]}
    assert choose(cands, [0.9, 0.5, 0.8], 0.4) == {}  # 0.3 ahead is not enough
    assert choose(cands, [0.9, 0.8, 0.8], 0.0) == {}  # of equals, the rules' choice stays
    # Two sides never end as one party.
    same = [_candidate("source", "nor", True), _candidate("target", None, True)]
    same.append(_candidate("target", "nor", False))
    assert choose(same, [0.9, 0.1, 0.9], 0.0) == {}


@pytest.mark.model
def test_events_parties_candidates_and_features() -> None:
    from parley.pipeline import Pipeline

    pipeline = Pipeline.from_config(Config())
    text = "Canada criticized Mexico in Ottawa on Monday."
    analysis = pipeline.analyze_text(text)
    parse = ParseIndex.build(pipeline.resources.nlp(text), text)
    mentions = MentionIndex.build(analysis.entities, parse)
    (event,) = [e for e in analysis.events if e.cameo.startswith("11")]
    cands = candidates(event, parse, mentions)
    by_side = {s: [(c.code, c.chosen) for c in cands if c.side == s] for s in ("source", "target")}
    # The rules' choices first, "nobody" last for the target; the venue is no candidate.
    assert by_side == {"source": [("CAN", True)], "target": [("MEX", True), (None, False)]}
    assert {"path=nsubj|source", "before=True|source", "chosen=True|source"} <= set(cands[0].row)
    assert {"path=dobj|target", "dep=dobj|target"} <= set(cands[1].row)
    assert "mention=none|target" in cands[2].row


@pytest.mark.model
def test_events_parties_train_command_is_deterministic(tmp_path: Path) -> None:
    data = _write_gold(tmp_path / "data")
    outs = [tmp_path / "one", tmp_path / "two"]
    for out in outs:
        with pytest.raises(SystemExit) as done:
            main(["train", "parties", "--data", str(data), "--out", str(out)])
        assert done.value.code == 0
    for name in ("weights.bin", "meta.json"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes()
    model = PartyModel.load(outs[0])
    assert model.threshold >= 0.0
    assert model.meta["units"]["plover"] == len(_PLOVER)
    assert model.meta["examples"] > 0 and "rules" in model.meta["cv"]


def test_events_parties_packaged_loads_small() -> None:
    model = PartyModel.load()
    size = sum(p.stat().st_size for p in parties_module.MODEL_DIR.iterdir())
    assert size < 30 * 1024 * 1024
    assert model.meta["cv"]["model"]["plover.target.country.acc"] > 0.0


def test_events_parties_missing_folder_is_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="parley train parties"):
        PartyModel.load(tmp_path)


def test_events_parties_selection_rules_or_model() -> None:
    assert EventResources.load(Config()).parties is None  # the rules' parties are the default
    assert EventResources.load(Config(parties="model")).parties is not None
    with pytest.raises(ModelError, match="party chooser"):
        EventResources.load(Config(parties="neural"))


@pytest.mark.model
def test_events_parties_switch_through_the_pipeline() -> None:
    import dataclasses

    from parley.pipeline import Pipeline

    text = "Norway sent food aid to Chad and criticized Sudan. Canada met Mexico in Ottawa."
    rules = Pipeline.from_config(Config()).analyze_text(text).events
    pipeline = Pipeline.from_config(Config(parties="model"))
    first = pipeline.analyze_text(text).events
    assert first == pipeline.analyze_text(text).events
    assert [(e.trigger, e.cameo) for e in first] == [(e.trigger, e.cameo) for e in rules]
    # A chooser with no opinion (every candidate 0.5) changes nobody.
    flat = PartyModel(build_net(parties_module.LENGTH), 0.0)
    resources = pipeline.resources
    events = dataclasses.replace(resources.events, parties=flat)
    same = Pipeline(dataclasses.replace(resources, events=events))
    assert same.analyze_text(text).events == rules
