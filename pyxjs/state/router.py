"""`self.router`: where the client's page is and who connected, read-only, with Reflex's names.

    self.router.page.path            "/posts"          the page's route
    self.router.page.raw_path        "/posts?tag=py"   the path as the browser shows it
    self.router.page.full_path       "http://host:8000/posts"
    self.router.page.params          {"tag": "py"}     query parameters (a list for a repeated key)
    self.router.session.client_token the token naming this client's state
    self.router.session.client_ip    the websocket peer's address
    self.router.headers              the websocket upgrade request's headers (a read-only mapping)

The server builds a new RouterData when a connection opens and at each navigation, and hands
it to the client's states before every event; handlers never change it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any
from urllib.parse import parse_qsl


class Headers(Mapping[str, str]):
    """Read-only, case-insensitive headers. Reflex's attribute style works too:
    `headers.user_agent` is `headers["User-Agent"]`, "" when the request had none."""

    __slots__ = ("_items",)

    def __init__(self, items: Iterable[tuple[str, str]] = ()) -> None:
        merged: dict[str, str] = {}
        for name, value in items:
            key = name.lower()
            # A repeated header folds into one value, as HTTP allows (RFC 9110 5.3).
            merged[key] = f"{merged[key]}, {value}" if key in merged else value
        object.__setattr__(self, "_items", merged)

    def __getitem__(self, name: str) -> str:
        return self._items[name.lower()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._items

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        return self._items.get(name.replace("_", "-"), "")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("self.router.headers is read-only")

    @property
    def raw_headers(self) -> Mapping[str, str]:
        return MappingProxyType(self._items)

    def __repr__(self) -> str:
        return f"Headers({self._items!r})"


@dataclass(frozen=True, slots=True)
class PageData:
    host: str = ""  # the page's origin, e.g. "http://localhost:8000"
    path: str = ""  # the route ("/posts"); "" before the page said where it is
    raw_path: str = ""  # path and query as the browser shows them ("/posts?tag=py")
    params: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def full_path(self) -> str:
        return f"{self.host}{self.path}"

    @property
    def full_raw_path(self) -> str:
        return f"{self.host}{self.raw_path}"


@dataclass(frozen=True, slots=True)
class SessionData:
    client_token: str = ""
    client_ip: str = ""
    session_id: str = ""  # Reflex's socket id; here one per connection


@dataclass(frozen=True, slots=True)
class RouterData:
    page: PageData = field(default_factory=PageData)
    session: SessionData = field(default_factory=SessionData)
    headers: Headers = field(default_factory=Headers)


EMPTY_ROUTER = RouterData()


def query_params(query: str) -> Mapping[str, Any]:
    """`a=1&b=2&b=3` -> {"a": "1", "b": ["2", "3"]} (read-only)."""
    params: dict[str, Any] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key in params:
            current = params[key]
            params[key] = [*current, value] if isinstance(current, list) else [current, value]
        else:
            params[key] = value
    return MappingProxyType(params)


def page_data(host: str, route: str, path: str, query: str) -> PageData:
    """`route` is the app's route the path matched (the path itself when none did)."""
    raw = path + (f"?{query}" if query else "")
    return PageData(host, route, raw, query_params(query))
