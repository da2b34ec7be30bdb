"""Stage 6c: the graph as an interactive page (pyvis data, vis-network inlined, works offline).

Entities become nodes (coloured and shaped by type, sized by how much the graph says of them);
statements become edges person -> club, one per relation, widened by the number of reports.
Every node and edge carries its facts with the evidence sentence, article title, date and outlet.
Article text reaches the page only as JSON data that the page's script sets as text, never as
HTML, and the JSON is escaped so that "</script>" inside a sentence cannot end the script.
"""
from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from pathlib import Path

import networkx as nx
import pyvis
from pyvis.network import Network
from rdflib import Graph
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from kg.resources import TEMPLATES_DIR
from kg.vocab import FKG

VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"

TYPE_STYLE = {  # type -> (colour, shape); the first type a node has in this order wins
    "Player": ("#2b7bb9", "dot"),
    "Manager": ("#d9822b", "diamond"),
    "Executive": ("#8e44ad", "triangle"),
    "Journalist": ("#7f8c8d", "triangleDown"),
    "Person": ("#5dade2", "dot"),
    "Club": ("#c0392b", "square"),
    "NationalTeam": ("#27ae60", "square"),
    "League": ("#16a085", "hexagon"),
    "Organisation": ("#b7950b", "hexagon"),
    "Outlet": ("#95a5a6", "star"),
}
RELATION_STYLE = {  # relation -> colour, dashed
    "plays for": ("#2b7bb9", False), "played for": ("#85c1e9", True), "manages": ("#d9822b", False),
    "managed": ("#f0b27a", True), "staff": ("#a04000", False), "executive": ("#8e44ad", False),
    "contract": ("#555555", False), "linked with": ("#e74c3c", True), "leaving": ("#7f8c8d", True),
}
LINK_STATUS_COLOUR = {"Rumour": "#f5b7b1", "Advanced": "#ec7063", "Agreed": "#cb4335", "Completed": "#78281f",
                      "Denied": "#aab7b8"}


def _local(term) -> str:
    return str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def relation_of(graph: Graph, s, kind: str) -> str:
    """The edge label of a statement: "plays for", "managed", "contract until 2026", "linked with"..."""
    if kind == "Membership":
        role = _local(graph.value(s, FKG.role))
        current = str(graph.value(s, FKG.current)).lower() == "true"
        if role == "ManagerRole":
            return "manages" if current else "managed"
        if role == "CoachingStaffRole":
            return "staff"
        if role == "ExecutiveRole":
            return "executive"
        return "plays for" if current else "played for"
    if kind == "Contract":
        expiry = graph.value(s, FKG.expiryYear)
        return f"contract until {expiry}" if expiry else "contract"
    if kind == "TransferLink":
        return "linked with"
    return "leaving"


