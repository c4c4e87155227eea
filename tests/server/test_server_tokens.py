"""Tokens the server signs: its own are accepted (after a restart too), any other is replaced;
a hydrate says when a token's state was lost."""

from __future__ import annotations

import asyncio
import os
import stat
import time

import pytest
from serverkit import call, connect

import pyxjs as rx
from pyxjs.server.tokens import TokenSigner, load_secret
from pyxjs.state.manager import MemoryStateManager

SECRET = b"k" * 32


class TokCounterState(rx.State):
    count: int = 0

    def increment(self):
        self.count += 1


async def start(server_factory, manager=None, secret=SECRET):
    return await server_factory([TokCounterState], app_kwargs={"manager": manager, "secret": secret})


async def test_an_issued_token_is_kept_and_one_never_issued_is_replaced(server_factory):
    client = await start(server_factory)
    ws, hydrate = await connect(client)  # no token: the server issues one
    token = hydrate["token"]
    assert TokenSigner(SECRET).issued_at(token) is not None and "lost" not in hydrate
    await call(ws, 1, "tok_counter_state.increment")
    await ws.close()
    again = await client.ws_connect("/_pyx", params={"token": token})
    await again.send_str('{"type": "hydrate"}')
    kept = await again.receive_json(timeout=5)
    assert kept["token"] == token and kept["state"]["tok_counter_state"]["count"] == 1
    forged = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")  # a bad signature
    foreign = TokenSigner(b"another secret, another server").issue()
    for bad in (forged, foreign, "made-up-by-the-page"):
        ws = await client.ws_connect("/_pyx", params={"token": bad})
        await ws.send_str('{"type": "hydrate"}')
        replaced = await ws.receive_json(timeout=5)
        assert replaced["token"] != bad and "lost" not in replaced
        assert replaced["state"]["tok_counter_state"]["count"] == 0
        await ws.close()


async def test_a_memory_server_restarted_tells_the_page_its_state_was_lost(server_factory):
    client = await start(server_factory)
    earlier = TokenSigner(SECRET).sign("A" * 16, issued_at=int(time.time()) - 600)  # by the process before
    ws, hydrate = await connect(client, earlier)
    assert hydrate["token"] == earlier and hydrate["lost"] == "restarted"
    await ws.close()
    ws, hydrate = await connect(client, earlier)  # told once
    assert "lost" not in hydrate
    await ws.close()


async def test_evicted_and_expired_states_are_reported_at_the_next_hydrate(server_factory):
    now = [1000.0]
    manager = MemoryStateManager([TokCounterState], idle_expiry_s=60, max_states=2, clock=lambda: now[0])
    client = await start(server_factory, manager)
    tokens = []
    for i in range(3):  # the third state evicts the least recently used idle one, the first
        ws, hydrate = await connect(client)
        await call(ws, 1, "tok_counter_state.increment")
        await ws.close()
        tokens.append(hydrate["token"])
        await asyncio_yield()
    assert len(manager) == 2
    ws, hydrate = await connect(client, tokens[0])
    assert hydrate["lost"] == "evicted" and hydrate["state"]["tok_counter_state"]["count"] == 0
    await ws.close()
    now[0] += 61
    await manager.housekeeping()
    assert len(manager) == 0
    ws, hydrate = await connect(client, tokens[2])
    assert hydrate["lost"] == "expired"
    await ws.close()


async def test_a_connected_page_keeps_its_state_past_the_expiry_and_the_cap(server_factory):
    now = [1000.0]
    manager = MemoryStateManager([TokCounterState], idle_expiry_s=60, max_states=1, clock=lambda: now[0])
    client = await start(server_factory, manager)
    live, hydrate = await connect(client)
    await call(live, 1, "tok_counter_state.increment")
    now[0] += 3600
    await manager.housekeeping()
    other, _ = await connect(client)
    await call(other, 1, "tok_counter_state.increment")  # over the cap, but the live one stays
    assert (await call(live, 2, "tok_counter_state.increment"))["delta"] == {"tok_counter_state": {"count": 2}}
    await live.close()
    await other.close()


async def asyncio_yield() -> None:
    await asyncio.sleep(0.05)  # the server sees the close before the next connect


def test_the_secret_file_is_created_0600_and_reused(tmp_path, monkeypatch):
    monkeypatch.delenv("PYXJS_SECRET", raising=False)
    first = load_secret(tmp_path)
    path = tmp_path / ".pyx" / "secret"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_secret(tmp_path) == first and len(first) >= 32


def test_the_environment_secret_wins_and_must_be_long_enough(tmp_path, monkeypatch):
    monkeypatch.setenv("PYXJS_SECRET", "s" * 40)
    assert load_secret(tmp_path) == b"s" * 40
    assert not (tmp_path / ".pyx").exists()
    monkeypatch.setenv("PYXJS_SECRET", "short")
    with pytest.raises(ValueError, match="at least 16"):
        load_secret(tmp_path)


def test_a_token_fits_the_protocol_alphabet():
    from pyxjs.server.protocol import is_valid_token

    signer = TokenSigner(os.urandom(32))
    tokens = {signer.issue() for _ in range(200)}
    assert len(tokens) == 200 and all(is_valid_token(t) and signer.issued_at(t) for t in tokens)
