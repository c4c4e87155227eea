"""One websocket's side of the protocol: hydrate on the page's request, then answer each frame.

A `Connection` knows its token, where its page is (the RouterData handed to the client's states
before every event) and the server's shared parts. No aiohttp here beyond what the socket
module passes in, so it reads as the protocol does: hydrate, event, navigate, storage.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from pyxjs.server.background import BackgroundContext
from pyxjs.server.failures import report_failure
from pyxjs.server.large_frames import encode_yielding, looks_large
from pyxjs.server.limits import EventRate
from pyxjs.server.settings import ServerSettings
from pyxjs.server.tokens import TokenSigner
from pyxjs.server.events import EventRunner, Outcome
from pyxjs.server.intervals import IntervalTicker, IntervalVar
from pyxjs.server.pages import PageLoads
from pyxjs.server.protocol import (
    Event,
    HydrateRequest,
    Navigate,
    ProtocolError,
    Route,
    StateMap,
    StorageUpdate,
    answer_frame,
    delta_message,
    error_frame,
    hydrate_frame,
    hydrate_message,
    parse_frame,
    split_unencodable,
)
from pyxjs.state.base import ComputedVarError, State
from pyxjs.state.client import refresh, rollback, snapshot, take_delta
from pyxjs.state.manager import StateManager
from pyxjs.state.router import Headers, RouterData, SessionData, page_data
from pyxjs.state.storage import apply_stored

log = logging.getLogger("pyxjs.server")

Send = Callable[[str], Awaitable[None]]


class Relay(Protocol):
    async def publish(self, token: str, frame: str) -> None: ...


class LiveConnections:
    """Each token's open connections, newest last: an upload (an HTTP request, not a frame)
    answers through its page's socket."""

    def __init__(self) -> None:
        self._by_token: dict[str, list[Connection]] = {}

    def add(self, connection: Connection) -> None:
        self._by_token.setdefault(connection.token, []).append(connection)

    def remove(self, connection: Connection) -> None:
        open_ones = self._by_token.get(connection.token, [])
        if connection in open_ones:
            open_ones.remove(connection)
        if not open_ones:
            self._by_token.pop(connection.token, None)

    def latest(self, token: str) -> Connection | None:
        """The newest hydrated connection of `token`, if any."""
        for connection in reversed(self._by_token.get(token, [])):
            if connection.hydrated:
                return connection
        return None


@dataclass(frozen=True, slots=True)
class Services:
    """What every connection shares: built once in create_app."""

    manager: StateManager
    runner: EventRunner
    loads: PageLoads
    defaults: StateMap  # every var's default, what a token without states hydrates to
    live: LiveConnections = field(default_factory=LiveConnections)
    intervals: tuple[IntervalVar, ...] = ()  # the app's @rx.var(interval=...) vars
    tickers: set[asyncio.Task[None]] = field(default_factory=set)  # running IntervalTicker tasks
    # Set with a shared manager (redis): background frames go to whichever worker holds the page.
    relay: Relay | None = None
    settings: ServerSettings = field(default_factory=ServerSettings)
    tokens: TokenSigner = field(default_factory=lambda: TokenSigner(secrets.token_bytes(32)))
    started_at: int = field(default_factory=lambda: int(time.time()))  # tokens issued before: by an earlier process


