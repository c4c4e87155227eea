"""`pyx run`'s options for where states live: --state-manager memory|disk|redis, --state-dir,
--redis-url, --redis-ttl, --redis-lock-ttl, and the checks between them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from pyxjs.state.manager import StateManager

MANAGERS = ("memory", "disk", "redis")


@dataclass(frozen=True)
class StateOptions:
    kind: str
    state_dir: Path | None
    redis_url: str | None
    redis_ttl: float
    redis_lock_ttl: float

    def check(self, workers: int) -> None:
        """Refuse combinations that cannot work, with what to do instead."""
        if self.kind == "redis" and not self.redis_url:
            raise click.UsageError("--state-manager redis needs --redis-url redis://host:6379/0 (or $PYXJS_REDIS_URL)")
        if workers > 1 and self.kind != "redis":
            raise click.UsageError(
                f"--workers {workers} needs states every worker can reach: add --state-manager redis "
                f"--redis-url redis://... (the {self.kind} manager keeps each client in one process)")

    def build(self, states: Sequence[type], app_file: Path) -> StateManager:
        """The manager to serve with (the disk one's database beside the app unless --state-dir)."""
        if self.kind == "redis":
            from pyxjs.state.redis_manager import RedisStateManager

            return RedisStateManager(states, self.redis_url or "", ttl_s=self.redis_ttl, lock_ttl_s=self.redis_lock_ttl)
        from pyxjs.server.managers import build_manager, default_state_dir

        return build_manager(self.kind, states, self.state_dir or default_state_dir(app_file))

    def as_worker_args(self) -> list[str]:
        """The same choice for a worker process; the URL travels in its environment (it may hold
        a password, which a command line shows to every user of the host)."""
        return ["--state-manager", self.kind, "--redis-ttl", repr(self.redis_ttl),
                "--redis-lock-ttl", repr(self.redis_lock_ttl)]


def state_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Adds the options; the command receives them as one `state: StateOptions`."""
    options = [
        click.option("--state-manager", "state_kind", type=click.Choice(MANAGERS), default="memory",
                     show_default=True, envvar="PYXJS_STATE_MANAGER",
                     show_envvar=True,
                     help="Where client states live: this process (memory), SQLite beside the app (disk, survives "
                          "restarts) or Redis (shared by workers, survives restarts)."),
        click.option("--state-dir", type=click.Path(path_type=Path), default=None,
                     help="Folder of the disk manager's database (default: .pyx/states/ beside the app file)."),
        click.option("--redis-url", envvar="PYXJS_REDIS_URL", default=None,
                     help="Redis for --state-manager redis, e.g. redis://localhost:6379/0 (or $PYXJS_REDIS_URL)."),
        click.option("--redis-ttl", type=click.FloatRange(min=0, min_open=True), default=3600.0, show_default=True,
                     envvar="PYXJS_REDIS_TTL", help="Seconds a client's state is kept in Redis after its last event."),
        click.option("--redis-lock-ttl", type=click.FloatRange(min=0, min_open=True), default=10.0, show_default=True,
                     envvar="PYXJS_REDIS_LOCK_TTL",
                     help="Seconds before a client locked by a worker that died is served again."),
    ]

    def wrapped(state_kind: str, state_dir: Path | None, redis_url: str | None, redis_ttl: float,
                redis_lock_ttl: float, **kwargs: Any) -> Any:
        return command(state=StateOptions(state_kind, state_dir, redis_url, redis_ttl, redis_lock_ttl), **kwargs)

    wrapped.__name__ = command.__name__
    wrapped.__doc__ = command.__doc__
    for option in reversed(options):
        wrapped = option(wrapped)
    return wrapped
