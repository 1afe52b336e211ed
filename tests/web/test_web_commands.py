"""``polybius serve``: options, help text and refusals (the server itself is tested elsewhere)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from polybius.cli.web_commands import COMMANDS, serve_command


def test_command_is_exported_with_help() -> None:
    assert COMMANDS == [serve_command]
    result = CliRunner().invoke(serve_command, ["--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--token", "--no-memory"):
        assert option in result.output


def test_refuses_a_public_host_without_token(web_db: Path) -> None:
    result = CliRunner().invoke(serve_command, ["--db", str(web_db), "--host", "0.0.0.0"])
    assert result.exit_code == 1
    assert "without a token" in result.output


def test_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(serve_command, ["--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "no such database file" in result.output
