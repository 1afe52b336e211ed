"""Commands that read or fill the event store: analysis, plots, exports and imports.

Each command opens the Store, calls one library function and formats what it returns;
library errors become a one-line message. ``COMMANDS`` lists them for the main group.
"""

from __future__ import annotations

import calendar
import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal, TypeVar, cast

import click
import pandas as pd
from rich import box
from rich.console import Console
from rich.table import Table

from polybius import analyse, export
from polybius.errors import Errors, PolybiusError, StoreError
from polybius.store import Store

__all__ = ["COMMANDS"]

F = TypeVar("F", bound=Callable[..., Any])
Level = Literal["code", "country"]
DEFAULT_DB = "polybius.duckdb"


def _parse_date(value: str, *, end: bool) -> dt.date:
    """``1998`` / ``1998-10`` / ``1998-10-22``; a year or month means its first (or last) day."""
    parts = value.split("-")
    try:
        if len(parts) == 1:
            year = int(parts[0])
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, last if end else 1)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(Errors.E003.format(value=value)) from None


def _since(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    return None if value is None else _parse_date(value, end=False)


def _until(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    return None if value is None else _parse_date(value, end=True)


def db_option(function: F) -> F:
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=DEFAULT_DB,
        show_default=True,
        envvar="POLYBIUS_DB",
        help="DuckDB store file (or set POLYBIUS_DB).",
    )(function)


def period_options(function: F) -> F:
    function = click.option(
        "--until", callback=_until, help="Last date: YYYY, YYYY-MM or YYYY-MM-DD."
    )(function)
    return click.option(
        "--since", callback=_since, help="First date: YYYY, YYYY-MM or YYYY-MM-DD."
    )(function)


def output_option(function: F) -> F:
    return click.option(
        "--output",
        type=click.Choice(["table", "csv", "tsv", "json"]),
        default="table",
        show_default=True,
        help="How to print the result.",
    )(function)


def dataset_option(function: F) -> F:
    return click.option(
        "--dataset", default=None, help="Ask an imported dataset (e.g. gdelt) instead."
    )(function)


@contextmanager
def _store(db: Path, *, write: bool = False) -> Iterator[Store]:
    """Open the store, turning every library error inside into a one-line message."""
    try:
        if not write and not db.exists():
            reason = "no such database; create it with `polybius code FILES --db` or `import`"
            raise StoreError(Errors.E401.format(path=db, reason=reason))
        with Store.open(db) as store:
            yield store
    except PolybiusError as exc:
        raise click.ClickException(str(exc)) from exc


def _print(frame: pd.DataFrame, output: str, *, title: str) -> None:
    if output == "csv":
        frame.to_csv(sys.stdout, index=False)
        return
    if output == "tsv":
        frame.to_csv(sys.stdout, index=False, sep="\t")
        return
    if output == "json":
        click.echo(frame.to_json(orient="records", date_format="iso", lines=True), nl=False)
        return
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    cells = [[_cell(value) for value in row] for row in frame.itertuples(index=False)]
    needed = 0
    for index, column in enumerate(frame.columns):
        numeric = pd.api.types.is_numeric_dtype(frame[column])
        natural = max([len(str(column))] + [len(row[index]) for row in cells])
        width = min(natural, 40)  # long text (sentences) folds at 40 characters
        needed += width + 3
        table.add_column(
            str(column), justify="right" if numeric else "left", overflow="fold", min_width=width
        )
    for row in cells:
        table.add_row(*row)
    console = Console()
    # Never drop or squeeze columns: a wide table is wider than the terminal, not hidden.
    Console(width=max(console.width, needed + 4)).print(table)


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return ""
    if isinstance(value, pd.Timestamp):
        return str(value.date().isoformat())
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


@click.command("dyad")
@click.argument("a")
@click.argument("b")
@db_option
@click.option(
    "--by", type=click.Choice(analyse.PERIODS), default="month", show_default=True,
    help="Period of each row.",
)  # fmt: skip
@click.option("--directed", is_flag=True, help="Only events with A as source and B as target.")
@period_options
@dataset_option
@output_option
def dyad_command(
    a: str,
    b: str,
    db: Path,
    by: analyse.Period,
    directed: bool,
    since: dt.date | None,
    until: dt.date | None,
    dataset: str | None,
    output: str,
) -> None:
    """Events between two actors per period: quad classes, Goldstein and PLOVER counts.

    Actor codes match by prefix (RUS matches RUSGOV and RUSMIL).

    \b
    Example:
      polybius dyad RUS CHN --by month --db polybius.duckdb
    """
    with _store(db) as store:
        frame = analyse.dyad(
            store, a, b, by=by, directed=directed, since=since, until=until, dataset=dataset
        )
    arrow = "→" if directed else "↔"
    if output == "table":
        frame = _short_dyad(frame, by)
    _print(frame, output, title=f"{a} {arrow} {b} per {by} (quad classes, Goldstein G, PLOVER)")


_SHORT = {
    "verbal_cooperation": "v.coop",
    "material_cooperation": "m.coop",
    "verbal_conflict": "v.confl",
    "material_conflict": "m.confl",
    "goldstein_sum": "G sum",
    "goldstein_mean": "G mean",
}
_PERIOD_FORMAT = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def _short_dyad(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """Narrow headers so the dyad table fits a terminal."""
    out = frame.rename(columns=_SHORT)
    out = out.rename(columns=lambda c: c.removeprefix("plover_").lower())
    if not out.empty:
        out["period"] = pd.to_datetime(out["period"]).dt.strftime(_PERIOD_FORMAT[by])
    return out


@click.command("actors")
@db_option
@click.option("--top", "n", type=click.IntRange(min=1), default=20, show_default=True)
@click.option(
    "--level", type=click.Choice(["code", "country"]), default="code", show_default=True,
    help="Count full codes (RUSGOV) or countries (RUS).",
)  # fmt: skip
@period_options
@dataset_option
@output_option
def actors_command(
    db: Path,
    n: int,
    level: str,
    since: dt.date | None,
    until: dt.date | None,
    dataset: str | None,
    output: str,
) -> None:
    """The actors in the most events, as source or target.

    \b
    Example:
      polybius actors --top 20 --level country
    """
    with _store(db) as store:
        frame = analyse.top_actors(
            store,
            n=n,
            level=cast(Level, level),
            since=since,
            until=until,
            dataset=dataset,
        )
    _print(frame, output, title=f"Top {n} actors")


@click.command("network")
@db_option
@period_options
@click.option(
    "--format", "fmt", type=click.Choice(analyse.GRAPH_FORMATS), default="graphml",
    show_default=True, help="GraphML or GEXF (Gephi), or node-link JSON.",
)  # fmt: skip
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--level", type=click.Choice(["code", "country"]), default="code", show_default=True)
@click.option("--min-count", type=click.IntRange(min=1), default=1, show_default=True)
@dataset_option
def network_command(
    db: Path,
    since: dt.date | None,
    until: dt.date | None,
    fmt: str,
    out: Path,
    level: str,
    min_count: int,
    dataset: str | None,
) -> None:
    """Write the weighted directed actor network (edge count and Goldstein sum/mean).

    \b
    Example:
      polybius network --since 1998 --until 2000 --format gexf --out actors.gexf
    """
    with _store(db) as store:
        graph = analyse.network(
            store,
            since=since,
            until=until,
            level=cast(Level, level),
            min_count=min_count,
            dataset=dataset,
        )
        analyse.write_graph(graph, out, fmt=fmt)  # type: ignore[arg-type]
    click.echo(f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} edges -> {out}")


@click.command("timeline")
@click.argument("actor")
@db_option
@period_options
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most N events.")
@dataset_option
@output_option
def timeline_command(
    actor: str,
    db: Path,
    since: dt.date | None,
    until: dt.date | None,
    limit: int | None,
    dataset: str | None,
    output: str,
) -> None:
    """Every event an actor takes part in, in date order.

    \b
    Example:
      polybius timeline RUSMIL --since 1998 --limit 50
    """
    with _store(db) as store:
        frame = analyse.timeline(
            store, actor, since=since, until=until, limit=limit, dataset=dataset
        )
    columns = ["first_date", "role", "source_code", "cameo", "target_code", "plover_type",
               "goldstein", "num_reports", "num_sources", "place_name", "event_id"]  # fmt: skip
    _print(frame[columns] if output == "table" else frame, output, title=f"Timeline of {actor}")


@click.command("search")
@db_option
@click.option("--actor", help="Source or target code prefix.")
@click.option("--source", help="Source code prefix.")
@click.option("--target", help="Target code prefix.")
@click.option("--code", help="CAMEO code prefix (19 matches 190-196).")
@click.option("--plover", help="PLOVER event type, e.g. ASSAULT.")
@click.option("--quad", "quad_class", type=click.IntRange(1, 4), help="Quad class 1-4.")
@period_options
@click.option("--place", help="Text in the place name.")
@click.option("--text", help="Text in the sentence.")
@click.option("--include-modal", is_flag=True, help="Also negated and hypothetical reports.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@output_option
def search_command(
    db: Path,
    actor: str | None,
    source: str | None,
    target: str | None,
    code: str | None,
    plover: str | None,
    quad_class: int | None,
    since: dt.date | None,
    until: dt.date | None,
    place: str | None,
    text: str | None,
    include_modal: bool,
    limit: int,
    offset: int,
    output: str,
) -> None:
    """Search the coded reports by actor, code, date range, place and text.

    \b
    Example:
      polybius search --actor RUS --code 04 --since 1998-10 --text visit
    """
    with _store(db) as store:
        frame = analyse.search_events(
            store,
            actor=actor,
            source=source,
            target=target,
            code=code,
            plover=plover,
            quad_class=quad_class,
            since=since,
            until=until,
            place=place,
            text=text,
            include_modal=include_modal,
            limit=limit,
            offset=offset,
        )
    columns = ["date", "source_code", "cameo", "target_code", "trigger", "place_name",
               "negated", "hypothetical", "doc_id", "event_id"]  # fmt: skip
    _print(frame[columns] if output == "table" else frame, output, title="Reports found")


@click.command("explain-event")
@click.argument("event_id")
@db_option
@output_option
def explain_event_command(event_id: str, db: Path, output: str) -> None:
    """List the reports (documents, sentences, sources) linked to one event.

    \b
    Example:
      polybius explain-event 1da001b1b0223754
    """
    with _store(db) as store:
        frame = store.explain_event(event_id)
    _print(frame, output, title=f"Reports of event {event_id}")


@click.group("plot")
def plot_group() -> None:
    """Draw PNG plots of a dyad over time or of the actor network.

    \b
    Examples:
      polybius plot dyad RUS CHN --out dyad.png
      polybius plot network --since 1998 --out network.png
    """


@plot_group.command("dyad")
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--by", type=click.Choice(analyse.PERIODS), default="month", show_default=True)
@click.option("--directed", is_flag=True, help="Only events with A as source.")
@period_options
@dataset_option
def plot_dyad_command(
    a: str,
    b: str,
    db: Path,
    out: Path,
    by: analyse.Period,
    directed: bool,
    since: dt.date | None,
    until: dt.date | None,
    dataset: str | None,
) -> None:
    """Cooperation and conflict between two actors over time, with the Goldstein mean.

    \b
    Example:
      polybius plot dyad RUS CHN --by month --out dyad.png
    """
    from polybius.plot import plot_dyad

    with _store(db) as store:
        path = plot_dyad(
            store, a, b, out, by=by, directed=directed, since=since, until=until, dataset=dataset
        )
    click.echo(f"wrote {path}")


@plot_group.command("network")
@db_option
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--top", type=click.IntRange(min=2), default=40, show_default=True)
@click.option("--level", type=click.Choice(["code", "country"]), default="code", show_default=True)
@period_options
@dataset_option
def plot_network_command(
    db: Path,
    out: Path,
    top: int,
    level: str,
    since: dt.date | None,
    until: dt.date | None,
    dataset: str | None,
) -> None:
    """The actor network of the busiest actors (edge width = events, colour = Goldstein).

    \b
    Example:
      polybius plot network --top 30 --level country --out network.png
    """
    from polybius.plot import plot_network

    with _store(db) as store:
        graph = analyse.network(
            store, since=since, until=until, level=cast(Level, level), dataset=dataset
        )
        path = plot_network(graph, out, top=top)
    click.echo(f"wrote {path}")


@click.command("export")
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(export.EXPORT_FORMATS), default="jsonl",
    show_default=True,
    help="jsonl/csv/tsv: every report; gdelt/icews/polecat/parquet: one row per event.",
)  # fmt: skip
@click.option("--out", type=click.Path(path_type=Path), required=True)
@click.option("--partition", is_flag=True, help="Parquet only: a year=/month= directory.")
def export_command(db: Path, fmt: str, out: Path, partition: bool) -> None:
    """Write the store's events in a format other tools load.

    \b
    Examples:
      polybius export --format gdelt --out events.tsv
      polybius export --format parquet --partition --out events/
    """
    with _store(db) as store:
        count = export.export_store(store, out, fmt=fmt, partition=partition)
    click.echo(f"{count} rows -> {out}")


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@click.option("--format", "fmt", type=click.Choice(export.IMPORT_FORMATS), required=True)
@click.option("--dataset", default=None, help="Name to keep the rows under (default: format).")
def import_command(file: Path, db: Path, fmt: str, dataset: str | None) -> None:
    """Load a GDELT, ICEWS, POLECAT or native JSONL file beside your own events.

    \b
    Example:
      polybius import 20240101.export.CSV --format gdelt --dataset gdelt
      polybius dyad RUS CHN --dataset gdelt
    """
    with _store(db, write=True) as store:
        count = export.import_file(store, file, fmt=fmt, dataset=dataset)
    click.echo(f"{count} rows imported as {dataset or fmt!r}")


COMMANDS: tuple[click.Command, ...] = (
    dyad_command,
    actors_command,
    network_command,
    timeline_command,
    search_command,
    explain_event_command,
    plot_group,
    export_command,
    import_command,
)
