"""A sentence as extractors read it: mentions replaced by typed slots, the rest lower-cased.

"Liverpool want Real Madrid defender Antonio Rudiger" becomes
"⟦C0⟧ want ⟦C1⟧ defender ⟦P2⟧", and slot 2 maps back to the person. Extractors match the
frame with regular expressions built from the cue lists of cues.toml, so the words stay in
data and the shape of a statement stays in code.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.articles import Article
from kg.facts import Evidence
from kg.lexicon import Lexicon
from kg.mentions import DEMONYM, ENTITY, PRONOUN, Mention
from kg.resolve import ResolvedArticle, ResolvedSentence

# Slot letters: P person (H for a possessive "his"), C club / national team / organisation, N country,
# L league, O outlet or journalist, X competition.
SLOT_LETTER = {"person": "P", "club": "C", "team": "C", "organisation": "C", "country": "N", "league": "L",
               "outlet": "O", "competition": "X"}


def slot(letter: str, name: str = "") -> str:
    """A regex matching one slot of the given letters; named, the group spans the whole slot, so that
    m.start(name) and m.end(name) are its edges: slot("C", "to") -> (?P<to>⟦[C]\\d+⟧)."""
    pattern = f"⟦[{letter}]\\d+⟧"
    return f"(?P<{name}>{pattern})" if name else pattern


def gap(chars: int) -> str:
    """Up to ``chars`` characters that do not cross a clause end, a club or a named person.

    Leagues, outlets, countries and possessive pronouns may stand in a gap:
    "X has spent his career playing MLS with Y" still joins X and Y.
    """
    return f"(?:[^⟦⟧;:]|⟦[LOXNH]\\d+⟧){{0,{chars}}}?"


# A noun phrase set off by commas after a person, which the statement steps over:
# "X, then a France Under-19 international, made his breakthrough at Laval", "X, a Chelsea academy
# graduate who joined Bayern in 2019".
APPOSITIVE = r"(?:\s*,\s*(?:then\s+|now\s+|still\s+)?(?:a|an|the)\s+[^,;⟦]{0,40}(?:⟦[CNL]\d+⟧[^,;⟦]{0,40})?(?:,|\bwho\b))?"


@functools.lru_cache(maxsize=None)
def cue_pattern(phrases: tuple[str, ...]) -> str:
    """An alternation of cue phrases, longest first, matching whole words.

    A phrase that ends in a symbol ("complete £") may run into what follows ("£21million").
    """
    def one(phrase: str) -> str:
        # tabloids quote single words inside a phrase: "would be 'delighted' to join"
        body = re.escape(phrase.lower()).replace(r"\ ", r"['\"]?\s+['\"]?")
        return body + (r"(?![\w])" if phrase[-1:].isalnum() else "")

    parts = sorted({one(p) for p in phrases}, key=len, reverse=True)
    return r"(?<![\w£€$])(?:" + "|".join(parts) + r")"


@dataclass
class Frame:
    """One sentence ready for extraction."""

    text: str  # the frame string
    slots: list[Mention]  # slot number -> mention
    sentence: ResolvedSentence
    evidence: Evidence
    index: int  # position of the sentence in the article

    @staticmethod
    def number(ref: str | int) -> int:
        """A slot's number, from the slot as matched ("⟦C3⟧"), its digits ("3") or the number itself."""
        return ref if isinstance(ref, int) else int(ref.strip("⟦⟧PHCNLOX"))

    def entity(self, ref: str | int) -> str:
        return self.slots[self.number(ref)].entity or ""

    def mention(self, ref: str | int) -> Mention:
        return self.slots[self.number(ref)]


TITLED = re.compile(slot("C", "c") + r"(?:\s*'s)?\s+(?P<words>(?:[\w-]+\s+){1,3}?)⟦P(?P<p>\d+)⟧")


@dataclass
class Context:
    """What an extractor may read besides the sentence: the whole article and the lexicon."""

    article: Article
    resolved: ResolvedArticle
    lexicon: Lexicon
    frames: list[Frame]

    def current_club(self, person: str) -> str | None:
        """The club the article ties a person to by a role word ("Chelsea defender X"), if one."""
        return self._titled_clubs.get(person)

    @functools.cached_property
    def _titled_clubs(self) -> dict[str, str]:
        """Person -> the first club the article names before them with a role word; read once per article."""
        found: dict[str, str] = {}
        for frame in self.frames:
            for m in TITLED.finditer(frame.text):
                words = m["words"].split()
                titled = any(" ".join(words[i:]) in self.lexicon.roles or " ".join(words[i:]) in self.lexicon.positions
                             for i in range(len(words)))
                person, club = frame.entity(m["p"]), frame.entity(m["c"])
                if titled and club.startswith("club/") and not re.search(r"(?:former|ex-?)\s*$", frame.text[:m.start()]):
                    found.setdefault(person, club)
        return found

    @functools.cached_property
    def _main_club(self) -> str | None:
        counts: dict[str, int] = {}
        for frame in self.frames:
            for s in frame.slots:
                if (s.entity or "").startswith("club/"):
                    counts[s.entity] = counts.get(s.entity, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        # clearly the article's club: named at least twice, and two times more than any other
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= ranked[1][1] + 2):
            return ranked[0][0]
        return None

    def main_club(self) -> str | None:
        """The club the article is about: named most often, and more often than any other."""
        return self._main_club

    @functools.cached_property
    def story_years(self) -> list[int | None]:
        """The year a story told in order has reached at each sentence: the latest year (or season's end)
        a sentence names, carried on to the sentences after it and moved on a year when the months
        told go round ("sacked in November ... on loan in January")."""
        year, month = None, 0
        reached: list[int | None] = []
        for frame in self.frames:
            years = years_in(frame.text) + [season_end(a, b) for a, b in re.findall(rf"\b({YEAR})-(\d{{2}})\b", frame.text)]
            if years:
                year, month = max(years), 0
            for word in re.findall(STORY_MONTH, frame.text):
                number = MONTHS.index(word) + 1 if word in MONTHS else 7  # "summer"
                if year is not None and number < month:
                    year += 1
                month = number
            reached.append(year)
        return reached


