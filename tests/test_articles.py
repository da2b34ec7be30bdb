"""Stage 1: reading files and records, dates, sentences, and errors that name the file."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.articles import read_articles, read_file, split_sentences
from kg.errors import InputError

from conftest import DATA


def test_articles_seed_header_gives_date_and_title():
    [article], problems = read_file(DATA / "articles" / "city-sign-striker.txt")
    assert problems == []
    assert article.id == "city-sign-striker"
    assert article.date == dt.date(2023, 8, 10)
    assert article.title == "City complete signing of Marco Bellini"
    assert article.sentences[0].text == "City complete signing of Marco Bellini"


def test_articles_plain_text_has_no_invented_date():
    [article], _ = read_file(DATA / "articles" / "plain-no-date.txt")
    assert article.date is None
    assert article.sentences[0].text.startswith("Brighton defender Sam Okafor")


def test_articles_jsonl_records_use_usual_news_fields():
    articles, problems = read_file(DATA / "articles" / "records.jsonl")
    assert problems == []
    first, second = articles
    assert (first.id, first.date, first.title, first.source) == ("rec-1", dt.date(2024, 2, 10), "Spurs in talks", "BBC Sport")
    assert first.url == "https://example.com/spurs-vermeer"
    assert second.title == "Vermeer deal agreed" and "agreed a move" in second.text


def test_articles_json_list_and_rfc2822_date(tmp_path):
    path = tmp_path / "feed.json"
    path.write_text('[{"guid": "g1", "pubDate": "Tue, 01 Dec 2021 10:00:00 GMT", "description": "Chelsea sign Joe Smith."}]')
    [article], _ = read_file(path)
    assert (article.id, article.date) == ("g1", dt.date(2021, 12, 1))


@pytest.mark.parametrize("name, message", [
    ("empty.txt", "the file is empty"),
    ("bad-date.txt", "bad date '2024-13-45'"),
    ("binary.txt", "a binary file"),
    ("latin.txt", "not UTF-8 text"),
])
def test_articles_bad_file_is_named_with_its_problem(name, message):
    with pytest.raises(InputError) as info:
        read_file(DATA / "bad" / name)
    assert str(info.value).startswith(str(DATA / "bad" / name))
    assert message in str(info.value)


def test_articles_bad_jsonl_line_is_skipped_and_named():
    articles, problems = read_file(DATA / "bad" / "half-broken.jsonl")
    assert [a.id for a in articles] == ["ok"]
    assert len(problems) == 1 and ":2: not valid JSON" in str(problems[0])


def test_articles_folder_is_read_recursively_and_problems_collected(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text(" date 2024-01-01 Chelsea sign Joe Smith.\n")
    (tmp_path / "a" / "empty.txt").write_text("")
    articles, problems = read_articles([tmp_path])
    assert [a.id for a in articles] == ["x"]
    assert [p.problem for p in problems] == ["the file is empty"]


def test_articles_missing_path_is_a_problem_not_a_crash(tmp_path):
    articles, problems = read_articles([tmp_path / "nope"])
    assert articles == [] and "no such file or folder" in str(problems[0])


def test_articles_duplicate_ids_keep_the_first(tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    for folder in ("one", "two"):
        (tmp_path / folder / "same.txt").write_text("Chelsea sign Joe Smith.")
    articles, problems = read_articles([tmp_path])
    assert len(articles) == 1 and "duplicate article id 'same'" in str(problems[0])


@pytest.mark.parametrize("text, expected", [
    ("Mr. Smith joined St. Mirren. He is 23.", ["Mr. Smith joined St. Mirren.", "He is 23."]),
    ("He said: \"I am happy.\" Then he left.", ["He said: \"I am happy.\"", "Then he left."]),
    ("Line one\nLine two", ["Line one", "Line two"]),
    ("J. Smith scored. Good.", ["J. Smith scored.", "Good."]),
])
def test_articles_sentence_splitting(text, expected):
    assert [s.text for s in split_sentences(text)] == expected
