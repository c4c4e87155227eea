"""The vendor bundle: the npm side of a build, made once and reused by every later build.

React, react-dom, Radix Themes, lucide icons, wrapped npm packages and pyxjs's own runtime are
thousands of files (3,200 for the seed app, because the runtime can render everything) that
esbuild must parse before it can tree-shake them: 0.6 s and 550 MB of a one-shot build. The
app's own modules are a few kilobytes. So the build bundles the npm side on its own, exporting
exactly the names the app's modules import, and caches it under `.pyx/vendor/<key>/`; the key
hashes the lockfile, the runtime's files, the app's local .jsx components and the entry (the
imported names and side-effect imports). Later builds bundle only the app's modules, against
shims that re-export from the cached `vendor.js`: esbuild reads one minified file instead of
thousands (see docs/architecture.md, "The vendor bundle", for the numbers).

What ships stays tree-shaken: the vendor exports only what the app imports, so a page still gets
only the icons and components it uses; a new name or an edited lockfile is a new key.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from pyxjs.bundler.bundle import bundle_vendor
from pyxjs.bundler.css_prune import Scan
from pyxjs.bundler.errors import BuildError
from pyxjs.bundler.workspace import Workspace, sha256_file, write_if_changed

VENDOR_FORMAT = "2"  # bump when the entry's shape or the vendor's esbuild flags change
KEEP_ENTRIES = 4  # cached vendor bundles kept (an edit that adds an icon and one that removes it both hit)
JSX_RUNTIME = "react/jsx-runtime"
JSX_NAMES = ("Fragment", "jsx", "jsxs")  # what esbuild's automatic JSX imports
BASE_STYLES = ("@radix-ui/themes/styles.css", "./runtime/styles.css")  # before any package's own CSS
# The generated modules' import lines, as pyxjs's printer writes them (one per line).
_IMPORT = re.compile(r'^import (?:\{ (?P<names>[^}]*) \} from |\* as (?P<namespace>[\w$]+) from )?'
                     r'(?P<source>"(?:[^"\\]|\\.)*");$', re.M)


def is_vendor_source(source: str) -> bool:
    """npm packages, pyxjs's runtime and the app's local .jsx components (whose own npm imports
    resolve from the workspace); everything else relative is the app's own code."""
    return not source.startswith(".") or source.startswith(("./runtime/", "./local/"))


@dataclass
class VendorImports:
    """What the app's modules import from the vendor side."""

    named: dict[str, set[str]] = field(default_factory=lambda: {JSX_RUNTIME: set(JSX_NAMES)})
    side: set[str] = field(default_factory=set)  # imported for their effect (a package's stylesheet)

    @classmethod
    def of_modules(cls, codes: list[str], src: Path) -> "VendorImports":
        """`src`: the folder the vendor's sources resolve from (`./runtime/py.js`), whose exports
        bound what a namespace import (`$py.x`) can name."""
        imports = cls()
        for code in codes:
            imports.add(code, src)
        return imports

    def add(self, code: str, src: Path) -> None:
        for match in _IMPORT.finditer(code):
            source = json.loads(match["source"])
            if not is_vendor_source(source):
                continue
            if match["namespace"]:
                used = set(re.findall(re.escape(match["namespace"]) + r"\.([A-Za-z_$][\w$]*)", code))
                # Only the module's real exports: the same text inside a string literal names nothing.
                exported = exported_names(src / source) if source.startswith("./runtime/") else used
                self.named.setdefault(source, set()).update(used & exported)
            elif match["names"] is not None:
                names = {part.strip().split(" as ")[0] for part in match["names"].split(",") if part.strip()}
                self.named.setdefault(source, set()).update(names)
            else:
                self.side.add(source)

    def aliases(self) -> dict[tuple[str, str], str]:
        """(source, name) -> the vendor's export name for it, numbered in sorted order."""
        pairs = sorted((source, name) for source, names in self.named.items() for name in names)
        return {pair: f"${index}" for index, pair in enumerate(pairs)}

    def entry(self) -> str:
        lines = [f"import {json.dumps(source)};" for source in (*BASE_STYLES, *sorted(self.side - set(BASE_STYLES)))]
        by_source: dict[str, list[str]] = {}
        for (source, name), alias in self.aliases().items():
            by_source.setdefault(source, []).append(f"{name} as {alias}")
        lines += [f"export {{ {', '.join(names)} }} from {json.dumps(source)};" for source, names in by_source.items()]
        return "\n".join(lines) + "\n"


def exported_names(module: Path) -> set[str]:
    """The names an ES module of the runtime exports (`export { a, b as c } from ...`,
    `export function f`, `export const x`)."""
    text = module.read_text(encoding="utf-8")
    names = set(re.findall(r"^export\s+(?:async\s+)?(?:function\*?|const|let|var|class)\s+([\w$]+)", text, re.M))
    for block in re.findall(r"^export\s*\{([^}]*)\}", text, re.M):
        names.update(part.split(" as ")[-1].strip() for part in block.split(",") if part.strip())
    return names


