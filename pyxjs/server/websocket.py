"""The /_pyx websocket: hydrate first, then each event answered by exactly one frame.

A connection reads, runs and answers one frame at a time, so a client's events run in
arrival order with no queue of our own: frames not yet read wait in aiohttp's reader, which
stops reading the socket when its buffer fills (backpressure on a flooding client).
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Awaitable, Callable

from aiohttp import WSCloseCode, WSMsgType, web

from pyxjs.server.background import BackgroundContext
from pyxjs.server.events import EventRunner, Outcome
from pyxjs.server.protocol import (
    ProtocolError,
    StateMap,
    accept_token,
    answer_frame,
    error_frame,
    hydrate_frame,
    parse_event,
    split_unencodable,
)
from pyxjs.state.manager import StateManager

log = logging.getLogger("pyxjs.server")

MANAGER = web.AppKey("pyx_manager", StateManager)
RUNNER = web.AppKey("pyx_runner", EventRunner)
# Every State's defaults: what a token without stored states hydrates to, no allocation needed.
DEFAULT_STATE = web.AppKey("pyx_default_state", dict)
SOCKETS = web.AppKey("pyx_sockets", weakref.WeakSet)

# Browsers answer pings by themselves; 30 s finds a dead peer without chatter.
HEARTBEAT_S = 30.0

BINARY_REPLY = error_frame(ProtocolError("bad_message", "binary frames are not part of the protocol; send JSON text"))


async def handle_socket(request: web.Request) -> web.WebSocketResponse:
    app = request.app
    manager, runner = app[MANAGER], app[RUNNER]
    # No permessage-deflate: its zlib window costs ~95 KB per connected tab, 6x the rest of an idle
    # client, and our frames are small JSON. Revisit (e.g. per large frame) if states grow big.
    ws = web.WebSocketResponse(heartbeat=HEARTBEAT_S, compress=False)
    await ws.prepare(request)
    token = accept_token(request.query.get("token"))
    app[SOCKETS].add(ws)
    try:
        await ws.send_str(await hydrate(manager, token, app[DEFAULT_STATE]))
        async for message in ws:
            if message.type is WSMsgType.TEXT:
                reply = await answer(manager, runner, token, message.data, ws.send_str)
            elif message.type is WSMsgType.BINARY:
                reply = BINARY_REPLY
            else:  # ERROR: the transport broke; aiohttp is already closing the socket
                break
            await ws.send_str(reply)
    except ConnectionResetError:
        pass  # the tab went away mid-answer; its state is saved, nothing left to tell it
    finally:
        app[SOCKETS].discard(ws)
    return ws


async def hydrate(manager: StateManager, token: str, defaults: StateMap) -> str:
    # Locked so a handler of a second tab with this token is never caught half-way.
    async with manager.lock(token):
        states = await manager.find(token)
        snapshot = defaults if states is None else {name: s.pyx_snapshot() for name, s in states.items()}
        try:
            return hydrate_frame(token, snapshot)
        except (TypeError, ValueError):
            snapshot, bad = split_unencodable(snapshot)
            log.error("a hydrate left out vars JSON cannot carry: %s", ", ".join(bad))
            return hydrate_frame(token, snapshot)


async def answer(
    manager: StateManager, runner: EventRunner, token: str, text: str, send: Callable[[str], Awaitable[None]]
) -> str:
    """Run one event; frames before the final one (at each `yield`) go out through `send`;
    returns the final frame."""
    event = parse_event(text)
    if isinstance(event, ProtocolError):
        return error_frame(event)

    async def emit(step: Outcome) -> None:
        await send(answer_frame(event.id, step.delta, step.error, step.patch, step.actions, final=False))

    async def push(step: Outcome) -> None:
        # From a background task, after the event's answer: the page may be gone by then.
        try:
            await emit(step)
        except ConnectionResetError:
            pass

    try:
        async with manager.modify(token) as states:
            outcome = await runner.run(event, states, emit, BackgroundContext(manager, token, push))
            # Encoded under the lock: the delta holds live values another tab could change next.
            return answer_frame(event.id, outcome.delta, outcome.error, outcome.patch, outcome.actions)
    except ConnectionResetError:
        raise  # the page is gone mid-event (a yield could not be sent): nobody left to answer
    except Exception:
        # Not the handler (EventRunner reports that) but the machinery around it, e.g. a state
        # store that is down: this event fails, the connection and every other client go on.
        log.exception("event %s (%s) failed outside its handler", event.id, event.handler)
        return error_frame(ProtocolError("handler_failed", "the server could not run this event", event.id))


async def close_sockets(app: web.Application) -> None:
    """on_shutdown: open websockets would otherwise hold the shutdown until they time out."""
    for ws in list(app[SOCKETS]):
        await ws.close(code=WSCloseCode.GOING_AWAY, message=b"server shutting down")