def build_frame(rs: ResolvedSentence, article_id: str, index: int) -> Frame:
    """Replace resolved mentions by slots; mentions inside a description are left to it."""
    parts: list[str] = []
    slots: list[Mention] = []
    pos = 0
    text = rs.text
    for m in sorted(rs.mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if m.start < pos:
            continue  # nested in a description already placed
        if m.kind == DEMONYM:
            continue  # "Italian striker X": an adjective, read by the attributes extractor from the text
        letter = SLOT_LETTER.get((m.entity or "").split("/", 1)[0]) if m.entity else None
        if letter is None:
            continue
        if letter == "P" and m.kind == PRONOUN and m.info.get("possessive"):
            letter = "H"  # "his": a person, but one that patterns may step over
        elif letter == "P" and m.kind == ENTITY:
            letter = "O"  # a journalist of outlets.toml: a reporter, not a party to the fact
        parts.append(text[pos:m.start].lower())
        parts.append(f"⟦{letter}{len(slots)}⟧")
        slots.append(m)
        pos = m.end
    parts.append(text[pos:].lower())
    frame = re.sub(r"\s+", " ", "".join(parts)).replace("’", "'").replace("‘", "'")
    return Frame(frame, slots, rs, Evidence(article_id, rs.sentence.index, rs.text), index)


def build_context(resolved: ResolvedArticle, lexicon: Lexicon) -> Context:
    frames = [build_frame(rs, resolved.article.id, i) for i, rs in enumerate(resolved.sentences)]
    return Context(resolved.article, resolved, lexicon, frames)


# --- dates and numbers in text -----------------------------------------------------------

YEAR = r"(?:19|20)\d{2}"

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
MONTH = "(?:" + "|".join(MONTHS) + ")"
# Months that move a story on; "may" is left out, being mostly the verb.
STORY_MONTH = r"\b(" + "|".join(m for m in MONTHS if m != "may") + r"|summer)\b"


def years_in(text: str) -> list[int]:
    """The four-digit years a text names, in order."""
    return [int(y) for y in re.findall(rf"\b{YEAR}\b", text)]


def season_end(start: str, end: str) -> int:
    """The year a season ends in, from its two halves as written.

    >>> season_end("2023", "24"), season_end("2014", "2015")
    (2024, 2015)
    """
    return int(end) if len(end) == 4 else int(start[:2] + end)


NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1, "single": 1}
NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


def number(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


CURRENCY = {"£": "GBP", "€": "EUR", "$": "USD"}
MONEY = re.compile(r"(?P<cur>[£€$])\s?(?P<amount>\d+(?:[.,]\d+)*)\s?(?P<unit>million|mln|m|bn|billion|k|thousand)?\b",
                   re.I)


WORDED_MONEY = re.compile(r"\b(?P<amount>\d+(?:\.\d+)?)\s?(?P<unit>million|m|bn|billion|k)?\s+"
                          r"(?P<cur>euros?|pounds?|dollars?)\b", re.I)
WORDED_CURRENCY = {"euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP", "dollar": "USD", "dollars": "USD"}


def money(text: str) -> list[tuple[float, str, int, int]]:
    """Amounts of money in a text: (value in whole units, ISO currency, start, end).

    >>> money("a £21million fee and £100,000-a-week")
    [(21000000.0, 'GBP', 2, 12), (100000.0, 'GBP', 21, 29)]
    """
    found = []
    for m in WORDED_MONEY.finditer(text):  # "about 5m euros"
        unit = (m["unit"] or "").lower()
        value = float(m["amount"]) * {"m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9, "k": 1e3}.get(unit, 1)
        found.append((value, WORDED_CURRENCY[m["cur"].lower()], m.start(), m.end()))
    for m in MONEY.finditer(text):
        raw = m["amount"].replace(",", "") if m["unit"] is None or "," in m["amount"][-4:-3] else m["amount"]
        try:
            value = float(raw.replace(",", ""))
        except ValueError:
            continue
        unit = (m["unit"] or "").lower()
        value *= {"m": 1e6, "mln": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9, "k": 1e3, "thousand": 1e3}.get(unit, 1)
        found.append((value, CURRENCY[m["cur"]], m.start(), m.end()))
    return sorted(found, key=lambda f: f[2])
