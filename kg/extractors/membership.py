"""Memberships: current and past spells of players, managers, staff and executives at clubs.

Shapes read (P person, C club):
- "C defender P", "former C boss P", "C's P"          a role word between club and person
- "P, the C captain," / "P, the former C boss,"       apposition
- "the former C boss" (a description resolved to P)
- "P left C in June 2015", "P spent three years in C's youth system from 2008 to 2011",
  "his five years with C", "made 203 appearances for C", "P was in charge of C"
- "P succeeded Q as C manager", "P took over at C", "appointed P as manager"
"""
from __future__ import annotations

import functools
import re

from kg.extractors.frame import APPOSITIVE, MONTH, MONTHS, YEAR, Context, Frame, cue_pattern, gap, season_end, slot, years_in
from kg.facts import CLUB_OF, RUNNING_SPELL, Fact, Membership



def role_of(words: str, ctx: Context) -> tuple[str | None, bool]:
    """The fkg role named by the last words before a name, and whether they mark a past tie."""
    lexicon = ctx.lexicon
    tokens = [w.strip(",.'\"") for w in words.split() if w.strip(",.'\"")]
    for n in range(min(4, len(tokens)), 0, -1):
        phrase = " ".join(tokens[-n:])
        if phrase in lexicon.roles:
            return lexicon.roles[phrase], phrase in lexicon.past_role_words
        if phrase in lexicon.positions:
            return "PlayerRole", False
    return None, False


def person_role(ctx: Context, person: str) -> str:
    """A person's usual role in this article: ManagerRole if the article calls them a manager."""
    info = ctx.resolved.persons.get(person)
    roles = info.roles if info else {}
    manager, player, executive = (roles.get(r, 0) for r in ("manager", "player", "executive"))
    # a tie goes to the job: ex-players who manage are called players of their past
    if manager and manager >= player and manager >= executive:
        return "ManagerRole"
    if executive > player and executive > manager:
        return "ExecutiveRole"
    return "PlayerRole"


def extract(ctx: Context) -> list[Fact]:
    facts: list[Fact] = []
    for frame in ctx.frames:
        facts += _managed_by(frame, ctx)
        facts += _brought_to(frame, ctx)
        facts += _counterparts(frame, ctx)
        facts += _premodified(frame, ctx)
        facts += _bare_roles(frame, ctx)
        facts += _descriptions(frame, ctx)
        facts += _past_spells(frame, ctx)
        facts += _succession(frame, ctx)
        facts += _holders(frame, ctx)
        facts += _departed(frame, ctx)
        facts += _takeovers(frame, ctx)
        facts += _subject_left(frame, ctx)
        facts += _since(frame, ctx)
        facts += _squad_lists(frame, ctx)
        facts += _present_spells(frame, ctx)
    return facts


PAST_PREFIX = r"(?P<former>former|ex-|ex|one-time|erstwhile|then-)?\s*"
# Words that cannot stand between a club and the role it gives a name ("Chelsea defender X").
CLAUSE_WORDS = re.compile(r"\b(?:for|from|to|by|with|of|at|in|on|and|or|but|have|has|had|are|is|was|were|will|would|"
                          r"could|said|says|sign|signed|signs|want|wants|wanted|rejected|beat|against)\b")


