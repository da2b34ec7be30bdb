"""Transfer links: interest, rumours, talks, bids, agreed and completed moves, appointments.

Two shapes, each with the cue lists of cues.toml [transfer.*]:
- the club acts first: "Liverpool are interested in signing (Real Madrid defender) Rudiger";
- the person acts first: "Gronkjaer has agreed a move to Atletico Madrid from Birmingham".
A completed move also gives the spell at the new club and the end of the one at the old club
(ANNOTATION.md's convention). Exits of managers (sackings, resignations) are read here too.
"""
from __future__ import annotations

import functools
import re

from kg.extractors.frame import APPOSITIVE, Context, Frame, cue_pattern, gap, money, slot, years_in
from kg.extractors.membership import person_role, role_of
from kg.facts import Fact, Membership, TransferLink

STATUSES = ("completed", "agreed", "advanced", "denied", "rumour")
# "signing striker A and winger B", "A, B and C": more people the same cue applies to
PERSON_LIST = r"(?P<more>(?:\s*(?:,|and|, and|as well as)\s+(?:[\w-]+\s+){0,2}?" + slot("P") \
    + r"(?!\s+(?:has|have|had|is|was|were|will|would|said|says|can|could|did|does)\b))*)"
# "appointed as their new head coach", "named interim manager", "promoted to first team manager"
MANAGER_JOB = re.compile(r"\b(?:as|named|appointed|promoted|installed|new|to|confirmed)\s+(?:the\s+|their\s+|its\s+|his\s+)?"
                         r"(?:(?:new|permanent|interim|caretaker|first[- ]team|full-time)\s+)*"
                         r"(?:manager|head coach|boss|coach)\b")
CONTRACT_WORDS = re.compile(r"\b(?:new|fresh|improved)?\s*(?:\w+[- ]year\s+)?(?:contract|deal|extension|terms)\b")


def extract(ctx: Context) -> list[Fact]:
    facts: list[Fact] = []
    for frame in ctx.frames:
        facts += _club_first(frame, ctx)
        facts += _person_first(frame, ctx)
        facts += _offers(frame, ctx)
        facts += _fees_paid(frame, ctx)
        facts += _left_for(frame, ctx)
        facts += _agents(frame, ctx)
        facts += _participles(frame, ctx)
        facts += _replacements(frame, ctx)
        facts += _sales(frame, ctx)
        facts += _exits(frame, ctx)
    return facts


def _cues(ctx: Context, side: str) -> list[tuple[str, str]]:
    table = ctx.lexicon.cues.get("transfer", {}).get(side, {})
    return [(status, cue_pattern(tuple(table[status]))) for status in STATUSES if status in table]


def _shapes(ctx: Context, side: str, shape: str) -> list[tuple[str, re.Pattern]]:
    """The cue lists of one side, each put into a sentence shape and compiled once."""
    return [(status, _compiled(shape, cue)) for status, cue in _cues(ctx, side)]


@functools.lru_cache(maxsize=None)
def _compiled(shape: str, cue: str) -> re.Pattern:
    if shape == "club_first":
        return re.compile(slot("C", "to") + gap(70) + _object_of(cue))
    if shape == "agent":
        return re.compile(slot("P", "agent") + gap(60) + _object_of(cue))
    return re.compile(slot("P", "p") + APPOSITIVE + gap(70) + r"(?P<cue>" + cue + r")" + gap(40) + slot("C", "to"))


# Words between a buyer's cue and a person that start another clause: "Pochettino wants a new number
# nine after the departure of Havertz" is not about wanting Havertz.
ANOTHER_CLAUSE = re.compile(r"\b(?:after|before|following|since|because|while|when|departure|exit|sale|loss|than)\b")


def _object_of(cue: str) -> str:
    """A buyer's cue and what it acts on: the person's club if named before them ("Roma defender"),
    then the person, and any more people listed with them."""
    return (r"(?P<cue>" + cue + r")" + gap(45) + r"(?:" + slot("C", "from")
            + r"(?:\s*'s)?\s+(?P<words>(?:[\w-]+\s+){0,3}?))?" + slot("P", "p") + PERSON_LIST)


