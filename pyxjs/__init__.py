"""pyxjs: write React apps in plain Python. `import pyxjs as rx`."""

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
    image,
    hstack,
    input,
    match,
    text,
    upload,
    vstack,
)
from pyxjs.components.upload import get_upload_url, selected_files, upload_files
from pyxjs.state import Cookie, LocalStorage, SessionStorage, State, event, serializer, var
from pyxjs.state.actions import (
    call_script,
    cancel_upload,
    clear_selected_files,
    console_log,
    download,
    redirect,
    set_clipboard,
    set_focus,
    window_alert,
)
from pyxjs.state.upload import UploadFile
from pyxjs.upload_dir import get_upload_dir

__version__ = "0.1.0"

__all__ = [
    "App", "Component", "Cookie", "LocalStorage", "SessionStorage", "State", "avatar", "box", "button", "call_script", "cond", "console_log", "download",
    "event", "foreach", "fragment", "heading", "hstack", "input", "match", "redirect", "serializer",
    "set_clipboard", "set_focus", "text", "var", "vstack", "window_alert",
    "UploadFile", "cancel_upload", "clear_selected_files", "get_upload_dir", "get_upload_url", "image", "selected_files",
    "upload", "upload_files",
]


def __getattr__(name: str):
    # `rx.cookie` on an app moved over from Reflex: say what is missing, not a bare AttributeError.
    if name.startswith("__"):
        raise AttributeError(name)
    raise AttributeError(f"pyxjs has no `rx.{name}` yet")