class Connection:
    def __init__(self, services: Services, token: str, headers: Headers, client_ip: str, send: Send,
                 issued_at: int | None = None) -> None:
        """`issued_at`: when the server signed the token the page brought; None for a new one."""
        self.services = services
        self.token = token
        self.send = send
        self.hydrated = False
        self._issued_at = issued_at
        settings = services.settings
        self._rate = EventRate(settings.events_per_s, settings.event_burst)
        self._headers = headers
        self._session = SessionData(token, client_ip, secrets.token_hex(8))
        self._host = headers.get("origin") or (f"http://{headers['host']}" if "host" in headers else "")
        self.router = RouterData(session=self._session, headers=headers)
        # Held while a frame is answered and its answer sent, so a frame the server pushes on
        # its own (interval vars) never lands between an event's changes and its answer.
        self.turn = asyncio.Lock()
        self._ticker: IntervalTicker | None = None

    async def close(self) -> None:
        """The socket closed: stop what runs for this page."""
        if self._ticker is not None:
            await self._ticker.stop()

    async def receive(self, text: str) -> str:
        """The frame answering `text` (frames before it, at a `yield`, go out through send)."""
        frame = parse_frame(text)
        if not self.hydrated:
            if type(frame) is HydrateRequest:
                return await self.hydrate(frame)
            # An older page, or a frame sent too early: hydrate as if it had asked with nothing.
            await self.send(await self.hydrate(HydrateRequest()))
        if isinstance(frame, ProtocolError):
            return error_frame(frame)
        if not self._rate.allow():
            return self._refuse(getattr(frame, "id", None))  # a second hydrate request has no id
        kind = type(frame)
        if kind is Event:
            return await self.answer(frame.id, frame.handler, lambda states, emit, bg: self.services.runner.run(frame, states, emit, bg))
        if kind is Navigate:
            self._move_to(frame.route)
            calls = self.services.loads.calls_for(self.router.page.path or None)
            return await self.answer(frame.id, "on_load", lambda states, emit, bg: self.services.runner.run_load(frame.id, calls, states, emit, bg))
        if kind is StorageUpdate:
            return await self.answer(frame.id, "storage", lambda states, emit, bg: _synced(frame, states))
        return error_frame(ProtocolError("bad_message", "this connection is already hydrated; reconnect to hydrate again"))

    def _refuse(self, event_id: int | None) -> str:
        settings = self.services.settings
        if not self._rate.limited:  # one log line per run of refused events, not one per event
            self._rate.limited = True
            log.warning("token %s… sends events faster than %g/s (burst %d): refusing them", self.token[:6],
                        settings.events_per_s, settings.event_burst)
        message = (f"too many events: this server takes at most {settings.events_per_s:g} per second from a page "
                   f"(bursts of {settings.event_burst}); this one did not run")
        return error_frame(ProtocolError("rate_limited", message, event_id))

    async def _lost(self) -> str | None:
        """Why a token this server issued has no state: the page should say so, not silently reset."""
        if self._issued_at is None:
            return None
        manager = self.services.manager
        reason = await manager.lost(self.token)
        if reason is None and not manager.durable and self._issued_at < self.services.started_at:
            reason = "restarted"  # issued by an earlier process whose memory is gone
        if reason is not None:
            log.info("token %s… reconnected after its state was lost (%s)", self.token[:6], reason)
            self._issued_at = None  # reported once per connection
        return reason

    async def hydrate(self, request: HydrateRequest) -> str:
        """Every public var of the token's states, after applying the page's stored values."""
        self.hydrated = True
        if request.route is not None:
            self._move_to(request.route)
        manager = self.services.manager
        problems: list[str] = []
        # Locked so a handler of a second tab with this token is never caught half-way.
        async with manager.lock(self.token):
            states = await manager.find(self.token)
            lost = await self._lost() if states is None else None
            if lost == "restarted":
                # Kept from now on, so the next reconnect of this page is not reported again.
                states = await manager.get(self.token)
                await manager.save(self.token, states)
            if _has_stored(request.storage) and (states is None or request.load):
                # A page load: the browser's storage holds these vars' values. (A reconnect keeps
                # the server's values, which the page then writes back into its storage.)
                states = await manager.get(self.token)
                problems = await _commit_stored(states, request.storage, only_sync=False)
                await manager.save(self.token, states)
            if states is None and any("router" in cls._pyx_dependents for cls in manager.state_classes):
                # Computed vars follow the page (`self.router`, `self.is_hydrated`): the defaults were
                # computed with no page, so this page gets states of its own.
                states = await manager.get(self.token)
                attach_router(states, self.router)
                await take_delta(states)  # committed: the hydrate sends them whole
                await manager.save(self.token, states)
            if states is None:
                values = self.services.defaults
            else:
                attach_router(states, self.router)  # computed vars that read it see this page
                await refresh(states)
                values = snapshot(states)
            try:
                if looks_large(values):
                    frame = await encode_yielding(hydrate_message(self.token, values, lost))
                else:
                    frame = hydrate_frame(self.token, values, lost)
            except (TypeError, ValueError):
                values, bad = split_unencodable(values)
                log.error("a hydrate left out vars JSON cannot carry: %s", ", ".join(bad))
                frame = hydrate_frame(self.token, values, lost)
        self._start_intervals()
        if problems:
            # The page still gets its state; the error says which stored values were not used.
            await self.send(frame)
            return error_frame(ProtocolError("bad_args", "stored values not used: " + "; ".join(problems)))
        return frame

    def _start_intervals(self) -> None:
        services = self.services
        if services.intervals and self._ticker is None:
            self._ticker = IntervalTicker(services.intervals, services.manager, self.token, self.turn,
                                          lambda states: attach_router(states, self.router), self.send,
                                          dev=services.settings.dev)
            self._ticker.start(services.tickers)

    def _move_to(self, route: Route) -> None:
        app_route = self.services.loads.route_for(route.path)
        page = page_data(self._host, app_route if app_route is not None else route.path, route.path, route.query)
        self.router = RouterData(page, self._session, self._headers)

    async def answer(self, event_id: int, what: str, run: Callable[..., Awaitable[Outcome]]) -> str:
        """Run one event under the token's lock; frames before its answer go out through send."""
        async def emit(step: Outcome) -> None:
            await self.send(answer_frame(event_id, step.delta, step.error, step.patch, step.actions, final=False))

        relay = self.services.relay

        async def push(step: Outcome) -> None:
            # From a background task, after the event's answer: the page may be gone by then.
            if relay is not None:  # or on another worker
                await relay.publish(self.token, answer_frame(event_id, step.delta, step.error, step.patch, step.actions, final=False))
                return
            try:
                await emit(step)
            except ConnectionResetError:
                pass

        manager = self.services.manager
        try:
            async with manager.modify(self.token) as states:
                attach_router(states, self.router)
                outcome = await run(states, emit, BackgroundContext(manager, self.token, push))
                # Encoded under the lock: the delta holds live values another tab could change next.
                if outcome.error is None and looks_large(outcome.delta, outcome.patch):
                    try:
                        return await encode_yielding(delta_message(event_id, outcome.delta, outcome.patch, outcome.actions))
                    except (TypeError, ValueError):
                        pass  # answer_frame below names the vars JSON cannot carry
                return answer_frame(event_id, outcome.delta, outcome.error, outcome.patch, outcome.actions)
        except ConnectionResetError:
            raise  # the page is gone mid-event (a yield could not be sent): nobody left to answer
        except Exception as exc:
            # Not the handler (EventRunner reports that) but the machinery around it, e.g. a state
            # store that is down: this event fails, the connection and every other client go on.
            return error_frame(report_failure(f"the server around event {event_id} ({what})", exc, event_id,
                                              self.services.settings.dev))


