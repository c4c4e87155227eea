"""Importing a user's app file: the App, its pages and its State classes, or a located error.

Shared by the build and the server, so it imports no compiler.
"""

from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from pyxjs.app import App, decorated_pages
from pyxjs.state.base import State
from pyxjs.upload_dir import set_app_dir


class AppLoadError(Exception):
    """`str(error)` is the whole message: file:line, what went wrong, how to fix it."""


@dataclass
class LoadedApp:
    path: Path
    module: ModuleType
    app: App
    states: list[type[State]]
    modules: list[ModuleType] = field(default_factory=list)  # the app module and its siblings it imports


def load_app(path: Path) -> LoadedApp:
    path = Path(path)
    shown = str(path)
    if not path.is_file():
        raise AppLoadError(f"{shown}: no such file\nhint: pass the path of your app's Python file, e.g. `pyx build app.py`")
    source = path.read_bytes()
    try:
        code = compile(source, str(path.resolve()), "exec", dont_inherit=True)
    except SyntaxError as exc:
        where = f"{shown}:{exc.lineno}:{exc.offset}" if exc.lineno else shown
        line = (exc.text or "").rstrip("\n")
        caret = f"\n    {line}\n    {' ' * max((exc.offset or 1) - 1, 0)}^" if line else ""
        hint = ("\nhint: `await` needs an `async def` event handler; components are plain functions "
                "that read State" if "await" in (exc.msg or "") else "")
        # PYX101 as the transpiler spells it, so a build's errors read alike wherever they come from
        raise AppLoadError(f"{where}: error PYX101: syntax error: {exc.msg}{caret}{hint}") from None

    module_name = _module_name(path)
    module = ModuleType(module_name)
    module.__file__ = str(path.resolve())
    module.__pyx_app__ = True  # type: ignore[attr-defined] - a later load may replace it
    app_dir = str(path.resolve().parent)
    if app_dir not in sys.path:
        sys.path.insert(0, app_dir)  # so the app can import its sibling modules
    before = dict(State._pyx_registry)
    set_app_dir(path.parent)  # rx.get_upload_dir()'s default folder sits beside the app
    sys.modules[module_name] = module
    try:
        exec(code, module.__dict__)
    except Exception as exc:  # the user's code raised: report where, in their file
        del sys.modules[module_name]
        raise AppLoadError(_located(exc, path)) from None

    apps = [value for value in vars(module).values() if isinstance(value, App)]
    if not apps:
        raise AppLoadError(
            f"{shown}: no rx.App() found\nhint: add `app = rx.App()` and `app.add_page(index)` at the end of {path.name}"
        )
    app = vars(module).get("app") if isinstance(vars(module).get("app"), App) else apps[0]
    used = _app_modules(module, path.resolve().parent)
    _add_decorated_pages(app, used, path)
    if not app.pages:
        raise AppLoadError(f"{shown}: the app has no pages\nhint: add `app.add_page(index)` for a component function `index`, or decorate it with `@rx.page()`")
    # The States this load defined, and those of the app's own modules that it imports but that
    # were imported before (a module already in sys.modules does not run again, so its classes
    # register no second time).
    states = [cls for name, cls in State._pyx_registry.items()
              if before.get(name) is not cls or (cls.__module__ in used and getattr(used[cls.__module__], cls.__name__, None) is cls)]
    return LoadedApp(path, module, app, states, list(used.values()))


def _add_decorated_pages(app: App, modules: dict[str, ModuleType], path: Path) -> None:
    """`@rx.page` functions in the app's modules become pages (unless add_page already added them)."""
    added = {id(page.component) for page in app.pages.values()}
    functions = [value for module in modules.values() for value in vars(module).values()]
    for component, options in decorated_pages(functions):
        if id(component) in added:
            continue
        try:
            app.add_page(component, **options)
        except (TypeError, ValueError) as exc:
            raise AppLoadError(f"{path}: @rx.page on {component.__name__}(): {exc}") from None


def _app_modules(root: ModuleType, folder: Path) -> dict[str, ModuleType]:
    """The app module and the modules of its folder that it imports, directly or through each other."""
    found: dict[str, ModuleType] = {}
    pending = [root]
    while pending:
        module = pending.pop()
        if module.__name__ in found:
            continue
        found[module.__name__] = module
        for value in list(vars(module).values()):
            owner = value if isinstance(value, ModuleType) else sys.modules.get(getattr(value, "__module__", None) or "")
            filename = getattr(owner, "__file__", None)
            if owner is not None and filename and owner.__name__ not in found \
                    and Path(filename).resolve().is_relative_to(folder):
                pending.append(owner)
    return found


def _module_name(path: Path) -> str:
    """The file's stem, unless that would shadow another module (an app called json.py must
    not replace the json the server uses)."""
    stem = path.stem if path.stem.isidentifier() else "app"
    existing = sys.modules.get(stem)
    if existing is None or getattr(existing, "__pyx_app__", False):
        return stem
    return f"pyx_app_{stem}"


def _located(exc: BaseException, path: Path) -> str:
    """`app.py:12: NameError: ...`, pointing at the deepest frame in the user's file."""
    target = str(path.resolve())
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == target]
    message = f"{type(exc).__name__}: {exc}"
    if not frames:
        return f"{path}: error while importing the app: {message}"
    frame = frames[-1]
    source = f"\n    {frame.line}" if frame.line else ""
    return f"{path}:{frame.lineno}: error while importing the app: {message}{source}"
