"""`pyx run app.py [--host] [--port] [--state-manager] [--workers N] [--dev] ...`: build when
stale, then serve dist and the websocket."""

from __future__ import annotations

from pathlib import Path

import click

from pyxjs.cli.common import APP_ARGUMENT_HELP, app_argument, build_or_exit, locate_or_exit
from pyxjs.cli.shared_state import StateOptions, state_options
from pyxjs.loader import AppLoadError, LoadedApp, load_app, read_config


DEFAULT_PORT = 8000


@click.command(help=f"Serve the app: the built page plus the state server.\n\n{APP_ARGUMENT_HELP}")
@app_argument
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=None, type=int,
              help="Port to listen on (default: rxconfig.py's frontend_port or backend_port, else 8000).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="The dist folder to build into and serve (default: dist/ in the project folder).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Server processes sharing the port (SO_REUSEPORT); more than 1 needs --state-manager redis.")
@click.option("--worker", "worker_of", default=None, hidden=True)  # "i/N": set by --workers for each process
@click.option("--allow-origin", "allow_origins", multiple=True, metavar="ORIGIN",
              help="Let pages of ORIGIN (e.g. https://app.example.com, or *) open the websocket; "
                   "same origin only by default. Repeat for several.")
@click.option("--dev", is_flag=True, help="Development: a failing handler's exception and traceback reach the page.")
@state_options  # innermost: it wraps the function, and click keeps the options of what it wraps last
def run(app: Path | None, host: str, port: int | None, out_dir: Path | None, workers: int, worker_of: str | None,
        state: StateOptions, allow_origins: tuple[str, ...], dev: bool) -> None:
    from pyxjs.bundler.fingerprint import default_out_dir, is_stale

    layout = locate_or_exit(app)
    app_file = layout.entry
    # What the command line and the environment left open, the app's rx.App(state_manager=...,
    # redis_url=...) or rxconfig.py decide (loading it runs its module: only when it can matter).
    state = state.with_app(_load_or_exit(app_file).app if state.needs_app() else None)
    if port is None:  # rxconfig.py's alone: running it is cheap, the app's modules need not run for it
        port = getattr(_config_or_exit(layout), "port", None) or DEFAULT_PORT
    state.check(workers)
    dist = out_dir or default_out_dir(app_file)
    built = False
    if worker_of is None:  # a worker serves what its parent built
        if is_stale(app_file, dist):
            build_or_exit(app_file, dist)
            built = True
        else:
            click.echo(f"{dist} is up to date", err=True)
    if workers > 1:
        from pyxjs.server.tokens import load_secret

        load_secret(layout.root)  # made here once, so the workers do not race to create it
        extra = [arg for origin in allow_origins for arg in ("--allow-origin", origin)] + (["--dev"] if dev else [])
        raise SystemExit(_start_workers(app_file, host, port, dist, workers, state, extra))
    loaded = _load_or_exit(app_file)  # again after a build: the app as it was built
    if not built and worker_of is None:
        for warning in loaded.warnings:  # what a build would have said of rxconfig.py
            click.echo(warning, err=True)
    from pyxjs.server import serve
    from pyxjs.server.settings import ServerSettings
    from pyxjs.server.tokens import load_secret

    try:
        secret = load_secret(layout.root)
        manager = state.build(loaded.states, layout.root)
    except (OSError, ValueError, RuntimeError) as exc:
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(1) from None
    settings = ServerSettings(dev=dev, allow_origins=allow_origins)
    try:
        serve(loaded.states, dist, host=host, port=port, manager=manager, pages=loaded.app.pages,
              settings=settings, secret=secret, worker=worker_of)
    except OSError as exc:
        click.echo(f"error: cannot listen on {host}:{port}: {exc.strerror or exc}\n"
                   "hint: stop whatever uses that port, or pick another with --port", err=True)
        raise SystemExit(1) from None
    except (TypeError, ValueError) as exc:  # a State default JSON cannot carry; a bad --redis-url
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(1) from None


def _config_or_exit(layout):
    try:
        return read_config(layout)
    except AppLoadError as exc:
        click.echo(str(exc), err=True)
        raise SystemExit(1) from None


def _load_or_exit(app_file: Path) -> LoadedApp:
    try:
        return load_app(app_file)
    except AppLoadError as exc:
        click.echo(str(exc), err=True)
        raise SystemExit(1) from None


def _start_workers(app_file: Path, host: str, port: int, dist: Path, workers: int, state: StateOptions,
                   extra: list[str]) -> int:
    import os
    import sys

    from pyxjs.cli.workers import port_is_free, run_workers

    if not port_is_free(host, port):
        click.echo(f"error: cannot listen on {host}:{port}: it is in use\n"
                   "hint: stop whatever uses that port, or pick another with --port", err=True)
        return 1
    argv = [sys.executable, "-m", "pyxjs.cli", "run", str(app_file), "--host", host, "--port", str(port),
            "--out", str(dist), *state.as_worker_args(), *extra, "--worker", ""]
    env = {**os.environ, "PYXJS_REDIS_URL": state.redis_url or ""}
    return run_workers(workers, argv, env)
