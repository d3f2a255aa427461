"""SPARQL that does not parse, explained in words a user can act on (pure).

Oxigraph's parser reports where it stopped and the grammar it expected there ("error at 1:10:
expected CONSTRUCT", or a list of Unicode ranges); other servers say other things. Before
showing that, `explain` looks for the mistakes people make:

- a query form misspelt: "unknown keyword SELEC: expected SELECT, CONSTRUCT, ASK or DESCRIBE";
- an update sent as a query: "kg query is read-only; updates are not accepted";
- a prefixed name whose prefix is not declared: "prefix foo: is not declared; known prefixes: ...";

and otherwise names the line and column, shows the line with a caret under the spot, and
keeps only the readable part of what the parser expected.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping

FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
UPDATES = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
NOT_PARSED = "the SPARQL query does not parse"
READ_ONLY = (
    "kg query is read-only; updates are not accepted (the request starts with {word}). "
    "Change the store with kg build, kg remove or kg import, or send updates to a server started "
    "with kg serve --writable"
)

_LONG_STRING = r'"""(?:[^"\\]|\\.|"(?!""))*"""' + "|" + r"'''(?:[^'\\]|\\.|'(?!''))*'''"
_SHORT_STRING = r'"(?:[^"\\\n\r]|\\.)*"' + "|" + r"'(?:[^'\\\n\r]|\\.)*'"
_TOKEN = re.compile(
    r"(?P<skip>\#[^\n\r]*|\s+)"
    rf"|(?P<string>{_LONG_STRING}|{_SHORT_STRING})"
    r"|(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)"
    r"|(?P<var>[?$]\w+)"
    r"|(?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)"
    r"|(?P<pname>(?:[^\W\d][\w.-]*)?:(?:[\w%:-]|\.(?=[\w%:-]))*)"
    r"|(?P<word>[^\W\d]\w*)"
    r"|(?P<other>.)",
    re.DOTALL,
)
_POSITION = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)
_ITEM = re.compile(r'"(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^,\s][^,]*')
_READABLE = re.compile(r"^[A-Za-z\"'].*$")


def _tokens(sparql: str) -> list[tuple[str, str]]:
    """(kind, text) of each token outside comments and white space."""
    out = []
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup or "other"
        if kind != "skip":
            out.append((kind, match.group()))
    return out


def _prologue(tokens: list[tuple[str, str]]) -> tuple[dict[str, str], int]:
    """The prefixes the query declares, and the index of the first token after its prologue."""
    declared: dict[str, str] = {}
    i = 0
    while i < len(tokens):
        kind, text = tokens[i]
        upper = text.upper()
        if kind == "word" and upper == "BASE":
            i += 2
        elif kind == "word" and upper == "PREFIX" and i + 1 < len(tokens):
            name = tokens[i + 1][1]
            iri = tokens[i + 2][1] if i + 2 < len(tokens) else ""
            declared[name.rstrip(":")] = iri.strip("<>")
            i += 3
        else:
            break
    return declared, i


def undeclared_prefixes(sparql: str, known: Iterable[str] = ()) -> list[str]:
    """The prefixes used in prefixed names (foo:bar) that neither the query nor `known` declares."""
    tokens = _tokens(sparql)
    declared, start = _prologue(tokens)
    allowed = set(declared) | set(known)
    missing: list[str] = []
    for kind, text in tokens[start:]:
        if kind == "pname":
            prefix = text.partition(":")[0]
            if prefix != "_" and prefix not in allowed and prefix not in missing:
                missing.append(prefix)
    return missing


def first_keyword(sparql: str) -> str | None:
    """The first word after the PREFIX and BASE declarations, upper-cased (None if there is none)."""
    tokens = _tokens(sparql)
    _, start = _prologue(tokens)
    if start >= len(tokens):
        return None
    return tokens[start][1].upper()


def recognise(sparql: str, prefixes: Mapping[str, str]) -> str | None:
    """kg's message for a mistake it recognises in `sparql` (an update, a misspelt or missing
    query form, an undeclared prefix), else None. `prefixes` are the ones kg declares for every
    query (they need no PREFIX line)."""
    word = first_keyword(sparql)
    if word in UPDATES:
        return READ_ONLY.format(word=word)
    if word is None:
        return f"{NOT_PARSED}: the query is empty; write a SELECT, CONSTRUCT, ASK or DESCRIBE query"
    if word not in FORMS:
        hint = difflib.get_close_matches(word, FORMS, n=1, cutoff=0.6)
        meant = f" (did you mean {hint[0]}?)" if hint else ""
        return f"{NOT_PARSED}: unknown keyword {word}{meant}: expected SELECT, CONSTRUCT, ASK or DESCRIBE"
    missing = undeclared_prefixes(sparql, prefixes)
    if missing:
        names = ", ".join(f"{p}:" for p in missing)
        verb = "is" if len(missing) == 1 else "are"
        return (
            f"{NOT_PARSED}: prefix {names} {verb} not declared; known prefixes: "
            f"{', '.join(sorted(prefixes))}; declare it with PREFIX {missing[0]}: <IRI>"
        )
    return None


def explain(sparql: str, message: str, prefixes: Mapping[str, str]) -> str:
    """What is wrong with `sparql`, which Oxigraph's parser rejected with `message`."""
    return recognise(sparql, prefixes) or f"{NOT_PARSED}: {_at_position(sparql, message)}"


def _at_position(sparql: str, message: str) -> str:
    """'line L, column C: ...', the line and a caret, and the readable part of `message`."""
    found = _POSITION.match(message.strip())
    if found is None:
        return message.strip()
    line_no, column = int(found.group(1)), int(found.group(2))
    expected = _expected(found.group(3))
    lines = sparql.splitlines() or [""]
    text = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    caret = " " * max(column - 1, 0) + "^"
    where = f"line {line_no}, column {column}"
    return f"syntax error at {where}{': ' + expected if expected else ''}\n  {text}\n  {caret}"


def _expected(raw: str) -> str:
    """The parser's 'expected ...' without grammar internals (character ranges, [_])."""
    raw = " ".join(raw.split())
    if not raw.startswith("expected"):
        return raw
    body = raw[len("expected") :].strip()
    if body.startswith("one of "):
        body = body[len("one of ") :]
    items: list[str] = [str(item).strip() for item in _ITEM.findall(body)]
    sentences = [i for i in items if " " in i and i[:1].isupper() and not i.startswith("[")]
    if sentences:
        return sentences[0][0].lower() + sentences[0][1:]
    readable = [i for i in items if _READABLE.match(i) and len(i) < 30]
    if not readable:
        return "check the syntax there"
    if len(readable) == 1:
        return f"expected {readable[0]}"
    return "expected one of " + ", ".join(readable)