def attach_router(states: Mapping[str, State], router: RouterData) -> None:
    """Hand the connection's RouterData to the client's states (a no-op when they have it);
    computed vars that read `self.router` are then stale, as in Reflex, where they follow the page."""
    for state in states.values():
        d = state.__dict__
        if d.get("_pyx_router") is router:
            return  # all of a client's states get it together
        d["_pyx_router"] = router
        if "router" in type(state)._pyx_dependents:
            state._pyx_mark_stale("router")


def _has_stored(storage: StateMap) -> bool:
    return any(text is not None for texts in storage.values() for text in texts.values())


async def _commit_stored(states: dict[str, State], values: StateMap, only_sync: bool) -> list[str]:
    """Apply stored values and make them the states' committed values (a hydrate sends the
    whole state, so the delta is dropped); a computed var that fails on them undoes them."""
    problems = apply_stored(states, values, only_sync)
    try:
        await take_delta(states)
    except ComputedVarError as exc:
        rollback(states)
        problems.append(f"not used, {exc}")
    return problems


async def _synced(frame: StorageUpdate, states: dict[str, State]) -> Outcome:
    """Another tab changed synced vars: set them, answer with what changed."""
    problems = apply_stored(states, frame.values, only_sync=True)
    try:
        delta, patch = await take_delta(states)
    except ComputedVarError as exc:
        rollback(states)
        return Outcome({}, ProtocolError("handler_failed", f"stored values not used, {exc}", frame.id))
    error = ProtocolError("bad_args", "stored values not used: " + "; ".join(problems), frame.id) if problems else None
    return Outcome(delta, error, patch)
