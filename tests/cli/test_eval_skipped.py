"""kg eval on a gold folder with an article the build skips (here: one too long to read): the
scores still come out, and stderr names the article, so a low number is not mistaken for the
extractor's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

pytestmark = pytest.mark.model

DEVSET = Path(__file__).resolve().parents[2] / "gold" / "devset"


def test_a_skipped_gold_article_is_named(tmp_path: Path) -> None:
    gold = sorted(DEVSET.glob("*.json"))[:2]
    for path in gold:
        shutil.copy(path, tmp_path / path.name)
        shutil.copy(path.with_suffix(".txt"), tmp_path / path.with_suffix(".txt").name)
    broken = tmp_path / gold[1].with_suffix(".txt").name
    # over the build's limit on an article's length (its gold still matches its text)
    broken.write_text(broken.read_text(encoding="utf-8") + "\n\nFiller. " * 12_000, encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert f"warning: {broken}: skipped" in result.stderr
    assert "count as missed" in result.stderr
