"""`pyx build app.py [--out dist]`."""

from __future__ import annotations

from pathlib import Path

import click

from pyxjs.cli.common import build_or_exit


@click.command()
@click.argument("app_file", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Output folder (default: dist/ beside the app file).")
def build(app_file: Path, out_dir: Path | None) -> None:
    """Compile APP_FILE's pages into a React bundle in dist/."""
    build_or_exit(app_file, out_dir)
