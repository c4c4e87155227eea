"""`rx.Config(...)` as a Reflex project's rxconfig.py writes it.

pyxjs reads what it can use (the app's name and module, the state manager, the port) and names
each option it does not use, so a project that moves over keeps its rxconfig.py as it is and is
told what does nothing here. Imports nothing of the server or the compiler: rxconfig.py runs
whenever a project loads.
"""

from __future__ import annotations

import enum
import os
from typing import Any

from pyxjs.plugins import Plugin

# Options that change nothing here because pyxjs has no such thing to configure, so leaving them
# set loses nothing. db_url is one: `reflex init` writes it into every project, and an app that
# does use the database names rx.Model or rx.session, each a build error of its own.
HARMLESS = frozenset({
    "db_url", "async_db_url",
    "telemetry_enabled", "show_built_with_reflex", "loglevel", "env", "env_file", "react_strict_mode",
    "frontend_packages", "bun_path", "disable_plugins", "is_reflex_cloud", "show_reflex_cloud_prompt",
})
# What each option we cannot honour would have done, for the warning.
UNSUPPORTED = {
    "tailwind": "pyxjs does not run Tailwind: Tailwind class names get no styles",
    "api_url": "the page talks to the server that served it (use --allow-origin for another origin)",
    "deploy_url": "pyxjs builds no sitemap or absolute links from it",
    "frontend_path": "pyxjs serves the app at the site root",
    "cors_allowed_origins": "use `pyx run --allow-origin ORIGIN`",
    "state_auto_setters": "set_<var> setters are always generated",
    "backend_host": "use `pyx run --host`",
}


class Env(str, enum.Enum):
    """`rx.Env.DEV` / `rx.Env.PROD`, as rxconfig.py's `env=` names them (pyxjs builds the same
    bundle either way: `pyx run --dev` is the development switch)."""

    DEV = "dev"
    PROD = "prod"


_STATE_MANAGER_MODES = {"memory": "memory", "disk": "disk", "redis": "redis"}


class Config:
    """`config = rx.Config(app_name="shop", ...)` in rxconfig.py.

    Fields pyxjs uses: app_name, app_module_import, state_manager_mode, redis_url, frontend_port,
    backend_port. Every other option is kept in `options` and reported by `warnings()`.
    """

    def __init__(self, app_name: str | None = None, **options: Any) -> None:
        if not isinstance(app_name, str) or not app_name.isidentifier():
            raise ValueError(f"rx.Config(app_name={app_name!r}): the name of the app's package, a Python "
                             "identifier such as app_name=\"shop\" for shop/shop.py")
        self.app_name = app_name
        self.app_module_import: str | None = options.pop("app_module_import", None)
        mode = options.pop("state_manager_mode", None)
        mode = getattr(mode, "value", mode)  # Reflex's constants.StateManagerMode enum, or its string
        if mode is not None and mode not in _STATE_MANAGER_MODES:
            raise ValueError(f"rx.Config(state_manager_mode={mode!r}): choose one of "
                             f"{', '.join(repr(m) for m in _STATE_MANAGER_MODES)}")
        self.state_manager_mode: str | None = mode
        self.redis_url: str | None = options.pop("redis_url", None) or os.environ.get("REDIS_URL") or None
        self.frontend_port: int | None = _port(options.pop("frontend_port", None), "frontend_port")
        self.backend_port: int | None = _port(options.pop("backend_port", None), "backend_port")
        self.plugins: list[Any] = list(options.pop("plugins", None) or [])
        self.options = options

    @property
    def module(self) -> str:
        """The app's module as Reflex imports it: `shop.shop` unless app_module_import says otherwise."""
        return self.app_module_import or f"{self.app_name}.{self.app_name}"

    @property
    def port(self) -> int | None:
        """One port serves the page and the websocket: the one the user opens (frontend_port), else
        the backend's."""
        return self.frontend_port or self.backend_port

    def warnings(self) -> list[str]:
        """One line per option set here that pyxjs does not act on, saying why."""
        notes = []
        for name, value in self.options.items():
            if name in HARMLESS or value is None:  # `tailwind=None` asks for nothing
                continue
            reason = UNSUPPORTED.get(name, "pyxjs has no such option")
            notes.append(f"rx.Config({name}={_short(value)}) is ignored: {reason}")
        for plugin in self.plugins:
            reason = plugin.unsupported if isinstance(plugin, Plugin) else "pyxjs runs no Reflex plugins"
            if reason:
                notes.append(f"rx.Config(plugins=[{_short(plugin)}]) is ignored: {reason}")
        if self.frontend_port and self.backend_port and self.frontend_port != self.backend_port:
            notes.append(f"rx.Config(backend_port={self.backend_port}) is ignored: pyxjs serves the page and "
                         f"its websocket on one port, frontend_port={self.frontend_port}")
        return notes

    def __repr__(self) -> str:
        return f"rx.Config(app_name={self.app_name!r})"


_current: Config | None = None


def set_config(config: Config | None) -> None:
    """Called by the loader once it has read the project's rxconfig.py."""
    global _current
    _current = config


def get_config() -> Config | None:
    """The loaded project's `rx.Config`, or None for a single-file app without rxconfig.py."""
    return _current


def _port(value: Any, name: str) -> int | None:
    if value is None:
        return None
    try:
        port = int(value)
    except (TypeError, ValueError):
        raise ValueError(f"rx.Config({name}={value!r}): a port number such as 3000") from None
    if not 0 < port < 65536:
        raise ValueError(f"rx.Config({name}={value!r}): a port number between 1 and 65535")
    return port


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
