"""A whole project's migration: which files change and how, and what the codemod cannot do.
Planning reads only; `write_changes` writes each changed file
atomically."""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import libcst as cst

from pyxjs.migrate.imports import FileRewrite, Finding, rewrite_source
from pyxjs.migrate.walk import python_files, top_level_modules

RXCONFIG = "rxconfig.py"
LEFT_AS_IS = "pyx migrate rewrites only files that parse: fix this one and run it again"


class NotAReflexProject(Exception):
    """A usage error: the folder holds nothing to migrate."""


@dataclass(frozen=True)
class Problem:
    """A located problem in one of the project's files, as the build reports them."""
    path: Path
    finding: Finding
    source_line: str = ""
    code: str = ""  # the build's code for the same error, where it has one


@dataclass
class MigratedFile:
    path: Path
    relative: str  # from the project's root, with forward slashes (the diff's labels)
    rewrite: FileRewrite


@dataclass
class Migration:
    root: Path
    files: list[MigratedFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    has_rxconfig: bool = False

    @property
    def changed(self) -> list[MigratedFile]:
        return [f for f in self.files if f.rewrite.changed]

    @property
    def rewrite_count(self) -> int:
        return sum(len(f.rewrite.rewrites) for f in self.files)


def plan_migration(root: Path) -> Migration:
    root = Path(root)
    if not root.is_dir():
        what = "a file, not a folder" if root.exists() else "no such folder"
        raise NotAReflexProject(f"{root}: {what}\nhint: run `pyx migrate` in a Reflex project's root "
                                f"(the folder holding rxconfig.py), or pass that folder")
    migration = Migration(root)
    local = top_level_modules(root)
    for path in python_files(root):
        try:
            source = path.read_bytes()
        except OSError as exc:
            migration.problems.append(Problem(path, Finding(1, 1, f"cannot read this file: {exc.strerror}", "")))
            continue
        try:
            rewrite = rewrite_source(source, local)
        except cst.ParserSyntaxError as exc:
            finding = Finding(exc.raw_line, exc.raw_column + 1, f"syntax error: {exc.message}", LEFT_AS_IS)
            migration.problems.append(Problem(path, finding, source_line(source, exc.raw_line), "PYX101"))
            continue
        except (UnicodeError, SyntaxError) as exc:  # bytes its encoding (or its coding line) does not fit
            migration.problems.append(Problem(path, Finding(1, 1, f"cannot decode this file: {exc}",
                "save it as UTF-8, or give it a coding line that names its encoding; it is left as it was")))
            continue
        except Exception as exc:  # noqa: BLE001 - a failure of ours: name the file, never a traceback
            migration.problems.append(Problem(path, Finding(
                1, 1, f"internal error in pyx migrate while rewriting this file: {type(exc).__name__}: {exc}",
                "please report it; the file is left as it was")))
            continue
        migration.files.append(MigratedFile(path, path.relative_to(root).as_posix(), rewrite))
        migration.problems += [Problem(path, finding, source_line(source, finding.line))
                               for finding in sorted(rewrite.findings, key=lambda f: (f.line, f.col))]
    migration.has_rxconfig = any(f.relative == RXCONFIG for f in migration.files)
    if not migration.has_rxconfig and not any(f.rewrite.uses_reflex_or_pyxjs for f in migration.files):
        raise NotAReflexProject(f"{root}: not a Reflex project: no {RXCONFIG} and no Python file that imports reflex"
                                f"\nhint: run `pyx migrate` in the folder that holds the project's {RXCONFIG}")
    return migration


def source_line(source: bytes, line: int) -> str:
    lines = source.decode("utf-8", errors="replace").splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def write_changes(migration: Migration) -> None:
    """A file that cannot be written (read-only, disk full) stays as it was and is a problem."""
    for migrated in migration.changed:
        try:
            write_atomically(migrated.path, migrated.rewrite.result)
        except OSError as exc:
            migration.problems.append(Problem(migrated.path, Finding(
                1, 1, f"cannot write this file: {exc.strerror or exc}", "it is left as it was; run pyx migrate again")))


def write_atomically(path: Path, data: bytes) -> None:
    """A temporary file beside the target, renamed over it: an interrupted run never leaves a
    half-written module. The bytes already carry the file's own encoding and newlines."""
    mode = stat.S_IMODE(path.stat().st_mode)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".migrate")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
