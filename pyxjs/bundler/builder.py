"""`pyx build`: app.py -> dist/ (index.html, hashed assets, source maps, manifest).

Everything is written to a temporary folder beside the output and swapped in at the end,
so a failed build leaves the previous dist untouched and never half-written.
"""

from __future__ import annotations

import difflib
import gzip
import hashlib
import json
import os
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pyxjs
from pyxjs.bundler.app_assets import asset_files, asset_urls, copy_assets
from pyxjs.bundler.bundle import bundle, bundle_app
from pyxjs.bundler.css_prune import Scan, pruned_css
from pyxjs.bundler.errors import BuildError
from pyxjs.bundler.html import index_html
from pyxjs.bundler.lucide import deep_icon_imports, icon_files
from pyxjs.bundler.packages import APP_LOCK, merge_packages
from pyxjs.bundler.fingerprint import MANIFEST, input_hashes, toolchain_hash
from pyxjs.bundler.vendor import BASE_STYLES, VendorImports, ensure_vendor, write_shims
from pyxjs.bundler.workspace import Workspace, copy_if_changed
from pyxjs.components.cssgen import global_rules
from pyxjs.components.theme import Theme
from pyxjs.loader import AppLoadError, LoadedApp, load_app
from pyxjs.state.client import default_snapshot
from pyxjs.state.serialize import encode
from pyxjs.state.storage import client_storage_spec
from pyxjs.transpiler import CompileError, CompileErrors, JSModule, transpile
from pyxjs.transpiler.diagnostics import internal_error
from pyxjs.transpiler.missing_names import missing_rx_names
from pyxjs.transpiler.project import display_path

Log = Callable[[str], None]
DEFAULT_TITLE = "pyxjs app"  # a page's document title when it names none


def log_to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class BuiltFile:
    path: str  # relative to dist
    bytes: int
    gzip_bytes: int | None = None


@dataclass
class BuildResult:
    out_dir: Path
    files: list[BuiltFile] = field(default_factory=list)
    seconds: float = 0.0
    vendor_reused: bool = False  # the npm side came from .pyx/vendor/ (no esbuild run over the packages)

    @property
    def js_gzip_bytes(self) -> int:
        return sum(f.gzip_bytes or 0 for f in self.files if f.path.endswith(".js"))


