"""The npm packages an app adds for its wrapped components, and the app's own lockfile.

pyxjs's own packages are pinned by app_template/package-lock.json. An app that wraps npm
components gets a package.json with its packages added (at the exact versions its classes
name) and a lockfile kept beside app.py as `pyx.lock.json`: the user commits it, every later
build installs exactly what it pins (`npm ci`), and a build whose node_modules already match it
runs no npm at all.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from pyxjs.bundler.errors import BuildError
from pyxjs.bundler.node import find_node_tools

TEMPLATE_DIR = Path(__file__).parent / "app_template"
APP_LOCK = "pyx.lock.json"


def template_dependencies() -> dict[str, str]:
    return json.loads((TEMPLATE_DIR / "package.json").read_text(encoding="utf-8"))["dependencies"]


def merge_packages(modules) -> dict[str, tuple[str, str]]:
    """Every module's packages: name -> (version, who declared it). Two versions of one package,
    or another version of one pyxjs pins (react), is an error naming both declarations."""
    merged: dict[str, tuple[str, str]] = {}
    pinned = template_dependencies()
    problems = []
    for module in modules:
        for name, (version, origin) in module.packages.items():
            if name in pinned and pinned[name] != version:
                problems.append(f"error: {origin} asks for {name}@{version}, but pyxjs pins {name}@{pinned[name]}\n"
                                f"hint: use {name}@{pinned[name]}, or leave {name} out (pyxjs installs it)")
            elif name in merged and merged[name][0] != version:
                problems.append(f"error: {origin} asks for {name}@{version}, but {merged[name][1]} asks for "
                                f"{name}@{merged[name][0]}\nhint: name one version of {name} in both classes")
            elif name not in pinned:
                merged.setdefault(name, (version, origin))
    if problems:
        raise BuildError("\n".join(problems))
    return merged


def package_json(extra: dict[str, tuple[str, str]]) -> str:
    data = json.loads((TEMPLATE_DIR / "package.json").read_text(encoding="utf-8"))
    data["description"] = "npm packages a pyxjs build bundles (pyxjs's and the app's); pinned by the app's pyx.lock.json"
    data["dependencies"] = dict(sorted({**data["dependencies"], **{n: v for n, (v, _) in extra.items()}}.items()))
    return json.dumps(data, indent=2) + "\n"


def lock_matches(lock: Path, package_text: str) -> bool:
    """The lockfile was made for exactly these dependencies (so `npm ci` can install from it)."""
    try:
        root = json.loads(lock.read_text(encoding="utf-8"))["packages"][""]
    except (OSError, ValueError, KeyError):
        return False
    return root.get("dependencies") == json.loads(package_text)["dependencies"]


def lock_new_packages(workspace_root: Path, app_lock: Path, extra: dict[str, tuple[str, str]], log) -> None:
    """`npm install` in the workspace: the lock pyxjs (or the app's old lock) pins, plus the new
    packages; the result is copied beside the app as its lockfile."""
    base = app_lock if app_lock.is_file() else TEMPLATE_DIR / "package-lock.json"
    shutil.copyfile(base, workspace_root / "package-lock.json")
    tools = find_node_tools()
    names = ", ".join(f"{n}@{v}" for n, (v, _) in sorted(extra.items()))
    log(f"installing the app's npm packages ({names}) and pinning them in {app_lock.name} ...")
    argv = [*tools.npm_argv, "install", "--ignore-scripts", "--no-audit", "--no-fund", "--save-exact",
            # Lockfiles name packages and versions, never the host they came from.
            "--omit-lockfile-registry-resolved", "--loglevel=error"]
    try:
        proc = subprocess.run(argv, cwd=workspace_root, env=tools.env(), capture_output=True, text=True, timeout=900)
    except subprocess.TimeoutExpired:
        raise BuildError("error: `npm install` took over 15 minutes; check the network and npm's proxy settings") from None
    if proc.returncode != 0:
        raise BuildError(explain_npm_failure(proc.stderr, extra, workspace_root))
    shutil.copyfile(workspace_root / "package-lock.json", app_lock)


def explain_npm_failure(stderr: str, extra: dict[str, tuple[str, str]], where: Path) -> str:
    """npm's failure in terms of the app: which declared package does not exist or has no such version."""
    code = re.search(r"code (E\w+)", stderr)
    code = code.group(1) if code else ""
    for name, (version, origin) in sorted(extra.items()):
        if code == "E404" and re.search(rf"['\s/]{re.escape(name)}(@|'|\s|$)", stderr, re.M):
            return (f"error: npm has no package named `{name}` (\"{name}@{version}\" in {origin})\n"
                    f"hint: check the name on npm (`npm view {name}`)")
        if code == "ETARGET" and f"{name}@{version}" in stderr:
            return (f"error: npm package `{name}` has no version {version} (\"{name}@{version}\" in {origin})\n"
                    f"hint: `npm view {name} versions` lists the published ones; name one of them exactly")
    lines = [line for line in stderr.strip().splitlines() if line.strip()][-15:]
    return (f"error: `npm install` failed in {where}:\n" + "\n".join(lines) +
            "\nhint: check the packages your components declare, and the network or npm's proxy settings")
