"""Byte-for-byte comparison of exports: what kg promises when it says two builds give the same
graph (`kg export` of two builds of the same input are the same files). Importable from any test
as `same_bytes` (tests/ is on sys.path through tests/conftest.py)."""

from __future__ import annotations

import io
from typing import Any

#: Every format `kg export` writes RDF in: the two that keep the graphs apart, the three of the union.
RDF_FORMATS = ("nq", "trig", "ttl", "nt", "jsonld")

Exports = dict[str, bytes]


def exports(store: Any, formats: tuple[str, ...] = RDF_FORMATS) -> Exports:
    """The store (embedded or remote) exported in each of `formats`, as bytes."""
    out = {}
    for fmt in formats:
        buffer = io.BytesIO()
        store.export(buffer, fmt)
        out[fmt] = buffer.getvalue()
    return out


def assert_same_bytes(got: Exports, expected: Exports) -> None:
    """Each format's bytes are equal; else an AssertionError naming the first line that differs."""
    assert got.keys() == expected.keys()
    for fmt in got:
        if got[fmt] == expected[fmt]:
            continue
        a, b = got[fmt].splitlines(), expected[fmt].splitlines()
        first = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
        line_a = a[first] if first < len(a) else b"(end)"
        line_b = b[first] if first < len(b) else b"(end)"
        raise AssertionError(f"the {fmt} exports differ at line {first + 1}:\n  {line_a!r}\n  {line_b!r}")
