"""Fixtures for the robustness tests: the hostile corpus built once, and ways to run kg."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_corpus import Case, write_corpus

from kg.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def kg(*args: str) -> tuple[int, str, str]:
    """Run the kg command in this process: (exit code, stdout, stderr)."""
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def kg_process(*args: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.Popen[str]:
    """Start the kg command as another process (stdout and stderr piped, text)."""
    return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "kg.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
        **kwargs,
    )


@dataclass(frozen=True)
class Built:
    corpus: Path
    store: Path
    cases: list[Case]
    code: int
    stderr: str


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The hostile corpus plus the seeds, built once with `kg build` into a store."""
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus"
    cases = write_corpus(corpus)
    store = root / "store"
    code, out, err = kg("build", str(corpus), str(SEEDS), "--store", str(store))
    assert out == ""
    return Built(corpus, store, cases, code, err)
