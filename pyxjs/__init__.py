"""pyxjs: write React apps in plain Python. `import pyxjs as rx`."""

from pyxjs import config, plugins
from pyxjs.app import App, page
from pyxjs.config import Config, Env
from pyxjs.style import Style
from pyxjs.reflex_paths import install as _install_reflex_paths, raise_missing as _raise_missing, \
    top_level_message as _top_level_message
from pyxjs.components import *  # noqa: F403 - the core components and namespaces
from pyxjs.components import __all__ as _components
from pyxjs.components.color import color
from pyxjs.components.cssgen import breakpoints
from pyxjs.components.event_specs import (
    EventHandler,
    input_event,
    key_event,
    no_args_event_spec,
    passthrough_event_spec,
)
from pyxjs.components.theme import theme
from pyxjs.components.event_actions import prevent_default, stop_propagation
from pyxjs.components.upload import get_upload_url, selected_files, upload_files
from pyxjs.experimental import _x  # Reflex's rx._x.client_state
from pyxjs.state import Cookie, Field, LocalStorage, SessionStorage, State, Var, event, field, serializer, var
from pyxjs.state.base_model import Base
from pyxjs.state.handlers import background
from pyxjs.state.actions import (
    call_function,
    call_script,
    cancel_upload,
    clear_local_storage,
    clear_selected_files,
    clear_session_storage,
    console_log,
    download,
    noop,
    redirect,
    remove_cookie,
    remove_local_storage,
    remove_session_storage,
    scroll_to,
    set_clipboard,
    set_color_mode,
    set_focus,
    set_value,
    toast,
    toggle_color_mode,
    window_alert,
)
from pyxjs.state.upload import UploadFile
from pyxjs.upload_dir import get_upload_dir
from pyxjs.runtime_components import ComponentState, dynamic
from pyxjs.components import toast_provider as _toast_provider
from pyxjs.components.assets import asset

toast.provider = _toast_provider  # type: ignore[attr-defined] - rx.toast.provider(), a component

__version__ = "0.1.0"

__all__ = [
    *_components, "App", "Base", "Config", "Env", "Style", "config", "plugins", "page", "Cookie", "Field", "Var", "field", "LocalStorage", "SessionStorage", "State", "call_script", "console_log",
    "download", "event", "redirect", "serializer", "set_clipboard", "set_focus", "theme", "color", "breakpoints", "set_color_mode", "toggle_color_mode", "toast", "var", "window_alert",
    "set_value", "scroll_to", "noop", "remove_cookie", "clear_local_storage", "remove_local_storage",
    "clear_session_storage", "remove_session_storage",
    "UploadFile", "cancel_upload", "clear_selected_files", "get_upload_dir", "get_upload_url", "selected_files",
    "upload_files", "background", "asset", "EventHandler", "input_event", "key_event", "no_args_event_spec", "passthrough_event_spec",
    "call_function", "prevent_default", "stop_propagation", "ComponentState", "dynamic",
]


def __getattr__(name: str):
    # `rx.cookie` on an app moved over from Reflex: say what is missing, not a bare AttributeError.
    if name.startswith("__"):
        raise AttributeError(name)
    if name in ("vars", "utils"):  # Reflex's `rx.vars.Var[...]`, `rx.utils.format...` without an import
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    from pyxjs.components.unsupported import unsupported_message

    reasoned = unsupported_message(name)  # rx.logo: left out on purpose, and why
    _raise_missing(f"{reasoned[0]}; {reasoned[1]}" if reasoned else _top_level_message(name), name)


# Reflex's module paths (`from pyxjs.vars.base import Var`): deep ones served, unknown ones explained.
_install_reflex_paths()
