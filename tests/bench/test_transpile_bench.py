"""Smoke test for bench/transpile.py: a small generated app loads and transpiles (no timing)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from pyxjs.loader import load_app
from pyxjs.transpiler import transpile

ROOT = Path(__file__).resolve().parents[2]


def load_bench():
    # bench/ is a folder of scripts, not a package: import the file by path.
    spec = importlib.util.spec_from_file_location("pyx_bench_transpile", ROOT / "bench" / "transpile.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_generated_app_transpiles(tmp_path: Path):
    before = set(sys.modules)
    try:
        bench = load_bench()
        lines = bench.generate_app(tmp_path, 300)
        files = sorted(p.name for p in tmp_path.glob("*.py"))
        assert lines >= 300 and lines == sum(p.read_text().count("\n") for p in tmp_path.glob("*.py"))
        assert "app.py" in files and "bench_state.py" in files and len(files) >= 5

        loaded = load_app(tmp_path / "app.py")
        modules = transpile([page.component for page in loaded.app.pages.values()], root=tmp_path)
        # Every generated function is reachable from a page, so every one was compiled.
        defined = sum(line.startswith("def ") for p in tmp_path.glob("*.py") for line in p.read_text().splitlines())
        assert sum(len(m.exports) for m in modules) == defined
        # One JS module per component file; bench_state.py holds no components.
        expected = {str((tmp_path / f).resolve()) for f in files if f != "bench_state.py"}
        assert {m.source_path for m in modules} == expected
        # The same check the bench makes in its measuring subprocess.
        assert bench.measure(tmp_path)["functions"] == defined
    finally:
        # The generated modules (bench_widgets, ...) must not leak into later tests.
        for name in set(sys.modules) - before:
            if name.startswith(("bench_", "pyx_bench_")) or name == "app":
                del sys.modules[name]
        if str(tmp_path.resolve()) in sys.path:
            sys.path.remove(str(tmp_path.resolve()))
