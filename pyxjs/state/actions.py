"""Client actions: things a handler asks the browser to do (`return rx.redirect("/done")`).

Each is a small value with a `name` and JSON `args`; the server puts them in a frame's
`actions` list and runtime_js/src/socket.js performs them in order. Plain data, so the
transpiler can also compile one into a direct event trigger (`on_click=rx.redirect("/")`).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class ClientAction:
    name: str
    args: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "args": self.args}


def redirect(path: str, is_external: bool = False, replace: bool = False) -> ClientAction:
    """Go to `path`: inside the app (no reload), or a new tab when `is_external`."""
    _need_str("redirect", "path", path)
    return ClientAction("redirect", {"path": path, "external": bool(is_external), "replace": bool(replace)})


def toggle_color_mode() -> ClientAction:
    """Light <-> dark for this browser (remembered there); `on_click=rx.toggle_color_mode`."""
    return ClientAction("set_color_mode", {"mode": "toggle"})


def set_color_mode(mode: str) -> ClientAction:
    """"light", "dark" or "system" (the OS preference), remembered by this browser."""
    if mode not in ("light", "dark", "system"):
        raise ValueError(f"rx.set_color_mode({mode!r}): the mode is 'light', 'dark' or 'system'")
    return ClientAction("set_color_mode", {"mode": mode})


_TOAST_OPTIONS = ("description", "duration", "position")
# Where a toast shows (sonner's places, as Reflex names them); runtime_js/src/toast.js
TOAST_POSITIONS = ("top-left", "top-center", "top-right", "bottom-left", "bottom-center", "bottom-right")


def _toast(level: str, message: Any, kwargs: dict[str, Any]) -> ClientAction:
    unknown = sorted(set(kwargs) - set(_TOAST_OPTIONS))
    if unknown:
        raise TypeError(f"rx.toast() got {', '.join(unknown)}; it takes the message, description=, duration= (ms) "
                        f"and position=")
    position = kwargs.get("position")
    if position is not None and position not in TOAST_POSITIONS:
        raise TypeError(f"rx.toast(position={position!r}): one of {', '.join(TOAST_POSITIONS)}")
    duration = kwargs.get("duration")
    if duration is not None and (isinstance(duration, bool) or not isinstance(duration, (int, float)) or duration <= 0):
        raise TypeError(f"rx.toast(duration={duration!r}): the time it shows, in milliseconds")
    args = {"level": level, "message": str(message)}
    if kwargs.get("description") is not None:
        args["description"] = str(kwargs["description"])
    if duration is not None:
        args["duration"] = duration
    if position is not None:
        args["position"] = position
    return ClientAction("toast", args)


def toast(message: Any = "", **options: Any) -> ClientAction:
    """A message in a corner of the page: `return rx.toast("Saved")`, `on_click=rx.toast.info("Hi")`."""
    return _toast("default", message, options)


def toast_success(message: Any = "", **options: Any) -> ClientAction:
    return _toast("success", message, options)


def toast_error(message: Any = "", **options: Any) -> ClientAction:
    return _toast("error", message, options)


def toast_warning(message: Any = "", **options: Any) -> ClientAction:
    return _toast("warning", message, options)


def toast_info(message: Any = "", **options: Any) -> ClientAction:
    return _toast("info", message, options)


# Reflex spells the levels as attributes: rx.toast.success(...).
toast.success = toast_success  # type: ignore[attr-defined]
toast.error = toast_error  # type: ignore[attr-defined]
toast.warning = toast_warning  # type: ignore[attr-defined]
toast.info = toast_info  # type: ignore[attr-defined]


def console_log(message: Any) -> ClientAction:
    return ClientAction("console_log", {"message": message})


def window_alert(message: Any) -> ClientAction:
    return ClientAction("window_alert", {"message": str(message)})


def call_script(javascript: str, callback: Any = None) -> ClientAction:
    """Run `javascript` in the page (trusted code from your handler; never user input). With
    `callback=State.handler`, the script's value (awaited when it is a promise) is sent to that
    handler as its argument: `rx.call_script("document.title", callback=State.set_title)`."""
    _need_str("call_script", "javascript", javascript)
    args: dict[str, Any] = {"javascript": javascript}
    if callback is not None:
        args["callback"] = _callback_name("call_script", callback)
    return ClientAction("call_script", args)


def call_function(javascript_code: str, callback: Any = None) -> ClientAction:
    """Call a JavaScript function in the page, as Reflex's `rx.call_function`: `javascript_code`
    is an expression whose value is a function (`"() => window.scrollY"`, `"myLib.refresh"`), called
    with no arguments. With `callback=State.handler`, its result (awaited when it is a promise)
    is sent to that handler as its argument. Trusted code from your app, never user input."""
    _need_str("call_function", "javascript_code", javascript_code)
    args: dict[str, Any] = {"function": javascript_code}
    if callback is not None:
        args["callback"] = _callback_name("call_function", callback)
    return ClientAction("call_function", args)


def _callback_name(action: str, callback: Any) -> str:
    from pyxjs.state.handlers import EventHandlerRef, EventSpec  # handlers imports the state module

    if isinstance(callback, EventSpec) and not callback.args:
        callback = callback.handler
    if not isinstance(callback, EventHandlerRef):
        raise TypeError(f"rx.{action}(callback={callback!r}): pass an event handler, State.handler; "
                        "it receives the result as its argument")
    return callback.qualified


def set_clipboard(content: str) -> ClientAction:
    _need_str("set_clipboard", "content", content)
    return ClientAction("set_clipboard", {"content": content})


def set_focus(ref: str) -> ClientAction:
    """Focus the element whose `id` is `ref`."""
    _need_str("set_focus", "ref", ref)
    return ClientAction("set_focus", {"id": ref})


def set_value(ref: str, value: Any) -> ClientAction:
    """Set the value of the field whose `id` is `ref` (an uncontrolled input: one without
    `value=`), as Reflex does: `return rx.set_value("todo", "")` clears it after a submit."""
    _need_str("set_value", "ref", ref)
    return ClientAction("set_value", {"id": ref, "value": value})


def scroll_to(elem_id: str, align_to_top: bool = True) -> ClientAction:
    """Scroll the element whose `id` is `elem_id` into view (its top, or its bottom)."""
    _need_str("scroll_to", "elem_id", elem_id)
    return ClientAction("scroll_to", {"id": elem_id, "align_to_top": bool(align_to_top)})


def noop() -> ClientAction:
    """Nothing at all: a placeholder trigger (`on_click=rx.noop()`)."""
    return ClientAction("noop")


def remove_cookie(key: str, options: dict[str, Any] | None = None) -> ClientAction:
    """Delete the browser's cookie `key` (`options` may name its `path`, default "/", and `domain`)."""
    _need_str("remove_cookie", "key", key)
    return ClientAction("remove_cookie", {"key": key, "options": dict(options or {})})


