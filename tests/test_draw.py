"""The page's data: what a filter keeps, how text is escaped, and the large-graph layout."""
from __future__ import annotations

import json
import re

from kg.articles import make_article
from kg.draw import LAYOUT_THRESHOLD, entity_view, filter_view, find_entities, render_page, to_network
from kg.graph import build_graph
from kg.pipeline import extract_article


def labels(view):
    return {view.nodes[n]["label"] for n in view}


def page_data(html: str) -> dict:
    text = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', html, re.S).group(1)
    return json.loads(text)


def test_draw_focus_keeps_the_neighbourhood(story_build):
    view = entity_view(story_build.graph)
    [city] = find_entities(story_build.graph, "manchester city")
    # clubs are also found by how an article wrote them (kept as skos:altLabel)
    assert [e.rsplit("/", 1)[-1] for e in find_entities(story_build.graph, "brighton")] == ["brighton-hove-albion"]
    near = filter_view(view, focus=[city], depth=1)
    assert "Manchester City" in labels(near) and "Marco Bellini" in labels(near)
    assert "Tottenham Hotspur" not in labels(near) and len(near) < len(view)
    assert len(filter_view(view, focus=[city], depth=0)) == 1


def test_draw_dates_and_kinds_filter_the_facts(story_build):
    view = entity_view(story_build.graph)
    early = filter_view(view, until="2023-12-31")
    assert {f["date"] for n in early for f in early.nodes[n]["facts"]} == {"2023-08-10"}
    contracts = filter_view(view, kinds=["contract"])
    assert {e[2]["relation"].split(" until")[0] for e in contracts.edges(data=True)} == {"contract"}


def test_draw_article_text_is_data_not_markup(lexicon):
    text = 'Chelsea defender Karl Brenner said </script><script>alert(1)</script> & <img src=x onerror=y>.'
    graph = build_graph([extract_article(make_article("x", text, "2024-01-01"), lexicon)], lexicon)
    html = render_page(graph)
    assert "alert(1)</script>" not in html and "<img src=x" not in html
    evidence = {f["evidence"] for n in page_data(html)["nodes"] for f in n["facts"]}
    assert text in evidence  # the sentence arrives intact, as JSON text


def test_draw_page_is_self_contained(sample_build):
    html = render_page(sample_build.graph)
    assert not re.search(r'<(?:script|link)[^>]+(?:src|href)=["\']?https?:', html)
    assert "vis-network" in html or "vis.Network" in html


def test_draw_large_graph_gets_positions_and_no_physics():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent.parent / "scripts"))
    from benchmark import synthetic_graph

    net = to_network(entity_view(synthetic_graph(LAYOUT_THRESHOLD + 300)))
    assert len(net.nodes) > LAYOUT_THRESHOLD
    assert all("x" in n and "y" in n for n in net.nodes)
    positions = {(n["x"], n["y"]) for n in net.nodes}
    assert len(positions) > 0.95 * len(net.nodes)  # nodes are spread out, not piled up
