"""What `pyx migrate` prints: located problems as the build prints its errors, the rewrites,
and a unified diff whose labels are paths from the project's root (`git apply` reads it)."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from pyxjs.migrate.project import Migration, Problem
from pyxjs.transpiler.project import display_path


def format_problem(problem: Problem, cwd: Path) -> str:
    finding = problem.finding
    code = f" {problem.code}" if problem.code else ""
    lines = [f"{display_path(problem.path, cwd)}:{finding.line}:{finding.col}: error{code}: {finding.message}"]
    if problem.source_line:
        gutter = f"{finding.line:>5} | "
        lines.append(gutter + problem.source_line)
        lines.append(" " * (len(gutter) - 2) + "| " + " " * (finding.col - 1) + "^")
    if finding.hint:
        lines.append(f"hint: {finding.hint}")
    return "\n".join(lines)


def rewrite_lines(migration: Migration, cwd: Path) -> list[str]:
    """One line per rewritten import: where, what it was, what it becomes."""
    lines = []
    for migrated in migration.changed:
        shown = display_path(migrated.path, cwd)
        for rewrite in migrated.rewrite.rewrites:
            before, after = (" ".join(text.split()) for text in (rewrite.before, rewrite.after))
            lines.append(f"  {shown}:{rewrite.line}: {before}  ->  {after}")
    return lines


def counted(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def unified_diff(migration: Migration) -> bytes:
    """Bytes: each file's hunks in that file's own encoding and newlines, so the patch applies."""
    parts = []
    for migrated in migration.changed:
        encoding = migrated.rewrite.encoding.removesuffix("-sig")  # a BOM stays in the first line's bytes
        before, after = (lines_of(text.decode(encoding)) for text in (migrated.rewrite.source, migrated.rewrite.result))
        lines = difflib.unified_diff(before, after, f"a/{migrated.relative}", f"b/{migrated.relative}")
        text = "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
        parts.append(text.encode(encoding))
    return b"".join(parts)


def lines_of(text: str) -> list[str]:
    """Lines split at line feeds only (str.splitlines also splits at form feeds and other
    separators a patch tool would not), each keeping its own ending, CRLF included."""
    return re.findall(r"[^\n]*\n|[^\n]+$", text)
