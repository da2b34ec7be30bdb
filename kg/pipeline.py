"""Stages 1-5 in one call, and the build command's library function.

``build`` reads the inputs, extracts facts, builds the graph and writes the outputs
(Turtle and the HTML page) together and atomically: a failure leaves the previous files.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF

from kg.articles import Article, read_articles
from kg.errors import InputError, KGError
from kg.extractors import extract_facts
from kg.graph import ArticleFacts, build_graph
from kg.lexicon import Lexicon, load_lexicon
from kg.resolve import resolve_article
from kg.vocab import FKG


class StrictModeError(KGError):
    """--strict and at least one input could not be read."""


@dataclass
class BuildResult:
    """What a build did: the graph, the counts for the summary and the files written."""

    graph: Graph
    articles: list[Article]
    problems: list[InputError]
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def undated(self) -> list[str]:
        return [a.id for a in self.articles if a.date is None]

    def entity_counts(self) -> Counter:
        counts = Counter()
        for cls in (FKG.Player, FKG.Manager, FKG.Executive, FKG.Journalist, FKG.Club, FKG.NationalTeam,
                    FKG.League, FKG.Organisation, FKG.Country, FKG.Outlet):
            n = len(set(self.graph.subjects(RDF.type, cls)))
            if n:
                counts[cls.split("#")[-1]] = n
        persons = len(set(self.graph.subjects(RDF.type, FKG.Person)))
        counts["Person (all)"] = persons
        return counts

    def fact_counts(self) -> Counter:
        counts = Counter()
        for cls in (FKG.Membership, FKG.Contract, FKG.TransferLink, FKG.Departure):
            counts[cls.split("#")[-1]] = len(set(self.graph.subjects(RDF.type, cls)))
        for prop in (FKG.nationality, FKG.position, FKG.birthYear):
            counts[prop.split("#")[-1]] = len(set(self.graph.subject_objects(prop)))
        return counts


def extract_article(article: Article, lexicon: Lexicon, extractors: Iterable[str] | None = None) -> ArticleFacts:
    """Stages 2-4 for one article."""
    resolved = resolve_article(article, lexicon)
    return ArticleFacts(article, resolved, extract_facts(resolved, lexicon, extractors))


def build(paths: Iterable[str | Path], out_dir: str | Path | None = None, *, strict: bool = False,
          store: str = "memory", formats: Iterable[str] = ("turtle",), page: bool = True,
          extractors: Iterable[str] | None = None, lexicon: Lexicon | None = None) -> BuildResult:
    """Build the graph of the articles under ``paths``; write outputs to ``out_dir`` if given.

    >>> from kg.resources import SAMPLES_DIR
    >>> result = build([SAMPLES_DIR])
    >>> len(result.articles)
    4
    """
    from kg.export import render

    started = time.perf_counter()
    lexicon = lexicon or load_lexicon()
    articles, problems = read_articles(paths)
    if strict and problems:
        raise StrictModeError(f"{len(problems)} input problem(s), first: {problems[0]}")
    if not articles:
        raise KGError("no article could be read" + (f": {problems[0]}" if problems else ""))
    extractor_names = list(extractors) if extractors else None
    items = [extract_article(a, lexicon, extractor_names) for a in articles]
    graph = build_graph(items, lexicon, store=store)
    result = BuildResult(graph, articles, problems)
    if out_dir is not None:
        out = Path(out_dir)
        contents: dict[Path, bytes] = {}
        for fmt in formats:
            data, suffix = render(graph, fmt)
            contents[out / f"graph.{suffix}"] = data
        if page:
            from kg.draw import render_page
            contents[out / "graph.html"] = render_page(graph).encode("utf-8")
        from kg.files import atomic_write_many
        atomic_write_many(contents)
        result.files = list(contents)
    result.seconds = time.perf_counter() - started
    return result
