"""A private Virtuoso 7 server (Debian's virtuoso-opensource) on free loopback ports, for tests.

The one place that knows how to run one: a temporary folder with its own virtuoso.ini (the
database, its log and lock files in that folder; the SQL and HTTP ports both bound to
127.0.0.1 only), `virtuoso-t +foreground +configfile FILE`, waited for until its HTTP port
answers, set up over its SQL port with `isql-vt`, and stopped (SIGTERM, then SIGKILL) after.
It never touches the system service or /var/lib/virtuoso-opensource-7. Importable from any
test as `virtuoso_server` (tests/ is on sys.path through tests/conftest.py).

The set-up makes the instance a dataset of kg's own, writable without a password:

- `GRANT SPARQL_UPDATE TO "SPARQL"`: the /sparql endpoint runs as the SQL user SPARQL, which
  may only query by default (an update is refused "No permission to execute procedure
  DB.DBA.SPARQL_INSERT_DICT_CONTENT"; a Graph Store write gets 403);
- `DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7)`: anonymous requests may read (1), write
  (2) and list (4) the graphs (explicit: 7.2.5 already let them without it);
- Virtuoso keeps its own graphs in the same quad store (its RDF-view metadata, ~2,500 triples in
  http://www.openlinksw.com/schemas/virtrdf#, the LDP vocabulary and the endpoint's service
  description), and a query without FROM sees every graph: they are made private graphs
  (`RDF_GRAPH_GROUP_INS` into virtrdf#PrivateGraphs) that anonymous requests do not see
  (`RDF_DEFAULT_USER_PERMS_SET ('nobody', 0, 1)`), so the dataset holds kg's graphs only.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from oxigraph_server import LOOPBACK, Server, free_port, stop, wait_until_up

VIRTUOSO = "/usr/bin/virtuoso-t"
ISQL = "/usr/bin/isql-vt"
INSTALL = "apt-get install virtuoso-opensource"

# Virtuoso's own graphs, hidden from anonymous SPARQL requests (see the module doc).
SYSTEM_GRAPHS = (
    "http://www.openlinksw.com/schemas/virtrdf#",
    "http://www.w3.org/ns/ldp#",
    "http://localuriqaserver/sparql",  # the service description, named after [URIQA] DefaultHost
)
_PRIVATE = "http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs"

SETUP_SQL = "\n".join(
    [
        'GRANT SPARQL_UPDATE TO "SPARQL";',
        "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);",
        f"DB.DBA.RDF_GRAPH_GROUP_CREATE ('{_PRIVATE}', 1);",
        *(f"DB.DBA.RDF_GRAPH_GROUP_INS ('{_PRIVATE}', '{graph}');" for graph in SYSTEM_GRAPHS),
        "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 0, 1);",
    ]
)


def virtuoso_ini(folder: Path, sql_port: int, http_port: int, max_rows: int = 0) -> str:
    """A virtuoso.ini for a private instance in `folder`: the settings of Debian's
    /etc/virtuoso-opensource-7/virtuoso.ini that matter, with every file in `folder` and both
    ports on the loopback interface. No plugins, no VAD packages, no Conductor.

    [SPARQL] differs from Debian's on purpose: Debian's ResultSetMaxRows = 10000 makes Virtuoso
    cut every result at 10,000 rows (a SELECT with only an X-SPARQL-MaxRows header saying so, a
    CONSTRUCT silently), and MaxQueryExecutionTime = 60 makes it answer a slower query with
    the partial results found so far ("anytime queries"). 0 is no limit for both."""
    return f"""\
[Database]
DatabaseFile       = {folder}/virtuoso.db
ErrorLogFile       = {folder}/virtuoso.log
LockFile           = {folder}/virtuoso.lck
TransactionFile    = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {folder}/virtuoso-temp.db
TransactionFile    = {folder}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = {LOOPBACK}:{sql_port}
DisableUnixSocket    = 1
DisableTcpSocket     = 0
MaxClientConnections = 10
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = .
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000

[HTTPServer]
ServerPort           = {LOOPBACK}:{http_port}
ServerRoot           = {folder}
MaxClientConnections = 10
ServerThreads        = 10
MaxKeepAlives        = 10
KeepAliveTimeout     = 10
Charset              = UTF-8
EnabledGzipContent   = 0

[SPARQL]
ResultSetMaxRows      = {max_rows}
MaxQueryExecutionTime = 0
"""


def virtuoso_binaries() -> tuple[str, str]:
    """virtuoso-t and isql-vt; fails the test (never skips it) if they are missing."""
    missing = [path for path in (VIRTUOSO, ISQL) if not os.access(path, os.X_OK)]
    if missing:
        pytest.fail(f"{', '.join(missing)} not found: the Virtuoso tests need `{INSTALL}`")
    return VIRTUOSO, ISQL


def isql(sql_port: int, sql: str, password: str = "dba") -> None:
    """Run `sql` as dba over the SQL port; RuntimeError with isql's output if a statement fails."""
    run = subprocess.run(
        [ISQL, f"{LOOPBACK}:{sql_port}", "dba", password, "VERBOSE=OFF", "ERRORS=STDOUT"],
        input=sql + "\nEXIT;\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    output = run.stdout + run.stderr
    if run.returncode != 0 or "*** Error" in output:
        raise RuntimeError(f"isql-vt failed (exit {run.returncode}):\n{output}")


@contextmanager
def virtuoso(folder: Path, timeout: float = 120.0, max_rows: int = 0) -> Iterator[Server]:
    """Run a private Virtuoso on free 127.0.0.1 ports, its database in `folder` (new and
    empty, or one this left), while the block runs; the block is entered once its HTTP port
    answers and the set-up is done. `Server.port` is the HTTP port; `max_rows` is its
    ResultSetMaxRows (0: none)."""
    binary, _ = virtuoso_binaries()
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    while http_port == sql_port:
        http_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(virtuoso_ini(folder.resolve(), sql_port, http_port, max_rows))
    process: subprocess.Popen[Any] = subprocess.Popen(
        [binary, "+foreground", "+configfile", str(ini)],
        cwd=folder,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = Server(http_port, process)
    try:
        try:
            wait_until_up(f"{server.url}/sparql", process, timeout)
            _setup(sql_port, process, time.monotonic() + timeout)
        except RuntimeError as err:
            log = folder / "virtuoso.log"
            tail = log.read_text(errors="replace")[-3000:] if log.exists() else "(no log)"
            raise RuntimeError(f"Virtuoso did not start: {err}\n--- {log}:\n{tail}") from err
        yield server
    finally:
        stop(process)


def _setup(sql_port: int, process: subprocess.Popen[Any], deadline: float) -> None:
    """The grants and private graphs of the module doc, retried while the SQL port is not
    listening yet (it comes up just after the HTTP port)."""
    while True:
        try:
            isql(sql_port, SETUP_SQL)
            return
        except RuntimeError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.2)
