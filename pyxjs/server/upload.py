"""The upload routes (docs/protocol.md, "Uploads"): POST /_upload runs an upload handler with the
files, GET /_upload/<name> serves a file of rx.get_upload_dir().

A POST names its client (token), handler and event id in headers, so everything is checked
before a byte of the body is read. The files go to a temporary folder, the handler runs in the
client's queue like any event (same lock, rollback and frames, sent over the page's websocket),
and the folder is removed whatever happens.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

from pyxjs.server.connection import Connection
from pyxjs.server.events import Handler
from pyxjs.server.multipart import BadUpload, UploadTooLarge, receive_files
from pyxjs.server.protocol import Event, is_valid_token
from pyxjs.server.websocket import SERVICES
from pyxjs.state.upload import why_not_upload_handler
from pyxjs.upload_dir import UPLOAD_ROUTE, get_upload_dir

log = logging.getLogger("pyxjs.server")

LIMIT_ENV_VAR = "PYXJS_MAX_UPLOAD_BYTES"
DEFAULT_LIMIT = 100 * 1024 * 1024

TOKEN_HEADER = "X-Pyx-Token"
HANDLER_HEADER = "X-Pyx-Handler"
EVENT_HEADER = "X-Pyx-Event"


@dataclass(frozen=True, slots=True)
class UploadSettings:
    max_bytes: int = DEFAULT_LIMIT  # of file content per upload
    tmp_dir: Path | None = None  # where uploads are spooled; the system's temp folder by default

    @classmethod
    def resolve(cls, max_bytes: int | None, tmp_dir: Path | None) -> UploadSettings:
        if max_bytes is None:
            raw = os.environ.get(LIMIT_ENV_VAR, "")
            try:
                max_bytes = int(raw) if raw else DEFAULT_LIMIT
            except ValueError:
                raise ValueError(f"{LIMIT_ENV_VAR}={raw!r} is not a number of bytes") from None
        if max_bytes < 0:
            raise ValueError(f"the upload limit must be at least 0 bytes, got {max_bytes}")
        return cls(max_bytes, tmp_dir)


UPLOAD_SETTINGS = web.AppKey("pyx_upload_settings", UploadSettings)


def add_upload_routes(app: web.Application, settings: UploadSettings) -> None:
    app[UPLOAD_SETTINGS] = settings
    app.router.add_post(UPLOAD_ROUTE, handle_upload)
    app.router.add_get(UPLOAD_ROUTE + "/{name:.+}", serve_uploaded)


def _refuse(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"error": {"code": code, "message": message}}, status=status)


class _Refused(Exception):
    def __init__(self, response: web.Response) -> None:
        self.response = response


def _target(request: web.Request) -> tuple[Connection, Handler, int]:
    """The live connection, the upload handler and the event id the headers name."""
    services = request.app[SERVICES]
    token, name, raw_id = (request.headers.get(h) for h in (TOKEN_HEADER, HANDLER_HEADER, EVENT_HEADER))
    if not is_valid_token(token) or not name or raw_id is None or not raw_id.isdigit() or int(raw_id) <= 0:
        raise _Refused(_refuse(400, "bad_message", f"an upload needs the headers {TOKEN_HEADER} (the client's token), "
                                                   f"{HANDLER_HEADER} (\"<state>.<handler>\") and {EVENT_HEADER} (a positive id)"))
    event_id = int(raw_id)
    resolved = services.runner.resolve(Event(event_id, name))
    if not isinstance(resolved, Handler):
        raise _Refused(_refuse(404, "unknown_handler", resolved.message))
    problem = why_not_upload_handler(resolved.signature, resolved.qualified)
    if problem is None and resolved.background:
        problem = f"{resolved.qualified} is a background handler; uploads run in the client's queue: drop background=True"
    if problem is not None:
        raise _Refused(_refuse(400, "bad_args", problem))
    connection = services.live.latest(token)  # type: ignore[arg-type]
    if connection is None:
        raise _Refused(_refuse(403, "unknown_client", "no page with this token is connected; open the page "
                                                      "(its websocket) before uploading"))
    return connection, resolved, event_id


async def handle_upload(request: web.Request) -> web.Response:
    settings = request.app[UPLOAD_SETTINGS]
    try:
        connection, handler, event_id = _target(request)
    except _Refused as refused:
        return refused.response
    too_large = f"the upload is larger than the server's limit of {settings.max_bytes:,} bytes"
    if request.content_length is not None and request.content_length > settings.max_bytes + 64 * 1024:
        return _refuse(413, "too_large", too_large)  # clearly too big: refuse before reading it
    folder = Path(tempfile.mkdtemp(prefix="pyx-upload-", dir=settings.tmp_dir))
    files = []
    try:
        try:
            files = await receive_files(request, folder, settings.max_bytes)
        except UploadTooLarge:
            return _refuse(413, "too_large", too_large)
        except BadUpload as exc:
            return _refuse(400, "bad_message", str(exc))
        except ConnectionResetError:  # the page cancelled (rx.cancel_upload) or went away mid-upload
            log.info("upload %s stopped by the page before its end; its handler does not run", event_id)
            return _refuse(400, "upload_cancelled", "the page stopped sending the upload")
        runner = request.app[SERVICES].runner
        event = Event(event_id, handler.qualified, [files])
        # The connection's turn, as for a websocket frame: an interval var's push never lands
        # between this event's changes and its answer.
        async with connection.turn:
            frame = await connection.answer(event_id, handler.qualified,
                                            lambda states, emit, bg: runner.run(event, states, emit, bg))
            try:
                await connection.send(frame)
            except ConnectionResetError:
                log.info("upload %s ran, but its page disconnected before the answer", event_id)
        return web.json_response({"id": event_id, "files": len(files)})
    finally:
        for file in files:
            file.close()
        shutil.rmtree(folder, ignore_errors=True)


async def serve_uploaded(request: web.Request) -> web.StreamResponse:
    folder = get_upload_dir().resolve()
    target = (folder / request.match_info["name"]).resolve()
    if not target.is_relative_to(folder) or not target.is_file():
        raise web.HTTPNotFound(text=f"no uploaded file {request.match_info['name']!r}")
    response = web.FileResponse(target)
    # Uploaded HTML or SVG must not run scripts with the app's origin.
    response.headers["Content-Security-Policy"] = "sandbox"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
