"""Unit tests of pyxjs/state/manager.py: per-token states and the per-token lock."""

from __future__ import annotations

import asyncio

import pytest

import pyxjs as rx
from pyxjs.state.manager import KeyedLock, MemoryStateManager


class MgrTodoState(rx.State):
    todos: list = []

    def add(self, text: str):
        self.todos = [*self.todos, text]


class MgrThemeState(rx.State):
    dark: bool = False


async def test_get_creates_every_state_once_per_token():
    manager = MemoryStateManager([MgrTodoState, MgrThemeState])
    first = await manager.get("tok")
    assert list(first) == ["mgr_todo_state", "mgr_theme_state"]
    assert isinstance(first["mgr_todo_state"], MgrTodoState)
    assert await manager.get("tok") is first
    assert len(manager) == 1


async def test_tokens_get_separate_instances_and_defaults():
    manager = MemoryStateManager([MgrTodoState])
    a = await manager.get("a")
    b = await manager.get("b")
    a["mgr_todo_state"].todos.append("mutated in place")
    assert b["mgr_todo_state"].todos == []  # the class default was copied, not shared
    assert MgrTodoState._pyx_vars["todos"].default == []


async def test_find_never_creates():
    manager = MemoryStateManager([MgrTodoState])
    assert await manager.find("nobody") is None
    assert len(manager) == 0
    created = await manager.get("somebody")
    assert await manager.find("somebody") is created


def test_duplicate_classes_are_dropped_in_order():
    manager = MemoryStateManager([MgrThemeState, MgrTodoState, MgrThemeState])
    assert manager.state_classes == (MgrThemeState, MgrTodoState)


async def test_modify_saves_even_when_the_body_fails():
    saved = []

    class RecordingManager(MemoryStateManager):
        async def save(self, token, states):
            saved.append((token, states["mgr_todo_state"].todos))

    manager = RecordingManager([MgrTodoState])
    with pytest.raises(RuntimeError):
        async with manager.modify("t") as states:
            states["mgr_todo_state"].add("x")
            raise RuntimeError("handler blew up")
    assert saved == [("t", ["x"])]


async def test_modify_holds_the_token_lock():
    manager = MemoryStateManager([MgrTodoState])
    order = []

    async def writer(name, pause):
        async with manager.modify("shared") as states:
            order.append(f"{name} in")
            todos = states["mgr_todo_state"].todos
            await asyncio.sleep(pause)  # a read-modify-write spanning an await
            states["mgr_todo_state"].todos = [*todos, name]
            order.append(f"{name} out")

    await asyncio.gather(writer("a", 0.05), writer("b", 0))
    assert order == ["a in", "a out", "b in", "b out"]
    assert (await manager.get("shared"))["mgr_todo_state"].todos == ["a", "b"]


async def test_different_tokens_do_not_wait_for_each_other():
    locks = KeyedLock()
    async with locks.hold("a"):
        # Would hang (and time out) if "b" shared a's lock.
        await asyncio.wait_for(_enter_and_leave(locks, "b"), timeout=1)


async def test_locks_are_dropped_when_unused():
    locks = KeyedLock()
    async with locks.hold("a"):
        waiter = asyncio.ensure_future(_enter_and_leave(locks, "a"))
        await asyncio.sleep(0.01)
        assert len(locks) == 1
    await waiter
    assert len(locks) == 0


async def test_a_cancelled_waiter_gives_its_slot_back():
    locks = KeyedLock()
    async with locks.hold("a"):
        waiter = asyncio.ensure_future(_enter_and_leave(locks, "a"))
        await asyncio.sleep(0.01)
        waiter.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiter
    assert len(locks) == 0
    await asyncio.wait_for(_enter_and_leave(locks, "a"), timeout=1)


async def test_the_lock_is_released_when_the_body_raises():
    locks = KeyedLock()
    with pytest.raises(KeyError):
        async with locks.hold("a"):
            raise KeyError("x")
    assert len(locks) == 0
    await asyncio.wait_for(_enter_and_leave(locks, "a"), timeout=1)


async def _enter_and_leave(locks: KeyedLock, key: str) -> None:
    async with locks.hold(key):
        pass
