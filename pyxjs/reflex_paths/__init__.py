"""Reflex's module paths under `pyxjs`: `from pyxjs.vars.base import Var` answers as
`from reflex.vars.base import Var` does in a Reflex app (what `pyx migrate` writes).

The thin modules at those paths (pyxjs/vars/, pyxjs/event.py, pyxjs/style.py, ...) hand on what
pyxjs already has; this package holds what they share:
- `module_getattr(...)`: a module's `__getattr__` whose error for a name pyxjs lacks names the
  Reflex path and says what to do (an ImportError under `from m import name`, which Python
  would otherwise turn into a bare "cannot import name");
- `PathFinder`, last on `sys.meta_path`: the deep paths below a few modules
  (`pyxjs.components.radix.themes.components.button`, `pyxjs.components.el.elements.forms`)
  are served as modules handing on the same names; any other `pyxjs.x.y` that does not exist
  raises `ReflexPathError` naming `reflex.x.y`, never a bare ModuleNotFoundError.
"""

from __future__ import annotations

import dis
import importlib.abc
import importlib.machinery
import sys
import types
from collections.abc import Callable, Iterable
from typing import Any

_IMPORT_FROM = dis.opmap["IMPORT_FROM"]

# Where to learn what pyxjs has (docs/architecture.md, "Reflex's module paths").
_WHERE = "see \"Reflex's module paths\" in pyxjs's docs/architecture.md"


class ReflexPathError(ModuleNotFoundError):
    """A `pyxjs.x.y` module that pyxjs does not have: Reflex's `reflex.x.y`."""


def reflex_path(module_name: str) -> str:
    """`pyxjs.vars.base` -> `reflex.vars.base`."""
    return "reflex" + module_name[len("pyxjs"):] if module_name.startswith("pyxjs") else module_name


def raise_missing(message: str, name: str) -> None:
    """Raise the error for a missing attribute in the form the caller can see: `from m import
    name` replaces an AttributeError with a bare "cannot import name", so it gets an ImportError."""
    caller = sys._getframe(2)
    code = caller.f_code.co_code
    if 0 <= caller.f_lasti < len(code) and code[caller.f_lasti] == _IMPORT_FROM:
        raise ImportError(message, name=name)
    raise AttributeError(message)


