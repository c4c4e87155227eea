"""Installs one npm package into a temporary folder to read its TypeScript declarations."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from pyxjs.bundler.node import find_node_tools

_SPEC = re.compile(r"^(?P<name>(?:@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*)(?:@(?P<version>.+))?$")


class InstallError(Exception):
    pass


def parse_spec(spec: str) -> tuple[str, str | None]:
    match = _SPEC.match(spec)
    if match is None:
        raise InstallError(f"{spec!r} is not an npm package name (write name or name@1.2.3)")
    return match["name"], match["version"]


def install(spec: str, folder: Path) -> tuple[str, str, Path]:
    """`npm install spec` in `folder` -> (name, the exact version installed, the package's folder)."""
    name, _ = parse_spec(spec)
    (folder / "package.json").write_text('{"private": true}\n')
    tools = find_node_tools()
    argv = [*tools.npm_argv, "install", spec, "--ignore-scripts", "--no-audit", "--no-fund",
            "--omit-lockfile-registry-resolved", "--loglevel=error"]
    proc = subprocess.run(argv, cwd=folder, env=tools.env(), capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        code = re.search(r"code (E\w+)", proc.stderr)
        reason = {"E404": f"npm has no package named `{name}`",
                  "ETARGET": f"npm has no version of `{name}` matching {spec!r}"}.get(code.group(1) if code else "")
        tail = "\n".join(proc.stderr.strip().splitlines()[-10:])
        raise InstallError(reason or f"`npm install {spec}` failed:\n{tail}")
    package_dir = folder / "node_modules" / name
    version = json.loads((package_dir / "package.json").read_text())["version"]
    return name, version, package_dir


def declaration_text(package_dir: Path) -> str:
    """All of the package's .d.ts files (its entry first), as one text to search."""
    manifest = json.loads((package_dir / "package.json").read_text())
    entry = manifest.get("types") or manifest.get("typings")
    files = sorted(p for p in package_dir.rglob("*.d.ts") if "node_modules" not in p.relative_to(package_dir).parts)
    if entry and (package_dir / entry).is_file():
        first = (package_dir / entry).resolve()
        files = [first] + [f for f in files if f.resolve() != first]
    if not files:
        raise InstallError(f"{manifest['name']} ships no TypeScript declarations (.d.ts); write the wrapper by "
                           "hand (docs/architecture.md, \"Wrapping npm components\")")
    return "\n".join(f.read_text(encoding="utf-8", errors="replace") for f in files)
