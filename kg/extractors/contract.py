"""Contracts: expiry years, wages and whether a deal is signed, offered, demanded or rejected.

A sentence gives a Contract when a contract word ("contract", "deal", "extension") comes with
something said of it: an expiry, a wage, or a status cue a few words before it. "Deal" alone is
often a transfer ("a £21m deal"), so it counts only as "a three-year deal", "a new deal",
"a deal until 2026". The person is the one nearest before the contract word (or "his"); the
club is the one named with it ("contract with Los Blancos"), else the one the article ties
the person to. Years: "until 2026", "expires in 2024", "the end of the 2023/24 campaign"
(2024), "a three-year deal" (the article's year + 3), "in June" (the next June).
"""
from __future__ import annotations

import re

from kg.extractors.frame import MONTH, NUMBER, YEAR, Context, Frame, cue_pattern, money, number, season_end, slot
from kg.extractors.membership import person_role
from kg.facts import RUNNING_SPELL, Contract, Fact, Membership

PERIODS = {"week": 52, "wk": 52, "month": 12, "year": 1, "annum": 1, "season": 1}
CONTRACT_DEAL = re.compile(rf"\b(?:{NUMBER}|\d+)[- ](?:year|season|month)\s+(?:contract|deal|extension)|\bnew\s+(?:\w+\s+)?deal\b|"
                           rf"\bdeal\s+(?:until|to|running|that runs|which runs|worth\s+[£€$][^ ]+\s+(?:a|per)\s+week)|"
                           rf"\bdeal\s+(?:at\s+(?:the\s+)?⟦C\d+⟧\s+)?(?:expires|runs out|ends)\b|"
                           rf"\bsigned\b(?:[^.⟦]|⟦[CN]\d+⟧){{0,40}}⟦P\d+⟧[^.⟦]{{0,20}}\buntil\b")


def extract(ctx: Context) -> list[Fact]:
    nouns = cue_pattern(tuple(n for n in ctx.lexicon.cues.get("contract", {}).get("nouns", []) if n != "deal"))
    facts: list[Fact] = []
    for frame in ctx.frames:
        # each contract word in turn, until one gives a person, a club and something said of the contract
        found = [*re.finditer(nouns, frame.text), *CONTRACT_DEAL.finditer(frame.text)]
        for noun in sorted(found, key=lambda m: -m.start()):  # the last is the one what follows speaks of
            fact = _contract_at(frame, ctx, noun.start())
            if fact is not None:
                facts += fact
                break
    return facts


def _contract_at(frame: Frame, ctx: Context, at: int) -> list[Fact] | None:
    """The contract a contract word at ``at`` speaks of, with the spell it implies; None if too little is said."""
    person = _person(frame, at)
    if person is None:
        return None
    club = _club(frame, ctx, person, at)
    if not club or not club.startswith("club/") and club != RUNNING_SPELL:
        return None
    expiry = _expiry(frame.text, ctx)
    wage = _wage(frame)
    status = _status(frame.text, at, ctx)
    if expiry is None and wage is None and status is None:
        return None
    facts: list[Fact] = [Contract(person=person, evidence=frame.evidence, club=club, expiry=expiry,
                                  wage=wage[0] if wage else None, currency=wage[1] if wage else None,
                                  wage_period=wage[2] if wage else None, status=status)]
    info = ctx.resolved.persons.get(person)
    if club != RUNNING_SPELL and (status == "signed" or (status is None and info is not None and info.roles)):
        # a contract held or signed puts the person at the club (in the role the article gives them)
        facts.append(Membership(person=person, evidence=frame.evidence, club=club, current=True, implied=True,
                                role=person_role(ctx, person)))
    return facts


def _person(frame: Frame, at: int) -> str | None:
    """The person nearest before the contract word, else the first one after it."""
    # people inside a relative clause ("X, who was United's coach under Y, signed a new deal") are not its subject
    text = re.sub(r",\s*who\b[^,]*,", lambda r: " " * len(r.group()), frame.text[:at]) + frame.text[at:]
    people = [(m.start(), frame.entity(m["n"])) for m in re.finditer(r"⟦[PH](?P<n>\d+)⟧", text)
              if frame.entity(m["n"]).startswith("person/")]
    before = [p for start, p in people if start < at]
    if before:
        return before[-1]
    return people[0][1] if people else None


