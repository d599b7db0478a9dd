"""Parley's errors: one place, each with a code, each a one-line message for a person.

The tree::

    ParleyError                      base; ``str(err)`` is the one line the CLI prints
    ├── InputError                   the input cannot be read as a news page
    │   ├── SourceNotFound      E101 a path that does not exist
    │   ├── NotAFile            E102 a folder (or device) where a file was expected
    │   ├── EmptyInput          E103 nothing to read, or only white space
    │   ├── BinaryInput         E104 bytes that are not text (images, archives, executables)
    │   ├── UndecodableInput    E105 text in no encoding Parley can recognise
    │   ├── InputTooLarge       E106 over the size cap
    │   ├── UnsupportedFormat   E107 a known non-HTML, non-text format (PDF, Word, ...)
    │   └── FetchError          E110 a URL that cannot be fetched (unreachable, 404, timeout, ...)
    ├── ExtractionError         E201 a page with no article in it
    ├── KnowledgeBaseError      E401 a malformed or missing knowledge file (names file, line)
    ├── ModelError              E501 a spaCy pipeline that is not installed or cannot load
    ├── EngineError             E801 the Spark engine cannot run (no PySpark or Java, bad master)
    └── EvaluationError         E601 gold data missing or unreadable, or a score under its floor

    TimeLimitExceeded           E301 a document took longer than the per-document limit

``TimeLimitExceeded`` is raised asynchronously (from a timer) into whatever code is running,
so it derives from ``BaseException``, not ``Exception``: no ``except Exception`` in Parley or
in a library it calls can swallow it and let the document run on unlimited. It carries a
code and a one-line message like every ``ParleyError``; catch ``PARLEY_FAILURES`` to get both.
Anything else that escapes a stage is a bug, reported as ``E900`` (internal error).
"""

from __future__ import annotations

INTERNAL_ERROR = "E900"


class _Coded:
    """A code and a one-line message, shared by both roots of the tree."""

    code = "E000"
    args: tuple[object, ...]

    def __init__(self, message: str) -> None:
        # One line, always: the CLI prints it as is.
        super().__init__(" ".join(message.split()))  # type: ignore[call-arg]

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""

    def __str__(self) -> str:
        return f"{self.message} [{self.code}]"


class ParleyError(_Coded, Exception):
    """Base of every error Parley raises on purpose."""


class InputError(ParleyError):
    code = "E100"


class SourceNotFound(InputError):
    code = "E101"


class NotAFile(InputError):
    code = "E102"


class EmptyInput(InputError):
    code = "E103"


class BinaryInput(InputError):
    code = "E104"


class UndecodableInput(InputError):
    code = "E105"


class InputTooLarge(InputError):
    code = "E106"


class UnsupportedFormat(InputError):
    code = "E107"


class FetchError(InputError):
    code = "E110"


class ExtractionError(ParleyError):
    code = "E201"


class TimeLimitExceeded(_Coded, BaseException):
    """A document ran past its time limit (raised by ``parley.limits``; see the docstring)."""

    code = "E301"


class KnowledgeBaseError(ParleyError):
    code = "E401"


class ModelError(ParleyError):
    code = "E501"


class EngineError(ParleyError):
    code = "E801"


class EvaluationError(ParleyError):
    code = "E601"


# What a batch driver catches to turn a document's failure into a value.
PARLEY_FAILURES = (ParleyError, TimeLimitExceeded)
