"""The Spark engine's inputs: the files the arguments name, listed on the driver through
Hadoop's file systems (local paths, ``file:``, ``hdfs://``, ``s3a://``, whatever the
cluster's Hadoop reads), before any job runs.

A missing path is one error (E101) before Spark does any work. A folder gives its files,
recursively, in sorted order, matching ``--glob`` (Hadoop's hidden files, named ``_...`` or
``.``..., are left out, as every Hadoop reader leaves them out); an argument with ``*``, ``?``,
``[`` or ``{`` is a Hadoop glob. URLs are the local engine's (executors fetch nothing).

Each file keeps the name the local engine gives it (the argument as typed, joined with the
path below a folder), so both engines store the same ``source``; Spark reads it by its
qualified URI. Empty files and pages over the size cap are settled here from the listing
(Spark's whole-file reader skips empty files, and a page over the cap is not read at all).
"""

from __future__ import annotations

import fnmatch
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from parley.engines.spark_tasks import FileInfo, Keyed, read_file
from parley.errors import InputError, SourceNotFound
from parley.sources.corpus import CorpusOptions, container_kind

__all__ = ["Inputs", "list_inputs"]

_GLOB = re.compile(r"[*?\[{]")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# Spark's whole-file reader takes paths as a comma-separated Hadoop glob: these characters
# in a file's own name would be read as pattern syntax.
_SPECIAL = re.compile(r"([\\*?\[\]{}])")
WHOLE_FILE_LIMIT = 2**31 - 1  # a file Spark reads whole is one JVM byte array


@dataclass
class Inputs:
    files: dict[str, FileInfo]  # URI -> name and order, for the files Spark reads
    settled: list[Keyed]  # items made from the listing alone (empty files, pages over the cap)
    size: int = 0  # bytes of the files Spark reads (compressed files as stored)

    def uris(self) -> str:
        """The files for ``SparkContext.binaryFiles``: one comma-separated path list."""
        return ",".join(_SPECIAL.sub(r"\\\1", uri) for uri in self.files)


def list_inputs(spark: Any, specs: Iterable[str], options: CorpusOptions) -> Inputs:
    """The files the arguments name (see the module's docstring)."""
    inputs = Inputs({}, [])
    for number, spec in enumerate(_expand(specs)):
        found = list(_files_of(spark, spec, options.glob))
        for index, (name, uri, size) in enumerate(found):
            info = FileInfo(name, (number, index))
            page = container_kind(PurePosixPath(name)) is None
            if "," in uri:
                raise InputError(f"{name}: Spark cannot read a file with ',' in its name")
            if size == 0:
                inputs.settled.extend(read_file(info, b"", options, None))
            elif page and size > options.max_bytes:
                inputs.settled.extend(_too_large(info, size, options.max_bytes))
            elif size > WHOLE_FILE_LIMIT:
                raise InputError(
                    f"{name}: over 2 GiB, which Spark cannot read as one file: split it "
                    "(JSON Lines) or give it to the local engine"
                )
            else:
                inputs.files[uri] = info
                inputs.size += size
    return inputs


def _expand(specs: Iterable[str]) -> Iterator[str]:
    for spec in specs:
        if spec == "-":
            yield from (line.strip() for line in sys.stdin if line.strip() not in ("", "-"))
        elif re.match(r"(?i)https?://", spec):
            raise InputError(
                f"{spec}: the Spark engine reads files, not URLs: fetch pages with the local "
                "engine, or save them as WARC files first"
            )
        else:
            yield spec


def _files_of(spark: Any, spec: str, glob: str) -> Iterator[tuple[str, str, int]]:
    """(name, URI, size) of each file of one argument, in order."""
    sc = spark.sparkContext
    jvm = sc._jvm
    path = jvm.org.apache.hadoop.fs.Path(spec)
    try:
        fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
        statuses = fs.globStatus(path)
    except Exception as err:  # py4j wraps Hadoop's IOException (no file system for a scheme)
        reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise InputError(f"{spec}: cannot be listed ({reason})") from err
    if not statuses:
        raise SourceNotFound(f"{spec}: no such file or folder")
    globbed = bool(_GLOB.search(spec))
    for status in sorted(statuses, key=lambda s: str(s.getPath().toString())):
        uri = str(status.getPath().toString())
        name = uri if globbed else spec
        if status.isDirectory():
            yield from _folder(fs, status.getPath(), name, glob)
        else:
            yield name if globbed else _local_name(spec), uri, int(status.getLen())


def _folder(fs: Any, root: Any, name: str, glob: str) -> Iterator[tuple[str, str, int]]:
    base = str(root.toString()).rstrip("/")
    found = []
    files = fs.listFiles(root, True)
    while files.hasNext():
        status = files.next()
        uri = str(status.getPath().toString())
        relative = uri[len(base) :].lstrip("/")
        parts = tuple(relative.split("/"))
        if any(part.startswith(("_", ".")) for part in parts):
            continue
        if fnmatch.fnmatchcase(parts[-1], glob):
            found.append((parts, uri, int(status.getLen())))
    # Sorted as the local engine sorts paths (part by part), so both meet files in one order.
    for parts, uri, size in sorted(found):
        yield _join(name, parts), uri, size


def _local_name(spec: str) -> str:
    """A path as the local engine names it (``Path(spec)``: no './', no trailing '/')."""
    return spec if _SCHEME.match(spec) else str(PurePosixPath(spec))


def _join(name: str, parts: tuple[str, ...]) -> str:
    if _SCHEME.match(name):
        return "/".join((name.rstrip("/"), *parts))
    return str(PurePosixPath(name).joinpath(*parts))


def _too_large(info: FileInfo, size: int, cap: int) -> Iterator[Keyed]:
    from parley.engines.spark_tasks import item_key
    from parley.sources.corpus import ReadFailure
    from parley.sources.sniff import too_large

    error = too_large(info.source, size, cap)
    failure = ReadFailure(info.source, None, error.code, error.message)
    order = (*info.order, 0)
    yield item_key(order, failure), (order, failure)
