"""``python -m polybius.web --db X.duckdb``: the same as ``polybius serve``."""

from polybius.cli.web_commands import serve_command

if __name__ == "__main__":
    serve_command(prog_name="python -m polybius.web")
