"""Helpers the subcommands share: running a build and turning its errors into exit code 1."""

from __future__ import annotations

from pathlib import Path

import click


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
