"""Named queries: `queries/*.rq` files, their bound parameters, and result formatting.

    ... -> store -> query (named query + bound parameters -> rows -> table/csv/tsv/json)

Each query file starts with comment lines that say what it is, which parameters it takes and
which columns it returns:

    # title: Launches
    # description: Every launch with state, date, ...
    # param ?state state: only launches by this state (ISO code, e.g. PRK); optional
    # column ?state_code: the launching state's ISO code

A parameter is bound by substituting a term for its variable (pyoxigraph `substitutions`,
SEP-0007). `bind` turns the user's strings into terms by the parameter's TYPE; values are
never pasted into the query text. Substitution only binds variables of the SELECT clause, so
a query selects its parameters too; `run` returns the declared columns only, without them.
Other comment lines are free text.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TextIO

import pyoxigraph as ox

from kg.errors import QueryError
from kg.factualities import SYNTAX, parse_factualities, sparql_value
from kg.models import Outcome, PartialDate
from kg.namespaces import KGO, PREFIXES, STATE, XSD
from kg.resources import queries_dir
from kg.store import OxTerm, QueryResult

PARAM_TYPES: tuple[str, ...] = (
    "state",
    "iri",
    "string",
    "integer",
    "date",
    "factuality",
    "outcome",
    "article",
)
RESULT_FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json")
TABLE_CELL_WIDTH = 60

_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_KEY_LINE = re.compile(r"^#\s*(title|description|param|column)\b(.*)$")
_KEY_VALUE = re.compile(r"^:\s*(\S.*)$")
_PARAM = re.compile(r"^\s+\?([A-Za-z_][A-Za-z0-9_]*)\s+([a-z]+)\s*:\s*(\S.*)$")
_OPTIONAL = re.compile(r"[;,(]\s*optional\)?\s*$", re.IGNORECASE)
_ISO3 = re.compile(r"^[A-Za-z]{3}$")
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_COLUMN = re.compile(r"^\s+\?([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(\S.*)$")
_PARAM_SYNTAX = "'# param ?NAME TYPE: description'"
_COLUMN_SYNTAX = "'# column ?NAME: description'"

_OUTCOME = {Outcome.SUCCESS: KGO.Success, Outcome.FAILURE: KGO.Failure, Outcome.UNKNOWN: KGO.UnknownOutcome}
_DATE_TYPES = {"year": XSD.gYear, "month": XSD.gYearMonth, "day": XSD.date}


@dataclass(frozen=True, slots=True)
class Param:
    """One `# param ?name type: description` line of a query file."""

    name: str  # the variable, without '?'
    type: str  # one of PARAM_TYPES
    description: str
    optional: bool  # the description ends with "optional"


@dataclass(frozen=True, slots=True)
class Column:
    """One `# column ?name: description` line of a query file: a column of its output."""

    name: str  # the variable, without '?'
    description: str


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A query file: what it is called, what it does, the parameters it takes, the columns it
    returns, its SPARQL."""

    name: str  # the file name without .rq
    title: str
    description: str
    params: tuple[Param, ...]
    text: str  # the whole file, header comments included
    path: Path
    columns: tuple[Column, ...] = ()  # as declared; empty: every variable the query selects

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def param(self, name: str) -> Param:
        """The parameter called `name` ('state' or '?state'); QueryError if there is none."""
        key = name.lstrip("?$")
        for param in self.params:
            if param.name == key:
                return param
        raise QueryError(f"the query {self.name} has no parameter {name!r}; {_param_list(self)}")


# --- loading ----------------------------------------------------------------------------


def list_queries() -> list[NamedQuery]:
    """Every named query in `queries_dir()`, sorted by name."""
    return [load_query_file(path) for path in sorted(queries_dir().glob("*.rq"), key=lambda p: p.stem)]


def query_names() -> list[str]:
    """The names of the named queries, sorted."""
    return sorted(path.stem for path in queries_dir().glob("*.rq"))


def load_query(name: str) -> NamedQuery:
    """The named query `name` (e.g. 'launches'); QueryError listing the names if it is unknown."""
    path = queries_dir() / f"{name}.rq"
    if not _NAME.match(name) or not path.is_file():
        available = ", ".join(query_names()) or "(none)"
        raise QueryError(f"there is no named query {name!r}; available: {available}")
    return load_query_file(path)


