"""Importing a user's app: the App, its pages and its State classes, or a located error.

Shared by the build and the server, so it imports no compiler. Where the app is and how it is
imported (a single file, or a Reflex project's package) is pyxjs/layout.py's business.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from pyxjs.app import App, decorated_pages
from pyxjs.config import Config, set_config
from pyxjs.layout import AppLayout, locate
from pyxjs.load_errors import AppLoadError, is_project_file, located
from pyxjs.state.base import State
from pyxjs.upload_dir import set_app_dir

__all__ = ["AppLoadError", "LoadedApp", "load_app", "read_config"]


@dataclass
class LoadedApp:
    path: Path  # the file that defines `app`
    module: ModuleType
    app: App
    states: list[type[State]]
    modules: list[ModuleType] = field(default_factory=list)  # the app module and its siblings it imports
    root: Path | None = None  # the project folder (dist/, .pyx/, assets/); the file's folder by default
    config: Config | None = None  # rxconfig.py's rx.Config, when the project has one
    warnings: list[str] = field(default_factory=list)  # what the project asks for that pyxjs ignores

    def __post_init__(self) -> None:
        if self.root is None:
            self.root = self.path.resolve().parent


def load_app(target: Path | str | None = None) -> LoadedApp:
    """Load the app named by `target`: its file, its project folder, or None for the current folder."""
    layout = locate(target)
    shown = _shown_entry(target, layout)
    config = read_config(layout)
    set_config(config)
    before = dict(State._pyx_registry)
    set_app_dir(layout.root)  # rx.get_upload_dir()'s default folder sits in the project folder
    if str(layout.root) in sys.path:
        sys.path.remove(str(layout.root))
    sys.path.insert(0, str(layout.root))  # first, so the app's own modules win over another project's
    if layout.module is None:
        module = _exec_single_file(layout.entry, shown)
        used = _app_modules(module, layout.root)
    else:
        module = _import_package_module(layout, shown)
        used = _package_modules(layout)
    apps = [value for value in vars(module).values() if isinstance(value, App)]
    if not apps:
        raise AppLoadError(
            f"{shown}: no rx.App() found\nhint: add `app = rx.App()` and `app.add_page(index)` at the end of {layout.entry.name}"
        )
    app = vars(module).get("app") if isinstance(vars(module).get("app"), App) else apps[0]
    _apply_config(app, config)
    _add_decorated_pages(app, used, shown)
    if not app.pages:
        raise AppLoadError(f"{shown}: the app has no pages\nhint: add `app.add_page(index)` for a component function "
                           "`index`, or decorate it with `@rx.page()` in any module the app imports")
    # The States this load defined, and those of the app's own modules that it imports but that
    # were imported before (a module already in sys.modules does not run again, so its classes
    # register no second time).
    states = [cls for name, cls in State._pyx_registry.items()
              if before.get(name) is not cls or (cls.__module__ in used and getattr(used[cls.__module__], cls.__name__, None) is cls)]
    warnings = [f"rxconfig.py: warning: {note}" for note in config.warnings()] if config is not None else []
    return LoadedApp(Path(shown), module, app, states, list(used.values()), layout.root, config, warnings)


def _shown_entry(target: Path | str | None, layout: AppLayout) -> Path:
    """The entry file as messages name it: as the user spelled it, else relative to the working folder."""
    return Path(target) if target is not None and Path(target).is_file() else _relative(layout.entry)


def read_config(layout: AppLayout) -> Config | None:
    """Runs rxconfig.py as the module `rxconfig` (apps may `import rxconfig`) and returns its rx.Config."""
    if layout.rxconfig is None:
        return None
    path = layout.rxconfig
    code = _compile(path, path)
    module = ModuleType("rxconfig")
    module.__file__ = str(path)
    sys.modules["rxconfig"] = module
    try:
        exec(code, module.__dict__)
    except Exception as exc:
        del sys.modules["rxconfig"]
        hint = ""
        if isinstance(exc, ModuleNotFoundError) and (exc.name or "").split(".")[0] == "reflex":
            hint = "\nhint: run `pyx migrate` to move the project's imports from reflex to pyxjs"
        raise AppLoadError(located(exc, path) + hint) from None
    configs = [value for value in vars(module).values() if isinstance(value, Config)]
    if not configs:
        raise AppLoadError(f"{path}: no rx.Config found\nhint: rxconfig.py names the app's package: "
                           "`import pyxjs as rx` then `config = rx.Config(app_name=\"shop\")`")
    return vars(module).get("config") if isinstance(vars(module).get("config"), Config) else configs[0]


def _apply_config(app: App, config: Config | None) -> None:
    """rxconfig.py's state manager and Redis URL, unless rx.App(...) chose its own."""
    if config is None:
        return
    if app.state_manager is None and config.state_manager_mode:
        app.state_manager = config.state_manager_mode
    if app.redis_url is None and config.redis_url:
        app.redis_url = config.redis_url
        if app.state_manager is None:  # Reflex uses Redis whenever a redis_url is set
            app.state_manager = "redis"


