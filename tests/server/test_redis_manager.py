"""RedisStateManager against a real redis-server: storage, TTL, the per-client lock.

Two managers in one process stand for two workers: each has its own local locks and its own
connections, so everything between them goes through Redis. (Real processes: test_redis_workers.)
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime

import pytest

import pyxjs as rx
from pyxjs.state.client import take_delta
from pyxjs.state.pickled import StoredStateError, dump_client, load_client
from pyxjs.state.redis_manager import LockLostError, RedisStateManager


@dataclasses.dataclass
class Point:
    x: int
    y: int


class StoredState(rx.State):
    count: int = 0
    items: list[int] = []
    where: Point = Point(0, 0)
    _seen: set = set()
    _when: datetime.date = datetime.date(2000, 1, 1)

    @rx.var
    def double(self) -> int:
        return self.count * 2


@pytest.fixture
async def managers(redis_flushed):
    made: list[RedisStateManager] = []

    def make(**options) -> RedisStateManager:
        manager = RedisStateManager([StoredState], redis_flushed.url, **options)
        made.append(manager)
        return manager

    yield make
    for manager in made:
        await manager.close()


async def test_a_second_manager_reads_what_the_first_saved(managers):
    first, second = managers(), managers()
    async with first.modify("tok-a") as states:
        state = states["stored_state"]
        state.count = 5
        state.items.append(3)
        state.where = Point(1, 2)
        state._seen.add("x")
        state._when = datetime.date(2024, 2, 29)
        await take_delta(states)  # as every event ends: what is saved was sent
    assert await second.find("never-seen") is None
    states = await second.find("tok-a")
    state = states["stored_state"]
    assert (state.count, state.items, state.where, state._seen, state._when, state.double) == (
        5, [3], Point(1, 2), {"x"}, datetime.date(2024, 2, 29), 10)
    # Loaded values are tracked again: an in-place change is seen as a change.
    state.items.append(4)
    delta, patch = state.pyx_take_delta()
    assert patch == {"items": {"at": 1, "add": [4]}} and delta == {}


async def test_a_state_expires_after_the_idle_ttl(managers, redis_flushed):
    manager = managers(ttl_s=30)
    async with manager.modify("tok-ttl") as states:
        states["stored_state"].count = 1
    left_ms = await manager.redis.pttl(manager.state_key("tok-ttl"))
    assert 0 < left_ms <= 30_000
    # An event that changes nothing still pushes the expiry back (the client is not idle).
    await manager.redis.pexpire(manager.state_key("tok-ttl"), 5_000)
    async with manager.modify("tok-ttl"):
        pass
    assert await manager.redis.pttl(manager.state_key("tok-ttl")) > 5_000


async def test_a_state_gone_by_its_ttl_is_reported_expired_once(managers, redis_flushed):
    manager = managers(ttl_s=30)
    assert await manager.lost("tok-new") is None  # never saved: nothing was lost
    async with manager.modify("tok-gone") as states:
        states["stored_state"].count = 1
    seen_ms = await manager.redis.pttl(manager.seen_key("tok-gone"))
    assert seen_ms > 7 * 24 * 3600 * 1000  # the tombstone outlives the state by a week
    await manager.redis.delete(manager.state_key("tok-gone"))  # what the TTL running out does
    assert await manager.find("tok-gone") is None
    assert await manager.lost("tok-gone") == "expired"
    assert await manager.lost("tok-gone") is None  # told once


async def test_the_lock_serialises_two_workers_and_hands_over_the_latest_state(managers):
    first, second = managers(), managers()
    inside = asyncio.Event()
    order: list[str] = []

    async def hold_first() -> None:
        async with first.modify("tok-lock") as states:
            inside.set()
            order.append("first in")
            await asyncio.sleep(0.1)  # give the second a chance to (wrongly) get in
            states["stored_state"].count = 41
            order.append("first out")

    async def then_second() -> int:
        await inside.wait()
        async with second.modify("tok-lock") as states:
            order.append("second in")
            states["stored_state"].count += 1
            return states["stored_state"].count

    _, seen = await asyncio.gather(hold_first(), then_second())
    assert order == ["first in", "first out", "second in"]
    assert seen == 42
    assert (await first.find("tok-lock"))["stored_state"].count == 42
    assert await first.redis.exists(first.lock_key("tok-lock")) == 0  # released


async def test_a_lock_left_by_a_dead_worker_expires(managers):
    manager = managers(lock_ttl_s=5)
    # What a worker killed while holding the lock leaves behind: a lock no one will release.
    await manager.redis.set(manager.lock_key("tok-dead"), "dead-worker", px=300)
    async with manager.modify("tok-dead") as states:
        states["stored_state"].count = 7
    assert await manager.redis.get(manager.lock_key("tok-dead")) is None
    assert (await manager.find("tok-dead"))["stored_state"].count == 7


async def test_a_worker_that_lost_its_lock_does_not_overwrite_the_new_owner(managers):
    manager = managers()
    async with manager.modify("tok-lost") as states:
        states["stored_state"].count = 1
    with pytest.raises(LockLostError, match="not saved"):
        async with manager.modify("tok-lost") as states:
            states["stored_state"].count = 666
            # The lock expired meanwhile and another worker took it.
            await manager.redis.set(manager.lock_key("tok-lost"), "someone-else")
    assert await manager.redis.get(manager.lock_key("tok-lost")) == b"someone-else"  # left alone
    await manager.redis.delete(manager.lock_key("tok-lost"))
    assert (await manager.find("tok-lost"))["stored_state"].count == 1


async def test_a_long_event_keeps_its_lock_alive(managers):
    manager = managers(lock_ttl_s=0.3)
    async with manager.modify("tok-long") as states:
        await asyncio.sleep(0.6)  # twice the lock TTL: renewed meanwhile
        states["stored_state"].count = 3
    assert (await manager.find("tok-long"))["stored_state"].count == 3


async def test_an_unpicklable_value_is_a_clear_error_and_frees_the_client(managers):
    manager = managers()
    with pytest.raises(Exception, match="pickle"):
        async with manager.modify("tok-bad") as states:
            states["stored_state"]._seen.add(lambda: None)
    assert await manager.redis.exists(manager.lock_key("tok-bad")) == 0
    async with manager.modify("tok-bad") as states:  # served again at once
        assert states["stored_state"]._seen == set()


def test_bad_settings_are_refused(redis_server):
    with pytest.raises(ValueError, match="must start with redis://"):
        RedisStateManager([StoredState], "http://localhost:6379")
    with pytest.raises(ValueError, match="lock_ttl_s must be a positive"):
        RedisStateManager([StoredState], redis_server.url, lock_ttl_s=0)


def test_stored_bytes_follow_the_app_when_its_classes_change():
    states = load_client([StoredState], dump_client({"stored_state": StoredState()}))
    data = dump_client(states)

    class StoredState2(rx.State):  # noqa: N801 - stands for StoredState after an edit
        count: int = 0
        added: str = "new"

    # Another class under the stored name: vars it kept are read, new ones get their default.
    import pickle

    version, stored = pickle.loads(data)
    stored["stored_state2"] = stored.pop("stored_state")
    state = load_client([StoredState2], pickle.dumps((version, stored)))["stored_state2"]
    assert (state.count, state.added) == (0, "new")
    with pytest.raises(StoredStateError, match="format 99"):
        load_client([StoredState], pickle.dumps((99, stored)))
    with pytest.raises(StoredStateError, match="cannot be read"):
        load_client([StoredState], b"not a pickle")


async def test_an_unreachable_redis_is_an_error_for_the_event_not_a_hang():
    import redis.exceptions

    from tests.support.redis_server import free_port

    manager = RedisStateManager([StoredState], f"redis://127.0.0.1:{free_port()}/0")
    try:
        with pytest.raises(redis.exceptions.ConnectionError):
            async with manager.modify("tok-down"):
                pass
    finally:
        await manager.close()


async def test_the_states_of_the_last_event_are_reused_only_while_redis_holds_their_bytes(managers):
    first, second = managers(), managers()
    async with first.modify("tok-cache") as states:
        states["stored_state"].count = 1
        await take_delta(states)
    async with first.modify("tok-cache") as again:
        assert again is states  # Redis holds what this process wrote: nothing to unpickle
        again["stored_state"].count = 2
        await take_delta(again)
    async with second.modify("tok-cache") as other:  # another worker changes the client
        other["stored_state"].count = 7
        await take_delta(other)
    async with first.modify("tok-cache") as fresh:
        assert fresh is not states and fresh["stored_state"].count == 7 and fresh["stored_state"].double == 14


async def test_states_left_with_unflushed_changes_are_not_reused(managers):
    manager = managers()
    async with manager.modify("tok-dirty") as states:
        states["stored_state"].count = 3  # saved as they are, but never flushed (no take_delta)
    async with manager.modify("tok-dirty") as again:
        assert again is not states and again["stored_state"].count == 3
        await take_delta(again)


async def test_a_hydrate_that_finds_the_states_takes_them_out_until_they_are_saved(managers):
    manager = managers()
    async with manager.modify("tok-find") as states:
        states["stored_state"].count = 4
        await take_delta(states)
    async with manager.lock("tok-find"):
        found = await manager.find("tok-find")
        assert found is states
        found["stored_state"].count = 0  # e.g. stored values applied, never saved
        await take_delta(found)
    async with manager.modify("tok-find") as again:  # Redis still holds count 4
        assert again is not found and again["stored_state"].count == 4


async def test_pipelined_commands_get_their_own_replies_and_errors(managers):
    import redis.exceptions

    manager = managers()
    batch = manager._batch
    await batch.call("SET", "pyx:test:text", "abc")
    replies = [batch.call("INCR", f"pyx:test:n{i % 3}") for i in range(30)]
    bad = batch.call("INCR", "pyx:test:text")  # an error reply, between good ones
    after = batch.call("GET", "pyx:test:text")
    assert await asyncio.gather(*replies) == [i // 3 + 1 for i in range(30)]
    with pytest.raises(redis.exceptions.ResponseError, match="not an integer"):
        await bad
    assert await after == b"abc"


async def test_a_broken_connection_fails_what_was_sent_and_the_next_command_reconnects(managers, redis_flushed):
    import redis.asyncio
    import redis.exceptions

    manager = managers()
    async with manager.modify("tok-kill") as states:
        states["stored_state"].count = 9
        await take_delta(states)
    client_id = await manager._batch.call("CLIENT", "ID")
    admin = redis.asyncio.Redis.from_url(redis_flushed.url)
    try:
        assert await admin.client_kill_filter(_id=client_id) == 1
    finally:
        await admin.aclose()
    try:  # sent before the batcher saw the connection close: fails, and is not lost silently
        await manager._batch.call("PING")
    except redis.exceptions.ConnectionError:
        pass
    async with manager.modify("tok-kill") as states:  # a new connection
        assert states["stored_state"].count == 9
    assert await manager._batch.call("CLIENT", "ID") != client_id
