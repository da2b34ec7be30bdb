"""Stage 6a: the catalogue of ready SPARQL queries, and running queries with safe parameters.

A ready query is a ``.rq`` file in queries/ whose header says what it is::

    # title: A club's squad as of a date
    # description: Players ... (one or more lines)
    # param: club: the club, by any of its names
    # param: date (date, optional): the day to look at; today if left out
    # example: kg query squad --param club="Real Madrid" --param date=2024-01-31

Parameters are bound as RDF terms (``initBindings``), never pasted into the query text, so a
value such as ``x" } DROP ALL {`` stays a string.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from pyparsing import ParseException
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.query import Result

from kg.errors import QueryError, UnknownNameError
from kg.resources import QUERIES_DIR
from kg.vocab import sparql_prologue

PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*(?:\((?P<opts>[^)]*)\))?\s*:\s*(?P<text>.*)$")
TYPES = ("string", "name", "integer", "date", "iri")


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    type: str = "string"
    optional: bool = False


@dataclass(frozen=True)
class CatalogueQuery:
    """A ready query: its name (file stem), header fields and text."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    examples: tuple[str, ...]
    text: str
    path: Path | None = None


def parse_header(text: str, name: str, path: Path | None = None) -> CatalogueQuery:
    """Read the ``# key: value`` header of a .rq file.

    >>> q = parse_header("# title: T\\n# param: club: the club\\nSELECT * {}", "x")
    >>> q.title, [p.name for p in q.params]
    ('T', ['club'])
    """
    fields: dict[str, list[str]] = {}
    last = None
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        body = line[1:].strip()
        m = re.match(r"^(title|description|param|example):\s*(.*)$", body)
        if m:
            last = m.group(1)
            fields.setdefault(last, []).append(m.group(2))
        elif last and body:  # a continuation line
            fields[last][-1] += " " + body
    params = []
    for spec in fields.get("param", []):
        m = PARAM.match(spec)
        if not m:
            raise QueryError(f"{path or name}: bad param line '{spec}' (want 'name (type, optional): text')")
        opts = [o.strip() for o in (m["opts"] or "").split(",") if o.strip()]
        kind = next((o for o in opts if o in TYPES), "string")
        params.append(Param(m["name"], m["text"], kind, "optional" in opts))
    return CatalogueQuery(name, " ".join(fields.get("title", [""])), " ".join(fields.get("description", [""])),
                          tuple(params), tuple(fields.get("example", [])), text, path)


def catalogue(folder: Path = QUERIES_DIR) -> dict[str, CatalogueQuery]:
    """Every ready query, by name."""
    return {p.stem: parse_header(p.read_text(encoding="utf-8"), p.stem, p) for p in sorted(folder.glob("*.rq"))}


def get_query(name: str, folder: Path = QUERIES_DIR) -> CatalogueQuery:
    """A ready query by name, or a .rq file by path; an unknown name lists the known ones."""
    path = Path(name)
    if path.suffix == ".rq" and path.exists():
        return parse_header(path.read_text(encoding="utf-8"), path.stem, path)
    queries = catalogue(folder)
    if name not in queries:
        if path.suffix == ".rq":
            raise QueryError(f"{name}: no such query file")
        raise UnknownNameError("query", name, list(queries))
    return queries[name]


def label_index(graph: Graph) -> dict[str, Literal]:
    """Every label and alternative label of the graph, by a key that ignores case and accents."""
    from rdflib.namespace import RDFS, SKOS

    from kg.lexicon import name_key

    index: dict[str, Literal] = {}
    for prop in (RDFS.label, SKOS.altLabel):
        for label in sorted(set(graph.objects(None, prop)), key=str):
            index.setdefault(name_key(str(label)), label)
    return index


