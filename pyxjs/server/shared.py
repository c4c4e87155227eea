"""What a manager shared between workers adds to the server: the relay of background frames."""

from __future__ import annotations

from pyxjs.server.connection import LiveConnections, Relay
from pyxjs.state.manager import StateManager
from pyxjs.state.redis_manager import RedisStateManager


def relay_for(manager: StateManager, live: LiveConnections) -> Relay | None:
    """A relay when the manager is shared by several workers (redis); None for one process."""
    if isinstance(manager, RedisStateManager):
        from pyxjs.server.redis_relay import RedisRelay

        return RedisRelay(manager, live)
    return None
