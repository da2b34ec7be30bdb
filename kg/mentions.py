"""Stage 2: find what a sentence mentions: clubs and other named things, people, descriptions.

Lexicon hits (clubs, national teams, leagues, countries, outlets) come first, longest match
first; person names are the capitalised runs left over; descriptions ("the 30-year-old",
"the German tactician") and pronouns are marked for resolve.py to point at a person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.lexicon import Lexicon, fold, surface_key, tokens

# What a mention is, before resolution.
ENTITY = "entity"  # a lexicon hit: ids name the candidates
GENERIC = "generic"  # "United", "Madrid": a club only if the article names one containing it
AMBIGUOUS = "ambiguous"  # "the Reds": see clubs.toml [ambiguous]
DEMONYM = "demonym"  # "German", "Brazilian"
NAME = "name"  # a capitalised run that looks like a person's name
DESCRIPTION = "description"  # "the 30-year-old", "the former Liverpool boss"
PRONOUN = "pronoun"  # he, him, his
CLUB_DESCRIPTION = "club_description"  # "the LaLiga giants": the latest club of that country

PRONOUNS = {"he", "him", "his", "himself"}
AGE = re.compile(r"^(\d{2})-year-old$", re.I)


@dataclass
class Mention:
    """A span of a sentence and what it may name; resolve.py fills ``entity``."""

    start: int
    end: int
    text: str
    kind: str
    ids: tuple[str, ...] = ()
    entity: str | None = None  # resolved entity key (lexicon id or "person/<slug>")
    info: dict = field(default_factory=dict)  # description details: age, country, role, position, club, former

    def __repr__(self) -> str:
        return f"<{self.kind} {self.text!r}{' -> ' + self.entity if self.entity else ''}>"


def _is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper() and any(ch.isalpha() for ch in word)


CONTRACTION = re.compile(r"['’](?:m|d|ve|ll|re|t)$", re.I)


def _not_a_name_word(word: str, lexicon: Lexicon) -> bool:
    """Capitalised words that never start a name: listed ones, role words ("Assistant"), "England-born"."""
    low = word.lower()
    return (word in lexicon.not_names or low in lexicon.roles or low in lexicon.positions
            or low.endswith(("-born", "-based", "-year-old")) or CONTRACTION.search(word) is not None
            or re.match(r"(?:under-|u-?)\d+s?$", low) is not None  # "Under-19", "U21": an age group
            or (len(word) <= 3 and word.isupper()))  # "CV", "TV": a lone acronym is not a person


def _is_shouting(word: str) -> bool:
    """A headline word in capitals ("SACK"), not a name; short acronyms are let through."""
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) > 3 and all(ch.isupper() for ch in letters)


def find_mentions(text: str, lexicon: Lexicon) -> list[Mention]:
    """Every mention in one sentence, in order.

    >>> from kg.lexicon import load_lexicon
    >>> find_mentions("Real Madrid defender Antonio Rudiger joined Los Blancos.", load_lexicon())
    [<entity 'Real Madrid'>, <name 'Antonio Rudiger'>, <entity 'Los Blancos'>]
    """
    toks = tokens(fold(text))
    words = [t[2] for t in toks]
    taken = [False] * len(toks)
    found: list[Mention] = []

    def add(i: int, j: int, kind: str, ids: tuple[str, ...] = (), **info) -> None:
        start, end = toks[i][0], toks[j - 1][1]
        found.append(Mention(start, end, text[start:end], kind, ids, info=info))
        for k in range(i, j):
            taken[k] = True

    # 1. lexicon hits, longest first
    i = 0
    while i < len(toks):
        # only the key lengths the lexicon has for this first word, longest first; 1 for generic words
        sizes = [n for n in lexicon.lengths.get(words[i], ()) if n <= len(toks) - i] or [1]
        for n in sizes if 1 in sizes else [*sizes, 1]:
            key = " ".join(words[i:i + n])
            if key in lexicon.ambiguous:
                add(i, i + n, AMBIGUOUS, lexicon.ambiguous[key].candidates, default=lexicon.ambiguous[key].default)
            elif key in lexicon.surfaces:
                ids = lexicon.surfaces[key]
                if n == 1 and len(words[i]) <= 3 and ids[0].startswith("outlet/") and i == 0:
                    continue  # "AS" or "ABC" opening a sentence is rarely the outlet
                if n == 1 and (_first_name_like(i, words, ids, lexicon) or _town_not_club(i, words, ids, lexicon)
                               or _surname_like(i, words, taken, ids, lexicon)):
                    continue
                add(i, i + n, ENTITY, ids)
            elif n == 1 and key in lexicon.generic and _is_cap(key) and not (
                    i + 1 < len(words) and _is_cap(words[i + 1]) and words[i + 1].lower() not in lexicon.roles):
                add(i, i + 1, GENERIC)  # not "the United Soccer League": a generic word inside a longer name
            elif n == 1 and _is_cap(key) and key.lower() in lexicon.demonyms:
                add(i, i + 1, DEMONYM, (lexicon.demonyms[key.lower()],))
            else:
                continue
            i += n
            break
        else:
            i += 1

    # 2. person names: capitalised runs, particles allowed inside ("Virgil van Dijk")
    i = 0
    while i < len(toks):
        if taken[i] or not _is_cap(words[i]) or _is_shouting(words[i]) or _not_a_name_word(words[i], lexicon) \
                or words[i] in lexicon.titles or not words[i][0].isalpha():
            i += 1
            continue
        j = i + 1
        while j < len(toks) and not taken[j]:
            w = words[j]
            if _is_cap(w) and not _is_shouting(w) and not _not_a_name_word(w, lexicon) and w[0].isalpha():
                j += 1
            elif w in lexicon.particles and j + 1 < len(toks) and _is_cap(words[j + 1]) and not taken[j + 1]:
                j += 1
            else:
                break
        add(i, j, NAME, sentence_start=i == 0 or words[i - 1] in ('"', "“", "‘", "'", "("),
            after_the=i > 0 and words[i - 1].lower() == "the",
            after_in=i > 0 and words[i - 1].lower() in ("in", "near"))
        i = j

    # 3. descriptions and pronouns
    for i, w in enumerate(words):
        if taken[i]:
            continue
        low = w.lower()
        if low in PRONOUNS:
            add(i, i + 1, PRONOUN, possessive=low == "his")
        elif low == "the" or low == "their" and i + 1 < len(words) and AGE.match(words[i + 1]):
            # "their 23-year-old academy product": a club's own player, pointed back to by age
            if not _club_description(i, toks, words, found, lexicon, text):
                _description(i, toks, words, taken, found, lexicon, text)
    found.sort(key=lambda m: m.start)
    return found


def _first_name_like(i: int, words: list[str], ids: tuple[str, ...], lexicon: Lexicon) -> bool:
    """A one-word club alias followed by a capitalised word is a first name: "Tom" (Tom Tomsk) in "Tom Rennick".

    A club's own label ("Chelsea") is kept: only aliases are given up.
    """
    if i + 1 >= len(words) or not _is_cap(words[i + 1]) or words[i + 1] in lexicon.not_names:
        return False
    following = lexicon.surfaces.get(words[i + 1], ())
    if any(surface_key(lexicon.entries[e].label) == words[i + 1] for e in following):
        return False  # "Hull Chelsea" never; but "Tom Green" is a name though "Green" is some club's alias
    return all(lexicon.entries[e].kind == "Club" and surface_key(lexicon.entries[e].label) != words[i] for e in ids)


def _surname_like(i: int, words: list[str], taken: list[bool], ids: tuple[str, ...], lexicon: Lexicon) -> bool:
    """A one-word club alias right after a capitalised word of no entity is a surname: "Striker Jake Hull"."""
    # (not after a sentence's first word, which is capitalised whatever it is: "Yesterday Hull won")
    if i < 2 or taken[i - 1] or not _is_cap(words[i - 1]) or words[i - 1] in lexicon.not_names \
            or words[i - 1] in lexicon.titles or words[i - 1].lower() in lexicon.roles:
        return False
    return all(lexicon.entries[e].kind == "Club" and surface_key(lexicon.entries[e].label) != words[i] for e in ids)


def _town_not_club(i: int, words: list[str], ids: tuple[str, ...], lexicon: Lexicon) -> bool:
    """ "a training camp in York": a town's name that is only the first word of a club's ("York City")
    names the town after "in"; a club's full label ("in Liverpool") is left to the club."""
    if i == 0 or words[i - 1].lower() not in ("in", "near"):
        return False
    return all(lexicon.entries[e].kind == "Club" and surface_key(lexicon.entries[e].label).startswith(words[i] + " ")
               for e in ids)


