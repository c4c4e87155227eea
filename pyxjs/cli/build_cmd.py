"""`pyx build [APP] [--out dist]`."""

from __future__ import annotations

from pathlib import Path

import click

from pyxjs.cli.common import APP_ARGUMENT_HELP, app_argument, build_or_exit, locate_or_exit


@click.command(help=f"Compile the app's pages into a React bundle in dist/.\n\n{APP_ARGUMENT_HELP}")
@app_argument
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Output folder (default: dist/ in the project folder).")
def build(app: Path | None, out_dir: Path | None) -> None:
    build_or_exit(locate_or_exit(app).entry, out_dir)
