"""A Reflex project loads as Reflex loads it: rxconfig.py names the package, `<app>.<app>` is
imported as a package module (relative imports, `from shop.x import y`, pages in submodules),
and the app can be named by its file, its folder or nothing at all."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from pyxjs.bundler.fingerprint import default_out_dir
from pyxjs.layout import locate
from pyxjs.loader import AppLoadError, load_app


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


SHOP = {
    "rxconfig.py": """\
        import pyxjs as rx

        config = rx.Config(app_name="shop", db_url="sqlite:///reflex.db", telemetry_enabled=False,
                           plugins=[rx.plugins.SitemapPlugin(), rx.plugins.RadixThemesPlugin()])
        """,
    "shop/__init__.py": "",
    "shop/state.py": """\
        import pyxjs as rx


        class CartState(rx.State):
            count: int = 0

            def add(self):
                self.count += 1
        """,
    "shop/style.py": "card = {'padding': '1em'}\n",
    "shop/components/__init__.py": "",
    "shop/components/badge.py": """\
        import pyxjs as rx

        from ..state import CartState


        def cart_badge():
            return rx.badge(f"{CartState.count} items")
        """,
    "shop/pages/__init__.py": "from .index import index\nfrom .about import about\n",
    "shop/pages/index.py": """\
        import pyxjs as rx

        from shop.components.badge import cart_badge
        from shop.state import CartState
        from shop.style import card


        @rx.page(route="/", title="Shop")
        def index():
            return rx.vstack(cart_badge(), rx.button("Add", on_click=CartState.add), style=card)
        """,
    "shop/pages/about.py": """\
        import pyxjs as rx


        @rx.page(route="/about")
        def about():
            return rx.text("about us")
        """,
    "shop/shop.py": """\
        import pyxjs as rx

        from .pages import *

        app = rx.App()
        """,
}


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    return write(tmp_path / "shop_project", SHOP)


def test_the_package_loads_with_relative_imports_and_pages_in_submodules(shop: Path):
    loaded = load_app(shop)
    assert list(loaded.app.pages) == ["/", "/about"]
    assert loaded.app.pages["/"].title == "Shop"
    assert loaded.module.__name__ == "shop.shop"
    assert [cls.__name__ for cls in loaded.states] == ["CartState"]
    assert loaded.root == shop.resolve()
    assert loaded.config is not None and loaded.config.app_name == "shop"
    assert {m.__name__ for m in loaded.modules} >= {"shop.shop", "shop.state", "shop.pages.index", "shop.components.badge"}


def test_file_folder_and_nothing_name_the_same_app(shop: Path, monkeypatch):
    by_file = locate(shop / "shop" / "shop.py")
    by_folder = locate(shop)
    monkeypatch.chdir(shop)
    by_nothing = locate(None)
    assert by_file == by_folder == by_nothing
    assert by_file.module == "shop.shop" and by_file.root == shop.resolve()
    assert default_out_dir(shop / "shop" / "shop.py") == shop.resolve() / "dist"


def test_ignored_options_are_warnings_naming_them(shop: Path):
    warnings = load_app(shop).warnings
    assert not any("db_url" in w for w in warnings)  # every `reflex init` project sets it
    assert any("SitemapPlugin" in w for w in warnings)
    assert not any("telemetry" in w or "RadixThemesPlugin" in w for w in warnings)
    assert all(w.startswith("rxconfig.py: warning: ") for w in warnings)


def test_a_second_load_runs_the_code_as_it_is_now(shop: Path):
    load_app(shop)
    (shop / "shop" / "pages" / "about.py").write_text(
        "import pyxjs as rx\n\n\n@rx.page(route='/company')\ndef about():\n    return rx.text('us')\n")
    assert list(load_app(shop).app.pages) == ["/", "/company"]


def test_two_projects_with_one_package_name_do_not_mix(shop: Path, tmp_path: Path):
    other = write(tmp_path / "other", {
        "rxconfig.py": "import pyxjs as rx\nconfig = rx.Config(app_name='shop')\n",
        "shop/__init__.py": "",
        "shop/shop.py": "import pyxjs as rx\n\n\ndef index():\n    return rx.text('other')\n\n\napp = rx.App()\napp.add_page(index)\n",
    })
    assert list(load_app(shop).app.pages) == ["/", "/about"]
    assert list(load_app(other).app.pages) == ["/"]
    assert list(load_app(shop).app.pages) == ["/", "/about"]


def test_state_manager_from_rxconfig(tmp_path: Path):
    root = write(tmp_path / "p", {
        "rxconfig.py": "import pyxjs as rx\nconfig = rx.Config(app_name='p', state_manager_mode='disk', frontend_port=3123)\n",
        "p/__init__.py": "",
        "p/p.py": "import pyxjs as rx\n\n\ndef index():\n    return rx.text('hi')\n\n\napp = rx.App()\napp.add_page(index)\n",
    })
    loaded = load_app(root)
    assert loaded.app.state_manager == "disk"
    assert loaded.config.port == 3123


def test_an_error_in_a_sibling_module_points_at_it(shop: Path, monkeypatch):
    monkeypatch.chdir(shop)
    (shop / "shop" / "state.py").write_text("import pyxjs as rx\n\nvalue = 1 / 0\n")
    with pytest.raises(AppLoadError) as error:
        load_app(None)
    message = str(error.value)
    assert message.startswith(f"{os.path.join('shop', 'state.py')}:3: error while importing the app: ZeroDivisionError")
    (shop / "shop" / "state.py").write_text("import pyxjs as rx\n\nclass S(rx.State)\n")
    with pytest.raises(AppLoadError) as error:
        load_app(None)
    assert "state.py:3" in str(error.value) and "PYX101" in str(error.value)


def test_a_project_still_importing_reflex_is_told_to_migrate(shop: Path):
    (shop / "rxconfig.py").write_text("import reflex as rx\n\nconfig = rx.Config(app_name='shop')\n")
    with pytest.raises(AppLoadError) as error:
        load_app(shop)
    assert "rxconfig.py:1" in str(error.value) and "pyx migrate" in str(error.value)


@pytest.mark.parametrize(("files", "expected"), [
    ({"rxconfig.py": "import pyxjs as rx\nconfig = rx.Config(app_name='shop')\n"},
     "names the module shop.shop, but there is no"),
    ({"rxconfig.py": "import pyxjs as rx\nimport os\nconfig = rx.Config(app_name=os.environ['X'])\n"},
     "needs app_name as a string literal"),
    ({"rxconfig.py": "import pyxjs as rx\n"}, "no `config = rx.Config(app_name=...)` found"),
    ({"README.md": "hi"}, "no rxconfig.py and no app.py or main.py here"),
])
def test_a_folder_that_is_no_project_says_what_is_missing(tmp_path: Path, files, expected):
    write(tmp_path, files)
    with pytest.raises(AppLoadError) as error:
        locate(tmp_path)
    assert expected in str(error.value)


def test_a_relative_import_outside_a_package_gets_a_hint(tmp_path: Path):
    write(tmp_path, {"lone.py": "from .state import S\n"})
    with pytest.raises(AppLoadError) as error:
        load_app(tmp_path / "lone.py")
    assert "lone.py:1" in str(error.value) and "rxconfig.py beside shop/__init__.py" in str(error.value)


def test_a_file_in_a_package_without_rxconfig_imports_as_part_of_it(tmp_path: Path):
    root = write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/parts.py": "import pyxjs as rx\n\n\ndef hello():\n    return rx.text('hello')\n",
        "pkg/main.py": "import pyxjs as rx\nfrom .parts import hello\n\napp = rx.App()\napp.add_page(hello, route='/')\n",
    })
    loaded = load_app(root / "pkg" / "main.py")
    assert loaded.module.__name__ == "pkg.main" and loaded.root == root.resolve()


def test_a_config_subclass_and_rx_env_as_reflex_templates_write_them(tmp_path: Path):
    root = write(tmp_path / "up", {
        "rxconfig.py": """\
            import pyxjs as rx


            class UploadConfig(rx.Config):
                pass


            config = UploadConfig(app_name="up", env=rx.Env.DEV, db_url="sqlite:///reflex.db")
            """,
        "up/up.py": "import pyxjs as rx\n\n\ndef index():\n    return rx.text('hi')\n\n\napp = rx.App()\napp.add_page(index)\n",
    })  # no __init__.py: Reflex projects run as namespace packages too
    loaded = load_app(root)
    assert loaded.module.__name__ == "up.up" and loaded.warnings == []


def test_a_reflex_component_package_is_named_as_such(shop: Path):
    (shop / "shop" / "style.py").write_text("import reflex_chakra as rc\n")
    with pytest.raises(AppLoadError) as error:
        load_app(shop)
    assert "style.py:1" in str(error.value) and "reflex_chakra is a component package written for Reflex" in str(error.value)


def test_options_set_to_none_ask_for_nothing(tmp_path: Path):
    root = write(tmp_path / "q", {
        "rxconfig.py": "import pyxjs as rx\nconfig = rx.Config(app_name='q', tailwind=None, cors_allowed_origins=['*'])\n",
        "q/q.py": "import pyxjs as rx\n\n\ndef index():\n    return rx.text('hi')\n\n\napp = rx.App()\napp.add_page(index)\n",
    })
    assert [w.split(": ignored")[0] for w in load_app(root).warnings] == [
        "rxconfig.py: warning: rx.Config(cors_allowed_origins=['*']) is ignored: use `pyx run --allow-origin ORIGIN`"]


def test_pyx_run_in_the_project_folder_serves_on_rxconfigs_port_with_its_state_manager(tmp_path: Path, monkeypatch):
    import pyxjs.bundler.fingerprint
    import pyxjs.server
    from click.testing import CliRunner

    from pyxjs.cli import cli

    root = write(tmp_path / "p", {
        "rxconfig.py": "import pyxjs as rx\nconfig = rx.Config(app_name='p', frontend_port=3123, state_manager_mode='disk')\n",
        "p/p.py": "import pyxjs as rx\n\n\ndef index():\n    return rx.text('hi')\n\n\napp = rx.App()\napp.add_page(index)\n",
    })
    served = {}
    monkeypatch.setattr(pyxjs.bundler.fingerprint, "is_stale", lambda app, dist: False)  # no npm here
    monkeypatch.setattr(pyxjs.server, "serve", lambda states, dist, **options: served.update(options, dist=dist))
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["run"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert served["port"] == 3123 and served["dist"] == root.resolve() / "dist"
    assert type(served["manager"]).__name__ == "DiskStateManager"
    result = CliRunner().invoke(cli, ["run", "--port", "4000"], catch_exceptions=False)
    assert served["port"] == 4000


def test_app_module_import_names_another_module(tmp_path: Path):
    root = write(tmp_path / "q", {
        "rxconfig.py": "import pyxjs as rx\nconfig = rx.Config(app_name='shop', app_module_import='shop.main_app')\n",
        "shop/__init__.py": "",
        "shop/main_app.py": "import pyxjs as rx\n\n\ndef index():\n    return rx.text('hi')\n\n\napp = rx.App()\napp.add_page(index)\n",
    })
    loaded = load_app(root)
    assert loaded.module.__name__ == "shop.main_app" and list(loaded.app.pages) == ["/"]


def test_two_ports_serve_on_the_frontend_one_and_say_so():
    import pyxjs as rx

    config = rx.Config(app_name="p", frontend_port=3001, backend_port=8001)
    assert config.port == 3001
    assert config.warnings() == ["rx.Config(backend_port=8001) is ignored: pyxjs serves the page and its websocket "
                                 "on one port, frontend_port=3001"]