def _phrase_at(words: list[str], i: int, table: dict[str, str], longest: int = 4) -> tuple[int, str] | None:
    """The longest phrase of ``table`` starting at word i: (words used, value)."""
    for n in range(min(longest, len(words) - i), 0, -1):
        phrase = " ".join(words[i:i + n]).lower().replace(" - ", "-")
        if phrase in table:
            return n, table[phrase]
    return None


def _club_description(i, toks, words, found, lexicon, text) -> bool:
    """Mark "the LaLiga giants", "the Spanish side" as pointing at a club of that country."""
    if i + 2 >= len(toks):
        return False
    after = next((m for m in found if m.start == toks[i + 1][0]), None)
    if after is None or after.kind not in (ENTITY, DEMONYM):
        return False
    entry = lexicon.entries.get(after.ids[0]) if after.ids else None
    if entry is None or entry.kind not in ("League", "Country"):
        return False
    j = i + 1
    while j < len(toks) and toks[j][1] <= after.end:
        j += 1
    if j >= len(toks) or words[j].lower() not in lexicon.descriptors:
        return False
    country = entry.country if entry.kind == "League" else lexicon.entries[entry.id].country
    if after.kind == DEMONYM:
        country = lexicon.entries[after.ids[0]].country
    start, end = toks[i][0], toks[j][1]
    found.remove(after)
    found.append(Mention(start, end, text[start:end], CLUB_DESCRIPTION, info={"country": country}))
    return True


