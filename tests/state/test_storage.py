"""Client storage vars as declared: defaults, keys, options, checks, decoding stored text."""

from __future__ import annotations

import pytest

import pyxjs as rx
from pyxjs.state.storage import client_storage_spec, decode_stored


class StorePrefsState(rx.State):
    theme: str = rx.LocalStorage("light", sync=True)
    size: int = rx.LocalStorage(12, name="font-size")
    token: str = rx.Cookie("", name="auth", max_age=3600, same_site="Strict", secure=True)
    recent = rx.SessionStorage(["home"])  # unannotated: a list var, as other plain attributes
    plain: int = 0


def test_storage_vars_are_vars_with_the_default_value():
    state = StorePrefsState()
    assert (state.theme, state.size, state.token, state.recent) == ("light", 12, "", ["home"])
    assert StorePrefsState._pyx_vars["theme"].default == "light"
    assert StorePrefsState._pyx_vars["recent"].type is list
    assert set(StorePrefsState._pyx_storage) == {"theme", "size", "token", "recent"}
    assert "set_theme" in StorePrefsState._pyx_handlers


def test_the_page_gets_keys_options_and_encoded_defaults():
    assert client_storage_spec([StorePrefsState]) == {
        "store_prefs_state": {
            "theme": {"kind": "local", "name": "store_prefs_state.theme", "raw": True, "default": "light", "sync": True},
            "size": {"kind": "local", "name": "font-size", "raw": False, "default": "12", "sync": False},
            "token": {"kind": "cookie", "name": "auth", "raw": True, "default": "", "max_age": 3600, "path": "/",
                      "same_site": "strict", "secure": True},
            "recent": {"kind": "session", "name": "store_prefs_state.recent", "raw": False, "default": '["home"]'},
        }
    }


def test_a_substate_reaches_them_on_its_parent_and_may_redeclare_one_as_plain():
    class StorePrefsChildState(StorePrefsState):
        size: int = 14

    # Inherited storage vars stay the parent's (one value, one browser key); `size` is the child's own.
    assert StorePrefsChildState._pyx_storage == {}
    assert StorePrefsChildState.theme == StorePrefsState.theme
    assert set(StorePrefsChildState._pyx_vars) == {"size"}


def test_stored_text_decodes_by_the_var_type():
    stored = StorePrefsState._pyx_storage
    assert decode_stored(stored["theme"], str, '"quoted"') == '"quoted"'  # str: the text itself
    assert decode_stored(stored["size"], int, "14") == 14
    assert decode_stored(stored["recent"], list[str], '["a"]') == ["a"]
    with pytest.raises(ValueError):
        decode_stored(stored["size"], int, "fourteen")
    with pytest.raises(ValueError):
        decode_stored(stored["size"], int, '"x"')


@pytest.mark.parametrize("make, message", [
    (lambda: rx.Cookie("", same_site="sometimes"), "same_site"),
    (lambda: rx.Cookie("", max_age=1.5), "max_age"),
    (lambda: rx.Cookie("", path="app"), "path"),
    (lambda: rx.Cookie("", name="a b"), "cookie name"),
    (lambda: rx.Cookie("", secure="yes"), "secure"),
    (lambda: rx.LocalStorage("", sync="yes"), "sync"),
    (lambda: rx.LocalStorage("", name=""), "non-empty str"),
])
def test_bad_options_fail_at_import(make, message):
    with pytest.raises(TypeError, match=message):
        make()


def test_a_private_storage_var_is_refused():
    with pytest.raises(TypeError, match="lives in the browser, so it needs a public name"):
        class StoreHiddenState(rx.State):
            _secret: str = rx.Cookie("")
