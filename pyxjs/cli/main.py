"""Root group; subcommands register themselves from their own modules."""

from __future__ import annotations

import click

from pyxjs import __version__
from pyxjs.cli import build_cmd, init_cmd, migrate_cmd, run_cmd, wrap_cmd


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pyx")
def cli() -> None:
    """pyx: build and serve React apps written in Python."""


cli.add_command(build_cmd.build)
cli.add_command(run_cmd.run)
cli.add_command(wrap_cmd.wrap)
cli.add_command(migrate_cmd.migrate)
cli.add_command(init_cmd.init)


def main() -> None:
    cli()