def _description(i, toks, words, taken, found, lexicon, text) -> None:
    """Mark "the [modifiers] [club] [demonym] [age] head" as a description, if it is one."""
    info: dict = {}
    j = i + 1
    head = False
    while j < len(toks):
        low = words[j].lower()
        club = next((m for m in found if m.start == toks[j][0] and m.kind in (ENTITY, GENERIC, AMBIGUOUS)), None)
        entry = lexicon.entries.get(club.ids[0]) if club is not None and club.ids else None
        if entry is not None and entry.kind == "Country":
            info["country"] = entry.id
            info["national"] = True
            j += len(tokens(club.text))
        elif club is not None and not club.text.lower().startswith("the "):
            if "club_mention" in info:
                info.setdefault("more_clubs", []).append(club)  # "the former Roma and Stuttgart ace"
            else:
                info["club_mention"] = club
            while j < len(toks) and toks[j][1] <= club.end:
                j += 1
            head = False
        elif low == "and" and "club_mention" in info and not head and j + 1 < len(toks) and any(
                m.start == toks[j + 1][0] and m.kind in (ENTITY, GENERIC) for m in found):
            j += 1  # "the former Roma and Stuttgart ace": a list of clubs
        elif low in lexicon.description_modifiers or low.endswith(("-born", "-based", "-raised")) or (
                "-" in low and low.islower() and not AGE.match(low) and low not in lexicon.positions
                and low not in lexicon.roles):  # "the no-nonsense coach", "the highly-rated midfielder"
            if low in ("former", "ex", "ex-", "one-time"):
                info["former"] = True
            head = False  # a description ends on its head: "the German top-scorer award" is none
            j += 1
        elif any(m.start == toks[j][0] and m.kind == DEMONYM for m in found):
            info["country"] = lexicon.demonyms[low]
            head = True
            j += 1
        elif AGE.match(words[j]):
            info["age"] = int(AGE.match(words[j]).group(1))
            head = True
            j += 1
        elif (hit := _phrase_at(words, j, lexicon.positions)) is not None:
            info["position"] = hit[1]
            info.setdefault("role", "PlayerRole")
            head = True
            j += hit[0]
        elif (hit := _phrase_at(words, j, lexicon.roles)) is not None:
            info["role"] = hit[1]
            info["role_word"] = " ".join(words[j:j + hit[0]]).lower()
            head = True
            j += hit[0]
        else:
            break
    if not head:
        return
    if j + 1 < len(toks) and words[j].lower() in ("and", "or") and any(
            m.start == toks[j + 1][0] and m.kind == DEMONYM for m in found):
        return  # "the German and French top tiers": demonyms as adjectives
    if j < len(toks) and any(m.start == toks[j][0] and m.kind == NAME for m in found):
        return  # "the German tactician Jurgen Klopp": a title before a name, not a description
    club = info.pop("club_mention", None)
    if club is not None:
        info["club"] = club
    start, end = toks[i][0], toks[j - 1][1]
    found.append(Mention(start, end, text[start:end], DESCRIPTION, info=info))
