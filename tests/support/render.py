"""Renders an app's pages two ways and compares: in node (the transpiled JSX through the real
runtime and React 19's renderToStaticMarkup) and in Python (the same component functions run by
CPython with the State's vars set to the same values). The text a page shows must match, and so
must the exception type when one is raised: that is the proof the transpiler keeps Python's
meaning, where a golden file only shows that the output did not change.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from types import SimpleNamespace
from pathlib import Path
from typing import Any

from pyxjs.bundler.node import find_node_tools
from pyxjs.bundler.workspace import Workspace
from pyxjs.components import Component
from pyxjs.loader import LoadedApp, load_app
from pyxjs.state.base import VarRef
from pyxjs.state.client import default_snapshot
from pyxjs.state.convert import converter_for
from pyxjs.state.float_marks import float_table, int_vars
from pyxjs.state.key_order import order_table
from pyxjs.state.serialize import encode
from pyxjs.transpiler import transpile

ROOT = Path(__file__).resolve().parents[2]
WORKSPACE = ROOT / ".pytest_cache" / "pyx-node"
_TAG = re.compile(r"<[^>]*>")


@dataclass
class Outcome:
    text: str | None = None  # what the page shows
    error: str | None = None  # the exception type, when rendering raised
    detail: str = ""
    markup: str = ""  # the HTML React rendered (the browser side only), for attribute checks

    def same_as(self, other: "Outcome") -> bool:
        return (self.text, self.error) == (other.text, other.error)

    def __str__(self) -> str:
        return f"raises {self.error} ({self.detail})" if self.error else repr(self.text)


class NeedsNpmPackages(Exception):
    """A case whose page imports npm packages beyond pyxjs's own: node cannot render it here."""


def workspace() -> Workspace:
    ws = Workspace(WORKSPACE)
    ws.prepare(lambda message: print(message, file=sys.stderr))
    return ws


# -- Python's own answer --------------------------------------------------------------------
def python_text(value: Any) -> str:
    """What a child shows, by the rules the transpiler implements (docs/python-semantics.md)."""
    if value is None:
        return ""
    if isinstance(value, Component):
        return "".join(python_text(child) for child in value.children)
    if isinstance(value, (list, tuple)) and all(v is None or isinstance(v, Component) for v in value) and \
            (not value or any(isinstance(v, Component) for v in value)):
        return "".join(python_text(v) for v in value)
    return str(value)


class _ReflexCast:
    def to(self, *types: Any) -> Any:
        return self  # Reflex's `.to(T)`: a cast, the same value


class _ReflexList(_ReflexCast, list):
    """A list var as Reflex apps use it: Reflex's Var operations next to list's own methods."""

    def length(self) -> int:
        return len(self)

    def contains(self, item: Any) -> bool:
        return item in self

    def join(self, sep: str = "") -> str:
        return sep.join(self)

    def to_string(self) -> str:
        return json.dumps(self, separators=(",", ":"), ensure_ascii=False)


class _ReflexStr(_ReflexCast, str):
    def length(self) -> int:
        return len(self)

    def contains(self, item: Any) -> bool:
        return item in self


class _ReflexDict(_ReflexCast, dict):
    def length(self) -> int:
        return len(self)

    def contains(self, key: Any) -> bool:
        return key in self

    def to_string(self) -> str:
        return json.dumps(self, separators=(",", ":"), ensure_ascii=False)


def reflex_value(value: Any) -> Any:
    """The State value as Python sees it in a component, with Reflex's Var operations."""
    if type(value) is list:
        return _ReflexList(reflex_value(v) for v in value)
    if type(value) is str:
        return _ReflexStr(value)
    if type(value) is dict:
        return _ReflexDict((k, reflex_value(v)) for k, v in value.items())
    if type(value) is int:
        return _ReflexInt(value)
    if type(value) is float:
        return _ReflexFloat(value)
    return value


class _ReflexInt(_ReflexCast, int):
    pass


class _ReflexFloat(_ReflexCast, float):
    pass


_ROUTER_AT_ROOT = SimpleNamespace(page=SimpleNamespace(
    path="/", raw_path="/", params={}, host="", full_path="/", full_raw_path="/"))