def _premodified(frame: Frame, ctx: Context) -> list[Fact]:
    """"C defender P", "former C boss P", "C's P", "P, the C captain"."""
    facts = []
    before = PAST_PREFIX + slot("C", "c") + r"(?P<poss>\s*'s)?\s+(?P<words>(?:[\w-]+\s+){0,3}?)" + slot("P", "p")
    for m in re.finditer(before, frame.text):
        if CLAUSE_WORDS.search(m["words"]) and " ".join(m["words"].split()) not in ctx.lexicon.roles:
            continue  # "a bid from Sheffield United for defender X": the club is not X's ("director of sport" is)
        role, past = role_of(m["words"], ctx)
        if role is None and not (m["poss"] and not m["words"].strip()):
            continue
        if role is None:
            role = "PlayerRole"  # "Everton's Thomas Gravesen"
        facts.append(_membership(frame, m["p"], m["c"], role, current=not (m["former"] or past)))
    after = (slot("P", "p") + r"\s*,\s+(?P<then>then\s+|who\s+was\s+|who\s+had\s+been\s+)?(?:(?:the|a|an)\s+)?" + PAST_PREFIX
             + r"(?:[\w-]+\s+){0,2}?" + slot("C", "c")
             + r"(?:\s*'s)?\s+(?P<words>(?:[\w-]+\s*){1,3})")
    for m in re.finditer(after, frame.text):
        # the longest run of the words from the start that ends in a role: "P, a Chelsea academy graduate who ..."
        words = m["words"].split()
        role, past = next((found for n in range(len(words), 0, -1)
                           if (found := role_of(" ".join(words[:n]), ctx))[0] is not None), (None, False))
        if role is not None:
            facts.append(_membership(frame, m["p"], m["c"], role, current=not (m["former"] or past or m["then"])))
    # "C ... with president P": an executive named near the club
    execs = slot("C", "c") + gap(40) + r"\b(?P<words>president|chairman|owner|chief executive|sporting director)\s+" \
        + slot("P", "p")
    for m in re.finditer(execs, frame.text):
        facts.append(_membership(frame, m["p"], m["c"], "ExecutiveRole", current=True))
    return facts


def _descriptions(frame: Frame, ctx: Context) -> list[Fact]:
    """"the former Liverpool boss", "the former France manager" resolved to a person: a spell there."""
    facts = []
    for m in frame.slots:
        if m.kind != "description" or not (m.entity or "").startswith("person/") or not m.info.get("role"):
            continue
        club = m.info["club"].entity if m.info.get("club") is not None else None
        if club is None and m.info.get("national") and m.info.get("country"):
            club = ctx.lexicon.national_teams.get(m.info["country"])
        for other in m.info.get("more_clubs", []):  # "the former Roma and Stuttgart ace"
            if other.entity:
                facts.append(Membership(person=m.entity, evidence=frame.evidence, club=other.entity,
                                        role=m.info["role"], current=not m.info.get("former")))
        if club:
            at = frame.text.find(f"⟦P{frame.slots.index(m)}⟧")
            after = frame.text[at:at + 80]
            span = re.search(rf"\b(?:between|from)\s+({YEAR})\s+(?:and|to|until)\s+({YEAR})", after)
            past = bool(m.info.get("former") or span or re.search(r"\b(?:was|were|had been)\s*$", frame.text[:at]))
            facts.append(Membership(person=m.entity, evidence=frame.evidence, club=club, role=m.info["role"],
                                    current=not past, start=int(span.group(1)) if span else None,
                                    end=int(span.group(2)) if span else None))
    return facts


BARE_ROLE = re.compile(r"(?:^|(?<=[\s(,;]))(?<!⟦)(?P<former>former\s+|ex-?\s*)?\(?(?P<words>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})"
                       r"\)?\s+" + slot("P", "p"))
IN_CHARGE = re.compile(slot("P", "p") + r"(?:(?!\band\b|,)[^⟦]){0,40}\b(?:in\s+(?:temporary|interim|caretaker)\s+charge|"
                       r"(?:temporary|interim|caretaker)\s+(?:manager|boss|head coach|coach)|took\s+(?:temporary\s+)?charge)")
OPPONENT = r"\b(?:beat|beating|against|over|versus|vs|v|defeat|defeated|drew with|draw with|lost to|loss to)\s+" \
    r"(?:(?:[\w-]+|⟦[LNX]\d+⟧)\s+){0,3}?(?:the\s+)?"
SIDE_OF = re.compile(slot("P", "p") + r"\s*'s\s+(?:side|team|men|squad|charges)\b")
# "Ancelotti's Real Madrid side": the manager's club named inside
NAMED_SIDE_OF = re.compile(slot("P", "p") + r"\s*'s\s+" + slot("C", "c") + r"\s+(?:side|team|squad)\b")
# "X has signed a new deal as C manager", "X was named C caretaker manager in February 2019"
AS_ROLE = re.compile(slot("P", "p") + r"(?:[^⟦]|⟦H\d+⟧){0,60}?\b(?:as|named|appointed|installed|confirmed as|made)\s+(?:the\s+)?"
                     r"(?:new\s+|permanent\s+)?" + slot("C", "c") + r"(?:\s*'s)?\s+(?P<words>(?:[\w-]+\s*){1,3})")


