"""Stage 4: the extractors, an explicit ordered registry chosen by name.

Each extractor is a function ``extract(ctx) -> list[Fact]`` that reads framed sentences and
never touches rdflib. ``extract_facts`` runs the chosen ones over an article, then applies
the article-wide conventions of ANNOTATION.md (a completed move ends the spell at the old club).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from kg.errors import UnknownNameError
from kg.extractors import attributes, contract, departure, membership, transfer
from kg.extractors.frame import Context, build_context
from kg.facts import CLUB_OF, RUNNING_SPELL, Contract, Departure, Fact, Membership, PersonAttribute, TransferLink
from kg.lexicon import Lexicon
from kg.resolve import ResolvedArticle

Extractor = Callable[[Context], list[Fact]]

EXTRACTORS: tuple[tuple[str, Extractor], ...] = (
    ("membership", membership.extract),
    ("transfer", transfer.extract),
    ("contract", contract.extract),
    ("departure", departure.extract),
    ("attributes", attributes.extract),
)


def names() -> list[str]:
    return [name for name, _ in EXTRACTORS]


def get(name: str) -> Extractor:
    """The extractor called ``name``; an unknown name lists the known ones.

    >>> get("nope")
    Traceback (most recent call last):
    ...
    kg.errors.UnknownNameError: unknown extractor 'nope'; known: attributes, contract, departure, membership, transfer
    """
    for known, function in EXTRACTORS:
        if known == name:
            return function
    raise UnknownNameError("extractor", name, names())


def extract_facts(resolved: ResolvedArticle, lexicon: Lexicon, only: Iterable[str] | None = None) -> list[Fact]:
    """Run the extractors (all, or those named) over one resolved article."""
    chosen = [get(name) for name in only] if only else [function for _, function in EXTRACTORS]
    ctx = build_context(resolved, lexicon)
    facts: list[Fact] = []
    for function in chosen:
        facts += function(ctx)
    return reconcile(facts)


def reconcile(facts: list[Fact]) -> list[Fact]:
    """Article-wide conventions (ANNOTATION.md), and one copy of each fact per sentence.

    The article's latest word on a spell wins: a completed move away from a club, or a
    manager's exit (sacked, resigned), makes the article's spells there past ones; and an exit
    already read as the end of a managerial spell is not also a departure, nor, in its own
    sentence, an appointment. A link to the club the person is at is staying, not a move.
    A career told step by step ends each spell when the next begins; spells and contracts told
    without their club are placed at the person's one current club; a national side's current
    player is its national.
    """
    facts = _running_spells_placed(_latest_word_wins(_contracts_follow_moves(_one_club_at_a_time(facts))))
    return facts + _nationals_of_their_sides(facts)


def _nationals_of_their_sides(facts: list[Fact]) -> list[Fact]:
    """A player of a national side now ("England team-mate X") is its national; a past or youth cap is
    not enough (players switch: "featured for England's youth teams, then chose Germany")."""
    known = {(f.person, f.value) for f in facts if isinstance(f, PersonAttribute) and f.attribute == "nationality"}
    found = {}
    for f in facts:
        if isinstance(f, Membership) and f.current and f.role == "PlayerRole" and f.club.startswith("team/"):
            country = "country/" + f.club.split("/", 1)[1]
            if (f.person, country) not in known:
                found.setdefault((f.person, country),
                                 PersonAttribute(person=f.person, evidence=f.evidence, attribute="nationality",
                                                 value=country))
    return list(found.values())


def _running_spells_placed(facts: list[Fact]) -> list[Fact]:
    """A spell whose club the sentence left to the article goes to the one club the article has the
    person at now: their own running spell (RUNNING_SPELL), or another person's side (CLUB_OF)."""
    clubs: dict[str, set[tuple[str, str]]] = {}
    for f in facts:
        if isinstance(f, Membership) and f.current and f.club.startswith("club/"):
            clubs.setdefault(f.person, set()).add((f.club, f.role))
    placed = []
    for f in facts:
        if isinstance(f, (Contract, Membership)) and (f.club == RUNNING_SPELL or f.club.startswith(CLUB_OF)):
            whose = f.person if f.club == RUNNING_SPELL else f.club[len(CLUB_OF):]
            running = sorted(clubs.get(whose, ()))
            if len({club for club, _ in running}) != 1:
                continue
            club, role = running[0]
            # a spell of one's own takes the role held there; a manager of another's side keeps his
            own_spell = isinstance(f, Membership) and f.club == RUNNING_SPELL
            f = replace(f, club=club, role=role) if own_spell else replace(f, club=club)
        placed.append(f)
    return placed