def python_render(loaded: LoadedApp, page: Any, state: dict[str, dict[str, Any]]) -> Outcome:
    saved: list[tuple[type, str]] = []
    by_name = {cls._pyx_name: cls for cls in loaded.states}
    for cls in loaded.states:  # `State.router.page.path` in a component: the page at "/", as node renders it
        cls.router = _ROUTER_AT_ROOT
    try:
        for state_name, values in state.items():
            cls = by_name[state_name]
            for var, value in values.items():
                declared = cls._pyx_vars.get(var)
                if declared is not None and not getattr(declared, "computed", False):
                    value = converter_for(declared.type)(value)  # a dataclass var gets its dataclass
                setattr(cls, var, reflex_value(value))
                saved.append((cls, var))
        try:
            result = page()
        except Exception as exc:  # the page raises in Python: the browser must raise the same type
            return Outcome(error=type(exc).__name__, detail=str(exc))
        if isinstance(result, tuple):
            result = list(result)
        return Outcome(text=python_text(result))
    finally:
        for cls, var in saved:
            setattr(cls, var, VarRef(cls, var))
        for cls in loaded.states:
            del cls.router


# -- the browser's answer, computed in node ------------------------------------------------
@dataclass
class _Prepared:
    app_path: Path
    scenarios: list[dict[str, dict[str, Any]]]
    page_names: list[str]
    expected: list[list[Outcome]]  # Python's answer: [scenario][page]
    imports: list[tuple[str, str, str]]  # (export, module file, page alias) per page
    folder: str


def _prepare(ws: Workspace, app_path: Path, scenarios: list[dict[str, dict[str, Any]]], index: int) -> _Prepared:
    loaded = load_app(app_path)
    pages = list(loaded.app.pages.values())
    defaults = default_snapshot(loaded.states)
    full = [{name: {**values, **scenario.get(name, {})} for name, values in defaults.items()} for scenario in scenarios]
    # Python's answer now, while this app's modules are the loaded ones.
    expected = [[python_render(loaded, page.component, scenario) for page in pages] for scenario in full]
    modules = transpile([p.component for p in pages], root=app_path.parent)
    packages = sorted({name for m in modules for name in m.packages})
    if packages:
        raise NeedsNpmPackages(f"its wrapped components come from npm ({', '.join(packages)}), "
                               "which this harness does not install; the build tests run them")
    digest = hashlib.sha256("".join(m.code for m in modules).encode()).hexdigest()[:16]
    case_dir = ws.src / "cases" / digest
    case_dir.mkdir(parents=True, exist_ok=True)
    if not (case_dir / "runtime").exists():
        os.symlink(ws.runtime, case_dir / "runtime")
    for module in modules:
        (case_dir / module.filename).write_text(module.code, encoding="utf-8")
    by_function = {key: m for m in modules for key in m.exported}
    imports = []
    for number, page in enumerate(pages):
        module = by_function[id(page.component)]
        imports.append((module.exported[id(page.component)], module.filename, f"A{index}P{number}"))
    return _Prepared(app_path, full, [p.component.__name__ for p in pages], expected, imports, digest)


