"""What each of Reflex's component module paths hands on in pyxjs (`reflex_paths.SERVED`).

Every set is built from what `pyxjs.components` already has: the factories (`box`), Reflex's
class-case names for them (`Box.create(...)` is `rx.box(...)`) and a few type names apps use
in annotations (`LiteralAccentColor`).
"""

from __future__ import annotations

import functools
from typing import Any, Literal

from pyxjs.reflex_paths import component_classes


def _factories() -> dict[str, Any]:
    import pyxjs.components as components

    # `pyxjs.components.markdown` may be the served module standing in for the component by now
    return {name: getattr(getattr(components, name), "_pyx_replaced", getattr(components, name))
            for name in components.__all__}


def _parts() -> list[tuple[str, Any, str]]:
    """(Reflex's dotted name, factory, how pyxjs spells it) for every core component and namespace part."""
    import pyxjs.components as components

    out = []
    for name, value in _factories().items():
        if hasattr(value, "_pyx_spec"):
            out.append((name, value, f"rx.{name}"))
        if isinstance(value, components.Namespace):
            out += [(f"{name}.{part}", factory, f"rx.{name}.{part}") for part, factory in vars(value).items()
                    if not part.startswith("_") and hasattr(factory, "_pyx_spec")]
    return out


def top_level() -> dict[str, Any]:
    """What `import pyxjs as rx` offers as `rx.NAME`."""
    import pyxjs

    return {name: getattr(pyxjs, name) for name in pyxjs.__all__}


@functools.cache
def radix_themes() -> dict[str, Any]:
    """`reflex.components.radix.themes[.components|.layout|.typography|.base][.x]`."""
    from pyxjs.components.radix_props import ACCENT, RADIUS
    from pyxjs.components.theme import GRAY_COLORS, theme

    names = {**_factories(), **component_classes(_parts()), "theme": theme}
    names.update({
        "LiteralAccentColor": ACCENT,
        "LiteralRadius": RADIUS,
        "LiteralGrayColor": Literal[tuple(GRAY_COLORS)],
        "LiteralAlign": Literal["start", "center", "end", "baseline", "stretch"],
        "LiteralJustify": Literal["start", "center", "end", "between"],
        "LiteralVariant": Literal["classic", "solid", "soft", "surface", "outline", "ghost"],
        "LiteralSize": Literal["1", "2", "3", "4"],
    })
    return names


@functools.cache
def core() -> dict[str, Any]:
    """`reflex.components.core[.cond|.foreach|.match|.upload|.breakpoints|.colors|...]`."""
    import pyxjs
    from pyxjs.components import color_mode_cond, cond, foreach, fragment, match, upload

    names: dict[str, Any] = {"cond": cond, "foreach": foreach, "match": match, "fragment": fragment,
                             "color_mode_cond": color_mode_cond, "upload": upload}
    for name in ("selected_files", "upload_files", "get_upload_url", "clear_selected_files", "cancel_upload",
                 "breakpoints", "color", "clipboard"):
        names[name] = getattr(pyxjs, name)
    names["Breakpoints"] = dict  # rx.breakpoints(...) builds a dict in pyxjs
    names.update(component_classes([(n, names[n], f"rx.{n}") for n in ("upload", "clipboard")]))
    return names


@functools.cache
def datadisplay() -> dict[str, Any]:
    """`reflex.components.datadisplay[.code|.dataeditor|.logo|...]`: the data-display components pyxjs has."""
    shown = ("avatar", "badge", "callout", "code", "code_block", "data_list", "data_table", "icon", "kbd", "markdown",
             "progress", "skeleton", "spinner", "table")
    factories = _factories()
    names = {name: factories[name] for name in shown}
    names.update(component_classes([(n, names[n], f"rx.{n}") for n in ("code_block", "data_table", "code")]))
    return names


@functools.cache
def markdown() -> dict[str, Any]:
    factories = _factories()
    return {"markdown": factories["markdown"], **component_classes([("markdown", factories["markdown"], "rx.markdown")])}


@functools.cache
def lucide() -> dict[str, Any]:
    factories = _factories()
    return {"icon": factories["icon"], **component_classes([("icon", factories["icon"], "rx.icon")])}


@functools.cache
def recharts() -> dict[str, Any]:
    """`reflex.components.recharts[.charts|.cartesian|.general|...]`: the parts of rx.recharts and their classes."""
    from pyxjs.components import recharts as module
    from pyxjs.components.recharts import recharts as namespace

    names = {name: value for name, value in vars(module).items() if isinstance(value, type) and not name.startswith("_")}
    names.update({part: factory for part, factory in vars(namespace).items() if not part.startswith("_")})
    names["recharts"] = namespace
    return names


@functools.cache
def html_elements() -> dict[str, Any]:
    """`reflex.components.el[.elements[.forms|.inline|.media|.typography|...]]`: every element of rx.el."""
    from pyxjs.components import el
    from pyxjs.components.el import SVG_TAGS, TAGS

    factories = {tag: getattr(el, tag) for tag in sorted({*TAGS, *SVG_TAGS})}
    # Reflex spells a few elements with a trailing `_`.
    factories.update({"del_": factories["del"], "object_": factories["object"], "map_": factories["map"]})
    classes = component_classes([(tag, factory, f"rx.el.{tag}") for tag, factory in factories.items()])
    return {**factories, **classes, "el": el}


@functools.cache
def component() -> dict[str, Any]:
    """`reflex.components.component`: the base classes for wrapping React components."""
    from pyxjs.components import Component, NoSSRComponent

    return {"Component": Component, "NoSSRComponent": NoSSRComponent}


@functools.cache
def sonner() -> dict[str, Any]:
    from pyxjs.state.actions import toast

    return {"toast": toast}
