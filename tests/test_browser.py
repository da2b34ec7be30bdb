"""The page in a real headless Chromium (Debian's), with every network request blocked."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kg.articles import make_article
from kg.draw import entity_view, render_page
from kg.graph import build_graph
from kg.pipeline import extract_article

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"
HOSTILE = ('Chelsea defender Karl Brenner joined Arsenal, said <script>window.pwned = 1</script> '
           'and <img src=x onerror="window.pwned = 2"> too.')


def _launch():
    if not Path(CHROMIUM).exists():
        if os.environ.get("FKG_REQUIRE_BROWSER"):
            pytest.fail(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
        pytest.skip("Debian's chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    manager = sync_api.sync_playwright().start()
    browser = manager.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"])
    return manager, browser


@pytest.fixture(scope="module")
def browser():
    manager, browser = _launch()
    yield browser
    browser.close()
    manager.stop()


def open_page(browser, html_path: Path):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors, requests = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def guard(route):
        requests.append(route.request.url)
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", guard)
    page.goto(html_path.as_uri())
    page.wait_for_function("document.body.dataset.ready === '1'", timeout=30000)
    return page, errors, requests


def test_browser_page_loads_offline_and_draws_every_node(browser, story_build, tmp_path):
    html_path = tmp_path / "graph.html"
    html_path.write_text(render_page(story_build.graph))
    page, errors, requests = open_page(browser, html_path)
    assert errors == []
    assert [u for u in requests if not u.startswith("file://")] == []
    assert page.evaluate("footballKg.nodeView.length") == entity_view(story_build.graph).number_of_nodes() > 5
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "graph-page.png"))


def test_browser_filter_hides_clubs(browser, story_build, tmp_path):
    html_path = tmp_path / "graph.html"
    html_path.write_text(render_page(story_build.graph))
    page, _, _ = open_page(browser, html_path)
    before = page.evaluate("footballKg.nodeView.length")
    page.uncheck("#type-filters input[value=Club]")
    assert page.evaluate("footballKg.nodeView.get().filter(n => n.type === 'Club').length") == 0
    assert page.evaluate("footballKg.nodeView.length") < before


def test_browser_click_shows_evidence_and_article_text_runs_nothing(browser, lexicon, tmp_path):
    article = make_article("hostile", HOSTILE, "2024-01-01", title="<b>bold</b> title")
    graph = build_graph([extract_article(article, lexicon)], lexicon)
    html_path = tmp_path / "graph.html"
    html_path.write_text(render_page(graph))
    page, errors, _ = open_page(browser, html_path)
    node = page.evaluate("footballKg.nodes.get().find(n => n.label === 'Karl Brenner').id")
    box = page.evaluate(f"""(() => {{ const p = footballKg.network.getPositions([{node}])[{node}];
                                     return footballKg.network.canvasToDOM(p); }})()""")
    canvas = page.locator("#network canvas").bounding_box()
    page.mouse.click(canvas["x"] + box["x"], canvas["y"] + box["y"])
    details = page.locator("#details")
    details.get_by_text("window.pwned = 1", exact=False).first.wait_for(timeout=5000)
    assert "<script>window.pwned = 1</script>" in details.inner_text()
    assert "<b>bold</b> title" in details.inner_text()
    assert page.evaluate("window.pwned") is None
    assert page.locator("#details img, #details script, #details b").count() == 0
    assert errors == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "graph-page-evidence.png"))


def test_browser_large_graph_is_drawn_from_precomputed_positions(browser, tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).parent.parent / "scripts"))
    from benchmark import synthetic_graph

    graph = synthetic_graph(2000)
    html_path = tmp_path / "big.html"
    html_path.write_text(render_page(graph))
    page, errors, _ = open_page(browser, html_path)
    assert errors == []
    assert page.evaluate("footballKg.nodeView.length") == entity_view(graph).number_of_nodes()
    assert page.evaluate("footballKg.network.physics.options.enabled") is False
