"""Runs runtime_js's own suite (node's built-in test runner) as part of the one test command.

Its React binding tests need react and react-dom, installed from runtime_js/package-lock.json
with `npm ci` when the lockfile changed since the last install.
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

from pyxjs.bundler.node import find_node_tools

RUNTIME = Path(__file__).resolve().parents[2] / "runtime_js"
STAMP = RUNTIME / "node_modules" / ".pyx-lock-sha256"


def ensure_packages(tools) -> None:
    lock_hash = hashlib.sha256((RUNTIME / "package-lock.json").read_bytes()).hexdigest()
    if STAMP.is_file() and STAMP.read_text() == lock_hash:
        return
    argv = [*tools.npm_argv, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
    subprocess.run(argv, cwd=RUNTIME, env=tools.env(), check=True, timeout=600)
    STAMP.write_text(lock_hash)


def test_runtime_js_node_suite():
    tools = find_node_tools()
    ensure_packages(tools)
    tests = sorted(str(p.relative_to(RUNTIME)) for p in (RUNTIME / "test").glob("*.test.js"))
    assert len(tests) >= 5, "runtime_js/test has lost its test files"
    proc = subprocess.run([tools.node, "--test", *tests], cwd=RUNTIME, env=tools.env(),
                          capture_output=True, text=True, timeout=300)
    summary = [line for line in proc.stdout.splitlines() if line.lstrip("#ℹ ").startswith(("tests ", "pass ", "fail "))]
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]
    assert any(line.lstrip("#ℹ ").startswith("pass ") and int(line.split()[-1]) > 0 for line in summary), proc.stdout[-2000:]
