"""The seed article's stances, as the stance issue asks: the US holding sanctions in place
until denuclearization (Pompeo, Pence, Trump) and North Korea demanding they be eased (the
North's insistence, the Choson Sinbo, the Foreign Ministry column), each with its quotes."""

from __future__ import annotations

from parley.records import Analysis, Stance


def _sanctions(analysis: Analysis, country: str, position: str) -> list[Stance]:
    return [
        s
        for s in analysis.stances
        if s.issue == "sanctions"
        and (s.actor_code or "").startswith(country)
        and s.position == position
    ]


def test_stances_seed_us_holds_sanctions_until_denuclearization(seed_analysis: Analysis) -> None:
    assert seed_analysis.entities, "the entity stage produced no entities"
    us = _sanctions(seed_analysis, "USA", "support")
    names = {s.actor_name for s in us}
    assert {"Mike Pompeo", "Mike Pence", "Donald Trump"} <= names
    quotes = {q.id: q for q in seed_analysis.quotes}
    for name in ("Mike Pompeo", "Mike Pence", "Donald Trump"):
        own = [s for s in us if s.actor_name == name]
        assert any(e in quotes for s in own for e in s.evidence), f"{name}: no quote"
    assert not _sanctions(seed_analysis, "USA", "oppose")
    # Pence: "... maintain their pressure campaign, including sanctions, until the complete
    # denuclearization of the Korean Peninsula is achieved."
    held = [s for s in us if s.condition_issue == "denuclearization"]
    assert any(s.actor_name == "Mike Pence" for s in held)
    assert any(s.condition and s.condition.startswith("until") for s in held)


def test_stances_seed_north_korea_demands_sanctions_eased(seed_analysis: Analysis) -> None:
    assert seed_analysis.entities, "the entity stage produced no entities"
    north = _sanctions(seed_analysis, "PRK", "oppose")
    assert not _sanctions(seed_analysis, "PRK", "support")
    assert any(s.mode == "demand" and "insistence" in s.sentence for s in north)
    quotes = {q.id: q for q in seed_analysis.quotes}
    cited = {s.actor_name: [quotes[e].text for e in s.evidence if e in quotes] for s in north}
    choson = cited.get("Choson Sinbo") or []
    assert any("no need to bother with dialogue" in text for text in choson)
    column = [t for name, texts in cited.items() if "Foreign" in (name or "") for t in texts]
    assert any("two-track policy" in text for text in column)
