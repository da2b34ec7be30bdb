"""The errors football-kg raises on purpose: each names what went wrong and where.

The CLI turns every ``KGError`` into one message line and an exit code, never a traceback.
"""
from __future__ import annotations

from pathlib import Path


class KGError(Exception):
    """Root of the errors a user can cause (bad input, unknown names, bad queries)."""

    exit_code = 1


class InputError(KGError):
    """An input file that cannot be read as an article.

    >>> str(InputError("a.txt", "the file is empty"))
    'a.txt: the file is empty'
    """

    def __init__(self, path: str | Path, problem: str, line: int | None = None):
        self.path, self.problem, self.line = str(path), problem, line
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {problem}")


class DataFileError(KGError):
    """A lexicon or ontology data file that breaks one of its rules."""

    exit_code = 3

    def __init__(self, path: str | Path, problem: str, line: int | None = None):
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {problem}")


class UnknownNameError(KGError):
    """A name (query, format, extractor, parameter) that is not among the known ones.

    >>> str(UnknownNameError("query", "sqaud", ["career", "squad"]))
    "unknown query 'sqaud'; known: career, squad"
    """

    exit_code = 2

    def __init__(self, kind: str, name: str, known: list[str] | tuple[str, ...]):
        self.kind, self.name, self.known = kind, name, sorted(known)
        super().__init__(f"unknown {kind} '{name}'; known: {', '.join(self.known) or '(none)'}")


class QueryError(KGError):
    """A SPARQL query that does not parse or cannot run; names the line and column when known."""

    exit_code = 2
