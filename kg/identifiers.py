"""The only place text becomes an IRI: stable across runs, articles and input order.

>>> entity_iri("person/antonio-rudiger")
rdflib.term.URIRef('https://w3id.org/football-kg/id/person/antonio-rudiger')
>>> article_iri("a b<c>")
rdflib.term.URIRef('https://w3id.org/football-kg/id/article/a%20b%3Cc%3E')
"""
from __future__ import annotations

import hashlib
import json
from urllib.parse import quote

from rdflib import URIRef

from kg.lexicon import slug  # noqa: F401  (re-exported: the IRI tails)
from kg.vocab import DATA_IRI


def entity_iri(key: str) -> URIRef:
    """The IRI of an entity key ("club/liverpool"); anything unsafe is percent-escaped."""
    return URIRef(DATA_IRI + quote(key, safe="/-"))


def article_iri(article_id: str) -> URIRef:
    return URIRef(DATA_IRI + "article/" + quote(article_id, safe="-_."))


def statement_iri(kind: str, article_id: str, content: object) -> URIRef:
    """A statement's IRI: a hash of its article and content, so re-building gives the same IRI."""
    digest = hashlib.sha1(json.dumps([kind, article_id, content], sort_keys=True, default=str,
                                     ensure_ascii=False).encode("utf-8")).hexdigest()[:20]
    return URIRef(f"{DATA_IRI}statement/{kind}-{digest}")


def story_iri(person: URIRef, club: URIRef) -> URIRef:
    """The IRI of the rumour story of one person and one club: "story:antonio-rudiger--real-madrid"."""
    return URIRef(f"{DATA_IRI}story/{str(person).rsplit('/', 1)[-1]}--{str(club).rsplit('/', 1)[-1]}")
