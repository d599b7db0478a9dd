"""Whose position a stance is, for "Where each side stands".

A stance is a side's position only when the side says it: its evidence is a quote whose
speaker belongs to that side, and no other voice reports it (``reported_by``). A party
someone else speaks about ("the U.S. claims the drills are defensive, the statement said";
"The U.S. staged the drills", told by the other side's news agency) holds the stance in
the record, but the words are that voice's account of it, not the party's position.

In a dyad brief a side is a country, and its position is what its state says: the country
itself, its government, armed forces, legislature, courts, officials, parties and media
(``speaks_for_side``). A civic body, school, firm or union coded to the country by where it
sits speaks for itself: KCNA's "Federation of Koreans in the U.S." or a Juche study group
"of the U.S." is no position of the United States.

In a dyad brief the outlet counts as a voice too: an article published by the other side's
outlet (the store codes the outlet's name as it codes that name in the articles, e.g. KCNA
as PRKMED) gives a side's words as its own only in quotation marks (a direct quote); its
narration and its reported speech of the side are its own account.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb

__all__ = ["outlet_codes", "said_by_holder", "speaks_for_side"]

# Words all in quotation marks. A mixed quote is not enough: state media put an adversary's
# terms in scare quotes ('the U.S. called for "dismantlement of nukes"') inside their own
# account.
_QUOTED = frozenset({"direct"})


# CAMEO sectors of a country's state voices: government, military, police, intelligence,
# legislature, judiciary, elites (leaders and officials), parties and media.
SIDE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD", "ELI", "PTY", "MED"})
# Holders whose bare country code is the country's own voice: the country named, and people
# (a person the entity stage gave no sector); a body with no sector is no state body known.
BARE_KINDS = frozenset({"country", "person"})


def speaks_for_side(row: dict[str, Any]) -> bool:
    """Whether a stance row's holder speaks for its country's side (see the module's
    docstring); a row with no holder kind (a store without entities) is taken at its code."""
    code = row.get("actor_code") or ""
    if len(code) <= 3:
        kind = row.get("actor_kind")
        return kind is None or kind in BARE_KINDS
    return code[3:6] in SIDE_SECTORS


def outlet_codes(con: duckdb.DuckDBPyConnection, outlets: Iterable[str]) -> dict[str, str]:
    """The actor code of each outlet name, as the store's entities code that name where an
    article mentions it ("KCNA (kcna.co.jp)" is read as "KCNA"); outlets the articles never
    name are left out."""
    names = {outlet: outlet.split("(")[0].strip() for outlet in outlets if outlet}
    wanted = sorted({n for n in names.values() if n})
    if not wanted:
        return {}
    rows = con.execute(
        "SELECT m.text, e.actor, count(*) AS n FROM mentions m JOIN entities e"
        " USING (article_id, entity_id) WHERE m.text IN (SELECT unnest(?))"
        " AND e.actor IS NOT NULL GROUP BY ALL ORDER BY m.text, n DESC, e.actor",
        [wanted],
    ).fetchall()
    code_of: dict[str, str] = {}
    for text, actor, _ in rows:
        code_of.setdefault(text, actor)  # the most frequent code of the name
    return {outlet: code_of[name] for outlet, name in names.items() if name in code_of}


def said_by_holder(row: dict[str, Any], others: tuple[str, ...] = ()) -> bool:
    """Whether a stance row is its holder's own position: not reported by another voice,
    its quote spoken by the holder (the same country code, or the same name for a holder
    with no code), and, when the article's outlet is coded as one of ``others`` (the other
    side of a dyad), said in quotation marks (a direct quote)."""
    if row.get("reported_by"):
        return False
    outlet = row.get("outlet_code") or ""
    foreign_outlet = any(outlet.startswith(o) for o in others if o)
    if not row.get("quote_id"):
        return not foreign_outlet
    holder = row.get("actor_code") or ""
    if holder:
        if (row.get("speaker_code") or "")[:3] != holder[:3]:
            return False
    elif row.get("speaker_name") != row.get("actor_name"):
        return False
    return not foreign_outlet or row.get("quote_kind") in _QUOTED
