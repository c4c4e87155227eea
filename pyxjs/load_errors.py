"""The error of loading a user's app, and how it points into the user's files."""

from __future__ import annotations

import traceback
from pathlib import Path


class AppLoadError(Exception):
    """`str(error)` is the whole message: file:line, what went wrong, how to fix it."""


def located(exc: BaseException, path: Path, root: Path | None = None) -> str:
    """`shop/state.py:12: error while importing the app: NameError: ...`, pointing at the deepest
    frame in the app's own files: the file at `path`, or any file under `root` when given."""
    target = str(Path(path).resolve())
    root = Path(root).resolve() if root is not None else None
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if f.filename == target or (root is not None and is_project_file(Path(f.filename), root))]
    message = f"{type(exc).__name__}: {exc}"
    if not frames:
        return f"{path}: error while importing the app: {message}"
    frame = frames[-1]
    shown = _shown(Path(frame.filename), path, root)
    source = f"\n    {frame.line}" if frame.line else ""
    return f"{shown}:{frame.lineno}: error while importing the app: {message}{source}"


def is_project_file(file: Path, root: Path) -> bool:
    """A file of the project itself: under its folder, and not in a virtualenv or hidden folder
    kept there (`.venv/lib/.../site-packages` holds other people's code)."""
    try:
        parts = file.resolve().relative_to(root).parts
    except ValueError:
        return False
    return not any(part.startswith(".") or part in ("site-packages", "dist-packages", "node_modules")
                   for part in parts[:-1])


def _shown(file: Path, entry: Path, root: Path | None) -> str:
    if file.resolve() == Path(entry).resolve():
        return str(entry)
    try:
        return str(file.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(file)
