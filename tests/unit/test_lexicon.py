"""kg.lexicon: the tables load, validate with file and line, and answer look-ups (no model)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.errors import LexiconError
from kg.lexicon import LEXICON_DIR, TABLES, load_lexicon, load_lexicon_from


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    for name in TABLES:
        shutil.copy(LEXICON_DIR / name, tmp_path / name)
    return tmp_path


def _append(folder: Path, table: str, row: str) -> int:
    path = folder / table
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n" + row + "\n"
    path.write_text(text, encoding="utf-8")
    return text.count("\n")


@pytest.mark.parametrize(
    ("table", "row", "message"),
    [
        ("named_events.tsv", "Drill\tX\t\tUSA\t", "type 'Drill' must be one of Exercise, Treaty"),
        ("named_events.tsv", "Exercise\tY\t\tXXX\t", "party 'XXX' is not an iso3 of states.tsv"),
        ("named_events.tsv", "Exercise\tfoal eagle\t\tUSA\t", "'foal eagle' already names 'Foal Eagle'"),
        ("named_events.tsv", "Exercise\tZ", "wrong number of tab-separated fields"),
        ("named_events.tsv", "Treaty\tW\t\tUSA\t87", "signed '87' must be a year"),
        ("cues.tsv", "class_word\tzapper\tlaser gun", "unknown weapon class 'laser gun'"),
        ("weapons.tsv", "Zap\t\tlaser\tUSA\t", "unknown weapon_class 'laser'"),
        ("weapons_added.tsv", "Agni\t\tballistic missile\tIND\t", "duplicate weapon 'Agni'"),
        ("weapon_users.tsv", "Zap Gun\tGBR", "unknown weapon 'Zap Gun'; use a name of weapons.tsv"),
        ("weapon_users.tsv", "Tomahawk\tGBR|XXX", "user 'XXX' is not an iso3 of states.tsv"),
        ("sites.tsv", "Nowhere\tXXX\t", "state 'XXX' is not an iso3 of states.tsv"),
        ("sites.tsv", "Kalma Bay\tPRK\tplesetsk", "'plesetsk' already names 'Plesetsk'"),
    ],
)
def test_a_bad_row_names_file_and_line(copy: Path, table: str, row: str, message: str) -> None:
    line = _append(copy, table, row)
    with pytest.raises(LexiconError, match=message) as info:
        load_lexicon_from(copy)
    assert f"{table}:{line}" in str(info.value)


def test_comment_lines_and_blank_lines_are_skipped(copy: Path) -> None:
    _append(copy, "cues.tsv", "# -- a group of cues, said what it is for\n\nexpect_cue\tmull\t")
    assert "mull" in load_lexicon_from(copy).cue_terms("expect_cue")


@pytest.mark.parametrize(
    ("kind", "text", "name", "parties"),
    [
        ("Exercise", "Zapad-2017", "Zapad", ("BLR", "RUS")),
        ("Exercise", "Malabar 2020", "Malabar", ("IND", "USA")),
        ("Exercise", "Joint Sword-2024A", "Joint Sword", ("CHN",)),
        ("Exercise", "Great Prophet 9", "Great Prophet", ("IRN",)),
        ("Exercise", "ulchi  freedom shield", "Ulchi Freedom Shield", ("KOR", "USA")),
        ("Treaty", "INF Treaty", "Intermediate-Range Nuclear Forces Treaty", ("RUS", "USA")),
        # a hyphen written as a space, or a space as a hyphen, is the same name
        (
            "Treaty",
            "Intermediate Range Nuclear Forces Treaty",
            "Intermediate-Range Nuclear Forces Treaty",
            ("RUS", "USA"),
        ),
        ("Exercise", "Ulchi-Freedom Shield", "Ulchi Freedom Shield", ("KOR", "USA")),
        (
            "Treaty",
            "JCPOA",
            "Joint Comprehensive Plan of Action",
            ("CHN", "DEU", "FRA", "GBR", "IRN", "RUS", "USA"),
        ),
        ("Treaty", "Outer Space Treaty", "Outer Space Treaty", ()),
    ],
)
def test_named_events_are_found_by_name_alias_and_edition(
    kind: str, text: str, name: str, parties: tuple[str, ...]
) -> None:
    found = load_lexicon().named_event(kind, text)
    assert found is not None
    assert (found.name, found.parties) == (name, parties)


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("Great Prophet IV", "Great Prophet IV"),
        ("Payambar-e Azam 9", "Great Prophet 9"),
        ("Zapad-2017", "Zapad-2017"),
        ("Zapad", "Zapad"),
    ],
)
def test_the_edition_written_is_kept_in_figures_or_roman_numerals(text: str, reported: str) -> None:
    assert load_lexicon().canonical_event_name("Exercise", text) == reported


def test_a_roman_numeral_is_no_edition_of_a_treaty() -> None:
    lexicon = load_lexicon()
    assert lexicon.named_event("Treaty", "START III") is None
    assert lexicon.named_event("Treaty", "SALT III") is None
    assert lexicon.named_event("Exercise", "Great Prophet IV") is not None


def test_an_unknown_name_or_the_other_type_is_none() -> None:
    lexicon = load_lexicon()
    assert lexicon.named_event("Exercise", "Operation Nothing") is None
    assert lexicon.named_event("Treaty", "Foal Eagle") is None  # an exercise, not a treaty


def test_every_named_party_and_weapon_operator_is_a_known_state() -> None:
    lexicon = load_lexicon()
    assert all(p in lexicon.states for n in lexicon.named_events for p in n.parties)
    assert all(w.operator in lexicon.states for w in lexicon.weapons.values() if w.operator)


@pytest.mark.parametrize(
    ("place", "state"),
    [
        ("Plesetsk", "RUS"),
        ("the Plesetsk cosmodrome", "RUS"),
        ("near Hamhung", "PRK"),
        ("Tongchang-ri area", "PRK"),
        ("Dr. A.P.J. Abdul Kalam Island", "IND"),
        ("Vandenberg Space Force Base", "USA"),
        ("Seoul", None),
        ("Wonsanville", None),
    ],
)
def test_the_state_launching_from_a_site(place: str, state: str | None) -> None:
    assert load_lexicon().site_owner(place) == state


def test_every_group_of_cues_has_a_comment() -> None:
    """Each run of rows of one category in cues.tsv starts under a '# --' comment saying what the
    words are for, so that extending coverage is a data change someone can make."""
    lines = (LEXICON_DIR / "cues.tsv").read_text(encoding="utf-8").splitlines()[1:]
    previous, commented, bare = None, False, []
    for number, line in enumerate(lines, 2):
        if not line.strip():
            continue
        if line.startswith("#"):
            commented = True
            continue
        category = line.split("\t")[0]
        if category != previous and not commented:
            bare.append(f"line {number}: {category}")
        previous, commented = category, False
    assert bare == []


def test_a_weapon_several_states_field_lists_its_operator_first() -> None:
    lexicon = load_lexicon()
    assert lexicon.fielded_by("Trident II") == ("USA", "GBR")
    assert lexicon.fielded_by("Hwasong-15") == ("PRK",)
    assert lexicon.fielded_by("no such weapon") == ()


def test_rows_of_ours_load_beside_the_shared_table() -> None:
    assert load_lexicon().weapons["Agni"].operator == "IND"  # weapons_added.tsv


@pytest.mark.parametrize(
    ("labels", "common"),
    [
        (["short-range ballistic missile", "medium-range ballistic missile"], "ballistic missile"),
        (["short-range ballistic missile", "short-range ballistic missile"], "short-range ballistic missile"),
        (["short-range ballistic missile", "cruise missile"], "missile"),
        (["ballistic missile", "intercontinental ballistic missile"], "ballistic missile"),
        ([], None),
    ],
)
def test_the_common_class_is_the_narrowest_holding_every_label(labels: list[str], common: str | None) -> None:
    assert load_lexicon().common_class(labels) == common
