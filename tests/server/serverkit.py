"""Websocket helpers shared by the functional server tests (a module, not conftest, so it imports by name)."""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from aiohttp import ClientWebSocketResponse, WSMsgType
from aiohttp.test_utils import TestClient

from pyxjs.server.protocol import is_valid_token
from pyxjs.server.tokens import TokenSigner
from pyxjs.server.websocket import SERVICES

TIMEOUT = 5.0  # generous: a slow CI box must not make a correct server fail


async def connect(
    client: TestClient,
    token: str | None = None,
    *,
    route: dict | None = None,
    storage: dict | None = None,
    load: bool = True,
    **ws_kwargs: Any,
) -> tuple[ClientWebSocketResponse, dict]:
    """Open /_pyx (with `?token=` when given), ask for the hydrate as the page does (with its
    route and stored values when given) and return the socket and the hydrate frame.

    A well-formed token the server did not sign (e.g. "tab-1") names a token: the one
    `token_for(client, "tab-1")` gives, signed with the server's secret as if it had issued it."""
    if token is not None and is_valid_token(token) and signer(client).issued_at(token) is None:
        token = token_for(client, token)
    params = {} if token is None else {"token": token}
    ws = await client.ws_connect("/_pyx", params=params, **ws_kwargs)
    request: dict[str, Any] = {"type": "hydrate", "load": load}
    if route is not None:
        request["route"] = route
    if storage is not None:
        request["storage"] = storage
    await ws.send_str(json.dumps(request))
    return ws, await receive(ws)


def signer(client: TestClient) -> TokenSigner:
    return client.server.app[SERVICES].tokens


def token_for(client: TestClient, name: str) -> str:
    """The token the server would accept for `name` (the same for every call and server secret)."""
    ident = base64.urlsafe_b64encode(hashlib.sha256(name.encode()).digest()[:12]).decode()
    # Issued at the server's start: the same string on every call (a token's time is part of it,
    # so the current second would make two calls a second apart two clients), and not older than
    # the server (which would read as a state lost to a restart).
    return signer(client).sign(ident, issued_at=client.server.app[SERVICES].started_at)


async def navigate(ws: ClientWebSocketResponse, event_id: int, path: str, query: str = "") -> dict:
    """Tell the server the page moved to `path` (runs its on_load); return the final answer."""
    await ws.send_str(json.dumps({"id": event_id, "type": "navigate", "route": {"path": path, "query": query}}))
    while True:
        frame = await receive(ws)
        if frame.get("final", True):
            return frame


async def receive(ws: ClientWebSocketResponse) -> dict:
    message = await ws.receive(timeout=TIMEOUT)
    assert message.type is WSMsgType.TEXT, f"expected a text frame, got {message.type}: {message.data!r}"
    return strict_json(message.data)


async def send(ws: ClientWebSocketResponse, event_id: int, handler: str, *args: Any) -> None:
    await ws.send_str(json.dumps({"id": event_id, "handler": handler, "args": list(args)}))


async def call(ws: ClientWebSocketResponse, event_id: int, handler: str, *args: Any) -> dict:
    """Send one event and return the frame answering it."""
    await send(ws, event_id, handler, *args)
    return await receive(ws)


async def assert_silent(ws: ClientWebSocketResponse, seconds: float = 0.2) -> None:
    """No further frame arrives: every event gets exactly one answer."""
    try:
        message = await ws.receive(timeout=seconds)
    except TimeoutError:
        return
    raise AssertionError(f"unexpected extra frame: {message.type} {message.data!r}")


def strict_json(text: str) -> Any:
    """json.loads that, like the browser's JSON.parse, rejects NaN and Infinity."""

    def reject(constant: str) -> None:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=reject)
