"""Exports: each format re-parses with Oxigraph into a graph isomorphic to the one built."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.export import from_ox, render

OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG,
              "json-ld": ox.RdfFormat.JSON_LD}


@pytest.mark.parametrize("fmt", sorted(OX_FORMATS))
def test_export_reparses_isomorphic_with_oxigraph(story_build, fmt):
    data, _ = render(story_build.graph, fmt)
    back = Graph()
    for quad in ox.parse(data, format=OX_FORMATS[fmt]):
        back.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
    assert isomorphic(back, story_build.graph)


def test_export_trig_has_one_named_graph_per_article(story_build):
    data, _ = render(story_build.graph, "trig")
    graphs = {str(q.graph_name) for q in ox.parse(data, format=ox.RdfFormat.TRIG)
              if not isinstance(q.graph_name, ox.DefaultGraph)}
    ids = {"rec-1", "rec-2", "city-sign-striker", "united-interest", "hartley-sacked", "plain-no-date"}
    assert {g.rsplit("/", 1)[-1].rstrip(">") for g in graphs} <= ids and len(graphs) >= 5


def test_export_jsonld_has_a_real_context(story_build):
    doc = json.loads(render(story_build.graph, "json-ld")[0])
    assert doc["@context"]["fkg"] == "https://w3id.org/football-kg/ontology#"
    assert doc["@context"]["person"]["@type"] == "@id"


def test_export_turtle_is_byte_identical_across_runs(story_build):
    assert render(story_build.graph, "turtle")[0] == render(story_build.graph, "turtle")[0]


def test_export_failing_write_leaves_old_file(tmp_path):
    from kg.files import atomic_write

    target = tmp_path / "g.ttl"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_write(target) as handle:
            handle.write("half of the new")
            raise RuntimeError("disk on fire")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["g.ttl"]  # no temporary file left behind


def test_export_unknown_format_lists_the_known_ones(story_build):
    from kg.errors import UnknownNameError

    with pytest.raises(UnknownNameError, match="unknown format 'yaml'; known: .*json-ld.*turtle"):
        render(story_build.graph, "yaml")
