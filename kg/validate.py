"""Check a built graph against ontology/shapes.ttl with pySHACL.

pySHACL is the maintained SHACL engine for rdflib graphs; writing our own checker for
cardinalities and value lists would be more code and less trustworthy.
"""
from __future__ import annotations

from rdflib import Graph

from kg.resources import ONTOLOGY_DIR


def validate(graph: Graph) -> tuple[bool, str]:
    """Whether ``graph`` conforms to the shapes, and pySHACL's report text.

    >>> validate(Graph())[0]
    True
    """
    from pyshacl import validate as shacl

    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    data = Graph()
    for triple in graph:
        data.add(triple)
    conforms, _, text = shacl(data, shacl_graph=shapes, inference="none", allow_warnings=False)
    return bool(conforms), str(text)
