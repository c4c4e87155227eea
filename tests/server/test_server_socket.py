"""Functional tests: a real server on 127.0.0.1 and real websocket clients speaking docs/protocol.md."""

from __future__ import annotations

import asyncio
import logging

import pytest
from serverkit import assert_silent, call, connect, receive, send, token_for

import pyxjs as rx
from pyxjs.server.protocol import is_valid_token


class SockCounterState(rx.State):
    count: int = 0
    label: str = "start"
    _visits: int = 0

    def increment(self, by: int = 1):
        self.count += by

    def set_label(self, label: str):
        self.label = label

    async def set_label_after(self, label: str, delay: float):
        await asyncio.sleep(delay)
        self.label = label

    async def slow_increment(self, delay: float):
        # A read-modify-write across an await: only safe if events on one state never interleave.
        before = self.count
        await asyncio.sleep(delay)
        self.count = before + 1

    def explode(self):
        self.count += 100
        raise RuntimeError("kaboom")

    def set_unsendable(self):
        self.label = "kept"
        self.count = float("nan")  # JSON cannot carry it


class SockProfileState(rx.State):
    tags: list = ["new"]

    def tag(self, tag: str):
        self.tags = [*self.tags, tag]


STATES = [SockCounterState, SockProfileState]
DEFAULTS = {"sock_counter_state": {"count": 0, "label": "start"}, "sock_profile_state": {"tags": ["new"]}}


@pytest.fixture
async def client(server_factory):
    return await server_factory(STATES)


async def test_hydrate_comes_first_with_defaults_and_no_private_vars(client):
    ws, hydrate = await connect(client, token="tab-1")
    assert hydrate == {"type": "hydrate", "token": token_for(client, "tab-1"), "state": DEFAULTS}
    await ws.close()


async def test_frames_are_compact_json(client):
    ws = await client.ws_connect("/_pyx", params={"token": "compact"})
    await ws.send_str('{"type":"hydrate"}')
    text = (await ws.receive(timeout=5)).data
    assert ": " not in text and ", " not in text
    await ws.send_str('{"id":1,"handler":"sock_counter_state.increment","args":[2]}')
    assert (await ws.receive(timeout=5)).data == '{"type":"delta","id":1,"delta":{"sock_counter_state":{"count":2}}}'
    await ws.close()


async def test_compression_offered_by_the_client_is_declined(client):
    # Browsers offer permessage-deflate; its zlib window would cost ~95 KB per connected tab.
    ws, hydrate = await connect(client, token="deflate", compress=15)
    assert ws.compress == 0
    assert hydrate["type"] == "hydrate"
    await ws.close()


async def test_an_event_yields_its_delta(client):
    ws, _ = await connect(client)
    assert await call(ws, 1, "sock_counter_state.increment", 5) == {
        "type": "delta",
        "id": 1,
        "delta": {"sock_counter_state": {"count": 5}},
    }
    assert await call(ws, 2, "sock_profile_state.tag", "vip") == {
        "type": "delta",
        "id": 2,
        "delta": {"sock_profile_state": {"tags": ["new", "vip"]}},
    }
    await assert_silent(ws)
    await ws.close()


async def test_omitted_args_work(client):
    ws, _ = await connect(client)
    await ws.send_str('{"id": 1, "handler": "sock_counter_state.increment"}')
    assert (await receive(ws))["delta"] == {"sock_counter_state": {"count": 1}}
    await ws.close()


async def test_events_sent_back_to_back_are_answered_in_order(client):
    ws, _ = await connect(client)
    # Earlier events sleep longer: running them concurrently would answer (and label) out of order.
    for i in range(1, 21):
        await send(ws, i, "sock_counter_state.set_label_after", f"label {i}", (21 - i) * 0.003)
    answers = [await receive(ws) for _ in range(20)]
    assert [a["id"] for a in answers] == list(range(1, 21))
    assert [a["delta"]["sock_counter_state"]["label"] for a in answers] == [f"label {i}" for i in range(1, 21)]
    await assert_silent(ws)
    await ws.close()


async def test_mixed_good_and_bad_frames_back_to_back_each_get_one_answer_in_order(client):
    ws, _ = await connect(client)
    await send(ws, 1, "sock_counter_state.increment")
    await ws.send_str("{oops")
    await send(ws, 3, "sock_counter_state.nope")
    await send(ws, 4, "sock_counter_state.increment")
    answers = [await receive(ws) for _ in range(4)]
    assert [(a["type"], a["id"]) for a in answers] == [("delta", 1), ("error", None), ("error", 3), ("delta", 4)]
    assert answers[3]["delta"] == {"sock_counter_state": {"count": 2}}
    await assert_silent(ws)
    await ws.close()


