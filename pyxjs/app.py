"""The app registry: which component functions are pages, at which routes."""

from __future__ import annotations

import inspect
import itertools
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from pyxjs.components.theme import Theme
from pyxjs.state.handlers import EventSpec, as_event_specs
from pyxjs.state.manager import REDIS_URL_SCHEMES, STATE_MANAGERS


@dataclass(frozen=True)
class Page:
    route: str
    component: Callable[..., Any]
    title: str | None = None
    # Handlers run on the page's first load and on every client-side navigation into it.
    on_load: tuple[EventSpec, ...] = ()


def route_for(component: Callable[..., Any], route: str | None) -> str:
    """An explicit route is normalised to start with `/`; without one, `index` is `/`
    and any other function name becomes `/<name>` (dashes for underscores)."""
    if route is None:
        name = component.__name__
        return "/" if name == "index" else "/" + name.replace("_", "-")
    route = "/" + route.strip("/")
    return route


_DECORATED = "_pyx_page"  # the attribute @rx.page leaves on a component function
_decorations = itertools.count()  # decoration order, so pages are added as they were written


def page(route: str | None = None, title: str | None = None, on_load: Any = None, **extra: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """`@rx.page(route="/about", title="About", on_load=State.load)`: marks a component function
    as a page; loading the app adds it to the app's pages (as `app.add_page` would), wherever in
    the app's modules the function is."""
    def mark(component: Callable[..., Any]) -> Callable[..., Any]:
        if not inspect.isfunction(component):
            raise TypeError(f"@rx.page decorates a component function, got {type(component).__name__} {component!r}")
        setattr(component, _DECORATED, (next(_decorations), dict(route=route, title=title, on_load=on_load, **extra)))
        return component

    if inspect.isfunction(route):  # `@rx.page` without parentheses
        component, route = route, None
        return mark(component)
    return mark


def decorated_pages(functions: Iterable[Any]) -> list[tuple[Callable[..., Any], dict[str, Any]]]:
    """The @rx.page functions among `functions`, once each, in the order they were decorated."""
    found = {id(fn): fn for fn in functions if inspect.isfunction(fn) and hasattr(fn, _DECORATED)}
    ordered = sorted(found.values(), key=lambda fn: getattr(fn, _DECORATED)[0])
    return [(fn, getattr(fn, _DECORATED)[1]) for fn in ordered]


@dataclass
class App:
    """`app = rx.App(); app.add_page(index)`: the build and the server read `pages`."""

    pages: dict[str, Page] = field(default_factory=dict)
    style: dict[str, Any] = field(default_factory=dict)
    theme: Theme | None = None
    # CSS files: "/name.css" is assets/name.css beside the app (bundled, fingerprinted); a URL is linked.
    stylesheets: list[str] = field(default_factory=list)
    # Where `pyx run` keeps client states ("memory", "disk" or "redis") and which Redis, unless
    # its --state-manager / --redis-url or $PYXJS_STATE_MANAGER / $PYXJS_REDIS_URL say otherwise.
    state_manager: str | None = None
    redis_url: str | None = None

    def __post_init__(self) -> None:
        if self.state_manager is not None and self.state_manager not in STATE_MANAGERS:
            raise ValueError(f"rx.App(state_manager={self.state_manager!r}): choose one of "
                             f"{', '.join(repr(name) for name in STATE_MANAGERS)}")
        if self.redis_url is not None and not (
                isinstance(self.redis_url, str) and self.redis_url.startswith(REDIS_URL_SCHEMES)):
            raise ValueError(f"rx.App(redis_url={self.redis_url!r}): a URL like redis://localhost:6379/0 "
                             "(redis://, rediss:// or unix://)")
        if self.theme is None:
            self.theme = Theme()
        elif not isinstance(self.theme, Theme):
            raise TypeError(f"rx.App(theme=...) takes rx.theme(...), got {type(self.theme).__name__}")
        if not isinstance(self.stylesheets, (list, tuple)) or not all(isinstance(s, str) for s in self.stylesheets):
            raise TypeError('rx.App(stylesheets=...) takes a list of paths or URLs, e.g. ["/styles.css"]')

    def add_page(
        self,
        component: Callable[..., Any],
        route: str | None = None,
        title: str | None = None,
        on_load: Any = None,
        **_ignored: Any,
    ) -> None:
        if not inspect.isfunction(component):
            raise TypeError(
                f"app.add_page() takes a component function, got {type(component).__name__} "
                f"{component!r}: pass the function itself, e.g. `app.add_page(index)`, not `index()`"
            )
        path = route_for(component, route)
        loads = () if on_load is None else as_event_specs(on_load, f"app.add_page({component.__name__}, on_load=...)")
        if path in self.pages and self.pages[path].component is not component:
            raise ValueError(
                f"route {path!r} is taken by {self.pages[path].component.__name__}(); "
                f"give {component.__name__}() another route"
            )
        self.pages[path] = Page(path, component, title, loads)
