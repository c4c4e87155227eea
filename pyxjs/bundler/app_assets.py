"""The app's assets/ folder: served at the site's root as in Reflex (`/logo.png`), and each file
also under a content-hashed name (`/assets/static/logo.3f2a9c1d.png`) that the page uses where the
build sees the path: a constant prop such as `rx.image(src="/logo.png")` is compiled to the hashed
URL, which is cached forever (an edit makes a new name); the plain path stays for URLs made in the
browser and for links from elsewhere, revalidated on each load."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from pyxjs.bundler.errors import BuildError
from pyxjs.bundler.fingerprint import MANIFEST
from pyxjs.loader import LoadedApp

HASHED_DIR = "assets/static"  # inside dist/assets/, which the server marks immutable


def assets_dir(loaded: LoadedApp) -> Path:
    return loaded.root / "assets"


def asset_files(loaded: LoadedApp) -> list[Path]:
    """The app's assets/ files: an edit to one makes `pyx run` build again."""
    assets = assets_dir(loaded)
    return sorted(p for p in assets.rglob("*") if p.is_file()) if assets.is_dir() else []


def hashed_name(source: Path, relative: Path) -> str:
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:10]
    name = relative.name
    stem, dot, suffix = name.partition(".") if not name.startswith(".") else (name, "", "")
    return (relative.parent / f"{stem}.{digest}{dot}{suffix}").as_posix()


def asset_urls(loaded: LoadedApp) -> dict[str, str]:
    """Each asset's plain URL -> its hashed URL ("/logo.png" -> "/assets/static/logo.3f2a9c1d.png")."""
    assets = assets_dir(loaded)
    urls = {}
    for source in asset_files(loaded):
        relative = source.relative_to(assets)
        urls["/" + relative.as_posix()] = f"/{HASHED_DIR}/{hashed_name(source, relative)}"
    return urls


def copy_assets(loaded: LoadedApp, staging: Path, urls: dict[str, str]) -> None:
    """Each asset to the dist root under its own name and under its hashed one."""
    assets = assets_dir(loaded)
    for source in asset_files(loaded):
        relative = source.relative_to(assets)
        if relative.parts[0] in ("assets", "index.html", MANIFEST):
            raise BuildError(f"error: {source} would replace the build's own {relative.parts[0]}; rename it")
        for target in (staging / relative, staging / urls["/" + relative.as_posix()].lstrip("/")):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
