"""The ready queries against a real SPARQL server (Oxigraph on 127.0.0.1) give what rdflib gives.

This checks that the catalogue is standard SPARQL that any endpoint answers, and that the
Turtle we write loads into another store. Parameters are sent as a VALUES block built from
RDF terms (N-Triples syntax), the endpoint's equivalent of rdflib's initBindings.
"""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request

import pytest

from kg.export import render
from kg.query import bind, catalogue, run_query, with_values

pytestmark = pytest.mark.server

PARAMS = {"squad": {"club": "Manchester City"}, "career": {"person": "Marco Bellini"},
          "managers": {"club": "Manchester City"}, "contracts-expiring": {"year": "2028"},
          "transfer-links": {"name": "Marco Bellini"}, "evidence": {"entity": "Marco Bellini"},
          "linked-with-two-clubs": {"club1": "Napoli", "club2": "Manchester United"}}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory, story_build):
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    port = free_port()
    folder = tmp_path_factory.mktemp("oxigraph")
    log = (folder / "server.log").open("w")
    server = subprocess.Popen([binary, "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}"],
                              stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):  # readiness: wait until it answers, at most 10 s
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph did not start: " + (folder / "server.log").read_text())
        data, _ = render(story_build.graph, "turtle")
        request = urllib.request.Request(f"{base}/store?default", data=data, method="POST",
                                         headers={"Content-Type": "text/turtle"})
        urllib.request.urlopen(request, timeout=10)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def remote(base: str, text: str) -> list[dict]:
    body = urllib.parse.urlencode({"query": text}).encode()
    request = urllib.request.Request(f"{base}/query", data=body,
                                     headers={"Accept": "application/sparql-results+json",
                                              "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["results"]["bindings"]


@pytest.mark.parametrize("name", sorted(PARAMS))
def test_server_answers_each_ready_query_like_rdflib(endpoint, story_build, name):
    from kg.vocab import sparql_prologue

    q = catalogue()[name]
    bindings = bind(q, PARAMS[name], story_build.graph)
    # the endpoint has no initBindings: the terms go in as VALUES blocks, as on the Oxigraph store
    text = sparql_prologue() + with_values(q.text, bindings)
    served = remote(endpoint, text)
    result = run_query(story_build.graph, q.text, bindings, name)
    local = list(result)
    assert len(served) == len(local) > 0
    first_var = str(result.vars[0])
    assert sorted(str(r[first_var]["value"]) for r in served if first_var in r) == \
        sorted(str(row[first_var]) for row in local if row[first_var] is not None)
