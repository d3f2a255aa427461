"""The build: read articles -> nlp -> extract -> normalize -> rdf -> store.

`build()` is what `kg build` runs. Each article's graph is written as soon as it is
extracted, in one atomic replacement, so an interrupted build keeps every article it
finished, and a bad input is skipped and counted, never fatal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from kg import __version__
from kg.articles import Skip, iter_inputs, read_articles
from kg.extract import RULES_VERSION, extract_doc
from kg.lexicon import Lexicon, load_lexicon
from kg.linking import relink
from kg.models import Article, BuildReport, Extraction, RunInfo
from kg.nlp import load_nlp, model_info
from kg.rdf import article_triples
from kg.store import GraphStore

Progress = Callable[[str], None]
BATCH = 16


def run_info(nlp: Any, lexicon: Lexicon) -> RunInfo:
    name, version = model_info(nlp)
    return RunInfo(RULES_VERSION, lexicon.version, name, version, __version__)


def extract_articles(
    articles: Iterable[Article], nlp: Any, lexicon: Lexicon, *, n_process: int = 1
) -> Iterator[Extraction]:
    """Parse articles in batches (spaCy's nlp.pipe) and run the rules on each."""
    stream = ((a.body, a) for a in articles)
    for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=BATCH, n_process=n_process):
        yield extract_doc(doc, article, lexicon)


def build(
    paths: Sequence[Path],
    store: GraphStore,
    *,
    default_date: date | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> BuildReport:
    """Extract every article under `paths` into `store`; returns what was done and skipped.

    `jobs` parses with that many processes; `scheduler` (a Dask scheduler address) runs the
    extraction on a Dask cluster instead (kg.distributed). Either way the graph is the same,
    and it is written from this process.
    """
    report = BuildReport()
    _files, report.ignored_files = iter_inputs(paths)
    lexicon = load_lexicon()
    nlp = load_nlp()
    run = run_info(nlp, lexicon)
    store.ensure_reference(lexicon)

    def readable() -> Iterator[Article]:
        for item in read_articles(paths, default_date=default_date):
            if isinstance(item, Skip):
                report.skipped.append((f"{item.path}:{item.line}" if item.line else item.path, item.reason))
                if progress:
                    progress(f"skipped {item}")
            else:
                yield item

    if scheduler is None:
        extractions = extract_articles(readable(), nlp, lexicon, n_process=jobs)
    else:
        from kg.distributed import extract_on_cluster

        extractions = extract_on_cluster(readable(), scheduler, run)
    for extraction in extractions:
        replaced = store.replace_article(
            extraction.article.id, article_triples(extraction, run, lexicon=lexicon)
        )
        report.articles += 1
        report.replaced += int(replaced)
        report.sentences += extraction.sentences
        report.unresolved += extraction.unresolved
        for event in extraction.events:
            key = f"{event.type.value} ({event.factuality.value})"
            report.events[key] = report.events.get(key, 0) + 1
        if progress:
            progress(f"{extraction.article.id}: {len(extraction.events)} events")
    report.linked = relink(store, lexicon)
    report.triples = store.triple_count()
    return report


def format_report(report: BuildReport) -> str:
    """The build summary printed on stderr."""
    lines = [
        f"built {report.articles} article(s) ({report.replaced} replaced), {report.sentences} sentences, "
        f"{report.triples} triples in the store"
    ]
    if report.events:
        lines.append("events: " + ", ".join(f"{k}: {v}" for k, v in sorted(report.events.items())))
    else:
        lines.append("events: none")
    if report.linked:
        lines.append(f"{report.linked} launch(es) told by more than one article linked with kgo:sameEventAs")
    if report.ignored_files:
        lines.append(f"ignored {report.ignored_files} file(s) that are not *.txt or *.jsonl")
    if report.skipped:
        lines.append(f"skipped {len(report.skipped)} input(s):")
        lines.extend(f"  {where}: {why}" for where, why in report.skipped)
    return "\n".join(lines)
