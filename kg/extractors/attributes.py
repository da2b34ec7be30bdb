"""Person attributes: nationality, position and birth year (from a reported age and the date).

Read from the words written before a name ("German defender X", "the Brazil international X"),
from apposition ("X, 23,"), and from descriptions resolved to a person ("the 30-year-old").
"""
from __future__ import annotations

import re

from kg.extractors.frame import Context, Frame, slot
from kg.facts import Fact, PersonAttribute


def extract(ctx: Context) -> list[Fact]:
    facts: list[Fact] = []
    for frame in ctx.frames:
        facts += _from_descriptions(frame, ctx)
        facts += _before_names(frame, ctx)
        facts += _appositions(frame, ctx)
        facts += _plural_positions(frame, ctx)
        facts += _as_a_position(frame, ctx)
        facts += _ages(frame, ctx)
    return facts


SIDE_APPOSITION = re.compile(slot("P", "p") + r"\s*,\s*(?:then\s+|now\s+|himself\s+)?(?:a|an|the)\s+(?:former\s+)?"
                             + slot("NC", "c") + r"(?:\s+(?:under-\d+|u-?\d+|youth))?\s+(?:international|captain|player|"
                             r"defender|midfielder|forward|striker|goalkeeper|winger)\b")


SIDE_FIRST = re.compile(r"\b(?:a|an)\s+(?:former\s+)?" + slot("NC", "c") + r"(?:\s+(?:under-\d+|u-?\d+|youth))?\s+"
                        r"international\s*,\s*" + slot("P", "p"))
INTERNATIONAL_FOR = re.compile(slot("P", "p") + r"[^⟦]{0,40}?\b(?:senior\s+|full\s+)?international\s+for\s+(?:the\s+)?"
                               + slot("NC", "c"))


def _appositions(frame: Frame, ctx: Context) -> list[Fact]:
    """"Guirassy, then a France Under-19 international, ...", "A Wales Under-21 international, Davies ...",
    "he became a senior international for Guinea": a national side's player is its national."""
    facts = []
    for m in [*SIDE_APPOSITION.finditer(frame.text), *SIDE_FIRST.finditer(frame.text),
              *INTERNATIONAL_FOR.finditer(frame.text)]:
        side = frame.entity(m["c"])
        country = "country/" + side.split("/", 1)[1] if side.startswith(("team/", "country/")) else ""
        if country in ctx.lexicon.entries:
            facts.append(_attribute(frame, frame.entity(m["p"]), "nationality", country))
    return facts


def _as_a_position(frame: Frame, ctx: Context) -> list[Fact]:
    """"X ... won five caps as a bruising centre forward", "X rose from a promising midfielder to ...",
    "X developed into a commanding defender": the position the clause gives X."""
    facts = []
    for m in re.finditer(slot("P", "p") + r"(?:[^⟦]|⟦[CLNX]\d+⟧){0,120}?\b(?:as|from|into)\s+(?:a|an)\s+"
                         r"(?P<words>(?:[\w-]+\s+){0,2}[\w-]+)",
                         frame.text):
        words = m["words"].split()
        # the longest position among the words: "a bruising centre forward", "a promising midfielder to"
        found = max(((j - i, " ".join(words[i:j])) for i in range(len(words)) for j in range(i + 1, len(words) + 1)
                     if " ".join(words[i:j]) in ctx.lexicon.positions), default=None)
        if found:
            facts.append(_attribute(frame, frame.entity(m["p"]), "position", ctx.lexicon.positions[found[1]]))
    return facts


def _plural_positions(frame: Frame, ctx: Context) -> list[Fact]:
    """"strikers flop at Atletico, including Mandzukic and Martinez": the position of each one listed."""
    facts = []
    plurals = {word + "s": position for word, position in ctx.lexicon.positions.items() if " " not in word}
    for m in re.finditer(r"\b(?P<word>" + "|".join(map(re.escape, sorted(plurals, key=len, reverse=True)))
                         + r")\b(?:[^⟦.;]|⟦[CLNX]\d+⟧){0,80}?\b(?:such as|including|like|the likes of)\s+(?P<people>"
                         + slot("P") + r"(?:\s*(?:,|and|, and)\s*" + slot("P") + r")*)", frame.text):
        position = plurals.get(m["word"])
        if position:
            for n in re.findall(r"⟦P(\d+)⟧", m["people"]):
                facts.append(_attribute(frame, frame.entity(n), "position", position))
    return facts


