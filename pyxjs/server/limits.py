"""Per-connection limits that need state of their own: the event rate and the Origin check."""

from __future__ import annotations

import time

from yarl import URL


class EventRate:
    """A token bucket: `burst` events at once, then `per_s` a second."""

    __slots__ = ("_per_s", "_burst", "_left", "_at", "limited")

    def __init__(self, per_s: float, burst: int) -> None:
        self._per_s = per_s
        self._burst = float(burst)
        self._left = float(burst)
        self._at = time.monotonic()
        self.limited = False  # refused the last event: the log says so once per run of refusals

    def allow(self) -> bool:
        now = time.monotonic()
        left = min(self._burst, self._left + (now - self._at) * self._per_s)
        self._at = now
        if left >= 1.0:
            self._left = left - 1.0
            self.limited = False
            return True
        self._left = left
        return False


def origin_refusal(origin: str | None, host: str | None, allowed: tuple[str, ...]) -> str | None:
    """Why a websocket from a page of `origin` may not connect to this `host`, or None if it may.

    No Origin header: not a browser (browsers always send one on a websocket), so no page of
    another site is behind it; such a client can already do anything a page could.
    """
    if origin is None or "*" in allowed or origin in allowed:
        return None
    try:
        url = URL(origin)
        theirs = (url.host or "").lower(), url.port
        # The Host header read as if the page's scheme had reached us: its default port then fits.
        here = URL(f"{url.scheme}://{host}") if host else None
    except ValueError:
        return f"Origin {origin!r} or Host {host!r} is not a URL"
    if url.scheme not in ("http", "https") or not url.host:
        return f"a page with Origin {origin!r} (an opaque or unknown origin) may not open this websocket"
    if here is not None and theirs == ((here.host or "").lower(), here.port):
        return None
    return (f"a page from {origin} may not open this websocket (host {host}): only the same origin may, "
            f"unless the server allows it (--allow-origin {origin})")
