"""The store commands: each prints what its library function returns, errors in one line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from polybius.cli.store_commands import COMMANDS
from polybius.store import Store
from polybius.synthetic import make_document, make_event

DAY = dt.date(1998, 10, 22)


@click.group()
def cli() -> None:
    """Test group holding the store commands."""


for _command in COMMANDS:
    cli.add_command(_command)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "p.duckdb"
    with Store.open(path) as store:
        store.add(make_document("a", [make_event("a", "RUSMIL", "CHNGOV", "042", DAY)]))
        store.add(make_document("b", [make_event("b", "RUSMIL", "CHNGOV", "043", DAY)]))
        store.add(make_document("c", [make_event("c", "CHN", "USA", "112", DAY, quad_class=3)]))
    return path


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_every_command_has_help_with_an_example() -> None:
    commands: list[click.Command] = []
    for command in COMMANDS:
        commands.append(command)
        if isinstance(command, click.Group):
            commands.extend(command.commands.values())
    for command in commands:
        assert command.help and "Example" in command.help, command.name


def test_dyad_json_output(db: Path) -> None:
    out = _run("dyad", "RUS", "CHN", "--db", str(db), "--output", "json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[0]["events"] == 1
    assert rows[0]["period"].startswith("1998-10-01")


def test_actors_table_and_csv(db: Path) -> None:
    assert "Top 3 actors" in _run("actors", "--db", str(db), "--top", "3")
    csv_out = _run("actors", "--db", str(db), "--level", "country", "--output", "csv")
    assert csv_out.splitlines()[0].startswith("actor,events")


def test_network_with_year_bounds(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.json"
    text = _run(
        "network", "--db", str(db), "--since", "1998", "--until", "1998",
        "--format", "json", "--out", str(out),
    )  # fmt: skip
    assert "4 actors, 2 edges" in text
    assert len(json.loads(out.read_text(encoding="utf-8"))["edges"]) == 2


def test_timeline_search_and_explain(db: Path) -> None:
    assert "Timeline of RUSMIL" in _run("timeline", "RUSMIL", "--db", str(db))
    assert "CHNGOV" in _run("timeline", "RUSMIL", "--db", str(db), "--output", "csv")
    found = _run("search", "--db", str(db), "--code", "04", "--output", "json")
    rows = [json.loads(line) for line in found.splitlines()]
    assert len(rows) == 2 and rows[0]["event_id"] == rows[1]["event_id"]
    explained = _run("explain-event", rows[0]["event_id"], "--db", str(db), "--output", "csv")
    assert len(explained.splitlines()) == 3


def test_plots_export_and_import(db: Path, tmp_path: Path) -> None:
    _run("plot", "dyad", "RUS", "CHN", "--db", str(db), "--out", str(tmp_path / "d.png"))
    _run("plot", "network", "--db", str(db), "--out", str(tmp_path / "n.png"))
    assert (tmp_path / "d.png").stat().st_size > 10_000
    assert "2 rows" in _run("export", "--db", str(db), "--format", "gdelt", "--out",
                            str(tmp_path / "g.tsv"))  # fmt: skip
    text = _run("import", str(tmp_path / "g.tsv"), "--db", str(db), "--format", "gdelt")
    assert "2 rows imported as 'gdelt'" in text
    out = _run("dyad", "RUS", "CHN", "--db", str(db), "--dataset", "gdelt", "--output", "csv")
    assert len(out.splitlines()) == 2


def test_library_errors_are_one_line(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["explain-event", "nope", "--db", str(db)])
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error: no event 'nope'")
    missing = runner.invoke(cli, ["actors", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no such database" in missing.output
    bad_date = runner.invoke(cli, ["actors", "--db", str(db), "--since", "19x8"])
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.output
