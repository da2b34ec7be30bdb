"""One graph across articles: people merged by name and club, time queries, rumour stories."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib.namespace import RDF, RDFS

from kg.pipeline import build
from kg.query import bind, get_query, run_query
from kg.vocab import FKG

ARTICLES = {
    "a-2021-rumour": " date 2021-12-01 \nReal Madrid are interested in signing Chelsea defender Karl Brenner.\n"
                     "Brenner's contract with Chelsea expires in 2022.",
    "b-2022-contract": " date 2022-03-10 \nChelsea defender Karl Brenner has a contract with Chelsea until 2026.",
    "c-2024-at-madrid": " date 2024-01-22 \nReal Madrid defender Karl Brenner was praised by the coach.",
    "d-2024-open": " date 2024-02-01 \nArsenal are monitoring Everton striker Jon Doyle, according to Sky Sports.",
    "e-2024-silvas": " date 2024-03-01 \nChelsea midfielder Joao Silva and Fulham forward Bernardo Silva met.\n"
                     "Everton boss Dan Reid watched.",
    "f-2024-silva-chelsea": " date 2024-03-05 \nChelsea midfielder Silva is injured.",
    "g-2024-manager": " date 2024-04-01 \nSchalke have sacked head coach Dan Reid.\n"
                      "Schalke have appointed Sam Okafor as their new head coach.",
    "h-2023-manager": " date 2023-01-01 \nSchalke manager Dan Reid won again.",
}


def write(folder: Path, names) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / f"{name}.txt").write_text(ARTICLES[name])
    return folder


@pytest.fixture(scope="module")
def timeline(tmp_path_factory):
    folder = write(tmp_path_factory.mktemp("timeline") / "in", ARTICLES)
    return build([folder], folder.parent / "out")


def rows(graph, name, **params):
    q = get_query(name)
    return [tuple(str(v) if v is not None else None for v in row) for row in
            run_query(graph, q.text, bind(q, params, graph), name)]


def label_of(graph, key):
    return {str(o) for s, o in graph.subject_objects(RDFS.label) if str(s).endswith("/" + key)}


def test_timeline_one_node_per_person_across_articles(timeline):
    people = {str(timeline.graph.value(p, RDFS.label)) for p in timeline.graph.subjects(RDF.type, FKG.Person)}
    assert "Karl Brenner" in people and "Brenner" not in people


def test_timeline_surname_joins_the_namesake_at_the_same_club(timeline):
    g = timeline.graph
    chelsea_silva = [s for s in g.subjects(FKG.club, None) if str(g.value(s, FKG.club)).endswith("/chelsea")
                     and str(g.value(s, FKG.person)).endswith("/joao-silva")]
    assert len(chelsea_silva) == 2  # one from each article: "Silva" at Chelsea is Joao Silva
    assert not any(str(p).endswith("/silva") for p in g.subjects(RDF.type, FKG.Person))


def test_timeline_squad_as_of_a_date(timeline):
    assert [r[1] for r in rows(timeline.graph, "squad", club="Chelsea", date="2023-01-01")] == ["Karl Brenner"]
    assert "Karl Brenner" not in [r[1] for r in rows(timeline.graph, "squad", club="Chelsea", date="2024-12-31")]
    assert [r[1] for r in rows(timeline.graph, "squad", club="Real Madrid", date="2024-12-31")] == ["Karl Brenner"]


def test_timeline_managers_as_of_a_date(timeline):
    before = {r[0]: r[3] for r in rows(timeline.graph, "managers", club="Schalke", date="2023-06-01")}
    after = {r[0]: r[3] for r in rows(timeline.graph, "managers", club="Schalke")}
    assert before == {"Dan Reid": "current"}
    assert after["Dan Reid"] == "past" and after["Sam Okafor"] == "current"


def test_timeline_career_merges_all_articles(timeline):
    clubs = [r[0] for r in rows(timeline.graph, "career", person="Karl Brenner")]
    assert clubs.index("Chelsea") < clubs.index("Real Madrid")


def test_timeline_conflicting_contract_expiries_show_both_sources(timeline):
    found = rows(timeline.graph, "conflicting-reports")
    [(person, club, what, said)] = [r for r in found if r[0] == "Karl Brenner"]
    assert (club, what) == ("Chelsea", "contract expiry")
    assert "2022 (a-2021-rumour, 2021-12-01)" in said and "2026 (b-2022-contract, 2022-03-10)" in said


def test_timeline_rumour_that_came_true(timeline):
    [row] = [r for r in rows(timeline.graph, "rumours-came-true") if r[0] == "Karl Brenner"]
    assert row[1:3] == ("Real Madrid", "2021-12-01") and row[6] == "2024-01-22"


def test_timeline_rumour_still_open_with_outlet(timeline):
    found = {(r[0], r[1]): r for r in rows(timeline.graph, "rumours-open")}
    assert found[("Jon Doyle", "Arsenal")][2] == "Rumour"
    assert found[("Jon Doyle", "Arsenal")][6] == "Sky Sports"
    assert ("Karl Brenner", "Real Madrid") not in found


def test_timeline_seed_rumour_came_true(sample_build):
    """The bundled sample: December 2021, Real Madrid want Rudiger; January 2024, he is their defender."""
    found = {(r[0], r[1]): r for r in rows(sample_build.graph, "rumours-came-true")}
    row = found[("Antonio Rudiger", "Real Madrid")]
    assert row[2] == "2021-12-01" and row[6] == "2024-01-22"
