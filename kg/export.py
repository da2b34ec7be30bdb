"""Stage 6b: serialise the graph in the RDF formats users ask for.

Turtle, N-Triples and TriG go through Oxigraph's writer over sorted triples: byte-identical
output for the same graph, and ~30x faster than rdflib's writer on large graphs
(design/PERFORMANCE.md). JSON-LD uses rdflib's writer with a real ``@context``; any other
serialiser rdflib has a plugin for works by its name.
"""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV
from rdflib.plugin import plugins
from rdflib.serializer import Serializer

from kg.errors import UnknownNameError
from kg.files import atomic_write
from kg.vocab import PREFIXES

# Our names for the formats, their file suffix and how they are written.
FORMATS = {
    "turtle": ("ttl", "oxigraph"),
    "ntriples": ("nt", "oxigraph"),
    "trig": ("trig", "oxigraph"),
    "json-ld": ("jsonld", "rdflib"),
}
ALIASES = {"ttl": "turtle", "nt": "ntriples", "n-triples": "ntriples", "jsonld": "json-ld"}


def format_names() -> list[str]:
    """Every format name ``render`` takes: ours, plus every rdflib serializer plugin."""
    return sorted(set(FORMATS) | set(ALIASES) | {p.name for p in plugins(kind=Serializer)})


def to_ox(term):
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def from_ox(term):
    """A pyoxigraph term as an rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def jsonld_context() -> dict:
    """The @context of our JSON-LD: prefixes, and the statement properties as short terms."""
    context: dict = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    context.update({
        "label": "rdfs:label", "altLabel": "skos:altLabel",
        "evidence": "fkg:evidence", "current": {"@id": "fkg:current", "@type": "xsd:boolean"},
    })
    for term in ("person", "club", "role", "toClub", "fromClub", "linkStatus", "contractStatus", "reportedBy",
                 "nationality", "position"):
        context[term] = {"@id": f"fkg:{term}", "@type": "@id"}
    context["derivedFrom"] = {"@id": "prov:wasDerivedFrom", "@type": "@id"}
    return context


def _sorted_ox(graph: Graph) -> list:
    return sorted((ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph), key=str)


def _prefixes() -> dict[str, str]:
    return {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def article_graphs(graph: Graph) -> Iterable[tuple[URIRef | None, tuple]]:
    """Each triple with the article it belongs in: a statement's triples go in its article's graph."""
    home = {s: a for s, a in graph.subject_objects(PROV.wasDerivedFrom)}
    for s, p, o in graph:
        yield home.get(s), (s, p, o)


def render(graph: Graph, fmt: str = "turtle") -> tuple[bytes, str]:
    """Serialise ``graph``; returns the bytes and the file suffix.

    >>> from rdflib import Graph
    >>> render(Graph(), "turtle")[1]
    'ttl'
    """
    fmt = ALIASES.get(fmt, fmt)
    if fmt in ("turtle", "ntriples"):
        kind = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES
        data = ox.serialize(_sorted_ox(graph), format=kind, prefixes=_prefixes() if fmt == "turtle" else None)
        return data, FORMATS[fmt][0]
    if fmt == "trig":
        quads = []
        for article, (s, p, o) in article_graphs(graph):
            name = to_ox(article) if article is not None else ox.DefaultGraph()
            quads.append(ox.Quad(to_ox(s), to_ox(p), to_ox(o), name))
        quads.sort(key=str)
        return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=_prefixes()), "trig"
    if fmt == "json-ld":
        text = graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True, indent=1)
        return text.encode("utf-8"), "jsonld"
    names = {p.name for p in plugins(kind=Serializer)}
    if fmt not in names:
        raise UnknownNameError("format", fmt, format_names())
    data = graph.serialize(format=fmt, encoding="utf-8")
    return data, fmt.split("/")[-1].replace("+", ".")


def export(graph: Graph, path: str, fmt: str = "turtle") -> int:
    """Write ``graph`` to ``path`` atomically; returns the number of bytes written."""
    data, _ = render(graph, fmt)
    with atomic_write(path, "wb") as handle:
        handle.write(data)
    return len(data)


def load_graph(paths: Iterable[str], store: str = "memory") -> Graph:
    """Read graph files (any format rdflib or Oxigraph reads) into one graph, quads merged."""
    from kg.graph import new_graph
    from kg.errors import InputError

    graph = new_graph(store)
    for path in paths:
        try:
            kind = ox.RdfFormat.from_extension(str(path).rsplit(".", 1)[-1])
            if kind is None:
                graph.parse(path)
                continue
            with open(path, "rb") as handle:
                for q in ox.parse(handle, format=kind):
                    graph.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
        except FileNotFoundError:
            raise InputError(path, "no such graph file") from None
        except (SyntaxError, ValueError) as exc:
            raise InputError(path, f"not a readable RDF file ({exc})") from None
    return graph

