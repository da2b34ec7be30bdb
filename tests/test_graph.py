"""Stage 5: statement nodes with provenance, one IRI per entity, escaping, determinism."""
from __future__ import annotations

import random

from rdflib import Literal
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from kg.articles import make_article
from kg.export import render
from kg.graph import build_graph
from kg.identifiers import article_iri, entity_iri
from kg.pipeline import extract_article
from kg.vocab import FKG

STATEMENTS = (FKG.Membership, FKG.Contract, FKG.TransferLink, FKG.Departure)


def graph_of(lexicon, *texts, order=None):
    items = [extract_article(make_article(f"a{i}", text, f"2024-01-{i + 10:02d}"), lexicon)
             for i, text in enumerate(texts)]
    if order:
        items = [items[i] for i in order]
    return build_graph(items, lexicon)


def test_graph_every_statement_has_one_article_and_one_evidence(story_build):
    g = story_build.graph
    statements = [s for cls in STATEMENTS for s in g.subjects(RDF.type, cls)]
    assert len(statements) > 10
    for s in statements:
        assert len(list(g.objects(s, PROV.wasDerivedFrom))) == 1
        assert len(list(g.objects(s, FKG.evidence))) == 1
        assert (next(g.objects(s, PROV.wasDerivedFrom)), RDF.type, FKG.Article) in g


def test_graph_one_iri_per_person_across_articles_with_fullest_label(lexicon):
    g = graph_of(lexicon, "Chelsea defender Karl Brenner is injured.", "Arsenal want Brenner, the Chelsea defender.")
    people = set(g.subjects(RDF.type, FKG.Person))
    assert people == {entity_iri("person/karl-brenner")}
    assert g.value(entity_iri("person/karl-brenner"), RDFS.label) == Literal("Karl Brenner")
    assert Literal("Brenner") in set(g.objects(entity_iri("person/karl-brenner"), SKOS.altLabel))


def test_graph_accented_and_plain_spellings_are_one_person(lexicon):
    g = graph_of(lexicon, "Chelsea defender Karl Brünner is injured.", "Arsenal want Chelsea defender Karl Brunner.")
    assert len(set(g.subjects(RDF.type, FKG.Person))) == 1


def test_graph_two_people_sharing_a_surname_stay_two(lexicon):
    g = graph_of(lexicon, "Chelsea defender Joao Silva is injured.", "Arsenal midfielder Bernardo Silva scored.",
                 "Everton want Silva.")
    labels = {str(g.value(p, RDFS.label)) for p in g.subjects(RDF.type, FKG.Person)}
    assert {"Joao Silva", "Bernardo Silva"} <= labels


def test_graph_same_articles_in_any_order_give_identical_turtle(lexicon):
    texts = ["Chelsea defender Karl Brenner is injured.", "Arsenal want Brenner.", "Everton boss Jon Doyle left."]
    outputs = set()
    for _ in range(3):
        order = list(range(len(texts)))
        random.shuffle(order)
        outputs.add(render(graph_of(lexicon, *texts, order=order), "turtle")[0])
    assert len(outputs) == 1


def test_graph_hostile_text_is_escaped_in_iris_and_literals(lexicon):
    hostile = 'Chelsea defender Karl Brenner said "<script>alert(1)</script>" > \\ end.'
    article = make_article('id with spaces/<x>"', hostile, "2024-01-01")
    g = build_graph([extract_article(article, lexicon)], lexicon)
    assert (article_iri('id with spaces/<x>"'), RDF.type, FKG.Article) in g
    assert "%3C" in str(article_iri('id with spaces/<x>"'))
    evidence = {str(o) for o in g.objects(None, FKG.evidence)}
    assert hostile in evidence  # kept verbatim as data
    from rdflib import Graph

    reparsed = Graph().parse(data=render(g, "turtle")[0].decode(), format="turtle")
    assert hostile in {str(o) for o in reparsed.objects(None, FKG.evidence)}


def test_graph_article_metadata(story_build):
    g = story_build.graph
    from rdflib.namespace import DCTERMS

    rec = article_iri("rec-1")
    assert str(g.value(rec, DCTERMS.date)) == "2024-02-10"
    assert str(g.value(g.value(rec, DCTERMS.publisher), RDFS.label)) == "BBC Sport"
    assert g.value(article_iri("plain-no-date"), DCTERMS.date) is None


def test_graph_national_side_is_its_countrys_node(lexicon):
    g = graph_of(lexicon, "England manager Jon Doyle named his squad. The English coach is 50.",
                 "The German Karl Brenner plays for Chelsea.")
    england = entity_iri("country/england")
    assert {FKG.Country, FKG.NationalTeam} <= set(g.objects(england, RDF.type))
    assert (None, FKG.club, england) in g
    assert str(g.value(england, RDFS.label)) == "England"
    assert FKG.NationalTeam not in set(g.objects(entity_iri("country/germany"), RDF.type))