def _is_running_club_spell(f: Fact) -> bool:
    return (isinstance(f, Membership) and f.current and bool(f.start) and f.club.startswith("club/")
            and f.role in ("PlayerRole", "LoanPlayerRole", "ManagerRole"))


def _one_club_at_a_time(facts: list[Fact]) -> list[Fact]:
    """Of a person's dated current spells at clubs, the latest (by start, then as told) is the one running;
    each earlier one ended when the next began (a career told step by step: Lille 2015, Auxerre 2016,
    Cologne 2016)."""
    careers: dict[str, list[Membership]] = {}
    for f in facts:
        if _is_running_club_spell(f):
            careers.setdefault(f.person, []).append(f)
    # an end the article states for a spell wins over one read off the next step
    stated = {(f.person, f.club): f.end for f in facts if isinstance(f, Membership) and f.end}
    ended: dict[int, Membership] = {}
    for spells in careers.values():
        steps = sorted(spells, key=lambda f: (f.start, f.evidence.sentence_index))
        for n, spell in enumerate(steps):
            # a loan elsewhere does not end the spell at the club that lent the player
            later = [i for i in range(n + 1, len(steps)) if steps[i].club != spell.club and (
                spell.role == "LoanPlayerRole" or steps[i].role != "LoanPlayerRole")]
            if later and not any(f.club == spell.club for f in steps[later[0]:]):
                end = spell.end or stated.get((spell.person, spell.club)) or steps[later[0]].start
                ended[id(spell)] = replace(spell, current=False, end=end)
    return [ended.get(id(f), f) for f in facts]


def _contracts_follow_moves(facts: list[Fact]) -> list[Fact]:
    """A deal signed in the article of a completed move is with the new club, not the one left."""
    moved = {(f.person, f.from_club): f.to_club for f in facts
             if isinstance(f, TransferLink) and f.status == "completed" and f.from_club}
    return [replace(f, club=moved[(f.person, f.club)])
            if isinstance(f, Contract) and f.status == "signed" and (f.person, f.club) in moved else f for f in facts]


def _latest_word_wins(facts: list[Fact]) -> list[Fact]:
    left = {(f.person, f.from_club) for f in facts
            if isinstance(f, TransferLink) and f.status == "completed" and f.from_club and f.role != "LoanPlayerRole"}
    # managers' exits, with the sentence that told them
    sacked = {(f.person, f.club, f.evidence.sentence_index) for f in facts
              if isinstance(f, Membership) and f.role == "ManagerRole" and not f.current and f.end is not None}
    exits = {(person, club) for person, club, _ in sacked}
    # where the article says the person is, other than by a move: a link there is staying, not moving
    at = {(f.person, f.club) for f in facts if isinstance(f, Membership) and f.current and not f.implied}
    # a move agreed or in talks, not done: the person is still at the club they are to leave, whatever
    # "spent five months at St Andrews" made of the spell
    leaving = {(f.person, f.from_club) for f in facts if isinstance(f, TransferLink) and f.from_club
               and f.status in ("agreed", "advanced")} - left
    out: list[Fact] = []
    seen = set()
    for fact in facts:
        if isinstance(fact, TransferLink) and fact.status != "completed" and (fact.person, fact.to_club) in at:
            continue
        if isinstance(fact, (TransferLink, Membership)) and (
                fact.person, getattr(fact, "to_club", None) or fact.club, fact.evidence.sentence_index) in sacked \
                and (isinstance(fact, TransferLink) or (fact.implied and fact.current)):
            continue  # "Schalke have confirmed X has been sacked": an exit, not an appointment
        if isinstance(fact, Membership) and fact.current and (
                (fact.person, fact.club) in left or (fact.role == "ManagerRole" and (fact.person, fact.club) in exits)):
            fact = replace(fact, current=False)
        if isinstance(fact, Membership) and not fact.current and fact.end is None and fact.role == "PlayerRole" \
                and (fact.person, fact.club) in leaving:
            fact = replace(fact, current=True)
        if isinstance(fact, Departure) and (fact.person, fact.club) in exits:
            continue
        if not fact.person or not getattr(fact, "club", "x") or not getattr(fact, "to_club", "x"):
            continue
        key = (fact, fact.evidence.sentence_index)
        if key not in seen:
            seen.add(key)
            out.append(fact)
    return out