def _club_first(frame: Frame, ctx: Context) -> list[Fact]:
    facts = []
    for status, pattern in _shapes(ctx, "club_first", "club_first"):
        for m in pattern.finditer(frame.text):
            between = frame.text[m.end("to"):m.start("cue")]
            if re.search(r"[.!?]\s", between):
                continue
            from_club = m["from"]
            if from_club is not None and m["words"] is not None and role_of(m["words"], ctx)[0] is None \
                    and m["words"].strip():
                continue
            if re.search(r"\bagainst\b|\bthe club (?:who|that|which)\b", between):
                continue  # "the Reds came up short against the club who are courting him": another subject
            span = frame.text[m.start("cue"):m.start("p")]
            if ANOTHER_CLAUSE.search(frame.text[m.end("cue"):m.start("p")]):
                continue
            if re.search(r"\b(?:new|fresh|improved)\s+(?:\w+[- ]year\s+)?(?:contract|deal|terms)\b|\bextension\b", span):
                continue  # "United are in talks over a new deal for X": keeping him, read as a contract
            if re.search(r"\b(?:bids?|offers?|approach|proposals?)\b", span) and \
                    re.match(r"\s+from\s+⟦C", frame.text[m.end("p"):]):
                continue  # "C1 accepted an offer for X from C2": the bidder is C2 (see _offers)
            if SELLER_REFUSAL.search(frame.text[m.end("to"):m.end("p") + 12]) or (
                    status == "rumour" and re.search(r"[£€$]\s?\d", span)):
                # "Wolves rejected an offer for X", "Blackburn want £6m for X": the seller speaking of its player
                person = frame.entity(m["p"])
                if person.startswith("person/"):
                    facts.append(Membership(person=person, evidence=frame.evidence, club=frame.entity(m["to"]),
                                            role=person_role(ctx, person), current=True, implied=True))
                continue
            if re.search(r"\b(?:(?:talks|negotiations|discussions|contact|agreement|terms)\s+with|contacted|"
                         r"approached|asked)\s*$", frame.text[:m.start("to")]):
                # "Bayern have reopened talks with Fulham over a deal for X", "Liverpool have contacted
                # Watford to register their interest in X": the club spoken to sells, the one before buys
                buyer = re.findall(r"⟦C(\d+)⟧", frame.text[:m.start("to")])
                if buyer and from_club is None:
                    facts += _link(frame, ctx, m["p"], buyer[-1], m["to"], _prospect(status, between, ctx), m.end())
                continue
            said = _prospect(status, between, ctx)
            # "Barcelona and Real Madrid have both been linked with X": every club of the list
            listed = re.search(r"((?:" + slot("C") + r"\s*(?:,|and|, and)\s*)+)$", frame.text[:m.start("to")])
            buyers = [m["to"], *(re.findall(r"⟦C(\d+)⟧", listed.group(1)) if listed else [])]
            for p in [m["p"], *re.findall(r"⟦P(\d+)⟧", m["more"] or "")]:
                for to in buyers:
                    facts += _link(frame, ctx, p, to, from_club, _status(said, between + m["cue"], ctx), m.end())
    return facts


PARTICIPLE = re.compile(r"^(?:after\s+|having\s+)(?:already\s+)?(?P<cue>bought|signed|signing|buying|landed|landing|"
                        r"snapped up|snapping up)\s+" + slot("P", "p") + r"(?:\s+from\s+" + slot("C", "from") + r")?"
                        r"[^⟦]{0,60},\s*" + slot("C", "to"))


REPLACE = re.compile(slot("P", "p") + r"(?P<lead>[^⟦]{0,60}?)\bto\s+(?:replace|succeed)\s+" + slot("P", "q"))
IMMINENT = re.compile(r"\b(?:favourite|frontrunner|front-runner|set|poised|in line|expected|lined up|close)\b")