def load_query_file(path: Path) -> NamedQuery:
    """Read a query file and its header; QueryError naming file and line if the header is bad."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise QueryError(f"{path}: cannot read the query file: {err}") from err
    title, description, params, columns = _parse_header(path, text)
    return NamedQuery(path.stem, title, description, params, text, path, columns)


def _parse_header(path: Path, text: str) -> tuple[str, str, tuple[Param, ...], tuple[Column, ...]]:
    fields: dict[str, str] = {}
    params: list[Param] = []
    columns: list[Column] = []
    body_start = 0
    for lineno, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped.startswith("#"):
            body_start = lineno
            break
        match = _KEY_LINE.match(stripped)
        if match is None:
            continue  # free comment text
        key, rest = match.groups()
        where = f"{path}:{lineno}"
        if key == "param":
            params.append(_parse_param(where, rest, params))
            continue
        if key == "column":
            columns.append(_parse_column(where, rest, columns))
            continue
        value = _KEY_VALUE.match(rest)
        if value is None:
            raise QueryError(f"{where}: expected '# {key}: text'")
        if key in fields:
            raise QueryError(f"{where}: a second '# {key}:' line; give one")
        fields[key] = value.group(1).strip()
    for key in ("title", "description"):
        if key not in fields:
            raise QueryError(f"{path}:1: the header has no '# {key}:' line; start the file with one")
    body = "\n".join(text.splitlines()[max(body_start - 1, 0) :])
    for param in params:
        if not re.search(rf"[?$]{param.name}\b", body):
            raise QueryError(f"{path}: the parameter ?{param.name} does not occur in the query")
    for column in columns:
        if not re.search(rf"[?$]{column.name}\b", body):
            raise QueryError(f"{path}: the column ?{column.name} does not occur in the query")
    return fields["title"], fields["description"], tuple(params), tuple(columns)


def _parse_param(where: str, rest: str, seen: Sequence[Param]) -> Param:
    match = _PARAM.match(rest)
    if match is None:
        raise QueryError(f"{where}: expected {_PARAM_SYNTAX}, TYPE one of {', '.join(PARAM_TYPES)}")
    name, type_, description = match.groups()
    if type_ not in PARAM_TYPES:
        raise QueryError(f"{where}: unknown parameter type {type_!r}; use one of {', '.join(PARAM_TYPES)}")
    if any(p.name == name for p in seen):
        raise QueryError(f"{where}: the parameter ?{name} is declared twice")
    description = description.strip()
    return Param(name, type_, description, bool(_OPTIONAL.search(description)))


def _parse_column(where: str, rest: str, seen: Sequence[Column]) -> Column:
    match = _COLUMN.match(rest)
    if match is None:
        raise QueryError(f"{where}: expected {_COLUMN_SYNTAX}")
    name, description = match.groups()
    if any(c.name == name for c in seen):
        raise QueryError(f"{where}: the column ?{name} is declared twice")
    return Column(name, description.strip())


def _param_list(query: NamedQuery) -> str:
    if not query.params:
        return "it takes none"
    return "its parameters: " + ", ".join(f"{p.name} ({p.type})" for p in query.params)


# --- binding ----------------------------------------------------------------------------


def bind(query: NamedQuery, values: Mapping[str, str]) -> dict[str, OxTerm]:
    """The user's parameter strings as terms to substitute, keyed by variable name.

    QueryError for a parameter the query does not take, a value its type rejects, or a
    parameter that is not optional and not given.
    """
    bound: dict[str, OxTerm] = {}
    for key, value in values.items():
        param = query.param(key)
        bound[param.name] = to_term(param, value)
    for param in query.params:
        if not param.optional and param.name not in bound:
            raise QueryError(
                f"the query {query.name} needs the parameter {param.name} ({param.type}): {param.description}"
            )
    return bound


def to_term(param: Param, value: str) -> OxTerm:
    """One parameter string as a term of the parameter's type; QueryError if it is not one."""
    text = value.strip()
    converter = _CONVERTERS[param.type]
    try:
        return converter(text)
    except ValueError as err:
        raise QueryError(f"{param.name} must be {_EXPECTED[param.type]}; got {value!r}") from err


def _state(text: str) -> OxTerm:
    if not _ISO3.match(text):
        raise ValueError(text)
    return ox.NamedNode(str(STATE[text.upper()]))


def _iri(text: str) -> OxTerm:
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    prefix, colon, local = text.partition(":")
    if colon and prefix in PREFIXES and not local.startswith("//"):
        text = PREFIXES[prefix] + local
    elif not _SCHEME.match(text):
        raise ValueError(text)
    return ox.NamedNode(text)  # raises ValueError for characters an IRI cannot hold


def _string(text: str) -> OxTerm:
    return ox.Literal(text)


