"""The per-document time limit: not swallowed, in the main thread and in worker threads."""

from __future__ import annotations

import math
import threading

import pytest

from parley.errors import PARLEY_FAILURES, TimeLimitExceeded
from parley.limits import check_seconds, time_limit


def _spin_swallowing() -> None:
    """Work that wraps itself in ``except Exception``, as libraries do."""
    while True:
        try:
            sum(range(1000))
        except Exception:  # the point of the test: this must not catch the limit
            continue


def test_limits_main_thread_not_swallowed() -> None:
    with pytest.raises(TimeLimitExceeded) as info, time_limit(0.05, "doc"):
        _spin_swallowing()
    assert info.value.code == "E301"
    assert "doc took longer than 0.05 s" in str(info.value)


def test_limits_worker_thread() -> None:
    caught: list[BaseException] = []

    def work() -> None:
        try:
            with time_limit(0.05, "doc"):
                _spin_swallowing()
        except PARLEY_FAILURES as err:
            caught.append(err)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert not thread.is_alive()
    assert len(caught) == 1 and isinstance(caught[0], TimeLimitExceeded)
    assert caught[0].code == "E301"


def test_limits_nested_inner_keeps_outer_running() -> None:
    with pytest.raises(TimeLimitExceeded) as info, time_limit(0.2, "outer"):
        with time_limit(5, "inner"):
            pass
        _spin_swallowing()
    assert "outer" in str(info.value)


def test_limits_block_that_ends_in_time() -> None:
    with time_limit(5, "doc"):
        total = sum(range(100))
    assert total == 4950


@pytest.mark.parametrize("bad", [-5.0, math.nan, math.inf])
def test_limits_check_seconds_refuses(bad: float) -> None:
    with pytest.raises(ValueError):
        check_seconds(bad)


@pytest.mark.parametrize(("given", "expected"), [(None, None), (0, None), (2.5, 2.5)])
def test_limits_check_seconds_accepts(given: float | None, expected: float | None) -> None:
    assert check_seconds(given) == expected