SOLD = re.compile(slot("C", "from") + r"\s+(?:have\s+|has\s+)?(?:already\s+|also\s+|now\s+)?(?:sold|offloaded|loaned|loaned\s+out|released)\s+"
                  r"(?:(?:[a-z][\w-]*\s+){0,2}?)" + slot("P", "p") + r"\s+to\s+(?:the\s+)?" + slot("C", "to"))


def _sales(frame: Frame, ctx: Context) -> list[Fact]:
    """"Celtic sold Kyogo to Rennes for £10m": the seller first, the buyer after "to"."""
    facts = []
    for m in SOLD.finditer(frame.text):
        role = "LoanPlayerRole" if "loan" in m.group() else None
        facts += _link(frame, ctx, m["p"], m["to"], m["from"], "completed", m.end(), role)
    return facts


def _replacements(frame: Frame, ctx: Context) -> list[Fact]:
    """"Thomas Frank is the favourite to replace him": a link to the job of the one to be replaced."""
    facts = []
    for m in REPLACE.finditer(frame.text):
        club = ctx.current_club(frame.entity(m["q"]))
        if not club:
            continue
        status = "advanced" if IMMINENT.search(m["lead"]) else "rumour"
        if _negated(m["lead"], ctx):
            continue
        job = "ManagerRole" if person_role(ctx, frame.entity(m["q"])) == "ManagerRole" else None
        facts += _link_to(frame, ctx, m["p"], club, None, status, m.end(), job)
    return facts


def _participles(frame: Frame, ctx: Context) -> list[Fact]:
    """"Having already bought X from Madrid this summer, Sevilla ...": the subject comes after the comma."""
    facts = []
    for m in PARTICIPLE.finditer(frame.text):
        facts += _link(frame, ctx, m["p"], m["to"], m["from"], "completed", m.end())
    return facts


def _agents(frame: Frame, ctx: Context) -> list[Fact]:
    """A manager or director acting for his club: "Bolton boss Allardyce has signed Roma defender
    Candela", "Simeone delighted to sign Suarez from Barcelona". The club is the agent's own."""
    facts = []
    for status, pattern in _shapes(ctx, "club_first", "agent"):
        for m in pattern.finditer(frame.text):
            agent = frame.entity(m["agent"])
            club = ctx.current_club(agent)
            if not club or person_role(ctx, agent) not in ("ManagerRole", "ExecutiveRole") or agent == frame.entity(m["p"]):
                continue
            if m["from"] is not None and m["words"] and role_of(m["words"], ctx)[0] is None:
                continue
            if ANOTHER_CLAUSE.search(frame.text[m.end("cue"):m.start("p")]):
                continue
            between = frame.text[m.end("agent"):m.start("cue")]
            said = _prospect(status, between, ctx)
            for p in [m["p"], *re.findall(r"⟦P(\d+)⟧", m["more"] or "")]:
                facts += _link_to(frame, ctx, p, club, m["from"], _status(said, between + m["cue"], ctx), m.end())
    return facts


def _person_first(frame: Frame, ctx: Context) -> list[Fact]:
    facts = []
    for status, pattern in _shapes(ctx, "person_first", "person_first"):
        for m in pattern.finditer(frame.text):
            between = frame.text[m.end("p"):m.start("to")]
            if re.search(r"\bfrom\s*$", frame.text[:m.start("to")]):
                continue  # "interest from C" is the club first in disguise; handled as to-club below
            status_here = _prospect(status, frame.text[m.end("p"):m.start("cue")], ctx)
            after_cue = frame.text[m.end("cue"):m.start("to")]
            if CONTRACT_WORDS.search(after_cue) and not re.search(r"\b(?:join|move|switch|transfer)", after_cue):
                continue  # "X has signed a new three-year deal as C manager": a contract, not a move
            rest = frame.text[m.end("to"):]  # what follows the club's slot
            if re.match(r"(?:\s*'s)?\s+(?:[\w-]+\s+){0,3}?⟦P", rest) and role_of(rest.split("⟦P")[0], ctx)[0] \
                    and not m["cue"].endswith(" by"):
                continue  # "Allardyce has signed Roma defender Candela": the club is Candela's ("wanted by C coach Q" is C)
            facts += _link(frame, ctx, m["p"], m["to"], None, _status(status_here, between, ctx), m.end())
    return facts