def js_render_many(prepared: list[_Prepared]) -> tuple[list[list[list[Outcome]]], list[str]]:
    """Every page of every app under each of its scenarios, in one esbuild and one node run.
    Returns outcomes[app][scenario][page] and node's stderr per app (React's warnings)."""
    ws = workspace()
    digest = hashlib.sha256("".join(p.folder for p in prepared).encode()).hexdigest()[:16]
    lines = [
        'import { createElement } from "react";',
        'import { renderToStaticMarkup } from "react-dom/server";',
        'import { readFileSync } from "node:fs";',
        'import { createStore } from "./runtime/store.js";',
        'import { setRuntime } from "./runtime/runtime.js";',
        'import { errorType } from "./runtime/py.js";',
        'import { applyFloatMarks, applyIntVars, applyKeyOrders } from "./runtime/valueMarks.js";',
    ]
    apps = []
    for app in prepared:
        for export, filename, alias in app.imports:
            lines.append(f'import {{ {export} as {alias} }} from "./cases/{app.folder}/{filename}";')
        apps.append("[" + ", ".join(alias for _, _, alias in app.imports) + "]")
    lines += [
        f"const apps = [{', '.join(apps)}];",
        "const scenarios = JSON.parse(readFileSync(process.argv[2], 'utf8'));",
        "const out = apps.map((pages, app) => {",
        "  console.error(`@@app ${app}`);",
        "  return scenarios[app].map(({ state, order, floats, ints }) => pages.map((Page) => {",
        "    applyKeyOrders(state, order);  // as the socket does with a hydrate's marks",
        "    applyFloatMarks(state, floats);",
        "    applyIntVars(state, ints, true);",
        "    setRuntime({ store: createStore(state), socket: { send() {} } });",
        "    try { return { html: renderToStaticMarkup(createElement(Page)) }; }",
        "    catch (e) { return { error: errorType(e), message: String(e && e.message) }; }",
        "  }));",
        "});",
        "process.stdout.write(JSON.stringify(out));",
    ]
    entry = ws.src / f"render-{digest}.jsx"
    entry.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bundle = ws.root / f"render-{digest}.mjs"
    # Bundled every time: the runtime may have changed while the generated code did not.
    proc = subprocess.run([str(ws.esbuild_binary()), str(entry), "--bundle", "--platform=node", "--format=esm",
                           "--jsx=automatic", "--log-level=error", f"--outfile={bundle}", "--packages=external",
                           '--define:process.env.NODE_ENV="development"'],
                          capture_output=True, text=True, cwd=ws.src)
    if proc.returncode != 0:
        raise AssertionError(f"esbuild rejected the transpiled code:\n{proc.stderr}")
    scenario_file = ws.root / f"scenarios-{digest}.json"
    # Each state as a hydrate frame carries it: the values and their dicts' key order.
    scenario_file.write_text(encode([[{"state": s, "order": order_table({"state": s}), "floats": float_table({"state": s}),
                                       "ints": int_vars({"state": s})}
                                      for s in app.scenarios] for app in prepared]), encoding="utf-8")
    tools = find_node_tools()
    proc = subprocess.run([tools.node, str(bundle), str(scenario_file)], capture_output=True, text=True,
                          env=tools.env(), timeout=300)
    if proc.returncode != 0:
        raise AssertionError(f"node failed:\n{proc.stderr[-4000:]}")
    raw = json.loads(proc.stdout)
    outcomes = [[[Outcome(text=html.unescape(_TAG.sub("", r["html"])), markup=r["html"]) if "html" in r else
                  Outcome(error=r["error"], detail=r["message"]) for r in row] for row in app] for app in raw]
    warnings = [""] * len(prepared)
    for chunk in proc.stderr.split("@@app ")[1:]:
        number, _, text = chunk.partition("\n")
        warnings[int(number)] = text
    return outcomes, warnings


def js_render(app_path: Path, scenarios: list[dict[str, dict[str, Any]]]) -> tuple[list[list[Outcome]], str]:
    """One app's pages under each scenario: outcomes[scenario][page], and node's stderr."""
    prepared = _prepare(workspace(), app_path, scenarios, 0)
    outcomes, warnings = js_render_many([prepared])
    return outcomes[0], warnings[0]


def _beyond_browser_ints(expected: Outcome, actual: Outcome) -> bool:
    """Python's ints are unbounded; the browser refuses (OverflowError) rather than round past
    2**53: that is the documented difference, not a miscompile."""
    return actual.error == "OverflowError" and expected.text is not None and any(
        abs(int(digits)) > 2**53 - 1 for digits in re.findall(r"-?\d{16,}", expected.text))


def compare_many(cases: list[tuple[Path, list[dict[str, dict[str, Any]]]]]) -> dict[Path, list[str]]:
    """Differences between node and Python for every page of every app under each scenario."""
    ws = workspace()
    problems: dict[Path, list[str]] = {}
    prepared = []
    for path, scenarios in cases:
        try:  # a case that does not compile (or load) is its own failure, not the batch's
            prepared.append(_prepare(ws, path, scenarios, len(prepared)))
        except NeedsNpmPackages as exc:
            problems[path] = f"skip: {exc}"
        except Exception as exc:
            problems[path] = [f"{type(exc).__name__}: {exc}"]
    outcomes, warnings = js_render_many(prepared) if prepared else ([], [])
    for app, js_app, warning in zip(prepared, outcomes, warnings):
        found = problems.setdefault(app.app_path, [])
        for scenario, expected_row, js_row in zip(app.scenarios, app.expected, js_app):
            for name, expected, actual in zip(app.page_names, expected_row, js_row):
                if not expected.same_as(actual) and not _beyond_browser_ints(expected, actual):
                    found.append(f"{name}() with {scenario}: Python {expected}, browser {actual}")
        if "Each child in a list" in warning or "Warning:" in warning:
            found.append(f"React warned:\n{warning[-2000:]}")
    return problems


def compare(app_path: Path, scenarios: list[dict[str, dict[str, Any]]]) -> list[str]:
    """Differences between node and Python for every page under every scenario ([] = none)."""
    return compare_many([(app_path, scenarios)])[app_path]
