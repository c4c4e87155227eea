"""The `pyx` command: a click group with one module per subcommand."""

from pyxjs.cli.main import cli, main

__all__ = ["cli", "main"]
