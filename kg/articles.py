"""Stage 1: read article files and records into ``Article`` objects split into sentences.

Inputs: the seed format (first line `` date YYYY-MM-DD `` then the text, the headline or
first paragraph often on the same line), plain ``.txt`` with no header (the date is then
unknown, never guessed), and ``.jsonl`` / ``.json`` records with the usual fields of
scraped news. Folders are read recursively. A file that cannot be read becomes an
``InputError`` naming it and its problem; the caller decides whether to skip it.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError

TEXT_SUFFIXES = (".txt",)
RECORD_SUFFIXES = (".jsonl", ".json")
SUFFIXES = TEXT_SUFFIXES + RECORD_SUFFIXES

# Field names scraped news uses, in order of preference.
ID_FIELDS = ("id", "article_id", "guid", "uuid")
DATE_FIELDS = ("date", "published", "published_at", "publishedAt", "pubDate", "datetime", "created_at")
TITLE_FIELDS = ("title", "headline")
TEXT_FIELDS = ("text", "body", "content", "article", "maintext", "description")
URL_FIELDS = ("url", "link", "href")
SOURCE_FIELDS = ("source", "outlet", "publisher", "source_domain", "site")

HEADER = re.compile(r"^\ufeff?\s*date\s+(\S+)[ \t]*(.*)$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article, numbered from 0 in reading order."""

    index: int
    text: str
    paragraph: int


