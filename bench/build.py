"""Build benchmark: the seed app (examples/github_avatar) and examples/gallery.

Prints, per app:
  build_cold_s        a fresh folder with no .pyx/ workspace: `npm ci` runs (from npm's local
                      cache once it has been filled) and the vendor bundle is made;
  build_warm_s        a rebuild after an edit that changes what the page shows, packages cached
                      (the case Reflex's "npm deps cached" figure describes): the median of --runs;
  build_warm_best_s   the best of them (the machine is shared: the best is the least disturbed);
  build_warm_cpu_s    the median CPU time (user + system) of those builds' processes;
and build_peak_rss_mb, the largest resident set of any process of a warm build (pyx or esbuild).
Every figure times the whole `pyx build` process, Python start-up included. The gallery's lines
carry the suffix _gallery. Python runs with its bytecode cache, as an installed pyxjs does.
Run: .venv/bin/python bench/build.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYX = [sys.executable, "-m", "pyxjs.cli"]


@dataclass
class App:
    label: str  # the suffix of its lines ("" for the seed app)
    folder: Path
    edited_text: str  # a string literal of a page, changed by each edit


APPS = [App("", ROOT / "examples" / "github_avatar", "Enter your username"),
        App("_gallery", ROOT / "examples" / "gallery", "pyxjs gallery")]


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed_build(project: Path) -> tuple[float, float, float]:
    """(seconds, CPU seconds of the build's processes, peak RSS in MB of the largest of them)."""
    started = time.perf_counter()
    proc = subprocess.Popen([*PYX, "build"], cwd=project, env=environment(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"build failed:\n{proc.stderr.read().decode()}")
    proc.stderr.close()
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # Linux reports KB


def edit(app_file: Path, text: str, number: int) -> None:
    source = app_file.read_text(encoding="utf-8")
    app_file.write_text(source.replace(text, f"{text} {number}", 1) if number == 0 else
                        source.replace(f"{text} {number - 1}", f"{text} {number}", 1), encoding="utf-8")


def bench(app: App, runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="pyx-bench-build-") as tmp:
        project = Path(tmp) / app.folder.name
        shutil.copytree(app.folder, project, ignore=shutil.ignore_patterns(".pyx", "dist", "__pycache__"))
        app_file = project / "app.py"
        if app.edited_text not in app_file.read_text(encoding="utf-8"):
            sys.exit(f"{app_file}: the benchmark edits {app.edited_text!r}, which it no longer contains")
        cold, _, _ = timed_build(project)
        timed_build(project)  # Python's bytecode cache for the app, as on any second build
        warm, cpu, rss = [], [], []
        for number in range(runs):
            edit(app_file, app.edited_text, number)
            seconds, cpu_seconds, peak = timed_build(project)
            warm.append(seconds)
            cpu.append(cpu_seconds)
            rss.append(peak)
        manifest = json.loads((project / "dist" / "manifest.json").read_text())
    files = manifest["files"]
    return {
        "build_cold_s": cold,
        "build_warm_s": statistics.median(warm),
        "build_warm_best_s": min(warm),
        # What the build itself costs, whatever else the machine runs: wall time on a quiet machine
        # comes close to it (esbuild's threads may make wall time the smaller).
        "build_warm_cpu_s": statistics.median(cpu),
        "build_peak_rss_mb": max(rss),
        "js_gz_bytes": sum(info["gzip_bytes"] or 0 for path, info in files.items() if path.endswith(".js")),
        "css_gz_bytes": sum(info["gzip_bytes"] or 0 for path, info in files.items() if path.endswith(".css")),
        "runs": warm,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    peak = 0.0
    for app in APPS:
        figures = bench(app, args.runs)
        runs = figures.pop("runs")
        peak = max(peak, figures.pop("build_peak_rss_mb"))
        for name, value in figures.items():
            print(f"{name}{app.label}={value:.3f}" if isinstance(value, float) else f"{name}{app.label}={value}")
        print(f"# warm runs{app.label}: {', '.join(f'{w:.3f}' for w in runs)}")
    print(f"build_peak_rss_mb={peak:.0f}")


if __name__ == "__main__":
    main()