OFFER = re.compile(r"(?P<verb>\w+(?:\s+\w+)?)?\s*(?:a|an|the|their|his)?\s*(?:[£€$]\S+\s+)?(?:\w+\s+){0,2}?"
                   r"(?P<noun>bids?|offers?|approach|approaches|interest|enquiry|enquiries|proposal|talks)\s+from\s+"
                   + slot("C", "to") + gap(30) + r"\b(?:for|in|over)\s+(?:(?:" + slot("C", "from")
                   + r"(?:\s*'s)?\s+(?:[\w-]+\s+){0,3}?)|(?:[a-z][\w-]*\s+){1,2}?)?" + slot("P", "p"))
# "Blackburn accepted a £5m offer for X from Everton": the bid named after the player
OFFER_FOR = re.compile(r"(?P<verb>\w+(?:\s+\w+)?)\s+(?:a|an|the|their|his)?\s*(?:[£€$]\S+\s+)?(?:\w+\s+){0,2}?"
                       r"(?P<noun>bids?|offers?|approach|proposals?)\s+for\s+" + slot("P", "p") + r"\s+from\s+"
                       + slot("C", "to"))
BID_WORD = re.compile(r"\b(?:bids?|offers?|approach|approaches|interest|enquiry|enquiries|proposals?|talks)\s+(?:from|for)\b")
OFFER_VERBS = {"rejected": "denied", "reject": "denied", "turned down": "denied", "snubbed": "denied",
               "knocked back": "denied", "rebuffed": "denied", "accepted": "agreed", "accept": "agreed"}
SELLER_REFUSAL = re.compile(r"\b(?:reject|rejected|rejects|turned down|turn down|knocked back|rebuffed)\b[^⟦]{0,30}"
                            r"\b(?:bid|bids|offer|offers|approach)\b")


COST = re.compile(slot("P", "p") + r"(?:\s*,\s*who\b(?:[^,⟦]|⟦[CLNXH]\d+⟧)*,)?\s+cost\s+" + slot("C", "to")
                  + r"\s+(?:(?:about|around|a reported|an initial|a fee of)\s+)?[£€$]\d")


LEFT_FOR = re.compile(slot("P", "p") + r"(?:[^⟦]|⟦H\d+⟧){0,20}?\b(?:left|quit|swapped|exchanged)\s+" + slot("C", "from")
                      + r"\s+for\s+(?:the\s+)?" + slot("C", "to"))


def _left_for(frame: Frame, ctx: Context) -> list[Fact]:
    """"Adams left Birmingham City for Southampton in 2019": a move, seller first."""
    return [fact for m in LEFT_FOR.finditer(frame.text)
            for fact in _link(frame, ctx, m["p"], m["to"], m["from"], "completed", m.end())]


def _fees_paid(frame: Frame, ctx: Context) -> list[Fact]:
    """"Trafford, who came through at Manchester City, cost Burnley £15m in 2023": a move the club paid for."""
    return [fact for m in COST.finditer(frame.text) for fact in _link(frame, ctx, m["p"], m["to"], None, "completed", m.end())]


def _offers(frame: Frame, ctx: Context) -> list[Fact]:
    """Bids named with their bidder: "Blackburn rejected a third bid from Rangers for X", "Blackburn
    accepted a £5m offer for X from Everton". The bidder is the club X would join; the club that
    answers the bid is the one X would leave."""
    facts = []
    if not BID_WORD.search(frame.text):
        return facts  # the patterns below backtrack a lot: run them only where a bid is spoken of
    for pattern in (OFFER, OFFER_FOR):
        for m in pattern.finditer(frame.text):
            said = frame.text[m.start():m.start("noun")]
            status = next((s for verb, s in OFFER_VERBS.items() if re.search(rf"\b{verb}\b", said)), None) or \
                ("rumour" if m["noun"] in ("interest", "enquiry", "enquiries") else "advanced")
            seller = re.search(slot("C", "c") + r"[^⟦]{0,40}$", frame.text[:m.start("noun")])
            from_slot = m.groupdict().get("from") or (seller["c"] if seller else None)
            if from_slot is not None and frame.entity(from_slot).startswith("team/") and seller:
                from_slot = seller["c"]
            facts += _link(frame, ctx, m["p"], m["to"], from_slot, status, m.end())
    return facts


