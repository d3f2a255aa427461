"""Where the ontology and the named queries live, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).parent


def _find(name: str) -> Path:
    installed = _PKG / "_data" / name  # wheel: force-included by pyproject.toml
    if installed.is_dir():
        return installed
    return _PKG.parent / name  # editable install or source tree


def ontology_dir() -> Path:
    return _find("ontology")


def queries_dir() -> Path:
    return _find("queries")