def _attribute(frame: Frame, person: str, attribute: str, value) -> PersonAttribute:
    return PersonAttribute(person=person, evidence=frame.evidence, attribute=attribute, value=value)


def _birth_year(ctx: Context, age: int) -> int | None:
    return ctx.article.date.year - age if ctx.article.date else None


def _from_descriptions(frame: Frame, ctx: Context) -> list[Fact]:
    facts = []
    for m in frame.slots:
        if m.kind != "description" or not (m.entity or "").startswith("person/"):
            continue
        if m.info.get("country"):
            facts.append(_attribute(frame, m.entity, "nationality", m.info["country"]))
        if m.info.get("position"):
            facts.append(_attribute(frame, m.entity, "position", m.info["position"]))
        if m.info.get("age") and _birth_year(ctx, m.info["age"]):
            facts.append(_attribute(frame, m.entity, "birth_year", _birth_year(ctx, m.info["age"])))
    return facts


def _before_names(frame: Frame, ctx: Context) -> list[Fact]:
    """"German international defender X", "Brazil forward X", "England's X"."""
    facts = []
    lexicon = ctx.lexicon
    text = frame.sentence.text
    for m in frame.slots:
        if m.kind != "name" or not (m.entity or "").startswith("person/"):
            continue
        before = text[max(0, m.start - 60):m.start]
        words = re.findall(r"[\w'-]+", before)[-5:]
        for i in range(len(words)):
            rest = " ".join(words[i:]).lower()
            if rest in lexicon.positions:
                facts.append(_attribute(frame, m.entity, "position", lexicon.positions[rest]))
                break
        for word in words[-4:]:
            if word[:1].isupper() and word.lower() in lexicon.demonyms:
                facts.append(_attribute(frame, m.entity, "nationality", lexicon.demonyms[word.lower()]))
        side = re.search(r"⟦[NC](?P<c>\d+)⟧(?:\s*'s)?\s+(?:(?:u-?\d+|under-\d+)\s+)?(?:international|captain|"
                         r"defender|midfielder|forward|striker|goalkeeper|winger|star)\s+" + f"⟦P{frame.slots.index(m)}⟧",
                         frame.text)
        if side and frame.entity(side["c"]).startswith(("team/", "country/")):
            # "Brazil international X": the player's nationality is the side's country
            country = "country/" + frame.entity(side["c"]).split("/", 1)[1]
            if country in lexicon.entries:
                facts.append(_attribute(frame, m.entity, "nationality", country))
    return facts


def _ages(frame: Frame, ctx: Context) -> list[Fact]:
    """"X, 23, ..." and "X (23)" and "the 30-year-old X" and "X, aged 23"."""
    facts = []
    for m in re.finditer(slot("P", "p") + r"\s*(?:,\s*(?:aged\s+|who\s+is\s+|now\s+)?|\()(?P<age>1[5-9]|[2-7]\d)\s*(?:,|\)|years old)",
                         frame.text):
        year = _birth_year(ctx, int(m["age"]))
        if year:
            facts.append(_attribute(frame, frame.entity(m["p"]), "birth_year", year))
    # "X, the man who ..., has died aged 77": the last person before "aged"
    for m in re.finditer(slot("P", "p") + r"[^⟦]{0,80}?\baged\s+(?P<age>1[5-9]|[2-9]\d)\b", frame.text):
        year = _birth_year(ctx, int(m["age"]))
        if year:
            facts.append(_attribute(frame, frame.entity(m["p"]), "birth_year", year))
    for m in re.finditer(r"\b(?P<age>1[5-9]|[2-7]\d)-year-old\s+(?:[\w-]+,?\s+){0,3}?" + slot("P", "p"), frame.text):
        year = _birth_year(ctx, int(m["age"]))
        if year:
            facts.append(_attribute(frame, frame.entity(m["p"]), "birth_year", year))
    return facts
