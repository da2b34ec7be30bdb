"""Counts that describe a built graph: articles, entities by type, facts by kind."""
from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import RDF

from kg.vocab import FKG

ENTITY_TYPES = ("Person", "Player", "Manager", "Executive", "Journalist", "Club", "NationalTeam", "League",
                "Organisation", "Country", "Outlet")
FACT_TYPES = ("Membership", "Contract", "TransferLink", "Departure")


def graph_stats(graph: Graph) -> dict[str, dict[str, int]]:
    """Counts by section.

    >>> graph_stats(Graph())["articles"]
    {'articles': 0, 'dated': 0}
    """
    def count(cls: str) -> int:
        return len(set(graph.subjects(RDF.type, FKG[cls])))

    from rdflib.namespace import DCTERMS

    articles = set(graph.subjects(RDF.type, FKG.Article))
    return {
        "articles": {"articles": len(articles),
                     "dated": sum(1 for a in articles if graph.value(a, DCTERMS.date) is not None)},
        "entities": {t: count(t) for t in ENTITY_TYPES},
        "facts": {**{t: count(t) for t in FACT_TYPES},
                  **{p: len(set(graph.subject_objects(FKG[p]))) for p in ("nationality", "position", "birthYear")}},
        "triples": {"triples": len(graph)},
    }
