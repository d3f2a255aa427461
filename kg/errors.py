"""One error hierarchy. The library raises these; only the CLI turns them into exit codes."""

from __future__ import annotations


class KgError(Exception):
    """Something a user can fix. The message says where and what to do."""


class ArticleError(KgError):
    """An input article that cannot be read: `path:line: what is wrong; what to do`."""

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")


class LexiconError(KgError):
    """A bad row in one of the lexicon tables."""

    def __init__(self, path: str, line: int, problem: str) -> None:
        self.path = path
        self.line = line
        super().__init__(f"{path}:{line}: {problem}")


class QueryError(KgError):
    """An unknown named query, a missing parameter, or SPARQL that does not parse."""


class StoreError(KgError):
    """The store cannot be opened (locked by another process, not a store, unreachable)."""
