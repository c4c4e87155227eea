"""Which state manager `pyx run` uses: --state-manager, then $PYXJS_STATE_MANAGER, then
rx.App(state_manager=...), then memory; the same order for the Redis URL. The choice is read
from the refusal `--workers 2` gives any manager but redis, so no server starts."""

from __future__ import annotations

import asyncio

import pytest
from click.testing import CliRunner

from pyxjs.cli import cli

APP = '''import pyxjs as rx

class ChoiceState(rx.State):
    count: int = 0

def index():
    return rx.text(ChoiceState.count)

app = rx.App({config})
app.add_page(index)
'''


@pytest.fixture(autouse=True)
def no_environment(monkeypatch):
    monkeypatch.delenv("PYXJS_STATE_MANAGER", raising=False)
    monkeypatch.delenv("PYXJS_REDIS_URL", raising=False)


def run(tmp_path, config: str, *args: str, env: dict[str, str] | None = None):
    (tmp_path / "app.py").write_text(APP.format(config=config))
    return CliRunner().invoke(cli, ["run", str(tmp_path / "app.py"), "--workers", "2", *args], env=env)


def chosen(result) -> str:
    assert result.exit_code == 2, result.output
    assert not result.output.count("Traceback")
    return result.output.split("(the ", 1)[1].split(" manager", 1)[0]


def test_the_default_is_memory(tmp_path):
    assert chosen(run(tmp_path, "")) == "memory"


def test_the_app_chooses_when_nothing_else_does(tmp_path):
    assert chosen(run(tmp_path, 'state_manager="disk"')) == "disk"
    assert not (tmp_path / "dist").exists()  # refused before building


def test_the_environment_wins_over_the_app(tmp_path):
    result = run(tmp_path, 'state_manager="disk"', env={"PYXJS_STATE_MANAGER": "memory"})
    assert chosen(result) == "memory"


def test_the_command_line_wins_over_both(tmp_path):
    result = run(tmp_path, 'state_manager="memory"', "--state-manager", "disk", env={"PYXJS_STATE_MANAGER": "memory"})
    assert chosen(result) == "disk"


def test_redis_from_the_app_needs_a_url_from_somewhere(tmp_path):
    result = run(tmp_path, 'state_manager="redis"')
    assert result.exit_code == 2
    assert "--state-manager redis needs --redis-url" in result.output and "rx.App(redis_url=...)" in result.output


def test_the_url_comes_from_the_app_when_the_command_line_and_environment_have_none():
    from pyxjs.app import App
    from pyxjs.cli.shared_state import StateOptions

    app = App(state_manager="redis", redis_url="redis://app:6379/0")
    options = StateOptions(None, None, None, 3600.0, 10.0)
    assert options.needs_app()
    resolved = options.with_app(app)
    assert (resolved.kind, resolved.redis_url) == ("redis", "redis://app:6379/0")
    resolved.check(workers=2)  # nothing to refuse
    from_env = StateOptions(None, None, "redis://env:6379/0", 3600.0, 10.0).with_app(app)
    assert from_env.redis_url == "redis://env:6379/0"
    assert not StateOptions("disk", None, None, 3600.0, 10.0).needs_app()  # the app is not even loaded


def test_a_bad_name_in_the_environment_is_a_usage_error(tmp_path):
    result = run(tmp_path, "", env={"PYXJS_STATE_MANAGER": "disc"})
    assert result.exit_code == 2
    assert "Invalid value for '--state-manager'" in result.output and "'disc' is not one of" in result.output


def test_a_bad_name_in_the_app_names_the_choices(tmp_path):
    result = run(tmp_path, 'state_manager="disc"')
    assert result.exit_code == 1
    assert "rx.App(state_manager='disc'): choose one of 'memory', 'disk', 'redis'" in result.output


def test_a_bad_redis_url_in_the_app_says_what_a_url_looks_like(tmp_path):
    result = run(tmp_path, 'redis_url="localhost:6379"')
    assert result.exit_code == 1
    assert "rx.App(redis_url='localhost:6379'): a URL like redis://localhost:6379/0" in result.output


def test_state_ttl_reaches_the_memory_and_disk_managers(tmp_path):
    import pyxjs as rx
    from pyxjs.cli.shared_state import StateOptions
    from pyxjs.state.disk_manager import DiskStateManager
    from pyxjs.state.manager import MemoryStateManager

    class TtlState(rx.State):
        count: int = 0

    memory = StateOptions("memory", None, None, 90.0, 10.0).build([TtlState], tmp_path / "app.py")
    assert isinstance(memory, MemoryStateManager) and memory.idle_expiry_s == 90.0
    disk = StateOptions("disk", tmp_path / "states", None, 120.0, 10.0).build([TtlState], tmp_path / "app.py")
    try:
        assert isinstance(disk, DiskStateManager) and disk.idle_expiry_s == 120.0
    finally:
        asyncio.run(disk.close())


@pytest.mark.parametrize("spelling", ["--state-ttl", "--redis-ttl"])  # --redis-ttl: its older name
def test_state_ttl_and_its_old_name_are_checked(tmp_path, spelling):
    result = run(tmp_path, "", spelling, "0")
    assert result.exit_code == 2 and "'--state-ttl'" in result.output and "not in the range x>0" in result.output, result.output