def clear_local_storage() -> ClientAction:
    return ClientAction("clear_storage", {"kind": "local"})


def remove_local_storage(key: str) -> ClientAction:
    _need_str("remove_local_storage", "key", key)
    return ClientAction("remove_storage", {"kind": "local", "key": key})


def clear_session_storage() -> ClientAction:
    return ClientAction("clear_storage", {"kind": "session"})


def remove_session_storage(key: str) -> ClientAction:
    _need_str("remove_session_storage", "key", key)
    return ClientAction("remove_storage", {"kind": "session", "key": key})


def download(url: str | None = None, filename: str | None = None, data: str | bytes | None = None) -> ClientAction:
    """Make the browser download `url`, or `data` (text, or bytes sent as base64) as `filename`."""
    if (url is None) == (data is None):
        raise TypeError("rx.download() needs exactly one of url= or data=")
    if url is not None:
        _need_str("download", "url", url)
        return ClientAction("download", {"url": url, "filename": filename})
    if isinstance(data, bytes):
        return ClientAction("download", {"base64": base64.b64encode(data).decode("ascii"), "filename": filename or "download"})
    _need_str("download", "data", data)
    return ClientAction("download", {"text": data, "filename": filename or "download.txt"})


def clear_selected_files(upload_id: str = "default") -> ClientAction:
    """Forget the files picked in `rx.upload(id=upload_id)`."""
    _need_str("clear_selected_files", "upload_id", upload_id)
    return ClientAction("clear_selected_files", {"id": upload_id})


def cancel_upload(upload_id: str = "default") -> ClientAction:
    """Abort the uploads of `rx.upload(id=upload_id)` still under way (the handler does not run
    for an upload the server had not fully received)."""
    _need_str("cancel_upload", "upload_id", upload_id)
    return ClientAction("cancel_upload", {"id": upload_id})


def _need_str(action: str, param: str, value: Any) -> None:
    if not isinstance(value, str):
        raise TypeError(f"rx.{action}({param}=...) takes a str, got {type(value).__name__} {value!r}")