BAD_FRAMES = [
    # (what is sent, expected id, expected code)
    ("not json at all", None, "bad_json"),
    ("", None, "bad_json"),
    ("[1, 2, 3]", None, "bad_message"),
    ('{"handler": "sock_counter_state.increment"}', None, "bad_message"),
    ('{"id": "1", "handler": "sock_counter_state.increment"}', None, "bad_message"),
    ('{"id": 11, "handler": ["sock_counter_state", "increment"]}', 11, "bad_message"),
    ('{"id": 12, "handler": "sock_counter_state.increment", "args": {"by": 2}}', 12, "bad_message"),
    (b"\x00\x01binary", None, "bad_message"),
    ('{"id": 13, "handler": "sock_counter_state.decrement"}', 13, "unknown_handler"),
    ('{"id": 14, "handler": "nowhere_state.increment"}', 14, "unknown_handler"),
    ('{"id": 15, "handler": "sock_counter_state._visits"}', 15, "unknown_handler"),
    ('{"id": 16, "handler": "sock_counter_state.set_label", "args": []}', 16, "bad_args"),
    ('{"id": 17, "handler": "sock_counter_state.set_label", "args": ["a", "b"]}', 17, "bad_args"),
    ('{"id": 18, "handler": "sock_counter_state.explode"}', 18, "handler_failed"),
]


@pytest.mark.parametrize(("frame", "expected_id", "code"), BAD_FRAMES, ids=[c for _, _, c in BAD_FRAMES])
async def test_a_bad_frame_gets_an_error_and_nobody_is_disturbed(client, frame, expected_id, code, caplog):
    ws, _ = await connect(client, token="troublemaker")
    bystander, _ = await connect(client, token="bystander")
    assert (await call(bystander, 1, "sock_counter_state.increment", 7))["delta"] == {
        "sock_counter_state": {"count": 7}
    }

    with caplog.at_level(logging.CRITICAL, logger="pyxjs.server"):  # explode's traceback is expected
        await (ws.send_bytes(frame) if isinstance(frame, bytes) else ws.send_str(frame))
        error = await receive(ws)
    assert error["type"] == "error"
    assert error["id"] == expected_id
    assert error["error"]["code"] == code
    assert error["error"]["message"]
    assert "Traceback" not in error["error"]["message"]

    # The same connection keeps working and sees the state as it should be.
    expected_count = 1  # a failed handler is rolled back
    assert await call(ws, 50, "sock_counter_state.increment") == {
        "type": "delta",
        "id": 50,
        "delta": {"sock_counter_state": {"count": expected_count}},
    }
    # The other client was neither disturbed nor changed.
    assert (await call(bystander, 2, "sock_counter_state.increment"))["delta"] == {"sock_counter_state": {"count": 8}}
    await assert_silent(ws)
    await assert_silent(bystander, 0.05)
    await ws.close()
    await bystander.close()


async def test_a_failed_handler_is_rolled_back(client, caplog):
    ws, _ = await connect(client, token="failing")
    with caplog.at_level(logging.ERROR, logger="pyxjs.server"):
        error = await call(ws, 3, "sock_counter_state.explode")
    error_id = error["error"]["error_id"]
    assert error == {
        "type": "error",
        "id": 3,
        "error": {"code": "handler_failed", "error_id": error_id,
                  "message": f"sock_counter_state.explode failed (error id {error_id}; details in the server log)"},
    }
    # The exception's text and traceback are in the log, under the id the page got.
    assert any(r.exc_info and "kaboom" in str(r.exc_info[1]) and error_id in r.getMessage() for r in caplog.records)
    await ws.close()
    _, hydrate = await connect(client, token="failing")
    assert hydrate["state"]["sock_counter_state"]["count"] == 0  # nothing half-done was kept


async def test_a_value_json_cannot_carry_is_reported_and_the_rest_delivered(client):
    ws, _ = await connect(client, token="sets")
    error = await call(ws, 1, "sock_counter_state.set_unsendable")
    assert error["type"] == "error"
    assert error["error"]["code"] == "handler_failed"
    assert "sock_counter_state.count" in error["error"]["message"]
    assert error["delta"] == {"sock_counter_state": {"label": "kept"}}
    assert (await call(ws, 2, "sock_counter_state.set_label", "still fine"))["type"] == "delta"
    await ws.close()
    # A reconnect still hydrates, leaving out only the var it cannot send.
    ws, hydrate = await connect(client, token="sets")
    assert hydrate["state"]["sock_counter_state"] == {"label": "still fine"}
    assert hydrate["state"]["sock_profile_state"] == {"tags": ["new"]}
    await ws.close()


async def test_reconnect_with_the_same_token_hydrates_the_changed_state(client):
    ws, hydrate = await connect(client, token="keep-me")
    await call(ws, 1, "sock_counter_state.increment", 3)
    await call(ws, 2, "sock_profile_state.tag", "returning")
    await ws.close()
    ws, hydrate = await connect(client, token="keep-me")
    assert hydrate == {
        "type": "hydrate",
        "token": token_for(client, "keep-me"),
        "state": {
            "sock_counter_state": {"count": 3, "label": "start"},
            "sock_profile_state": {"tags": ["new", "returning"]},
        },
    }
    await ws.close()


@pytest.mark.parametrize("token", [None, "", "x" * 65, "bad token!", "dot.ted", "ünï"])
async def test_a_missing_or_invalid_token_is_replaced(client, token):
    ws, hydrate = await connect(client, token=token)
    assert hydrate["type"] == "hydrate"
    assert hydrate["token"] != token
    assert is_valid_token(hydrate["token"])
    assert hydrate["state"] == DEFAULTS
    await ws.close()


