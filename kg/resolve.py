"""Stage 3: decide which entity each mention names, within one article.

- lexicon hits name their entry; an ambiguous press name ("the Reds") goes to the candidate the
  article names elsewhere, else to its default; a generic word ("United") only to a club the
  article has named in full;
- "the LaLiga giants" goes to the latest club of that country;
- person names cluster: "Rudiger" joins "Antonio Rudiger" when exactly one full name ends so;
- descriptions ("the 30-year-old", "the veteran defender") and pronouns go to the latest
  person they fit, and are left unresolved when none fits or two fit equally.
Persons get the key ``person/<slug of the fullest name>``; graph.py merges them across articles.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kg.articles import Article, Sentence
from kg.lexicon import Lexicon, fold, slug, tokens
from kg.mentions import (AMBIGUOUS, CLUB_DESCRIPTION, DEMONYM, DESCRIPTION, ENTITY, GENERIC, NAME, PRONOUN,
                         Mention, find_mentions)


def person_key(name: str) -> str:
    """The within-article key of a person.

    >>> person_key("Antonio Rüdiger")
    'person/antonio-rudiger'
    """
    return "person/" + slug(name)


@dataclass
class PersonInfo:
    """What an article tells of a person, gathered while resolving: names and hints for descriptions."""

    key: str
    names: list[str] = field(default_factory=list)
    roles: Counter = field(default_factory=Counter)  # how often called "player" / "manager" / "executive" / "staff"
    # clubs named with a role before the name ("Chelsea defender X"), with the role families said there
    clubs: dict[str, set[str]] = field(default_factory=dict)
    countries: set[str] = field(default_factory=set)
    ages: set[int] = field(default_factory=set)
    mentions: int = 0

    @property
    def label(self) -> str:
        """The fullest name: most words, then most frequent, then alphabetical for stability."""
        return sorted(self.names, key=lambda n: (-len(n.split()), -self.names.count(n), n))[0]


@dataclass
class ResolvedSentence:
    sentence: Sentence
    mentions: list[Mention]

    @property
    def text(self) -> str:
        return self.sentence.text


@dataclass
class ResolvedArticle:
    """An article with every sentence's mentions resolved, and the people it names."""

    article: Article
    sentences: list[ResolvedSentence]
    persons: dict[str, PersonInfo]

    def label(self, key: str, lexicon: Lexicon) -> str:
        if key.startswith("person/") and key in self.persons:
            return self.persons[key].label
        return lexicon.entries[key].label if key in lexicon.entries else key


ROLE_FAMILY = {"PlayerRole": "player", "YouthPlayerRole": "player", "LoanPlayerRole": "player",
               "ManagerRole": "manager", "CoachingStaffRole": "staff", "ExecutiveRole": "executive"}


