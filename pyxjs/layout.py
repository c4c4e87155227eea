"""Where an app is: its entry file, its project folder and the module name it is imported as.

Two layouts are understood:
- a single file (`app.py` defining `app = rx.App()`), run as a top-level module named after it,
  with its folder as the project folder;
- a Reflex project: `rxconfig.py` (`config = rx.Config(app_name="shop")`) beside a package
  `shop/` whose `shop/shop.py` defines `app`, imported as `shop.shop` with the project folder on
  `sys.path`, so relative imports and `from shop.x import y` work as under Reflex. A file inside a
  package (a folder with `__init__.py`) is imported the same way even without rxconfig.py.

`pyx build`, `pyx run` and the others take the app as that file, as the project folder, or as
nothing (the current folder). Nothing here runs the user's code: `app_name` is read from
rxconfig.py's syntax tree (the loader runs rxconfig.py itself when it loads the app).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from pyxjs.load_errors import AppLoadError

RXCONFIG = "rxconfig.py"
SINGLE_FILE_NAMES = ("app.py", "main.py")  # what a folder without rxconfig.py may hold


@dataclass(frozen=True)
class AppLayout:
    entry: Path  # the file that defines `app` (absolute)
    root: Path  # the project folder: dist/, .pyx/, assets/ and uploaded_files/ live here (absolute)
    module: str | None  # "shop.shop" for an app in a package; None for a single file
    rxconfig: Path | None  # the project's rxconfig.py, when it has one

    @property
    def package(self) -> str | None:
        """The top-level package the app lives in (`shop`), whose modules are the app's own."""
        return self.module.split(".")[0] if self.module else None


def locate(target: Path | str | None = None) -> AppLayout:
    """The layout of the app named by `target`: a file, a folder, or None for the current folder."""
    target = Path(target) if target is not None else Path.cwd()
    if target.is_dir():
        return _from_folder(target)
    if not target.is_file():
        raise AppLoadError(f"{target}: no such file or folder\nhint: pass your app's Python file (`pyx build app.py`), "
                           "or its project folder holding rxconfig.py (`pyx build .`)")
    if target.suffix != ".py":
        raise AppLoadError(f"{target}: not a Python file\nhint: pass your app's .py file, or its project folder")
    return _from_file(target.resolve())


def project_root(app_path: Path | str) -> Path:
    """The project folder of the app at `app_path` (a file or a folder)."""
    return locate(app_path).root


def _from_folder(folder: Path) -> AppLayout:
    folder = folder.resolve()
    config = folder / RXCONFIG
    if config.is_file():
        app_name, module = read_app_module(config)
        entry = _module_file(folder, module)
        if entry is None:
            shown = "/".join(module.split(".")) + ".py"
            raise AppLoadError(f"{config}: rx.Config(app_name={app_name!r}) names the module {module}, but there is no "
                               f"{folder / shown}\nhint: the app lives in {app_name}/{app_name}.py beside rxconfig.py "
                               "(as `reflex init` lays it out), or set app_name to your app package's name")
        return AppLayout(entry, folder, module, config)
    for name in SINGLE_FILE_NAMES:
        if (folder / name).is_file():
            return _from_file(folder / name)
    raise AppLoadError(f"{folder}: no rxconfig.py and no {' or '.join(SINGLE_FILE_NAMES)} here\n"
                       "hint: run pyx in your project's folder (the one holding rxconfig.py), or pass the app's "
                       "file: `pyx build path/to/app.py`")


def _from_file(entry: Path) -> AppLayout:
    for folder in entry.parents:
        if (folder / RXCONFIG).is_file():
            module = _dotted(entry, folder)
            if module is not None and "." in module:
                return AppLayout(entry, folder, module, folder / RXCONFIG)
            if module is not None:  # rxconfig.py beside a lone app file: a single-file app
                return AppLayout(entry, folder, None, folder / RXCONFIG)
            break
    # No rxconfig.py above it: a file in a package is still imported as part of its package.
    top = entry.parent
    while (top / "__init__.py").is_file():
        top = top.parent
    if top != entry.parent:
        module = _dotted(entry, top)
        if module is not None:
            return AppLayout(entry, top, module, None)
    return AppLayout(entry, entry.parent, None, None)


def read_app_module(config: Path) -> tuple[str, str]:
    """(app_name, the app's module) from rxconfig.py's `rx.Config(app_name="shop", app_module_import=...)`."""
    try:
        tree = ast.parse(config.read_bytes(), str(config))
    except SyntaxError as exc:
        raise AppLoadError(f"{config}:{exc.lineno}: error PYX101: syntax error: {exc.msg}") from None
    for node in ast.walk(tree):
        # rx.Config(...), or a subclass of it called with app_name=
        if not (isinstance(node, ast.Call) and ((_callee_name(node.func) or "").endswith("Config")
                                                or any(kw.arg == "app_name" for kw in node.keywords))):
            continue
        options = {kw.arg: kw.value for kw in node.keywords if kw.arg}
        name_node = options.get("app_name", node.args[0] if node.args else None)
        if not (isinstance(name_node, ast.Constant) and isinstance(name_node.value, str)):
            raise AppLoadError(f"{config}:{node.lineno}: rx.Config(...) needs app_name as a string literal, "
                               "e.g. rx.Config(app_name=\"shop\")\nhint: pyxjs reads it to find your app before "
                               "running any of its code")
        app_name = name_node.value
        module_node = options.get("app_module_import")
        module = f"{app_name}.{app_name}"
        if isinstance(module_node, ast.Constant) and isinstance(module_node.value, str):
            module = module_node.value
        if not all(part.isidentifier() for part in module.split(".")):
            raise AppLoadError(f"{config}:{node.lineno}: rx.Config(app_name={app_name!r}): not a Python module name\n"
                               "hint: app_name is the name of the app's package folder, e.g. app_name=\"shop\"")
        return app_name, module
    raise AppLoadError(f"{config}: no `config = rx.Config(app_name=...)` found\n"
                       "hint: rxconfig.py names the app's package: config = rx.Config(app_name=\"shop\")")


def _callee_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else None


def _module_file(root: Path, module: str) -> Path | None:
    base = root.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _dotted(entry: Path, root: Path) -> str | None:
    parts = entry.relative_to(root).with_suffix("").parts
    if parts and parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts) if parts and all(part.isidentifier() for part in parts) else None
