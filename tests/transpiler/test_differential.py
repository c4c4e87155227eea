"""Differential proof: Python expressions in a component and their transpiled JS must show the
same thing, for values hypothesis draws. Every expression becomes one page of a generated app;
each example renders all pages under a batch of drawn states in one node process
(tests/support/render.py) and in CPython, and compares the text (or the exception type)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.support.render import compare

# Small ints keep int arithmetic inside 2**53 (past it the browser raises OverflowError instead
# of rounding: tested on its own below); the edges of JSON-safe ints appear where no arithmetic is.
SMALL = st.integers(-(2**20), 2**20) | st.sampled_from([0, 1, -1, 2, -2, 7, -7, 10])
FLOATS = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False) | st.sampled_from(
    [0.0, -0.0, 0.1, 0.5, 1.5, 2.5, -2.5, 2.675, 1e16, 1.0, 3.0, -1e-7, 123456.789, 9007199254740991.0])
TEXT = st.text(alphabet=st.sampled_from(list("ab AZ,-_.0159é😀\t")), max_size=8)
STATE = st.fixed_dictionaries({
    "i": SMALL, "j": SMALL, "big": st.integers(-(2**53) + 1, 2**53 - 1), "f": FLOATS, "g": FLOATS,
    "b": st.booleans(), "s": TEXT, "t": TEXT, "xs": st.lists(SMALL, max_size=6), "ys": st.lists(TEXT, max_size=5),
    "fs": st.lists(FLOATS, max_size=4), "d": st.dictionaries(st.sampled_from(["a", "b", "c", "zz"]), SMALL, max_size=3),
    "o": st.none() | SMALL, "w": st.integers(0, 12),
})

EXPRESSIONS = [
    # arithmetic with Python's signs and errors
    "D.i + D.j", "D.i - D.j", "D.i * D.j", "D.i / D.j", "D.i // D.j", "D.i % D.j", "D.i ** 2", "D.i ** -1",
    "D.f + D.g", "D.f * D.i", "D.f / D.g", "D.f // D.g", "D.f % D.g", "-D.i", "-D.f", "+D.f", "abs(D.i)", "abs(D.f)",
    "D.b + D.i", "D.i / 2", "D.f - D.i",
    # comparisons, truthiness, and/or returning operands
    "D.i < D.j <= D.w", "D.i == D.f", "D.b == 1", "D.b == D.i", "D.s < D.t", "D.xs == [1, 2]", "D.d == {'a': 1}",
    "D.s == D.t", "D.ys != []", "D.i in D.xs", "D.s in D.t", "'a' in D.d", "D.s not in D.ys",
    "D.o is None", "D.o is not None", "D.b and 'on'", "D.s or 'empty'", "D.xs and D.xs[0]", "not D.ys",
    "D.i and D.s", "D.d or None", "'yes' if D.xs else 'no'", "D.f if D.b else D.i",
    # printing of every type
    "D.f", "D.fs", "D.xs", "D.ys", "D.d", "D.b", "D.o", "(D.i, D.s)", "[D.f, D.g]", "(D.f, D.i)", "{'k': D.f}", "(D.f,)",
    "str(D.f)", "repr(D.s)", "str(D.ys)", "D.big", "str(D.big)",
    # f-strings and format specs
    "f'{D.f:.2f}'", "f'{D.i:,}'", "f'{D.big:_}'", "f'{D.s!r:>12}'", "f'{D.f=}'", "f'{D.i:08d}'", "f'{D.f:+.3e}'",
    "f'{D.f:g}'", "f'{D.i:x}'", "f'{D.w:b}'", "f'{D.f:.1%}'", "f'{D.s:^{D.w}}'", "f'[{D.s:<6}]'", "f'{D.b}'",
    "f'{D.xs}'", "f'{D.o}'", "f'{D.i / 3:.4}'",
    # indexing and slicing
    "D.xs[D.i]", "D.ys[-1]", "D.s[D.i]", "D.s[::-1]", "D.s[1:D.w]", "D.xs[::2]", "D.xs[D.i:D.j]", "D.d['a']",
    "D.d.get('b', -1)", "D.d.get('c')", "D.ys[1:]",
    # builtins
    "len(D.s)", "len(D.xs) + len(D.d)", "int(D.f)", "float(D.i)", "int(D.s)", "float(D.s)", "bool(D.s)",
    "round(D.f)", "round(D.f, 2)", "round(D.f, -1)", "round(D.i, -2)", "min(D.xs)", "max(D.xs, default=0)",
    "min(D.i, D.j)", "max(D.ys, key=len, default='')", "sum(D.xs)", "sum(D.fs)", "sorted(D.xs)",
    "sorted(D.ys, reverse=True)", "sorted(D.xs, key=lambda x: -x)", "list(reversed(D.xs))", "list(range(D.w))",
    "list(range(D.i, D.j, 3))", "list(enumerate(D.ys))", "list(zip(D.xs, D.ys))", "any(D.xs)", "all(D.ys)",
    "list(D.s)", "list(D.d)", "tuple(D.xs)",
    # str, list and dict methods
    "D.s.upper()", "D.s.lower()", "D.s.title()", "D.s.capitalize()", "D.s.strip()", "D.s.strip('a ')",
    "D.s.split()", "D.s.split(',')", "D.s.split(',', 1)", "', '.join(D.ys)", "D.s.startswith('a')",
    "D.s.endswith(('b', 'Z'))", "D.s.replace('a', 'xy')", "D.s.replace('', '-')", "D.s.find('b')",
    "D.s.count('a')", "D.s.zfill(D.w)", "'{} and {}'.format(D.i, D.s)", "D.xs.count(1)", "D.ys.index(D.s)",
    "list(D.d.keys())", "list(D.d.values())", "list(D.d.items())", "D.s.isdigit()",
    # comprehensions
    "[x * 2 for x in D.xs if x > D.i]", "[c for c in D.s if c != ' ']", "[(x, y) for x in D.xs for y in D.ys]",
    "{k: v + 1 for k, v in D.d.items()}", "sum(x for x in D.xs if x % 2 == 0)", "[s.upper() for s in D.ys]",
    "any(s == D.s for s in D.ys)",
    # Reflex's helpers
    "rx.cond(D.b, 'yes', 'no')", "rx.cond(D.xs, D.xs, 'none')", "rx.cond(D.i > D.j, D.i)", "rx.match(D.w, (1, 'one'), (2, 3, 'few'), 'many')",
    "D.ys.length()", "D.xs.contains(D.i)", "D.s.length()", "D.ys.join('+')",
    # floats inside containers and through builtins
    "sorted(D.fs)", "max(D.fs, default=0.0)", "min(D.fs, default=D.i)", "[x / 2 for x in D.xs]", "D.fs[:2]",
    "{k: v / 2 for k, v in D.d.items()}", "list(zip(D.fs, D.ys))", "(D.f, D.i, D.s)", "[D.f] * 2", "D.fs + [D.g]",
    "round(D.f, 1) == D.f", "abs(D.f) > D.g", "sum(D.fs) / max(len(D.fs), 1)", "f'{sum(D.fs):.3f}'",
    "str(D.f * 0)", "D.i % 3 == 0 and D.f", "max(D.f, D.i)", "min(D.i, D.f)",
]


def write_app(folder: Path) -> Path:
    pages = []
    for index, expression in enumerate(EXPRESSIONS):
        pages.append(f"def p{index}():\n    return rx.text({expression})\n")
    adds = "\n".join(f"app.add_page(p{i}, route='/p{i}')" for i in range(len(EXPRESSIONS)))
    source = textwrap.dedent('''\
        import pyxjs as rx


        class D(rx.State):
            i: int = 0
            j: int = 0
            big: int = 0
            f: float = 0.0
            g: float = 0.0
            b: bool = False
            s: str = ""
            t: str = ""
            xs: list[int] = []
            ys: list[str] = []
            fs: list[float] = []
            d: dict[str, int] = {}
            o: int | None = None
            w: int = 0


        ''') + "\n\n".join(pages) + "\n\napp = rx.App()\n" + adds + "\n"
    path = folder / "diff_app.py"
    path.write_text(source)
    return path


@pytest.fixture(scope="module")
def app_path(tmp_path_factory) -> Path:
    return write_app(tmp_path_factory.mktemp("differential"))


# No shrinking: a batch already lists every differing case, and shrinking one costs minutes.
@settings(max_examples=6, deadline=None, database=None, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(states=st.lists(STATE, min_size=12, max_size=12))
def test_expressions_match_python(app_path: Path, states):
    problems = compare(app_path, [{"d": state} for state in states])
    assert not problems, "\n".join(problems[:15]) + f"\n({len(problems)} differences)"


def test_int_arithmetic_past_2_53_raises_instead_of_rounding(tmp_path: Path):
    """Python's ints are unbounded; the browser's numbers are exact only to 2**53. The transpiled
    code raises OverflowError there rather than show a rounded number."""
    from tests.support.render import js_render

    path = tmp_path / "overflow_app.py"
    path.write_text(textwrap.dedent('''\
        import pyxjs as rx


        class Big(rx.State):
            n: int = 0


        def index():
            return rx.text(Big.n * 3)


        app = rx.App()
        app.add_page(index)
        '''))
    outcomes, _ = js_render(path, [{"big": {"n": 2**52}}, {"big": {"n": 5}}])
    assert outcomes[0][0].error == "OverflowError"
    assert outcomes[1][0].text == "15"


def test_dicts_with_integer_like_keys_keep_insertion_order(tmp_path: Path):
    """JS objects list integer-like keys first; the frame's key order (and the helpers that build
    dicts in the page) keep Python's insertion order, through every way a component reads a dict."""
    path = tmp_path / "dict_order_app.py"
    path.write_text(textwrap.dedent('''\
        import pyxjs as rx


        class Order(rx.State):
            d: dict[str, int] = {"b": 1, "2": 2, "1": 3}
            rows: list[dict] = [{"10": "x", "9": "y", "a": "z"}]
            years: dict[str, float] = {"2024": 1.5, "2023": 2.5}


        def keys():
            return rx.text(list(Order.d))


        def shown():
            return rx.text(Order.d, Order.rows, Order.years)


        def methods():
            return rx.text(list(Order.d.items()), list(Order.d.values()), Order.d.to_string())


        def built():
            return rx.text({k: v * 2 for k, v in Order.d.items()}, {**Order.d, "0": 9}, dict(list(Order.d.items())))


        def literal():
            return rx.text({"3": "c", "1": "a", "x": Order.d["b"]}, {"5": 1, "4": 2})


        def looped():
            return rx.vstack(rx.foreach(Order.rows, lambda row: rx.text([k for k in row])),
                             *[rx.text(k) for k in Order.years])


        app = rx.App()
        for page in (keys, shown, methods, built, literal, looped):
            app.add_page(page, route="/" + page.__name__)
        '''))
    scenarios = [{}, {"order": {"d": {"30": 1, "4": 2, "x": 3}, "rows": [{"1": "a"}, {"b": "c", "0": "d"}]}},
                 {"order": {"d": {"a": 1}, "rows": [], "years": {}}}]
    assert compare(path, scenarios) == []


