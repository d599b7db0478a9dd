"""The attribution model: which of the rules' candidate attributions are real.

A logistic regression over hashed sparse features (``features.py``), built from thinc's
``SparseLinear`` layer, the layer under spaCy's own bag-of-words text classifier: thinc is
already installed with spaCy (no new dependency), its sparse layer is written for exactly
this (millions of possible feature strings, a few dozen active per example, CPU only), and
its weights serialise to bytes with the model. The model ships as a folder:

    meta.json        format version, threshold, hash table size, training settings, scores
    weights.bin      the layer's parameters (thinc's ``Model.to_bytes``)
    boundaries.json  the boundary chooser's (``BoundaryModel``, ``bounds.py``) margin,
                     hash table size, training settings and scores
    boundaries.bin   its layer's parameters

``parley train quotes`` makes it (``train.py``); ``QuoteResources.load`` reads it once per
pipeline and nothing here caches it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any, ClassVar, Self

import numpy
from thinc.api import Model, SparseLinear_v2

from parley.errors import ModelError

__all__ = [
    "BOUNDARY_FORMAT", "FORMAT", "MODEL_DIR", "AttributionModel", "BoundaryModel",
    "ThresholdModel", "encode", "read_folder",
]  # fmt: skip

FORMAT = "parley.quotes.attribution/1"
BOUNDARY_FORMAT = "parley.quotes.boundaries/1"
BOUNDARY_LENGTH = 2**17  # hash slots: 0.5 MB of float32 weights
_WEIGHTS = "boundaries.bin"
_META = "boundaries.json"
MODEL_DIR = Path(__file__).with_name("model")
DEFAULT_LENGTH = 2**18  # hash slots: 1 MB of float32 weights, few collisions at ~100k features

Encoded = tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]
_MEMO_LIMIT = 50_000  # feature keys kept between articles (a few MB), then started again


def encode(rows: list[list[str]], known: dict[str, int] | None = None) -> Encoded:
    """Feature strings as the (keys, values, lengths) arrays ``SparseLinear`` reads.
    ``known``: feature keys hashed before (most features repeat from one article to the
    next), filled as new ones are hashed."""
    memo: dict[str, int] = {} if known is None else known
    if len(memo) > _MEMO_LIMIT:
        memo.clear()
    features = list(chain.from_iterable(rows))
    # Hash only the distinct features not seen before, then read every key in one C loop.
    for feature in set(features).difference(memo):
        memo[feature] = _hash(feature)
    keys = numpy.fromiter(map(memo.__getitem__, features), dtype="uint64", count=len(features))
    values = numpy.ones(len(keys), dtype="float32")
    lengths = numpy.fromiter((len(row) for row in rows), dtype="int32", count=len(rows))
    return keys, values, lengths


def _hash(feature: str) -> int:
    """A stable 64-bit key (Python's own ``hash`` of a string changes between runs)."""
    return int.from_bytes(hashlib.blake2b(feature.encode(), digest_size=8).digest(), "little")


def build_net(length: int = DEFAULT_LENGTH) -> Model[Any, Any]:
    """One output: the log-odds that a candidate is a real attribution."""
    net: Model[Any, Any] = SparseLinear_v2(nO=1, length=length)
    net.initialize()
    return net


@dataclass(slots=True, eq=False)
class ThresholdModel:
    """A trained layer giving the probability that what the rules proposed is right, the
    threshold it is kept at, and its metadata; saved as ``meta.json`` and ``weights.bin``.
    The quote attribution model and the event filter (``parley.events.model``) are two."""

    FORMAT: ClassVar[str] = ""
    WHAT: ClassVar[str] = ""  # its name in error messages
    REMAKE: ClassVar[str] = ""  # how a user remakes it, or does without it

    net: Model[Any, Any]
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict)
    known: dict[str, int] = field(default_factory=dict)  # hashed feature keys (``encode``)

    def probabilities(self, rows: list[list[str]]) -> list[float]:
        """P(right) for each feature row."""
        if not rows:
            return []
        scores = self.net.predict(encode(rows, self.known))
        return [float(p) for p in 1.0 / (1.0 + numpy.exp(-scores[:, 0]))]

    def keep(self, rows: list[list[str]]) -> list[bool]:
        return [p >= self.threshold for p in self.probabilities(rows)]

    # ------------------------------------------------------------------ files ---
    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        meta = {
            **self.meta,
            "format": self.FORMAT,
            "threshold": self.threshold,
            "length": self.net.get_dim("length"),
        }
        (folder / "weights.bin").write_bytes(self.net.to_bytes())
        (folder / "meta.json").write_text(
            json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )

    @classmethod
    def read(cls, folder: Path) -> Self:
        """Read a model folder; ModelError (one line) when it is missing or unreadable."""
        meta, data = read_folder(
            folder, "meta.json", "weights.bin", cls.FORMAT, what=cls.WHAT, remake=cls.REMAKE
        )
        try:
            net = build_net(int(meta["length"])).from_bytes(data)
            threshold = float(meta["threshold"])
        except (KeyError, TypeError, ValueError) as err:
            raise ModelError(f"{folder}: {cls.WHAT} is damaged: {err}") from err
        return cls(net, threshold, meta)