def _prospect(status: str, between: str, ctx: Context) -> str:
    """A completed cue under intent or imminence is a prospect: "United want to ... by signing X",
    "Newcastle are in advanced talks to sign X". So is one under another status's own cue."""
    if status != "completed":
        return status
    table = ctx.lexicon.cues.get("prospect", {})
    transfer = ctx.lexicon.cues.get("transfer", {})
    for said in ("advanced", "rumour"):
        words = (*table.get(said, []), *transfer.get("club_first", {}).get(said, []),
                 *transfer.get("person_first", {}).get(said, []))
        if re.search(cue_pattern(tuple(words)), between):
            return said
    return status


def _negated(text: str, ctx: Context) -> bool:
    return re.search(cue_pattern(tuple(ctx.lexicon.cues.get("negation", {}).get("words", []))), text) is not None


def _status(status: str, text: str, ctx: Context) -> str:
    """A cue under a negation ("will not join", "won't sign") is a denial."""
    if status in ("rumour", "advanced", "completed") and _negated(text, ctx):
        return "denied"
    return status


def _history_year(frame: Frame, ctx: Context, end: int) -> int | None:
    """The year a move is dated to in its sentence ("in 2019", "that summer" of a 2018-19 season), if earlier
    than the article's."""
    if ctx.article.date is None:
        return None
    when = re.search(r"\b(?:in|during)\s+(?:the\s+)?(?:\w+\s+){0,2}?((?:19|20)\d{2})\b(?!\s*[-/])",
                     frame.text[max(0, end - 60):end + 60])
    if when and int(when.group(1)) < ctx.article.date.year:
        return int(when.group(1))
    if re.search(r"\blast\s+(?:summer|year|january)\b", frame.text[max(0, end - 60):end + 60]):
        return ctx.article.date.year - 1
    if re.search(r"\bthat\s+(?:summer|season|year|january|window)\b", frame.text):
        # "that summer": the year the story has reached
        year = ctx.story_years[frame.index]
        return year if year is not None and year < ctx.article.date.year else None
    if NOW.search(frame.text):
        return None
    before = years_in(frame.text[:end])
    if before:
        # "turned down Chelsea in the summer of 2020 - so instead he moved to Rennes": the story's year
        return max(before) if max(before) < ctx.article.date.year and not years_in(frame.text[end:]) else None
    return _narrative_year(frame, ctx) if not years_in(frame.text) else None


# Words that put a sentence in the article's present, whatever the sentences before it told.
NOW = re.compile(r"\b(?:has|have|is|are|will|now(?!\s+(?:about\s+)?[£€$])|currently|recently|today|yesterday|tonight|this\s+(?:summer|season|"
                 r"week|month|year|window|morning|evening)|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|"
                 r"sunday))\b|'s\s+(?:been|joined|signed)")


def _narrative_year(frame: Frame, ctx: Context) -> int | None:
    """The year a career story has reached when a move is told with no date of its own, if at least
    two years before the article's ("in the 2014-15 campaign ... he was sent on loan to Auxerre in
    January"); "last summer" said just before counts too."""
    this_year = ctx.article.date.year
    if frame.index and re.search(r"\blast\s+(?:summer|season|year|january)\b", ctx.frames[frame.index - 1].text):
        return this_year - 1
    year = ctx.story_years[frame.index]
    return year if year is not None and year <= this_year - 2 else None


def _told_as_history(frame: Frame, ctx: Context, end: int) -> bool:
    return _history_year(frame, ctx, end) is not None or bool(
        re.search(r"\blast\s+(?:summer|season|year)\b", frame.text[max(0, end - 60):end + 60]))