def resolve_article(article: Article, lexicon: Lexicon) -> ResolvedArticle:
    """Find and resolve every mention of an article.

    >>> from kg.articles import make_article
    >>> from kg.lexicon import load_lexicon
    >>> ra = resolve_article(make_article("x", "Chelsea sign Joe Smith. Smith is 23."), load_lexicon())
    >>> [m.entity for m in ra.sentences[1].mentions]
    ['person/joe-smith']
    """
    sentences = [ResolvedSentence(s, find_mentions(s.text, lexicon)) for s in article.sentences]
    _surnames_over_aliases(sentences, lexicon)
    named_clubs = {i for rs in sentences for m in rs.mentions if m.kind == ENTITY for i in m.ids}
    persons = _cluster_names(sentences, lexicon)
    _hint_persons(sentences, persons, lexicon)
    _guess_roles(sentences, persons)

    history: list[tuple[int, Mention]] = []  # resolved club mentions, in order
    last_persons: list[tuple[int, str]] = []  # (sentence index, person key), in order
    previous_people: list[str] = []  # the people the last sentence that named anyone named, in order
    for number, rs in enumerate(sentences):
        named_here: list[str] = []
        for m in rs.mentions:
            if m.kind == ENTITY:
                m.entity = m.ids[0] if len(m.ids) == 1 else None
                if m.entity in lexicon.national_teams and _names_a_side(rs.text, m, lexicon):
                    m.entity = lexicon.national_teams[m.entity]
            elif m.kind == AMBIGUOUS:
                named = [c for c in m.ids if c in named_clubs]
                m.entity = named[0] if len(named) == 1 else (m.info.get("default") if not named else None)
            elif m.kind == GENERIC:
                m.entity = _generic(m, history, lexicon)
            elif m.kind == CLUB_DESCRIPTION:
                m.entity = next((h.entity for _, h in reversed(history)
                                 if h.entity and lexicon.entries[h.entity].country == m.info["country"]
                                 and lexicon.entries[h.entity].kind == "Club"), None)
            elif m.kind == DEMONYM:
                m.entity = m.ids[0]
            elif m.kind == NAME:
                m.entity = m.info.get("person")
            elif m.kind == DESCRIPTION:
                m.info["sentence_clubs"] = [c for x in rs.mentions if x.kind in (ENTITY, AMBIGUOUS) for c in x.ids[:1]]
                m.entity = _pick_person(m, last_persons, persons, number, lexicon)
            elif m.kind == PRONOUN:
                if not _quoted(rs.text, m.start):
                    m.entity = _pronoun(m, rs, last_persons, number, previous_people, persons)
            if m.entity and m.entity.startswith(("club/", "team/", "organisation/")):
                history.append((number, m))
            if m.entity and m.entity.startswith("person/") and m.entity in persons:
                last_persons.append((number, m.entity))
                if m.entity not in named_here:
                    named_here.append(m.entity)  # pronouns too: "scouting him" keeps him in focus
        if named_here:
            previous_people = named_here
    return ResolvedArticle(article, sentences, persons)


SIDE_WORDS = ("international", "national team", "national side", "under-", "u-", "u1", "u2", "youth",
              "squad", "side", "team", "captain", "boss", "manager", "coach", "head coach", "cap", "caps")


def _names_a_side(text: str, m: Mention, lexicon: Lexicon) -> bool:
    """Whether a country's name stands for its national team: "England manager", "capped by Brazil"."""
    after = re.sub(r"^\s*(?:'s|’s)?\s*", "", text[m.end:m.end + 40].lower())
    words = after.split()
    if any(after.startswith(w) for w in SIDE_WORDS):
        return True
    if words and (words[0].strip(",.") in lexicon.roles or words[0].strip(",.") in lexicon.positions):
        return True
    before = text[max(0, m.start - 25):m.start].lower()
    return bool(re.search(r"\b(?:for|played for|capped by|caps for|represented|represent|coached|manage|managed)\s+(?:the\s+)?$",
                          before))


SPEECH = re.compile(r"\s*(?:,\s*)?(?:says|said|told|tells|insists|insisted|claims|claimed|believes|admitted|admits|"
                    r"explained|revealed|added)\b")


def _speakers(rs: ResolvedSentence) -> set[str]:
    """The people a sentence has speaking: "X says ...", "X told reporters ..."."""
    return {m.entity for m in rs.mentions if m.kind == NAME and m.entity and SPEECH.match(rs.text[m.end:])}


def _quoted(text: str, offset: int) -> bool:
    """Whether an offset lies inside quoted speech, where "he" is not the article's narrator's he."""
    before = text[:offset]
    return (before.count("“") > before.count("”")) or before.count('"') % 2 == 1 or text.lstrip()[:1] in "“\""


def _generic(m: Mention, history: list[tuple[int, Mention]], lexicon: Lexicon) -> str | None:
    word = fold(m.text).lower()
    for _, h in reversed(history):
        if h.entity and word in fold(lexicon.entries[h.entity].label).lower().split():
            return h.entity
    for _, h in reversed(history):
        if h.entity and word in fold(h.text).lower().split():
            return h.entity
    return None


