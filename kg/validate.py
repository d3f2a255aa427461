"""Check a graph against the ontology contract: SHACL shapes (ontology/shapes.ttl), via pySHACL.

    store -> validate -> Validation (conforms, violations, report)

Pure apart from reading ontology/kg.ttl and ontology/shapes.ttl once (cached). The data is
validated as one graph: the union of all its named graphs, plus kg.ttl. The union, because a
launch in an article's graph refers to states and weapons that live in kgr:graph/states and
kgr:graph/weapons (pySHACL would otherwise check each named graph on its own). kg.ttl, because the
shapes need its rdfs:subClassOf triples (SHACL's sh:class and sh:targetClass follow
rdfs:subClassOf in the data graph) and its weapon-class concepts (kgo:weaponClass values are
checked against the scheme itself).

kg.ttl is added to the union here rather than passed as pySHACL's `ont_graph`: pySHACL's
"inoculation" of an ont_graph deep-clones every owl:NamedIndividual to a depth of 10, which on the
weapon-class scheme (concepts linked by skos:broader, skos:inScheme and skos:hasTopConcept) runs
for minutes; and it copies only RDFS/OWL axioms, not the concepts' skos:inScheme. Adding the file
as it is gives the graph the store holds anyway (it loads kg.ttl into kgr:graph/ontology).

No inference ("none"): the subclass triples are all the shapes need, and RDFS inference would add
entailed types (from domains and ranges) that hide missing types instead of reporting them.
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
    """A new graph: every triple of every graph in `data` (named or default), and kg.ttl."""
    union = Graph()
    for prefix, namespace in data.namespaces():
        union.bind(prefix, namespace, override=True, replace=True)
    if isinstance(data, ConjunctiveGraph):  # Dataset is a ConjunctiveGraph
        for s, p, o, _ in data.quads((None, None, None, None)):
            union.add((s, p, o))
    else:
        union += data
    union += _ontology_graph()
    return union


def _text(node: Node | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, URIRef | Literal):
        return str(node)
    return node.n3()  # a blank node: "_:id"


def _violations(results: Graph) -> tuple[Violation, ...]:
    """The results of the report. Results nested under sh:detail (why an sh:node failed) are left
    out: the result that holds them already names the focus node, path and rule."""
    found = []
    for report in results.subjects(RDF.type, SH.ValidationReport):
        for result in results.objects(report, SH.result):
            path = results.value(result, SH.resultPath)
            severity = results.value(result, SH.resultSeverity)
            found.append(
                Violation(
                    focus_node=_text(results.value(result, SH.focusNode)) or "",
                    # a complex path (sequence, inverse) is a blank node: no shape of kg's uses one
                    path=str(path) if isinstance(path, URIRef) else None,
                    message="; ".join(sorted(str(m) for m in results.objects(result, SH.resultMessage))),
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
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        allow_infos=True,
        meta_shacl=False,
        advanced=False,
        inplace=True,  # the union is a private copy
    )
    return Validation(
        conforms=bool(conforms),
        violations=_violations(cast(Graph, results)),
        report=str(report),
    )
