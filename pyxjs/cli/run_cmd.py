"""`pyx run app.py [--host] [--port]`: build when stale, then serve dist and the websocket."""

from __future__ import annotations

from pathlib import Path

import click

from pyxjs.cli.common import build_or_exit
from pyxjs.loader import AppLoadError, load_app


@click.command()
@click.argument("app_file", type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="The dist folder to build into and serve (default: dist/ beside the app file).")
def run(app_file: Path, host: str, port: int, out_dir: Path | None) -> None:
    """Serve APP_FILE: the built page plus the state server, in one process."""
    from pyxjs.bundler.fingerprint import default_out_dir, is_stale

    dist = out_dir or default_out_dir(app_file)
    if is_stale(app_file, dist):
        build_or_exit(app_file, dist)
    else:
        click.echo(f"{dist} is up to date", err=True)
    try:
        loaded = load_app(app_file)
    except AppLoadError as exc:
        click.echo(str(exc), err=True)
        raise SystemExit(1) from None
    from pyxjs.server import serve

    try:
        serve(loaded.states, dist, host=host, port=port, pages=loaded.app.pages)
    except OSError as exc:
        click.echo(f"error: cannot listen on {host}:{port}: {exc.strerror or exc}\n"
                   "hint: stop whatever uses that port, or pick another with --port", err=True)
        raise SystemExit(1) from None
    except TypeError as exc:  # a State default JSON cannot carry
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(1) from None
