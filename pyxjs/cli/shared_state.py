"""`pyx run`'s options for where states live: --state-manager memory|disk|redis, --state-dir,
--state-ttl, --redis-url, --redis-lock-ttl, and the checks between them.

The manager and the Redis URL are chosen, first to last: the command line, the environment
($PYXJS_STATE_MANAGER, $PYXJS_REDIS_URL), the app's `rx.App(state_manager=..., redis_url=...)`,
then the default (memory)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import click

from pyxjs.state.manager import STATE_MANAGERS, StateManager

DEFAULT_MANAGER = "memory"


@dataclass(frozen=True)
class StateOptions:
    kind: str | None  # None: neither the command line nor the environment chose (see with_app)
    state_dir: Path | None
    redis_url: str | None
    state_ttl: float  # idle seconds before a client's state expires, whichever the manager
    redis_lock_ttl: float

    def needs_app(self) -> bool:
        """Whether the app's own choice (rx.App(...)) may still matter."""
        return self.kind is None or (self.kind == "redis" and not self.redis_url)

    def with_app(self, app: Any | None) -> StateOptions:
        """What the command line and environment left open, from `app` (an rx.App), else the default."""
        kind = self.kind or getattr(app, "state_manager", None) or DEFAULT_MANAGER
        return replace(self, kind=kind, redis_url=self.redis_url or getattr(app, "redis_url", None))

    def check(self, workers: int) -> None:
        """Refuse combinations that cannot work, with what to do instead."""
        if self.kind == "redis" and not self.redis_url:
            raise click.UsageError("--state-manager redis needs --redis-url redis://host:6379/0 "
                                   "(or $PYXJS_REDIS_URL, or rx.App(redis_url=...))")
        if workers > 1 and self.kind != "redis":
            raise click.UsageError(
                f"--workers {workers} needs states every worker can reach: add --state-manager redis "
                f"--redis-url redis://... (the {self.kind} manager keeps each client in one process)")

    def build(self, states: Sequence[type], app_dir: Path) -> StateManager:
        """The manager to serve with (the disk one's database in the project folder unless --state-dir)."""
        if self.kind == "redis":
            from pyxjs.state.redis_manager import RedisStateManager

            return RedisStateManager(states, self.redis_url or "", ttl_s=self.state_ttl, lock_ttl_s=self.redis_lock_ttl)
        from pyxjs.server.managers import build_manager, default_state_dir

        return build_manager(self.kind, states, self.state_dir or default_state_dir(app_dir), self.state_ttl)

    def as_worker_args(self) -> list[str]:
        """The same choice for a worker process; the URL travels in its environment (it may hold
        a password, which a command line shows to every user of the host)."""
        return ["--state-manager", self.kind, "--state-ttl", repr(self.state_ttl),
                "--redis-lock-ttl", repr(self.redis_lock_ttl)]


def state_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Adds the options; the command receives them as one `state: StateOptions`."""
    options = [
        click.option("--state-manager", "state_kind", type=click.Choice(STATE_MANAGERS), default=None,
                     envvar="PYXJS_STATE_MANAGER", show_envvar=True,
                     help="Where client states live: this process (memory, the default), SQLite beside the app "
                          "(disk, survives restarts) or Redis (shared by workers, survives restarts). Also "
                          "rx.App(state_manager=...); this option and the variable win over it."),
        click.option("--state-dir", type=click.Path(path_type=Path), default=None,
                     help="Folder of the disk manager's database (default: .pyx/states/ beside the app file)."),
        click.option("--redis-url", envvar="PYXJS_REDIS_URL", default=None,
                     help="Redis for --state-manager redis, e.g. redis://localhost:6379/0 (or $PYXJS_REDIS_URL, "
                          "or rx.App(redis_url=...))."),
        # --redis-ttl and $PYXJS_REDIS_TTL: its name before the memory and disk managers expired states too.
        click.option("--state-ttl", "--redis-ttl", "state_ttl", type=click.FloatRange(min=0, min_open=True),
                     default=3600.0, show_default=True, envvar=["PYXJS_STATE_TTL", "PYXJS_REDIS_TTL"], show_envvar=True,
                     help="Seconds a client's state is kept after its last event or its page closing (any manager); "
                          "the page is then told its state expired."),
        click.option("--redis-lock-ttl", type=click.FloatRange(min=0, min_open=True), default=10.0, show_default=True,
                     envvar="PYXJS_REDIS_LOCK_TTL",
                     help="Seconds before a client locked by a worker that died is served again."),
    ]

    def wrapped(state_kind: str, state_dir: Path | None, redis_url: str | None, state_ttl: float,
                redis_lock_ttl: float, **kwargs: Any) -> Any:
        return command(state=StateOptions(state_kind, state_dir, redis_url, state_ttl, redis_lock_ttl), **kwargs)

    wrapped.__name__ = command.__name__
    wrapped.__doc__ = command.__doc__
    for option in reversed(options):
        wrapped = option(wrapped)
    return wrapped
