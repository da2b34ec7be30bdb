"""The CLI as a user calls it: real files, exit codes, messages, no tracebacks, atomic outputs."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import cli

from conftest import DATA

ROOT = Path(__file__).parent.parent


def test_cli_build_writes_outputs_and_a_summary(runner, tmp_path, articles_dir):
    result = runner.invoke(cli, ["build", str(articles_dir), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "articles read: 6" in result.output
    assert "without a date (none invented): 1 (plain-no-date)" in result.output
    assert "entities: " in result.output and "facts: Membership" in result.output
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 0 and (tmp_path / "out" / "graph.html").exists()


def test_cli_build_skips_bad_inputs_and_names_them(runner, tmp_path, articles_dir):
    for bad in (DATA / "bad").iterdir():
        shutil.copy(bad, articles_dir / bad.name)
    result = runner.invoke(cli, ["build", str(articles_dir), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert "skipped: 5" in result.output
    for problem in ("empty.txt: the file is empty", "bad-date.txt:1: bad date", "binary.txt: a binary file",
                    "half-broken.jsonl:2: not valid JSON", "latin.txt: not UTF-8 text"):
        assert problem in result.output
    assert "Traceback" not in result.output


def test_cli_build_strict_fails_and_keeps_previous_outputs(runner, tmp_path, articles_dir):
    out = tmp_path / "out"
    assert runner.invoke(cli, ["build", str(articles_dir), "-o", str(out)]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    shutil.copy(DATA / "bad" / "empty.txt", articles_dir / "empty.txt")
    result = runner.invoke(cli, ["build", str(articles_dir), "-o", str(out), "--strict"])
    assert result.exit_code == 1
    assert "empty.txt: the file is empty" in result.output and "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_cli_interrupted_build_leaves_previous_outputs(runner, tmp_path, articles_dir, monkeypatch):
    out = tmp_path / "out"
    assert runner.invoke(cli, ["build", str(articles_dir), "-o", str(out)]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def interrupted(graph, title="football-kg"):
        raise KeyboardInterrupt

    monkeypatch.setattr("kg.draw.render_page", interrupted)
    (articles_dir / "new.txt").write_text(" date 2024-05-01 Arsenal sign Joe Smith.\n")
    result = runner.invoke(cli, ["build", str(articles_dir), "-o", str(out)])
    assert result.exit_code != 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_cli_build_nothing_readable_is_exit_1(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(DATA / "bad" / "empty.txt"), "-o", str(tmp_path)])
    assert result.exit_code == 1 and "no article could be read" in result.output


def test_cli_query_table_csv_json(runner, tmp_path, articles_dir):
    out = tmp_path / "out"
    runner.invoke(cli, ["build", str(articles_dir), "-o", str(out)])
    graph = ["--graph", str(out / "graph.ttl")]
    table = runner.invoke(cli, ["query", "transfer-links", "--param", "name=Marco Bellini", *graph])
    assert table.exit_code == 0 and "Manchester United" in table.output and "rows)" in table.output
    csv_out = runner.invoke(cli, ["query", "contracts-expiring", "-p", "year=2028", "-f", "csv", *graph])
    assert csv_out.output.splitlines()[0].startswith("person_name,club_name,expires")
    as_json = json.loads(runner.invoke(cli, ["query", "managers", "-p", "club=Man City", "-f", "json", *graph]).output)
    assert as_json["head"]["vars"][0] == "manager_name" and as_json["results"]["bindings"]
    own = runner.invoke(cli, ["query", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s a fkg:Article }", "-f", "tsv", *graph])
    assert own.output.splitlines() == ["n", "6"]


def test_cli_query_from_a_file(runner, tmp_path, sample_build):
    rq = tmp_path / "mine.rq"
    rq.write_text("# title: Mine\nSELECT ?name WHERE { ?p a fkg:Manager ; rdfs:label ?name } ORDER BY ?name\n")
    result = runner.invoke(cli, ["query", str(rq), "--graph", str(sample_build.files[0])])
    assert result.exit_code == 0 and "Jurgen Klopp" in result.output


@pytest.mark.parametrize("args, code, message", [
    (["query", "sqaud"], 2, "unknown query 'sqaud'; known: career"),
    (["query", "squad", "-p", "team=x"], 2, "unknown parameter of query 'squad' 'team'; known: club, date"),
    (["query", "squad"], 2, "needs --param club"),
    (["query", "-e", "SELECT ?x WHERE {\n ?x ?y }"], 2, "syntax error at line 2, column"),
    (["query", "career", "-p", "person=X", "--graph", "nope.ttl"], 1, "nope.ttl: no such graph file"),
    (["export", "-f", "yaml"], 2, "unknown format 'yaml'"),
])
def test_cli_errors_are_one_line_with_exit_codes(runner, sample_build, args, code, message):
    if "--graph" not in args:
        args = [*args, "--graph", str(sample_build.files[0])]
    result = runner.invoke(cli, args)
    assert result.exit_code == code, result.output
    assert message in result.output and "Traceback" not in result.output


def test_cli_export_draw_stats(runner, tmp_path, sample_build):
    graph = ["--graph", str(sample_build.files[0])]
    assert runner.invoke(cli, ["export", "-f", "trig", "-o", str(tmp_path / "g.trig"), *graph]).exit_code == 0
    assert (tmp_path / "g.trig").read_text().count("GRAPH") + (tmp_path / "g.trig").read_text().count("{") >= 4
    assert runner.invoke(cli, ["draw", "-o", str(tmp_path / "p.html"), *graph]).exit_code == 0
    assert "<script" in (tmp_path / "p.html").read_text()
    stats = runner.invoke(cli, ["stats", *graph])
    assert "articles" in stats.output and "Membership" in stats.output
    assert runner.invoke(cli, ["validate", *graph]).exit_code == 0


def test_build_graph_py_with_no_arguments_builds_the_sample(tmp_path):
    script = ROOT / "build_graph.py"
    result = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "articles read: 4" in result.stdout
    assert (tmp_path / "out" / "graph.ttl").exists() and (tmp_path / "out" / "graph.html").exists()


def test_build_graph_py_paths_and_out_dir(tmp_path, articles_dir):
    result = subprocess.run([sys.executable, str(ROOT / "build_graph.py"), str(articles_dir / "records.jsonl"),
                             "-o", str(tmp_path / "o")], capture_output=True, text=True)
    assert result.returncode == 0 and "articles read: 2" in result.stdout


def test_cli_build_into_a_folder_inside_the_inputs_does_not_read_its_own_outputs(runner, articles_dir):
    out = articles_dir / "out"
    for _ in range(2):
        result = runner.invoke(cli, ["build", str(articles_dir), "-o", str(out)])
        assert result.exit_code == 0 and "articles read: 6" in result.output and "skipped" not in result.output