def build(app_path: Path | None = None, out_dir: Path | None = None, log: Log = log_to_stderr) -> BuildResult:
    """Build the app at `app_path` (its file, its project folder, or None for the current folder)."""
    started = time.perf_counter()
    # Compile first: a compile error is reported before any npm install.
    loaded, modules, urls = compile_app(app_path, log)
    out_dir = Path(out_dir) if out_dir is not None else loaded.root / "dist"
    app_dir = loaded.root
    workspace = Workspace(app_dir / ".pyx")
    workspace.prepare(log, merge_packages(modules), app_dir / APP_LOCK)
    check_icons(workspace, modules)
    check_code_languages(workspace, modules)
    write_sources(workspace, loaded, modules)
    copy_local_components(workspace, modules)

    staging = out_dir.parent / f".{out_dir.name}.tmp-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        result = write_dist(workspace, loaded, modules, staging, urls, previous=out_dir)
        swap_in(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result.out_dir = out_dir
    result.seconds = time.perf_counter() - started
    return result


def compile_app(app_path: Path | None, log: Log = log_to_stderr) -> tuple[LoadedApp, list[JSModule], dict[str, str]]:
    """Everything a build checks without npm or esbuild: load the app (logging its config's
    warnings), compile its pages, find the Reflex names it uses that pyxjs lacks. Any problem is
    one BuildError listing them all. (`pyx migrate` runs this on the migrated project.)"""
    try:
        loaded = load_app(app_path)
    except AppLoadError as exc:
        raise BuildError(str(exc)) from None
    for warning in loaded.warnings:
        log(warning)
    errors: list[CompileError] = []
    modules: list[JSModule] = []
    try:
        urls = asset_urls(loaded)
        modules = transpile([page.component for page in loaded.app.pages.values()], root=Path.cwd(), asset_urls=urls)
    except CompileError as exc:
        errors = [exc]
    except CompileErrors as exc:
        errors = exc.errors
    except Exception as exc:  # a bug of pyxjs, never a raw traceback: where, and please report
        errors = [internal_error(exc, display_path(loaded.path, Path.cwd()), 1)]
    # Reflex names pyxjs lacks outside the components too (handlers, helpers), each once.
    reported = {(e.file, e.line, e.col) for e in errors}
    errors += [e for e in missing_rx_names(loaded.modules, lambda path: display_path(path, Path.cwd()))
               if (e.file, e.line, e.col) not in reported]
    if errors:
        raise BuildError(CompileErrors(errors).format() if len(errors) > 1 else errors[0].format())
    return loaded, modules, urls


def is_split_build(modules: list[JSModule]) -> bool:
    """A dynamic rx.icon loads lucide's whole set lazily, in a chunk esbuild splits off: such a
    build bundles everything in one esbuild run (the vendor bundle cannot split across its join)."""
    return any(module.lazy_icons for module in modules)


def sources_dir(workspace: Workspace, modules: list[JSModule]) -> Path:
    """Where the app's modules go: beside the vendor's shims, or beside the real runtime for a
    split build."""
    return workspace.src if is_split_build(modules) else workspace.app


def write_sources(workspace: Workspace, loaded: LoadedApp, modules: list[JSModule]) -> None:
    wanted = {module.filename: module.code for module in modules}
    if is_split_build(modules):  # a code-split build: see bundler/lucide.py
        files = icon_files(workspace.node_modules)
        wanted = {module.filename: deep_icon_imports(module.code, files) for module in modules}
    folder = sources_dir(workspace, modules)
    wanted["main.jsx"] = main_module(loaded, modules, folder, vendor_styles=folder == workspace.app)
    wanted["styles.gen.css"] = generated_css(loaded, modules)
    folder.mkdir(parents=True, exist_ok=True)
    for name, code in wanted.items():
        target = folder / name
        if not target.is_file() or target.read_text(encoding="utf-8") != code:
            target.write_text(code, encoding="utf-8")
    for other in (workspace.src, workspace.app):  # stale modules, and those of the other kind of build
        for stale in [*other.glob("*.jsx"), *other.glob("*.css")]:
            if other != folder or stale.name not in wanted:
                stale.unlink()


def copy_local_components(workspace: Workspace, modules: list[JSModule]) -> None:
    """The app's .jsx components go to src/local/ beside the generated modules (which import
    them as "./local/<name>"), so their own npm imports resolve from the workspace's node_modules."""
    wanted: dict[str, Path] = {}
    for module in modules:
        for source in map(Path, module.local_files):
            other = wanted.setdefault(source.name, source)
            if other != source:
                raise BuildError(f"error: two wrapped components come from files named {source.name}: {other} and "
                                 f"{source}\nhint: rename one of them (the build keeps them side by side)")
    folder = workspace.src / "local"
    for name, source in wanted.items():
        copy_if_changed(source, folder / name)
    for stale in folder.glob("*") if folder.is_dir() else ():
        if stale.name not in wanted:
            stale.unlink()


def main_module(loaded: LoadedApp, modules: list[JSModule], folder: Path, vendor_styles: bool = True) -> str:
    """The entry: styles, each page's component, its route, and the States' initial values."""
    by_function = {key: module for module in modules for key in module.exported}
    needs_theme = any(module.needs_theme for module in modules)
    # Radix's and the runtime's stylesheets come with the vendor bundle (vendor.BASE_STYLES), if any.
    styles = [] if vendor_styles else [f"import {json.dumps(sheet)};" for sheet in BASE_STYLES]
    lines = [f'import {{ start{", Theme" if needs_theme else ""} }} from "./runtime/index.js";',
             *styles, 'import "./styles.gen.css";']
    routes = []
    for index, page in enumerate(loaded.app.pages.values()):
        module = by_function[id(page.component)]
        export = module.exported[id(page.component)]
        lines.append(f'import {{ {export} as Page{index} }} from "./{module.filename}";')
        routes.append(f"{json.dumps(page.route)}: Page{index}")
    try:
        initial = encode(default_snapshot(loaded.states, initial=True))
    except TypeError as exc:
        raise BuildError(f"error: {exc}") from None
    storage = client_storage_spec(loaded.states)  # which vars the page reads from and writes to storage
    extra = f", clientStorage: createClientStorage({encode(storage)})" if storage else ""
    if storage:
        lines.insert(1, 'import { createClientStorage } from "./runtime/clientStorage.js";')
    theme = loaded.app.theme.js_props()
    extra += f", theme: {json.dumps(theme)}" if theme else ""
    extra += ", Root: Theme" if needs_theme else ""
    if uses_toasts(loaded, modules):
        lines.insert(1, 'import { Toaster } from "./runtime/toast.js";')
        extra += ", Toaster"
    if names_in_app(loaded, modules, _CLIENT_VARS):  # a handler may push to or retrieve a ClientStateVar
        lines.insert(1, 'import { installClientVarActions } from "./runtime/clientVars.js";')
        lines.append("installClientVarActions();")
    for sheet in local_stylesheets(loaded):  # bundled into the hashed CSS, after ours so they win
        lines.append(f"import {json.dumps(Path(os.path.relpath(sheet, start=folder)).as_posix())};")
    pages = loaded.app.pages.values()
    if any(page.title for page in pages):  # the title follows client-side moves between pages
        extra += f", titles: {json.dumps({page.route: page.title or DEFAULT_TITLE for page in pages})}"
    lines.append(f"start({{ routes: {{ {', '.join(routes)} }}, initialState: {initial}{extra} }});")
    return "\n".join(lines) + "\n"


def local_stylesheets(loaded: LoadedApp) -> list[Path]:
    """rx.App(stylesheets=["/styles.css"]): files in the app's assets/ folder (URLs are linked instead)."""
    assets = loaded.root / "assets"
    sheets = []
    for name in loaded.app.stylesheets:
        if is_url(name):
            continue
        path = (assets / name.lstrip("/")).resolve()
        if not path.is_relative_to(assets.resolve()) or not path.is_file():
            raise BuildError(f"error: rx.App(stylesheets=[{name!r}]): no file {path}; put it in {assets}/")
        sheets.append(path)
    return sheets


def is_url(name: str) -> bool:
    return name.startswith(("http://", "https://", "//"))


def uses_toasts(loaded: LoadedApp, modules: list[JSModule]) -> bool:
    """Whether any of the app's Python files names rx.toast (a handler may return one): only then
    does the page mount the toaster and ship its code."""
    return names_in_app(loaded, modules, re.compile(r"\btoast\b"))


_CLIENT_VARS = re.compile(r"\b(ClientStateVar|client_state)\b")


def names_in_app(loaded: LoadedApp, modules: list[JSModule], pattern: re.Pattern[str]) -> bool:
    """Whether any of the app's Python files (pages' and States') has a match of `pattern`."""
    files = {Path(m.source_path) for m in modules} | {loaded.path.resolve()}
    for cls in loaded.states:
        source = getattr(sys.modules.get(cls.__module__), "__file__", None)
        if source:
            files.add(Path(source))
    return any(pattern.search(path.read_text(encoding="utf-8", errors="replace")) for path in files if path.is_file())


def generated_css(loaded: LoadedApp, modules: list[JSModule]) -> str:
    """The app's own CSS: rx.App(style=...) and the classes of pseudo-state and responsive styles."""
    try:
        app_style = global_rules(loaded.app.style, component_selector)
    except (TypeError, ValueError) as exc:
        raise BuildError(f"error: {exc}") from None
    return "\n".join(part for part in [app_style, *(m.css for m in modules)] if part) + "\n"


# The element our adapters render Radix's class on (rx.link is Radix's Link underneath).
ADAPTER_CLASSES = {"PyxLink": ".rt-Link", "PyxInput": ".rt-TextFieldRoot", "PyxTextArea": ".rt-TextAreaRoot",
                   "PyxSelect": ".rt-SelectTrigger", "PyxCheckbox": ".rt-CheckboxRoot",
                   "PyxRadioGroup": ".rt-RadioGroupRoot", "PyxCallout": ".rt-CalloutRoot", "PyxForm": "form"}


def component_selector(key: object) -> str:
    """rx.App(style={rx.text: {...}}): the Radix class of a core component, or an HTML tag."""
    spec = getattr(key, "_pyx_spec", None)
    if spec is not None and spec.intrinsic:
        return spec.js_name
    if spec is not None and spec.js_name in ADAPTER_CLASSES:
        return ADAPTER_CLASSES[spec.js_name]
    if spec is not None and spec.js_name.isidentifier():
        return f".rt-{spec.js_name}"
    raise TypeError(f"rx.App(style=...): cannot style {key!r} by type; use a CSS selector string or class_name")


def check_icons(workspace: Workspace, modules: list[JSModule]) -> None:
    """Every rx.icon name is one lucide-react exports: a clear error instead of esbuild's."""
    wanted = {icon for module in modules for icon in module.icons}
    if not wanted:
        return
    known = set(icon_files(workspace.node_modules))
    missing = sorted(wanted - known)
    if missing:
        lines = []
        for name in missing:
            close = difflib.get_close_matches(name, known, n=3)
            lines.append(f"error: rx.icon: lucide has no icon `{name}`"
                         + (f"; did you mean {', '.join(f'`{c}`' for c in close)}?" if close else ""))
        raise BuildError("\n".join(lines) + "\nhint: icon names are lucide's, "
                         "written as in Reflex: rx.icon(\"arrow-right\")")


def check_code_languages(workspace: Workspace, modules: list[JSModule]) -> None:
    """Every rx.code_block language is a grammar Prism has: a clear error instead of esbuild's."""
    folder = workspace.node_modules / "react-syntax-highlighter" / "dist" / "esm" / "languages" / "prism"
    prefix = "react-syntax-highlighter/dist/esm/languages/prism/"
    wanted = sorted({p[len(prefix):].removesuffix(".js") for m in modules for p in m.npm_imports if p.startswith(prefix)})
    missing = [name for name in wanted if not (folder / f"{name}.js").is_file()]
    if missing:
        known = [p.stem for p in folder.glob("*.js")]
        lines = []
        for name in missing:
            close = difflib.get_close_matches(name, known, n=3)
            lines.append(f"error: rx.code_block: Prism has no language `{name}`"
                         + (f"; did you mean {', '.join(f'`{c}`' for c in close)}?" if close else ""))
        raise BuildError("\n".join(lines))


def colors_named(modules: list[JSModule], theme: Theme) -> set[str] | None:
    """The Radix colors pages can show: the theme's, and every literal color_scheme (None: any)."""
    colors = {theme.accent_color, theme.resolved_gray, "gray"}
    for module in modules:
        if module.colors is None or "$color(" in module.code:  # a color picked in the browser
            return None
        colors |= module.colors
        colors |= set(re.findall(r"var\(--([a-z]+)-a?\d", module.code))  # rx.color(...) and CSS strings
    return colors


def write_dist(workspace: Workspace, loaded: LoadedApp, modules: list[JSModule], staging: Path,
               urls: dict[str, str], previous: Path) -> BuildResult:
    assets = staging / "assets"
    splitting = is_split_build(modules)
    main = sources_dir(workspace, modules) / "main.jsx"
    vendor = None
    if splitting:
        meta = bundle(workspace.esbuild_binary(), main, assets, workspace.root / "meta.json", splitting=True)
    else:
        imports = VendorImports.of_modules([main.read_text(encoding="utf-8"), *(m.code for m in modules)], workspace.src)
        local_files = sorted((workspace.src / "local").glob("*")) if (workspace.src / "local").is_dir() else []
        vendor = ensure_vendor(workspace, imports, local_files)
        write_shims(workspace.app, imports, vendor)
        meta = bundle_app(workspace.esbuild_binary(), main, assets, workspace.root / "meta.json")
    js_file = app_css = None
    for output, info in meta["outputs"].items():
        name = Path(output).name
        # main.jsx's output (a split build's lazy chunks have entry points of their own)
        if info.get("entryPoint", "").endswith("main.jsx") and name.endswith(".js"):
            js_file = name
            app_css = Path(info["cssBundle"]).name if info.get("cssBundle") else None
    if js_file is None:
        raise BuildError("error: esbuild produced no JavaScript entry file")
    colors = colors_named(modules, loaded.app.theme)
    if vendor is not None:
        scan = vendor.scan() | Scan.of(app_code(meta, assets / js_file))
        css_file = write_css(assets, vendor.css, vendor.folder.name, app_css, scan, colors, workspace.root / "css-cache")
    elif app_css is not None:  # every JS file: a split build's chunks may hold class names too
        js_text = "\n".join((assets / Path(output).name).read_text(encoding="utf-8")
                            for output in meta["outputs"] if output.endswith(".js"))
        css = assets / app_css
        key = hashlib.sha256(css.read_bytes()).hexdigest()
        css_file = write_css(assets, css, key, None, Scan.of(js_text), colors, workspace.root / "css-cache")
    else:
        css_file = None
    first_page = next(iter(loaded.app.pages.values()))
    copy_assets(loaded, staging, urls)
    (staging / "index.html").write_text(
        index_html(first_page.title or DEFAULT_TITLE, f"/assets/{js_file}", f"/assets/{css_file}" if css_file else None,
                   tuple(s for s in loaded.app.stylesheets if is_url(s)), module=splitting),
        encoding="utf-8",
    )
    result = BuildResult(staging, vendor_reused=vendor is not None and vendor.reused)
    for path in sorted(staging.rglob("*")):
        if not path.is_file():
            continue
        gz = None
        if path.suffix in (".js", ".css"):
            gz = write_gzip(path, previous / path.relative_to(staging))
        result.files.append(BuiltFile(path.relative_to(staging).as_posix(), path.stat().st_size, gz))
    manifest = {
        "pyxjs": pyxjs.__version__,
        "routes": {p.route: {"component": p.component.__name__, "title": p.title} for p in loaded.app.pages.values()},
        "states": {cls._pyx_name: sorted(cls._pyx_vars) for cls in loaded.states},
        "entry": {"js": f"assets/{js_file}", "css": f"assets/{css_file}" if css_file else None},
        "files": {f.path: {"bytes": f.bytes, "gzip_bytes": f.gzip_bytes} for f in result.files},
        "inputs": input_hashes([Path(m.source_path) for m in modules] + app_python_files(loaded) + asset_files(loaded)
                               + [Path(f) for m in modules for f in m.local_files] + app_lock(loaded),
                               loaded.root),
        "toolchain": toolchain_hash(),
    }
    (staging / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    result.files.append(BuiltFile(MANIFEST, (staging / MANIFEST).stat().st_size))
    return result


def write_gzip(path: Path, previous: Path) -> int:
    """The .gz sibling, taken from the previous dist when the file is the same (names are content
    hashes, so an edit that changes no CSS keeps the CSS), else compressed (gzip -9)."""
    data = path.read_bytes()
    target = path.with_name(path.name + ".gz")
    old_gz = previous.with_name(previous.name + ".gz")
    if old_gz.is_file() and previous.is_file() and previous.read_bytes() == data:
        shutil.copyfile(old_gz, target)
    else:
        target.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return target.stat().st_size


def app_code(meta: dict, js_file: Path) -> str:
    """The app's own part of the bundled script (plus a margin of the vendor's): esbuild writes the
    modules in evaluation order, the vendor bundle first, so the app's modules are its tail."""
    text = js_file.read_text(encoding="utf-8")
    output = next(info for name, info in meta["outputs"].items() if Path(name).name == js_file.name)
    shims_and_vendor = ("..", "runtime/", "local/", "node_modules/")
    app_bytes = sum(info["bytesInOutput"] for name, info in output["inputs"].items() if not name.startswith(shims_and_vendor))
    return text[-(app_bytes + 1024):]


def write_css(assets: Path, radix_css: Path, css_key: str, app_css: str | None, scan: Scan,
              colors: set[str] | None, cache: Path) -> str:
    """One stylesheet: `radix_css` (the vendor's: Radix's, the runtime's, the wrapped packages'; or
    a split build's whole bundle), pruned to what the bundle can use, then the app's own, whose
    rules come later and so win. Named by its hash; esbuild's CSS outputs and their maps go."""
    css = pruned_css(radix_css, css_key, scan, colors, cache)
    outputs = [radix_css] if radix_css.parent == assets else []
    if app_css is not None:
        css += "\n" + (assets / app_css).read_text(encoding="utf-8")
        outputs.append(assets / app_css)
    for output in outputs:
        output.unlink()
        output.with_name(f"{output.name}.map").unlink(missing_ok=True)  # it would point into the unpruned file
    name = f"main-{hashlib.sha256(css.encode()).hexdigest()[:8].upper()}.css"
    (assets / name).write_text(css, encoding="utf-8")
    return name


def app_python_files(loaded: LoadedApp) -> list[Path]:
    """The app's own Python files, rxconfig.py included: a change to any (a State default, a
    handler, a config option) makes `pyx run` build again."""
    files = [loaded.path.resolve()] + [Path(m.__file__).resolve() for m in loaded.modules if getattr(m, "__file__", None)]
    if loaded.config is not None and (loaded.root / "rxconfig.py").is_file():
        files.append(loaded.root / "rxconfig.py")
    return files


def app_lock(loaded: LoadedApp) -> list[Path]:
    lock = loaded.root / APP_LOCK
    return [lock] if lock.is_file() else []


def swap_in(staging: Path, out_dir: Path) -> None:
    old = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
    if out_dir.exists():
        out_dir.rename(old)
    try:
        staging.rename(out_dir)
    except OSError:
        if old.exists():
            old.rename(out_dir)  # put the previous build back rather than leave no dist at all
        raise
    shutil.rmtree(old, ignore_errors=True)


def describe(result: BuildResult, cwd: Path | None = None) -> list[str]:
    """esbuild-style listing: each output with its size, then the total time."""
    cwd = cwd or Path.cwd()
    try:
        base = result.out_dir.resolve().relative_to(cwd.resolve())
    except ValueError:
        base = result.out_dir
    shown = [f for f in result.files if not f.path.endswith(".gz")]
    names = [str(base / f.path) for f in shown]
    width = max(len(n) for n in names) + 2
    lines = []
    for name, f in zip(names, shown):
        gz = f"  (gzip {_size(f.gzip_bytes)})" if f.gzip_bytes else ""
        lines.append(f"  {name.ljust(width)}{_size(f.bytes):>9}{gz}")
    lines.append(f"built in {result.seconds * 1000:.0f}ms")
    return lines


def _size(n: int | None) -> str:
    if n is None:
        return ""
    return f"{n / 1024:.1f}kb" if n >= 1024 else f"{n}b"
