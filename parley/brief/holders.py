"""Whose position a stance is, for "Where each side stands".

A stance is a side's position only when the side says it: its evidence is a quote whose
speaker belongs to that side, and no other voice reports it (``reported_by``). A party
someone else speaks about ("the U.S. claims the drills are defensive, the statement said";
"The U.S. staged the drills", told by the other side's news agency) holds the stance in
the record, but the words are that voice's account of it, not the party's position.

A side is a country, and its position is what its state says (``speaks_for_side``), in a
dyad brief and in a brief of one article alike: the holder and the speaker of its words must
both be the country itself, its government, armed forces, legislature, courts, officials or
parties, or its media where the state runs the press (``state_press.txt``: Pyongyang's
papers, not a US weekly). A civic body, school, firm or union coded to the country by where
it sits speaks for itself: KCNA's "Federation of Koreans in the U.S.", a Juche study group
"of the U.S." or a Seoul professor is no position of their country. Nor is a person out of
every office they held by the day of the stance (``StateVoices.offices``, from the knowledge
base's dated facts): a president who died in 1994 holds no 2012 position, and such a
speaker on a 2012 story is most often a misread attribution; a former official speaks for
himself.

In a dyad brief the outlet counts as a voice too: an article published by the other side's
outlet (the store codes the outlet's name as it codes that name in the articles, e.g. KCNA
as PRKMED) gives a side's words as its own only in quotation marks (a direct quote); its
narration and its reported speech of the side are its own account.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parley.datafiles import read_lines, read_words

if TYPE_CHECKING:
    import duckdb

__all__ = ["StateVoices", "acts_for_side", "outlet_codes", "said_by_holder", "speaks_for_side"]

DATA = Path(__file__).resolve().parent / "data"
# The knowledge base's people, read as a table: the brief reads stored records and loads no
# pipeline stage (the knowledge base is the entity stage's).
PEOPLE = Path(__file__).resolve().parent.parent / "kb" / "data" / "people.tsv"


def _key(name: str) -> str:
    """A name as the office table is looked up: case-folded, dots dropped, dashes as spaces
    ("Kim Jong-il" and "Kim Jong Il" are one key)."""
    return " ".join(name.casefold().replace(".", "").replace("-", " ").split())


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


@dataclass(frozen=True, slots=True)
class StateVoices:
    """What decides whether a voice is its state's: the countries whose state runs the press,
    and when each known person's last office ended (None: one is still held)."""

    state_press: frozenset[str] | None = None  # None: every country's media
    offices: dict[str, date | None] = field(default_factory=dict)  # normalized name -> end

    @classmethod
    def load(cls, data: Path = DATA, people: Path = PEOPLE) -> StateVoices:
        press = frozenset(w.strip().upper() for w in read_words(data / "state_press.txt"))
        offices: dict[str, date | None] = {}
        header: list[str] | None = None
        for row in read_lines(people):
            if header is None:
                header = [cell.casefold() for cell in row.fields]
                continue
            fact = dict(zip(header, row.fields, strict=False))
            if fact.get("kind") != "person":
                continue
            end = date.fromisoformat(fact["end"]) if fact.get("end") else None
            names = [fact["name"], *(fact.get("aliases") or "").split("|")]
            for name in {_key(n) for n in names if n}:
                ends = (offices[name], end) if name in offices else (end,)
                offices[name] = None if None in ends else max(e for e in ends if e is not None)
        return cls(press, offices)

    def in_office(self, name: str | None, day: date | None) -> bool:
        """False for a person whose every office had ended by ``day``; True otherwise (a
        name the knowledge base does not date is taken as speaking in its role)."""
        if not name or day is None:
            return True
        end = self.offices.get(_key(name), None)
        return end is None or day < end

    def speaks(
        self, code: str | None, kind: str | None, name: str | None, day: date | None
    ) -> bool:
        """Whether a holder or speaker (its code, entity kind, name) speaks for its state."""
        code = code or ""
        if code.startswith("IGO"):
            return True  # an intergovernmental body is a side of its own
        if kind == "person" and not self.in_office(name, day):
            return False
        if len(code) <= 3:
            return kind is None or kind in BARE_KINDS
        sector = code[3:6]
        if sector == "MED":
            return self.state_press is None or code[:3] in self.state_press
        return sector in SIDE_SECTORS


def acts_for_side(row: dict[str, Any], voices: StateVoices) -> bool:
    """Whether both actors of an event row (``source_actor``/``source_kind``/
    ``source_name``, the same for the target) act for their states, as a dyad's key events
    want: KCNA's "Federation of Koreans in the U.S." expressing condolences is no act of the
    United States. A bare country code stands for the state unless it is an organisation's
    (a group the coder gave only a country, "the U.S. imperialists", is the state)."""
    day = row.get("day")
    for side in ("source", "target"):
        code, kind = row.get(f"{side}_actor"), row.get(f"{side}_kind")
        if code and len(code) <= 3 and kind != "organization":
            kind = None
        if code and not voices.speaks(code, kind, row.get(f"{side}_name"), day):
            return False
    return True


def speaks_for_side(row: dict[str, Any], voices: StateVoices | None = None) -> bool:
    """Whether a stance row is its side's state speaking (see the module's docstring): its
    holder, and the speaker of its quote when it has one. A row with no holder kind (a store
    without entities) is taken at its code. With no ``voices`` every medium counts as its
    state's and no one is out of office."""
    if voices is None:
        voices = StateVoices()
    day = row.get("day")
    if not voices.speaks(row.get("actor_code"), row.get("actor_kind"), row.get("actor_name"), day):
        return False
    if not row.get("quote_id") or not (row.get("speaker_code") or row.get("speaker_kind")):
        return True
    return voices.speaks(
        row.get("speaker_code"), row.get("speaker_kind"), row.get("speaker_name"), day
    )


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