def entity_view(graph: Graph) -> nx.MultiDiGraph:
    """The graph as entities and relations: the drawing's model, free of RDF details."""
    view = nx.MultiDiGraph()
    labels = {s: str(o) for s, o in graph.subject_objects(RDFS.label)}
    articles = {}
    for a in graph.subjects(RDF.type, FKG.Article):
        publisher = graph.value(a, DCTERMS.publisher)
        articles[a] = {"id": str(graph.value(a, DCTERMS.identifier) or ""),
                       "title": str(graph.value(a, DCTERMS.title) or ""),
                       "date": str(graph.value(a, DCTERMS.date) or ""),
                       "outlet": labels.get(publisher, "") if publisher else ""}
    types = defaultdict(set)
    for s, o in graph.subject_objects(RDF.type):
        types[s].add(_local(o))
    for node, label in labels.items():
        kinds = types.get(node, set())
        kind = next((t for t in TYPE_STYLE if t in kinds), None)
        if kind is None or kind == "Country":
            continue
        view.add_node(str(node), label=label, type=kind, facts=[])
    edges: dict = defaultdict(list)
    for cls in ("Membership", "Contract", "TransferLink", "Departure"):
        for s in graph.subjects(RDF.type, FKG[cls]):
            person = graph.value(s, FKG.person)
            club = graph.value(s, FKG.toClub if cls == "TransferLink" else FKG.club)
            if person is None or club is None or str(person) not in view or str(club) not in view:
                continue
            relation = relation_of(graph, s, cls)
            status = _local(graph.value(s, FKG.linkStatus)) if cls == "TransferLink" else ""
            article = articles.get(graph.value(s, PROV.wasDerivedFrom), {})
            fact = {"kind": cls, "relation": relation, "status": status, "person": labels.get(person, ""),
                    "club": labels.get(club, ""), "evidence": str(graph.value(s, FKG.evidence) or ""), **article}
            edges[(str(person), str(club), relation)].append(fact)
            view.nodes[str(person)]["facts"].append(fact)
            view.nodes[str(club)]["facts"].append(fact)
    for (person, club, relation), facts in sorted(edges.items()):
        statuses = [f["status"] for f in facts if f["status"]]
        view.add_edge(person, club, key=relation, relation=relation, facts=facts,
                      status=max(statuses, key=list(LINK_STATUS_COLOUR).index) if statuses else "")
    view.remove_nodes_from([n for n in list(view) if view.degree(n) == 0])
    return view


KINDS = {"membership": "Membership", "contract": "Contract", "transfer": "TransferLink", "departure": "Departure"}
# Above this many nodes the page gets positions computed here and no physics: a 5,000-node
# force simulation takes many seconds in a browser, a precomputed layout none.
LAYOUT_THRESHOLD = 1500


def filter_view(view: nx.MultiDiGraph, *, focus: list[str] | None = None, depth: int = 2,
                since: str | None = None, until: str | None = None,
                kinds: list[str] | None = None) -> nx.MultiDiGraph:
    """A readable part of the view: facts of some kinds and dates, around some entities.

    ``focus`` holds entity IRIs; the part kept is everything within ``depth`` relations of them.
    """
    from kg.errors import UnknownNameError

    wanted = None
    if kinds:
        unknown = [k for k in kinds if k not in KINDS]
        if unknown:
            raise UnknownNameError("fact kind", unknown[0], list(KINDS))
        wanted = {KINDS[k] for k in kinds}

    def keep(fact: dict) -> bool:
        return ((wanted is None or fact["kind"] in wanted) and (not since or (fact["date"] and fact["date"] >= since))
                and (not until or (fact["date"] and fact["date"] <= until)))

    out = nx.MultiDiGraph()
    for u, v, key, data in view.edges(keys=True, data=True):
        facts = [f for f in data["facts"] if keep(f)]
        if facts:
            for node in (u, v):
                if node not in out:
                    out.add_node(node, **{**view.nodes[node], "facts": []})
            out.add_edge(u, v, key=key, **{**data, "facts": facts})
            out.nodes[u]["facts"].extend(facts)
            out.nodes[v]["facts"].extend(facts)
    if focus:
        seeds = [n for n in focus if n in out]
        near = set(seeds)
        frontier = set(seeds)
        undirected = out.to_undirected(as_view=True)
        for _ in range(depth):
            frontier = {m for n in frontier for m in undirected.neighbors(n)} - near
            near |= frontier
        out = out.subgraph(near).copy()
    return out


def find_entities(graph: Graph, name: str) -> list[str]:
    """IRIs whose label or alternative label is ``name`` (ignoring case and accents)."""
    from rdflib.namespace import SKOS

    from kg.lexicon import name_key

    key = name_key(name)
    return sorted({str(s) for prop in (RDFS.label, SKOS.altLabel) for s, o in graph.subject_objects(prop)
                   if name_key(str(o)) == key})


