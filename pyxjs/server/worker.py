"""The worker side of `pyx run --workers N` (the parent is pyxjs/cli/workers.py)."""

from __future__ import annotations

import asyncio
import os
import signal

from aiohttp import web

PARENT_POLL_S = 1.0


def stop_with_parent(app: web.Application) -> None:
    """Stop (as SIGTERM would) once the parent that started this worker is gone, so a `kill -9`
    of the parent leaves no orphan serving the port."""
    parent = os.getppid()

    async def watch() -> None:
        while os.getppid() == parent:
            await asyncio.sleep(PARENT_POLL_S)
        os.kill(os.getpid(), signal.SIGTERM)

    async def start(_app: web.Application) -> None:
        task = asyncio.ensure_future(watch())
        task.set_name("pyx watch parent")
        _app[WATCHER] = task

    async def stop(_app: web.Application) -> None:
        _app[WATCHER].cancel()

    app.on_startup.append(start)
    app.on_cleanup.append(stop)


WATCHER = web.AppKey("pyx_watch_parent", asyncio.Task)
