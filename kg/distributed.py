"""Extraction on a Dask distributed cluster: the `nlp -> extract` arrows, spread over workers.

    read articles (here) -> [nlp -> extract] (Dask workers) -> rdf -> store (here)

`extract_on_cluster` cuts the stream of articles into chunks, sends each chunk to the cluster
and yields the extractions back in input order, keeping only a few chunks in flight so that a
corpus of any size streams through in bounded memory. Each worker process loads the spaCy
model and the lexicon once (`load_nlp` and `load_lexicon` are cached per process) and reuses
them for every chunk it gets. The RDF and the store writes stay in the client process, so the
graph is the one `kg build -j 1` writes.

Workers must run the same kg, spaCy model and lexicon as the client: each chunk comes back with
the worker's run description, and a difference stops the build (it would change the graph).

Dask is an optional extra: `pip install -e '.[dask]'`.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from kg.errors import KgError
from kg.models import Article, Extraction, RunInfo

CHUNK = 16  # articles per task: large enough to amortise scheduling, small enough to balance
IN_FLIGHT_PER_WORKER = 2  # tasks queued per worker, so no worker waits for the client
CONNECT_TIMEOUT = "20s"

_LOAD_LOCK = threading.Lock()


def extract_chunk(articles: list[Article]) -> tuple[RunInfo, list[Extraction]]:
    """Run on a worker: parse and extract `articles`, with the worker's cached model."""
    from kg.extract import extract_doc
    from kg.lexicon import load_lexicon
    from kg.nlp import load_nlp
    from kg.pipeline import BATCH, run_info

    with _LOAD_LOCK:  # a worker with several threads loads the model once, not once per thread
        nlp = load_nlp()
        lexicon = load_lexicon()
    docs = nlp.pipe((a.body for a in articles), batch_size=BATCH)
    extractions = [extract_doc(doc, article, lexicon) for doc, article in zip(docs, articles, strict=True)]
    return run_info(nlp, lexicon), extractions


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _connect(address: str) -> Any:
    try:
        import distributed
    except ImportError as err:
        raise KgError("--scheduler needs Dask: pip install 'kg[dask]' (or pip install -e '.[dask]')") from err
    client_class: Any = distributed.Client
    try:
        return client_class(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as err:
        raise KgError(
            f"cannot reach the Dask scheduler at {address}: {err}; "
            "check the address (tcp://HOST:8786) and that the scheduler is running"
        ) from err


def extract_on_cluster(
    articles: Iterable[Article], address: str, run: RunInfo, *, chunk: int = CHUNK
) -> Iterator[Extraction]:
    """The extraction of each article, in input order, computed on the Dask cluster at `address`.

    `run` is the client's run description; KgError if a worker's differs (another kg version,
    model or lexicon) or the scheduler cannot be reached.
    """
    client = _connect(address)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = IN_FLIGHT_PER_WORKER * workers
        pending: deque[Any] = deque()
        chunks = _chunks(articles, chunk)
        for part in chunks:
            pending.append(client.submit(extract_chunk, part, pure=False))
            if len(pending) >= window:
                yield from _collect(pending.popleft(), run)
        while pending:
            yield from _collect(pending.popleft(), run)
    finally:
        client.close()


def _collect(future: Any, run: RunInfo) -> list[Extraction]:
    worker_run, extractions = future.result()
    if worker_run != run:
        raise KgError(
            f"a Dask worker runs {worker_run}, this process {run}; "
            "install the same kg, spaCy model and lexicon on every worker"
        )
    return list(extractions)
