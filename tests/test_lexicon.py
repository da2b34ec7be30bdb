"""The data files: they load, they resolve what journalists write, and broken rules are named."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import DataFileError
from kg.lexicon import load_lexicon
from kg.resources import DATA_DIR

from conftest import SHARED


@pytest.mark.parametrize("surface, label", [
    ("Los Blancos", "Real Madrid"), ("Los Merengues", "Real Madrid"), ("Spurs", "Tottenham Hotspur"),
    ("Man Utd", "Manchester United"), ("BvB", "Borussia Dortmund"), ("Pompey", "Portsmouth"),
    ("Liverpool", "Liverpool"), ("Arsenal", "Arsenal"), ("Bayern Munich", "Bayern Munich"),
    ("Atlético Madrid", "Atletico Madrid"), ("Anfield", "Liverpool"), ("Germany", "Germany"),
])
def test_lexicon_names_resolve_to_one_entity(lexicon, surface, label):
    ids = lexicon.lookup(surface)
    assert len(ids) == 1 and lexicon.label(ids[0]) == label


def test_lexicon_generic_words_are_not_names_alone(lexicon):
    assert lexicon.lookup("United") == () and "United" in lexicon.generic


def test_lexicon_demonyms_and_roles(lexicon):
    assert lexicon.label(lexicon.demonyms["german"]) == "Germany"
    assert lexicon.roles["head coach"] == "ManagerRole"
    assert lexicon.roles["sporting director"] == "ExecutiveRole"
    assert lexicon.positions["centre-back"] == "Defender" and lexicon.positions["winger"] == "Forward"


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def test_lexicon_new_nickname_needs_only_the_toml(tmp_path):
    data = _copy_data(tmp_path)
    text = (data / "clubs.toml").read_text()
    text = text.replace('[clubs.everton]\nnicknames = ["the Toffees", "the Toffeemen"]',
                        '[clubs.everton]\nnicknames = ["the Toffees", "the Toffeemen", "the School of Science"]')
    (data / "clubs.toml").write_text(text)
    lexicon = load_lexicon(data)
    assert lexicon.label(lexicon.lookup("the School of Science")[0]) == "Everton"


@pytest.mark.parametrize("file, edit, message", [
    ("clubs.toml", ("[clubs.everton]", "[clubs.no-such-club]"), "no club 'no-such-club'"),
    ("clubs.toml", ('nicknames = ["the Gunners"]', 'nicknames = ["the Gunners", "Los Blancos"]'), "names two entities"),
    ("roles.toml", ("ExecutiveRole = [", "BossRole = ["), "unknown role 'BossRole'"),
    ("positions.toml", ("Forward = [", "Striker = ["), "unknown position 'Striker'"),
    ("cues.toml", ("[transfer.club_first]\nrumour", "[transfer.club_first]\nmaybe"), "unknown status 'maybe'"),
    ("countries.toml", ("[countries]", "[countries"), "not valid TOML"),
])
def test_lexicon_broken_rule_names_file_and_rule(tmp_path, file, edit, message):
    data = _copy_data(tmp_path)
    text = (data / file).read_text()
    assert edit[0] in text
    (data / file).write_text(text.replace(edit[0], edit[1], 1))
    with pytest.raises(DataFileError) as info:
        load_lexicon(data)
    assert file in str(info.value) and message in str(info.value)


def test_lexicon_clubs_tsv_bad_row_names_the_line(tmp_path):
    data = _copy_data(tmp_path)
    with (data / "clubs.tsv").open("a") as handle:
        handle.write("only\ttwo\n")
    with pytest.raises(DataFileError, match=r"clubs.tsv:\d+: want 5 tab-separated columns"):
        load_lexicon(data)


@pytest.mark.skipif(not (SHARED / "data" / "openfootball-clubs").is_dir(), reason="needs ../shared")
def test_lexicon_clubs_tsv_is_what_the_importer_writes(tmp_path):
    out = tmp_path / "clubs.tsv"
    subprocess.run([sys.executable, "scripts/import_openfootball.py", str(SHARED / "data" / "openfootball-clubs"),
                    "-o", str(out)], check=True, cwd=Path(__file__).parent.parent, capture_output=True)
    assert out.read_text() == (DATA_DIR / "clubs.tsv").read_text()
