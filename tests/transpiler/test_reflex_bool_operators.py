"""`~`, `&` and `|` on State bools, as Reflex's docs write them: `rx.cond(~State.flag, ...)`,
`rx.cond(State.a & (State.n > 1), ...)`. In Reflex these are `not`, `and`, `or`; Python's
`~True` is -2 (truthy), so a Python reading would pick the same branch whatever the flag."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from pyxjs.loader import load_app
from pyxjs.transpiler import CompileErrors, transpile
from tests.support.render import js_render

APP = textwrap.dedent('''\
    import pyxjs as rx


    class Flags(rx.State):
        show: bool = True
        n: int = 0
        rows: list[dict] = [{"done": True}, {"done": False}]


    def index():
        return rx.vstack(
            rx.text(rx.cond(~Flags.show, "hidden", "shown")),
            rx.text(rx.cond(Flags.show & (Flags.n > 1), "both", "not both")),
            rx.text(rx.cond(~Flags.show | (Flags.n == 0), "either", "neither")),
            rx.text(rx.cond(Flags.show ^ (Flags.n > 0), "one", "same")),
            rx.foreach(Flags.rows, lambda r: rx.text(rx.cond(~r["done"], "open", "closed"))),
            rx.text(~Flags.n),
        )


    app = rx.App()
    app.add_page(index)
    ''')


@pytest.mark.parametrize("show, n, expected", [
    (True, 0, "shown|not both|either|one|closed|open|-1"),
    (False, 0, "hidden|not both|either|same|closed|open|-1"),
    (True, 2, "shown|both|neither|same|closed|open|-3"),
    (False, 2, "hidden|not both|either|one|closed|open|-3"),
])
def test_tilde_and_or_on_bools_mean_not_and_or(tmp_path: Path, show, n, expected):
    path = tmp_path / "flags_app.py"
    path.write_text(APP)
    (page,), = js_render(path, [{"flags": {"show": show, "n": n}}])[0]
    assert page.error is None, page
    shown = "|".join(re.findall(r'<span class="rt-Text">([^<]*)</span>', page.markup))
    assert shown == expected, page.markup


def test_and_on_non_bools_is_a_clear_build_error(tmp_path: Path):
    path = tmp_path / "ints_app.py"
    path.write_text(APP.replace('rx.text(~Flags.n),', 'rx.text(Flags.n & 1),'))
    loaded = load_app(path)
    with pytest.raises(CompileErrors) as info:
        transpile([p.component for p in loaded.app.pages.values()], root=tmp_path)
    message = str(info.value)
    assert "PYX101" in message and "only between two bools" in message and "`and`" in message, message
