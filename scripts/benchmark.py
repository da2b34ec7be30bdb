#!/usr/bin/env python3
"""Measure football-kg's speed and memory, and print the figures (not a test: nothing is asserted).

    python scripts/benchmark.py                       # the bundled sample, repeated to 400 articles
    python scripts/benchmark.py ARTICLES... --articles 2000 --page-nodes 5000

Figures:
- extraction alone (stages 2-4): articles/s, facts/s, MB of text/s;
- the whole build (read, extract, graph, Turtle, page): articles/s and peak memory;
- Turtle export and ready queries on rdflib's store and on Oxigraph;
- the page: how long a graph of N entities takes to become interactive in headless Chromium
  (skipped when Debian's chromium is not installed).
"""
from __future__ import annotations

import argparse
import dataclasses
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from kg.articles import read_articles  # noqa: E402
from kg.lexicon import load_lexicon  # noqa: E402
from kg.pipeline import build, extract_article  # noqa: E402
from kg.resources import SAMPLES_DIR  # noqa: E402


def repeated(paths: list[str], count: int):
    """The articles under ``paths``, repeated under new ids until there are ``count``."""
    articles, _ = read_articles(paths)
    out = []
    i = 0
    while len(out) < count:
        a = articles[i % len(articles)]
        out.append(dataclasses.replace(a, id=f"{a.id}-{i}"))
        i += 1
    return out


def write_corpus(articles, folder: Path) -> None:
    for a in articles:
        header = f" date {a.date.isoformat()} " if a.date else ""
        (folder / f"{a.id}.txt").write_text(header + a.text + "\n", encoding="utf-8")


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    value = function(*args, **kwargs)
    return value, time.perf_counter() - start


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_extraction(articles) -> None:
    lexicon = load_lexicon()
    extract_article(articles[0], lexicon)  # warm caches
    items, seconds = timed(lambda: [extract_article(a, lexicon) for a in articles])
    facts = sum(len(i.facts) for i in items)
    mb = sum(len(a.text.encode()) for a in articles) / 1e6
    print(f"extraction only : {len(articles)} articles, {facts} facts in {seconds:.2f} s = "
          f"{len(articles) / seconds:,.0f} articles/s, {facts / seconds:,.0f} facts/s, {mb / seconds:.2f} MB/s")


def bench_build(folder: Path, count: int) -> Path:
    out = Path(tempfile.mkdtemp(prefix="kg-bench-out-"))
    for store in ("memory", "oxigraph"):
        result, seconds = timed(build, [folder], out / store, store=store)
        print(f"whole build     : {count} articles on {store:8} in {seconds:.2f} s = {count / seconds:,.0f} articles/s, "
              f"{len(result.graph):,} triples, peak memory so far {peak_mb():,.0f} MB")
    return out


def bench_queries(out: Path) -> None:
    from kg.export import load_graph, render
    from kg.query import bind, get_query, run_query

    for store in ("memory", "oxigraph"):
        graph, load_s = timed(load_graph, [str(out / "memory" / "graph.ttl")], store)
        _, ttl_s = timed(render, graph, "turtle")
        cells = [f"load {load_s:.2f} s", f"turtle {ttl_s:.2f} s"]
        for name, params in (("squad", {"club": "Real Madrid"}),
                             ("linked-with-two-clubs", {"club1": "Chelsea", "club2": "Real Madrid"})):
            q = get_query(name)
            rows, seconds = timed(lambda: list(run_query(graph, q.text, bind(q, params, graph), name)))
            cells.append(f"{name} {seconds * 1000:,.0f} ms ({len(rows)} rows)")
        print(f"graph on {store:8}: " + ", ".join(cells))


def synthetic_graph(nodes: int):
    """A graph of about ``nodes`` entities: players with spells and links at clubs."""
    from kg.articles import make_article
    from kg.facts import Evidence, Membership, TransferLink
    from kg.facts import ArticleFacts
    from kg.graph import build_graph

    lexicon = load_lexicon()
    clubs = sorted(k for k in lexicon.entries if k.startswith("club/"))[: max(10, nodes // 10)]
    players = nodes - len(clubs)
    items = []
    per_article = 50
    for start in range(0, players, per_article):
        article = make_article(f"synthetic-{start}", "x.", "2024-01-01")
        persons, facts = {}, []
        for i in range(start, min(players, start + per_article)):
            key = f"person/player-{i}"
            persons[key] = [f"Player {i}"]
            ev = Evidence(article.id, 0, f"Player {i} <b>plays</b> for a club.")
            facts.append(Membership(person=key, evidence=ev, club=clubs[i % len(clubs)]))
            facts.append(TransferLink(person=key, evidence=ev, to_club=clubs[(i * 7 + 3) % len(clubs)]))
        items.append(ArticleFacts(article, facts, persons, article.content_hash))
    return build_graph(items, lexicon)


def bench_page(nodes: int) -> None:
    from kg.draw import entity_view, render_page

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    graph, graph_s = timed(synthetic_graph, nodes)
    html, page_s = timed(render_page, graph)
    drawn = entity_view(graph).number_of_nodes()
    print(f"page            : {drawn:,} nodes, built in {page_s:.2f} s, {len(html) / 1e6:.1f} MB "
          f"(synthetic graph made in {graph_s:.1f} s)")
    if not Path(chromium).exists():
        print("page in browser : skipped (apt-get install chromium)")
        return
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("page in browser : skipped (pip install playwright)")
        return
    path = Path(tempfile.mkdtemp(prefix="kg-bench-page-")) / "graph.html"
    path.write_text(html, encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu",
                                                                     "--disable-background-networking"])
        page = browser.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        start = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("document.body.dataset.ready === '1'", timeout=120_000)
        ready = time.perf_counter() - start
        shown = page.evaluate("footballKg.nodeView.length")
        browser.close()
    print(f"page in browser : {shown:,} nodes interactive after {ready:.2f} s in headless Chromium")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(SAMPLES_DIR)], help="articles to repeat (default: the sample)")
    parser.add_argument("--articles", type=int, default=400, help="how many articles to time (default 400)")
    parser.add_argument("--page-nodes", type=int, default=5000, help="entities in the page test (default 5000)")
    args = parser.parse_args(argv)
    articles = repeated(args.paths, args.articles)
    folder = Path(tempfile.mkdtemp(prefix="kg-bench-in-"))
    write_corpus(articles, folder)
    print(f"corpus          : {len(articles)} articles from {', '.join(args.paths)}")
    bench_extraction(articles)
    out = bench_build(folder, len(articles))
    bench_queries(out)
    bench_page(args.page_nodes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
