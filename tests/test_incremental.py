"""Incremental builds: --update and remove give the graph a full rebuild gives, and reuse work."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import cli
from kg.errors import UnknownNameError
from kg.pipeline import build, remove

STORIES = {
    "one": " date 2024-01-01 \nLiverpool are interested in signing Chelsea defender Karl Brenner.",
    "two": " date 2024-02-01 \nChelsea defender Brenner has a contract with Chelsea until 2027.",
    "three": " date 2024-03-01 \nEverton boss Jon Doyle wants Brenner, according to Sky Sports.",
    "four": " date 2024-04-01 \nFulham midfielder Dan Reid joined Burnley.",
}


def write(folder: Path, **texts: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text)
    return folder


def full_build(tmp_path: Path, **texts: str) -> Graph:
    folder = write(tmp_path / "full-in", **texts)
    return build([folder], tmp_path / "full-out", page=False).graph


def saved(out: Path) -> Graph:
    return Graph().parse(out / "graph.ttl")


def test_incremental_update_adds_only_new_articles(tmp_path):
    inbox = write(tmp_path / "in", one=STORIES["one"], two=STORIES["two"])
    out = tmp_path / "out"
    first = build([inbox], out, page=False)
    assert (first.extracted, first.reused) == (2, 0)
    write(inbox, three=STORIES["three"])
    second = build([inbox], out, page=False, update=True)
    assert (second.extracted, second.reused) == (1, 2)
    assert isomorphic(saved(out), full_build(tmp_path, one=STORIES["one"], two=STORIES["two"],
                                             three=STORIES["three"]))


def test_incremental_changed_article_is_read_again(tmp_path):
    inbox = write(tmp_path / "in", one=STORIES["one"], two=STORIES["two"])
    out = tmp_path / "out"
    build([inbox], out, page=False)
    changed = STORIES["two"].replace("2027", "2028")
    write(inbox, two=changed)
    result = build([inbox], out, page=False, update=True)
    assert (result.extracted, result.reused) == (1, 1)
    assert "2027" not in (out / "graph.ttl").read_text() and "2028" in (out / "graph.ttl").read_text()
    assert isomorphic(saved(out), full_build(tmp_path, one=STORIES["one"], two=changed))


def test_incremental_update_of_only_the_new_file_keeps_the_others(tmp_path):
    out = tmp_path / "out"
    build([write(tmp_path / "a", one=STORIES["one"])], out, page=False)
    build([write(tmp_path / "b", four=STORIES["four"])], out, page=False, update=True)
    assert isomorphic(saved(out), full_build(tmp_path, one=STORIES["one"], four=STORIES["four"]))


def test_incremental_remove_drops_the_articles_facts_and_lonely_entities(tmp_path):
    out = tmp_path / "out"
    build([write(tmp_path / "in", **STORIES)], out, page=False)
    assert "Dan Reid" in (out / "graph.ttl").read_text()
    remove(["four"], out, page=False)
    text = (out / "graph.ttl").read_text()
    assert "Dan Reid" not in text and "burnley" not in text.lower()
    rest = {k: v for k, v in STORIES.items() if k != "four"}
    assert isomorphic(saved(out), full_build(tmp_path, **rest))


def test_incremental_any_sequence_equals_a_rebuild(tmp_path):
    inbox = tmp_path / "in"
    out = tmp_path / "out"
    build([write(inbox, one=STORIES["one"], four=STORIES["four"])], out, page=False)
    build([write(tmp_path / "more", two=STORIES["two"], three=STORIES["three"])], out, page=False, update=True)
    remove(["one"], out, page=False)
    build([write(tmp_path / "again", one=STORIES["one"])], out, page=False, update=True)
    remove(["three", "four"], out, page=False)
    assert isomorphic(saved(out), full_build(tmp_path, one=STORIES["one"], two=STORIES["two"]))


def test_incremental_page_follows_the_graph(tmp_path):
    out = tmp_path / "out"
    build([write(tmp_path / "in", **STORIES)], out)
    assert "Dan Reid" in (out / "graph.html").read_text()
    remove(["four"], out)
    assert "Dan Reid" not in (out / "graph.html").read_text()


def test_incremental_remove_unknown_id_lists_the_known(tmp_path):
    out = tmp_path / "out"
    build([write(tmp_path / "in", one=STORIES["one"])], out, page=False)
    with pytest.raises(UnknownNameError, match="unknown article id 'nope'; known: one"):
        remove(["nope"], out)


def test_incremental_cli_update_and_remove(runner, tmp_path):
    inbox = write(tmp_path / "in", one=STORIES["one"])
    out = tmp_path / "out"
    assert runner.invoke(cli, ["build", str(inbox), "-o", str(out)]).exit_code == 0
    write(inbox, two=STORIES["two"])
    result = runner.invoke(cli, ["build", str(inbox), "--update", "-o", str(out)])
    assert result.exit_code == 0 and "(1 new or changed read, 1 unchanged reused)" in result.output
    result = runner.invoke(cli, ["remove", "one", "-o", str(out)])
    assert result.exit_code == 0 and "removed: one" in result.output
    no_build = runner.invoke(cli, ["build", str(inbox), "--update", "-o", str(tmp_path / "empty")])
    assert no_build.exit_code == 1 and "no previous build to update here" in no_build.output