def _integer(text: str) -> OxTerm:
    if not _INTEGER.match(text):
        raise ValueError(text)
    return ox.Literal(str(int(text)), datatype=ox.NamedNode(str(XSD.integer)))


def _date(text: str) -> OxTerm:
    date = PartialDate.from_iso(text)
    return ox.Literal(date.iso(), datatype=ox.NamedNode(str(_DATE_TYPES[date.precision])))


def _factuality(text: str) -> OxTerm:
    return ox.Literal(sparql_value(parse_factualities(text)))


def _outcome(text: str) -> OxTerm:
    return ox.NamedNode(str(_OUTCOME[Outcome(text.lower())]))


def _article(text: str) -> OxTerm:
    if not text:
        raise ValueError(text)
    return ox.Literal(text)


_CONVERTERS = {
    "state": _state,
    "iri": _iri,
    "string": _string,
    "integer": _integer,
    "date": _date,
    "factuality": _factuality,
    "outcome": _outcome,
    "article": _article,
}
_EXPECTED = {
    "state": "an ISO 3166-1 alpha-3 code such as PRK",
    "iri": "a full IRI such as https://w3id.org/kgnews/resource/launch-3f2a9c "
    f"or a prefixed name such as kgr:launch-3f2a9c (prefixes: {', '.join(PREFIXES)})",
    "string": "a string",
    "integer": "a whole number such as 3",
    "date": "a date as YYYY, YYYY-MM or YYYY-MM-DD",
    "factuality": SYNTAX,
    "outcome": "one of " + "|".join(o.value for o in Outcome),
    "article": "an article id such as seed-2017-03-23-wonsan",
}


# --- running ----------------------------------------------------------------------------


class Queryable(Protocol):
    """Anything that runs SPARQL with substitutions: `kg.store.Store`, `kg.remote.RemoteStore`."""

    def query(self, sparql: str, substitutions: Mapping[str, Any] | None = None) -> QueryResult: ...


def run(store: Queryable, query: NamedQuery, values: Mapping[str, str] | None = None) -> QueryResult:
    """Run a named query with the user's parameter strings bound; the result holds the columns
    the query declares (the parameter variables it selects only to be substituted are left out).

    QueryError as `bind` raises it, or if the query does not select a column it declares."""
    result = store.query(query.text, bind(query, values or {}))
    return only_columns(result, query)


def only_columns(result: QueryResult, query: NamedQuery) -> QueryResult:
    """`result` cut down to the query's declared columns, in their order."""
    if not query.columns or result.kind != "select" or result.variables == query.column_names:
        return result
    where = {name: i for i, name in enumerate(result.variables)}
    missing = [name for name in query.column_names if name not in where]
    if missing:
        raise QueryError(f"{query.path}: the query does not select the column(s) ?{', ?'.join(missing)}")
    keep = [where[name] for name in query.column_names]
    rows = [tuple(row[i] for i in keep) for row in result.rows]
    return QueryResult("select", query.column_names, rows)


# A row if the store holds the value bound to ?value (bound by substitution, as parameters are).
_EXISTS = {
    "state": "SELECT ?value WHERE { ?value a kgo:State } LIMIT 1",
    "article": "SELECT ?value WHERE { ?article a kgo:Article ; dcterms:identifier ?value } LIMIT 1",
}
_LISTED_BY = {"state": "kg query states", "article": "kg query articles"}


def unknown_values(store: Queryable, query: NamedQuery, bound: Mapping[str, OxTerm]) -> list[str]:
    """A hint for each state or article parameter bound to something the store does not hold
    ("no state XYZ in the store; `kg query states` lists them"): the rows are then empty for a
    reason the user can fix."""
    hints = []
    for param in query.params:
        term = bound.get(param.name)
        if term is None or param.type not in _EXISTS or not isinstance(term, ox.NamedNode | ox.Literal):
            continue
        if not store.query(_EXISTS[param.type], {"value": term}).rows:
            shown = term.value.rsplit("/", 1)[-1] if param.type == "state" else term.value
            hints.append(f"no {param.type} {shown} in the store; `{_LISTED_BY[param.type]}` lists them")
    return hints


# --- describing -------------------------------------------------------------------------

LIST_WIDTH = 100
_PLACEHOLDER = {
    "state": "CODE",
    "iri": "IRI",
    "string": "TEXT",
    "integer": "N",
    "date": "DATE",
    "factuality": "WHICH",
    "outcome": "OUTCOME",
    "article": "ID",
}