def _cluster_names(sentences: list[ResolvedSentence], lexicon: Lexicon) -> dict[str, PersonInfo]:
    """Group the name mentions of an article into persons; sets m.info["person"] on each."""
    names = [m for rs in sentences for m in rs.mentions if m.kind == NAME]
    full = {}
    for m in names:
        words = _name_words(m.text, lexicon)
        m.info["words"] = words
        if len(words) >= 2:
            full.setdefault(tuple(w.lower() for w in words), m)
    persons: dict[str, PersonInfo] = {}
    mid_sentence = {m.info["words"][0].lower() for m in names if m.info["words"] and not m.info.get("sentence_start")}

    def attach(m: Mention, key: str) -> None:
        info = persons.setdefault(key, PersonInfo(key))
        info.names.append(" ".join(m.info["words"]))
        info.mentions += 1
        m.info["person"] = key

    for m in names:
        words = tuple(w.lower() for w in m.info["words"])
        if not words:
            continue
        if len(words) >= 2 and m.info.get("after_the") and not any(
                o.info.get("words") == m.info["words"] and not o.info.get("after_the") for o in names):
            continue  # "released by the Oakland Roots": a name after "the" is a team's or a thing's
        if len(words) >= 2:
            # "Antonio Rudiger Rudiger" never happens; a longer full name containing this one wins
            longer = [f for f in full if len(f) > len(words) and f[-len(words):] == words]
            target = full[longer[0]] if len(longer) == 1 else m
            attach(m, person_key(" ".join(target.info["words"])))
            continue
        word = words[0]
        by_surname = [f for f in full if f[-1] == word or (len(f) > 2 and " ".join(f[-2:]) == word)]
        by_first = [f for f in full if f[0] == word]
        if len(by_surname) == 1:
            attach(m, person_key(" ".join(full[by_surname[0]].info["words"])))
        elif not by_surname and len(by_first) == 1:
            attach(m, person_key(" ".join(full[by_first[0]].info["words"])))
        elif not by_surname and (m.info.get("after_the") or m.info.get("after_in")):
            pass  # "the Bernabeu", "in Dublin": a lone capitalised word after "the" or "in" is a place or thing
        elif not by_surname and (not m.info.get("sentence_start") or word in mid_sentence):
            attach(m, person_key(m.info["words"][0]))  # a single-name person ("Nacho"), or not a person
        # else: a lone capitalised word opening a sentence ("Private issues ..."): not taken for a name
    return persons


def _surnames_over_aliases(sentences: list[ResolvedSentence], lexicon: Lexicon) -> None:
    """In an article about "Jake Hull", a lone "Hull" is him, not Hull City: a club's one-word alias
    (never its own label, "Chelsea") that is the surname of a full name the article gives."""
    surnames = {m.text.split()[-1] for rs in sentences for m in rs.mentions if m.kind == NAME and len(m.text.split()) >= 2}
    for rs in sentences:
        for m in rs.mentions:
            if m.kind == ENTITY and m.text in surnames and all(
                    lexicon.entries[e].kind == "Club" and lexicon.entries[e].label != m.text for e in m.ids):
                m.kind, m.ids = NAME, ()
                m.info.update(sentence_start=m.start == 0, after_the=False, after_in=False)


def _name_words(text: str, lexicon: Lexicon) -> list[str]:
    words = [w for _, _, w in tokens(text)]
    while words and words[0] in lexicon.titles:
        words = words[1:]
    return words


