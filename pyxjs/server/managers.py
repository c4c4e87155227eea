"""The state managers `pyx run --state-manager NAME` can build, by name."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from pyxjs.state.base import State
from pyxjs.state.manager import MemoryStateManager, StateManager

ENV_VAR = "PYXJS_STATE_MANAGER"


def _disk(states: Sequence[type[State]], state_dir: Path, ttl_s: float) -> StateManager:
    from pyxjs.state.disk_manager import DiskStateManager  # sqlite3 only when asked for

    return DiskStateManager(states, state_dir, idle_expiry_s=ttl_s)


# name -> build(states, state_dir, idle seconds before a state expires)
MANAGERS: dict[str, Callable[[Sequence[type[State]], Path, float], StateManager]] = {
    "memory": lambda states, _state_dir, ttl_s: MemoryStateManager(states, idle_expiry_s=ttl_s),
    "disk": _disk,
}


def default_state_dir(app_dir: Path) -> Path:
    """In the project folder, with its token secret: `.pyx/states/`."""
    return Path(app_dir).resolve() / ".pyx" / "states"


def build_manager(name: str, states: Sequence[type[State]], state_dir: Path, ttl_s: float = 3600.0) -> StateManager:
    try:
        build = MANAGERS[name]
    except KeyError:
        raise ValueError(f"unknown state manager {name!r}; choose one of: {', '.join(MANAGERS)}") from None
    return build(states, state_dir, ttl_s)
