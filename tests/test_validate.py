"""SHACL: built graphs conform to ontology/shapes.ttl, and a broken statement does not."""
from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import PROV, RDF

from kg.validate import validate
from kg.vocab import FKG


def test_validate_built_graphs_conform(sample_build, story_build):
    for result in (sample_build, story_build):
        conforms, report = validate(result.graph)
        assert conforms, report


def test_validate_statement_without_provenance_fails(story_build):
    g = Graph()
    for t in story_build.graph:
        g.add(t)
    s = next(g.subjects(RDF.type, FKG.TransferLink))
    g.remove((s, PROV.wasDerivedFrom, None))
    g.add((s, FKG.evidence, Literal("a second sentence")))
    conforms, report = validate(g)
    assert not conforms
    assert "exactly one source article" in report and "exactly one evidence sentence" in report


def test_validate_value_outside_its_scheme_fails(story_build):
    g = Graph()
    for t in story_build.graph:
        g.add(t)
    s = next(g.subjects(RDF.type, FKG.Membership))
    g.set((s, FKG.role, FKG.Rumour))
    assert not validate(g)[0]
