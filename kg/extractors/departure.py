"""Departures: an announced exit with no destination named ("X and Y will all leave").

The club is the one named in the sentence, else the one the article ties the person to
("Tottenham manager X"), else the one the previous sentence named last, else the article's club.
"""
from __future__ import annotations

import re

from kg.extractors.frame import Context, cue_pattern, slot
from kg.facts import Departure, Fact

PEOPLE = r"(?P<people>" + slot("P") + r"(?:\s*(?:,|and|, and)\s*" + slot("P") + r")*)"


def extract(ctx: Context) -> list[Fact]:
    words = ctx.lexicon.cues.get("departure", {}).get("words", [])
    pattern = PEOPLE + r"\s*,?\s*(?:will|are|is|are all|to|set to)?\s*(?:all\s+)?(?:set\s+to\s+|going\s+to\s+)?(?P<cue>" \
        + cue_pattern(tuple(words)) + r")\b(?P<rest>\s+(?:the\s+)?" + slot("C", "c") + r")?"
    facts: list[Fact] = []
    for frame in ctx.frames:
        for m in re.finditer(pattern, frame.text):
            for number in re.findall(r"⟦P(\d+)⟧", m["people"]):
                person = frame.entity(number)
                # the club named here, else the one the article ties the person to, else the last one named
                # the club left ("leave Chelsea"), else the one the person is tied to, else the sentence's
                # first club ("Chelsea have confirmed that X will leave the club"), else the last one named
                first = re.search(slot("C", "c"), frame.text[:m.start()])
                club = frame.entity(m["c"]) if m["c"] else (ctx.current_club(person)
                                                             or (frame.entity(first["c"]) if first else None)
                                                             or _previous_club(ctx, frame.index) or ctx.main_club())
                if person.startswith("person/") and club:
                    facts.append(Departure(person=person, evidence=frame.evidence, club=club))
    return facts


def _previous_club(ctx: Context, index: int) -> str | None:
    for frame in reversed(ctx.frames[max(0, index - 1):index]):
        clubs = [s.entity for s in frame.slots if (s.entity or "").startswith("club/")]
        if clubs:
            return clubs[-1]
    return None
