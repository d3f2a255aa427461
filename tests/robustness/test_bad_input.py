"""Bad input: every hostile article is built or skipped with file, line and what to do; the
rest of the build goes on, and the store stays valid."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SEEDS, Built, kg
from hostile_corpus import XSS, Case, cases

from kg.articles import read_file
from kg.models import Article
from kg.store import Store

pytestmark = pytest.mark.model

CASES = cases()


def _summary_lines(err: str) -> list[str]:
    """The 'skipped N input(s) or sentence(s):' block of the build summary."""
    _, _, block = err.partition("\nskipped ")
    return [line.strip() for line in block.splitlines()[1:] if line.startswith("  ")]


def test_the_build_goes_on_and_reports_every_skip(hostile: Built) -> None:
    assert hostile.code == 0, hostile.stderr  # skips are not errors without --strict
    assert "Traceback" not in hostile.stderr
    expected_skips = sum(len(c.skipped) for c in hostile.cases)
    assert f"\nskipped {expected_skips} input(s) or sentence(s):" in hostile.stderr
    assert len(_summary_lines(hostile.stderr)) == expected_skips
    built = sum(len(c.built) for c in hostile.cases) + len(list(SEEDS.glob("*.txt")))
    assert f"built {built} article(s)" in hostile.stderr


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_bad_input(hostile: Built, case: Case) -> None:
    path = hostile.corpus / case.name
    lines = [line for line in _summary_lines(hostile.stderr) if line.startswith(f"{path}:")]
    assert len(lines) == len(case.skipped), lines
    for (line, reason), reported in zip(case.skipped, lines, strict=True):
        where = f"{path}:{line}: " if line is not None else f"{path}: "
        assert reported.startswith(where), (reported, where)
        assert reason in reported
        if not case.name.endswith(".jsonl"):  # JSON Lines reasons name the field and the problem
            assert re.search(r"; [a-z]", reported), f"the reason says what to do: {reported}"
    with Store.open(hostile.store, read_only=True) as store:
        ids = set(store.article_ids())
    assert set(case.built) <= ids
    assert not ({case.stem} - set(case.built)) & ids


def test_strict_turns_skips_into_exit_1(hostile: Built, tmp_path: Path) -> None:
    code, _, err = kg(
        "build", str(hostile.corpus / "empty.txt"), str(SEEDS), "--store", str(tmp_path / "s"), "--strict"
    )
    assert code == 1
    assert "empty.txt: empty file" in err
    assert "built 2 article(s)" in err  # the rest was still built
    code, _, _ = kg("build", str(SEEDS), "--store", str(tmp_path / "s"), "--strict")
    assert code == 0


def test_the_store_validates_and_exports_after_the_hostile_build(hostile: Built, tmp_path: Path) -> None:
    code, out, err = kg("validate", "--store", str(hostile.store))
    assert code == 0, out + err
    for fmt in ("ttl", "nt", "trig", "nq", "jsonld"):
        target = tmp_path / f"x.{fmt}"
        code, _, err = kg("export", "--store", str(hostile.store), "-f", fmt, "-o", str(target))
        assert code == 0, err
        assert target.stat().st_size > 0


def test_hostile_text_is_stored_exactly(hostile: Built) -> None:
    """Markup, entities, control characters and other scripts come back from the store as read."""
    with Store.open(hostile.store, read_only=True) as store:
        result = store.query("SELECT ?text WHERE { ?m a kgo:Mention ; kgo:text ?text }")
    texts = {row[0].value for row in result.rows if row[0] is not None}
    assert any(XSS in t and "&amp;" in t for t in texts)
    assert any("\x07" in t and "\x1b[31m" in t for t in texts)


def test_offsets_slice_the_body_for_every_mention(hostile: Built) -> None:
    """body[start:end] == text for every mention of every built article, hostile ones included."""
    bodies: dict[str, str] = {}
    for path in [*hostile.corpus.iterdir(), *SEEDS.glob("*.txt")]:
        if path.stat().st_size < 1_000_000:
            bodies.update({a.id: a.body for a in read_file(path) if isinstance(a, Article)})
    with Store.open(hostile.store, read_only=True) as store:
        result = store.query(
            "SELECT ?id ?start ?end ?text WHERE { ?m a kgo:Mention ; kgo:start ?start ; kgo:end ?end ;"
            " kgo:text ?text ; dcterms:isPartOf ?a . ?a dcterms:identifier ?id }"
        )
    assert len(result) > 10
    for row in result.rows:
        article_id, start, end, text = (term.value for term in row if term is not None)
        assert bodies[article_id][int(start) : int(end)] == text