def bind(query: CatalogueQuery, values: dict[str, str], graph: Graph | None = None) -> dict[str, object]:
    """Turn ``--param`` strings into RDF terms, checking names, types and required ones.

    A ``name`` parameter is matched to the graph's labels ignoring case and accents ("real
    madrid" finds "Real Madrid"), so the query itself can look the label up directly.
    """
    known = {p.name: p for p in query.params}
    for name in values:
        if name not in known:
            raise UnknownNameError(f"parameter of query '{query.name}'", name, list(known))
    from kg.lexicon import name_key

    bindings: dict[str, object] = {}
    labels = label_index(graph) if graph is not None and any(p.type == "name" for p in query.params) else None
    for param in query.params:
        if param.name not in values:
            if not param.optional:
                raise QueryError(f"query '{query.name}' needs --param {param.name}=... ({param.description})")
            continue
        raw = values[param.name]
        if param.type == "name" and labels is not None:
            bindings[param.name] = labels.get(name_key(raw), Literal(raw))
            continue
        try:
            if param.type == "integer":
                term = Literal(int(raw))
            elif param.type == "date":
                term = Literal(dt.date.fromisoformat(raw).isoformat(), datatype=XSD.date)
            elif param.type == "iri":
                term = URIRef(raw)
            else:
                term = Literal(raw)
        except ValueError:
            raise QueryError(f"--param {param.name}={raw!r}: not a valid {param.type}") from None
        bindings[param.name] = term
    return bindings


def _with_prologue(text: str) -> tuple[str, int]:
    prologue = sparql_prologue()
    return prologue + text, prologue.count("\n")


def check_syntax(text: str, source: str = "query") -> None:
    """Parse a query; a syntax error names the line and column in the user's own text."""
    full, offset = _with_prologue(text)
    try:
        prepareQuery(full)
    except ParseException as exc:
        raise QueryError(f"{source}: syntax error at line {exc.lineno - offset}, column {exc.col}: {exc.msg}") from None
    except Exception as exc:  # rdflib raises several kinds for malformed algebra
        raise QueryError(f"{source}: cannot prepare the query ({exc})") from None


def values_block(bindings: dict) -> str:
    """A SPARQL VALUES block of RDF terms, each written by rdflib's own serialiser (escaped).

    >>> values_block({"club": Literal('Real "Madrid"')})
    'VALUES (?club) { ("Real \\"Madrid\\"") }'
    """
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(term.n3() for term in bindings.values())
    return f"VALUES ({names}) {{ ({terms}) }}"


def with_values(text: str, bindings: dict) -> str:
    """The query with its parameters bound by a VALUES block opening every WHERE group, so that
    subqueries, which are evaluated on their own, see them too."""
    if not bindings:
        return text
    return re.sub(r"\bWHERE\s*\{", lambda m: m.group() + "\n  " + values_block(bindings), text, flags=re.I)


def run_query(graph: Graph, text: str, bindings: dict | None = None, source: str = "query") -> Result:
    """Run SPARQL over the graph with parameters bound as RDF terms.

    On rdflib's store the terms go in as ``initBindings``. Oxigraph substitutes only variables a
    query projects, so there the terms go in as a VALUES block written by rdflib's serialiser,
    which escapes them: a value is never read as SPARQL either way.
    """
    check_syntax(text, source)
    bindings = bindings or {}
    oxigraph = type(graph.store).__name__ == "OxigraphStore"
    full, _ = _with_prologue(with_values(text, bindings) if oxigraph else text)
    try:
        return graph.query(full, initBindings={} if oxigraph else bindings)
    except Exception as exc:
        raise QueryError(f"{source}: the query failed ({exc})") from None


# --- output -------------------------------------------------------------------------------

def _cell(term, graph: Graph) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(term)
        except Exception:
            return str(term)
    return str(term)


def format_result(result: Result, graph: Graph, fmt: str = "table") -> str:
    """Rows as an aligned table, CSV, TSV, or SPARQL 1.1 results JSON."""
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8")
    if result.type == "ASK":
        return str(bool(result.askAnswer)).lower() + "\n"
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return result.graph.serialize(format="turtle")
    names = [str(v) for v in result.vars]
    rows = [[_cell(row[i], graph) for i in range(len(names))] for row in result]
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buffer.getvalue()
    if fmt != "table":
        raise UnknownNameError("output format", fmt, ["csv", "json", "table", "tsv"])
    widths = [min(60, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]

    def line(cells):
        return "  ".join((c if len(c) <= 60 else c[:57] + "...").ljust(w) for c, w in zip(cells, widths)).rstrip()

    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
