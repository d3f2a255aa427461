"""A crash of spaCy, the rules or the RDF writer on one article is a skip, never the end of the build."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import kg.pipeline
from kg.errors import KgError
from kg.models import Article, BuildReport
from kg.pipeline import MAX_ARTICLE_CHARS, build, extract_articles
from kg.store import Store

pytestmark = pytest.mark.model

TEXT = " date 2017-03-23 AP\n\nNorth Korea fired a ballistic missile on Tuesday, officials said.\n"


def _corpus(folder: Path, bad: str = "c-bad") -> list[Path]:
    for name in ("a-good", "b-good", bad, "d-good"):
        body = TEXT.replace("Tuesday", "Tuesday BOOM") if name == bad else TEXT
        (folder / f"{name}.txt").write_text(body, encoding="utf-8")
    return [folder]


def _build(folder: Path, jobs: int = 1) -> tuple[BuildReport, list[str]]:
    with Store.memory() as store:
        report = build(_corpus(folder), store, jobs=jobs)
        return report, store.article_ids()


class FlakyNlp:
    """The real pipeline, except that it raises on any text containing BOOM."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.meta = nlp.meta

    def __call__(self, text: str) -> Any:
        if "BOOM" in text:
            raise ValueError("boom in the parser")
        return self.nlp(text)

    def pipe(self, stream: Iterator[tuple[str, Any]], **kwargs: Any) -> Iterator[Any]:
        def checked() -> Iterator[tuple[str, Any]]:
            for text, context in stream:
                if "BOOM" in text:
                    raise ValueError("boom in the parser")
                yield text, context

        return self.nlp.pipe(checked(), **kwargs)  # type: ignore[no-any-return]


# With -j 2 the worker processes fork from this one (Linux), so they run the patched functions:
# a crash in a worker is reported from there, in the same words, and the others go on.
FORKED = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="the workers must inherit the patched functions"
)
JOBS = [1, pytest.param(2, marks=FORKED)]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_parser_crash_skips_only_that_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: Any, jobs: int
) -> None:
    monkeypatch.setattr(kg.pipeline, "load_nlp", lambda: FlakyNlp(nlp))
    report, ids = _build(tmp_path, jobs)
    assert ids == ["a-good", "b-good", "d-good"]
    [(where, why)] = report.skipped
    assert where == str(tmp_path / "c-bad.txt")
    assert why.startswith(
        "article 'c-bad': spaCy failed (ValueError: boom in the parser); this is a bug in kg"
    )


@pytest.mark.parametrize("jobs", JOBS)
def test_an_extractor_crash_skips_only_that_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    real = kg.pipeline.extract_doc

    def flaky(doc: Any, article: Article, lexicon: Any) -> Any:
        if "BOOM" in article.body:
            raise IndexError("boom in a rule")
        return real(doc, article, lexicon)

    monkeypatch.setattr(kg.pipeline, "extract_doc", flaky)
    report, ids = _build(tmp_path, jobs)
    assert ids == ["a-good", "b-good", "d-good"]
    [(_, why)] = report.skipped
    assert why.startswith("article 'c-bad': the extractor failed (IndexError: boom in a rule)")


@pytest.mark.parametrize("jobs", JOBS)
def test_a_rule_crash_skips_only_that_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    import kg.extract

    real = kg.extract.find_exercises

    def flaky(view: Any, *args: Any) -> Any:
        if "BOOM" in view.text:
            raise IndexError("boom in a rule")
        return real(view, *args)

    monkeypatch.setattr(kg.extract, "find_exercises", flaky)
    text = (
        " date 2017-03-23 AP\n\nNorth Korea fired a ballistic missile on Tuesday, officials said.\n\n"
        "South Korea and the United States held joint drills on Wednesday BOOM.\n\n"
        "Japan and the United States held joint drills on Thursday.\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    with Store.memory() as store:
        report = build([tmp_path], store, jobs=jobs)
        assert store.article_ids() == ["a"]
    [(where, why)] = report.skipped
    assert where == f"{tmp_path / 'a.txt'}:5"
    assert why.startswith(
        "a sentence in article 'a' was left out: the extractor failed on it (IndexError: boom in a rule)"
    )
    assert report.events == {"Launch (asserted)": 1, "Exercise (asserted)": 1}  # the drills after it too


@FORKED
def test_a_worker_process_that_dies_stops_the_build_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = kg.pipeline.extract_doc

    def dying(doc: Any, article: Article, lexicon: Any) -> Any:
        if "BOOM" in article.body:
            os._exit(9)  # as the kernel's out-of-memory killer would end it
        return real(doc, article, lexicon)

    monkeypatch.setattr(kg.pipeline, "extract_doc", dying)
    with pytest.raises(KgError, match=r"a parser process of -j 2 stopped .*build again"):
        _build(tmp_path, jobs=2)


def test_an_rdf_writer_crash_skips_only_that_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = kg.pipeline.article_graph

    def flaky(extraction: Any, *args: Any, **kwargs: Any) -> Any:
        if "BOOM" in extraction.article.body:
            raise ValueError("boom in the writer")
        return real(extraction, *args, **kwargs)

    monkeypatch.setattr(kg.pipeline, "article_graph", flaky)
    report, ids = _build(tmp_path)
    assert ids == ["a-good", "b-good", "d-good"]
    assert report.articles == 3
    [(_, why)] = report.skipped
    assert "the RDF writer failed (ValueError: boom in the writer)" in why


def test_an_error_reading_the_input_is_not_swallowed(nlp: Any, lexicon: Any) -> None:
    def articles() -> Iterator[Article]:
        yield Article("a", "North Korea fired a missile.")
        raise OSError("disk gone")

    skipped: list[str] = []
    with pytest.raises(OSError, match="disk gone"):
        list(extract_articles(articles(), nlp, lexicon, on_skip=lambda a, why, line: skipped.append(why)))
    assert skipped == []


def test_article_size_limit_in_jsonl_names_the_line(tmp_path: Path) -> None:
    import json

    rows = [
        {"id": "small", "text": "North Korea fired a missile."},
        {"id": "big", "text": "x " * MAX_ARTICLE_CHARS},
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    with Store.memory() as store:
        report = build([tmp_path], store)
        assert store.article_ids() == ["small"]
    [(where, why)] = report.skipped
    assert where == f"{tmp_path / 'batch.jsonl'}:2"
    assert why == (
        f"article 'big' is {2 * MAX_ARTICLE_CHARS:,} characters long, over the limit of 100,000; "
        "split it into several articles"
    )