def _hint_persons(sentences: list[ResolvedSentence], persons: dict[str, PersonInfo], lexicon: Lexicon) -> None:
    """Note the roles and nationalities written right before a name ("Real Madrid defender X")."""
    for rs in sentences:
        for m in rs.mentions:
            key = m.info.get("person")
            if m.kind != NAME or key not in persons:
                continue
            club = next((c for c in rs.mentions if c.kind == ENTITY and c.ids and c.ids[0].startswith("club/")
                         and 0 <= m.start - c.end <= 25
                         and all(w.strip("',") in lexicon.roles or w.strip("',") in lexicon.positions or w in ("'s", "’s")
                                 for w in rs.text[c.end:m.start].lower().split())), None)
            if re.match(r"\s*['’]s?\s+(?:side|team|men|squad|charges)\b", rs.text[m.end:m.end + 12]):
                persons[key].roles["manager"] += 1  # "Mikel Arteta's side": the man in charge of it
            preceding = rs.text[max(0, m.start - 60):m.start].lower().split()
            before = preceding[-3:]
            family = None
            for n in range(len(before)):
                phrase = " ".join(before[n:]).strip(",")
                ahead = preceding[-len(before[n:]) - 1] if len(preceding) > len(before[n:]) else ""
                if ahead in ("the", "a", "an") and club is None and (phrase in lexicon.roles or phrase in lexicon.positions):
                    break  # "The player Klopp wants": a noun of its own, not a title
                if phrase in lexicon.roles:
                    family = ROLE_FAMILY[lexicon.roles[phrase]]
                    persons[key].roles[family] += 1
                elif phrase in lexicon.positions:
                    family = "player"
                    persons[key].roles["player"] += 1
                elif phrase.capitalize() in lexicon.demonyms or phrase in lexicon.demonyms:
                    persons[key].countries.add(lexicon.demonyms[phrase])
            if club is not None and len(club.ids) == 1:
                persons[key].clubs.setdefault(club.ids[0], set()).add(family or "player")
            # "Michael Edwards, Liverpool's sporting director, ...": a role in apposition after the name
            apposed = APPOSED_ROLE.match(rs.text[m.end:m.end + 60])
            if apposed and apposed["role"].lower() in lexicon.roles:
                persons[key].roles[ROLE_FAMILY[lexicon.roles[apposed["role"].lower()]]] += 1


APPOSED_ROLE = re.compile(r"\s*,\s*(?:the\s+)?(?:[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*(?:['’]s)?\s+)?(?P<role>[a-z][a-z -]{2,30}?)\s*,")


MANAGER_CONTEXT = re.compile(r"\b(?:manager|managers|boss|head coach|coach|tactician|in charge|the reins|dugout|"
                             r"managerial|management|touchline|his side|his team|his squad)\b")
PLAYER_CONTEXT = re.compile(r"\b(?:scored|goals?|appearances|caps|striker|midfielder|defender|forward|winger|"
                            r"goalkeeper|keeper|left-back|right-back|centre-back|full-back|playing career)\b")


def _guess_roles(sentences: list[ResolvedSentence], persons: dict[str, PersonInfo]) -> None:
    """A person the article never calls by a role is taken for a manager when the sentences naming
    them speak of managing more than of playing ("take the reins", "in charge"); else left alone."""
    votes: dict[str, list[int]] = {}
    for rs in sentences:
        named = {m.info.get("person") for m in rs.mentions if m.kind == NAME and m.info.get("person")}
        if len(named) != 1:
            continue  # two people in one sentence: whose role it speaks of is unclear
        text = rs.text.lower()
        key = next(iter(named))
        tally = votes.setdefault(key, [0, 0])
        tally[0] += len(MANAGER_CONTEXT.findall(text))
        tally[1] += len(PLAYER_CONTEXT.findall(text))
    for key, (manager, player) in votes.items():
        if key in persons and not persons[key].roles and manager > player:
            persons[key].roles["manager"] += 1


def _fits(info: dict, person: PersonInfo) -> bool:
    if info.get("age") and person.ages and info["age"] not in person.ages:
        return False
    if info.get("age", 99) < 35 and person.roles and not person.roles.get("player") and not info.get("role"):
        return False  # "the 29-year-old" is a player, not the manager named beside him
    role = info.get("role")
    if role and person.roles and ROLE_FAMILY[role] not in person.roles and not (
            info.get("former") and ROLE_FAMILY[role] == "player" and "manager" in person.roles):
        return False  # ("the former Sunderland midfielder" may be today's manager)
    country = info.get("country")
    if country and person.countries and country not in person.countries:
        return False
    return True