@dataclass(slots=True, eq=False)
class AttributionModel(ThresholdModel):
    """Which candidate attributions are real; the threshold tuned on PolNeAR dev."""

    FORMAT: ClassVar[str] = FORMAT
    WHAT: ClassVar[str] = "the quote attribution model"
    REMAKE: ClassVar[str] = "`parley train quotes`, or use --quotes rules"

    @classmethod
    def load(cls, folder: Path = MODEL_DIR) -> AttributionModel:
        return cls.read(folder)


@dataclass(slots=True, eq=False)
class BoundaryModel:
    """The trained candidate scorer and its metadata."""

    net: Model[Any, Any]
    meta: dict[str, Any] = field(default_factory=dict)
    known: dict[str, int] = field(default_factory=dict)

    def margin(self, role: str = "content") -> float:
        """How much a candidate must beat the rules' own boundaries of ``role`` (content,
        src, cue) by; tuned on PolNeAR dev."""
        return float(self.meta.get("margins", {}).get(role, 0.0))

    def scores(self, rows: list[list[str]]) -> list[float]:
        if not rows:
            return []
        return [float(s) for s in self.net.predict(encode(rows, self.known))[:, 0]]

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        meta = {**self.meta, "format": BOUNDARY_FORMAT, "length": self.net.get_dim("length")}
        (folder / _WEIGHTS).write_bytes(self.net.to_bytes())
        (folder / _META).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", "utf-8")

    @classmethod
    def load(cls, folder: Path = MODEL_DIR) -> BoundaryModel:
        """Read the chooser; ModelError (one line) when it is missing or unreadable."""
        meta, data = read_folder(
            folder, _META, _WEIGHTS, BOUNDARY_FORMAT, what="the quote boundary model",
            remake="`parley train quotes`, or use --quotes rules",
        )  # fmt: skip
        try:
            net = build_net(int(meta["length"])).from_bytes(data)
        except (KeyError, TypeError, ValueError) as err:
            raise ModelError(f"{folder}: the quote boundary model is damaged: {err}") from err
        return cls(net, meta)


def read_folder(
    folder: Path, meta_name: str, weights_name: str, format_name: str, *, what: str, remake: str
) -> tuple[dict[str, Any], bytes]:
    """A model's metadata and weights, read from ``folder``; ModelError (one line) when
    they are missing, unreadable or of another format."""
    try:
        meta = json.loads((folder / meta_name).read_text(encoding="utf-8"))
        data = (folder / weights_name).read_bytes()
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        message = f"cannot read {what} in {folder}: {err} (remake it with {remake})"
        raise ModelError(message) from err
    if not isinstance(meta, dict) or meta.get("format") != format_name:
        raise ModelError(f"{folder}/{meta_name} is not a {format_name} model")
    return meta, data