def _bare_roles(frame: Frame, ctx: Context) -> list[Fact]:
    """Club jobs named without the club: "(chairman) Daniel Levy", "Assistant coach X has been put in
    temporary charge", "Ancelotti's side". The club is the sentence's only club, else the article's."""
    clubs = {s.entity for s in frame.slots if (s.entity or "").startswith("club/")}
    facts = []
    for m in AS_ROLE.finditer(frame.text):
        role, past = role_of(m["words"], ctx)
        if role is None:
            role, past = role_of(" ".join(m["words"].split()[:2]), ctx)
        if role is not None:
            when = re.match(rf"(?:[\w-]+\s+){{0,3}}?in\s+(?:{MONTH}\s+)?({YEAR})\b", frame.text[m.start("words"):])
            facts.append(_membership(frame, m["p"], m["c"], role, current=not past,
                                     start=int(when.group(1)) if when else None))
    club = next(iter(clubs)) if len(clubs) == 1 else ctx.main_club()
    allies = [s for i, s in enumerate(frame.slots) if (s.entity or "").startswith("club/") and not re.search(
        OPPONENT + r"\s*$", frame.text[:frame.text.find(f"⟦C{i}⟧")])]
    if not allies:
        club = ctx.main_club()  # the only clubs named are opponents ("a match against Charlton")
    for m in BARE_ROLE.finditer(frame.text):
        if re.search(r"⟦C\d+⟧(?:\s*'s)?\s*$", frame.text[:m.start()]):
            continue  # "Chelsea chairman X" is read with its club by _premodified
        role, past = role_of(m["words"], ctx)
        nearest = [n for n in re.findall(r"⟦C(\d+)⟧", frame.text[:m.start()])
                   if any(a is frame.slots[int(n)] for a in allies)]
        # "from Barcelona, where he ... by new coach Koeman": the nearest club before the role is his
        here = frame.entity(nearest[-1]) if nearest and frame.entity(nearest[-1]).startswith("club/") else \
            (allies[0].entity if len({a.entity for a in allies}) == 1 else ctx.main_club())
        if here and role in ("ExecutiveRole", "CoachingStaffRole", "ManagerRole") and not past:
            facts.append(Membership(person=frame.entity(m["p"]), evidence=frame.evidence, club=here, role=role,
                                    current=not m["former"]))
    for m in NAMED_SIDE_OF.finditer(frame.text):
        then = [y for y in years_in(frame.text) if ctx.article.date and y < ctx.article.date.year]
        past = bool(then or re.search(r"\b(?:was|were|had been)\b", frame.text[:m.start()]))
        facts.append(_membership(frame, m["p"], m["c"], "ManagerRole", current=not past))
    for pattern in (IN_CHARGE, SIDE_OF):
        for m in pattern.finditer(frame.text):
            person = frame.entity(m["p"])
            # "X's side": X's own club, or the one club of the sentence that is not an opponent
            if re.search(OPPONENT + r"$", frame.text[:m.start()]):
                continue  # "ahead of their opener against Klopp's men": the other side
            own = ctx.current_club(person) or (allies[0].entity if len({a.entity for a in allies}) == 1 else None) \
                or (club if pattern is IN_CHARGE else None) or (_players_club(frame, person) if not allies else None)
            if own:
                facts.append(Membership(person=person, evidence=frame.evidence, club=own, role="ManagerRole",
                                        current=True))
    return facts


def _players_club(frame: Frame, manager: str) -> str | None:
    """"Thiago will wear the No 6 shirt for Jurgen Klopp's side": the side is the club the sentence's
    one other person plays for now (placed by reconcile()); not in a sentence told in the past."""
    others = {s.entity for s in frame.slots if (s.entity or "").startswith("person/") and s.entity != manager}
    if len(others) != 1 or re.search(r"\b(?:was|were|had)\b", frame.text):
        return None
    return CLUB_OF + others.pop()


# Cues that say which job a past spell was, whatever the person's usual role.
PLAYING_CUES = {"played for": "PlayerRole", "appearances for": "PlayerRole", "games for": "PlayerRole",
                "matches for": "PlayerRole", "turned out for": "PlayerRole", "featured for": "PlayerRole",
                "managed": "ManagerRole", "coached": "ManagerRole", "was in charge of": "ManagerRole"}


