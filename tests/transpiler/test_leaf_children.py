"""Var leaves (pyxjs/transpiler/phases/transform/leaves.py): which children move into a leaf
component and which stay inline, and the page renders the same text in node as in CPython."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from pyxjs.loader import load_app
from pyxjs.transpiler import transpile
from tests.support.render import compare

APP = textwrap.dedent('''\
    import pyxjs as rx


    class LeafCase(rx.State):
        n: int = 1
        name: str = "ada"
        show: bool = True


    def card(title: str) -> rx.Component:
        return rx.card(rx.text(title, " ", LeafCase.name, id="card"))


    def index():
        label = "x"
        return rx.vstack(
            rx.text(LeafCase.n, id="plain"),
            rx.text(label, LeafCase.n, id="mixed"),
            rx.text(label + str(LeafCase.n), id="local"),
            rx.text(", ".join([label for label in [LeafCase.name]]), id="shadow"),
            rx.text(rx.cond(LeafCase.show, "yes", "no"), id="cond"),
            rx.cond(LeafCase.show, rx.text("on", id="on"), rx.text("off", id="off")),
            rx.el.select(rx.el.option(LeafCase.name, id="option")),
            card("t"),
        )


    app = rx.App()
    app.add_page(index)
    ''')


def compiled(path: Path) -> str:
    loaded = load_app(path)
    (module,) = transpile([page.component for page in loaded.app.pages.values()], root=path.parent)
    return module.code.split("//# sourceMappingURL=")[0]


def function_body(code: str, name: str) -> str:
    match = re.search(rf"^(?:export )?function {re.escape(name)}\(.*?^}}", code, re.M | re.S)
    assert match, f"no function {name} in:\n{code}"
    return match.group(0)


def test_children_reading_only_state_become_leaves(tmp_path: Path):
    path = tmp_path / "leaf_case_app.py"
    path.write_text(APP)
    code = compiled(path)
    leaves = re.findall(r"^function ([\w$]+\$v\d+)\(\)", code, re.M)
    assert leaves == ["Index$v1", "Index$v2", "Index$v3", "Card$2$v1"], code  # Card$2: Radix has a Card
    index = function_body(code, "Index")
    # a leaf each: the plain var, the var beside a local, the rx.cond of two strings
    assert '<Text id="plain">\n      <Index$v1 />' in index, index
    assert "{label}\n      <Index$v2 />" in index, index
    assert "<Index$v3 />" in index.split('id="cond"')[1].split("</Text>")[0], index
    assert "? \"yes\" : \"no\"" in function_body(code, "Index$v3")
    # inline: a local in the expression, a comprehension variable that is also a local, an
    # rx.cond building components, the text of an <option>
    assert "label + String(leaf_case$n)" in index, index
    assert "map((label) => label)" in index, index
    assert '<Text id="on">' in index and '<option id="option">\n        {leaf_case$name}' in index, index
    # the page still reads n and name for the inline children, not for the leaves' sake alone
    assert '$useVar("leaf_case", "show")' in index, index
    # a prop stays in its component; the var beside it is that component's leaf
    card = function_body(code, "Card$2")
    assert "{title}" in card and "<Card$2$v1 />" in card, card


def test_leaves_render_what_python_shows(tmp_path: Path):
    path = tmp_path / "leaf_case_app.py"
    path.write_text(APP)
    scenarios = [{}, {"leaf_case": {"n": 7, "name": "Grace", "show": False}}]
    assert compare(path, scenarios) == []
