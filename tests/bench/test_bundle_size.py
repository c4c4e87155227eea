"""The seed app (examples/github_avatar) ships only what it uses: a component library in the
runtime must not leak into its bundle (a module-level call in a runtime file once added 7 KB of
Radix's ScrollArea; an unpruned stylesheet is 85 KB). Sizes, not times: deterministic."""

from __future__ import annotations

import shutil
from pathlib import Path

from pyxjs.bundler.builder import build

ROOT = Path(__file__).resolve().parents[2]
JS_GZ_MAX = 81_920  # bytes (80 KiB, the unit pyx build prints; issue 10: <= 80 KB); React 19 + react-dom alone are about 69,000
CSS_GZ_MAX = 20_000


def test_seed_app_bundle_stays_small(tmp_path: Path):
    app = tmp_path / "app.py"
    shutil.copy(ROOT / "examples" / "github_avatar" / "app.py", app)
    result = build(app)
    sizes = {f.path: f.gzip_bytes for f in result.files if f.gzip_bytes}
    js = sum(size for path, size in sizes.items() if path.endswith(".js"))
    css = sum(size for path, size in sizes.items() if path.endswith(".css"))
    assert js <= JS_GZ_MAX, f"seed JS is {js} bytes gzipped"
    assert css <= CSS_GZ_MAX, f"seed CSS is {css} bytes gzipped"
