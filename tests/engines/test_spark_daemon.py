"""The executors' Python daemon (``parley.engines.spark_daemon``): it builds the default
pipeline before serving when asked, and becomes PySpark's plain daemon when it cannot do so
safely. Spark itself is not started here (``test_spark.py`` runs the daemon under Spark)."""

from __future__ import annotations

import gc
import importlib.util
import os
import subprocess
import sys

import pytest

if importlib.util.find_spec("pyspark") is None:
    pytest.skip("PySpark is not installed (pip install 'parley[spark]')", allow_module_level=True)

from parley.engines import spark_daemon


class Served(Exception):
    """Raised where the daemon would start serving (PySpark's manager)."""


class Replaced(Exception):
    """Raised where the daemon would exec PySpark's plain daemon."""


@pytest.fixture
def daemon(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    def manager() -> None:
        calls.append("manager")
        raise Served

    def plain() -> None:
        calls.append("plain")
        raise Replaced

    import pyspark.daemon

    monkeypatch.setattr(pyspark.daemon, "manager", manager)
    monkeypatch.setattr(spark_daemon, "_plain_daemon", plain)
    return calls


def test_without_the_request_the_daemon_only_serves(
    daemon: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(spark_daemon.PRELOAD, raising=False)
    monkeypatch.setattr(spark_daemon, "_preloaded", lambda: pytest.fail("no preload asked"))
    with pytest.raises(Served):
        spark_daemon.main()
    assert daemon == ["manager"]


def test_a_preload_that_cannot_fork_safely_becomes_the_plain_daemon(
    daemon: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(spark_daemon.PRELOAD, "1")
    monkeypatch.setattr(spark_daemon, "_preloaded", lambda: False)
    with pytest.raises(Replaced):
        spark_daemon.main()
    assert daemon == ["plain"]


def test_a_second_thread_makes_the_preload_unsafe(monkeypatch: pytest.MonkeyPatch) -> None:
    import parley.pipeline

    monkeypatch.setattr(gc, "freeze", lambda: None)  # not in the test's own process
    monkeypatch.setattr(parley.pipeline, "default_pipeline", lambda config: _Built())
    monkeypatch.setattr(spark_daemon, "_threads", lambda: 2)
    assert spark_daemon._preloaded() is False
    monkeypatch.setattr(spark_daemon, "_threads", lambda: 1)
    assert spark_daemon._preloaded() is True


def test_a_failed_preload_leaves_the_workers_to_build(monkeypatch: pytest.MonkeyPatch) -> None:
    import parley.pipeline

    def broken(config: object) -> None:
        raise OSError("no model")

    monkeypatch.setattr(parley.pipeline, "default_pipeline", broken)
    monkeypatch.setattr(spark_daemon, "_threads", lambda: 1)
    assert spark_daemon._preloaded() is True  # nothing built, still safe to fork


class _Built:
    def warm(self) -> None:
        pass

    def analyze_text(self, text: str) -> None:
        assert text == spark_daemon.WARM_UP


@pytest.mark.model
def test_the_preload_builds_the_default_pipeline_in_one_thread() -> None:
    """In a fresh process, as Spark starts the daemon: the pipeline is built and warm, and
    no other thread is left running."""
    code = (
        "import os; os.environ.setdefault('OMP_NUM_THREADS', '1')\n"
        "from parley.engines import spark_daemon\n"
        "import gc, parley.pipeline\n"
        "from parley.config import Config\n"
        "ok = spark_daemon._preloaded()\n"
        "built = parley.pipeline._DEFAULT\n"
        "print(ok, built is not None and built.config == Config(), gc.get_freeze_count() > 0)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "OMP_NUM_THREADS"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True", "True"]
