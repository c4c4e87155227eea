"""pyxjs: write React apps in plain Python. `import pyxjs as rx`."""

from pyxjs.app import App
from pyxjs.components import *  # noqa: F403 - the core components and namespaces
from pyxjs.components import __all__ as _components
from pyxjs.components.theme import theme
from pyxjs.state import Cookie, LocalStorage, SessionStorage, State, event, serializer, var
from pyxjs.state.actions import call_script, console_log, download, redirect, set_clipboard, set_focus, window_alert

__version__ = "0.1.0"

__all__ = [
    *_components, "App", "Cookie", "LocalStorage", "SessionStorage", "State", "call_script", "console_log",
    "download", "event", "redirect", "serializer", "set_clipboard", "set_focus", "theme", "var", "window_alert",
]


def __getattr__(name: str):
    # `rx.cookie` on an app moved over from Reflex: say what is missing, not a bare AttributeError.
    if name.startswith("__"):
        raise AttributeError(name)
    raise AttributeError(f"pyxjs has no `rx.{name}` yet")
