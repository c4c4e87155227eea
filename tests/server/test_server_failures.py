"""A failing handler: rolled back, the page gets an error id and no exception text (unless --dev);
a state past the size cap: the event fails, rolled back."""

from __future__ import annotations

import logging

from serverkit import call, connect

import pyxjs as rx
from pyxjs.server.settings import ServerSettings
from pyxjs.state.manager import MemoryStateManager


class FailVaultState(rx.State):
    count: int = 0
    notes: list = []

    def leak(self):
        self.count += 1
        raise RuntimeError("password=hunter2")

    def note(self, size: int):
        self.notes.append("n" * size)


async def test_the_page_gets_an_error_id_and_the_log_gets_the_text(server_factory, caplog):
    client = await server_factory([FailVaultState])
    ws, hydrate = await connect(client)
    with caplog.at_level(logging.ERROR, logger="pyxjs.server"):
        error = await call(ws, 1, "fail_vault_state.leak")
    assert error["error"]["code"] == "handler_failed"
    assert "hunter2" not in str(error) and "RuntimeError" not in str(error) and "traceback" not in error["error"]
    logged = [r for r in caplog.records if error["error"]["error_id"] in r.getMessage()]
    assert logged and "hunter2" in str(logged[0].exc_info[1])
    await ws.close()
    _, again = await connect(client, hydrate["token"])
    assert again["state"]["fail_vault_state"]["count"] == 0  # rolled back


async def test_in_development_the_page_gets_the_exception_and_traceback(server_factory, caplog):
    client = await server_factory([FailVaultState], app_kwargs={"settings": ServerSettings(dev=True)})
    ws, _ = await connect(client)
    with caplog.at_level(logging.CRITICAL, logger="pyxjs.server"):
        error = (await call(ws, 1, "fail_vault_state.leak"))["error"]
    assert error["message"] == "fail_vault_state.leak raised RuntimeError: password=hunter2"
    assert "Traceback" in error["traceback"] and "def leak" not in error["traceback"] and "in leak" in error["traceback"]
    assert error["error_id"]
    await ws.close()


async def test_a_state_past_the_size_cap_fails_the_event_and_rolls_back(server_factory, caplog):
    manager = MemoryStateManager([FailVaultState], max_state_bytes=20_000)
    client = await server_factory([FailVaultState], app_kwargs={"manager": manager})
    ws, hydrate = await connect(client)
    assert (await call(ws, 1, "fail_vault_state.note", 5_000))["type"] == "delta"
    with caplog.at_level(logging.WARNING, logger="pyxjs.server"):
        error = await call(ws, 2, "fail_vault_state.note", 30_000)
    assert error["error"]["code"] == "state_too_large"
    assert "over the server's cap of 20,000" in error["error"]["message"] and "undone" in error["error"]["message"]
    assert any("over the cap of 20000" in r.getMessage() for r in caplog.records)
    assert (await call(ws, 3, "fail_vault_state.note", 1))["patch"] == {
        "fail_vault_state": {"notes": {"at": 1, "add": ["n"]}}}  # the 30,000 one is gone
    await ws.close()
