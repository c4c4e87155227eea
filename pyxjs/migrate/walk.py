"""The project's Python files: every .py under the folder but virtualenvs, build output, caches,
hidden folders and what the root .gitignore names."""

from __future__ import annotations

import os
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

SKIPPED_FOLDERS = {".venv", "venv", ".web", ".pyx", "node_modules", "dist", "__pycache__", "site-packages"}


@dataclass(frozen=True)
class IgnoreRule:
    pattern: str
    anchored: bool  # has a slash: matched against the path from the root, not just the name
    folders_only: bool

    def matches(self, relative: str, is_folder: bool) -> bool:
        if self.folders_only and not is_folder:
            return False
        return fnmatchcase(relative if self.anchored else relative.rsplit("/", 1)[-1], self.pattern)


def read_gitignore(path: Path) -> list[IgnoreRule]:
    """The root .gitignore's plain patterns. Negations (`!keep.py`) are not followed: a file they
    would bring back stays skipped, which errs on the side of leaving the user's files alone."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    rules = []
    for line in lines:
        line = line.rstrip()
        if not line or line.startswith(("#", "!")):
            continue
        folders_only = line.endswith("/")
        pattern = line.strip("/")
        if pattern:
            rules.append(IgnoreRule(pattern, "/" in line.rstrip("/"), folders_only))
    return rules


def is_skipped_folder(folder: Path) -> bool:
    # A virtualenv of any name holds Reflex's own sources: never rewrite them.
    return folder.name in SKIPPED_FOLDERS or folder.name.startswith(".") or (folder / "pyvenv.cfg").is_file()


def python_files(root: Path) -> list[Path]:
    """Sorted, so reports and diffs list files in the same order every run. Symlinked files are
    left out: writing one would replace the link with a copy."""
    rules = read_gitignore(root / ".gitignore")

    def ignored(path: Path, is_folder: bool) -> bool:
        relative = path.relative_to(root).as_posix()
        return any(rule.matches(relative, is_folder) for rule in rules)

    found = []
    for folder, folders, files in os.walk(root):
        here = Path(folder)
        folders[:] = sorted(name for name in folders
                            if not is_skipped_folder(here / name) and not ignored(here / name, True))
        for name in sorted(files):
            path = here / name
            if name.endswith(".py") and not name.startswith(".") and not path.is_symlink() \
                    and not ignored(path, False):
                found.append(path)
    return found


def top_level_modules(root: Path) -> frozenset[str]:
    """Names the project's own files give at its root (`import reflex_helpers` of a sibling file)."""
    return frozenset(path.stem if path.suffix == ".py" else path.name for path in root.iterdir()
                     if path.suffix == ".py" or (path.is_dir() and not is_skipped_folder(path)))
