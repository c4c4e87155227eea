"""Assemble the aiohttp application: websocket, health check, static dist; and run it."""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from aiohttp import web

from pyxjs.server.connection import LiveConnections, Services
from pyxjs.server.events import EventRunner
from pyxjs.server.intervals import interval_vars
from pyxjs.server.pages import PageLoads
from pyxjs.server.shared import relay_for
from pyxjs.server.settings import ServerSettings
from pyxjs.server.tokens import TokenSigner, load_secret
from pyxjs.server.static import add_static_routes
from pyxjs.server.upload import UploadSettings, add_upload_routes
from pyxjs.server.worker import stop_with_parent
from pyxjs.server.websocket import SERVICES, SOCKETS, close_sockets, handle_socket
from pyxjs.state.base import State
from pyxjs.state.client import default_snapshot
from pyxjs.state.substates import with_ancestors
from pyxjs.state.manager import MemoryStateManager, StateManager

log = logging.getLogger("pyxjs.server")


def create_app(
    states: Sequence[type[State]],
    dist_dir: Path,
    manager: StateManager | None = None,
    pages: Mapping[str, Any] | None = None,
    upload_max_bytes: int | None = None,
    upload_tmp_dir: Path | None = None,
    settings: ServerSettings | None = None,
    secret: bytes | None = None,
) -> web.Application:
    """The server for an app's State classes and its built `dist_dir`.

    `manager` defaults to a MemoryStateManager; one passed in must manage the same classes.
    `pages` is the app's `App.pages` (route -> Page), for the on_load handlers of each route;
    they are checked here, so a bad one stops the server before any page loads.
    `upload_max_bytes` caps the file content of one upload (default: $PYXJS_MAX_UPLOAD_BYTES,
    else 100 MiB); `upload_tmp_dir` is where uploads are spooled (the system's temp folder).
    """
    settings = settings or ServerSettings()
    states = with_ancestors(states)  # a substate's parents hold vars it reads
    if manager is None:
        manager = MemoryStateManager(states)
    elif set(manager.state_classes) != set(states):
        raise ValueError("the state manager was built for other State classes than create_app() got")
    app = web.Application()
    runner = EventRunner(states, dev=settings.dev, max_state_bytes=manager.max_state_bytes)
    live = LiveConnections()
    relay = relay_for(manager, live)
    # default_snapshot also rejects a default JSON cannot carry.
    app[SERVICES] = Services(manager, runner, PageLoads(pages, runner), default_snapshot(states),
                             live=live, intervals=interval_vars(states), relay=relay, settings=settings,
                             tokens=TokenSigner(secret if secret is not None else load_secret(None)))
    if relay is not None:
        app.on_startup.append(lambda _app: relay.start())
        app.on_cleanup.append(lambda _app: relay.stop())
    app[SOCKETS] = weakref.WeakSet()
    app.router.add_get("/_pyx", handle_socket)
    app.router.add_get("/_pyx/health", health)
    add_upload_routes(app, UploadSettings.resolve(upload_max_bytes, upload_tmp_dir))
    add_static_routes(app, Path(dist_dir))  # last: it ends in a catch-all route
    app.on_startup.append(_start_housekeeping)
    app.on_shutdown.append(close_sockets)
    app.on_cleanup.append(_close_manager)
    return app


def serve(
    states: Sequence[type[State]],
    dist_dir: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    manager: StateManager | None = None,
    pages: Mapping[str, Any] | None = None,
    worker: str | None = None,
    settings: ServerSettings | None = None,
    secret: bytes | None = None,
) -> None:
    """Run until Ctrl-C or SIGTERM, then close every websocket and the manager.

    `worker` (e.g. "1/2"): one of several processes sharing the port (SO_REUSEPORT; the
    kernel spreads connections over them), named in the banner."""
    app = create_app(states, dist_dir, manager, pages, settings=settings, secret=secret)
    if worker is not None:
        stop_with_parent(app)
    loop = new_event_loop()
    url = f"http://{f'[{host}]' if ':' in host else host}:{port}"
    banner = f"pyxjs serving {url}" if worker is None else f"pyxjs worker {worker} serving {url}"
    # run_app calls print_ once the socket is bound, so the line only appears when it is true.
    web.run_app(
        app,
        host=host,
        port=port,
        print=lambda _banner: print(banner, flush=True),
        shutdown_timeout=5.0,
        reuse_port=worker is not None,
        loop=loop,
    )


def new_event_loop() -> asyncio.AbstractEventLoop:
    """uvloop's loop where it is installed (a dependency except on Windows, which it does not
    support): the server spends ~25% less CPU per event on it (bench/events.py); else asyncio's."""
    try:
        import uvloop
    except ImportError:
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()


async def health(request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


HOUSEKEEPING_S = 60.0
HOUSEKEEPING = web.AppKey("pyx_housekeeping", asyncio.Task)


async def _start_housekeeping(app: web.Application) -> None:
    app[HOUSEKEEPING] = asyncio.ensure_future(_housekeep(app[SERVICES].manager))


async def _housekeep(manager: StateManager) -> None:
    """The manager's periodic chores (expiry), so idle states go even when no client comes."""
    while True:
        await asyncio.sleep(HOUSEKEEPING_S)
        try:
            await manager.housekeeping()
        except Exception:  # a store that is down: try again next time
            log.exception("state manager housekeeping failed")


async def _close_manager(app: web.Application) -> None:
    services = app[SERVICES]
    housekeeping = app.get(HOUSEKEEPING)
    if housekeeping is not None:
        housekeeping.cancel()
    await services.runner.background_tasks.cancel_all()  # before the manager they write through
    for ticker in list(services.tickers):  # sockets are closed by now; this is for any left over
        ticker.cancel()
    await asyncio.gather(*services.tickers, return_exceptions=True)
    await services.manager.close()