async def test_issued_tokens_differ_and_keep_state(client):
    ws1, h1 = await connect(client)
    ws2, h2 = await connect(client)
    assert h1["token"] != h2["token"]
    await call(ws1, 1, "sock_counter_state.increment", 9)
    await ws1.close()
    ws3, h3 = await connect(client, token=h1["token"])
    assert h3["state"]["sock_counter_state"]["count"] == 9
    await ws2.close()
    await ws3.close()


async def test_two_clients_states_are_separate(client):
    a, _ = await connect(client, token="alice")
    b, _ = await connect(client, token="bob")
    assert (await call(a, 1, "sock_counter_state.increment", 2))["delta"] == {"sock_counter_state": {"count": 2}}
    assert (await call(b, 1, "sock_counter_state.increment", 5))["delta"] == {"sock_counter_state": {"count": 5}}
    assert (await call(a, 2, "sock_profile_state.tag", "a-only"))["delta"] == {
        "sock_profile_state": {"tags": ["new", "a-only"]}
    }
    await a.close()
    await b.close()
    _, hydrate_b = await connect(client, token="bob")
    assert hydrate_b["state"] == {
        "sock_counter_state": {"count": 5, "label": "start"},
        "sock_profile_state": {"tags": ["new"]},
    }


async def test_two_connections_sharing_a_token_never_interleave_handlers(client):
    # A duplicated tab: both run a read-sleep-write on the same state at the same time.
    tab1, _ = await connect(client, token="dup")
    tab2, _ = await connect(client, token="dup")
    await send(tab1, 1, "sock_counter_state.slow_increment", 0.1)
    await asyncio.sleep(0.02)  # tab1's handler is now sleeping with the lock held
    await send(tab2, 1, "sock_counter_state.slow_increment", 0)
    first, second = await asyncio.gather(receive(tab1), receive(tab2))
    # Interleaved, both would read 0 and write 1. (Sorted: on a slow box tab2 may go first.)
    counts = sorted(frame["delta"]["sock_counter_state"]["count"] for frame in (first, second))
    assert counts == [1, 2]
    await tab1.close()
    await tab2.close()


async def test_a_client_that_disconnects_mid_event_leaves_the_server_healthy(client):
    ws, _ = await connect(client, token="leaver")
    await send(ws, 1, "sock_counter_state.set_label_after", "finished anyway", 0.1)
    await ws.close()  # gone before the answer
    for _ in range(50):  # the event still runs to the end; wait for it without a fixed sleep
        ws, hydrate = await connect(client, token="leaver")
        if hydrate["state"]["sock_counter_state"]["label"] == "finished anyway":
            break
        await ws.close()
        await asyncio.sleep(0.05)
    assert hydrate["state"]["sock_counter_state"]["label"] == "finished anyway"  # sent once, run once
    assert (await call(ws, 2, "sock_counter_state.increment"))["type"] == "delta"
    await ws.close()


async def test_many_clients_at_once(client):
    async def session(n: int):
        ws, _ = await connect(client, token=f"many-{n}")
        for i in range(1, 11):
            answer = await call(ws, i, "sock_counter_state.increment", n)
            assert answer == {"type": "delta", "id": i, "delta": {"sock_counter_state": {"count": n * i}}}
        await ws.close()

    await asyncio.gather(*(session(n) for n in range(1, 21)))


async def test_health(client):
    response = await client.get("/_pyx/health")
    assert response.status == 200
    assert await response.json() == {"ok": True}


def test_a_default_json_cannot_carry_fails_at_startup(tmp_path):
    from pyxjs.server import create_app

    class SockBadDefaultState(rx.State):
        seen: object = object()

    with pytest.raises(TypeError, match=r"SockBadDefaultState\.seen"):
        create_app([SockBadDefaultState], tmp_path)


async def test_large_state_round_trip(client):
    ws, _ = await connect(client, token="big")
    big = "x" * 200_000
    answer = await call(ws, 1, "sock_counter_state.set_label", big)
    assert answer["delta"]["sock_counter_state"]["label"] == big
    await ws.close()


class SockFragileState(rx.State):
    ready: bool = False

    def __init__(self):
        super().__init__()
        raise OSError("state store unavailable")  # stands in for a manager that cannot load

    def touch(self):
        self.ready = True


async def test_a_failure_outside_the_handler_is_one_error_frame(server_factory, caplog):
    client = await server_factory([SockFragileState])
    ws, hydrate = await connect(client, token="fragile")
    assert hydrate["state"] == {"sock_fragile_state": {"ready": False}}  # defaults need no instance
    with caplog.at_level(logging.CRITICAL, logger="pyxjs.server"):
        error = await call(ws, 1, "sock_fragile_state.touch")
        assert error["type"] == "error" and error["id"] == 1
        assert error["error"]["code"] == "handler_failed"
        assert "OSError" not in error["error"]["message"]  # internals stay in the log
        # Still connected and answering.
        assert (await call(ws, 2, "sock_fragile_state.touch"))["id"] == 2
    await ws.close()
