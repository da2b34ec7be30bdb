"""The ``kg`` command: thin click commands over the library (build, query, export, draw, ...).

Exit codes: 0 done; 1 an input problem (with --strict, or nothing readable); 2 a usage error
(unknown query, parameter, format or option; a query that does not parse); 3 a broken data
file of the package; 4 an output that could not be written.
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from kg.errors import KGError

DEFAULT_OUT = Path("out")
DEFAULT_GRAPH = DEFAULT_OUT / "graph.ttl"


def handle_errors(function):
    """Turn our errors into one message line and an exit code; never a traceback for input problems."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except KGError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except BrokenPipeError:  # the reader went away (`kg query ... | head`): not an error
            sys.stderr.close()
            sys.exit(0)
        except OSError as exc:
            where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
            click.echo(f"error: {where}{exc.strerror or exc}", err=True)
            sys.exit(4)

    return wrapper


def graph_option(function):
    """--graph and --store, shared by every command that reads a built graph."""
    function = click.option("--store", type=click.Choice(["memory", "oxigraph"]), default="memory", show_default=True,
                            help="Where the graph is held while the command runs.")(function)
    return click.option("--graph", "graph_paths", multiple=True, type=click.Path(path_type=Path),
                        help=f"Graph file(s) to read (any RDF format). Default: {DEFAULT_GRAPH}.")(function)


def load(graph_paths: tuple[Path, ...], store: str):
    from kg.errors import InputError
    from kg.export import load_graph

    paths = graph_paths or (DEFAULT_GRAPH,)
    for path in paths:
        if not path.exists():
            hint = " (run `kg build` first, or pass --graph)" if path == DEFAULT_GRAPH else ""
            raise InputError(path, f"no such graph file{hint}")
    return load_graph([str(p) for p in paths], store)


