"""The `polybius` command end to end: coding files, bad input, the store, help texts."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from polybius.cli import EXIT_PARTIAL, main


def _commands(group: click.Group) -> list[tuple[str, click.Command]]:
    found = []
    for name, command in group.commands.items():
        found.append((name, command))
        if isinstance(command, click.Group):
            found.extend((f"{name} {sub}", c) for sub, c in _commands(command))
    return found


@pytest.mark.parametrize(("name", "command"), _commands(main))
def test_every_command_has_help_with_an_example(name: str, command: click.Command) -> None:
    assert command.help, f"`polybius {name}` has no help text"
    if not isinstance(command, click.Group):
        assert "polybius" in command.help, f"`polybius {name}` help shows no example"
    result = CliRunner().invoke(main, [*name.split(), "--help"])
    assert result.exit_code == 0


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and "polybius" in result.output


@pytest.mark.model
def test_code_writes_jsonl_with_provenance(fixtures: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    brief = fixtures / "brief_vol8.txt"
    result = CliRunner().invoke(main, ["code", str(brief), "--out", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records
    text = brief.read_text(encoding="utf-8")
    visit = next(r for r in records if r["cameo"] == "042")
    assert visit["doc_id"] == str(brief)
    assert (visit["source_code"], visit["target_code"]) == ("INDMIL", "RUS")
    assert text[slice(*visit["trigger_span"])] == visit["trigger"]
    assert text[visit["source"]["start"] : visit["source"]["end"]] == visit["source"]["text"]
    assert visit["cited_sources"] == ["Itar-Tass", "PTI"]
    assert visit["negated"] is False and visit["hypothetical"] is False
    assert all(not r["negated"] and not r["hypothetical"] for r in records)


@pytest.mark.model
def test_bad_files_are_reported_and_the_good_ones_coded(fixtures: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(fixtures / "brief_vol8.txt", corpus / "good.txt")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (corpus / "latin1.txt").write_bytes("Le président français a visité Moscou.".encode("latin-1"))
    with gzip.open(corpus / "zipped.txt.gz", "wt", encoding="utf-8") as handle:
        handle.write("Russia and China signed a treaty on Monday.")
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(main, ["code", str(corpus), "--out", str(out)])
    assert result.exit_code == EXIT_PARTIAL
    lines = result.output.splitlines()
    skipped = [line for line in lines if line.startswith("skipped")]
    assert len(skipped) == 2
    assert any("empty.txt" in line for line in skipped)
    assert any("binary.txt" in line for line in skipped)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {Path(r["doc_id"]).name for r in records} >= {"good.txt", "zipped.txt.gz"}
    assert "3 documents coded" in result.output and "2 skipped" in result.output


@pytest.mark.model
def test_coding_twice_into_one_database_adds_no_rows(fixtures: Path, tmp_path: Path) -> None:
    from polybius.store import Store

    db = tmp_path / "p.duckdb"
    args = ["code", str(fixtures / "brief_vol8.txt"), "--db", str(db), "--no-table"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    with Store.open(db) as store:
        before = store.counts()
    second = CliRunner().invoke(main, args)
    assert second.exit_code == 0, second.output
    assert "already in" in second.output
    with Store.open(db) as store:
        assert store.counts() == before
    assert before["reports"] > 0


def test_missing_path_is_one_line_and_partial_exit(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["code", str(tmp_path / "nope.txt"), "--no-table"])
    assert result.exit_code == EXIT_PARTIAL
    assert "nope.txt" in result.output and "no such file" in result.output


def test_bad_date_option_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["code", str(tmp_path), "--date", "22/10/1998"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


@pytest.mark.model
def test_explain_says_why(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["explain", "Russia and Belarus signed a treaty on Monday.", "--date", "2001-05-10"]
    )
    assert result.exit_code == 0, result.output
    assert '"lexicon_entry"' in result.output and "kb:country" in result.output


@pytest.mark.model
def test_persons_missing_from_the_knowledge_base_are_listed(tmp_path: Path) -> None:
    brief = tmp_path / "brief.txt"
    brief.write_text(
        "Ruritanian Defense Minister Rudolf Rassendyll visited Poland.", encoding="utf-8"
    )
    listing = tmp_path / "unresolved.tsv"
    result = CliRunner().invoke(
        main, ["code", str(brief), "--no-table", "--unresolved", str(listing)]
    )
    assert result.exit_code == 0, result.output
    rows = listing.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "name\tcode_from_context\tdocuments"
    assert any(row.startswith("Rudolf Rassendyll\t") for row in rows[1:])


def test_every_command_is_in_the_command_reference() -> None:
    reference = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text(
        encoding="utf-8"
    )
    missing = [name for name, _ in _commands(main) if f"## polybius {name}\n" not in reference]
    assert not missing, f"run `python tools/make_cli_docs.py`; missing: {missing}"
