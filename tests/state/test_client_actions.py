"""The Python side of client actions added for components: what they send, and what they refuse."""

from __future__ import annotations

import pytest

import pyxjs as rx


def test_toast_levels_and_options():
    assert rx.toast("Saved").to_json() == {"name": "toast", "args": {"level": "default", "message": "Saved"}}
    sent = rx.toast.error("Failed", description="try again", duration=2000).to_json()
    assert sent == {"name": "toast", "args": {"level": "error", "message": "Failed", "description": "try again",
                                               "duration": 2000}}
    assert rx.toast.success(3).args["message"] == "3"
    # Reflex's (sonner's) places: the dashboard tutorial's rx.toast.info(..., position="bottom-right")
    assert rx.toast.info("Added", position="top-center").args == {"level": "info", "message": "Added",
                                                                  "position": "top-center"}
    with pytest.raises(TypeError, match="position='top'.*bottom-right"):
        rx.toast("x", position="top")
    with pytest.raises(TypeError, match="invert"):
        rx.toast("x", invert=True)
    with pytest.raises(TypeError, match="milliseconds"):
        rx.toast("x", duration=-1)


def test_color_mode_actions():
    assert rx.toggle_color_mode().to_json() == {"name": "set_color_mode", "args": {"mode": "toggle"}}
    assert rx.set_color_mode("system").args == {"mode": "system"}
    with pytest.raises(ValueError, match="light"):
        rx.set_color_mode("blue")


def test_color_tokens():
    assert rx.color("accent", 9) == "var(--accent-9)" and rx.color("red", 3, alpha=True) == "var(--red-a3)"
    with pytest.raises(ValueError, match="Radix color"):
        rx.color("reddish", 3)
    with pytest.raises(ValueError, match="1 to 12"):
        rx.color("red", 13)


def test_reflex_dom_and_storage_actions():
    # Reflex's docs return these from handlers (`return rx.set_value("todo", "")`); each was a
    # handler failure ("pyxjs has no `rx.set_value` yet") at the first event.
    assert rx.set_value("todo", "").to_json() == {"name": "set_value", "args": {"id": "todo", "value": ""}}
    assert rx.scroll_to("end").args == {"id": "end", "align_to_top": True}
    assert rx.noop().to_json() == {"name": "noop", "args": {}}
    assert rx.remove_cookie("uid", {"path": "/app"}).args == {"key": "uid", "options": {"path": "/app"}}
    assert rx.remove_local_storage("k").args == {"kind": "local", "key": "k"}
    assert rx.clear_local_storage().args == {"kind": "local"}
    assert rx.remove_session_storage("k").args == {"kind": "session", "key": "k"}
    assert rx.clear_session_storage().args == {"kind": "session"}
    with pytest.raises(TypeError):
        rx.set_value(3, "x")


def test_call_function_names_the_function_and_its_callback():
    class CallFnState(rx.State):
        title: str = ""

    sent = rx.call_function("() => document.title", callback=CallFnState.set_title).to_json()
    assert sent == {"name": "call_function", "args": {"function": "() => document.title",
                                                      "callback": f"{CallFnState._pyx_name}.set_title"}}
    assert rx.call_function("window.refresh").args == {"function": "window.refresh"}
    with pytest.raises(TypeError, match=r"rx.call_function\(javascript_code=...\) takes a str"):
        rx.call_function(3)
    with pytest.raises(TypeError, match=r"rx.call_function\(callback="):
        rx.call_function("f", callback="not a handler")
