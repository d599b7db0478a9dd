"""The Python daemon of Parley's Spark executors: PySpark's own, with the pipeline loaded first.

PySpark starts one daemon per executor (and per set of environment variables), and the
daemon forks a Python worker whenever a task needs one and none is idle. A worker keeps what
it built between tasks, but an executor ends up with more workers than cores (a task may
start before the last one's worker is handed back), and each new worker that is given an
analysis built the whole pipeline again: on ``local[2]``, 400 KCNA stories ran with four
workers, two of them loading the model in the middle of the run (2 to 8 s each on a busy
core).

Named by ``spark.python.daemon.module`` (``spark_session`` sets it), this module builds the
default pipeline (``Config()``) in the daemon before it serves, when the run asks for it
(``PRELOAD`` in the workers' environment: the driver sets it when the run's configuration is
the default one). Every worker is forked from the daemon, so each starts with the pipeline
built, sharing its memory copy-on-write (``gc.freeze`` keeps the collector from touching the
shared objects). A run with another configuration builds its own pipeline in each worker, as
before.

Forking is safe only from a process with one thread (PySpark's own rule). The model is
loaded with one BLAS thread (``OMP_NUM_THREADS``: Spark sets it to the task's cores, and the
daemon to 1 where nothing did); if loading has started another thread all the same, or
fails, the daemon becomes PySpark's plain one (``exec``, keeping the pipe the JVM reads its
port from) and the workers build their own pipelines, as they would without this module.
"""

from __future__ import annotations

import os
import sys

__all__ = ["PRELOAD", "main"]

PRELOAD = "PARLEY_SPARK_PRELOAD"  # "1": build the default pipeline before serving
WARM_UP = (
    "The foreign ministers of two neighbouring states met in the capital on Monday and "
    "agreed to resume talks next month, a spokesman said."
)


def main() -> None:
    if os.environ.get(PRELOAD) == "1":
        # One BLAS thread, as Spark gives each task one core (it sets OMP_NUM_THREADS to
        # the task's cores where not set): no thread may be running when the daemon forks.
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        if not _preloaded():
            _plain_daemon()
    from pyspark.daemon import manager

    manager()


def _preloaded() -> bool:
    """Build the default pipeline here; False when forking would no longer be safe."""
    import gc

    try:
        from parley.config import Config
        from parley.pipeline import default_pipeline

        pipeline = default_pipeline(Config())
        pipeline.warm()  # the HTML libraries' tables
        pipeline.analyze_text(WARM_UP)  # and what the first analysis builds lazily
    except Exception:  # the workers will build (and report) it themselves
        return _threads() == 1
    gc.collect()
    gc.freeze()  # the pipeline's objects stay out of the collector's reach (and shared)
    return _threads() == 1


def _threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:  # not Linux: no way to count, so no fork from a loaded process
        return 0


def _plain_daemon() -> None:
    os.execv(sys.executable, [sys.executable, "-m", "pyspark.daemon"])


if __name__ == "__main__":
    main()
