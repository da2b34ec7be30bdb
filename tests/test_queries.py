"""The ready queries: headers, syntax, known answers on hand-written articles, safe binding."""
from __future__ import annotations

import pytest

from kg.errors import QueryError, UnknownNameError
from kg.query import bind, catalogue, get_query, run_query

REQUIRED = {"squad", "career", "managers", "contracts-expiring", "transfer-links", "evidence",
            "linked-with-two-clubs"}


def rows(graph, query_name, **params):
    q = get_query(query_name)
    return [tuple(str(v) if v is not None else None for v in row) for row in
            run_query(graph, q.text, bind(q, params, graph), query_name)]


def test_queries_catalogue_has_the_promised_queries():
    assert REQUIRED <= set(catalogue())


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_queries_header_is_complete(name):
    q = catalogue()[name]
    assert q.title and q.description, name
    assert q.examples and all(e.startswith(f"kg query {name}") for e in q.examples)
    for example in q.examples:
        for param in q.params:
            assert param.optional or f"{param.name}=" in example


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_queries_example_runs_on_the_sample(sample_build, name):
    import shlex

    q = catalogue()[name]
    words = shlex.split(q.examples[0])
    params = dict(w.split("=", 1) for w in words[words.index(name) + 1:] if "=" in w)
    result = run_query(sample_build.graph, q.text, bind(q, params, sample_build.graph), name)
    assert result.vars


def test_queries_squad_as_of_a_date(story_build):
    found = rows(story_build.graph, "squad", club="Manchester City", date="2023-12-31")
    assert [r[1] for r in found] == ["Marco Bellini"]
    assert rows(story_build.graph, "squad", club="Man City", date="2023-01-01") == []


def test_queries_managers_over_time(story_build):
    found = {r[0]: r for r in rows(story_build.graph, "managers", club="Manchester City")}
    assert "Paul Hartley" in found and found["Paul Hartley"][3] == "past"  # sacked in the latest report


def test_queries_transfer_links_by_person_and_by_club(story_build):
    by_person = rows(story_build.graph, "transfer-links", name="Marco Bellini")
    assert {(r[1], r[3]) for r in by_person} >= {("Manchester City", "Completed"), ("Manchester United", "Rumour")}
    chelsea = rows(story_build.graph, "transfer-links", name="Chelsea")
    assert any(r[0] == "Marco Bellini" and r[6] == "Sky Sports" for r in chelsea)


def test_queries_contracts_expiring(story_build):
    found = rows(story_build.graph, "contracts-expiring", year="2028")
    assert {(r[0], r[1]) for r in found} == {("Marco Bellini", "Manchester City")}


def test_queries_linked_with_two_clubs(story_build):
    found = rows(story_build.graph, "linked-with-two-clubs", club1="Napoli", club2="Manchester United")
    assert [r[0] for r in found] == ["Marco Bellini"]


def test_queries_career_and_evidence(story_build):
    career = rows(story_build.graph, "career", person="Bellini")
    assert {"Napoli", "Manchester City"} <= {r[0] for r in career}
    evidence = rows(story_build.graph, "evidence", entity="Tom Rennick")
    assert evidence and all(r[5] for r in evidence)


def test_queries_values_are_bound_not_pasted(story_build):
    hostile = 'x")) } } SELECT * WHERE { ?s ?p ?o } #'
    assert rows(story_build.graph, "squad", club=hostile) == []


def test_queries_unknown_name_and_parameter_list_the_known_ones():
    with pytest.raises(UnknownNameError, match="known: career, conflicting-reports, contracts-expiring"):
        get_query("sqaud")
    with pytest.raises(UnknownNameError, match="unknown parameter of query 'squad' 'team'; known: club, date"):
        bind(get_query("squad"), {"team": "x"})


def test_queries_missing_and_mistyped_parameters():
    with pytest.raises(QueryError, match="needs --param club"):
        bind(get_query("squad"), {})
    with pytest.raises(QueryError, match="not a valid integer"):
        bind(get_query("contracts-expiring"), {"year": "soon"})


def test_queries_syntax_error_names_line_and_column(story_build):
    with pytest.raises(QueryError, match=r"syntax error at line 2, column \d+"):
        run_query(story_build.graph, "SELECT ?x\nWHERE { ?x ?y }", {}, "mine")


@pytest.fixture(scope="module")
def oxigraph_graph(story_build):
    from kg.export import load_graph

    return load_graph([str(story_build.files[0])], store="oxigraph")


@pytest.mark.parametrize("name, params", [
    ("squad", {"club": "Manchester City", "date": "2023-12-31"}),
    ("transfer-links", {"name": "Marco Bellini"}),
    ("contracts-expiring", {"year": "2028"}),
    ("linked-with-two-clubs", {"club1": "Napoli", "club2": "Manchester United"}),
])
def test_queries_answer_the_same_on_the_oxigraph_store(story_build, oxigraph_graph, name, params):
    assert sorted(rows(oxigraph_graph, name, **params), key=repr) == \
        sorted(rows(story_build.graph, name, **params), key=repr) != []


def test_queries_hostile_value_is_safe_on_oxigraph_too(oxigraph_graph):
    assert rows(oxigraph_graph, "squad", club='x")) } } SELECT * WHERE { ?s ?p ?o } #') == []


def test_build_on_either_store_writes_the_same_turtle(tmp_path):
    from kg.pipeline import build

    from conftest import DATA

    a = build([DATA / "articles"], tmp_path / "a", store="memory", page=False)
    b = build([DATA / "articles"], tmp_path / "b", store="oxigraph", page=False)
    assert a.files[0].read_bytes() == b.files[0].read_bytes()
