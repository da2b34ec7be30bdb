"""Stages 1-5 in one call, and the build command's library function.

``build`` reads the inputs, extracts facts, builds the graph and writes the outputs
(Turtle and the HTML page) together and atomically: a failure leaves the previous files.
"""
from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg import cache
from kg.articles import Article, read_articles
from kg.errors import InputError, KGError
from kg.extractors import extract_facts
from kg.facts import ArticleFacts
from kg.graph import build_graph
from kg.lexicon import Lexicon, load_lexicon
from kg.resolve import resolve_article
from kg.stats import graph_stats


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
    extracted: int = 0  # articles read and extracted in this run
    reused: int = 0  # unchanged articles taken from the facts cache (--update)
    removed: list[str] = field(default_factory=list)

    @property
    def undated(self) -> list[str]:
        return [a.id for a in self.articles if a.date is None]

    def entity_counts(self) -> dict[str, int]:
        """Entities by type, the types present only."""
        return {k: v for k, v in graph_stats(self.graph)["entities"].items() if v}

    def fact_counts(self) -> dict[str, int]:
        """Statements by class, then person attributes."""
        return graph_stats(self.graph)["facts"]


def extract_article(article: Article, lexicon: Lexicon, extractors: Iterable[str] | None = None) -> ArticleFacts:
    """Stages 2-4 for one article."""
    resolved = resolve_article(article, lexicon)
    names = {key: list(info.names) for key, info in resolved.persons.items()}
    surfaces: dict[str, list[str]] = {}
    for rs in resolved.sentences:
        for m in rs.mentions:
            if m.entity and m.entity in lexicon.entries and m.kind in ("entity", "ambiguous", "generic"):
                surfaces.setdefault(m.entity, [])
                if m.text not in surfaces[m.entity]:
                    surfaces[m.entity].append(m.text)
    return ArticleFacts(article, extract_facts(resolved, lexicon, extractors), names, article.content_hash,
                        surfaces, resolved)


def build(paths: Iterable[str | Path], out_dir: str | Path | None = None, *, strict: bool = False,
          store: str = "memory", formats: Iterable[str] = ("turtle",), page: bool = True,
          extractors: Iterable[str] | None = None, lexicon: Lexicon | None = None,
          update: bool = False) -> BuildResult:
    """Build the graph of the articles under ``paths``; write outputs to ``out_dir`` if given.

    With ``update``, the facts cache of the previous build in ``out_dir`` is kept: articles whose
    content hash is unchanged are not extracted again, new and changed ones are.

    >>> from kg.resources import SAMPLES_DIR
    >>> result = build([SAMPLES_DIR])
    >>> len(result.articles)
    4
    """
    started = time.perf_counter()
    lexicon = lexicon or load_lexicon()
    articles, problems = read_articles(paths, exclude=[out_dir] if out_dir is not None else [])
    if strict and problems:
        raise StrictModeError(f"{len(problems)} input problem(s), first: {problems[0]}")
    cached = cache.load(out_dir) if update else {}
    if not articles and not cached:
        raise KGError("no article could be read" + (f": {problems[0]}" if problems else ""))
    extractor_names = list(extractors) if extractors else None
    items = dict(cached)
    extracted = reused = 0
    for article in articles:
        previous = cached.get(article.id)
        if previous is not None and previous.content_hash == article.content_hash:
            reused += 1
            continue
        items[article.id] = extract_article(article, lexicon, extractor_names)
        extracted += 1
    result = assemble(list(items.values()), out_dir, lexicon, store=store, formats=formats, page=page,
                      problems=problems)
    result.extracted, result.reused = extracted, reused
    result.seconds = time.perf_counter() - started
    return result


def remove(article_ids: Iterable[str], out_dir: str | Path, *, store: str = "memory",
           formats: Iterable[str] = ("turtle",), page: bool = True, lexicon: Lexicon | None = None) -> BuildResult:
    """Drop articles from a built graph: exactly the facts that came from them go, and so do the
    entities only they mentioned. The graph equals a rebuild from the remaining articles."""
    started = time.perf_counter()
    items = cache.load(out_dir)
    ids = list(article_ids)
    unknown = [i for i in ids if i not in items]
    if unknown:
        from kg.errors import UnknownNameError

        raise UnknownNameError("article id", unknown[0], list(items))
    for i in ids:
        del items[i]
    result = assemble(list(items.values()), out_dir, lexicon or load_lexicon(), store=store, formats=formats,
                      page=page, problems=[])
    result.removed = ids
    result.seconds = time.perf_counter() - started
    return result


def assemble(items: list[ArticleFacts], out_dir: str | Path | None, lexicon: Lexicon, *, store: str,
             formats: Iterable[str], page: bool, problems: list[InputError]) -> BuildResult:
    """Stage 5 and the outputs: the graph of all items, written with the facts cache, atomically."""
    from kg.export import render

    graph = build_graph(items, lexicon, store=store)
    result = BuildResult(graph, sorted((i.article for i in items), key=lambda a: a.id), problems)
    if out_dir is not None:
        out = Path(out_dir)
        contents: dict[Path, bytes] = {}
        for fmt in formats:
            data, suffix = render(graph, fmt)
            contents[out / f"graph.{suffix}"] = data
        if page:
            from kg.draw import render_page
            contents[out / "graph.html"] = render_page(graph).encode("utf-8")
        contents[out / cache.CACHE_NAME] = cache.encode(items)
        from kg.files import atomic_write_many
        atomic_write_many(contents)
        result.files = [p for p in contents if p.name != cache.CACHE_NAME]
    return result