def _compile(path: Path, shown: Path):
    try:
        source = path.read_bytes()
    except OSError as exc:
        raise AppLoadError(f"{shown}: cannot read it: {exc.strerror or exc}") from None
    try:
        return compile(source, str(path.resolve()), "exec", dont_inherit=True)
    except SyntaxError as exc:
        raise AppLoadError(_syntax_error(exc, shown)) from None


def _syntax_error(exc: SyntaxError, shown: Path | str) -> str:
    """PYX101 as the transpiler spells it, so a build's errors read alike wherever they come from."""
    where = f"{shown}:{exc.lineno}:{exc.offset}" if exc.lineno else str(shown)
    line = (exc.text or "").rstrip("\n")
    caret = f"\n    {line}\n    {' ' * max((exc.offset or 1) - 1, 0)}^" if line else ""
    hint = ("\nhint: `await` needs an `async def` event handler; components are plain functions "
            "that read State" if "await" in (exc.msg or "") else "")
    return f"{where}: error PYX101: syntax error: {exc.msg}{caret}{hint}"


def _exec_single_file(path: Path, shown: Path) -> ModuleType:
    """A lone app file runs afresh as a top-level module named after it."""
    code = _compile(path, shown)
    module_name = _module_name(path)
    module = ModuleType(module_name)
    module.__file__ = str(path.resolve())
    module.__pyx_app__ = True  # type: ignore[attr-defined] - a later load may replace it
    sys.modules[module_name] = module
    try:
        exec(code, module.__dict__)
    except Exception as exc:  # the user's code raised: report where, in their file
        del sys.modules[module_name]
        raise AppLoadError(_with_hint(located(exc, shown), exc)) from None
    return module


def _import_package_module(layout: AppLayout, shown: Path) -> ModuleType:
    """`shop.shop` imported as Reflex imports it: the package first, relative imports working.
    The project's modules from an earlier load are dropped first, so each load runs the code as
    it is on disk now (as a single-file app's does)."""
    _forget_project_modules(layout)
    importlib.invalidate_caches()
    try:
        return importlib.import_module(layout.module)
    except SyntaxError as exc:  # in the app module or another module of the project
        _forget_project_modules(layout)
        file = Path(exc.filename or layout.entry)
        raise AppLoadError(_syntax_error(exc, shown if file.resolve() == layout.entry else _relative(file))) from None
    except Exception as exc:
        _forget_project_modules(layout)
        raise AppLoadError(_with_hint(located(exc, shown, layout.root), exc)) from None


def _relative(file: Path) -> Path:
    try:
        return file.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return file


def _forget_project_modules(layout: AppLayout) -> None:
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if name == layout.package or name.startswith(f"{layout.package}.") \
                or (file and name != "rxconfig" and is_project_file(Path(file), layout.root)):
            del sys.modules[name]


def _package_modules(layout: AppLayout) -> dict[str, ModuleType]:
    """Every module of the project that loading the app imported (pages may sit in any of them)."""
    return {name: module for name, module in list(sys.modules.items())
            if name != "rxconfig" and getattr(module, "__file__", None)
            and is_project_file(Path(module.__file__), layout.root)}


def _with_hint(message: str, exc: BaseException) -> str:
    missing = (exc.name or "").split(".")[0] if isinstance(exc, ModuleNotFoundError) else ""
    if missing == "reflex":
        return message + "\nhint: run `pyx migrate` to move the project's imports from reflex to pyxjs"
    if missing.startswith("reflex_"):
        return message + (f"\nhint: {missing} is a component package written for Reflex's own compiler; pyxjs "
                          "cannot load it: use pyxjs's rx.* components instead, or wrap the npm package it "
                          "wraps with `pyx wrap`")
    if isinstance(exc, ImportError) and "no known parent package" in str(exc):
        return message + ("\nhint: a relative import needs the app to be part of a package: lay the project out as "
                          "Reflex does (rxconfig.py beside shop/__init__.py and shop/shop.py) and run pyx from there")
    return message


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
