"""Build benchmark for the GitHub-avatar example. Prints build_cold_s=, build_warm_s=, js_gz_bytes=.

cold: a fresh folder with no .pyx/ workspace, so `npm ci` runs (from npm's local cache once it
      has been filled); warm: the same folder again, node_modules in place (the case Reflex's
      4.8 s "npm deps cached" figure describes). Both time the whole `pyx build` process,
      Python start-up included. Run: .venv/bin/python bench/build.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "github_avatar" / "app.py"
PYX = [sys.executable, "-m", "pyxjs.cli"]


def timed_build(app: Path) -> float:
    started = time.perf_counter()
    proc = subprocess.run([*PYX, "build", str(app)], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"build failed:\n{proc.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pyx-bench-build-") as tmp:
        app = Path(tmp) / "app.py"
        shutil.copy(EXAMPLE, app)
        cold = timed_build(app)
        warm = [timed_build(app) for _ in range(args.runs)]
        manifest = json.loads((Path(tmp) / "dist" / "manifest.json").read_text())
        js_gz = sum(info["gzip_bytes"] or 0 for path, info in manifest["files"].items() if path.endswith(".js"))
        css_gz = sum(info["gzip_bytes"] or 0 for path, info in manifest["files"].items() if path.endswith(".css"))
    print(f"build_cold_s={cold:.3f}")
    print(f"build_warm_s={statistics.median(warm):.3f}")
    print(f"js_gz_bytes={js_gz}")
    print(f"css_gz_bytes={css_gz}")
    print(f"# warm runs: {', '.join(f'{w:.3f}' for w in warm)}")


if __name__ == "__main__":
    main()
