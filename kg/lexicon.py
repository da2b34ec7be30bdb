"""Load the data files of kg/data into one frozen ``Lexicon`` and check their rules on load.

Words live in data (clubs.tsv generated; the TOML files curated); this module only reads and
indexes them. A broken rule names the file and the key: an alias pointing at two entities in
one curated file, an unknown club id, an unknown role or position name.
"""
from __future__ import annotations

import csv
import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import DataFileError
from kg.resources import DATA_DIR

ROLE_NAMES = ("PlayerRole", "YouthPlayerRole", "LoanPlayerRole", "ManagerRole", "CoachingStaffRole", "ExecutiveRole")
POSITION_NAMES = ("Goalkeeper", "Defender", "Midfielder", "Forward")
TRANSFER_STATUSES = ("rumour", "advanced", "agreed", "completed", "denied")
CONTRACT_STATUSES = ("signed", "offered", "demanded", "rejected")

TOKEN = re.compile(r"[^\W_]+(?:[-'’.&][^\W_]+)*|[^\w\s]", re.UNICODE)


def fold(text: str) -> str:
    """Drop accents character by character, keeping the length (so offsets stay valid).

    >>> fold("Rüdiger Pérez")
    'Rudiger Perez'
    """
    if text.isascii():
        return text
    return text.translate(_FoldTable())


class _FoldTable(dict):
    """str.translate table built lazily: each non-ASCII character once, to its accentless base."""

    _cache: dict[int, str] = {ord("’"): "'", ord("‘"): "'"}

    def __missing__(self, code: int) -> str:
        if code not in self._cache:
            ch = chr(code)
            kept = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            self._cache[code] = kept if len(kept) == 1 else ch
        return self._cache[code]


def name_key(text: str) -> str:
    """How names are compared when a user types them: no case, no accents, single spaces.

    >>> name_key("  Real   MADRID ") == name_key("real madrid")
    True
    """
    return " ".join(fold(text).lower().split())


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Word and punctuation tokens with offsets; a trailing possessive 's is its own token.

    >>> [t[2] for t in tokens("Real Madrid's Nacho")]
    ['Real', 'Madrid', "'s", 'Nacho']
    """
    out = []
    for m in TOKEN.finditer(text):
        word, start = m.group(), m.start()
        if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
            out.append((start, start + len(word) - 2, word[:-2]))
            out.append((start + len(word) - 2, start + len(word), word[-2:]))
        elif len(word) > 1 and word[-1] in "'’" and word[-2] == "s":
            out.append((start, start + len(word) - 1, word[:-1]))  # "the Blues'" -> "the Blues"
            out.append((start + len(word) - 1, start + len(word), "'s"))
        else:
            out.append((start, m.end(), word))
    return out


def surface_key(text: str) -> str:
    """The key an alias is indexed under: accent-folded tokens joined by single spaces."""
    return " ".join(tok for _, _, tok in tokens(fold(text)))


@dataclass(frozen=True)
class Entry:
    """A named thing the lexicon knows: a club, national team, league, organisation, country or outlet."""

    id: str  # "<kind>/<slug>", the tail of its IRI
    kind: str  # Club, NationalTeam, League, Organisation, Country, Outlet, Journalist, Competition
    label: str
    country: str | None = None  # openfootball country code


@dataclass(frozen=True)
class Ambiguous:
    """A press name with several possible clubs ("the Reds"): see clubs.toml."""

    candidates: tuple[str, ...]
    default: str | None


@dataclass(frozen=True)
class Lexicon:
    """Everything the middle stages look up, indexed for speed; built once by ``load_lexicon``."""

    entries: dict[str, Entry]
    surfaces: dict[str, tuple[str, ...]]  # surface key -> entry ids (one, or several if ambiguous)
    ambiguous: dict[str, Ambiguous]
    generic: frozenset[str]
    descriptors: frozenset[str]
    demonyms: dict[str, str]  # lower-cased demonym -> country entry id
    country_codes: dict[str, str]  # openfootball code -> country entry id
    national_teams: dict[str, str]  # country entry id -> national team entry id
    roles: dict[str, str]  # lower-cased role phrase -> fkg role name
    past_role_words: frozenset[str]
    positions: dict[str, str]  # lower-cased position phrase -> fkg position name
    cues: dict = field(repr=False)
    particles: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    description_modifiers: frozenset[str] = frozenset()
    youth_words: tuple[str, ...] = ()
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)  # first word -> key lengths

    def lookup(self, text: str) -> tuple[str, ...]:
        """Entry ids a surface form names (empty when none).

        >>> load_lexicon().lookup("Los Blancos")
        ('club/real-madrid',)
        """
        return self.surfaces.get(surface_key(text), ())

    def label(self, entry_id: str) -> str:
        return self.entries[entry_id].label


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens, the tail of every key and IRI.

    >>> slug("Antonio Rüdiger")
    'antonio-rudiger'
    """
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-") or "x"