def test_unpacking_and_reflex_to_string(tmp_path: Path):
    path = tmp_path / "unpack_app.py"
    path.write_text(textwrap.dedent('''\
        import pyxjs as rx


        class Pairs(rx.State):
            pair: list[int] = [1, 2]
            names: list[str] = ["a", "é"]


        def index():
            a, b = Pairs.pair
            first, second = b, a
            return rx.text(f"{first}-{second}", Pairs.names.to_string())


        app = rx.App()
        app.add_page(index)
        '''))
    scenarios = [{}, {"pairs": {"pair": [3, 4], "names": []}}, {"pairs": {"pair": [1, 2, 3]}}, {"pairs": {"pair": []}}]
    assert compare(path, scenarios) == []


def test_sum_of_integral_floats_near_2_53_stays_a_float(app_path: Path):
    """JS cannot tell 9007199254740991.0 from the int: the compiled sum() of a list[float] must not
    apply the int rule (which would raise OverflowError) where Python adds floats."""
    big = float(2**53 - 1)
    assert compare(app_path, [{"d": {"fs": [big, big - 1.0, 3.0]}}, {"d": {"fs": [big]}}]) == []


def test_annotated_parameters_and_lists_of_mixed_items(tmp_path: Path):
    """Python does not convert arguments: an int passed to `x: float` is still an int (prints 2).
    A list of tuples plus a list of strs prints the tuples with parentheses. An argument of
    unknown type that contradicts an `int` annotation raises TypeError where Python's `n + 1`
    does. A recursive helper with a return annotation compiles."""
    path = tmp_path / "params_app.py"
    path.write_text(textwrap.dedent('''\
        import pyxjs as rx


        class P(rx.State):
            xs: list[int] = [1, 2]
            ys: list[str] = ["a", "b"]
            rows: list[dict] = [{"n": 5}]
            n: int = 5


        def price(x: float):
            return rx.text(x)


        def ratio(x: float):
            return rx.text(x / 2)


        def pairs(xs: list[float]):
            return rx.text(xs)


        def badge(n: int):
            return rx.text(n + 1)


        def fact(n: int) -> int:
            return 1 if n <= 1 else n * fact(n - 1)


        def int_price():
            return price(2)


        def float_price():
            return ratio(2.5)


        def int_list():
            return pairs([1, 2])


        def zipped():
            return rx.text(list(zip(P.xs, P.ys)) + ["x"])


        def enumerated():
            return rx.text(list(enumerate(P.ys)) + ["x"])


        def starred():
            return rx.text([*zip(P.xs, P.ys), "end"])


        def chosen():
            return rx.text([(P.n, "a") if P.n > 2 else "small"])


        def badges():
            return rx.vstack(rx.foreach(P.rows, lambda row: badge(row["n"])))


        def factorial():
            return rx.text(fact(P.n))


        app = rx.App()
        for page in (int_price, float_price, int_list, zipped, enumerated, starred, chosen, badges, factorial):
            app.add_page(page, route="/" + page.__name__)
        '''))
    scenarios = [{}, {"p": {"xs": [], "ys": [], "n": 1}}, {"p": {"rows": [{"n": "5"}], "n": 0}},
                 {"p": {"rows": [{"n": 1}, {"n": True}], "xs": [3], "ys": ["é", "z"], "n": 12}}]
    assert compare(path, scenarios) == []