@dataclass
class Vendor:
    folder: Path
    aliases: dict[tuple[str, str], str]
    reused: bool  # found in the cache (no esbuild run for the npm side)

    @property
    def js(self) -> Path:
        return self.folder / "vendor.js"

    @property
    def css(self) -> Path:
        return self.folder / "vendor.css"

    def scan(self) -> Scan:
        """What its JS says about Radix's classes (for pruning the CSS), found when it was made."""
        return Scan.from_json((self.folder / "scan.json").read_text(encoding="utf-8"))


def vendor_key(workspace: Workspace, entry: str, local_files: list[Path]) -> str:
    digest = hashlib.sha256()
    digest.update(f"format {VENDOR_FORMAT}\n".encode())
    digest.update(f"lock {sha256_file(workspace.root / 'package-lock.json')}\n".encode())
    for path in sorted(p for p in workspace.runtime.rglob("*") if p.is_file()):
        digest.update(f"runtime {path.relative_to(workspace.runtime).as_posix()} {sha256_file(path)}\n".encode())
    for path in sorted(local_files):
        digest.update(f"local {path.name} {sha256_file(path)}\n".encode())
    digest.update(entry.encode())
    return digest.hexdigest()[:24]


def ensure_vendor(workspace: Workspace, imports: VendorImports, local_files: list[Path]) -> Vendor:
    """The cached vendor bundle for these imports, built first if the cache has none."""
    entry = imports.entry()
    key = vendor_key(workspace, entry, local_files)
    cache = workspace.root / "vendor"
    folder = cache / key
    if (folder / "scan.json").is_file():  # written last: the entry is complete
        os.utime(folder)  # most recently used: kept longest
        return Vendor(folder, imports.aliases(), reused=True)
    entry_file = workspace.src / "vendor.js"
    write_if_changed(entry_file, entry.encode())
    staging = cache / f".{key}.tmp-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        bundle_vendor(workspace.esbuild_binary(), entry_file, staging)
        if not (staging / "vendor.css").is_file():
            (staging / "vendor.css").write_text("", encoding="utf-8")
        scan = Scan.of((staging / "vendor.js").read_text(encoding="utf-8"))
        (staging / "scan.json").write_text(scan.to_json(), encoding="utf-8")
        shutil.rmtree(folder, ignore_errors=True)  # an entry left incomplete (a build stopped midway)
        try:
            staging.rename(folder)
        except OSError:  # another build made the same entry meanwhile: theirs is the same bundle
            if not (folder / "scan.json").is_file():
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _drop_old_entries(cache)
    return Vendor(folder, imports.aliases(), reused=False)


def _drop_old_entries(cache: Path) -> None:
    entries = sorted((p for p in cache.iterdir() if p.is_dir() and not p.name.startswith(".")),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP_ENTRIES:]:
        shutil.rmtree(old, ignore_errors=True)


def shim_path(app_dir: Path, source: str) -> Path:
    """Where the app build finds `source`: the runtime and local components beside the app's
    modules, npm packages in a node_modules/ of shims (esbuild looks there before .pyx's own)."""
    if source.startswith("./"):
        return app_dir / source[2:]
    path = app_dir / "node_modules" / source
    parts = source.split("/")
    is_subpath = len(parts) > (2 if source.startswith("@") else 1)
    if not is_subpath:
        return path / "index.js"
    return path if re.search(r"\.(m?js|jsx|css)$", source) else path.with_name(path.name + ".js")


def write_shims(app_dir: Path, imports: VendorImports, vendor: Vendor) -> None:
    """One small module per vendor import that re-exports the vendor's names under the ones the
    app's modules import; a side-effect import (a stylesheet, now in the vendor) is an empty file."""
    wanted: dict[Path, str] = {}
    for source in imports.side:
        wanted[shim_path(app_dir, source)] = ""
    by_source: dict[str, list[str]] = {}
    for (source, name), alias in vendor.aliases.items():
        by_source.setdefault(source, []).append(f"{alias} as {name}")
    for source, names in by_source.items():
        target = shim_path(app_dir, source)
        relative = Path(os.path.relpath(vendor.js, target.parent)).as_posix()
        wanted[target] = f"export {{ {', '.join(names)} }} from {json.dumps(relative)};\n"
    for path, text in wanted.items():
        write_if_changed(path, text.encode())
    for folder in ("runtime", "local", "node_modules"):
        for stale in (app_dir / folder).rglob("*") if (app_dir / folder).is_dir() else ():
            if stale.is_file() and stale not in wanted:
                stale.unlink()
