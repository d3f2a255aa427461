"""The README says what the code does: its query table is the queries' headers, and its test
command works on a fresh machine."""

from __future__ import annotations

import re
from pathlib import Path

from kg.queries import list_queries

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
ROW = re.compile(
    r"^\| `(?P<name>[a-z0-9-]+)` \| (?P<what>[^|]+) \| (?P<params>[^|]+) \| (?P<columns>[^|]+) \|$"
)


def section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


def names(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def test_the_query_table_lists_every_query_with_its_parameters_and_columns() -> None:
    rows = {m["name"]: m for line in section("Named queries").splitlines() if (m := ROW.match(line))}
    queries = {q.name: q for q in list_queries()}
    assert sorted(rows) == sorted(queries), "the README's query table and queries/*.rq differ"
    for name, query in queries.items():
        row = rows[name]
        assert names(row["params"]) == [p.name for p in query.params], f"{name}: parameters"
        assert row["params"].strip() != "none" or not query.params
        assert names(row["columns"]) == list(query.column_names), f"{name}: columns"


def test_the_quick_start_test_command_updates_apt_first_and_never_prompts() -> None:
    quick = section("Quick start")
    commands = [c.strip() for c in re.findall(r"```\n(.+?)\n\s*```", quick, flags=re.DOTALL)]
    test_command = next(c for c in commands if "pytest" in c)
    assert test_command.startswith("apt-get update"), "a fresh machine needs apt-get update first"
    install = test_command.index("apt-get install")
    assert (
        "DEBIAN_FRONTEND=noninteractive apt-get install" in test_command[: install + len("apt-get install")]
    )
    assert test_command.index("apt-get update") < install