def _pick_person(m: Mention, last: list[tuple[int, str]], persons: dict[str, PersonInfo], number: int,
                 lexicon: Lexicon) -> str | None:
    """The person a description points back to, among those named in the last three sentences.

    A person the article already ties to the description's club wins ("the former Liverpool
    boss"); then a fitting person named earlier in the same sentence ("Akins ... after the forward
    pleaded guilty"); then one whose known role or nationality the description repeats
    ("the veteran defender"); then the article's main subject. What is learnt (an age, a
    role) is kept, so "the 36-year-old" will not later be taken for a 34-year-old.
    """
    seen: list[str] = []
    for index, key in reversed(last):
        if number - index > 3:
            break
        if key not in seen:
            seen.append(key)
    fitting = [k for k in seen if _fits(m.info, persons[k])]
    if not fitting:
        return None
    club = m.info.get("club")
    family = ROLE_FAMILY.get(m.info.get("role", ""), None)
    # tied to the description's club in the same kind of job: "the former Liverpool boss" is the one
    # called a Liverpool boss, not a Liverpool player
    affine = [k for k in fitting if club is not None and club.ids and club.ids[0] in persons[k].clubs
              and (family is None or family in persons[k].clubs[club.ids[0]])]
    same_sentence = [k for index, k in reversed(last) if index == number and k in fitting]
    strong = [k for k in fitting if (m.info.get("role") and ROLE_FAMILY[m.info["role"]] in persons[k].roles)
              or (m.info.get("country") and m.info["country"] in persons[k].countries)]
    if affine:
        chosen = affine[0]  # "the former Liverpool boss": the one the article calls a Liverpool boss
    elif same_sentence:
        chosen = same_sentence[0]
    elif strong:
        chosen = strong[0]
    elif m.info.get("country") and len(just_before := {k for index, k in last if index == number - 1} & set(fitting)) == 1:
        chosen = just_before.pop()  # "... interest in Kees de Wit. The Dutchman ...": the one just named
    else:
        # the article's main subject; a person tied to a club this sentence names comes first
        here = set(m.info.get("sentence_clubs", ()))
        chosen = max(fitting, key=lambda k: (bool(set(persons[k].clubs) & here), persons[k].mentions,
                                             -fitting.index(k)))
    person = persons[chosen]
    person.mentions += 1  # pointed back to: still the one the article is talking about
    if m.info.get("age"):
        person.ages.add(m.info["age"])
    if m.info.get("role"):
        person.roles[ROLE_FAMILY[m.info["role"]]] += 1
    if m.info.get("country") and not m.info.get("national"):
        person.countries.add(m.info["country"])
    return chosen


def _pronoun(m: Mention, rs: ResolvedSentence, last: list[tuple[int, str]], number: int,
             previous: list[str], persons: dict[str, PersonInfo]) -> str | None:
    """He/his: the one person earlier in this sentence; else, of the people the previous sentence
    named, the one the article is most about (news keeps "he" for its protagonist)."""
    here = [key for index, key in last if index == number]
    # "... such as Wijnaldum, who has nine months left on his contract": the one the clause is about
    subject = next((x for x in reversed(rs.mentions) if x.end <= m.start and x.entity and x.entity.startswith("person/")
                    and re.fullmatch(r"\s*,\s*who\b[^,;]*", rs.text[x.end:m.start])), None)
    if subject is not None:
        return subject.entity
    # "Williams says Guirassy turned down a move because he wanted ...": the speaker is not the "he" spoken of
    spoken_of = [key for key in here if key not in _speakers(rs)]
    if spoken_of and len(set(spoken_of)) == 1 and len(set(here)) > 1:
        here = spoken_of
    if here and m.text.lower() != "him":
        return here[-1] if len(set(here)) == 1 else None
    # "him" is rarely the sentence's own agent ("Arsenal, managed by Wenger, were scouting him"):
    # the one the article is most about, among those in view
    pool = [*previous, *(k for k in here if k not in previous)]
    protagonist = max(persons, key=lambda k: persons[k].mentions, default=None)
    if pool and protagonist not in pool and persons[protagonist].mentions >= 3 * max(persons[k].mentions for k in pool):
        pool.append(protagonist)  # a bystander named once does not take the protagonist's "he"
    if not pool:
        return None
    return max(pool, key=lambda k: (persons[k].mentions, -pool.index(k)))
