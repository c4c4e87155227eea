"""lucide-react's icons as the build sees them: which names exist, and in which file each lives.

Generated modules import icons by name from the package (`import { House as $icon$House } from
"lucide-react"`), which tree-shaking reduces to the icons used. A build with code splitting (an
rx.icon whose name only the browser knows loads the whole set lazily) cannot do that: every icon
the index re-exports would land in a chunk shared with the page's own, loaded at start. There,
each static icon is imported from its own file instead.
"""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = "lucide-react"
_EXPORT_LINE = re.compile(r"export \{([^}]*)\} from '\./icons/([\w-]+)\.mjs';")
_NAME = re.compile(r"default as (\w+)")
# The line the transpiler's printer writes for a module's icons (names sorted, one line).
_IMPORT_LINE = re.compile(r'^import \{ ([^}]*) \} from "lucide-react";$', re.MULTILINE)


def icon_files(node_modules: Path) -> dict[str, str]:
    """Every exported icon name (aliases too: `Home`) -> its file under `lucide-react/icons/`."""
    index = node_modules / PACKAGE / "dist" / "esm" / "lucide-react.mjs"
    files = {}
    for names, file in _EXPORT_LINE.findall(index.read_text(encoding="utf-8")):
        for name in _NAME.findall(names):
            files[name] = file
    return files


def deep_icon_imports(code: str, files: dict[str, str]) -> str:
    """The module's named icon imports from the package, as one import per icon file. Kept on the
    one line they were on, so the module's source map still holds."""
    def per_file(match: re.Match) -> str:
        imports = []
        for entry in match.group(1).split(", "):
            name, _, local = entry.partition(" as ")
            imports.append(f'import {local or name} from "{PACKAGE}/icons/{files[name]}";')
        return " ".join(imports)
    return _IMPORT_LINE.sub(per_file, code)
