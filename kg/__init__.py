"""football-kg: football news articles in, an RDF knowledge graph out.

The pipeline runs one way, one module per stage::

    articles.py    read files and records into Article objects (stage 1)
    mentions.py    find club, person, country and outlet mentions in a sentence (stage 2)
    resolve.py     turn mentions into entities: nicknames, surnames, "the German" (stage 3)
    extractors/    emit plain fact objects (facts.py) from resolved sentences (stage 4)
    graph.py       turn facts into RDF statement nodes with provenance (stage 5)
    query.py | export.py | draw.py    use the graph (stage 6)

``pipeline.build`` runs stages 1-5; ``lexicon.load_lexicon`` loads the data files
that feed stages 2-4.
"""
from __future__ import annotations

__version__ = "0.1.0"

from kg.lexicon import Lexicon, load_lexicon  # noqa: E402
from kg.pipeline import BuildResult, build  # noqa: E402

__all__ = ["BuildResult", "Lexicon", "__version__", "build", "load_lexicon"]
