"""Assemble the aiohttp application: websocket, health check, static dist; and run it."""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from pathlib import Path

from aiohttp import web

from pyxjs.server.events import EventRunner
from pyxjs.server.static import add_static_routes
from pyxjs.server.websocket import (
    DEFAULT_STATE,
    MANAGER,
    RUNNER,
    SOCKETS,
    close_sockets,
    handle_socket,
)
from pyxjs.state.base import State, default_snapshot
from pyxjs.state.manager import MemoryStateManager, StateManager


def create_app(
    states: Sequence[type[State]],
    dist_dir: Path,
    manager: StateManager | None = None,
) -> web.Application:
    """The server for an app's State classes and its built `dist_dir`.

    `manager` defaults to a MemoryStateManager; one passed in must manage the same classes.
    """
    states = tuple(dict.fromkeys(states))
    if manager is None:
        manager = MemoryStateManager(states)
    elif set(manager.state_classes) != set(states):
        raise ValueError("the state manager was built for other State classes than create_app() got")
    app = web.Application()
    app[MANAGER] = manager
    app[RUNNER] = EventRunner(states)
    app[DEFAULT_STATE] = default_snapshot(states)  # also rejects a default JSON cannot carry
    app[SOCKETS] = weakref.WeakSet()
    app.router.add_get("/_pyx", handle_socket)
    app.router.add_get("/_pyx/health", health)
    add_static_routes(app, Path(dist_dir))  # last: it ends in a catch-all route
    app.on_shutdown.append(close_sockets)
    app.on_cleanup.append(_close_manager)
    return app


def serve(
    states: Sequence[type[State]],
    dist_dir: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    manager: StateManager | None = None,
) -> None:
    """Run until Ctrl-C or SIGTERM, then close every websocket and the manager."""
    app = create_app(states, dist_dir, manager)
    url = f"http://{f'[{host}]' if ':' in host else host}:{port}"
    # run_app calls print_ once the socket is bound, so the line only appears when it is true.
    web.run_app(
        app,
        host=host,
        port=port,
        print=lambda _banner: print(f"pyxjs serving {url}", flush=True),
        shutdown_timeout=5.0,
    )


async def health(request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


async def _close_manager(app: web.Application) -> None:
    await app[RUNNER].background_tasks.cancel_all()  # before the manager they write through
    await app[MANAGER].close()
