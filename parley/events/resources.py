"""Everything the event stage reads, loaded once per pipeline: ``EventResources.load(config)``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spacy.tokens import Token
from spacy.vocab import Vocab

from parley.config import EVENT_MODES, PARTY_MODES, Config
from parley.errors import ModelError
from parley.events.lexicon import (
    DATA,
    CodeInfo,
    Lexicon,
    ModalityCues,
    Pattern,
    QuadClasses,
    StanceCues,
    StatementCodes,
    code_info,
    quad_class,
    read_codes,
    read_deaths,
    read_evaluative,
    read_lemmas,
    read_modality_cues,
    read_pairs,
    read_patterns,
    read_quad_classes,
    read_rallying,
    read_stance_cues,
    read_statement_codes,
    read_statement_subcodes,
    read_voice_nouns,
)
from parley.events.model import EventModel
from parley.events.parties import PartyModel
from parley.events.petrarch import read_verb_dictionary
from parley.quotes.lexicon import DATA_DIR as QUOTE_DATA
from parley.quotes.lexicon import read_mark_pairs
from parley.quotes.marks import MarkTable
from parley.quotes.titles import TitleNouns

__all__ = ["EventResources"]


@dataclass(frozen=True, slots=True, eq=False)
class EventResources:
    """The event stage's tables and lexicons (see ``parley.events.lexicon`` for each file)."""

    codes: dict[str, CodeInfo]
    quad_classes: QuadClasses
    lexicon: Lexicon
    user_verbs: bool  # whether the user gave verb dictionaries (their codes are less sure)
    complement_codes: dict[tuple[str, str], str]
    statement_codes: StatementCodes
    modality_cues: ModalityCues
    stance_cues: StanceCues
    receiving_verbs: frozenset[str]
    symmetric_words: frozenset[str]
    gathering_words: frozenset[str]  # a body's own meeting consults no one (``extract``)
    evaluative_words: dict[str, tuple[str, int, str]]
    voice_nouns: dict[str, str]
    rallying_words: dict[str, str]
    policy_nouns: frozenset[str]
    title_nouns: TitleNouns  # before a title in marks, a work's or a claim's (``titles``)
    marks: MarkTable  # the quotation marks, as the quote stage pairs them
    model: EventModel | None = None  # the event filter; None: the rules alone (``--events rules``)
    # The source/target chooser; None: the rules' parties (``--parties rules``).
    parties: PartyModel | None = None
    # Who died when (``deaths.tsv``): their acts after that day are history (``dating``).
    deaths: Mapping[str, date] = field(default_factory=dict)
    # The knowledge base's capitals, normalised (``parley.resources.capital_names``): one
    # standing for its country in an event is that state's government, or the people there.
    capitals: frozenset[str] = frozenset()

    @classmethod
    def load(
        cls,
        config: Config,
        vocab: Vocab | None = None,
        data: Path = DATA,
        capitals: frozenset[str] = frozenset(),
    ) -> EventResources:
        """Read Parley's tables from ``data`` and the user's PETRARCH/TABARI verb dictionaries
        named in ``config.petrarch_verbs`` (tried first for the words they cover). The
        vocabulary is not needed: the lexicon matches lemmas on the parse. The packaged event
        filter is read when ``config.events`` is "model", the source/target chooser when
        ``config.parties`` is. ``capitals``: the knowledge base's, normalised."""
        del vocab
        if config.events not in EVENT_MODES:
            raise ModelError(
                f"unknown event finder {config.events!r} (one of {', '.join(EVENT_MODES)})"
            )
        if config.parties not in PARTY_MODES:
            raise ModelError(
                f"unknown party chooser {config.parties!r} (one of {', '.join(PARTY_MODES)})"
            )
        patterns: list[Pattern] = read_patterns(data / "verbs.tsv")
        for path in config.petrarch_verbs:
            patterns.extend(read_verb_dictionary(Path(path)))
        user_verbs = bool(config.petrarch_verbs)
        subcodes = read_statement_subcodes(data / "statement_subcodes.tsv")
        return cls(
            codes=read_codes(data / "cameo_codes.tsv", data / "cameo_plover.tsv"),
            quad_classes=read_quad_classes(data / "quad_classes.tsv"),
            lexicon=Lexicon(patterns, user_first=user_verbs),
            user_verbs=user_verbs,
            complement_codes=read_pairs(data / "complement_codes.tsv", subcodes),
            statement_codes=read_statement_codes(data / "statement_codes.tsv", subcodes),
            modality_cues=read_modality_cues(data / "modality.tsv"),
            stance_cues=read_stance_cues(data / "stance.tsv"),
            receiving_verbs=read_lemmas(data / "receiving_verbs.txt"),
            symmetric_words=read_lemmas(data / "symmetric_words.txt"),
            gathering_words=read_lemmas(data / "gathering_words.txt"),
            evaluative_words=read_evaluative(data / "evaluative.tsv"),
            voice_nouns=read_voice_nouns(data / "voice_nouns.txt"),
            rallying_words=read_rallying(data / "rallying.tsv"),
            policy_nouns=read_lemmas(data / "policy_nouns.txt"),
            title_nouns=TitleNouns.read(QUOTE_DATA / "title_nouns.tsv"),
            marks=MarkTable.build(read_mark_pairs(QUOTE_DATA / "marks.tsv")),
            model=EventModel.load() if config.events == "model" else None,
            parties=PartyModel.load() if config.parties == "model" else None,
            deaths=read_deaths(data / "deaths.tsv"),
            capitals=capitals,
        )

    def code_info(self, code: str) -> CodeInfo | None:
        """The code's name, Goldstein value and PLOVER type (a sub-code outside the table
        takes its parent's)."""
        return code_info(code, self.codes)

    def is_symmetric(self, words: Iterable[Token]) -> bool:
        """Whether the trigger's words name an act two parties do together ("met", "talks")."""
        return any(w.lemma_.lower() in self.symmetric_words for w in words)

    def quad_class(self, code: str) -> int:
        return quad_class(code, self.quad_classes)
