"""Contracts: expiry years, wages and whether a deal is signed, offered, demanded or rejected.

A sentence with a contract word ("contract", "deal", "extension") and a person gives a
Contract; the club is the one named with it ("contract with Los Blancos"), else the one
the article ties the person to. Years: "until 2026", "expires in 2024", "the end of the
2023/24 campaign" (2024), "a three-year deal" (the article's year + 3), "in June" (the next June).
"""
from __future__ import annotations

import re

from kg.extractors.frame import NUMBER, Context, Frame, cue_pattern, money, number, slot
from kg.facts import Contract, Fact, Membership

YEAR = r"(?:19|20)\d{2}"
PERIODS = {"week": 52, "wk": 52, "month": 12, "year": 1, "annum": 1, "season": 1}


def extract(ctx: Context) -> list[Fact]:
    nouns = cue_pattern(tuple(ctx.lexicon.cues.get("contract", {}).get("nouns", [])))
    facts: list[Fact] = []
    for frame in ctx.frames:
        if not re.search(nouns, frame.text):
            continue
        people = [i for i, s in enumerate(frame.slots) if (s.entity or "").startswith("person/")]
        if not people:
            continue
        noun = re.search(nouns, frame.text)
        # the person nearest before the contract word, else the first one
        before = [i for i in people if frame.text.find(f"⟦P{i}⟧") < noun.start()]
        person_slot = before[-1] if before else people[0]
        person = frame.entity(person_slot)
        club = _club(frame, ctx, person, noun.start())
        if not club:
            continue
        expiry = _expiry(frame.text, ctx)
        wage = _wage(frame)
        status = _status(frame.text, ctx)
        if expiry is None and wage is None and status is None:
            continue
        facts.append(Contract(person=person, evidence=frame.evidence, club=club, expiry=expiry,
                              wage=wage[0] if wage else None, currency=wage[1] if wage else None,
                              wage_period=wage[2] if wage else None, status=status))
    return facts


def _club(frame: Frame, ctx: Context, person: str, at: int) -> str | None:
    named = re.search(r"(?:with|at|from|for|to)\s+(?:the\s+)?" + slot("C", "c"), frame.text[at:])
    if named:
        return frame.entity(named["c"])
    clubs = [s.entity for s in frame.slots if (s.entity or "").startswith(("club/", "team/"))]
    if len(clubs) == 1:
        return clubs[0]
    # the club the article ties the person to, from its premodifiers ("Chelsea defender X")
    for other in ctx.frames:
        m = re.search(slot("C", "c") + r"(?:\s*'s)?\s+(?:[\w-]+\s+){1,3}?⟦P(?P<p>\d+)⟧", other.text)
        if m and other.entity(m["p"]) == person:
            return other.entity(m["c"])
    return None


def _expiry(text: str, ctx: Context) -> int | None:
    m = re.search(rf"\b(?:until|till|to|through|expires? in|expiring in|runs out in|ends in|end of)\s+(?:the\s+)?"
                  rf"(?:end\s+of\s+(?:the\s+)?)?(?:(?:january|february|march|april|may|june|july|august|september|"
                  rf"october|november|december)\s+)?(?P<y>{YEAR})\b(?!\s*/)", text)
    if m:
        return int(m["y"])
    m = re.search(rf"\b(?:{YEAR})\s*/\s*(?P<y>\d{{2}}|{YEAR})\s+(?:season|campaign)", text)
    if m and re.search(r"\b(?:until|end of|expires?|runs)\b", text):
        y = m["y"]
        return int(y) if len(y) == 4 else 2000 + int(y)
    m = re.search(rf"\b(?P<n>{NUMBER})[- ]year\b", text)
    if m and ctx.article.date and re.search(r"\b(?:deal|contract|extension)\b", text[m.end():m.end() + 30]):
        return ctx.article.date.year + number(m["n"])
    m = re.search(r"\b(?:in|this|next|come)\s+(?:the\s+)?(?:summer|june)\b", text)
    if m and ctx.article.date and re.search(r"\b(?:free agent|expires?|run(?:s)? out|ends)\b", text):
        return ctx.article.date.year + (1 if ctx.article.date.month > 6 else 0)
    return None


def _wage(frame: Frame) -> tuple[float, str, str] | None:
    text = frame.sentence.text
    for value, currency, start, end in money(text):
        after = text[end:end + 25].lower()
        period = re.match(r"\s*(?:-|a|an|per|each|every)?\s*-?\s*(week|wk|month|year|annum|season)\b", after)
        if period and re.search(r"\b(?:wage|salary|pay|earn|worth|paid|contract|deal|offer|terms)", text.lower()):
            if re.search(r"\b(?:increase|rise|more)\b", text.lower()[max(0, start - 40):start]):
                continue  # "an increase of at least £3m" is a change, not the wage
            word = period.group(1)
            return value * PERIODS[word], currency, "year" if word in ("annum", "season") else word.replace("wk", "week")
    return None


def _status(text: str, ctx: Context) -> str | None:
    cues = ctx.lexicon.cues.get("contract", {})
    for status in ("rejected", "offered", "demanded", "signed"):
        if re.search(cue_pattern(tuple(cues.get(status, []))), text):
            return status
    return None
