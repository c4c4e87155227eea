"""The build workspace `.pyx/` beside the app: npm packages, the runtime copy, generated sources.

npm runs only when the lockfile differs from the one the installed node_modules came from,
so a warm build never touches the network or npm at all.
"""

from __future__ import annotations

import hashlib
import platform
import subprocess
import sys
from pathlib import Path

from pyxjs.bundler.errors import BuildError
from pyxjs.bundler.node import find_node_tools
from pyxjs.bundler.packages import TEMPLATE_DIR, lock_matches, lock_new_packages, package_json
STAMP = ".pyx-lock-sha256"


def runtime_source_dir() -> Path:
    """runtime_js/src beside pyxjs/ in a checkout, or its copy pyxjs/runtime_js in a wheel (setup.py)."""
    package_dir = Path(__file__).resolve().parents[1]
    for candidate in (package_dir.parent / "runtime_js" / "src", package_dir / "runtime_js"):
        if (candidate / "index.js").is_file():
            return candidate
    raise BuildError("error: the pyxjs installation has no runtime_js sources; reinstall pyxjs")


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Workspace:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.src = root / "src"
        self.runtime = self.src / "runtime"
        self.node_modules = root / "node_modules"
        self.app = root / "app"  # the app's generated modules and the shims they import the vendor bundle through

    def prepare(self, log, extra: dict[str, tuple[str, str]] | None = None, app_lock: Path | None = None) -> None:
        """`extra`: the app's own npm packages (name -> (version, who declared it)), pinned by
        `app_lock` beside the app (made here the first time, or when the packages change)."""
        self.root.mkdir(parents=True, exist_ok=True)
        if not extra:
            for name in ("package.json", "package-lock.json"):
                copy_if_changed(TEMPLATE_DIR / name, self.root / name)
        else:
            if app_lock is None:
                raise ValueError("an app with its own npm packages needs a lockfile path")
            wanted = package_json(extra)
            write_if_changed(self.root / "package.json", wanted.encode())
            if lock_matches(app_lock, wanted):
                copy_if_changed(app_lock, self.root / "package-lock.json")
            else:
                lock_new_packages(self.root, app_lock, extra, log)
                self.stamp_installed()
        self.install_packages(log)
        self.sync_runtime()

    def stamp_installed(self) -> None:
        """node_modules now holds what package-lock.json pins."""
        (self.node_modules / STAMP).write_text(sha256_file(self.root / "package-lock.json"))

    def install_packages(self, log) -> None:
        lock_hash = sha256_file(self.root / "package-lock.json")
        stamp = self.node_modules / STAMP
        if stamp.is_file() and stamp.read_text().strip() == lock_hash and self.esbuild_binary().is_file():
            return
        tools = find_node_tools()
        log(f"installing npm packages (npm from {tools.source}) ...")
        # --ignore-scripts: esbuild's postinstall only optimises its node shim; we run the binary itself.
        argv = [*tools.npm_argv, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
        try:
            proc = subprocess.run(argv, cwd=self.root, env=tools.env(), capture_output=True, text=True, timeout=900)
        except subprocess.TimeoutExpired:
            raise BuildError("error: `npm ci` took over 15 minutes; check the network and npm's proxy settings") from None
        if proc.returncode != 0:
            raise BuildError(
                f"error: `npm ci` failed in {self.root} (exit {proc.returncode}):\n{proc.stderr.strip()[-3000:]}\n"
                "hint: check the network or npm's registry/proxy settings, then build again"
            )
        if not self.esbuild_binary().is_file():
            raise BuildError(f"error: npm installed no esbuild binary for this platform at {self.esbuild_binary()}")
        self.stamp_installed()

    def esbuild_binary(self) -> Path:
        system = {"linux": "linux", "darwin": "darwin", "win32": "win32"}.get(sys.platform, sys.platform)
        machine = platform.machine().lower()
        arch = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}.get(machine, machine)
        package = self.node_modules / "@esbuild" / f"{system}-{arch}"
        return package / "esbuild.exe" if system == "win32" else package / "bin" / "esbuild"

    def sync_runtime(self) -> None:
        """Mirror runtime_js/src into the workspace (esbuild then resolves react from .pyx/node_modules)."""
        source = runtime_source_dir()
        self.runtime.mkdir(parents=True, exist_ok=True)
        wanted = {p.relative_to(source) for p in source.rglob("*") if p.is_file() and p.suffix in (".js", ".css")}
        for rel in wanted:
            copy_if_changed(source / rel, self.runtime / rel)
        # The runtime's modules do nothing when imported (only its stylesheets do, and
        # valueMarks.js, which installs itself for the pages that print Python values), so esbuild
        # may drop every one a page does not use, with its CommonJS interop line for react (~10
        # bytes gzipped each, in every bundle).
        wanted.add(Path("package.json"))
        write_if_changed(self.runtime / "package.json", RUNTIME_PACKAGE_JSON)
        for path in list(self.runtime.rglob("*")):
            if path.is_file() and path.relative_to(self.runtime) not in wanted:
                path.unlink()


RUNTIME_PACKAGE_JSON = '{"type": "module", "sideEffects": ["*.css", "valueMarks.js"]}\n'


def copy_if_changed(source: Path, target: Path) -> None:
    write_if_changed(target, source.read_bytes())


def write_if_changed(target: Path, data: bytes | str) -> None:
    data = data.encode() if isinstance(data, str) else data
    if target.is_file() and target.read_bytes() == data:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
