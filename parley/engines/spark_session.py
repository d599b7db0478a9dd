"""Starting Spark for Parley: the session, its quiet logs, and the files executors need.

``start_session(master, verbose=...)`` returns a ``Session`` (the ``SparkSession`` and whether
Parley started it, so it stops only what it started). Under ``spark-submit``, or when a
session is already active (a notebook, the tests), that session is used as it is.

- Logs: Spark's JVM writes its warnings and the Python workers' stderr to a log file, not the
  terminal, unless ``--verbose`` (``Session.log`` names the file, and an error message points
  at it). Spark's own progress bar is off too.
- ``local[N]`` runs as ``local[N,4]``: in local mode Spark retries nothing unless the master
  says how often, and a worker killed mid-partition should be retried as on a cluster.
- Local masters run the Python workers with this interpreter and this copy of Parley.
- ``ship_files(session, config)``: the user's knowledge files go to every executor
  (``SparkContext.addFile``) and ``executor_config`` finds them there.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parley.config import Config
from parley.errors import EngineError

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

__all__ = ["Session", "executor_config", "ship_files", "spark_master", "start_session"]

RETRIES = 4  # task attempts in local mode, as spark.task.maxFailures gives a cluster
LOG4J = Path(__file__).with_name("data") / "log4j2-quiet.properties"
SHIPPED_FIELDS = ("knowledge", "petrarch_actors", "petrarch_verbs")
_LOCAL = re.compile(r"^local(?:\[(\*|\d+)\])?$")

# Settings every Parley session has: times in UTC (publication days must not move with the
# machine's zone), timestamps as Parquet's INT64 microseconds (DuckDB reads them as
# TIMESTAMPTZ; Spark's default INT96 is deprecated), a run overwriting only the month
# partitions it wrote, and Parley's daemon for the Python workers (``spark_daemon``).
SESSION_CONF = {
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS",
    "spark.sql.sources.partitionOverwriteMode": "dynamic",
    # The executors' Python daemon builds the pipeline once, before forking its workers.
    "spark.python.daemon.module": "parley.engines.spark_daemon",
}


@dataclass
class Session:
    spark: SparkSession
    owned: bool  # started here, so stopped here
    log: Path | None  # where Spark's own output went (None: the terminal)

    def stop(self, *, keep_log: bool = False) -> None:
        """Stop Spark if it was started here; its log file goes too unless it is wanted
        (an error message names it)."""
        if self.owned:
            self.spark.stop()
        if self.log is not None and not keep_log:
            self.log.unlink(missing_ok=True)


def spark_master(master: str | None) -> str | None:
    """The master to start with: ``local[N]`` gets retries (``local[N,4]``); others as given."""
    if master is None:
        return None
    match = _LOCAL.match(master.strip())
    if match:
        return f"local[{match.group(1) or 1},{RETRIES}]"
    if not master.strip():
        raise EngineError("--master is empty: give local[N], spark://HOST:PORT, yarn, ...")
    return master.strip()


def start_session(master: str | None, *, verbose: bool = False) -> Session:
    """The Spark session for a run (see the module's docstring)."""
    try:
        from pyspark import SparkConf, SparkContext
        from pyspark.sql import SparkSession
    except ImportError as err:
        raise EngineError(
            "the Spark engine needs PySpark: pip install 'parley[spark]' "
            "(or the hashed requirements-spark.lock; see the README)"
        ) from err
    active = SparkSession.getActiveSession()
    if active is not None:
        return Session(active, owned=False, log=None)
    if "PYSPARK_GATEWAY_PORT" in os.environ:  # under spark-submit: its master, its JVM
        return Session(_configured(SparkSession.builder).getOrCreate(), owned=True, log=None)
    _check_java()
    resolved = spark_master(master) or f"local[*,{RETRIES}]"
    conf = SparkConf().setMaster(resolved).setAppName("parley ingest")
    for key, value in _settings(resolved, verbose).items():
        conf.set(key, value)
    log = None if verbose else _log_file()
    with _worker_path(resolved):
        sc = _start_context(conf, SparkContext, log)
    if not verbose:
        sc.setLogLevel("ERROR")
    return Session(SparkSession(sc), owned=True, log=log)


def _configured(builder: Any) -> Any:
    for key, value in SESSION_CONF.items():
        builder = builder.config(key, value)
    return builder


def _settings(master: str, verbose: bool) -> dict[str, str]:
    settings = dict(SESSION_CONF)
    if not verbose:
        quiet = f"-Dlog4j2.configurationFile={LOG4J.as_uri()}"
        settings["spark.driver.extraJavaOptions"] = quiet
        settings["spark.executor.extraJavaOptions"] = quiet
        settings["spark.ui.showConsoleProgress"] = "false"
    if master.startswith("local"):
        # The workers are this interpreter (it has Parley's dependencies), and the web UI is
        # of little use to a run on one machine (it costs a port and start-up time).
        settings["spark.pyspark.python"] = sys.executable
        settings["spark.ui.enabled"] = "true" if verbose else "false"
        # One machine talks to itself over the loopback interface, not the network card.
        settings["spark.driver.host"] = "127.0.0.1"
        settings["spark.driver.bindAddress"] = "127.0.0.1"
    return settings


def _start_context(conf: Any, context: Any, log: Path | None) -> Any:
    from pyspark import java_gateway

    launch_gateway: Any = java_gateway.launch_gateway  # untyped
    try:
        if log is None:
            return context(conf=conf)
        with log.open("ab") as sink:
            gateway = launch_gateway(conf, popen_kwargs={"stdout": sink, "stderr": sink})
        return context(conf=conf, gateway=gateway)
    except Exception as err:  # py4j and the launcher raise plain exceptions
        where = f" (Spark's log: {log})" if log else ""
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise EngineError(f"Spark did not start: {first}{where}") from err


def _check_java() -> None:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").exists():
        return
    if shutil.which("java") is None:
        raise EngineError(
            "the Spark engine needs Java 17 or 21 and found no java (install a headless JRE, "
            "e.g. apt-get install openjdk-17-jre-headless, or set JAVA_HOME)"
        )


def _log_file() -> Path:
    handle, name = tempfile.mkstemp(prefix="parley-spark-", suffix=".log")
    os.close(handle)
    return Path(name)


@contextmanager
def _worker_path(master: str) -> Iterator[None]:
    """Local Python workers are this interpreter (PySpark reads PYSPARK_PYTHON when the
    context starts) and import this copy of Parley: its folder goes first on the PYTHONPATH
    the JVM, and so every worker, inherits. A cluster ships both itself."""
    if not master.startswith("local"):
        yield
        return
    import parley

    root = str(Path(parley.__file__).resolve().parents[1])
    names = ("PYTHONPATH", "PYSPARK_PYTHON", "SPARK_LOCAL_IP")
    before = {name: os.environ.get(name) for name in names}
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (root, before["PYTHONPATH"]) if p)
    os.environ["PYSPARK_PYTHON"] = before["PYSPARK_PYTHON"] or sys.executable
    os.environ["SPARK_LOCAL_IP"] = before["SPARK_LOCAL_IP"] or "127.0.0.1"
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def ship_files(spark: SparkSession, config: Config) -> Config:
    """Send the configuration's files to every executor; the configuration the executors
    rebuild (each path replaced by the name ``executor_config`` finds the file under)."""
    shipped: dict[str, tuple[Path, ...]] = {}
    for field in SHIPPED_FIELDS:
        names = []
        for path in getattr(config, field):
            copy = _stable_copy(Path(path))
            spark.sparkContext.addFile(str(copy))
            names.append(Path(copy.name))
        shipped[field] = tuple(names)
    return _with_files(config, shipped)


def _with_files(config: Config, files: dict[str, tuple[Path, ...]]) -> Config:
    return dataclasses.replace(
        config,
        knowledge=files["knowledge"],
        petrarch_actors=files["petrarch_actors"],
        petrarch_verbs=files["petrarch_verbs"],
    )


def _stable_copy(path: Path) -> Path:
    """A copy named by its content: two files of one name never collide among Spark's files,
    and shipping the same file again names the same copy."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise EngineError(f"{path}: cannot be read ({err.strerror or err})") from err
    folder = Path(tempfile.gettempdir()) / "parley-spark-files"
    folder.mkdir(exist_ok=True)
    copy = folder / f"{hashlib.sha256(data).hexdigest()[:16]}-{path.name}"
    if not copy.exists():
        copy.write_bytes(data)
    return copy


def executor_config(config: Config) -> Config:
    """On an executor: the shipped configuration with its files found where Spark put them."""
    from pyspark import SparkFiles

    found = {
        field: tuple(Path(SparkFiles.get(p.name)) for p in getattr(config, field))
        for field in SHIPPED_FIELDS
    }
    return _with_files(config, found)