@functools.lru_cache(maxsize=None)
def _past_spell_pattern(words: tuple[str, ...]) -> re.Pattern:
    # "had"/"won" count only before years ("had seven years at"): they are matched after the others,
    # so that "he later had spells at C" is read by "spells at"
    cues = cue_pattern(tuple(w for w in words if w not in ("had", "won"))) + "|" + cue_pattern(
        tuple(w for w in words if w in ("had", "won"))) + r"(?=(?:[^⟦]|⟦H\d+⟧){0,30}\b(?:years?|seasons?)\b)"
    return re.compile(slot("P", "p") + APPOSITIVE + gap(60) + r"(?P<cue>" + cues + r")" + gap(50)
                      + slot("C", "c") + r"(?P<more>(?:(?:\s*,\s*(?:who|which|where)\b(?:[^⟦,]|⟦[PH]\d+⟧){0,60})?"
                      r"\s*(?:,|and)\s*(?:the\s+)?" + slot("C") + r")*)(?P<tail>[^⟦]{0,60})")


def _past_spells(frame: Frame, ctx: Context) -> list[Fact]:
    """Spells the text puts in the past, with years and appearances where it gives them."""
    facts = []
    pattern = _past_spell_pattern(tuple(ctx.lexicon.cues.get("former", {}).get("words", [])))
    for m in pattern.finditer(frame.text):
        cue = m["cue"]
        between = frame.text[m.end("p"):m.start("c")]
        if re.search(r"\b(?:will|would|could|set to|to join|future|next|plan)\b", between) or \
                re.search(r"\b(?:should|if|will|would|could)\s*$", frame.text[:m.start("p")]):
            continue  # "bonuses should he win honours during his time at Anfield": a time to come
        if cue == "former":
            continue  # handled by the role-word shapes, which know the role
        person = frame.entity(m["p"])
        role = PLAYING_CUES.get(cue) or person_role(ctx, person)
        window = frame.text[m.start("cue"):m.end("tail")]
        if role == "ManagerRole" and re.search(r"\b(?:playing career|played|appearances|goals|caps)\b",
                                               frame.text[m.start("cue"):m.end() + 80]):
            role = "PlayerRole"  # a manager's spells "where he finished his playing career"
        # "X has made 150 appearances for C (since coming through their academy)": a spell still running
        running = cue in ("appearances for", "games for", "matches for") and bool(
            re.search(r"\b(?:has|have)\s+(?:now\s+)?(?:made|played)\b", between))
        if running:
            role = "PlayerRole"
        elif re.search(cue_pattern(ctx.lexicon.youth_words), window):
            role = "YouthPlayerRole"
        elif re.search(r"\bin charge\b|\bmanaged\b|\bcoached\b", cue):
            role = "ManagerRole"
        elif re.search(r"\bloan\b", window):
            role = "LoanPlayerRole"
        start = end = appearances = None
        span = re.search(rf"from ({YEAR}) (?:to|until) ({YEAR})|between ({YEAR}) and ({YEAR})|({YEAR})\s*-\s*({YEAR})",
                         window)
        short = re.search(rf"\b({YEAR})\s*-\s*(\d{{2}})\b", window)
        if span:
            ys = [int(y) for y in span.groups() if y]
            start, end = ys[0], ys[1]
        elif short:
            start, end = int(short.group(1)), season_end(short.group(1), short.group(2))
        elif cue in ("left", "leaving", "departed", "released by", "quit"):
            season = re.search(rf"({YEAR})\s*/\s*(\d{{2}}|{YEAR})", m["tail"][:45])
            ys = years_in(m["tail"][:30])
            end = (season_end(season.group(1), season.group(2)) if season else ys[0] if ys else None)
        apps = re.search(r"\b(\d+) (?:appearances|games|matches|outings)\b", frame.text)
        if apps and re.search(r"appearances for|games for|made", frame.text):
            appearances = int(apps.group(1))
        clubs = [m["c"], *re.findall(r"⟦C(\d+)⟧", m["more"] or "")]
        coached = re.match(r"\s*and\s+(?:later\s+|then\s+|also\s+)?(?:coached|managed)\s+(?:the\s+side|them|the\s+club|"
                           r"the\s+team)\b", m["tail"])
        for c in clubs:
            if coached:  # "played for Ajax and coached the side ... between 1965-71"
                facts.append(_membership(frame, m["p"], c, "PlayerRole", current=False, appearances=appearances))
                facts.append(_membership(frame, m["p"], c, "ManagerRole", current=False, start=start, end=end))
                continue
            facts.append(_membership(frame, m["p"], c, role, current=running, start=start, end=end,
                                     appearances=appearances))
    return facts + _appearances_told_after(frame, ctx)


