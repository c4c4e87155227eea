"""rx.Field / rx.field / rx.Var on State vars and component parameters, and the message for a
name pyxjs does not have."""

from __future__ import annotations

import textwrap

import pytest

import pyxjs as rx
from pyxjs.state.fields import ServerOnlyField


class FldState(rx.State):
    items: rx.Field[list[str]] = rx.field(["a"])
    made: dict[str, int] = rx.field(default_factory=dict)
    loose = rx.field(default_factory=list)
    count: rx.Var[int] = 0
    cache: dict[str, str] = rx.field({}, is_var=False)

    @rx.var
    def summary(self) -> str:
        return f"{len(self.items)}/{len(self.cache)}/{self.count}"


def test_field_and_var_annotations_declare_plain_vars():
    vars_ = FldState._pyx_vars
    assert vars_["items"].type == list[str] and vars_["items"].default == ["a"]
    assert vars_["made"].type == dict[str, int] and vars_["made"].default == {}
    assert vars_["loose"].type is list
    assert vars_["count"].type is int
    assert FldState._pyx_handlers["set_count"].__annotations__ == {"value": int}


def test_a_default_factory_is_called_for_each_client():
    made = iter(range(100))

    class TicketState(rx.State):
        ticket: int = rx.field(default_factory=lambda: next(made))
        _secret: str = rx.field(default_factory=lambda: f"s{next(made)}")

    first, second = TicketState(), TicketState()
    assert TicketState._pyx_vars["ticket"].type is int
    assert first.ticket != second.ticket and first._secret != second._secret
    first.ticket = 50
    assert first.pyx_take_delta()[0] == {"ticket": 50}  # tracked like any var


def test_each_client_gets_its_own_copy_of_a_field_default():
    first, second = FldState(), FldState()
    first.items.append("b")
    first.made["x"] = 1
    assert second.items == ["a"] and second.made == {}


def test_is_var_false_stays_on_the_server_but_feeds_computed_vars():
    state = FldState()
    assert "cache" not in FldState._pyx_vars and "cache" not in state.pyx_snapshot()
    assert isinstance(FldState.cache, ServerOnlyField)
    state.cache["k"] = "v"
    assert state.pyx_take_delta() == ({"summary": "1/1/0"}, None)


def test_field_misuse_fails_at_import():
    with pytest.raises(TypeError, match="a default or a default_factory"):
        rx.field([], default_factory=list)
    with pytest.raises(TypeError, match="a default or a default_factory"):
        rx.field()
    with pytest.raises(TypeError, match="rx.Var is an annotation"):
        rx.Var(1)


def test_a_missing_name_says_so_for_attribute_and_import():
    with pytest.raises(AttributeError, match=r"pyxjs has no `rx.no_such_widget` yet"):
        rx.no_such_widget  # noqa: B018
    with pytest.raises(ImportError, match=r"pyxjs has no `rx.no_such_widget` yet"):
        from pyxjs import no_such_widget  # noqa: F401
    assert not hasattr(rx, "no_such_widget")


def test_rx_var_annotations_reach_the_transpiler_as_their_type(tmp_path):
    from tests.support.render import js_render

    app = tmp_path / "var_types_app.py"
    app.write_text(textwrap.dedent('''\
        import pyxjs as rx


        class Ratio(rx.State):
            ratio: rx.Var[float] = 2.0


        def show(x: rx.Var[float]) -> rx.Component:
            return rx.text(str(x), id="param")


        def index():
            return rx.vstack(rx.text(str(Ratio.ratio), id="var"), show(Ratio.ratio))


        app = rx.App()
        app.add_page(index)
        '''))
    ((page,),), _ = js_render(app, [{"ratio": {"ratio": 2.0}}])
    # A float prints as Python does ("2.0"), which the page can only know from the type.
    assert '<span id="var" class="rt-Text">2.0</span>' in page.markup, page.markup
    assert '<span id="param" class="rt-Text">2.0</span>' in page.markup, page.markup
