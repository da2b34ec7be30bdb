"""The RDF vocabulary: ``FKG`` is closed, so a misspelt term raises instead of minting a new IRI.

>>> FKG.Membership
rdflib.term.URIRef('https://w3id.org/football-kg/ontology#Membership')
"""
from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

FKG_IRI = "https://w3id.org/football-kg/ontology#"
# Entities, articles and statements live under this base; identifiers.py is the only minter.
DATA_IRI = "https://w3id.org/football-kg/id/"


class FKG(DefinedNamespace):
    """Every term of ontology/football.ttl (tests/test_vocab.py keeps the two in step)."""

    _NS = Namespace(FKG_IRI)
    _fail = True

    # entity classes
    Person: URIRef
    Player: URIRef
    Manager: URIRef
    Executive: URIRef
    Journalist: URIRef
    Club: URIRef
    NationalTeam: URIRef
    League: URIRef
    Organisation: URIRef
    Country: URIRef
    Article: URIRef
    Outlet: URIRef
    # statement classes
    Statement: URIRef
    Membership: URIRef
    Contract: URIRef
    TransferLink: URIRef
    Departure: URIRef
    Story: URIRef
    # statement properties
    person: URIRef
    club: URIRef
    role: URIRef
    current: URIRef
    startYear: URIRef
    endYear: URIRef
    appearances: URIRef
    goals: URIRef
    expiryYear: URIRef
    annualWage: URIRef
    currency: URIRef
    wagePeriod: URIRef
    contractStatus: URIRef
    toClub: URIRef
    fromClub: URIRef
    linkStatus: URIRef
    fee: URIRef
    reportedBy: URIRef
    evidence: URIRef
    sentenceIndex: URIRef
    # rumour stories
    report: URIRef
    firstReported: URIRef
    lastReported: URIRef
    reportCount: URIRef
    latestStatus: URIRef
    fulfilledBy: URIRef
    # person attributes
    nationality: URIRef
    position: URIRef
    birthYear: URIRef
    # article bookkeeping
    contentHash: URIRef
    # value schemes and their members
    Role: URIRef
    PlayerRole: URIRef
    YouthPlayerRole: URIRef
    LoanPlayerRole: URIRef
    ManagerRole: URIRef
    CoachingStaffRole: URIRef
    ExecutiveRole: URIRef
    ContractStatus: URIRef
    Signed: URIRef
    Offered: URIRef
    Demanded: URIRef
    Rejected: URIRef
    LinkStatus: URIRef
    Rumour: URIRef
    Advanced: URIRef
    Agreed: URIRef
    Completed: URIRef
    Denied: URIRef
    Position: URIRef
    Goalkeeper: URIRef
    Defender: URIRef
    Midfielder: URIRef
    Forward: URIRef


# One prefix per kind of identifier, so that Turtle reads "club:liverpool", not an escaped path.
ID_PREFIXES = {kind: Namespace(f"{DATA_IRI}{kind}/") for kind in
               ("person", "club", "country", "league", "organisation", "outlet", "article", "statement", "story")}

PREFIXES = {
    "fkg": Namespace(FKG_IRI),
    **ID_PREFIXES,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "xsd": XSD,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the prefixes every graph we write uses, replacing rdflib's defaults."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def sparql_prologue() -> str:
    """PREFIX lines for the user's own queries, so that ``fkg:`` etc. work without declaring them."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