def _link(frame: Frame, ctx: Context, p: str, to: str, from_slot: str | None, status: str,
          end: int, role: str | None = None) -> list[Fact]:
    return _link_to(frame, ctx, p, frame.entity(to), from_slot, status, end, role)


def _link_to(frame: Frame, ctx: Context, p: str, to_club: str, from_slot: str | None, status: str,
             end: int, known_role: str | None = None) -> list[Fact]:
    """The facts of one link: the TransferLink, and for a completed or unfinished move the spells it implies.

    ``known_role`` is what the move is for when the shape that found it says so (a loan, a coaching job).
    """
    person = frame.entity(p)
    if not person.startswith("person/") or to_club == "" or to_club.startswith("country/"):
        return []
    from_club = frame.entity(from_slot) if from_slot is not None else None
    tail = frame.text[end:end + 80]
    later = re.search(r"\bfrom\s+" + slot("C", "c"), tail)
    if later:
        from_club = frame.entity(later["c"])
    if from_club is None:
        pre = re.search(r"(?P<former>\b(?:former|ex-?)\s*)?" + slot("C", "c") + r"(?:\s*'s)?\s+(?P<words>(?:[\w-]+\s+){0,3}?)⟦P"
                        + str(frame.number(p)) + "⟧", frame.text)
        if pre and role_of(pre["words"], ctx)[0] and not pre["former"]:  # "former Gateshead boss X" left long ago
            from_club = frame.entity(pre["c"])
    if from_club == to_club or (from_club or "").startswith(("team/", "country/")) and not to_club.startswith("team/"):
        from_club = None  # "former US international X" moving between clubs: the national side is not left
    role = None
    if re.search(r"(?<!another )\bloan", frame.text[:end + 30]):  # not a loan said of another deal later on
        role = "LoanPlayerRole"
    if re.search(r"\b(?:manager|head coach|boss|coach|coaching|in charge|the reins|job|dugout|bench)\b", frame.text) \
            and person_role(ctx, person) == "ManagerRole":
        role = "ManagerRole"
    elif MANAGER_JOB.search(frame.text):
        role = "ManagerRole"
    elif status == "completed" and re.search(r"\b(?:appoint|appointed|appoints|appointment|named|installed)\b",
                                             frame.text) and not re.search(
            r"\bas\s+(?:the\s+|their\s+|new\s+)*(?:sporting|technical|football|chief|director|president|chairman|"
            r"captain|ambassador|scout)", frame.text):
        role = "ManagerRole"  # clubs appoint managers; players are signed
    role = known_role or role
    fee = currency = None
    amounts = money(frame.sentence.text)
    if amounts and status in ("completed", "agreed", "advanced", "denied") and re.search(
            r"\b(?:fee|deal|bid|offer|transfer|move|signing|switch|worth|for)\b", frame.text):
        fee, currency = amounts[0][0], amounts[0][1]
    outlets = tuple(sorted({s.entity for s in frame.slots if s.entity and s.entity.startswith("outlet/")
                            or (s.entity or "").startswith("person/") and ctx.lexicon.entries.get(s.entity)
                            and ctx.lexicon.entries[s.entity].kind == "Journalist"}))
    facts: list[Fact] = [TransferLink(person=person, evidence=frame.evidence, to_club=to_club, from_club=from_club,
                                      status=status, role=role, fee=fee, currency=currency, reported_by=outlets)]
    if status == "completed" and _told_as_history(frame, ctx, end):
        # "X joined Schalke in 2019": a career's past step, not this article's move; the spell carries it
        year = _history_year(frame, ctx, end)
        joined = role if role in ("ManagerRole", "LoanPlayerRole") else person_role(ctx, person)
        spells = [Membership(person=person, evidence=frame.evidence, club=to_club, role=joined, current=True,
                             start=year, implied=True)]
        if from_club:
            spells.append(Membership(person=person, evidence=frame.evidence, club=from_club, role=joined,
                                     current=False, end=year, implied=True))
        return spells
    if status == "completed":
        joined = "ManagerRole" if role == "ManagerRole" else ("LoanPlayerRole" if role == "LoanPlayerRole"
                                                             else person_role(ctx, person))
        year = ctx.article.date.year if ctx.article.date else None
        facts.append(Membership(person=person, evidence=frame.evidence, club=to_club, role=joined, current=True,
                                start=year, implied=True))
        if from_club:
            left = joined if joined != "LoanPlayerRole" else "PlayerRole"
            loan = role == "LoanPlayerRole"
            facts.append(Membership(person=person, evidence=frame.evidence, club=from_club, role=left,
                                    current=loan, end=None if loan else year, implied=True))
    elif from_club:
        # "X has agreed a move to A from B", "B rejected a bid from A for X": until a move is done, X is still at B
        facts.append(Membership(person=person, evidence=frame.evidence, club=from_club,
                                role="ManagerRole" if role == "ManagerRole" else person_role(ctx, person),
                                current=True, implied=True))
    return facts


