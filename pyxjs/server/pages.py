"""Pages as the server sees them: which route a path is, and the on_load handlers it runs.

Resolved once at startup against the EventRunner, so a handler of a State the server does not
know, or arguments that do not fit, stop the server with a message instead of failing on
the first page load.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote

from pyxjs.server.events import Call, EventRunner
from pyxjs.server.protocol import ProtocolError


def normalize_path(path: str) -> str:
    """The rule runtime_js/src/router.js's normalizePath uses: decoded, no trailing slash."""
    text = unquote(path, errors="strict") if "%" in path else path
    text = text.rstrip("/")
    return text if text.startswith("/") else "/" + text


class PageLoads:
    """route -> the calls its on_load runs. `pages` maps a route to an object with `on_load`
    (the app's `Page`), as `App.pages` does."""

    def __init__(self, pages: Mapping[str, Any] | None, runner: EventRunner) -> None:
        self._routes: dict[str, str] = {}  # normalized path -> route as the app wrote it
        self._calls: dict[str, tuple[Call, ...]] = {}
        for route, page in (pages or {}).items():
            self._routes[normalize_path(route)] = route
            calls = []
            for spec in getattr(page, "on_load", ()):
                call = runner.prepare(spec)
                if isinstance(call, ProtocolError):
                    raise ValueError(f"app.add_page(route={route!r}, on_load=...): {call.message}")
                calls.append(call)
            if calls:
                self._calls[route] = tuple(calls)

    def route_for(self, path: str) -> str | None:
        """The app's route for a browser path, or None (the page shows its 404)."""
        try:
            return self._routes.get(normalize_path(path))
        except UnicodeDecodeError:  # escapes that are not UTF-8: no route has them
            return None

    def calls_for(self, route: str | None) -> tuple[Call, ...]:
        return self._calls.get(route, ()) if route is not None else ()