def _load_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise DataFileError(path, "missing data file") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(path, f"not valid TOML ({exc})") from None


def the_variants(key: str) -> list[str]:
    """Other ways a press name with "the" is written: capitalised, or without the article.

    >>> the_variants("the Reds")
    ['The Reds', 'Reds']
    """
    if not key.startswith("the ") or not key[4:5].isupper():
        return []
    return ["The " + key[4:], key[4:]]


class _Builder:
    """Collects entries and surfaces while loading, then freezes them into a Lexicon."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.owners: dict[str, dict[str, int]] = {}  # key -> {entry id: strength}

    def add(self, entry: Entry) -> None:
        self.entries[entry.id] = entry

    def name(self, entry_id: str, surface: str, strength: int, source: Path | None = None) -> None:
        key = surface_key(surface)
        if not key:
            return
        owners = self.owners.setdefault(key, {})
        if source is not None and strength >= 3 and any(s >= 3 and o != entry_id for o, s in owners.items()):
            other = next(o for o, s in owners.items() if s >= 3 and o != entry_id)
            raise DataFileError(source, f"'{surface}' names two entities: {other} and {entry_id}")
        owners[entry_id] = max(strength, owners.get(entry_id, 0))
        for variant in the_variants(key):  # "The Reds" opening a sentence, "Reds boss" without the article
            self.owners.setdefault(variant, {})[entry_id] = max(strength, owners.get(entry_id, 0))


def load_lexicon(data_dir: str | Path | None = None) -> Lexicon:
    """Read and check the data files; the default folder's lexicon is cached.

    >>> lex = load_lexicon()
    >>> lex.label(lex.lookup("Spurs")[0])
    'Tottenham Hotspur'
    """
    if data_dir is None:
        return _default_lexicon()
    return _load(Path(data_dir))


@functools.lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    return _load(DATA_DIR)


def _load(data: Path) -> Lexicon:
    b = _Builder()
    clubs_toml = _load_toml(data / "clubs.toml")
    resolution = clubs_toml.get("resolution", {})
    priority = {code: i for i, code in enumerate(resolution.get("country_priority", []))}
    ignored = {surface_key(a) for a in resolution.get("ignored_aliases", [])}
    generic = frozenset(surface_key(w) for w in resolution.get("generic", []))
    curated = clubs_toml.get("clubs", {})

    # Generated clubs: strength 2 for a label, 1 for an alias (a curated name beats both).
    tsv = data / "clubs.tsv"
    try:
        rows = [r for r in csv.reader(tsv.open(encoding="utf-8"), delimiter="\t") if r and not r[0].startswith("#")]
    except FileNotFoundError:
        raise DataFileError(tsv, "missing data file (run scripts/import_openfootball.py)") from None
    if not rows or rows[0][:2] != ["id", "label"]:
        raise DataFileError(tsv, "the first row must be the header id, label, country, ground, aliases", line=2)
    for number, row in enumerate(rows[1:], start=3):
        if len(row) != 5:
            raise DataFileError(tsv, f"want 5 tab-separated columns, found {len(row)}", line=number)
        ident, label, country, ground, aliases = row
        extra = curated.get(ident, {})
        entry = Entry(f"club/{ident}", "Club", extra.get("label", label), country)
        b.add(entry)
        b.name(entry.id, entry.label, 2)
        for alias in [label, *aliases.split("|")]:
            if alias and surface_key(alias) not in ignored and surface_key(alias) not in generic:
                b.name(entry.id, alias, 1)
        if ground:
            b.name(entry.id, ground, 1)
            if "'s" in ground:  # "St Andrew's" is written "St Andrews" as often
                b.name(entry.id, ground.replace("'s", "s"), 1)
    for ident, extra in clubs_toml.get("extra", {}).items():
        entry = Entry(f"{extra.get('type', 'Club').lower()}/{ident}", extra.get("type", "Club"), extra["label"],
                      extra.get("country"))
        b.add(entry)
        b.name(entry.id, entry.label, 3, data / "clubs.toml")
        for alias in extra.get("aliases", []):
            b.name(entry.id, alias, 3, data / "clubs.toml")
    for ident, extra in curated.items():
        entry_id = f"club/{ident}"
        if entry_id not in b.entries:
            raise DataFileError(data / "clubs.toml", f"[clubs.{ident}]: no club '{ident}' in clubs.tsv or [extra]")
        for alias in [extra.get("label"), *extra.get("aliases", []), *extra.get("nicknames", []),
                      *extra.get("grounds", [])]:
            if alias:
                b.name(entry_id, alias, 3, data / "clubs.toml")
    ambiguous = {}
    for surface, spec in clubs_toml.get("ambiguous", {}).items():
        for candidate in [*spec.get("candidates", []), spec.get("default")]:
            if candidate and f"club/{candidate}" not in b.entries:
                raise DataFileError(data / "clubs.toml", f"[ambiguous.\"{surface}\"]: unknown club id '{candidate}'")
        amb = Ambiguous(tuple(f"club/{c}" for c in spec.get("candidates", [])),
                        f"club/{spec['default']}" if spec.get("default") else None)
        ambiguous[surface_key(surface)] = amb
        for variant in the_variants(surface_key(surface)):
            ambiguous[variant] = amb

    # Countries, their people and their national teams.
    countries = _load_toml(data / "countries.toml").get("countries", {})
    demonyms: dict[str, str] = {}
    codes: dict[str, str] = {}
    teams: dict[str, str] = {}
    for name, spec in countries.items():
        country = Entry(f"country/{slug(name)}", "Country", name, spec.get("code"))
        team = Entry(f"team/{slug(name)}", "NationalTeam", f"{name} national team", spec.get("code"))
        b.add(country)
        b.add(team)
        teams[country.id] = team.id
        for surface in [name, *spec.get("names", [])]:
            b.name(country.id, surface, 3, data / "countries.toml")
        for demonym in spec.get("demonyms", []):
            if demonym.lower() in demonyms:
                raise DataFileError(data / "countries.toml", f"demonym '{demonym}' given to two countries")
            demonyms[demonym.lower()] = country.id
        if spec.get("code"):
            codes[spec["code"]] = country.id

    comps = _load_toml(data / "competitions.toml")
    for name, spec in comps.get("leagues", {}).items():
        league = Entry(f"league/{slug(name)}", "League", name, spec.get("country"))
        b.add(league)
        for surface in [name, *spec.get("aliases", [])]:
            b.name(league.id, surface, 3, data / "competitions.toml")
    for name in comps.get("competitions", {}).get("names", []):
        entry = Entry(f"competition/{slug(name)}", "Competition", name)
        b.add(entry)
        b.name(entry.id, name, 3)

    outlets = _load_toml(data / "outlets.toml")
    for name in outlets.get("outlets", {}).get("names", []):
        entry = Entry(f"outlet/{slug(name)}", "Outlet", name)
        b.entries.setdefault(entry.id, entry)
        b.name(entry.id, name, 2)
    for name in outlets.get("journalists", {}).get("names", []):
        entry = Entry(f"person/{slug(name)}", "Journalist", name)
        b.add(entry)
        b.name(entry.id, name, 3, data / "outlets.toml")

    roles_toml = _load_toml(data / "roles.toml")
    roles = {}
    for role, words in roles_toml.get("roles", {}).items():
        if role not in ROLE_NAMES:
            raise DataFileError(data / "roles.toml", f"unknown role '{role}'; known: {', '.join(ROLE_NAMES)}")
        for word in words:
            roles[word.lower()] = role
    positions = {}
    for position, words in _load_toml(data / "positions.toml").get("positions", {}).items():
        if position not in POSITION_NAMES:
            raise DataFileError(data / "positions.toml",
                                f"unknown position '{position}'; known: {', '.join(POSITION_NAMES)}")
        for word in words:
            positions[word.lower()] = position

    cues = _load_toml(data / "cues.toml")
    for side in ("club_first", "person_first"):
        for status in cues.get("transfer", {}).get(side, {}):
            if status not in TRANSFER_STATUSES:
                raise DataFileError(data / "cues.toml", f"[transfer.{side}]: unknown status '{status}'")
    names = _load_toml(data / "names.toml").get("names", {})

    surfaces: dict[str, tuple[str, ...]] = {}
    for key, owners in b.owners.items():
        best = max(owners.values())
        top = [o for o, s in owners.items() if s == best]
        if len(top) > 1:
            # The same name for clubs of several countries: the country listed first in clubs.toml wins.
            ranked = sorted(top, key=lambda o: priority.get(b.entries[o].country or "", len(priority)))
            first = priority.get(b.entries[ranked[0]].country or "", len(priority))
            second = priority.get(b.entries[ranked[1]].country or "", len(priority))
            top = ranked[:1] if first < second else ranked
        surfaces[key] = tuple(sorted(top))
    lengths: dict[str, set] = {}
    for key in [*surfaces, *ambiguous]:
        words = key.split()
        lengths.setdefault(words[0], set()).add(len(words))
    return Lexicon(
        lengths={w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()},
        entries=b.entries, surfaces=surfaces,
        ambiguous=ambiguous, generic=generic,
        descriptors=frozenset(w.lower() for w in resolution.get("descriptors", [])),
        demonyms=demonyms, country_codes=codes, national_teams=teams,
        roles=roles, past_role_words=frozenset(w.lower() for w in roles_toml.get("past", {}).get("words", [])),
        positions=positions, cues=cues,
        particles=frozenset(names.get("particles", [])), titles=frozenset(names.get("titles", [])),
        not_names=frozenset(names.get("not_names", [])),
        description_modifiers=frozenset(w.lower() for w in roles_toml.get("descriptions", {}).get("modifiers", [])),
        youth_words=tuple(roles_toml.get("youth", {}).get("words", [])),
    )
