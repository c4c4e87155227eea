"""Running the esbuild binary (a static executable from its npm package; no node needed)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from pyxjs.bundler.errors import BuildError

COMMON_FLAGS = (
    "--bundle",
    # Maps lead to the .py lines without shipping the text: app files hold server-side handlers.
    "--sources-content=false",
    "--jsx=automatic",
    "--target=es2020",
    "--charset=utf8",
    "--legal-comments=none",
    "--log-level=warning",
    "--define:process.env.NODE_ENV=\"production\"",
)

OUTPUT_NAMES = ("--entry-names=[name]-[hash]", "--asset-names=[name]-[hash]")


def bundle(esbuild: Path, entry: Path, outdir: Path, metafile: Path, splitting: bool = False) -> dict:
    """Everything in one esbuild run. `splitting`: an ES module whose dynamic imports become
    chunks of their own, loaded when first used (lucide's whole icon set for a dynamic rx.icon)."""
    flags = [*COMMON_FLAGS, "--sourcemap", "--minify", *OUTPUT_NAMES, f"--outdir={outdir}", f"--metafile={metafile}"]
    if splitting:
        flags += ["--splitting", "--format=esm", "--chunk-names=chunk-[hash]"]
    _run(esbuild, entry, flags, "the app")
    return json.loads(metafile.read_text())


def bundle_vendor(esbuild: Path, entry: Path, outdir: Path) -> None:
    """The npm side as one minified ES module (vendor.js, vendor.css): its exports are the names
    the app imports, everything else tree-shaken away. Its map is written beside it but not linked:
    esbuild would read it (1.2 MB for the gallery) on every app build to map React's and Radix's
    lines back to node_modules, a third of the gallery's rebuild; the app's own lines map to .py
    either way."""
    _run(esbuild, entry, [*COMMON_FLAGS, "--sourcemap=external", "--minify", "--format=esm", f"--outdir={outdir}"],
         "the npm packages")


def bundle_app(esbuild: Path, entry: Path, outdir: Path, metafile: Path) -> dict:
    """The app's modules against the vendor bundle, into one hashed script. The vendor's names are
    minified already; minifying identifiers again would rename them all and come out larger (the
    seed app: +300 bytes gzipped), so this pass minifies whitespace and syntax only."""
    _run(esbuild, entry, [*COMMON_FLAGS, "--sourcemap", "--minify-whitespace", "--minify-syntax", *OUTPUT_NAMES,
                          f"--outdir={outdir}", f"--metafile={metafile}"], "the app")
    return json.loads(metafile.read_text())


def _run(esbuild: Path, entry: Path, flags: list[str], what: str) -> None:
    proc = subprocess.run([str(esbuild), str(entry), *flags], cwd=entry.parent, capture_output=True, text=True)
    if proc.returncode != 0:
        raise BuildError(f"error: esbuild could not bundle {what}:\n{proc.stderr.strip()}")