def parse_params(values: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for value in values:
        if "=" not in value:
            raise click.BadParameter(f"'{value}' is not NAME=VALUE", param_hint="--param")
        name, _, raw = value.partition("=")
        params[name.strip()] = raw
    return params


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="football-kg")
def cli():
    """football-kg: football news articles in, a knowledge graph out.

    \b
    Example:
      kg build samples/articles -o out
      kg query squad --param club="Real Madrid"
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True,
              help="Folder for graph.ttl and graph.html (written together, atomically).")
@click.option("--strict", is_flag=True, help="Stop with exit code 1 if any input cannot be read, instead of skipping it.")
@click.option("--store", type=click.Choice(["memory", "oxigraph"]), default="memory", show_default=True,
              help="Graph store: rdflib's memory store, or Oxigraph (faster on large graphs).")
@click.option("-f", "--format", "formats", multiple=True, default=("turtle",), show_default=True,
              help="Also write these RDF formats (turtle, ntriples, trig, json-ld, ...). Repeatable.")
@click.option("--no-page", is_flag=True, help="Do not write graph.html.")
@click.option("--extractor", "extractors", multiple=True,
              help="Run only these extractors (membership, transfer, contract, departure, attributes). Repeatable.")
@click.option("--update", is_flag=True,
              help="Add new and changed articles to the graph in --out, reusing the facts of unchanged ones.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@handle_errors
def build(paths, out_dir, strict, store, formats, no_page, extractors, update, quiet):
    """Build the graph from article files and folders (the bundled sample if none given).

    Inputs: .txt in the seed format (first line " date YYYY-MM-DD ") or plain text (date
    unknown), and .jsonl/.json records of scraped news. Folders are read recursively.
    Unreadable inputs are named and skipped (see --strict).

    \b
    Examples:
      kg build ../articles news.jsonl -o out --format trig
      kg build today.jsonl --update -o out      # add today's articles to the graph in out/
    """
    from kg.pipeline import build as run_build
    from kg.resources import SAMPLES_DIR

    if update and not paths:
        raise click.UsageError("--update needs the articles to add (PATHS)")
    result = run_build(paths or [SAMPLES_DIR], out_dir, strict=strict, store=store, formats=formats,
                       page=not no_page, extractors=extractors or None, update=update)
    if not quiet:
        click.echo(summary(result))


def summary(result) -> str:
    lines = [f"articles read: {len(result.articles)}"]
    if result.reused:
        lines[0] = (f"articles in the graph: {len(result.articles)} ({result.extracted} new or changed read, "
                    f"{result.reused} unchanged reused)")
    if result.removed:
        lines[0] = f"articles in the graph: {len(result.articles)} (removed: {', '.join(result.removed)})"
    if result.undated:
        lines.append(f"  without a date (none invented): {len(result.undated)} ({', '.join(result.undated[:5])}"
                     f"{', ...' if len(result.undated) > 5 else ''})")
    if result.problems:
        lines.append(f"skipped: {len(result.problems)}")
        lines += [f"  {p}" for p in result.problems]
    lines.append("entities: " + ", ".join(f"{k} {v}" for k, v in sorted(result.entity_counts().items())))
    lines.append("facts: " + ", ".join(f"{k} {v}" for k, v in result.fact_counts().items()))
    lines.append(f"triples: {len(result.graph)}")
    if result.files:
        lines.append("wrote: " + ", ".join(str(f) for f in result.files))
    lines.append(f"time: {result.seconds:.2f} s")
    return "\n".join(lines)


@cli.command()
@click.argument("article_ids", nargs=-1, required=True)
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True,
              help="The folder of the built graph.")
@click.option("--store", type=click.Choice(["memory", "oxigraph"]), default="memory", show_default=True,
              help="Graph store used while rebuilding.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@handle_errors
def remove(article_ids, out_dir, store, quiet):
    """Remove articles (by id) from a built graph: their facts go, and entities only they mentioned.

    \b
    Example:
      kg remove 003_1d40deb779e11ff6 -o out
    """
    from kg.pipeline import remove as run_remove

    result = run_remove(article_ids, out_dir, store=store)
    if not quiet:
        click.echo(summary(result))


@cli.command()
@click.argument("name", required=False)
@click.option("-e", "--expression", help="Run this SPARQL text instead of a ready query.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A value for a parameter of the query (see `kg queries`). Repeatable.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="Output: aligned table, CSV, TSV or SPARQL results JSON.")
@graph_option
@handle_errors
def query(name, expression, params, fmt, graph_paths, store):
    """Run a ready query by NAME, a .rq file, or -e "SPARQL".

    Prefixes fkg:, rdfs:, skos:, prov:, dcterms:, xsd: and the id prefixes (person:, club:, ...)
    are declared for you. Values are bound as RDF terms, never pasted into the query.

    \b
    Examples:
      kg query squad --param club="Real Madrid" --param date=2024-01-31
      kg query my-query.rq
      kg query -e "SELECT ?name WHERE { ?p a fkg:Manager ; rdfs:label ?name }" -f csv
    """
    from kg.query import CatalogueQuery, bind, format_result, get_query, run_query

    if bool(name) == bool(expression):
        raise click.UsageError("give a query NAME (or FILE.rq), or -e TEXT, but not both")
    if expression:
        from rdflib import Literal

        q = CatalogueQuery("expression", "", "", (), (), expression)
        bindings = {k: Literal(v) for k, v in parse_params(params).items()}  # plain strings, as terms
    else:
        q = get_query(name)
        bind(q, parse_params(params))  # names, types and required ones are checked before loading
    from kg.query import check_syntax

    check_syntax(q.text, q.name if q.path is None else str(q.path))
    graph = load(graph_paths, store)
    if not expression:
        bindings = bind(q, parse_params(params), graph)
    click.echo(format_result(run_query(graph, q.text, bindings, q.name), graph, fmt), nl=False)


@cli.command()
@handle_errors
def queries():
    """List the ready queries with their parameters.

    \b
    Example:
      kg queries
    """
    from kg.query import catalogue

    for name, q in catalogue().items():
        click.echo(f"{name}: {q.title}")
        for p in q.params:
            extra = ", ".join(x for x in (p.type if p.type != "string" else "", "optional" if p.optional else "") if x)
            click.echo(f"    --param {p.name}=...{f' ({extra})' if extra else ''}  {p.description}")
        for example in q.examples:
            click.echo(f"    e.g. {example}")


@cli.command()
@click.option("-f", "--format", "fmt", default="turtle", show_default=True,
              help="turtle, ntriples, trig (a named graph per article), json-ld, or any rdflib serializer name.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File to write (atomically). Default: stdout.")
@graph_option
@handle_errors
def export(fmt, output, graph_paths, store):
    """Write the built graph in another RDF format.

    \b
    Example:
      kg export -f json-ld -o out/graph.jsonld
    """
    from kg.export import export as write, render

    graph = load(graph_paths, store)
    if output:
        size = write(graph, str(output), fmt)
        click.echo(f"wrote {output} ({size:,} bytes, {len(graph)} triples)", err=True)
    else:
        click.echo(render(graph, fmt)[0].decode("utf-8"), nl=False)


@cli.command()
@click.option("-o", "--output", type=click.Path(path_type=Path), default=DEFAULT_OUT / "graph.html",
              show_default=True, help="The page to write (atomically).")
@click.option("--focus", "focus_names", multiple=True, metavar="NAME",
              help="Draw only what lies around this person or club (by any of its names). Repeatable.")
@click.option("--depth", type=click.IntRange(0, 10), default=2, show_default=True,
              help="With --focus or --query: how many relations away from them to draw.")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), help="Only facts of articles dated on or after.")
@click.option("--until", type=click.DateTime(formats=["%Y-%m-%d"]), help="Only facts of articles dated on or before.")
@click.option("--kinds", help="Only these fact kinds, comma-separated: membership, contract, transfer, departure.")
@click.option("--query", "query_name", help="Draw around the entities a ready query (or .rq file) returns.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="Parameters of --query.")
@graph_option
@handle_errors
def draw(output, focus_names, depth, since, until, kinds, query_name, params, graph_paths, store):
    """Write the interactive network page (one self-contained HTML file, works offline).

    \b
    Examples:
      kg draw -o out/graph.html
      kg draw --focus "Real Madrid" --depth 2 --since 2024-01-01 -o out/madrid.html
      kg draw --query squad --param club="Real Madrid" --kinds membership,transfer
    """
    from kg.draw import find_entities, render_page
    from kg.errors import InputError
    from kg.files import atomic_write

    graph = load(graph_paths, store)
    focus: list[str] = []
    for name in focus_names:
        found = find_entities(graph, name)
        if not found:
            raise InputError(name, "no person or club of that name in the graph")
        focus += found
    if query_name:
        from kg.query import bind, get_query, run_query
        from rdflib import URIRef

        q = get_query(query_name)
        result = run_query(graph, q.text, bind(q, parse_params(params), graph), q.name)
        focus += sorted({str(v) for row in result for v in row if isinstance(v, URIRef)})
        if not focus:
            raise InputError(query_name, "the query returned no entity to draw around")
    page = render_page(graph, focus=focus or None, depth=depth,
                       since=since.date().isoformat() if since else None,
                       until=until.date().isoformat() if until else None,
                       kinds=[k.strip() for k in kinds.split(",")] if kinds else None)
    with atomic_write(output) as handle:
        handle.write(page)
    click.echo(f"wrote {output}", err=True)


@cli.command()
@graph_option
@handle_errors
def stats(graph_paths, store):
    """Count articles, entities by type and facts by kind in a built graph.

    \b
    Example:
      kg stats --graph out/graph.ttl
    """
    from kg.stats import graph_stats

    graph = load(graph_paths, store)
    for section, counts in graph_stats(graph).items():
        click.echo(f"{section}:")
        for key, value in counts.items():
            click.echo(f"  {key:<16} {value}")


@cli.command()
@graph_option
@handle_errors
def validate(graph_paths, store):
    """Check a built graph against the SHACL shapes of ontology/shapes.ttl (exit 1 if it does not conform).

    \b
    Example:
      kg validate --graph out/graph.ttl
    """
    from kg.validate import validate as check

    graph = load(graph_paths, store)
    conforms, report = check(graph)
    click.echo(report)
    sys.exit(0 if conforms else 1)


@cli.command()
@click.argument("article", type=click.Path(path_type=Path))
@click.option("--id", "article_id", help="In a .jsonl/.json file, the record to explain (default: all of them).")
@handle_errors
def explain(article, article_id):
    """Show, sentence by sentence, the mentions found, what they resolved to and the facts extracted.

    How to see why a fact is in the graph, or why it is missing.

    \b
    Example:
      kg explain samples/articles/000_2ad31075f8cad362.txt
    """
    from kg.articles import read_file
    from kg.errors import InputError
    from kg.explain import explain as run
    from kg.lexicon import load_lexicon

    if not article.exists():
        raise InputError(article, "no such file")
    articles, _ = read_file(article)
    if article_id:
        articles = [a for a in articles if a.id == article_id]
        if not articles:
            raise InputError(article, f"no record with id '{article_id}'")
    lexicon = load_lexicon()
    click.echo("\n\n".join(run(a, lexicon) for a in articles))


def main(args=None, prog_name=None):
    """Entry point of the ``kg`` console script."""
    cli.main(args=args, prog_name=prog_name or "kg")