def test_whole_floats_in_values_of_unknown_type_print_as_floats(tmp_path: Path):
    """JSON's 4.0 is JS's 4: the frame marks the whole floats inside vars the compiler cannot
    type (rows as list[dict], a bare list), and the page prints them, and what they compute, as
    Python does."""
    path = tmp_path / "floats_app.py"
    path.write_text(textwrap.dedent('''\
        import pyxjs as rx


        class Cart(rx.State):
            rows: list[dict] = [{"name": "tea", "price": 4.0, "qty": 2}, {"name": "jam", "price": 2.5, "qty": 1}]
            items: list = [1.0, 2, "x", 3.5]
            table: dict = {"a": 1.0, "b": {"c": 2.0}}
            paid: float = 0.0
            maybe: float | None = None

            @rx.var
            def spent(self) -> float:
                return sum([r["price"] for r in self.rows if r["qty"] > 5])


        def cells():
            return rx.vstack(rx.foreach(Cart.rows, lambda row: rx.text(row["price"], " ", row["qty"])))


        def totals():
            return rx.vstack(rx.foreach(Cart.rows, lambda row: rx.text(row["price"] * row["qty"], "|",
                                                                          -row["price"], "|", row["qty"] * 3)))


        def formatted():
            return rx.vstack(rx.foreach(Cart.rows, lambda row: rx.text(f"{row['price']} {row['price']!r}")))


        def local_name():
            first = Cart.rows[0]["price"]
            return rx.text(first, str(first))


        def whole():
            return rx.text(Cart.items, Cart.rows, Cart.table, Cart.items[0], Cart.table["b"])


        def each_item():
            return rx.vstack(rx.foreach(Cart.items, lambda item: rx.text(item, " ", f"{item}")),
                             rx.foreach(Cart.items, lambda item, i: rx.text(i, ":", item)),
                             rx.foreach(Cart.items, lambda item: rx.cond(Cart.paid > 1, rx.text(item), rx.text("-"))),
                             rx.foreach(Cart.rows, lambda row: rx.foreach(row, lambda pair: rx.text(pair[1]))))


        def declared_float():
            return rx.text(Cart.spent, " ", Cart.paid, " ", Cart.maybe, f" {Cart.paid} {Cart.spent:.1f}")


        app = rx.App()
        for page in (cells, totals, formatted, local_name, whole, each_item, declared_float):
            app.add_page(page, route="/" + page.__name__)
        '''))
    scenarios = [{}, {"cart": {"rows": [{"name": "x", "price": 3, "qty": 1.0}], "items": [0.0, -2.0, 7],
                               "table": {"z": [1.0, 1]}, "spent": 0}},
                 {"cart": {"rows": [{"price": 1e16, "qty": 1}, {"price": -3.0, "qty": 5}], "items": [-0.0],
                           "paid": 2.0, "maybe": 1.0, "spent": 6.0}}]
    assert compare(path, scenarios) == []
