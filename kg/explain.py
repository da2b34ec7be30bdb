"""Why a fact is there or missing: one article, sentence by sentence, mentions and facts."""
from __future__ import annotations

from kg.articles import Article
from kg.extractors.frame import build_frame
from kg.facts import Contract, Departure, Membership, PersonAttribute, TransferLink
from kg.lexicon import Lexicon
from kg.pipeline import extract_article


def describe_fact(fact, label) -> str:
    """One line for a fact, with entity labels."""
    who = label(fact.person)
    if isinstance(fact, Membership):
        years = "".join(f" {k}={v}" for k, v in (("start", fact.start), ("end", fact.end),
                                                 ("appearances", fact.appearances)) if v is not None)
        return f"membership  {who} -> {label(fact.club)}  {fact.role} {'current' if fact.current else 'past'}{years}"
    if isinstance(fact, Contract):
        extra = "".join(f" {k}={v}" for k, v in (("expires", fact.expiry), ("status", fact.status),
                                                 ("wage", fact.wage and f"{fact.wage:,.0f} {fact.currency}/year"))
                        if v)
        return f"contract    {who} -> {label(fact.club)}{extra}"
    if isinstance(fact, TransferLink):
        extra = "".join(f" {k}={v}" for k, v in (("from", fact.from_club and label(fact.from_club)),
                                                 ("role", fact.role), ("fee", fact.fee and f"{fact.fee:,.0f} {fact.currency}"),
                                                 ("reported by", ", ".join(label(r) for r in fact.reported_by)))
                        if v)
        return f"transfer    {who} -> {label(fact.to_club)} [{fact.status}]{extra}"
    if isinstance(fact, Departure):
        return f"departure   {who} leaves {label(fact.club)}"
    if isinstance(fact, PersonAttribute):
        value = label(fact.value) if isinstance(fact.value, str) and "/" in fact.value else fact.value
        return f"attribute   {who} {fact.attribute} = {value}"
    return repr(fact)


def explain(article: Article, lexicon: Lexicon) -> str:
    """The explanation text for one article.

    >>> from kg.articles import make_article
    >>> from kg.lexicon import load_lexicon
    >>> print(explain(make_article("x", "Chelsea defender Joe Smith is hurt.", "2024-01-01"), load_lexicon()))
    ... # doctest: +NORMALIZE_WHITESPACE
    article x (2024-01-01)
    <BLANKLINE>
    [0] Chelsea defender Joe Smith is hurt.
        mentions: 'Chelsea' -> Chelsea (club/chelsea); 'Joe Smith' -> Joe Smith (person/joe-smith)
        frame:    ⟦C0⟧ defender ⟦P1⟧ is hurt.
        fact:     membership  Joe Smith -> Chelsea  PlayerRole current
        fact:     attribute   Joe Smith position = Defender
    """
    item = extract_article(article, lexicon)
    resolved = item.resolved

    def label(key: str) -> str:
        return resolved.label(key, lexicon)

    by_sentence: dict[int, list] = {}
    for fact in item.facts:
        by_sentence.setdefault(fact.evidence.sentence_index, []).append(fact)
    lines = [f"article {article.id} ({article.date or 'date unknown'})"]
    for rs in resolved.sentences:
        lines += ["", f"[{rs.sentence.index}] {rs.text}"]
        shown = [f"{m.text!r} -> {label(m.entity)} ({m.entity})" if m.entity else f"{m.text!r} -> ? ({m.kind})"
                 for m in rs.mentions]
        if shown:
            lines.append("    mentions: " + "; ".join(shown))
            lines.append("    frame:    " + build_frame(rs, article.id, rs.sentence.index).text)
        for fact in by_sentence.get(rs.sentence.index, []):
            lines.append("    fact:     " + describe_fact(fact, label))
    return "\n".join(lines)
