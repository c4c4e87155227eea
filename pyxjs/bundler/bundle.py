"""Running the esbuild binary (a static executable from its npm package; no node needed)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from pyxjs.bundler.errors import BuildError


def bundle(esbuild: Path, entry: Path, outdir: Path, metafile: Path, splitting: bool = False) -> dict:
    """`splitting`: an ES module whose dynamic imports become chunks of their own, loaded when
    first used (lucide's whole icon set for a dynamic rx.icon); otherwise one classic script."""
    argv = [
        str(esbuild),
        str(entry),
        "--bundle",
        "--minify",
        "--sourcemap",
        # Maps lead to the .py lines without shipping the text: app files hold server-side handlers.
        "--sources-content=false",
        "--jsx=automatic",
        "--target=es2020",
        "--charset=utf8",
        "--legal-comments=none",
        "--log-level=warning",
        "--entry-names=[name]-[hash]",
        "--asset-names=[name]-[hash]",
        "--define:process.env.NODE_ENV=\"production\"",
        f"--outdir={outdir}",
        f"--metafile={metafile}",
    ]
    if splitting:
        argv += ["--splitting", "--format=esm", "--chunk-names=chunk-[hash]"]
    proc = subprocess.run(argv, cwd=entry.parent, capture_output=True, text=True)
    if proc.returncode != 0:
        raise BuildError(f"error: esbuild could not bundle the app:\n{proc.stderr.strip()}")
    return json.loads(metafile.read_text())
