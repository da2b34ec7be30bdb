"""The vocabulary is closed and the ontology defines every term, with CONTRACT.md's terms present."""
from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS

from kg.resources import ONTOLOGY_DIR
from kg.vocab import FKG

# The core vocabulary of the project's contract (CONTRACT.md), written out here so that the
# test runs without ../shared.
CONTRACT_TERMS = """Person Player Manager Executive Journalist Club NationalTeam League Organisation Country
Article Outlet Membership Contract TransferLink Departure person club role current startYear endYear
appearances goals expiryYear annualWage currency contractStatus toClub fromClub linkStatus fee reportedBy
evidence nationality position birthYear PlayerRole YouthPlayerRole LoanPlayerRole ManagerRole
CoachingStaffRole ExecutiveRole Signed Offered Demanded Rejected Rumour Advanced Agreed Completed Denied
Goalkeeper Defender Midfielder Forward""".split()


@pytest.fixture(scope="module")
def ontology():
    return Graph().parse(ONTOLOGY_DIR / "football.ttl")


def declared(ontology, term) -> bool:
    kinds = set(ontology.objects(term, RDF.type))
    return bool(kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual})


def test_vocab_is_closed():
    with pytest.raises(AttributeError):
        FKG.Membershp  # noqa: B018


@pytest.mark.parametrize("name", sorted(n for n in FKG.__annotations__))
def test_vocab_term_is_defined_with_label_and_comment(ontology, name):
    term = FKG[name]
    assert declared(ontology, term), f"{name} is not declared in football.ttl"
    assert ontology.value(term, RDFS.label) is not None and ontology.value(term, RDFS.comment) is not None


def test_vocab_contract_terms_present():
    assert sorted(set(CONTRACT_TERMS) - set(FKG.__annotations__)) == []


def test_vocab_maps_to_standards(ontology):
    text = (ONTOLOGY_DIR / "football.ttl").read_text()
    for standard in ("org:Membership", "sport:IndividualMembership", "schema:", "wdt:P54", "wdt:P286",
                     "dbo:CareerStation"):
        assert standard in text
    assert (FKG.Membership, RDFS.subClassOf, FKG.Statement) in ontology
