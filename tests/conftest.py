"""Shared fixtures: the lexicon, article factories, a CLI runner and one built sample graph."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.articles import make_article
from kg.lexicon import load_lexicon
from kg.pipeline import build, extract_article

HERE = Path(__file__).parent
DATA = HERE / "data"
SHARED = HERE.parent.parent / "shared"


@pytest.fixture(scope="session")
def lexicon():
    return load_lexicon()


@pytest.fixture
def facts_of(lexicon):
    """Facts extracted from one hand-written article: facts_of("text", date="2024-01-01")."""

    def run(text: str, date: str | None = "2024-01-22", article_id: str = "t"):
        return extract_article(make_article(article_id, text, date), lexicon).facts

    return run


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """The bundled sample built once into a temporary folder."""
    from kg.resources import SAMPLES_DIR

    out = tmp_path_factory.mktemp("sample")
    return build([SAMPLES_DIR], out)


@pytest.fixture(scope="session")
def story_build(tmp_path_factory):
    """The hand-written test articles (tests/data/articles) built once."""
    out = tmp_path_factory.mktemp("stories")
    return build([DATA / "articles"], out)


@pytest.fixture
def articles_dir(tmp_path):
    """A copy of the test articles that a test may add to or break."""
    target = tmp_path / "articles"
    shutil.copytree(DATA / "articles", target)
    return target