def module_getattr(module_name: str, source: Callable[[], dict[str, Any]] | None = None,
                   hints: dict[str, str] | None = None) -> Callable[[str], Any]:
    """A module `__getattr__`: names found in `source()` are handed on; any other is an error
    naming the Reflex path, with the hint for that name when there is one."""

    def __getattr__(name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if source is not None:
            names = source()
            if name in names:
                return names[name]
        raise_missing(missing_message(module_name, name, (hints or {}).get(name)), name)

    return __getattr__


def missing_message(module_name: str, name: str, hint: str | None = None) -> str:
    path = reflex_path(module_name)
    return (f"pyxjs has no `{name}` in `{module_name}` (Reflex's `{path}.{name}`); "
            f"{hint or 'import what pyxjs has instead, usually `rx.' + name + '` from `import pyxjs as rx`'} "
            f"({_WHERE})")


class ComponentClass:
    """Reflex's class of a core component (`Box`, `Div`, `DialogRoot`): `Box.create(...)` is
    `rx.box(...)`. pyxjs's core components are not classes, so subclassing one is refused at
    the class statement, saying what to write instead."""

    def __init__(self, name: str, factory: Callable[..., Any], shown: str) -> None:
        self.__name__ = name
        self.create = factory
        self._shown = shown

    def __mro_entries__(self, bases: tuple[Any, ...]) -> tuple[type, ...]:
        raise TypeError(f"pyxjs cannot subclass Reflex's `{self.__name__}`: pyxjs's core components are not classes "
                        f"(it is `{self._shown}(...)`); write a component function that returns `{self._shown}(...)`, "
                        "or wrap a React component with `class X(rx.Component)` and `library=`, `tag=`")

    def __call__(self, *children: Any, **props: Any) -> Any:
        return self.create(*children, **props)

    def __repr__(self) -> str:
        return f"{self.__name__} ({self._shown})"


def class_name(name: str) -> str:
    """`icon_button` -> `IconButton`, `dialog.root` -> `DialogRoot`, `linearGradient` -> `LinearGradient`."""
    return "".join(part[:1].upper() + part[1:] for part in name.replace(".", "_").split("_"))


def component_classes(factories: Iterable[tuple[str, Callable[..., Any], str]]) -> dict[str, ComponentClass]:
    """(name, factory, how pyxjs spells it) -> Reflex's class-case names for them."""
    return {class_name(name): ComponentClass(class_name(name), factory, shown) for name, factory, shown in factories}


# Each of these modules and every deeper path hands on one set of names (reflex_paths/components.py):
# Reflex splits them over many files (`radix.themes.components.button`, `el.elements.forms`), pyxjs
# has each set in one place. A real module at the path (pyxjs/components/recharts.py) is found
# first; only its deeper paths are served.
SERVED = {
    "pyxjs.components.component": "component",
    "pyxjs.components.radix": "radix_themes",
    "pyxjs.components.forms": "radix_themes",
    "pyxjs.components.layout": "radix_themes",
    "pyxjs.components.typography": "radix_themes",
    "pyxjs.components.media": "radix_themes",
    "pyxjs.components.el": "html_elements",
    "pyxjs.components.core": "core",
    "pyxjs.components.base": "core",
    "pyxjs.components.datadisplay": "datadisplay",
    "pyxjs.components.markdown": "markdown",
    "pyxjs.components.lucide": "lucide",
    "pyxjs.components.recharts": "recharts",
    "pyxjs.components.sonner": "sonner",
}

# The module names Reflex has below those paths. Only these are served: `from pyxjs.components.core
# import desktop_only` asks for a submodule `desktop_only` when the set lacks the name, and must get
# the name's error, not an empty module.
SERVED_MODULES = frozenset("""
themes primitives base components layout typography color_mode alert_dialog aspect_ratio avatar badge button
callout card checkbox checkbox_cards checkbox_group context_menu data_list dialog dropdown_menu hover_card
icon_button inset popover progress radio radio_cards radio_group scroll_area segmented_control select separator
skeleton slider spinner switch table tabs text_area text_field tooltip box center container flex grid list
section spacer stack blockquote code heading link text accordion drawer form
elements forms inline media metadata other scripts sectioning tables element constants
banner breakpoints clipboard colors cond debounce foreach html match responsive upload auto_scroll helmet sticky
window_events client_side_routing
datadisplay dataeditor logo shiki_code_block markdown icon charts cartesian general polar recharts toast
bare fragment script meta head document body app_wrap error_boundary strict_mode
""".split())

# Reflex modules pyxjs has nothing for, and what to do instead.
ADVICE = {
    "reflex.model": "pyxjs has no database layer yet (`rx.Model`, `rx.session`); keep data in State vars or your own "
                    "database code in event handlers",
    "reflex.components.chakra": "Reflex's old Chakra UI components were removed from Reflex; use the Radix ones "
                                "(`rx.box`, `rx.button`, ...)",
    "reflex.components.next": "pyxjs does not use Next.js; use `rx.link`, `rx.image`",
    "reflex.compiler": "pyxjs compiles Python to React itself (`pyx build`); Reflex's compiler internals have no "
                       "counterpart",
    "reflex.testing": "test pyxjs apps with `pyx build` and a browser (Playwright) against `pyx run`",
}


def served_names(fullname: str) -> Callable[[], dict[str, Any]] | None:
    """The names `fullname` hands on, when it is one of SERVED or below one."""
    for prefix, names in SERVED.items():
        if fullname == prefix or fullname.startswith(prefix + "."):
            from pyxjs.reflex_paths import components

            own = getattr(components, names)
            # Reflex files many components deep (`core.responsive.desktop_only`): any `rx.` name serves too.
            return lambda: {**components.top_level(), **own()}
    return None


def served_module(module_name: str) -> tuple[list[str], Callable[[str], Any]]:
    """`__path__, __getattr__` for a real module at a SERVED path (pyxjs/components/el.py): its
    deeper paths are served, and the names it lacks come from its set."""
    return [], module_getattr(module_name, served_names(module_name))


class _ServedLoader(importlib.abc.Loader):
    def __init__(self, names: Callable[[], dict[str, Any]]) -> None:
        self.names = names

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        # Importing it sets it as an attribute of its parent. Where the parent already has that
        # name (`pyxjs.components.markdown`, the component), the module stands in for it.
        module = types.ModuleType(spec.name)
        stand_in(module)
        module.__doc__ = f"Reflex's `{reflex_path(spec.name)}`, as pyxjs has it."
        module.__getattr__ = module_getattr(spec.name, self.names)  # type: ignore[attr-defined]
        return module

    def exec_module(self, module: types.ModuleType) -> None:
        pass


class _StandInModule(types.ModuleType):
    """A module that takes the place of its parent's callable of the same name when imported
    (`pyxjs.event` and `rx.event`, `pyxjs.components.markdown` and the component): it is still
    that callable, with its `_pyx_spec`, so the compiler reads it as the component."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._pyx_replaced(*args, **kwargs)  # type: ignore[attr-defined]


def stand_in(module: types.ModuleType) -> None:
    """Importing `module` sets it as its parent's attribute of that name; where the parent has a
    callable there, the module becomes a stand-in for it."""
    parent, _, child = module.__name__.rpartition(".")
    replaced = vars(sys.modules[parent]).get(child) if parent in sys.modules else None
    if callable(replaced) and not isinstance(replaced, types.ModuleType):
        module._pyx_replaced = replaced  # type: ignore[attr-defined]
        if hasattr(replaced, "_pyx_spec"):
            module._pyx_spec = replaced._pyx_spec  # type: ignore[attr-defined]
        module.__class__ = _StandInModule


class PathFinder(importlib.abc.MetaPathFinder):
    """Last on sys.meta_path, so it is asked only about `pyxjs.*` modules no file provides."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if not fullname.startswith("pyxjs."):
            return None
        names = served_names(fullname)
        if names is not None and (fullname in SERVED or fullname.rpartition(".")[2] in SERVED_MODULES):
            # a package, so that its own deeper paths are asked for too
            return importlib.machinery.ModuleSpec(fullname, _ServedLoader(names), is_package=True)
        raise ReflexPathError(unknown_module_message(fullname), name=fullname)


def unknown_module_message(fullname: str) -> str:
    path = reflex_path(fullname)
    advice = next((text for prefix, text in ADVICE.items() if path == prefix or path.startswith(prefix + ".")), None)
    return (f"pyxjs has no module `{fullname}` (Reflex's `{path}`); "
            f"{advice or 'import the names from pyxjs itself (`import pyxjs as rx`, then `rx.NAME`), or remove the import'} "
            f"({_WHERE})")


def top_level_message(name: str) -> str:
    """`rx.name` that pyxjs lacks (also `from pyxjs import model`, Reflex's module `reflex.model`)."""
    advice = ADVICE.get(f"reflex.{name}")
    return f"pyxjs has no `rx.{name}` yet" + (f" (Reflex's `reflex.{name}`): {advice}" if advice else "")


def install() -> None:
    if not any(isinstance(finder, PathFinder) for finder in sys.meta_path):
        sys.meta_path.append(PathFinder())
