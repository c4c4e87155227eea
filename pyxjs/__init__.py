"""pyxjs: write React apps in plain Python. `import pyxjs as rx`."""

import dis as _dis
import sys as _sys

from pyxjs.app import App
from pyxjs.components import (
    Component,
    avatar,
    box,
    button,
    cond,
    foreach,
    fragment,
    heading,
    hstack,
    input,
    match,
    text,
    vstack,
)
from pyxjs.state import Cookie, Field, LocalStorage, SessionStorage, State, Var, event, field, serializer, var
from pyxjs.state.actions import call_script, console_log, download, redirect, set_clipboard, set_focus, window_alert

__version__ = "0.1.0"

__all__ = [
    "App", "Component", "Cookie", "Field", "LocalStorage", "SessionStorage", "State", "avatar", "box", "button", "call_script", "cond", "console_log", "download",
    "event", "field", "foreach", "fragment", "heading", "hstack", "input", "match", "redirect", "serializer",
    "set_clipboard", "set_focus", "text", "Var", "var", "vstack", "window_alert",
]


_IMPORT_FROM = _dis.opmap["IMPORT_FROM"]


def __getattr__(name: str):
    # `rx.cookie` on an app moved over from Reflex: say what is missing, not a bare AttributeError.
    if name.startswith("__"):
        raise AttributeError(name)
    message = f"pyxjs has no `rx.{name}` yet"
    # `from pyxjs import name` replaces an AttributeError with a bare "cannot import name";
    # an ImportError raised here reaches the user as it is.
    caller = _sys._getframe(1)
    if 0 <= caller.f_lasti < len(caller.f_code.co_code) and caller.f_code.co_code[caller.f_lasti] == _IMPORT_FROM:
        raise ImportError(message, name=name)
    raise AttributeError(message)
