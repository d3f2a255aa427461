"""Incremental builds: `kg build` skips the articles the store holds unchanged, before anything is
parsed or sent to a process, and the store it leaves is the one a clean build of the same inputs
gives, byte for byte: cross-article links, places, runs and --prune included.

The inputs: A (a seed with a launch from Wonsan), B (a devset article with a launch from the
Banghyon airfield) and C (A's text under another name, so that its launch is linked to A's with
kgo:sameEventAs). Stores are folders, whose exports do not depend on the order of the writes.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from same_bytes import Exports, assert_same_bytes, exports
from same_event_reports import ARTICLES as REPORTS

import kg.pipeline
import kg.relink
from kg.cli import main
from kg.link_rows import ASIDE
from kg.models import Article, BuildReport
from kg.pipeline import build, remove
from kg.store import Store

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]
A = ROOT / "seeds" / "seed-2017-03-23-wonsan.txt"
B = ROOT / "gold" / "devset" / "2017-07-05-hwasong14-icbm.txt"
C_NAME = "wonsan-again.txt"
LINKED = {"Launch": 1}  # what the build report says is linked when A and C are stored


def inputs(folder: Path, *names: str, b_text: str | None = None) -> Path:
    """A folder holding the articles `names` (of "A", "B", "C"); B's text replaced by `b_text`."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name in names:
        if name == "A":
            shutil.copyfile(A, folder / A.name)
        elif name == "B":
            (folder / B.name).write_text(b_text or B.read_text(encoding="utf-8"), encoding="utf-8")
        else:
            shutil.copyfile(A, folder / C_NAME)
    return folder


def reports(folder: Path, texts: dict[str, str]) -> Path:
    """A folder holding the wire reports `texts` ({id: text}, tests/same_event_reports.py)."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def clean(tmp_path: Path, folder: Path) -> Exports:
    """What a build of `folder` into a new store exports."""
    location = tmp_path / f"clean-{len(list(tmp_path.iterdir()))}"
    with Store.open(location) as store:
        build([folder], store)
        return exports(store)


def build_into(location: Path, folder: Path, **options: Any) -> tuple[BuildReport, Exports]:
    with Store.open(location) as store:
        report = build([folder], store, **options)
        return report, exports(store)


@pytest.fixture
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the articles handed to the extraction (the parser processes), in order."""
    seen: list[str] = []
    original = kg.pipeline.extract_articles

    def spy(articles: Iterable[Article], *args: Any, **kwargs: Any) -> Iterator[Any]:
        def recorded() -> Iterator[Article]:
            for article in articles:
                seen.append(article.id)
                yield article

        return original(recorded(), *args, **kwargs)

    monkeypatch.setattr(kg.pipeline, "extract_articles", spy)
    return seen


@pytest.mark.parametrize("jobs", [1, 2])
def test_adding_an_article_builds_it_alone_and_gives_the_bytes_of_a_clean_build(
    tmp_path: Path, extracted: list[str], full_relinks: list[int], jobs: int
) -> None:
    folder = inputs(tmp_path / "in", "A", "B")
    store = tmp_path / "store"
    first, _ = build_into(store, folder)
    assert (first.new, first.changed, first.unchanged, first.linked) == (2, 0, 0, {})
    extracted.clear()
    inputs(folder, "A", "B", "C")
    full_relinks.clear()
    report, got = build_into(store, folder, jobs=jobs)
    assert full_relinks == []  # the links were updated around the new article only
    assert extracted == ["wonsan-again"]
    assert (report.articles, report.new, report.changed, report.unchanged) == (1, 1, 0, 2)
    assert report.linked == LINKED  # C's launch is A's, though A was not built this time
    assert_same_bytes(got, clean(tmp_path, folder))


def test_a_changed_article_is_built_again_and_the_place_it_left_is_pruned(
    tmp_path: Path, full_relinks: list[int]
) -> None:
    folder = inputs(tmp_path / "in", "A", "B")
    store = tmp_path / "store"
    build_into(store, folder)
    full_relinks.clear()
    moved = B.read_text(encoding="utf-8").replace("the Banghyon airfield", "the Sohae launch site")
    inputs(folder, "A", "B", b_text=moved)
    report, got = build_into(store, folder)
    assert (report.articles, report.new, report.changed, report.unchanged) == (1, 0, 1, 1)
    assert full_relinks == []
    assert b"Banghyon" not in got["nq"] and b"Sohae" in got["nq"]
    assert_same_bytes(got, clean(tmp_path, folder))


