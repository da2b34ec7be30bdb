"""Extraction quality on the measuring corpus (../shared), when it is there: a floor against regressions.

The figures come from the scorer of ../shared/eval; this test only fails when quality drops below
(a little under) what the project has reached.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kg.pipeline import build

from conftest import SHARED

pytestmark = pytest.mark.corpus
SCORER = SHARED / "eval" / "score.py"


@pytest.mark.skipif(not SCORER.exists(), reason="needs ../shared (the measuring corpus and its scorer)")
def test_quality_dev_corpus_stays_above_the_floor(tmp_path):
    build([SHARED / "corpus"], tmp_path, page=False)
    out = subprocess.run([sys.executable, str(SCORER), "--graph", str(tmp_path / "graph.ttl"),
                          "--gold", str(SHARED / "eval" / "gold" / "dev.jsonl"),
                          "--entities", str(SHARED / "eval" / "gold" / "entities.jsonl"), "--json"],
                         capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    assert result["relations"]["precision"] >= 0.94, result["relations"]
    assert result["relations"]["f1"] >= 0.89, result["relations"]
    assert result["qualifiers"]["accuracy"] >= 0.84
    assert result["attributes"]["accuracy"] >= 0.92
    assert result["split_entities"] == {}
