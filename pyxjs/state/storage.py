"""Client storage vars: `theme: str = rx.LocalStorage("light")`, `rx.Cookie(...)`, `rx.SessionStorage(...)`.

The value lives in the browser (a cookie, localStorage or sessionStorage entry) as text: a
`str` var stores its value as it is, so a cookie another system set reads as it should; any
other type stores its JSON. The page sends what it has stored with its hydrate request (the
server uses it as the var's value), writes every change a delta brings back into storage, and
with `LocalStorage(sync=True)` sends a change made in another tab (docs/protocol.md).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from pyxjs.state.convert import BadValue, converter_for

_SAME_SITE = ("lax", "strict", "none")
# RFC 6265 cookie-name characters (a token): no separators, spaces or controls.
_COOKIE_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_STORAGE_NAME_MAX = 256


class ClientStorage:
    """Base of the three; a var's default value is one of these."""

    kind = ""

    def __init__(self, default: Any = "", name: str | None = None) -> None:
        if name is not None and (not isinstance(name, str) or not name or len(name) > _STORAGE_NAME_MAX):
            raise TypeError(f"rx.{type(self).__name__}(name=...) takes a non-empty str of at most {_STORAGE_NAME_MAX} characters, got {name!r}")
        self.default = default
        self.name = name

    def options(self) -> dict[str, Any]:
        return {}

    def __repr__(self) -> str:
        extra = "".join(f", {k}={v!r}" for k, v in self.options().items())
        return f"rx.{type(self).__name__}({self.default!r}, name={self.name!r}{extra})"


class Cookie(ClientStorage):
    kind = "cookie"

    def __init__(
        self,
        default: Any = "",
        name: str | None = None,
        max_age: int | None = None,
        path: str = "/",
        same_site: str = "lax",
        secure: bool | None = None,
        domain: str | None = None,
    ) -> None:
        super().__init__(default, name)
        if name is not None and not _COOKIE_NAME.fullmatch(name):
            raise TypeError(f"rx.Cookie(name={name!r}): a cookie name may not contain spaces, separators ()<>@,;:\\\"/[]?={{}} or controls")
        if max_age is not None and (type(max_age) is not int):
            raise TypeError(f"rx.Cookie(max_age=...) takes whole seconds (an int) or None, got {max_age!r}")
        if not isinstance(path, str) or not path.startswith("/") or ";" in path:
            raise TypeError(f"rx.Cookie(path=...) takes a path starting with / (no ;), got {path!r}")
        if not isinstance(same_site, str) or same_site.lower() not in _SAME_SITE:
            raise TypeError(f"rx.Cookie(same_site=...) takes one of {', '.join(_SAME_SITE)}, got {same_site!r}")
        if secure is not None and type(secure) is not bool:
            raise TypeError(f"rx.Cookie(secure=...) takes True, False or None, got {secure!r}")
        if domain is not None and (not isinstance(domain, str) or ";" in domain):
            raise TypeError(f"rx.Cookie(domain=...) takes a host name or None, got {domain!r}")
        self.max_age = max_age
        self.path = path
        self.same_site = same_site.lower()
        self.secure = secure
        self.domain = domain

    def options(self) -> dict[str, Any]:
        return {"max_age": self.max_age, "path": self.path, "same_site": self.same_site, "secure": self.secure, "domain": self.domain}


class LocalStorage(ClientStorage):
    kind = "local"

    def __init__(self, default: Any = "", name: str | None = None, sync: bool = False) -> None:
        super().__init__(default, name)
        if type(sync) is not bool:
            raise TypeError(f"rx.LocalStorage(sync=...) takes True or False, got {sync!r}")
        self.sync = sync

    def options(self) -> dict[str, Any]:
        return {"sync": self.sync}


class SessionStorage(ClientStorage):
    kind = "session"


@dataclass(frozen=True, slots=True)
class StoredVar:
    """A declared client storage var of a State class (`cls._pyx_storage[var]`)."""

    var: str
    key: str  # the cookie / storage key in the browser
    storage: ClientStorage
    raw: bool  # a str var: stored as its text, not JSON

    def client_spec(self, default_text: str | None) -> dict[str, Any]:
        """What the page needs to read and write it (embedded in the build)."""
        spec = {"kind": self.storage.kind, "name": self.key, "raw": self.raw, "default": default_text}
        spec.update({k: v for k, v in self.storage.options().items() if v is not None})
        return spec


def stored_var(state_name: str, var: str, annotation: Any, storage: ClientStorage) -> StoredVar:
    return StoredVar(var, storage.name or f"{state_name}.{var}", storage, annotation is str)


def encode_stored(stored: StoredVar, value: Any) -> str:
    from pyxjs.state.serialize import encode

    return value if stored.raw and isinstance(value, str) else encode(value)


def decode_stored(stored: StoredVar, annotation: Any, text: str) -> Any:
    """The var's value from the text the browser stored; ValueError (BadValue) saying why not."""
    if stored.raw:
        return text
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise BadValue("JSON text", text) from exc
    return converter_for(annotation)(value)


def client_storage_spec(states: Any) -> dict[str, dict[str, Any]]:
    """{state: {var: spec}} for every client storage var of `states`, for the page."""
    spec: dict[str, dict[str, Any]] = {}
    for cls in states:
        for name, stored in cls._pyx_storage.items():
            default = cls._pyx_vars[name].default
            try:
                text = encode_stored(stored, default)
            except (TypeError, ValueError):
                text = None
            spec.setdefault(cls._pyx_name, {})[name] = stored.client_spec(text)
    return spec


def apply_stored(states: dict[str, Any], values: dict[str, dict[str, Any]], only_sync: bool) -> list[str]:
    """Set client storage vars from the texts the page stored; returns what was not used and why.

    On a hydrate (`only_sync=False`) a null means nothing is stored: the var keeps its value.
    On a sync from another tab (`only_sync=True`) only `LocalStorage(sync=True)` vars are
    accepted, and a null means the entry was removed: the var goes back to its default.
    """
    problems: list[str] = []
    for state_name, texts in values.items():
        state = states.get(state_name)
        if state is None:
            problems.append(f"{state_name}: no such state")
            continue
        cls = type(state)
        for var, text in texts.items():
            stored = cls._pyx_storage.get(var)
            if stored is None:
                problems.append(f"{state_name}.{var}: not a client storage var")
                continue
            if only_sync and not getattr(stored.storage, "sync", False):
                problems.append(f"{state_name}.{var}: not a LocalStorage(sync=True) var")
                continue
            declared = cls._pyx_vars[var]
            if text is None:
                if only_sync:
                    setattr(state, var, declared.default)
                continue
            try:
                value = decode_stored(stored, declared.type, text)
            except Exception as exc:  # BadValue, or a type no converter handles
                expected = exc.expected if isinstance(exc, BadValue) else f"usable ({exc})"
                problems.append(f"{state_name}.{var}: stored {_short(text)} is not {expected}")
                continue
            setattr(state, var, value)
    return problems


def _short(text: str) -> str:
    shown = repr(text)
    return shown if len(shown) <= 40 else shown[:37] + "..."
