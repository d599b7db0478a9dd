"""``Web``: what every view is handed (the store, the settings, the templates), built once
when the app starts and owned by it (no module-level state)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jinja2 import Environment

from parley.web.memo import Memo
from parley.web.store import Settings, WebStore

if TYPE_CHECKING:
    from parley.web.analyzer import Analyzer

__all__ = ["Web"]


@dataclass(slots=True)
class Web:
    settings: Settings
    store: WebStore
    templates: Environment
    cameo: dict[str, str]  # CAMEO code -> name, for labels
    analyzer: Analyzer
    pool: ThreadPoolExecutor  # a page's independent queries, run side by side
    memo: Memo  # results kept between requests, under the store's state