def _club(frame: Frame, ctx: Context, person: str, at: int) -> str | None:
    """The club named with the contract ("contract with C", "C contract"), else the person's club,
    else the one club named before the contract word."""
    named = re.search(r"^(?:[^⟦]|⟦[PH]\d+⟧){0,40}?\b(?:with|at|from|for|to|as)\s+(?:the\s+)?" + slot("C", "c"),
                      frame.text[at:]) or \
        re.search(slot("C", "c") + r"(?:\s*'s)?\s+(?:new\s+)?$", frame.text[:at])
    if named:
        return frame.entity(named["c"])
    joined = re.search(r"\b(?:joined|joins|join|signed\s+for|signs\s+for|moved\s+to|moves\s+to)\s+(?:the\s+)?"
                       + slot("C", "c"), frame.text[:at])
    if joined:  # "joined Newcastle from Mainz on a four-year contract": the club joined
        return frame.entity(joined["c"])
    own = ctx.current_club(person)
    if own:
        return own
    clubs = [frame.entity(m["c"]) for m in re.finditer(r"(?<!from )" + slot("C", "c"), frame.text[:at])
             if frame.entity(m["c"]).startswith("club/")]  # never the club someone came from
    if len(set(clubs)) == 1:
        return clubs[0]
    # "based on his new contract, X will earn £20.8m per year": the club the article has X at
    return RUNNING_SPELL if not clubs else None


def _expiry(text: str, ctx: Context) -> int | None:
    m = re.search(rf"\b(?:until|till|to|through|expires? in|expiring in|runs out in|ends in|end of)\s+"
                  rf"(?:at\s+least\s+)?(?:the\s+)?(?:(?:end|summer|close|start)\s+of\s+(?:the\s+)?)?"
                  rf"(?:{MONTH}\s+)?(?P<y>{YEAR})\b(?!\s*/)", text)
    if m:
        return int(m["y"])
    left = re.search(rf"\b(?P<n>{NUMBER}|\d+|an?)\s+(?:more\s+)?(?P<unit>years?|months?)\s+(?:left|remaining|to run)\s+on\b",
                     text)
    if left and ctx.article.date:  # "two years left on his contract", "nine months remaining on", from the article's date
        if left["unit"].startswith("year"):
            return ctx.article.date.year + number(left["n"])
        return ctx.article.date.year + (ctx.article.date.month - 1 + number(left["n"])) // 12
    if ctx.article.date and re.search(r"\b(?:until|expires?|expiring|runs out|ends)\s+(?:at\s+)?(?:in\s+)?the\s+"
                                      r"(?:end\s+of\s+(?:the|this)\s+(?:season|campaign)|summer)\b", text):
        return ctx.article.date.year + (1 if ctx.article.date.month >= 7 else 0)  # seasons end in May or June
    m = re.search(rf"\b(?P<s>{YEAR})\s*/\s*(?P<y>\d{{2}}|{YEAR})\s+(?:season|campaign)", text)
    if m and re.search(r"\b(?:until|end of|expires?|runs)\b", text):
        return season_end(m["s"], m["y"])
    m = re.search(rf"\b(?P<n>{NUMBER})[- ](?:year|season)\b", text)
    if m and ctx.article.date and re.search(r"^\s*(?:\w+\s+)?(?:deal|contract|extension)\b", text[m.end():m.end() + 30]):
        # "on a four-year contract in August 2018", "appointed in May 2023 on a two-year deal": counted
        # from when it was signed, if the text says
        signed = re.search(rf"\bin\s+(?:{MONTH}\s+)?({YEAR})\b", text[m.end():m.end() + 60]) or \
            re.search(rf"\bin\s+(?:{MONTH}\s+)?({YEAR})\s+(?:on|with)\s+(?:an?\s+)?$", text[max(0, m.start() - 40):m.start()])
        base = int(signed.group(1)) if signed else ctx.article.date.year
        return base + number(m["n"])
    m = re.search(r"\b(?:in|this|next|come)\s+(?:the\s+)?(?:summer|june)\b", text)
    if m and ctx.article.date and re.search(r"\b(?:free agent|expires?|run(?:s)? out|ends)\b", text):
        return ctx.article.date.year + (1 if ctx.article.date.month > 6 else 0)
    return None


def _wage(frame: Frame) -> tuple[float, str, str] | None:
    text = frame.sentence.text
    for value, currency, start, end in money(text):
        after = text[end:end + 25].lower()
        period = re.match(r"\s*(?:-|a|an|per|each|every)?\s*-?\s*(week|wk|month|year|annum|season)\b", after) or \
            re.match(r"\s*(?:annual\s+|yearly\s+)?(?:package|salary)\b()", after)  # a salary is told by the year
        if period and re.search(r"\b(?:wage|salary|pay|earn|worth|paid|contract|deal|offer|terms)", text.lower()):
            if re.search(r"\b(?:increase|rise|more)\b", text.lower()[max(0, start - 40):start]):
                continue  # "an increase of at least £3m" is a change, not the wage
            word = period.group(1) or "year"
            return value * PERIODS[word], currency, "year" if word in ("annum", "season") else word.replace("wk", "week")
    return None


def _status(text: str, at: int, ctx: Context) -> str | None:
    """The status whose cue stands within a few words before the contract word (or anywhere for rejections)."""
    cues = ctx.lexicon.cues.get("contract", {})
    window = text[max(0, at - 45):at + 12]
    for status in ("rejected", "offered", "demanded", "signed"):
        pattern = cue_pattern(tuple(cues.get(status, [])))
        if re.search(pattern, window) or (status == "rejected" and re.search(pattern, text)):
            return status
    return None
