"""The kg command through click's CliRunner: exit codes, stdout purity, error text."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("store") / "kg-store"
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--store", str(store)])
    assert result.exit_code == 0, result.output
    return store


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_every_command_has_help_with_an_example_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    for name, command in main.commands.items():
        code, out, _ = run(name, "--help")
        assert code == 0
        assert "Example" in out, f"kg {name} --help has no example"
        assert f"kg {name}" in readme, f"kg {name} is not in the README"
        assert command.help


@pytest.mark.model
def test_build_reports_on_stderr_only(tmp_path: Path) -> None:
    code, out, err = run("build", str(SEEDS), "--store", str(tmp_path / "s"))
    assert code == 0
    assert out == ""
    assert "built 2 article(s)" in err


@pytest.mark.model
def test_build_is_idempotent(tmp_path: Path) -> None:
    store = str(tmp_path / "s")
    counts = []
    for _ in range(2):
        assert run("build", str(SEEDS), "--store", store, "-q")[0] == 0
        code, out, _ = run(
            "query",
            "-e",
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
            "--store",
            store,
            "-f",
            "csv",
        )
        assert code == 0
        counts.append(out)
    assert counts[0] == counts[1]


@pytest.mark.model
def test_query_launches_lists_both_seed_launches(built: Path) -> None:
    code, out, err = run("query", "launches", "--store", str(built), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    failures = {
        (r["state_code"], r["date"], r["site"])
        for r in rows
        if r["outcome"] == "failure" and r["factuality_word"] == "asserted"
    }
    assert ("PRK", "2017-03-22", "Wonsan") in failures
    assert ("PRK", "2024-06-26", "area near Pyongyang") in failures
    for row in rows:
        if row["date"] in ("2017-03-22", "2024-06-26"):
            assert row["sentence"]  # the source sentences come along
    assert "row(s)" in err and "row(s)" not in out


@pytest.mark.model
def test_query_param_filters_and_json_parses(built: Path) -> None:
    code, out, _ = run("query", "launches", "--param", "state=USA", "--store", str(built), "-f", "json")
    assert code == 0
    assert json.loads(out)["results"]["bindings"] == []
    code, out, _ = run("query", "launches", "-p", "state=PRK", "--store", str(built), "-f", "json")
    assert len(json.loads(out)["results"]["bindings"]) >= 2


@pytest.mark.model
def test_adhoc_count(built: Path) -> None:
    code, out, _ = run(
        "query", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", str(built), "-f", "tsv"
    )
    assert code == 0
    assert int(re.findall(r"\d+", out.splitlines()[1])[0]) > 1000


@pytest.mark.model
def test_export_turtle_and_validate(built: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "kg.ttl"
    code, out, _ = run("export", "--format", "ttl", "-o", str(out_file), "--store", str(built))
    assert code == 0 and out == ""
    assert out_file.read_text().startswith("@prefix")
    code, out, err = run("validate", "--store", str(built))
    assert code == 0, out + err


def test_user_errors_exit_1_with_a_message(tmp_path: Path) -> None:
    code, out, err = run("query", "no-such-query", "--store", str(tmp_path / "missing"))
    assert code == 1
    assert out == ""
    assert err.startswith("error:")
    code, _, err = run("build", str(tmp_path / "nowhere"), "--store", str(tmp_path / "s"))
    assert code == 1 and "nowhere" in err


def test_usage_errors_exit_2() -> None:
    assert run("query", "launches", "-e", "SELECT * {}")[0] == 2
    assert run("build")[0] == 2
    assert run("export", "--format", "docx")[0] == 2


@pytest.mark.model
def test_bad_dateline_is_named_and_skipped(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(" date 2017-13-45 AP\n\nNorth Korea fired a missile.\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(" date 2017-03-23 AP\n\nNorth Korea fired a missile yesterday.\n", encoding="utf-8")
    code, _, err = run("build", str(tmp_path), "--store", str(tmp_path / "s"))
    assert code == 0
    assert "bad.txt:1" in err and "YYYY-MM-DD" in err
    assert "built 1 article(s)" in err
    code, _, _ = run("build", str(tmp_path), "--store", str(tmp_path / "s"), "--strict")
    assert code == 1


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    command = ci.strip().splitlines()[-1]
    assert "pytest" in command
    assert command in readme
