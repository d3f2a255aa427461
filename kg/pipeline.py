"""The build: read articles -> nlp -> extract -> normalize -> rdf -> store.

`build()` is what `kg build` runs. An article the store holds already, made from the same
inputs by the same extraction (its kgo:contentHash, `kg.rdf.content_hash`, is the one computed
now), is skipped before anything is parsed or sent to a worker; the others (new, changed, or
stored by other rule, lexicon, model or kg versions) are built, all of them with `force`. Each
article's graph is written as soon as it is extracted, in one atomic replacement, so an
interrupted build keeps every article it finished, and a bad input is skipped and counted,
never fatal. With `prune`, the stored
articles that are no longer among the inputs are removed afterwards; `remove()` (kg remove)
removes articles by id. Either way each article goes in one transaction, and then `tidy()`
removes the places and runs no article uses and brings the cross-article links up to date.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from enum import StrEnum
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg import __version__
from kg.articles import (
    ARTICLE_SUFFIXES,
    InputFormat,
    Skip,
    input_format,
    iter_inputs,
    offset_line,
    read_files,
    record_line,
)
from kg.errors import KgError
from kg.extract import MAX_SENTENCE_TOKENS, RULES_VERSION, extract_doc
from kg.lexicon import Lexicon, load_lexicon
from kg.models import Article, BuildReport, Extraction, RunInfo
from kg.nlp import load_nlp, model_info
from kg.rdf import article_graph, content_hash
from kg.relink import Changes, relink
from kg.store import GraphStore

if TYPE_CHECKING:
    from kg.readers.table import Columns

Progress = Callable[[str], None]
BATCH = 16
#: Longer articles are skipped: the rules' cost grows faster than linearly with article length
#: (about 10 s for 100,000 characters), and spaCy refuses texts over 1,000,000 characters.
MAX_ARTICLE_CHARS = 100_000


def run_info(nlp: Any, lexicon: Lexicon) -> RunInfo:
    name, version = model_info(nlp)
    return RunInfo(RULES_VERSION, lexicon.version, name, version, __version__)


class Status(StrEnum):
    """How an article read now stands to the store (`article_status`)."""

    NEW = "new"  # the store holds no article of this id
    CHANGED = "changed"  # it holds one made from other inputs, or by another extraction
    UNCHANGED = "unchanged"  # it holds one made from the same inputs by the same extraction


def article_status(article: Article, run: RunInfo, stored: Mapping[str, str | None]) -> Status:
    """NEW, CHANGED or UNCHANGED, from `stored` ({article id: its kgo:contentHash or None},
    `GraphStore.article_hashes`). An article stored without a hash (by an older kg, or with
    sentences left out) is CHANGED: only an equal hash proves that the graph would be the same."""
    if article.id not in stored:
        return Status.NEW
    return Status.UNCHANGED if stored[article.id] == content_hash(article, run) else Status.CHANGED


def too_long(article: Article) -> str | None:
    """Why an article is over the size limit (MAX_ARTICLE_CHARS), or None if it is not."""
    if len(article.body) <= MAX_ARTICLE_CHARS:
        return None
    return (
        f"article {article.id!r} is {len(article.body):,} characters long, over the limit of "
        f"{MAX_ARTICLE_CHARS:,}; split it into several articles"
    )


def left_out_sentences(extraction: Extraction) -> list[tuple[int | None, str]]:
    """(line, why) for each sentence the rules left out: over MAX_SENTENCE_TOKENS, or one
    whose rules raised (a bug in kg)."""
    article = extraction.article
    out = []
    for start, tokens in extraction.left_out:
        line = offset_line(article, start)
        out.append((line, (
            f"a sentence of {tokens:,} tokens in article {article.id!r} was left out, over the limit of "
            f"{MAX_SENTENCE_TOKENS}; break it into sentences"
        )))  # fmt: skip
    for start, error in extraction.failed:
        line = offset_line(article, start)
        out.append((line, (
            f"a sentence in article {article.id!r} was left out: the extractor failed on it ({error}); "
            "this is a bug in kg, please report it with this sentence"
        )))  # fmt: skip
    return out


def extract_articles(
    articles: Iterable[Article],
    nlp: Any,
    lexicon: Lexicon,
    *,
    n_process: int = 1,
    on_skip: Callable[[Article, str, int | None], None] | None = None,
) -> Iterator[Extraction]:
    """Parse articles in batches (spaCy's nlp.pipe) and run the rules on each, in input order.

    With `on_skip`, an article that cannot be extracted is reported to it (with the reason and,
    if known, the line of the input file) and left out, and the others go on: one with a
    which spaCy or the rules raise. When the
    parser raises on a batch, the articles it had taken and not returned are parsed again one
    at a time, so only the culprit is left out. Without `on_skip`, any error propagates.

    With `n_process` > 1, chunks of BATCH articles go to that many worker processes, each of
    which parses them and runs the rules (`extract_chunk`, as above) and sends the extractions
    back: no spaCy Doc crosses between processes, and this process is left the reading and the
    writing (`_extract_in_processes`).
    """
    if n_process > 1:
        yield from _extract_in_processes(articles, n_process, on_skip)
        return
    if on_skip is None:
        stream = ((a.body, a) for a in articles)
        for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=BATCH, n_process=n_process):
            yield extract_doc(doc, article, lexicon)
        return
    report = on_skip
    source = iter(articles)
    in_flight: deque[Article] = deque()  # taken by nlp.pipe, not yet returned
    source_failed = False  # an error of the input itself is not an article's: it propagates

    def feed() -> Iterator[tuple[str, Article]]:
        nonlocal source_failed
        while True:
            try:
                article = next(source)
            except StopIteration:
                return
            except Exception:
                source_failed = True
                raise
            in_flight.append(article)
            yield article.body, article

    def rules(doc: Any, article: Article) -> Extraction | None:
        try:
            return extract_doc(doc, article, lexicon)
        except Exception as err:  # a bug in the rules must not end the build
            report(article, _failure(article, "the extractor", err), None)
            return None

    while True:
        parsed = nlp.pipe(feed(), as_tuples=True, batch_size=BATCH, n_process=n_process)
        while True:
            try:
                doc, article = next(parsed)
            except StopIteration:
                return
            except Exception:  # raised by spaCy on some article in flight
                if source_failed:
                    raise
                break
            in_flight.popleft()
            extraction = rules(doc, article)
            if extraction is not None:
                yield extraction
        while in_flight:  # one at a time, to find the article spaCy fails on
            article = in_flight.popleft()
            try:
                doc = nlp(article.body)
            except Exception as err:
                report(article, _failure(article, "spaCy", err), None)
                continue
            extraction = rules(doc, article)
            if extraction is not None:
                yield extraction


#: Chunks of articles queued per worker process of `-j N`, so that no worker waits for the next.
IN_FLIGHT_PER_PROCESS = 2

Skipped = tuple[Article, str, int | None]  # an article left out, why, and its line (if known)


def extract_chunk(articles: list[Article], report_skips: bool) -> list[Extraction | Skipped]:
    """Run in a worker process of `-j N`: parse and extract `articles` with the process's model
    and lexicon (loaded once per process, or inherited from the parent when it forks). With
    `report_skips`, an article that cannot be extracted comes back as a Skipped in its place;
    without, the error propagates (to the parent, from `Future.result`)."""
    nlp, lexicon = load_nlp(), load_lexicon()
    if not report_skips:
        return list(extract_articles(articles, nlp, lexicon))
    out: list[Extraction | Skipped] = []
    for extraction in extract_articles(
        articles, nlp, lexicon, on_skip=lambda article, why, line: out.append((article, why, line))
    ):
        out.append(extraction)
    return out


def _extract_in_processes(
    articles: Iterable[Article], n_process: int, on_skip: Callable[[Article, str, int | None], None] | None
) -> Iterator[Extraction]:
    """The extractions of `articles`, in input order, made by `n_process` worker processes
    (the platform's default start method: on Linux they fork, with the model already loaded),
    IN_FLIGHT_PER_PROCESS chunks each in flight, so memory stays bounded on any corpus."""
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(max_workers=n_process, mp_context=multiprocessing.get_context())
    pending: deque[Future[list[Extraction | Skipped]]] = deque()
    source = iter(articles)
    finished = False

    def results(future: Future[list[Extraction | Skipped]]) -> Iterator[Extraction]:
        try:
            done = future.result()
        except BrokenProcessPool as err:
            raise KgError(
                f"a parser process of -j {n_process} stopped (killed, or out of memory?); "
                "build again, or with fewer processes"
            ) from err
        for item in done:
            if isinstance(item, Extraction):
                yield item
            elif on_skip is not None:
                on_skip(*item)

    try:
        while chunk := list(islice(source, BATCH)):
            pending.append(pool.submit(extract_chunk, chunk, on_skip is not None))
            if len(pending) >= IN_FLIGHT_PER_PROCESS * n_process:
                yield from results(pending.popleft())
        while pending:
            yield from results(pending.popleft())
        finished = True
    finally:
        pool.shutdown(wait=finished, cancel_futures=not finished)


def _failure(article: Article, what: str, err: Exception) -> str:
    return (
        f"article {article.id!r}: {what} failed ({type(err).__name__}: {err}); "
        "this is a bug in kg, please report it with this article"
    )


def build(
    paths: Sequence[Path],
    store: GraphStore,
    *,
    default_date: date | None = None,
    columns: Columns | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
    prune: bool = False,
    force: bool = False,
) -> BuildReport:
    """Extract every article under `paths` into `store`; returns what was done and skipped.

    `columns` names the columns of CSV/TSV inputs (kg.readers.table). `jobs` parses with that
    many processes; `scheduler` (a Dask scheduler address) runs the extraction on a Dask cluster
    instead (kg.distributed). Either way the graph is the same, and it is written from this
    process. Articles the store holds unchanged (`article_status`) are skipped before the
    extraction, so no process or worker sees them, unless `force`. With `prune`, the stored
    articles whose ids are not among the inputs any more are removed (see `stale_articles`).
    """
    report = BuildReport(forced=force)
    read_ids: set[str] = set()  # every article id the inputs hold, built or not
    unknown: list[str] = []  # inputs that could not be read and whose article ids are unknown
    files, report.ignored_files = iter_inputs(paths)
    lexicon = load_lexicon()
    nlp = load_nlp()
    run = run_info(nlp, lexicon)
    store.ensure_reference(lexicon)
    stored = store.article_hashes()
    status: dict[str, Status] = {}  # of the articles sent to the extraction, until written
    changes = Changes(store, lexicon, stored)  # the articles written or removed, for tidy()

    def readable() -> Iterator[Article]:
        for item in read_files(files, default_date=default_date, columns=columns):
            if isinstance(item, Article):
                read_ids.add(item.id)
                if (reason := too_long(item)) is not None:
                    item = Skip(item.path or item.id, record_line(item), reason)
            elif (article_id := skipped_id(item)) is not None:
                read_ids.add(article_id)
            else:
                unknown.append(str(item))
            if isinstance(item, Skip):
                skip(item)
                continue
            found = article_status(item, run, stored)
            if found is Status.UNCHANGED and not force:
                report.unchanged += 1
                continue
            status[item.id] = found
            yield item

    def skip(item: Skip) -> None:
        report.skipped.append((f"{item.path}:{item.line}" if item.line else item.path, item.reason))
        if progress:
            progress(f"skipped {item}")

    def skip_article(article: Article, reason: str, line: int | None = None) -> None:
        skip(Skip(article.path or article.id, line if line is not None else record_line(article), reason))

    todo = readable()
    first = next(todo, None)  # no process is started, and no cluster reached, for nothing to build
    extractions: Iterator[Extraction] = iter(())
    if first is not None and scheduler is not None:
        from kg.distributed import extract_on_cluster

        extractions = extract_on_cluster(chain([first], todo), scheduler, run)
    elif first is not None:
        todo = chain([first], todo)
        extractions = extract_articles(todo, nlp, lexicon, n_process=jobs, on_skip=skip_article)
    for extraction in extractions:
        try:
            graph = article_graph(extraction, run, lexicon=lexicon)
        except Exception as err:  # a bug in the RDF writer must not end the build
            skip_article(extraction.article, _failure(extraction.article, "the RDF writer", err))
            continue
        changes.writing([extraction.article.id], soon=status)  # status: the articles being extracted
        replaced = store.replace_article(extraction.article.id, graph.triples, graph.shared)
        for line, why in left_out_sentences(extraction):
            skip_article(extraction.article, why, line)
        report.articles += 1
        report.replaced += int(replaced)
        found = status.pop(extraction.article.id, Status.NEW)
        report.new += found is Status.NEW
        report.changed += found is Status.CHANGED
        report.unchanged += found is Status.UNCHANGED  # rebuilt: --force
        report.sentences += extraction.sentences
        report.unresolved += extraction.unresolved
        for event in extraction.events:
            key = f"{event.type.value} ({event.factuality.value})"
            report.events[key] = report.events.get(key, 0) + 1
        if progress:
            progress(f"{extraction.article.id}: {len(extraction.events)} events")
    if prune:
        if unknown:
            report.not_pruned = (
                f"{unknown[0]} could not be read, so the id of its article is unknown and it may be "
                "one of those stored; fix it and build again, or remove articles with kg remove ID"
            )
        else:
            report.removed = stale_articles(store.article_ids(), read_ids)
            changes.writing(report.removed)
            for article_id in report.removed:
                store.remove_article(article_id)
                if progress:
                    progress(f"{article_id}: removed (no longer among the inputs)")
    report.linked = tidy(store, lexicon, before=stored, changes=changes)
    report.quads = store.quad_count()
    return report


def skipped_id(item: Skip) -> str | None:
    """The id of the article an unreadable input held, when the input tells it: a file that
    holds one article (a text file, a web page) is named by it; a broken record of a file of
    several (JSON Lines, feed, CSV) is not."""
    if input_format(item.path) in (InputFormat.JSONL, InputFormat.FEED, InputFormat.TABLE):
        return None
    return Path(item.path).stem


def stale_articles(stored: Iterable[str], read: set[str]) -> list[str]:
    """The stored article ids that the inputs do not hold any more (what --prune removes), sorted."""
    return sorted(set(stored) - read)


def tidy(
    store: GraphStore,
    lexicon: Lexicon,
    *,
    before: Mapping[str, str | None] | None = None,
    changes: Changes | None = None,
) -> dict[str, int]:
    """After articles were written or removed: drop the places and runs that no article uses and
    bring the kgo:sameEventAs links up to date (around the articles of `changes` when the links
    were computed from `before`, what the store held at the start: `kg.relink.relink`); returns,
    by event type, how many events told by more than one article are linked."""
    store.prune_shared()
    if changes is None:
        return relink(store, lexicon, before=before)
    return relink(store, lexicon, before=before, touched=changes.articles, held=changes.held)


def remove(article_ids: Sequence[str], store: GraphStore) -> list[str]:
    """Remove the articles `article_ids` from the store, each in one transaction, then `tidy`;
    returns the ids removed. KgError naming the ids the store does not hold, before anything
    is removed."""
    wanted = list(dict.fromkeys(article_ids))
    stored = store.article_hashes()
    missing = [article_id for article_id in wanted if article_id not in stored]
    if missing:
        names = ", ".join(repr(m) for m in missing)
        raise KgError(
            f"no article {names} in the store, so nothing was removed; `kg query articles` lists the "
            "stored article ids"
        )
    lexicon = load_lexicon()
    changes = Changes(store, lexicon, stored)
    changes.writing(wanted)
    for article_id in wanted:
        store.remove_article(article_id)
    tidy(store, lexicon, before=stored, changes=changes)
    return wanted


def no_article_files(paths: Sequence[Path], ignored: int) -> str:
    """What `kg build` says when the paths hold no article file."""
    kinds = ", ".join(f"*{suffix}" for suffix in ARTICLE_SUFFIXES)
    where = ", ".join(str(p) for p in paths)
    others = f" ({ignored} other file(s) ignored)" if ignored else ""
    return (
        f"no article found in {where}: kg build reads {kinds} files{others}; nothing was built "
        "and no store was written"
    )


def format_report(report: BuildReport) -> str:
    """The build summary printed on stderr."""
    if report.forced:
        kinds = f"{report.new} new, {report.changed} changed, {report.unchanged} unchanged: --force"
    else:
        kinds = f"{report.new} new, {report.changed} changed; {report.unchanged} unchanged, skipped"
    lines = [
        f"built {report.articles} article(s) ({kinds}), {report.sentences} sentences, "
        f"{report.quads} quads in the store"
    ]
    if not report.articles and report.unchanged and not report.forced:
        lines.append(
            "nothing to build: the articles read are in the store as they would be built now (the "
            "same text, dateline and source, the same rule, lexicon, model and kg versions); "
            "kg build --force builds them again"
        )
    elif report.events:
        lines.append("events: " + ", ".join(f"{k}: {v}" for k, v in sorted(report.events.items())))
    else:
        lines.append("events: none")
    if report.linked:
        kinds = ", ".join(f"{k}: {v}" for k, v in sorted(report.linked.items()))
        lines.append(
            f"{sum(report.linked.values())} event(s) told by more than one article linked with "
            f"kgo:sameEventAs ({kinds})"
        )
    if report.ignored_files:
        endings = ", ".join(f"*{suffix}" for suffix in ARTICLE_SUFFIXES)
        lines.append(f"ignored {report.ignored_files} file(s) that are not articles ({endings})")
    if report.removed:
        names = ", ".join(report.removed)
        lines.append(f"removed {len(report.removed)} article(s) no longer among the inputs: {names}")
    if report.not_pruned:
        lines.append(f"pruned nothing: {report.not_pruned}")
    if report.skipped:
        lines.append(f"skipped {len(report.skipped)} input(s) or sentence(s):")
        lines.extend(f"  {where}: {why}" for where, why in report.skipped)
    return "\n".join(lines)
