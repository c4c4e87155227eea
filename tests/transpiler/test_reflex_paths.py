"""Reflex's module paths under pyxjs (`from reflex.vars.base import Var` becomes
`from pyxjs.vars.base import Var` when an app moves over): each hands on what pyxjs has, and a
path or name pyxjs lacks fails with an error naming the Reflex path, located in the app.
The golden case fixtures/transpile/reflex_module_paths compiles and runs the type names."""

import importlib
import textwrap
from pathlib import Path

import pytest

import pyxjs as rx
from pyxjs.loader import AppLoadError, load_app
from pyxjs.reflex_paths import ReflexPathError


async def _background_handler(self):
    pass


def test_the_paths_real_apps_import_hand_on_what_pyxjs_has():
    from pyxjs.components.radix.themes import theme
    from pyxjs.constants.colors import Color
    from pyxjs.event import EventHandler, EventSpec
    from pyxjs.utils.imports import ImportDict
    from pyxjs.utils.serializers import serializer
    from pyxjs.vars.base import Var
    from pyxjs.vars.number import NumberVar
    from pyxjs.vars.sequence import StringVar
    import pyxjs.components.recharts as recharts
    from pyxjs.components.el.elements import div
    from pyxjs.components.el.elements.media import Svg
    from pyxjs.components.radix.themes.components.button import button
    from pyxjs.components.radix.themes.layout.box import Box
    from pyxjs.components.component import Component
    from pyxjs.style import Style
    from pyxjs.state import State
    from pyxjs.vars import Var as VarAgain
    from pyxjs.components.core import cond, foreach
    from pyxjs.components.datadisplay.code import code_block
    from pyxjs.components.markdown.markdown import markdown

    assert theme is rx.theme and serializer is rx.serializer and Var is rx.Var is VarAgain
    assert EventHandler is rx.EventHandler and State is rx.State and Component is rx.Component
    assert recharts.bar_chart is rx.recharts.bar_chart and div is rx.el.div and button is rx.button
    assert Box.create is rx.box and Svg.create is rx.el.svg
    assert cond is rx.cond and foreach is rx.foreach and code_block is rx.code_block and markdown is rx.markdown

    # importing the module `pyxjs.components.markdown` leaves the component usable under that name
    import pyxjs.components

    assert pyxjs.components.markdown("# hi").spec is rx.markdown("# hi").spec
    from pyxjs.page import page
    from pyxjs.base import Base
    import pyxjs.components.el.elements as elements

    assert Base is rx.Base and elements.div is rx.el.div
    from pyxjs.components.core.responsive import cond as cond_again  # any rx. name, below any served path

    import pyxjs.app

    assert page is pyxjs.app.page and callable(rx.page) and cond_again is rx.cond
    import pyxjs.event  # and the module `pyxjs.event` leaves `rx.event` a decorator

    assert getattr(pyxjs.event(background=True)(_background_handler), "_pyx_event").background
    assert Color("red", 9) == rx.color("red", 9) == "var(--red-9)"
    assert NumberVar[int] is int and StringVar[str] is str and rx.Var.create([1]) == [1]
    assert ImportDict.__origin__ is dict and Style({"color": "red"}) == {"color": "red"}
    assert EventSpec.__name__ == "EventSpec"


@pytest.mark.parametrize("module, missing, advice", [
    ("pyxjs.vars.function", "vars.function", "import the names from pyxjs itself"),
    ("pyxjs.model", "model", "pyxjs has no database layer yet"),
    ("pyxjs.components.chakra.forms", "components.chakra", "use the Radix ones"),  # the first part missing
])
def test_a_path_pyxjs_lacks_is_a_clear_error_naming_the_reflex_path(module: str, missing: str, advice: str):
    with pytest.raises(ReflexPathError) as info:
        importlib.import_module(module)
    assert isinstance(info.value, ModuleNotFoundError)
    assert f"pyxjs has no module `pyxjs.{missing}` (Reflex's `reflex.{missing}`); " in str(info.value)
    assert advice in str(info.value) and "docs/architecture.md" in str(info.value)


