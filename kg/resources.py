"""Where the packaged files are: lexicons, ontology, ready queries, sample articles, templates."""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_ROOT = Path(str(files("kg")))

DATA_DIR = _ROOT / "data"
ONTOLOGY_DIR = _ROOT / "ontology"
QUERIES_DIR = _ROOT / "queries"
SAMPLES_DIR = _ROOT / "samples" / "articles"
TEMPLATES_DIR = _ROOT / "templates"