def _exits(frame: Frame, ctx: Context) -> list[Fact]:
    """Sackings and resignations: a past managerial spell ending at the article's date."""
    cues = ctx.lexicon.cues.get("exit", {})
    year = ctx.article.date.year if ctx.article.date else None
    facts: list[Fact] = []
    club_first = slot("C", "c") + gap(50) + r"(?P<cue>" + cue_pattern(tuple(cues.get("club_first", {}).get("words", []))) \
        + r")" + gap(40) + slot("P", "p")
    person_first = slot("P", "p") + gap(40) + r"(?P<cue>" + cue_pattern(tuple(cues.get("person_first", {}).get("words", []))) \
        + r")" + r"(?P<mid>" + gap(40) + r")" + slot("C", "c")
    they = r"\bthey\s+(?:have\s+|had\s+)?(?P<cue>sacked|fired|dismissed|axed)\s+" + slot("P", "p")
    for m in re.finditer(they, frame.text):
        subject = re.match(r"^(?:[^⟦]{0,20})" + slot("C", "c"), frame.text)  # the club the sentence opens with
        if subject:
            facts.append(Membership(person=frame.entity(m["p"]), evidence=frame.evidence,
                                    club=frame.entity(subject["c"]), role="ManagerRole", current=False, end=year))
    passive = slot("P", "p") + r"(?:\s*,\s*who)?\s+(?:has|have|had)?\s*(?:been|was|were)\s+" \
        r"(?P<cue>sacked|fired|dismissed|axed|relieved)\b"
    for m in re.finditer(passive, frame.text):
        clubs = [frame.entity(n) for n in re.findall(r"⟦C(\d+)⟧", frame.text) if frame.entity(n).startswith("club/")]
        club = clubs[0] if len(set(clubs)) == 1 else (ctx.current_club(frame.entity(m["p"])) or
                                                      (ctx.main_club() if not clubs else None))
        if club and not re.match(r"[^⟦]{0,40}⟦C", frame.text[m.end():]):  # with a club after, read below
            facts.append(Membership(person=frame.entity(m["p"]), evidence=frame.evidence, club=club,
                                    role="ManagerRole", current=False, end=year))
    for pattern in (club_first, person_first):
        for m in re.finditer(pattern, frame.text):
            person = frame.entity(m["p"])
            if re.search(r"\bthey\s+(?:have\s+|had\s+)?$", frame.text[:m.start("cue")]) or \
                    re.search(r"(?:rivals?|against|beat|over|to)\s+$", frame.text[:m.start()]):
                continue  # "rivals Barcelona ... when they sacked X": read above, with the sentence's subject
            role = person_role(ctx, person)
            sacking = re.search(r"\b(?:sack|fire|dismiss|axe)", m["cue"])  # clubs sack managers, not players
            if not sacking and role != "ManagerRole" and not re.search(r"\b(?:manager|coach|boss|head coach)\b",
                                                                       frame.text):
                continue
            if re.search(r"\b(?:could|might|may|would|if|whether)\b", frame.text[:m.start("cue")][-40:]):
                continue
            facts.append(Membership(person=person, evidence=frame.evidence, club=frame.entity(m["c"]),
                                    role="ManagerRole", current=False, end=year))
    return facts
