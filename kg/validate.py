"""Check a graph against the ontology contract: SHACL shapes (ontology/shapes.ttl), via pySHACL.

    store -> validate -> Validation (conforms, violations, report)

Pure apart from reading ontology/kg.ttl and ontology/shapes.ttl once (cached). The data is
validated as one graph, the union of all its named graphs, because a launch in an article's graph
refers to states and weapons that live in kgr:graph/states and kgr:graph/weapons (pySHACL would
otherwise check each named graph on its own). kg.ttl is mixed in as the ontology graph, with no
inference: its rdfs:subClassOf triples are all the shapes need (SHACL's sh:class and
sh:targetClass follow rdfs:subClassOf in the data), and RDFS inference would add entailed triples
(domains, ranges) that hide missing types instead of reporting them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import cast

from pyshacl import validate as shacl_validate
from rdflib import ConjunctiveGraph, Dataset, Graph, Literal, Node, URIRef
from rdflib.namespace import RDF, SH

from kg.resources import ontology_dir

__all__ = ["Validation", "Violation", "load_ontology", "load_shapes", "validate"]


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result: which node, which property, what is wrong, how bad."""

    focus_node: str  # the IRI (or "_:id" for a blank node) of the node that breaks a rule
    path: str | None  # the property IRI, or None for a rule on the node itself
    message: str  # the shape's sh:message: what the rule is
    severity: str  # "Violation", "Warning" or "Info"
    value: str | None = None  # the offending value, when the result names one


@dataclass(frozen=True, slots=True)
class Validation:
    """The outcome of `validate`: conforms is False exactly when some result is a Violation."""

    conforms: bool
    violations: tuple[Violation, ...]  # sorted by focus node, path, message
    report: str  # pySHACL's text report


@cache
def _ontology_graph() -> Graph:
    return Graph().parse(ontology_dir() / "kg.ttl", format="turtle")


@cache
def _shapes_graph() -> Graph:
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace, override=True, replace=True)
    copy += graph
    return copy


def load_ontology() -> Graph:
    """ontology/kg.ttl, parsed once; each call returns a fresh copy the caller may change."""
    return _copy(_ontology_graph())


def load_shapes() -> Graph:
    """ontology/shapes.ttl, parsed once; each call returns a fresh copy the caller may change."""
    return _copy(_shapes_graph())


def _union(data: Dataset | Graph) -> Graph:
    """All triples of all named graphs (and the default graph) as one graph."""
    if not isinstance(data, ConjunctiveGraph):  # Dataset is a ConjunctiveGraph
        return data
    union = Graph()
    for prefix, namespace in data.namespaces():
        union.bind(prefix, namespace, override=True, replace=True)
    for s, p, o, _ in data.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _text(node: Node | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, URIRef):
        return str(node)
    if isinstance(node, Literal):
        return str(node)
    return node.n3()  # a blank node: "_:id"


def _violations(results: Graph) -> tuple[Violation, ...]:
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        severity = results.value(result, SH.resultSeverity)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        found.append(
            Violation(
                focus_node=_text(focus) or "",
                # a complex path (sequence, inverse) is a blank node: none of the shapes use one
                path=str(path) if isinstance(path, URIRef) else None,
                message="; ".join(messages),
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                value=_text(results.value(result, SH.value)),
            )
        )
    return tuple(sorted(found, key=lambda v: (v.focus_node, v.path or "", v.message, v.value or "")))


def validate(data: Dataset | Graph) -> Validation:
    """Check `data` (a store's Dataset, or one Graph) against ontology/shapes.ttl.

    Warnings and infos are reported but do not make the data non-conforming.
    """
    conforms, results, report = shacl_validate(
        _union(data),
        shacl_graph=_shapes_graph(),
        ont_graph=_ontology_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        allow_infos=True,
        meta_shacl=False,
        advanced=False,
        inplace=False,
    )
    return Validation(
        conforms=bool(conforms),
        violations=_violations(cast(Graph, results)),
        report=str(report),
    )