def test_prune_after_a_partial_build_gives_the_bytes_of_a_clean_build(
    tmp_path: Path, full_relinks: list[int]
) -> None:
    folder = inputs(tmp_path / "in", "A", "B", "C")
    store = tmp_path / "store"
    assert build_into(store, folder)[0].linked == LINKED
    inputs(folder, "A", "B")
    full_relinks.clear()
    report, got = build_into(store, folder, prune=True)
    assert full_relinks == []
    assert report.removed == ["wonsan-again"] and report.unchanged == 2 and report.articles == 0
    assert report.linked == {}
    assert_same_bytes(got, clean(tmp_path, folder))


def test_exercises_and_treaties_told_again_by_a_new_or_changed_article(
    tmp_path: Path, full_relinks: list[int], every_row_read: list[str]
) -> None:
    """wire-a (Ulchi Freedom Guardian, a launch, the 1961 China-DPRK treaty) and wire-c (the
    exercise of 2016) stored; wire-b, which tells wire-a's three events again (the exercise by
    its alias), added: its events are linked to wire-a's, only their blocks read again, the
    other exercises and treaties taken from the rows the build before kept beside the store.
    Then wire-b changed to tell no exercise, and wire-a pruned. Each time the store exports the
    bytes of a clean build."""
    a_and_c = {name: REPORTS[name] for name in ("wire-a", "wire-c")}
    folder = reports(tmp_path / "in", a_and_c)
    store = tmp_path / "store"
    assert build_into(store, folder)[0].linked == {}
    assert every_row_read == ["Exercise", "Treaty"]  # the first build: every link computed
    assert (store / ASIDE).is_file()
    full_relinks.clear()
    every_row_read.clear()
    report, got = build_into(store, reports(folder, {**a_and_c, "wire-b": REPORTS["wire-b"]}))
    assert full_relinks == [] and every_row_read == []
    assert (report.new, report.unchanged) == (1, 2)
    assert report.linked == {"Exercise": 1, "Launch": 1, "Treaty": 1}
    assert_same_bytes(got, clean(tmp_path, folder))

    no_exercise = REPORTS["wire-b"].replace("The Ulchi-Freedom Guardian drills", "The drills")
    full_relinks.clear()
    every_row_read.clear()  # the clean build read them
    report, got = build_into(store, reports(folder, {**a_and_c, "wire-b": no_exercise}))
    assert full_relinks == [] and every_row_read == []
    assert (report.changed, report.unchanged, report.linked) == (1, 2, {"Launch": 1, "Treaty": 1})
    assert_same_bytes(got, clean(tmp_path, folder))

    full_relinks.clear()
    every_row_read.clear()
    b_and_c = {"wire-b": no_exercise, "wire-c": REPORTS["wire-c"]}
    report, got = build_into(store, reports(folder, b_and_c), prune=True)
    assert full_relinks == [] and every_row_read == []
    assert (report.removed, report.linked) == (["wire-a"], {})
    assert_same_bytes(got, clean(tmp_path, folder))


def test_links_left_undone_by_a_killed_build_are_made_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, full_relinks: list[int]
) -> None:
    """A build killed after writing C but before its links leaves C stored and unchanged, so the
    next build builds nothing; the links graph says it was computed from A and B only, so the
    next build computes every link again and links C's launch to A's."""
    folder = inputs(tmp_path / "in", "A", "B")
    store = tmp_path / "store"
    build_into(store, folder)
    inputs(folder, "A", "B", "C")

    def killed(*args: Any, **kwargs: Any) -> int:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(kg.pipeline, "tidy", killed)
        with pytest.raises(KeyboardInterrupt):
            build_into(store, folder)
    full_relinks.clear()
    report, got = build_into(store, folder)
    assert (report.articles, report.unchanged, report.linked) == (0, 3, LINKED)
    assert full_relinks == [1]
    assert_same_bytes(got, clean(tmp_path, folder))


def test_a_removed_article_is_new_again(tmp_path: Path) -> None:
    folder = inputs(tmp_path / "in", "A", "B")
    store = tmp_path / "store"
    _, before = build_into(store, folder)
    with Store.open(store) as opened:
        remove(["seed-2017-03-23-wonsan"], opened)
    report, after = build_into(store, folder)
    assert (report.new, report.unchanged) == (1, 1)
    assert_same_bytes(after, before)