APPEARANCES_ALONE = re.compile(slot("P", "p") + r"\s+(?:has\s+|had\s+)?(?:made|played|racked up|clocked up|amassed)\s+"
                               r"(?:\w+\s+)?(?P<n>\d+)\s+(?:appearances|games|matches|outings)\b(?!\s+for\b)")


def _appearances_told_after(frame: Frame, ctx: Context) -> list[Fact]:
    """"X was a hit at Chelsea during his five years there. He made 203 appearances": the count belongs
    to the one club of the sentence before, when this sentence names none."""
    m = APPEARANCES_ALONE.search(frame.text)
    if not m or "⟦C" in frame.text or frame.index == 0:
        return []
    before = ctx.frames[frame.index - 1]
    clubs = {s.entity for s in before.slots if (s.entity or "").startswith("club/")}
    person = frame.entity(m["p"])
    if len(clubs) != 1 or person not in {s.entity for s in before.slots}:
        return []
    past = re.search(r"\b(?:was|were|had|spent|left|former|during)\b", before.text)
    return [Membership(person=person, evidence=frame.evidence, club=clubs.pop(), role=person_role(ctx, person),
                       current=not past, appearances=int(m["n"]))]


PEOPLE = r"(?P<people>" + slot("P") + r"(?:\s*(?:,|and|, and)\s*" + slot("P") + r")*)"
DEPARTED = re.compile(r"\b(?:departures?|exits?|sales?|loss|losses|release)\s+of\s+" + PEOPLE
                      + r"(?:\s+to\s+(?:the\s+)?" + slot("C", "dest") + r")?")


SINCE = re.compile(slot("P", "p") + r"(?:[^⟦]|⟦[CLX]\d+⟧){0,140}?\b(?P<since>since\s+(?:joining|arriving|his\s+arrival|taking\s+over)\s*(?:in\s+)?|"
                   r"began\s+(?:his|her|⟦H\d+⟧)\s+(?:current\s+)?(?:role|job|spell|tenure|reign)\s+in\s+|"
                   r"(?:has\s+been|was\s+appointed|took\s+over|took\s+charge)[^⟦.]{0,30}?\s(?:in|since)\s+)"
                   r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?"
                   rf"(?P<year>{YEAR})\b")


def _since(frame: Frame, ctx: Context) -> list[Fact]:
    """"X ... since joining in 2018", "the German began his current role in October 2015": when the
    person's running spell at their club began."""
    facts = []
    for m in SINCE.finditer(frame.text):
        person = frame.entity(m["p"])
        clubs = [frame.entity(n) for n in re.findall(r"⟦C(\d+)⟧", frame.text) if frame.entity(n).startswith("club/")]
        # "100 games for Leeds since joining in 2018": the club just before the cue
        just_before = re.search(slot("C", "c") + r"[^⟦]{0,12}$", frame.text[:m.start("since")])
        club = (frame.entity(just_before["c"]) if just_before and frame.entity(just_before["c"]).startswith("club/")
                else None) or ctx.current_club(person) or (clubs[0] if len(set(clubs)) == 1 else None) or RUNNING_SPELL
        if person.startswith("person/"):
            facts.append(Membership(person=person, evidence=frame.evidence, club=club, role=person_role(ctx, person),
                                    current=True, start=int(m["year"])))
    return facts


SUBJECT_LEFT = re.compile(r"\b(?:(?:when|after|since|before|on)\s+leaving|(?:move|switch|transfer|arrival)\s+from|"
                          r"joined\s+from|signed\s+from)\s+(?:the\s+)?" + slot("C", "c") + r"(?P<tail>[^⟦]{0,30})")


