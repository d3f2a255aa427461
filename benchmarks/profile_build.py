"""Where `kg build`'s time goes, stage by stage, in one process, against the bare spaCy parse.

    python benchmarks/profile_build.py                  # 300 generated articles
    python benchmarks/profile_build.py --articles 1000 --top 30 --workdir /tmp/kprof

Runs each stage of the build over the same articles, one after the other, and times it with the
wall clock (no profiler running): reading the files, each component of kg's spaCy pipeline (and,
for the baseline, of the bare model), the rules (`kg.extract.extract_doc`, with `kg.normalize`),
the RDF (`kg.rdf.article_graph`), the store writes (`Store.replace_article` into a new folder) and
the end of the build (`kg.pipeline.tidy`: pruning and cross-article links, and the triple count).
Then it runs the rules a second time under cProfile and lists the functions of kg/extract,
kg/normalize and kg/dates by their share of the rules' time (own time, and with what they call).

Prints Markdown on stdout (progress on stderr). Not run in CI.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate
from run import talk, timed

ROOT = Path(__file__).resolve().parent.parent
RULE_FILES = ("kg/extract/", "kg/normalize.py", "kg/dates.py", "kg/lexicon/")


def components(nlp: Any, texts: list[str], batch: int) -> tuple[list[tuple[str, float]], list[Any]]:
    """Seconds of the tokenizer and of each pipeline component over `texts` (as nlp.pipe runs
    them: in batches, each component over the batch in turn); returns the times and the docs."""
    times: dict[str, float] = {"tokenizer": 0.0}
    for name, _ in nlp.pipeline:
        times[name] = 0.0
    docs: list[Any] = []
    for i in range(0, len(texts), batch):
        start = time.perf_counter()
        part = [nlp.make_doc(text) for text in texts[i : i + batch]]
        times["tokenizer"] += time.perf_counter() - start
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            part = list(proc.pipe(part)) if hasattr(proc, "pipe") else [proc(doc) for doc in part]
            times[name] += time.perf_counter() - start
        docs.extend(part)
    return list(times.items()), docs


def short(filename: str) -> str:
    text = filename.replace("\\", "/")
    index = text.find("/kg/")
    return text[index + 1 :] if index >= 0 else text


#: The steps of `kg.extract.extract_doc`, by the names it calls them by (module globals of
#: kg.extract, so that wrapping them here times them without touching the extractor).
RULE_STEPS = (
    ("DocIndex", "index of the document (`sentence.DocIndex`)"),
    ("SentenceView", "sentence views (`sentence.SentenceView`)"),
    ("launcher_states", "launching states (`launch.launcher_states`)"),
    ("find_launches", "launch rules (`launch.find_launches`)"),
    ("find_exercises", "exercise rules (`exercise.find_exercises`)"),
    ("find_treaties", "treaty rules (`treaty.find_treaties`)"),
    ("_notes", "notes on earlier launches (`extract._notes`)"),
    ("_update_topic", "discourse topic (`extract._update_topic`)"),
    ("merge", "merging and dates (`normalize.merge`)"),
)


def rule_steps(docs: list[Any], articles: list[Any], lexicon: Any) -> tuple[float, list[tuple[str, float]]]:
    """Wall-clock seconds of the rules and of each step of RULE_STEPS (wrapped with a timer), so
    that the shares are not those of a profiler, which slows Python code unevenly."""
    import kg.extract as extract

    spent = dict.fromkeys((name for name, _ in RULE_STEPS), 0.0)
    originals = {name: getattr(extract, name) for name, _ in RULE_STEPS}

    def wrapped(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timer(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start

        return timer

    for name, function in originals.items():
        setattr(extract, name, wrapped(name, function))
    try:
        total, _ = timed(
            lambda: [extract.extract_doc(d, a, lexicon) for d, a in zip(docs, articles, strict=True)]
        )
    finally:
        for name, function in originals.items():
            setattr(extract, name, function)
    described = dict(RULE_STEPS)
    return total, [(described[name], seconds) for name, seconds in spent.items()]


def rule_profile(docs: list[Any], articles: list[Any], lexicon: Any, top: int) -> list[str]:
    """cProfile of the rules over the docs: the kg functions of RULE_FILES by own and cumulative
    time, as shares of the profiled total."""
    from kg.extract import extract_doc

    profile = cProfile.Profile()
    profile.enable()
    for doc, article in zip(docs, articles, strict=True):
        extract_doc(doc, article, lexicon)
    profile.disable()
    stats = pstats.Stats(profile)
    total = sum(row[2] for row in stats.stats.values())  # type: ignore[attr-defined]
    rows = []
    for (filename, line, name), (_cc, calls, own, cumulative, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        where = short(filename)
        if where.startswith(RULE_FILES):
            rows.append((own, cumulative, calls, f"{where}:{line} `{name}`"))
    out = [
        f"cProfile of `extract_doc` over {len(docs)} parsed articles: {total:.2f} s profiled "
        "(cProfile slows Python code several times; the shares are what to read).",
        "",
        "| function | own time | with callees | calls |",
        "| --- | ---: | ---: | ---: |",
    ]
    for own, cumulative, calls, what in sorted(rows, reverse=True)[:top]:
        out.append(f"| {what} | {own / total:.1%} | {cumulative / total:.1%} | {calls:,} |")
    out += ["", "By cumulative time (what a function costs with everything it calls):", ""]
    out += ["| function | with callees | own time | calls |", "| --- | ---: | ---: | ---: |"]
    for own, cumulative, calls, what in sorted(rows, key=lambda r: -r[1])[:top]:
        out.append(f"| {what} | {cumulative / total:.1%} | {own / total:.1%} | {calls:,} |")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--top", type=int, default=25, help="functions listed in the rule profile")
    parser.add_argument("--workdir", type=Path, help="keep the corpus and store here (default: temp)")
    args = parser.parse_args()

    import spacy

    from kg.articles import Skip, read_articles
    from kg.lexicon import load_lexicon
    from kg.nlp import MODEL_PACKAGES, load_nlp
    from kg.pipeline import BATCH, run_info, tidy
    from kg.rdf import article_graph
    from kg.store import Store

    work = args.workdir or Path(tempfile.mkdtemp(prefix="kg-profile-"))
    corpus = work / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    generate(corpus, args.articles)
    nlp, lexicon = load_nlp(), load_lexicon()
    run = run_info(nlp, lexicon)
    bare = next(m for m in (_try_load(spacy, p) for p in MODEL_PACKAGES) if m is not None)

    t_read, items = timed(lambda: [a for a in read_articles([corpus]) if not isinstance(a, Skip)])
    texts = [a.body for a in items]
    n_words = sum(len(t.split()) for t in texts)
    talk(f"{len(items)} articles, {n_words} words; bare parse, then kg's stages")
    t_bare_pipe = t_kg_pipe = float("inf")
    for _ in range(2):  # interleaved, best of two: a busy moment on a shared machine hits both
        t_bare_pipe = min(t_bare_pipe, timed(lambda: sum(1 for _ in bare.pipe(texts, batch_size=BATCH)))[0])
        t_kg_pipe = min(t_kg_pipe, timed(lambda: sum(1 for _ in nlp.pipe(texts, batch_size=BATCH)))[0])
        talk(f"  bare {t_bare_pipe:.1f} s, kg's pipeline {t_kg_pipe:.1f} s")
    bare_parts, _ = components(bare, texts, BATCH)
    kg_parts, docs = components(nlp, texts, BATCH)

    from kg.extract import extract_doc

    t_rules, extractions = timed(
        lambda: [extract_doc(doc, a, lexicon) for doc, a in zip(docs, items, strict=True)]
    )
    t_rules = min(
        t_rules, timed(lambda: [extract_doc(d, a, lexicon) for d, a in zip(docs, items, strict=True)])[0]
    )
    t_steps, steps = rule_steps(docs, items, lexicon)
    t_rdf, graphs = timed(lambda: [article_graph(e, run, lexicon=lexicon) for e in extractions])
    location = work / "store"
    shutil.rmtree(location, ignore_errors=True)
    with Store.open(location) as store:
        t_ref, _ = timed(lambda: store.ensure_reference(lexicon))

        def write() -> None:
            for extraction, graph in zip(extractions, graphs, strict=True):
                store.replace_article(extraction.article.id, graph.triples, graph.shared)

        t_write, _ = timed(write)
        t_tidy, _ = timed(lambda: tidy(store, lexicon))
        t_count, _ = timed(store.triple_count)

    stages = [
        ("read the files (`kg.articles.read_articles`)", t_read),
        ("spaCy: kg's pipeline (`nlp.pipe`)", t_kg_pipe),
        ("rules (`kg.extract.extract_doc`, with `kg.normalize.merge`)", t_rules),
        ("RDF (`kg.rdf.article_graph`)", t_rdf),
        ("store: reference graphs (`ensure_reference`, once)", t_ref),
        ("store: article writes (`replace_article`)", t_write),
        ("end of build: prune and links (`tidy`)", t_tidy),
        ("end of build: triple count for the summary", t_count),
    ]
    total = sum(t for _, t in stages)
    print(f"{len(items)} articles, {n_words:,} words; bare `nlp.pipe` {t_bare_pipe:.2f} s "
          f"({n_words / t_bare_pipe:,.0f} words/s)\n")  # fmt: skip
    print("| stage | seconds | share of kg | vs the bare parse |")
    print("| --- | ---: | ---: | ---: |")
    for what, seconds in stages:
        print(f"| {what} | {seconds:.2f} | {seconds / total:.1%} | {seconds / t_bare_pipe:.1%} |")
    print(f"| total | {total:.2f} | 100% | {total / t_bare_pipe:.1%} |")
    print(f"\nkg words/s over bare words/s, from these stages: {t_bare_pipe / total:.3f}\n")
    print("| component | bare model (s) | kg's pipeline (s) |")
    print("| --- | ---: | ---: |")
    bare_times = dict(bare_parts)
    for name, seconds in kg_parts:
        base = bare_times.pop(name, None)
        print(f"| {name} | {'' if base is None else f'{base:.2f}'} | {seconds:.2f} |")
    for name, base in bare_times.items():
        print(f"| {name} (not in kg's pipeline) | {base:.2f} | |")
    print(f"\nThe rules' steps, wall clock (timed around each call; {t_steps:.2f} s in all, "
          f"{t_rules:.2f} s unwrapped):\n")  # fmt: skip
    print("| step | seconds | share of the rules | vs the bare parse |")
    print("| --- | ---: | ---: | ---: |")
    for what, seconds in steps:
        print(f"| {what} | {seconds:.2f} | {seconds / t_steps:.1%} | {seconds / t_bare_pipe:.1%} |")
    rest = t_steps - sum(seconds for _, seconds in steps)
    print(f"| the rest of `extract_doc` (mentions, the loop) | {rest:.2f} | {rest / t_steps:.1%} | "
          f"{rest / t_bare_pipe:.1%} |")  # fmt: skip
    print()
    talk("the rules under cProfile")
    for line in rule_profile(docs, items, lexicon, args.top):
        print(line)


def _try_load(spacy: Any, package: str) -> Any:
    try:
        return spacy.load(package)
    except OSError:
        return None


if __name__ == "__main__":
    main()