@dataclass(frozen=True)
class Article:
    """An article as the pipeline sees it: an id, a date (or None), a title and its sentences."""

    id: str
    date: dt.date | None
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None
    sentences: tuple[Sentence, ...] = field(default=(), compare=False, repr=False)

    @property
    def content_hash(self) -> str:
        """SHA-256 of what the extraction reads, so a changed article is noticed on --update."""
        payload = json.dumps([self.id, self.date and self.date.isoformat(), self.title, self.text,
                              self.url, self.source], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def make_article(id: str, text: str, date: dt.date | str | None = None, *, title: str | None = None,
                 url: str | None = None, source: str | None = None, path: str | None = None) -> Article:
    """Build an Article from plain values, splitting its sentences.

    >>> a = make_article("x", "Chelsea sign Smith. He is 23.", "2024-01-02")
    >>> [s.text for s in a.sentences], a.date.year
    (['Chelsea sign Smith.', 'He is 23.'], 2024)
    """
    if isinstance(date, str):
        date = parse_date(date)
    return Article(id=id, date=date, text=text, title=title, url=url, source=source, path=path,
                   sentences=tuple(split_sentences(text)))


# --- sentence splitting ---------------------------------------------------------------

# Words after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset("""mr mrs ms dr st no vs v jr sr prof gen capt sgt lt col rev fc
 inc ltd co e.g i.e etc approx est""".split())
BOUNDARY = re.compile(r"""(?<=[.!?])(?P<close>['"’”)\]]*)\s+(?=["'‘“(\[]?[A-Z0-9ÀÁÂÄÅÇÈÉÊËÍÎÏÑÓÔÖØÚÜŠŽ])""")


def split_sentences(text: str) -> Iterator[Sentence]:
    """Split text into sentences: paragraphs at line breaks, then at sentence-final punctuation.

    >>> [s.text for s in split_sentences("Mr. Smith left St. Mirren. He joined Celtic.")]
    ['Mr. Smith left St. Mirren.', 'He joined Celtic.']
    """
    index = 0
    paragraphs = [p.strip() for p in re.split(r"\n+", text) if p.strip()]
    for number, paragraph in enumerate(paragraphs):
        start = 0
        for match in BOUNDARY.finditer(paragraph):
            end = match.start() + len(match["close"])  # closing quotes stay with their sentence
            before = paragraph[start:match.start()]
            last = before.rsplit(None, 1)[-1].lower().rstrip(".") if before.split() else ""
            if last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue  # "Mr. Smith", "J. Smith": the full stop closes an abbreviation or initial
            piece = paragraph[start:end].strip()
            if piece:
                yield Sentence(index, piece, number)
                index += 1
            start = match.end()
        piece = paragraph[start:].strip()
        if piece:
            yield Sentence(index, piece, number)
            index += 1


# --- dates ----------------------------------------------------------------------------

def parse_date(value: str) -> dt.date:
    """Read an ISO date or an RFC 2822 date ("Tue, 01 Dec 2021 10:00:00 GMT").

    >>> parse_date("2021-12-01T10:00:00Z")
    datetime.date(2021, 12, 1)
    """
    value = str(value).strip()
    match = ISO_DATE.match(value)
    if match:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    parsed = email.utils.parsedate_to_datetime(value)  # raises TypeError/ValueError when not a date
    return parsed.date()


# --- files ----------------------------------------------------------------------------

def iter_input_files(paths: Iterable[str | Path], exclude: Iterable[str | Path] = ()) -> Iterator[Path]:
    """The input files named by ``paths``: files as given, folders searched recursively, in a stable order.

    Files under ``exclude`` (the build's own output folder) are never taken for articles.
    """
    seen: set[Path] = set()
    skipped = [Path(p).resolve() for p in exclude]
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                                and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.exists():
            candidates = [path]
        else:
            raise InputError(path, "no such file or folder")
        for candidate in candidates:
            key = candidate.resolve()
            if path.is_dir() and any(key.is_relative_to(s) for s in skipped):
                continue
            if key not in seen:
                seen.add(key)
                yield candidate


def read_file(path: Path) -> tuple[list[Article], list[InputError]]:
    """Read one file into articles; record-level problems come back beside them.

    A problem with the whole file (unreadable, empty, binary, malformed) raises InputError.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise InputError(path, "the file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(path, "a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text (byte {exc.start})") from None
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return _read_jsonl(path, text)
    if suffix == ".json":
        return _read_json(path, text)
    return [_read_text(path, text)], []


def _read_text(path: Path, text: str) -> Article:
    lines = text.splitlines()
    first = lines[0] if lines else ""
    header = HEADER.match(first)
    date = None
    title = None
    if header:
        try:
            date = parse_date(header[1])
        except (TypeError, ValueError):
            raise InputError(path, f"bad date '{header[1]}' in the header (want YYYY-MM-DD)", line=1) from None
        rest = header[2].strip()
        body = "\n".join([rest, *lines[1:]])
        # In the seed format the headline, or the first paragraph, follows the date on line 1.
        title = rest or None
    elif re.match(r"^\s*date\b", first, re.I):
        raise InputError(path, "the header line has no date (want ' date YYYY-MM-DD ')", line=1)
    else:
        body = text
    if not body.strip():
        raise InputError(path, "the article has a header but no text")
    return make_article(path.stem, body.strip(), date, title=title, path=str(path))


def _read_jsonl(path: Path, text: str) -> tuple[list[Article], list[InputError]]:
    articles, problems = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(InputError(path, f"not valid JSON ({exc.msg}, column {exc.colno})", line=number))
            continue
        try:
            articles.append(article_from_record(record, path, number))
        except InputError as exc:
            problems.append(exc)
    if not articles and problems:
        raise problems[0]
    return articles, problems


def _read_json(path: Path, text: str) -> tuple[list[Article], list[InputError]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not valid JSON ({exc.msg})", line=exc.lineno) from None
    if isinstance(data, dict):
        records = data.get("articles") or data.get("items") or data.get("data") or [data]
    elif isinstance(data, list):
        records = data
    else:
        raise InputError(path, "JSON must hold a record, a list of records or {\"articles\": [...]}")
    articles, problems = [], []
    for number, record in enumerate(records, start=1):
        try:
            articles.append(article_from_record(record, path, number, where="record"))
        except InputError as exc:
            problems.append(exc)
    if not articles and problems:
        raise problems[0]
    return articles, problems


def _first(record: dict, names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, dict):  # {"source": {"name": "BBC"}} as news APIs give it
            value = value.get("name") or value.get("title")
        if value not in (None, ""):
            return str(value)
    return None


def article_from_record(record: object, path: Path, number: int, where: str = "line") -> Article:
    """Turn one scraped-news record into an Article; a record without text is an InputError."""
    if not isinstance(record, dict):
        raise InputError(path, f"{where} {number} is not a JSON object", line=number)
    text = _first(record, TEXT_FIELDS)
    if not text or not text.strip():
        raise InputError(path, f"{where} {number} has no text (looked for: {', '.join(TEXT_FIELDS)})", line=number)
    raw_date = _first(record, DATE_FIELDS)
    date = None
    if raw_date:
        try:
            date = parse_date(raw_date)
        except (TypeError, ValueError):
            raise InputError(path, f"{where} {number} has a bad date '{raw_date}'", line=number) from None
    url = _first(record, URL_FIELDS)
    ident = _first(record, ID_FIELDS)
    if not ident:
        slug = re.sub(r"[^\w-]+", "-", url.rstrip("/").rsplit("/", 1)[-1]).strip("-") if url else ""
        ident = slug or f"{path.stem}-{number}"
    title = _first(record, TITLE_FIELDS)
    body = text.strip()
    return make_article(ident, body, date, title=title, url=url, source=_first(record, SOURCE_FIELDS),
                        path=f"{path}:{number}")


def read_articles(paths: Iterable[str | Path], exclude: Iterable[str | Path] = ()) -> tuple[list[Article], list[InputError]]:
    """Read every article under ``paths``; return the articles and the problems met (skipped inputs).

    Two inputs with the same article id: the first is kept, the second is a problem.
    """
    articles: list[Article] = []
    problems: list[InputError] = []
    owners: dict[str, str] = {}
    try:
        files = list(iter_input_files(paths, exclude))
    except InputError as exc:
        return [], [exc]
    for path in files:
        try:
            found, record_problems = read_file(path)
        except InputError as exc:
            problems.append(exc)
            continue
        problems.extend(record_problems)
        for article in found:
            if article.id in owners:
                problems.append(InputError(article.path or path,
                                           f"duplicate article id '{article.id}' (first read from {owners[article.id]})"))
                continue
            owners[article.id] = article.path or str(path)
            articles.append(article)
    return articles, problems