def _subject_left(frame: Frame, ctx: Context) -> list[Fact]:
    """"X ... when leaving Chelsea in June 2022", "X ... following a £2.2m move from Chelsea": the
    clause is about the sentence's one person, who was at that club before."""
    people = {frame.entity(n) for n in re.findall(r"⟦P(\d+)⟧", frame.text)}
    people.discard("")
    if len(people) != 1:
        return []
    person = next(iter(people))
    facts = []
    for m in SUBJECT_LEFT.finditer(frame.text):
        if frame.text.find("⟦P") > m.start():
            continue  # the person comes after: "a move from C for X" is someone else's clause
        season = re.search(rf"({YEAR})\s*/\s*(\d{{2}}|{YEAR})", m["tail"])
        years = years_in(m["tail"])
        end = season_end(season.group(1), season.group(2)) if season else (years[0] if years and "leaving" in m.group() else None)
        facts.append(Membership(person=person, evidence=frame.evidence, club=frame.entity(m["c"]),
                                role=person_role(ctx, person), current=False, end=end))
    return facts


SQUAD_LIST = re.compile(r"\b(?:the likes of|including|such as)\s+" + r"(?P<people>" + slot("P")
                        + r"(?:\s*(?:,|and|, and)\s*" + slot("P") + r")*)(?P<tail>[^⟦]{0,25})")


def _squad_lists(frame: Frame, ctx: Context) -> list[Fact]:
    """"join the likes of A, B and C in their ranks", "a squad including A, B and C": current players
    of the club the sentence is about."""
    if not re.search(r"\b(?:ranks|squad|dressing room|team-mates|teammates|their current \w+)\b", frame.text):
        return []
    facts = []
    for m in SQUAD_LIST.finditer(frame.text):
        # the club the sentence is about: the last one named before the list, else the article's
        before = [frame.entity(n) for n in re.findall(r"⟦C(\d+)⟧", frame.text[:m.start()])
                  if frame.entity(n).startswith("club/")]
        club = before[-1] if before else ctx.main_club()
        if not club:
            continue
        for n in re.findall(r"⟦P(\d+)⟧", m["people"]):
            facts.append(Membership(person=frame.entity(n), evidence=frame.evidence, club=club, role="PlayerRole",
                                    current=True))
    return facts


def _takeovers(frame: Frame, ctx: Context) -> list[Fact]:
    """"X took over at Liverpool", "X took charge of C in 2019": a managerial spell that is running."""
    cues = cue_pattern(tuple(ctx.lexicon.cues.get("takeover", {}).get("words", [])))
    facts = []
    for m in re.finditer(slot("P", "p") + gap(30) + r"(?P<cue>" + cues + r")\s+(?:the\s+)?" + slot("C", "c")
                         + r"(?P<tail>[^⟦]{0,40})", frame.text):
        if re.search(r"\b(?:could|would|might|may|set to|poised to|will|wants to|hopes to)\s*$",
                     frame.text[m.end("p"):m.start("cue")]):
            continue  # a prospect, read as a transfer link
        start = _season_year(m["tail"], ctx) if re.match(r"\s*in\s", m["tail"]) else None
        past = bool(re.search(r"\bwas in charge\b", m.group()))
        facts.append(_membership(frame, m["p"], m["c"], "ManagerRole", current=not past, start=start))
    return facts


def _departed(frame: Frame, ctx: Context) -> list[Fact]:
    """"Following the departures of A and B last summer, Madrid ...": past spells at the sentence's club."""
    facts = []
    for m in DEPARTED.finditer(frame.text):
        # the club left: the one the sentence names other than where they went ("... of Havertz to Arsenal")
        clubs = {s.entity for s in frame.slots if (s.entity or "").startswith("club/")} - (
            {frame.entity(m["dest"])} if m["dest"] else set())
        club = next(iter(clubs)) if len(clubs) == 1 else ctx.main_club()
        if not club:
            continue
        end = _season_year(frame.text[m.end():m.end() + 30], ctx)
        dated = re.search(rf"\bin\s+(?:{MONTH}\s+)?({YEAR})\s*,?\s*(?:following|after)?\s*(?:the\s+)?$", frame.text[:m.start()])
        if end is None and dated:  # "named caretaker in February 2019 following the departure of X"
            end = int(dated.group(1))
        for p in re.findall(r"⟦P(\d+)⟧", m["people"]):
            person = frame.entity(p)
            role = person_role(ctx, person)
            info = ctx.resolved.persons.get(person)
            if role == "PlayerRole" and not (info and info.roles) and re.search(
                    r"\b(?:manager|head coach|boss|coach)\b(?!\s+⟦P)", frame.text):
                role = "ManagerRole"  # "named caretaker manager following the departure of X"
            facts.append(Membership(person=person, evidence=frame.evidence, club=club, role=role, current=False,
                                    end=end))
    return facts


