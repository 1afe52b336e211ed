"""The ``polybius serve`` command: the web explorer and JSON API over a store, read-only.

``COMMANDS`` lists it for the main group; the server itself is
:func:`polybius.web.app.serve`, imported only when the command runs (it needs the
``web`` extra).
"""

from __future__ import annotations

from pathlib import Path

import click

from polybius.errors import Errors, PolybiusError

__all__ = ["COMMANDS", "serve_command"]


@click.command("serve")
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default="polybius.duckdb",
    show_default=True,
    help="The DuckDB database to explore (opened read-only).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port."
)
@click.option(
    "--token",
    envvar="POLYBIUS_TOKEN",
    default=None,
    help="Require this token on every API request (needed to bind a non-loopback host).",
)
@click.option(
    "--memory/--no-memory",
    default=True,
    show_default=True,
    help="Hold the events table in memory for fast search (about 1 GB per million events).",
)
@click.option(
    "--cache-mb",
    type=click.IntRange(min=0),
    default=64,
    show_default=True,
    help="Memory for cached API answers (0: no cache).",
)
def serve_command(
    db: Path, host: str, port: int, token: str | None, memory: bool, cache_mb: int
) -> None:
    """Serve the web explorer and JSON API for a database, read-only.

    \b
    Examples:
      polybius serve --db polybius.duckdb            # http://127.0.0.1:8000/
      polybius serve --db x.duckdb --port 8080
      polybius serve --db x.duckdb --host 0.0.0.0 --token "$(openssl rand -hex 16)"
    """
    try:
        from polybius.web.app import is_loopback, serve
    except ImportError as exc:
        raise click.ClickException(Errors.E077.format(reason=exc)) from exc
    if not is_loopback(host) and not token:
        raise click.ClickException(Errors.E076.format(host=host))
    if not db.is_file():
        raise click.ClickException(Errors.E401.format(path=db, reason="no such database file"))
    click.echo(f"Polybius explorer on http://{host}:{port}/ (Ctrl+C stops it)", err=True)
    try:
        serve(db, host=host, port=port, token=token, in_memory=memory, cache_mb=cache_mb)
    except PolybiusError as exc:
        raise click.ClickException(str(exc)) from exc


COMMANDS = [serve_command]
