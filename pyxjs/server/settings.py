"""The server's limits and switches, in one place: create_app takes a ServerSettings.

Each limit exists so one client cannot cost the others (memory, the event loop, a socket that
stops reading); each is reported to that client with a clear error and to the log.
"""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ServerSettings:
    dev: bool = False  # handler failures show their exception text and traceback on the page
    # Origins (scheme://host[:port]) whose pages may open the websocket besides the server's own;
    # "*" allows any. Same origin only by default: any web page could otherwise drive a local app.
    allow_origins: tuple[str, ...] = ()
    max_frame_bytes: int = 1 * MIB  # a bigger client frame closes the socket with 1009
    events_per_s: float = 1000.0  # per connection, sustained
    event_burst: int = 2000  # events a connection may send at once before the rate applies
    send_timeout_s: float = 30.0  # a page that stops reading this long is disconnected

    def __post_init__(self) -> None:
        for name in ("max_frame_bytes", "events_per_s", "event_burst", "send_timeout_s"):
            if not getattr(self, name) > 0:
                raise ValueError(f"ServerSettings.{name} must be positive, got {getattr(self, name)!r}")