def test_an_unchanged_build_parses_nothing_and_writes_no_article(
    tmp_path: Path, extracted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = inputs(tmp_path / "in", "A", "B", "C")
    store = tmp_path / "store"
    _, before = build_into(store, folder)
    writes: list[str] = []
    original = Store.replace_article

    def counting(self: Store, article_id: str, *args: Any, **kwargs: Any) -> bool:
        writes.append(article_id)
        return original(self, article_id, *args, **kwargs)

    monkeypatch.setattr(Store, "replace_article", counting)
    extracted.clear()
    report, after = build_into(store, folder, jobs=2)
    assert extracted == [] and writes == []
    assert (report.articles, report.unchanged, report.linked) == (0, 3, LINKED)
    assert_same_bytes(after, before)


def test_force_builds_every_article_again(tmp_path: Path, extracted: list[str]) -> None:
    folder = inputs(tmp_path / "in", "A", "B")
    store = tmp_path / "store"
    _, before = build_into(store, folder)
    extracted.clear()
    report, after = build_into(store, folder, force=True)
    assert sorted(extracted) == ["2017-07-05-hwasong14-icbm", "seed-2017-03-23-wonsan"]
    assert (report.articles, report.replaced, report.unchanged, report.forced) == (2, 2, 2, True)
    assert_same_bytes(after, before)


def _new_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.pipeline, "RULES_VERSION", kg.pipeline.RULES_VERSION + "-next")


def _new_lexicon(monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon = kg.pipeline.load_lexicon()
    changed = dataclasses.replace(lexicon, version=lexicon.version + "-next")
    monkeypatch.setattr(kg.pipeline, "load_lexicon", lambda: changed)


def _new_model(monkeypatch: pytest.MonkeyPatch) -> None:
    original = kg.pipeline.model_info
    monkeypatch.setattr(kg.pipeline, "model_info", lambda nlp: (original(nlp)[0], "9.9.9"))


def _new_kg(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.pipeline, "__version__", kg.pipeline.__version__ + "-next")


@pytest.mark.parametrize("upgrade", [_new_rules, _new_lexicon, _new_model, _new_kg])
def test_a_new_version_of_the_extraction_builds_every_article_again(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    extracted: list[str],
    upgrade: Callable[[pytest.MonkeyPatch], None],
) -> None:
    """The versions come from where the run node reads them (kg.extract.RULES_VERSION, the
    lexicon's hash, the model's metadata, kg's version), never from a value kept elsewhere."""
    folder = inputs(tmp_path / "in", "A", "B")
    store = tmp_path / "store"
    build_into(store, folder)
    upgrade(monkeypatch)
    extracted.clear()
    report, got = build_into(store, folder)
    assert len(extracted) == 2
    assert (report.articles, report.new, report.changed, report.unchanged) == (2, 0, 2, 0)
    assert_same_bytes(got, clean(tmp_path, folder))  # the old run is gone from the Runs graph
    assert build_into(store, folder)[0].unchanged == 2  # and the next build skips them again


def test_a_new_dateline_or_source_builds_the_article_again(tmp_path: Path) -> None:
    folder = inputs(tmp_path / "in", "A", "B")
    store = tmp_path / "store"
    build_into(store, folder)
    text = B.read_text(encoding="utf-8")
    header, rest = text.split("\n", 1)
    assert header == " date 2017-07-05 SEOUL"
    for new_header in (" date 2017-07-06 SEOUL", " date 2017-07-06 TOKYO"):
        inputs(folder, "A", "B", b_text=new_header + "\n" + rest)
        report, got = build_into(store, folder)
        assert (report.changed, report.unchanged) == (1, 1), new_header
        assert_same_bytes(got, clean(tmp_path, folder))


def test_the_command_line_says_what_was_new_changed_and_unchanged(tmp_path: Path) -> None:
    folder = inputs(tmp_path / "in", "A", "B")
    store = str(tmp_path / "store")
    runner = CliRunner()
    first = runner.invoke(main, ["build", str(folder), "--store", store])
    assert first.exit_code == 0, first.output
    assert "built 2 article(s) (2 new, 0 changed; 0 unchanged, skipped)" in first.stderr
    again = runner.invoke(main, ["build", str(folder), "--store", store])
    assert again.exit_code == 0, again.output
    assert "built 0 article(s) (0 new, 0 changed; 2 unchanged, skipped)" in again.stderr
    assert "nothing to build" in again.stderr
    inputs(folder, "A", "B", "C")
    added = runner.invoke(main, ["build", str(folder), "--store", store])
    assert "built 1 article(s) (1 new, 0 changed; 2 unchanged, skipped)" in added.stderr
    forced = runner.invoke(main, ["build", str(folder), "--store", store, "--force"])
    assert forced.exit_code == 0, forced.output
    assert "built 3 article(s) (0 new, 0 changed, 3 unchanged: --force)" in forced.stderr
