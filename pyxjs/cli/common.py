"""Helpers the subcommands share: running a build and turning its errors into exit code 1."""

from __future__ import annotations

from pathlib import Path

import click


APP_ARGUMENT_HELP = ("APP is the app's Python file (app.py, or shop/shop.py in a Reflex project), its project "
                     "folder (the one holding rxconfig.py), or nothing for the current folder.")

# `pyx build`, `pyx run`, ...: the app as a file, a folder, or nothing (the current folder)
app_argument = click.argument("app", required=False, type=click.Path(path_type=Path))


def locate_or_exit(app: Path | None):
    """The app's layout (pyxjs/layout.py), or its error and exit code 1."""
    from pyxjs.layout import locate
    from pyxjs.load_errors import AppLoadError

    try:
        return locate(app)
    except AppLoadError as exc:
        click.echo(str(exc), err=True)
        raise SystemExit(1) from None


def build_or_exit(app_file: Path, out_dir: Path | None):
    # Imported here so `pyx run` on a fresh dist never loads the compiler.
    from pyxjs.bundler.builder import build, describe
    from pyxjs.bundler.errors import BuildError

    try:
        result = build(app_file, out_dir, log=lambda m: click.echo(m, err=True))
    except BuildError as exc:
        click.echo(str(exc), err=True)
        raise SystemExit(1) from None
    for line in describe(result):
        click.echo(line, err=True)
    return result