def _layout(view: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Positions for a large graph, in one pass: clubs on a spiral (busiest in the middle), each
    person near the club they have most to do with. Deterministic, so pages do not jitter."""
    import math

    hubs = sorted((n for n in view if view.nodes[n]["type"] not in ("Player", "Manager", "Executive",
                                                                     "Journalist", "Person")),
                  key=lambda n: (-view.degree(n), n))
    pos: dict[str, tuple[float, float]] = {}
    for i, hub in enumerate(hubs):
        angle, radius = i * 2.39996, 260 * math.sqrt(i + 1)  # golden-angle spiral
        pos[hub] = (radius * math.cos(angle), radius * math.sin(angle))
    placed: dict[str, int] = {}
    for node in sorted(view):
        if node in pos:
            continue
        neighbours = sorted((m for m in nx.all_neighbors(view, node) if m in pos),
                            key=lambda m: (-view.number_of_edges(node, m), m))
        cx, cy = pos[neighbours[0]] if neighbours else (0.0, 0.0)
        k = placed[neighbours[0]] = placed.get(neighbours[0], 0) + 1 if neighbours else 0
        angle, radius = k * 2.39996, 40 + 12 * math.sqrt(k)
        pos[node] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    return pos


def to_network(view: nx.MultiDiGraph) -> Network:
    """Fill a pyvis Network straight through its lists (its add_node/add_edge are slow at scale)."""
    net = Network(directed=True, cdn_resources="in_line")
    ids = {node: i for i, node in enumerate(sorted(view))}
    positions = _layout(view) if len(view) > LAYOUT_THRESHOLD else {}
    for node in sorted(view):
        data = view.nodes[node]
        colour, shape = TYPE_STYLE[data["type"]]
        entry = {"id": ids[node], "label": data["label"], "type": data["type"], "iri": node,
                 "color": colour, "shape": shape, "value": 1 + len(data["facts"]), "facts": data["facts"]}
        if node in positions:
            entry["x"], entry["y"] = (round(c, 1) for c in positions[node])
        net.nodes.append(entry)
    for person, club, data in sorted(view.edges(data=True), key=lambda e: (e[0], e[1], e[2]["relation"])):
        base = data["relation"].split(" until")[0]
        colour, dashed = RELATION_STYLE.get(base, ("#555555", False))
        if data["status"]:
            colour = LINK_STATUS_COLOUR[data["status"]]
        net.edges.append({"from": ids[person], "to": ids[club], "label": data["relation"], "relation": base,
                          "status": data["status"], "color": colour, "dashes": dashed,
                          "width": min(1 + len(data["facts"]), 8), "facts": data["facts"]})
    net.node_ids = list(range(len(ids)))
    return net


def _script_json(value) -> str:
    """JSON safe inside a <script> element: no "</script>", no "<!--", no U+2028 line breaks."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render_page(graph: Graph, title: str = "football-kg", **filters) -> str:
    """The whole self-contained HTML page for a graph (or the part ``filters`` keep: see filter_view)."""
    view = entity_view(graph)
    if any(filters.values()):
        view = filter_view(view, **{k: v for k, v in filters.items() if v})
    net = to_network(view)
    template = (TEMPLATES_DIR / "page.html").read_text(encoding="utf-8")
    data = {"nodes": net.nodes, "edges": net.edges, "types": TYPE_STYLE, "relations": RELATION_STYLE,
            "statuses": LINK_STATUS_COLOUR, "laidOut": len(view) > LAYOUT_THRESHOLD}
    replacements = {
        "{{TITLE}}": html.escape(title),
        "{{VIS_CSS}}": (VIS_DIR / "vis-network.css").read_text(encoding="utf-8").replace("</", "<\\/"),
        "{{VIS_JS}}": (VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script"),
        "{{DATA}}": _script_json(data),
    }
    # One pass, so that text put in by one marker is never read as another marker.
    return re.sub(r"\{\{(TITLE|VIS_CSS|VIS_JS|DATA)\}\}", lambda m: replacements[m.group(0)], template)
