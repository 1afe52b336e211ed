"""`python -m polybius` runs the command line."""

from polybius.cli import main

main()
