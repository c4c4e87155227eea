"""`pyx run app.py [--host] [--port] [--state-manager] [--dev] ...`: build when stale, then serve
dist and the websocket."""

from __future__ import annotations

from pathlib import Path

import click

from pyxjs.cli.common import build_or_exit
from pyxjs.loader import AppLoadError, load_app

MANAGER_NAMES = ("memory", "disk")  # pyxjs.server.managers.MANAGERS, without importing the server here


@click.command()
@click.argument("app_file", type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="The dist folder to build into and serve (default: dist/ beside the app file).")
@click.option("--state-manager", "manager_name", type=click.Choice(MANAGER_NAMES), default="memory",
              envvar="PYXJS_STATE_MANAGER", show_default=True, show_envvar=True,
              help="Where client states live: memory (lost on restart) or disk (SQLite, survives restarts).")
@click.option("--state-dir", type=click.Path(path_type=Path), default=None,
              help="Folder of the disk manager's database (default: .pyx/states/ beside the app file).")
@click.option("--allow-origin", "allow_origins", multiple=True, metavar="ORIGIN",
              help="Let pages of ORIGIN (e.g. https://app.example.com, or *) open the websocket; "
                   "same origin only by default. Repeat for several.")
@click.option("--dev", is_flag=True, help="Development: a failing handler's exception and traceback reach the page.")
def run(app_file: Path, host: str, port: int, out_dir: Path | None, manager_name: str, state_dir: Path | None,
        allow_origins: tuple[str, ...], dev: bool) -> None:
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
    from pyxjs.server.managers import build_manager, default_state_dir
    from pyxjs.server.settings import ServerSettings
    from pyxjs.server.tokens import load_secret

    try:
        secret = load_secret(app_file.resolve().parent)
        manager = build_manager(manager_name, loaded.states, state_dir or default_state_dir(app_file))
    except (OSError, ValueError, RuntimeError) as exc:
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(1) from None
    settings = ServerSettings(dev=dev, allow_origins=allow_origins)
    try:
        serve(loaded.states, dist, host=host, port=port, manager=manager, pages=loaded.app.pages,
              settings=settings, secret=secret)
    except OSError as exc:
        click.echo(f"error: cannot listen on {host}:{port}: {exc.strerror or exc}\n"
                   "hint: stop whatever uses that port, or pick another with --port", err=True)
        raise SystemExit(1) from None
    except TypeError as exc:  # a State default JSON cannot carry
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(1) from None
