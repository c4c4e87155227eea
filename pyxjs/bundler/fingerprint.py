"""Is dist up to date? Hashes of the app's sources and of the toolchain, kept in the manifest.

Imports no compiler, so `pyx run` on a fresh dist starts without loading the transpiler.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pyxjs
from pyxjs.layout import locate, project_root
from pyxjs.bundler.workspace import TEMPLATE_DIR, runtime_source_dir, sha256_file

MANIFEST = "manifest.json"


def default_out_dir(app_path: Path | None) -> Path:
    """dist/ in the project folder of the app at `app_path` (a file or a folder)."""
    return project_root(app_path if app_path is not None else Path.cwd()) / "dist"


def input_hashes(paths: list[Path], base: Path) -> dict[str, str]:
    """Hashes keyed by path relative to the app's folder: dist is served, so no server paths in it."""
    return {Path(os.path.relpath(p, base)).as_posix(): sha256_file(p) for p in sorted(set(paths))}


def toolchain_hash() -> str:
    """Changes whenever pyxjs itself, its runtime or its pinned npm packages change."""
    digest = hashlib.sha256()
    package_dir = Path(pyxjs.__file__).parent
    files = sorted(package_dir.rglob("*.py")) + sorted(runtime_source_dir().rglob("*"))
    files.append(TEMPLATE_DIR / "package-lock.json")
    for path in files:
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.name).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def is_stale(app_path: Path | None, out_dir: Path) -> bool:
    """True when dist is missing or any input (app sources, pyxjs, runtime) changed since it was built."""
    try:
        manifest = json.loads((Path(out_dir) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True
    if manifest.get("toolchain") != toolchain_hash() or not (Path(out_dir) / "index.html").is_file():
        return True
    inputs = manifest.get("inputs", {})
    layout = locate(app_path)
    base = layout.root
    if layout.entry.relative_to(base).as_posix() not in inputs:
        return True
    for path, digest in inputs.items():
        if not (base / path).is_file() or sha256_file(base / path) != digest:
            return True
    return False
