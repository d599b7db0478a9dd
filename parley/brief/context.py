"""What every section of one brief shares: the store, the scope, the wording, the cited
articles, and the names of the actors as the store gives them."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from parley.brief.cite import QUOTE_LIMIT, Sources, excerpt, excerpt_around, fold, unquoted
from parley.brief.holders import StateVoices
from parley.brief.model import Citation, Evidence, Figure, Sentence
from parley.brief.phrases import Phrases
from parley.brief.queries import Scope, actor_names

if TYPE_CHECKING:
    import duckdb

__all__ = ["Context"]


@dataclass
class Context:
    con: duckdb.DuckDBPyConnection
    scope: Scope
    phrases: Phrases
    sources: Sources
    kind: Literal["article", "corpus"]
    reference: date | None  # "what to watch" looks after this day
    cameo: dict[str, str]  # CAMEO code -> name
    names: tuple[str, str] | None = None  # the dyad's two sides
    voices: StateVoices = field(default_factory=StateVoices.load)  # whose words are a state's
    _names: dict[str, str] = field(default_factory=dict)

    @property
    def whole(self) -> Scope:
        """What the sections other than the state read: a brief of one article covers all
        of it, whatever its dyad; a corpus brief stays on its dyad."""
        return replace(self.scope, dyad=None) if self.kind == "article" else self.scope

    @property
    def a_name(self) -> str:
        return self.names[0] if self.names else ""

    @property
    def b_name(self) -> str:
        return self.names[1] if self.names else ""

    def preload(self, rows: Any) -> None:
        """Read at once the articles of rows about to be cited (one query, not one each)."""
        self.sources.load([row["article_id"] for row in rows])

    def name_of(self, code: str | None) -> str:
        """An actor code's name: the store's name for the code, else for its country, else
        the code itself."""
        if not code:
            return self.phrases.template("actors.unknown")
        if code not in self._names:
            wanted = [code, code[:3]]
            found = actor_names(self.con, wanted)
            self._names[code] = found.get(code) or found.get(code[:3]) or code
        return self._names[code]

    def actor(self, name: str | None, code: str | None) -> str:
        """How an event's actor is written: its entity's name, else its code's name."""
        return name if name else self.name_of(code)

    def action(self, cameo: str | None) -> str:
        """A CAMEO code's name, without the codebook's "not specified below"."""
        name = self.cameo.get(cameo or "", "")
        name = name.removesuffix(", not specified below").strip()
        name = name[:1].lower() + name[1:]
        return f"{name} (CAMEO {cameo})" if name else f"CAMEO {cameo}"

    def cite_event(self, row: dict[str, Any], *more: Evidence) -> Citation:
        return self.sources.cite(
            row["article_id"], row["start"], row["end"], Evidence("events", row["event_id"]), *more
        )

    def quoted(self, article_id: str, start: int, end: int) -> str:
        """The verbatim passage at those offsets, as a sentence quotes it."""
        return excerpt(unquoted(self.sources.text(article_id, start, end)))

    def quoted_around(self, row: dict[str, Any]) -> str:
        """An event's passage as a sentence quotes it: around its trigger when it is long."""
        return self.quoted_focus(row["article_id"], row["start"], row["end"],
                                 row.get("trigger_start"), row.get("trigger_end"))  # fmt: skip

    def quoted_focus(
        self, article_id: str, start: int, end: int, t_start: int | None, t_end: int | None
    ) -> str:
        """The passage ``start``..``end`` as a sentence quotes it: when it is long, the words
        around ``t_start``..``t_end`` (an event's trigger, a time expression)."""
        text = self.sources.text(article_id, start, end)
        short = len(fold(text)) <= QUOTE_LIMIT
        if short or t_start is None or t_end is None or not start <= t_start < t_end <= end:
            return excerpt(unquoted(text))
        return excerpt_around(text, t_start - start, t_end - start)

    def sentence(
        self,
        key: str,
        citations: list[Citation] | tuple[Citation, ...] = (),
        *,
        quotes: tuple[str, ...] = (),
        figures: dict[str, float] | None = None,
        absent: bool = False,
        **values: Any,
    ) -> Sentence:
        return Sentence(
            text=self.phrases.say(key, **values),
            citations=tuple(citations),
            quotes=quotes,
            figures=tuple(Figure(k, float(v)) for k, v in (figures or {}).items()),
            absent=absent,
        )