def _season_year(text: str, ctx: Context) -> int | None:
    """The year of "last summer", "this summer", "in 2019" at the start of ``text``."""
    date = ctx.article.date
    explicit = re.match(rf"\s*(?:in\s+)?(?:\w+\s+)?({YEAR})\b", text)
    if explicit:
        return int(explicit.group(1))
    if date and re.match(r"\s*last\s+summer\b", text):
        return date.year if date.month > 8 else date.year - 1
    if date and re.match(r"\s*(?:this\s+summer|last\s+month|this\s+month|this\s+season)\b", text):
        return date.year if not re.match(r"\s*last month", text) or date.month > 1 else date.year - 1
    return None


CURRENT_FOR = re.compile(slot("P", "p") + r"(?:[^⟦]|⟦H\d+⟧){0,50}?\b(?:first goal|debut|goals? this season|plays|playing|starts|"
                         r"captains|is captain)\s+(?:for|of)\s+(?:the\s+)?" + slot("C", "c"))


def _present_spells(frame: Frame, ctx: Context) -> list[Fact]:
    """"X scored his first goal for Real", "X plays for C": a current spell."""
    return [_membership(frame, m["p"], m["c"], person_role(ctx, frame.entity(m["p"])), current=True)
            for m in CURRENT_FOR.finditer(frame.text)]


def _succession(frame: Frame, ctx: Context) -> list[Fact]:
    """"P succeeded Q as C manager", "P replaced Q at C", "P took over (from Q) at C"."""
    facts = []
    pattern = slot("P", "p") + gap(30) + r"\b(?:succeeded|succeeds|replaced|replaces|replacing|succeeding|took over from|" \
        r"takes over from)\s+" \
        + slot("P", "q") + r"(?:" + gap(20) + r"\b(?:as|at)\s+" + slot("C", "c") + r"(?:\s*'s)?(?P<words>(?:\s+[\w-]+){0,2}))?"
    for m in re.finditer(pattern, frame.text):
        role = role_of(m["words"], ctx)[0] if m["words"] else None
        role = role or "ManagerRole"
        club = frame.entity(m["c"]) if m["c"] else (ctx.current_club(frame.entity(m["q"])) or
                                                   ctx.current_club(frame.entity(m["p"])) or ctx.main_club())
        year = _when(frame, ctx)
        if club:
            facts.append(Membership(person=frame.entity(m["p"]), evidence=frame.evidence, club=club, role=role,
                                    current=True, start=year))
            facts.append(Membership(person=frame.entity(m["q"]), evidence=frame.evidence, club=club, role=role,
                                    current=False, end=year))
    return facts


SUCCESSOR_TO = re.compile(r"\b(?:successor|replacement)\s+(?:to|for)\s+" + slot("P", "q"))


def _holders(frame: Frame, ctx: Context) -> list[Fact]:
    """"a possible successor to Carlo Ancelotti when the Italian's contract with Los Blancos expires":
    the one to be succeeded holds the job now, at the club the sentence names after him."""
    facts = []
    for m in SUCCESSOR_TO.finditer(frame.text):
        after = [frame.entity(n) for n in re.findall(r"⟦C(\d+)⟧", frame.text[m.end():])
                 if frame.entity(n).startswith("club/")]
        club = after[0] if after else None
        person = frame.entity(m["q"])
        if club and person.startswith("person/"):
            facts.append(Membership(person=person, evidence=frame.evidence, club=club, role="ManagerRole",
                                    current=True))
    return facts


def _when(frame: Frame, ctx: Context) -> int | None:
    """The year a sentence dates its event to: "in June 2015", or, for "four months later", the year
    the previous sentence spoke of."""
    here = re.search(rf"\b(?:in|since)\s+(?:(?:{MONTH})\s+)?({YEAR})\b", frame.text)
    if here:
        return int(here.group(1))
    month = re.search(rf"\b(?:in|of|since)\s+({MONTH})\b(?!\s+\d)", frame.text)
    if month and ctx.article.date and not years_in(frame.text):
        # "took over at the end of February" in a March article: this year's; in a January one, last year's
        number = MONTHS.index(month.group(1)) + 1
        return ctx.article.date.year - (1 if number > ctx.article.date.month else 0)
    if re.search(r"\b(?:\w+\s+)?(?:days|weeks|months)\s+later\b|\blater\s+that\s+year\b", frame.text) and frame.index:
        years = re.findall(rf"\b({YEAR})\b", ctx.frames[frame.index - 1].text)
        return int(years[-1]) if years else None
    return None