def test_reflex_modules_imported_from_the_top_answer_too():
    from pyxjs import constants, event, style, vars  # `from reflex import constants`, ...

    assert constants.Color and style.Style and vars.Var is rx.Var and event.EventSpec
    with pytest.raises(ImportError, match=r"pyxjs has no `rx.model` yet \(Reflex's `reflex.model`\): pyxjs has no "
                                          "database layer yet"):
        from pyxjs import model  # noqa: F401


def test_a_name_pyxjs_lacks_says_why_for_from_imports_and_attributes():
    with pytest.raises(ImportError, match=r"pyxjs has no `VarData` in `pyxjs.vars.base` \(Reflex's "
                                          r"`reflex.vars.base.VarData`\); pyxjs compiles component code"):
        from pyxjs.vars.base import VarData  # noqa: F401
    with pytest.raises(ImportError, match="ImmutableStateError.*raises RuntimeError; catch that"):
        from pyxjs.utils.exceptions import ImmutableStateError  # noqa: F401
    with pytest.raises(ImportError, match=r"pyxjs has no `merge_imports` in `pyxjs.utils.imports`"):
        from pyxjs.utils.imports import merge_imports  # noqa: F401
    import pyxjs.event

    with pytest.raises(AttributeError, match="EventChain.*a list of handlers is a chain"):
        pyxjs.event.EventChain  # noqa: B018
    assert getattr(pyxjs.event, "EventChain", None) is None  # still an AttributeError for getattr
    # a name a served path lacks is that name's error, never an empty module of that name
    with pytest.raises(ImportError, match=r"pyxjs has no `not_a_component` in `pyxjs.components.core.responsive`"):
        from pyxjs.components.core.responsive import not_a_component  # noqa: F401
    with pytest.raises(TypeError, match="pyxjs cannot subclass Reflex's `Div`.*rx.el.div"):
        from pyxjs.components.el.elements import Div

        class MyDiv(Div):  # noqa: F841
            pass


def test_an_unknown_path_in_an_app_is_located_by_the_loader(tmp_path: Path):
    app = tmp_path / "paths_app.py"
    app.write_text(textwrap.dedent("""\
        import pyxjs as rx
        from pyxjs.vars.base import Var
        from pyxjs.utils.path_ops import mkdir

        app = rx.App()
        """))
    with pytest.raises(AppLoadError) as info:
        load_app(app)
    message = str(info.value)
    assert message.startswith(f"{app}:3: error while importing the app: ")
    assert "pyxjs has no module `pyxjs.utils.path_ops` (Reflex's `reflex.utils.path_ops`)" in message


def test_a_missing_name_in_an_app_is_located_by_the_loader(tmp_path: Path):
    app = tmp_path / "names_app.py"
    app.write_text("import pyxjs as rx\n\nfrom pyxjs.constants import Hooks\n\napp = rx.App()\n")
    with pytest.raises(AppLoadError) as info:
        load_app(app)
    assert str(info.value).startswith(f"{app}:3: error while importing the app: ")
    assert "pyxjs has no `Hooks` in `pyxjs.constants` (Reflex's `reflex.constants.Hooks`)" in str(info.value)


class Money:
    def __init__(self, cents: int) -> None:
        self.cents = cents


def test_serializer_takes_reflexs_to_and_tells_the_compiler_what_the_page_gets():
    from pyxjs.state.serialize import encode, serialized_as
    from pyxjs.transpiler.phases.analyze.types import STR, from_annotation
    from pyxjs.utils.serializers import serialize, serializer

    @serializer(to=str)
    def money(value: Money) -> str:
        return f"${value.cents / 100:.2f}"

    assert serialize(Money(250)) == "$2.50" and encode({"m": Money(5)}) == '{"m":"$0.05"}'
    assert serialized_as(Money) is str and from_annotation(Money) == STR
    with pytest.raises(ValueError, match="already has a serializer"):
        serializer(money, overwrite=False)


def test_var_annotations_are_types_python_can_evaluate():
    from pyxjs.event import EventHandler
    from pyxjs.vars.number import NumberVar

    def card(title: str | rx.Var, on_click: EventHandler | None = None, n: NumberVar | None = None) -> rx.Component:
        return rx.text(title)

    assert card.__annotations__["title"] == str | rx.Var
    with pytest.raises(TypeError, match="rx.Var is an annotation"):
        rx.Var(1)
    with pytest.raises(TypeError, match="rx.NumberVar is an annotation"):
        NumberVar(1)
