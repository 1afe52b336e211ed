"""`polybius eval`: score the coder on the PETRARCH2 suites, the PLOVER GSR or a gold file.

The command only parses options; the work is done by `polybius.evaluate`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from polybius.errors import PolybiusError

__all__ = ["COMMANDS", "SUITES", "eval_command"]

SUITES = ("petrarch-gsr", "petrarch-gsr-parsed", "petrarch-unit", "plover-gsr", "gold")
_SHARED_SUITES = SUITES[:-1]


def _run_suite(suite: str, shared: Path, gold: Path | None) -> Any:
    from polybius import evaluate

    records = shared / "petrarch" / "records.jsonl"
    if suite == "petrarch-gsr":
        return evaluate.run_petrarch_suite(records, suite="petrarch2_gsr")
    if suite == "petrarch-gsr-parsed":
        return evaluate.run_petrarch_suite(
            records,
            suite=("petrarch2_gsr", "petrarch2_pytest"),
            require_parse=True,
            name="petrarch2_gsr+pytest (treebank parse given)",
        )
    if suite == "petrarch-unit":
        return evaluate.run_petrarch_unittests(records, shared / "petrarch" / "raw")
    if suite == "plover-gsr":
        return evaluate.run_plover_gsr(shared / "plover_gsr" / "PLOVER_GSR_CAMEO.txt")
    assert gold is not None
    return evaluate.run_gold_jsonl(gold)


def _show_misses(out: Console, result: Any, limit: int) -> None:
    from polybius.evaluate import iter_misses

    for index, miss in enumerate(iter_misses(result)):
        if index >= limit:
            break
        if "expected" in miss:
            out.print(f"[bold]MISS[/bold] {miss['id']}: {miss['text']}", highlight=False)
            out.print(f"   expected {miss['expected']}\n   got      {miss['predicted']}")
        else:
            out.print(
                f"[bold]MISS[/bold] {miss['id']}: gold {miss['gold']}, got {miss['predicted']} "
                f"({miss['cameo']} {miss['trigger']!r}): {miss['text']}",
                highlight=False,
            )


@click.command("eval")
@click.argument("suites", nargs=-1, type=click.Choice(SUITES))
@click.option(
    "--shared",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Evaluation data folder (default: $POLYBIUS_SHARED, else ../shared/eval).",
)
@click.option(
    "--gold",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Our own gold JSONL file (runs the 'gold' suite).",
)
@click.option(
    "--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), help="Write a report."
)
@click.option(
    "--show-errors",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Print the first N records each suite gets wrong.",
)
def eval_command(
    suites: tuple[str, ...],
    shared: Path | None,
    gold: Path | None,
    json_out: Path | None,
    show_errors: int,
) -> None:
    """Score the coder against gold data and print a table per suite.

    SUITES: petrarch-gsr, petrarch-gsr-parsed, petrarch-unit, plover-gsr, gold. With
    none given, runs the 'gold' suite when --gold is given, else every shared suite. The
    shared data is never needed at run time: without it the shared suites are skipped.

    \b
    Examples:
      polybius eval                                   # all shared suites
      polybius eval petrarch-gsr --show-errors 10
      polybius eval --gold mygold.jsonl --json report.json
    """
    from polybius.evaluate import default_shared_dir

    out, err = Console(), Console(stderr=True, highlight=False, soft_wrap=True)
    chosen = list(suites) or (["gold"] if gold else list(_SHARED_SUITES))
    if "gold" in chosen and gold is None:
        raise click.UsageError("the 'gold' suite needs --gold FILE.jsonl")
    if gold is not None and "gold" not in chosen:
        chosen.append("gold")
    shared_dir = shared or default_shared_dir()
    if any(s in _SHARED_SUITES for s in chosen) and not shared_dir.is_dir():
        err.print(
            f"evaluation data not found at {shared_dir}: skipping {', '.join(_SHARED_SUITES)} "
            "(pass --shared PATH or set POLYBIUS_SHARED)"
        )
        chosen = [s for s in chosen if s not in _SHARED_SUITES]
    report: dict[str, Any] = {}
    for suite in chosen:
        try:
            result = _run_suite(suite, shared_dir, gold)
        except PolybiusError as exc:
            raise click.ClickException(str(exc)) from exc
        for table in result.tables():
            out.print(table)
        _show_misses(out, result, show_errors)
        report[suite] = result.to_dict()
    if json_out is not None:
        try:
            json_out.parent.mkdir(parents=True, exist_ok=True)
            json_out.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
        except OSError as exc:
            raise click.ClickException(f"{json_out}: cannot write ({exc.strerror})") from exc
        err.print(f"report written to {json_out}")
    sys.stdout.flush()


COMMANDS = [eval_command]
