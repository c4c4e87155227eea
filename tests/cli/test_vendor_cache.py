"""The vendor bundle (pyxjs/bundler/vendor.py): the npm side is bundled once per lockfile and set of
imported names and reused by later builds; what ships is the same as one bundle would be."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest

from pyxjs.bundler.builder import build
from pyxjs.bundler.vendor import VendorImports, shim_path, vendor_key
from pyxjs.bundler.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "github_avatar" / "app.py"
RUNTIME = ROOT / "runtime_js" / "src"
ICON_PAGE = '''
def index():
    return rx.hstack(
        rx.icon("arrow-right"),
        rx.avatar(src=f"https://github.com/{GithubState.username}.png"),
        rx.input(placeholder="Enter your username", on_blur=GithubState.set_username),
    )
'''


def quiet(message: str) -> None:
    pass


def shipped_js(result) -> str:
    manifest = json.loads((result.out_dir / "manifest.json").read_text())
    return (result.out_dir / manifest["entry"]["js"]).read_text()


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("vendor")
    shutil.copy(SEED, folder / "app.py")
    return folder


def vendor_entries(project: Path) -> set[str]:
    return {p.name for p in (project / ".pyx" / "vendor").iterdir() if p.is_dir() and not p.name.startswith(".")}


def test_an_edit_reuses_the_vendor_bundle_and_new_names_rebuild_it(project: Path):
    app = project / "app.py"
    first = build(app, log=quiet)
    assert not first.vendor_reused
    entries = vendor_entries(project)
    assert len(entries) == 1

    # An edit of the page's text: the app's modules are bundled again, the npm side is not.
    app.write_text(app.read_text().replace("Enter your username", "Who are you?"))
    second = build(app, log=quiet)
    assert second.vendor_reused
    assert vendor_entries(project) == entries
    assert "Who are you?" in shipped_js(second) and "Enter your username" not in shipped_js(second)

    # A new imported name (an icon): a new vendor bundle, holding that icon and only it.
    source = app.read_text()
    head = source[:source.index("def index():")]
    tail = source[source.index("app = rx.App()"):]
    app.write_text(head + ICON_PAGE.replace("Enter your username", "Who are you?") + "\n" + tail)
    third = build(app, log=quiet)
    assert not third.vendor_reused
    assert len(vendor_entries(project)) == 2
    js = shipped_js(third)
    assert "M5 12h14" in js  # lucide's arrow-right path
    assert "M19 12H5" not in js  # arrow-left's: icons the page does not use stay out

    # Back to the first set of names: that entry is still cached.
    app.write_text(source)
    assert build(app, log=quiet).vendor_reused


def test_split_build_is_deterministic_and_matches_a_fresh_vendor(project: Path, tmp_path: Path):
    """The same inputs give the same files, whether the vendor bundle was cached or just made."""
    app = project / "app.py"
    cached = build(app, tmp_path / "a", log=quiet)
    assert cached.vendor_reused
    shutil.rmtree(project / ".pyx" / "vendor")
    fresh = build(app, tmp_path / "b", log=quiet)
    assert not fresh.vendor_reused
    names_a = sorted(f.path for f in cached.files)
    assert names_a == sorted(f.path for f in fresh.files)
    for name in names_a:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    # The .gz siblings hold the files they sit beside.
    for name in names_a:
        gz = tmp_path / "a" / f"{name}.gz"
        if gz.is_file():
            assert gzip.decompress(gz.read_bytes()) == (tmp_path / "a" / name).read_bytes()


def test_the_key_follows_the_lockfile_the_runtime_and_local_components(tmp_path: Path):
    workspace = Workspace(tmp_path / ".pyx")
    (workspace.runtime).mkdir(parents=True)
    (workspace.root / "package-lock.json").write_text('{"lockfileVersion": 3}')
    (workspace.runtime / "index.js").write_text("export const a = 1;\n")
    local = tmp_path / "Stars.jsx"
    local.write_text("export default function Stars() { return null; }\n")
    entry = VendorImports.of_modules(['import { Flex } from "./runtime/index.js";\n'], workspace.src).entry()
    key = vendor_key(workspace, entry, [local])
    assert vendor_key(workspace, entry, [local]) == key
    (workspace.root / "package-lock.json").write_text('{"lockfileVersion": 3, "packages": {}}')
    after_lock = vendor_key(workspace, entry, [local])
    assert after_lock != key
    (workspace.runtime / "index.js").write_text("export const a = 2;\n")
    after_runtime = vendor_key(workspace, entry, [local])
    assert after_runtime != after_lock
    local.write_text("export default function Stars() { return 1; }\n")
    assert vendor_key(workspace, entry, [local]) != after_runtime
    other = VendorImports.of_modules(['import { Flex, Text } from "./runtime/index.js";\n'], workspace.src).entry()
    assert vendor_key(workspace, other, [local]) != vendor_key(workspace, entry, [local])


def test_imports_are_read_from_the_generated_modules(tmp_path: Path):
    code = ('import { Flex, useVar as $useVar } from "./runtime/index.js";\n'
            'import { ArrowRight } from "lucide-react";\n'
            'import "react-day-picker/style.css";\n'
            'import { Card } from "./cards.jsx";\n'
            'import * as $py from "./runtime/py.js";\n'
            'export function Index() { return $py.str($py.floordiv(1, 2)) + "costs $py.dollars"; }\n')
    (tmp_path / "runtime").symlink_to(RUNTIME, target_is_directory=True)  # as in .pyx/src/
    imports = VendorImports.of_modules([code], tmp_path)
    assert imports.named["./runtime/index.js"] == {"Flex", "useVar"}
    assert imports.named["lucide-react"] == {"ArrowRight"}
    assert imports.named["./runtime/py.js"] == {"str", "floordiv"}  # not `dollars`: py.js has no such export
    assert imports.named["react/jsx-runtime"] == {"Fragment", "jsx", "jsxs"}
    assert "./cards.jsx" not in imports.named  # the app's own module
    assert imports.side == {"react-day-picker/style.css"}
    entry = imports.entry()
    assert entry.index('"@radix-ui/themes/styles.css"') < entry.index('"react-day-picker/style.css"')
    assert re.search(r'^export \{ ArrowRight as \$\d+ \} from "lucide-react";$', entry, re.M)


def test_shim_paths(tmp_path: Path):
    assert shim_path(tmp_path, "./runtime/index.js") == tmp_path / "runtime" / "index.js"
    assert shim_path(tmp_path, "react/jsx-runtime") == tmp_path / "node_modules" / "react" / "jsx-runtime.js"
    assert shim_path(tmp_path, "lucide-react") == tmp_path / "node_modules" / "lucide-react" / "index.js"
    assert shim_path(tmp_path, "@scope/pkg") == tmp_path / "node_modules" / "@scope" / "pkg" / "index.js"
    assert shim_path(tmp_path, "pkg/style.css") == tmp_path / "node_modules" / "pkg" / "style.css"


DYNAMIC_ICON_APP = '''
import pyxjs as rx


class IconState(rx.State):
    name: str = "house"


def index():
    return rx.hstack(rx.icon(IconState.name), rx.icon("arrow-right"))


app = rx.App()
app.add_page(index, route="/")
'''


def test_a_dynamic_icon_builds_in_one_run_with_lucide_split_off(project: Path, tmp_path: Path):
    """lucide's whole set loads lazily in a chunk of its own: such a build bundles everything in one
    esbuild run (no vendor bundle), and the next ordinary build of the same workspace uses it again."""
    app = project / "dynamic.py"
    app.write_text(DYNAMIC_ICON_APP)
    split = build(app, tmp_path / "split", log=quiet)
    assert not split.vendor_reused
    assert any(f.path.startswith("assets/chunk-") for f in split.files)
    assert 'type="module"' in (tmp_path / "split" / "index.html").read_text()
    again = build(project / "app.py", tmp_path / "plain", log=quiet)
    assert again.vendor_reused
    assert not any(f.path.startswith("assets/chunk-") for f in again.files)
