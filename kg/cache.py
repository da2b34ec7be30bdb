"""The facts cache beside a built graph: what stages 1-4 made of each article, keyed by content hash.

``kg build --update`` re-reads only articles whose hash changed, and ``kg remove`` drops one
article's entry; both then assemble the graph again from the cache, so the result is the graph
a full rebuild would give (person merges, labels and rumour stories depend on all articles).
The cache is JSON lines, one article a line, written atomically with the graph.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from kg.articles import Article
from kg.errors import InputError
from kg.facts import FACT_TYPES, ArticleFacts, Evidence, Fact

CACHE_NAME = "facts.jsonl"
VERSION = 1
_TYPES = {cls.__name__: cls for cls in FACT_TYPES}


def _fact_to_json(fact: Fact) -> dict:
    data = {f.name: getattr(fact, f.name) for f in dataclasses.fields(fact)}
    data["evidence"] = dataclasses.asdict(fact.evidence)
    data["type"] = type(fact).__name__
    return data


def _fact_from_json(data: dict) -> Fact:
    data = dict(data)
    cls = _TYPES[data.pop("type")]
    data["evidence"] = Evidence(**data["evidence"])
    if "reported_by" in data:
        data["reported_by"] = tuple(data["reported_by"])
    return cls(**data)


def item_to_line(item: ArticleFacts) -> str:
    """One article's cache line (the article's text is not kept: its hash is)."""
    a = item.article
    article = {"id": a.id, "date": a.date.isoformat() if a.date else None, "title": a.title, "url": a.url,
               "source": a.source, "path": a.path}
    return json.dumps({"version": VERSION, "article": article, "content_hash": item.content_hash,
                       "person_names": item.person_names, "surface_names": item.surface_names,
                       "facts": [_fact_to_json(f) for f in item.facts]},
                      ensure_ascii=False, sort_keys=True)


def item_from_line(line: str) -> ArticleFacts:
    data = json.loads(line)
    a = data["article"]
    article = Article(id=a["id"], date=dt.date.fromisoformat(a["date"]) if a["date"] else None, text="",
                      title=a["title"], url=a["url"], source=a["source"], path=a["path"])
    return ArticleFacts(article, [_fact_from_json(f) for f in data["facts"]], data["person_names"],
                        data["content_hash"], data.get("surface_names", {}))


def encode(items: list[ArticleFacts]) -> bytes:
    return "".join(item_to_line(i) + "\n" for i in sorted(items, key=lambda i: i.article.id)).encode("utf-8")


def load(out_dir: str | Path) -> dict[str, ArticleFacts]:
    """The cached articles of a previous build, by id; a missing or broken cache is an InputError."""
    path = Path(out_dir) / CACHE_NAME
    if not path.exists():
        raise InputError(path, "no previous build to update here (run `kg build` without --update first)")
    items = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = item_from_line(line)
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(path, f"broken cache line ({exc}); rebuild without --update", line=number) from None
        items[item.article.id] = item
    return items