def _membership(frame: Frame, p: str, c: str, role: str, current: bool, **years) -> Membership:
    return Membership(person=frame.entity(p), evidence=frame.evidence, club=frame.entity(c), role=role,
                      current=current, **years)


MANAGED_BY = re.compile(slot("C", "c") + r"\s*,\s*(?P<still>still\s+|then\s+|now\s+)?(?:managed|coached)\s+by\s+"
                        + slot("P", "p") + r"(?P<then>\s+(?:then|at\s+the\s+time))?")


def _managed_by(frame: Frame, ctx: Context) -> list[Fact]:
    """"Arsenal, (still) managed by Arsene Wenger then, ...": a manager of the club, in the past when
    the clause says "then"."""
    facts = []
    for m in MANAGED_BY.finditer(frame.text):
        past = bool(m["then"] or (m["still"] or "").startswith("then"))
        facts.append(_membership(frame, m["p"], m["c"], "ManagerRole", current=not past))
    return facts


BROUGHT = re.compile(slot("P", "p") + r"(?P<who>\s+(?:was|is)\s+(?:(?:the\s+)?(?:manager|coach|boss)|⟦P\d+⟧)\s+who)?"
                     r"(?:\s+also|\s+first|\s+originally)?\s+brought\s+" + slot("PH", "q")
                     + r"\s+to\s+(?P<former>(?:his\s+|⟦H\d+⟧\s+)?former\s+club\s+)?" + slot("C", "c") + r"(?P<tail>[^⟦]{0,60})")


def _brought_to(frame: Frame, ctx: Context) -> list[Fact]:
    """"Ancelotti brought James to former club Bayern on a temporary deal in 2017", "Renard was the
    manager who brought him to Lille - but was sacked": the manager's club, and the player's spell there."""
    facts = []
    for m in BROUGHT.finditer(frame.text):
        manager, player = frame.entity(m["p"]), frame.entity(m["q"])
        if not manager.startswith("person/") or person_role(ctx, manager) != "ManagerRole" and not m["who"]:
            continue
        rest = frame.text[m.end("c"):]
        manager_gone = bool(m["former"] or re.search(r"\b(?:sacked|dismissed|fired|left|resigned|departed)\b", rest))
        facts.append(_membership(frame, m["p"], m["c"], "ManagerRole", current=not manager_gone))
        years = years_in(m["tail"])
        loan = re.search(r"\b(?:loan|temporary)\b", m["tail"])
        story = ctx.story_years[frame.index]
        this_year = ctx.article.date.year if ctx.article.date else None
        # the player's spell only when it is over: a loan of years ago, or a story told of years ago
        if player.startswith("person/") and this_year and (
                loan and years and years[0] < this_year or story is not None and story <= this_year - 2):
            facts.append(Membership(person=player, evidence=frame.evidence, club=frame.entity(m["c"]),
                                    role="LoanPlayerRole" if loan else "PlayerRole", current=False,
                                    start=years[0] if years else None, end=years[0] if loan and years else None))
    return facts


COUNTERPART = re.compile(r"\bcounterparts?\s+at\s+" + slot("C", "c") + r"\s*,\s*" + slot("P", "p"))


def _counterparts(frame: Frame, ctx: Context) -> list[Fact]:
    """"Liverpool's sporting director had talks with his counterpart at Bayern, X": X holds the same
    job at that club as the sentence's first person."""
    facts = []
    for m in COUNTERPART.finditer(frame.text):
        first = next((s.entity for s in frame.slots if (s.entity or "").startswith("person/")), None)
        role = person_role(ctx, first) if first else None
        if first != frame.entity(m["p"]) and role in ("ExecutiveRole", "ManagerRole"):
            facts.append(_membership(frame, m["p"], m["c"], role, current=True))
    return facts