def describe_queries(queries: Sequence[NamedQuery], *, detailed: bool = False) -> str:
    """What `kg query --list` prints: each query's name and title, description, parameters and
    columns, from its header; `detailed` also describes each column."""
    blocks = []
    for query in queries:
        lines = [f"{query.name}: {query.title}"]
        lines += textwrap.wrap(query.description, LIST_WIDTH, initial_indent="  ", subsequent_indent="  ")
        if query.params:
            lines.append("  parameters:")
            forms = [f"--param {p.name}={_PLACEHOLDER.get(p.type, 'VALUE')}" for p in query.params]
            width = max(len(form) for form in forms)
            for form, p in zip(forms, query.params, strict=True):
                lines += _entry(form, p.description, width)
        names = query.column_names
        if detailed and query.columns:
            lines.append("  columns:")
            width = max(len(name) for name in names)
            for column in query.columns:
                lines += _entry(column.name, column.description, width)
        elif names:
            lines += textwrap.wrap(
                "columns: " + ", ".join(names), LIST_WIDTH, initial_indent="  ", subsequent_indent="    "
            )
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def _entry(term: str, text: str, width: int) -> list[str]:
    indent = " " * (4 + width + 2)
    first = f"    {term.ljust(width)}  "
    return textwrap.wrap(text, LIST_WIDTH, initial_indent=first, subsequent_indent=indent)


# --- formatting -------------------------------------------------------------------------


def format_result(
    result: QueryResult,
    fmt: str,
    out: TextIO,
    *,
    width: int = TABLE_CELL_WIDTH,
    prefixes: Mapping[str, str] = PREFIXES,
) -> None:
    """Write `result` to `out` as table, csv, tsv or json.

    table: aligned columns for a terminal, IRIs as prefixed names, cells cut to `width`
    characters with an ellipsis. csv, tsv, json: the SPARQL 1.1 query results formats, full
    terms, nothing cut. No row count is written: the caller reports counts on stderr.
    """
    if fmt == "table":
        _write_table(result, out, width, prefixes)
    elif fmt == "json":
        json.dump(results_json(result), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt in ("csv", "tsv"):
        if result.kind == "ask":
            raise QueryError(f"{fmt} cannot hold the answer of an ASK query; use json or table")
        serial = ox.QueryResultsFormat.CSV if fmt == "csv" else ox.QueryResultsFormat.TSV
        solutions = ox.parse_query_results(json.dumps(results_json(result)), ox.QueryResultsFormat.JSON)
        assert isinstance(solutions, ox.QuerySolutions)
        data = solutions.serialize(format=serial)
        assert data is not None
        out.write(data.decode("utf-8"))
    else:
        raise QueryError(f"unknown result format {fmt!r}; use one of {', '.join(RESULT_FORMATS)}")


def results_json(result: QueryResult) -> dict[str, Any]:
    """The SPARQL 1.1 Query Results JSON object of `result`."""
    if result.kind == "ask":
        return {"head": {}, "boolean": bool(result.boolean)}
    bindings = [
        {var: _json_term(term) for var, term in zip(result.variables, row, strict=True) if term is not None}
        for row in result.rows
    ]
    return {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}


def _json_term(term: OxTerm) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != str(XSD.string):
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def _write_table(result: QueryResult, out: TextIO, width: int, prefixes: Mapping[str, str]) -> None:
    if result.kind == "ask":
        out.write(("true" if result.boolean else "false") + "\n")
        return
    namespaces = _namespaces(prefixes)
    header = list(result.variables)
    body = [[_cut(_display(term, namespaces), width) for term in row] for row in result.rows]
    widths = [max([len(h), *(len(r[i]) for r in body)]) for i, h in enumerate(header)]
    for cells in [header, ["-" * w for w in widths], *body]:
        out.write("  ".join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip() + "\n")


def _display(term: OxTerm | None, namespaces: Sequence[tuple[str, str]]) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return _shorten(term.value, namespaces)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        text = term.value
    else:
        parts = (_display(t, namespaces) for t in (term.subject, term.predicate, term.object))
        text = "<< " + " ".join(parts) + " >>"
    return " ".join(text.split())  # newlines and tabs would break the columns


def shorten(iri: str, prefixes: Mapping[str, str] = PREFIXES) -> str:
    """`iri` as prefix:local with the longest namespace of `prefixes` that fits, else unchanged."""
    return _shorten(iri, _namespaces(prefixes))


def _namespaces(prefixes: Mapping[str, str]) -> list[tuple[str, str]]:
    return sorted(((iri, prefix) for prefix, iri in prefixes.items()), key=lambda pair: -len(pair[0]))


def _shorten(iri: str, namespaces: Sequence[tuple[str, str]]) -> str:
    for namespace, prefix in namespaces:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"
