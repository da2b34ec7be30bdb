"""The plain fact objects extractors emit; graph.py is the only place they become RDF.

Entities are referred to by key: a lexicon id ("club/liverpool", "team/england",
"country/germany") or a person key ("person/antonio-rudiger") with its label.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.articles import Article


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the article, the sentence's number and its text."""

    article_id: str
    sentence_index: int
    text: str


@dataclass(frozen=True)
class Fact:
    """Base of every fact: who it is about and the evidence."""

    person: str
    evidence: Evidence = field(compare=False)

    kind = "fact"


# The club of a Membership or Contract whose sentence speaks of a person's running spell without
# naming its club ("since the German began his current role in October 2015", "based on his new
# contract, X will earn ..."): reconcile() puts the article's one current club of that person there,
# or drops the fact.
RUNNING_SPELL = "?running-spell"
# The club of a Membership given as another person's: "for Jurgen Klopp's side" in a sentence about
# a player is the player's current club ("?club-of:person/thiago"), placed by reconcile() likewise.
CLUB_OF = "?club-of:"


@dataclass(frozen=True)
class Membership(Fact):
    """A spell of a person at a club: role is an fkg role name ("PlayerRole", "ManagerRole", ...)."""

    club: str = ""
    role: str = "PlayerRole"
    current: bool = True
    start: int | None = None
    end: int | None = None
    appearances: int | None = None
    goals: int | None = None
    # True when read off another fact (a move, a contract) rather than stated: such a spell does not
    # count as evidence that the person is at the club when other facts are weighed
    implied: bool = field(default=False, compare=False)

    kind = "membership"


@dataclass(frozen=True)
class Contract(Fact):
    """A contract held, signed, offered, demanded or rejected; wage is per year."""

    club: str = ""
    expiry: int | None = None
    wage: float | None = None
    currency: str | None = None
    wage_period: str | None = None  # the period the text quoted: "week", "month", "year"
    status: str | None = None  # signed / offered / demanded / rejected

    kind = "contract"


@dataclass(frozen=True)
class TransferLink(Fact):
    """A link of a person to a club they would join: from a rumour to a completed move."""

    to_club: str = ""
    from_club: str | None = None
    status: str = "rumour"  # rumour / advanced / agreed / completed / denied
    role: str | None = None  # "ManagerRole" for a coaching job, "LoanPlayerRole" for a loan
    fee: float | None = None
    currency: str | None = None
    reported_by: tuple[str, ...] = ()

    kind = "transfer"


@dataclass(frozen=True)
class Departure(Fact):
    """An announced exit from a club with no named destination."""

    club: str = ""

    kind = "departure"


@dataclass(frozen=True)
class PersonAttribute(Fact):
    """nationality (a country key), position (an fkg position name) or birth_year (an int)."""

    attribute: str = ""
    value: str | int = ""

    kind = "attribute"


FACT_TYPES = (Membership, Contract, TransferLink, Departure, PersonAttribute)


@dataclass
class ArticleFacts:
    """What stages 1-4 make of one article: all graph.py needs, and what the facts cache stores."""

    article: Article
    facts: list[Fact]
    person_names: dict[str, list[str]]  # person key -> every way the article wrote the name
    content_hash: str  # of the article as read (kept when the article's text is not)
    surface_names: dict[str, list[str]] = field(default_factory=dict)  # club etc. key -> how the article wrote it
    resolved: Any = field(default=None, compare=False, repr=False)  # the ResolvedArticle, for kg explain
