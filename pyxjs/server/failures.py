"""A failure the page is told about without its details: an error id ties the page's error frame
to the server log's entry, which holds the exception text and traceback.

An exception's text can carry anything (a query, a path, a key), so it stays on the server,
except in development (`--dev`), where the page shows it to the developer.
"""

from __future__ import annotations

import logging
import secrets
import traceback

from pyxjs.server.protocol import ProtocolError

log = logging.getLogger("pyxjs.server")


def new_error_id() -> str:
    return secrets.token_hex(4)


def report_failure(what: str, exc: BaseException, event_id: int | None, dev: bool) -> ProtocolError:
    """Log `exc` with a new error id; the handler_failed error the page gets for it."""
    error_id = new_error_id()
    log.error("%s failed (event id %s, error id %s)", what, event_id, error_id, exc_info=exc)
    if not dev:
        return ProtocolError("handler_failed", f"{what} failed (error id {error_id}; details in the server log)",
                             event_id, error_id)
    return ProtocolError("handler_failed", f"{what} raised {type(exc).__name__}: {exc}", event_id, error_id,
                         "".join(traceback.format_exception(exc)))
