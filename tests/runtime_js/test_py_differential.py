"""Differential tests: runtime_js/src/py.js against CPython.

Hypothesis draws Python values; CPython computes the expected result (or exception class) with
the real builtin, operator or method; node evaluates the same call through py.js. All cases of
one hypothesis example run in ONE node process. Values compare as `str(result)` in Python vs
`$py.str(result, T)` in JS, T being the static type descriptor the compiler would pass
(derived from the Python result), so 2.0 vs 2 differences are caught. Exceptions compare
as the Python class name vs `$py.errorType(e)`.

Where the JS value model cannot match CPython by design (docs/python-semantics.md), the
translation or exclusion is explicit below, with the reason.
"""

from __future__ import annotations

import json
import math
import operator
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from pyxjs.bundler.node import find_node_tools

PY_JS = Path(__file__).resolve().parents[2] / "runtime_js" / "src" / "py.js"
MAX = 2**53 - 1
N = 150  # cases per node process
# No shrinking: a failure already lists every differing case, and shrinking batches is slow.
SETTINGS = settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck),
                    phases=[Phase.explicit, Phase.reuse, Phase.generate], print_blob=False)

# ---------------------------------------------------------------------------------------
# Python values -> JS source


@dataclass(frozen=True)
class Js:
    """A value whose JS spelling is given directly (key functions, option objects)."""

    py: Any
    js: str


def js(v: Any) -> str:
    if isinstance(v, Js):
        return v.js
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return "-0" if v == 0 and math.copysign(1, v) < 0 else repr(v)
    if isinstance(v, str):
        return json.dumps(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(js(x) for x in v) + "]"
    if isinstance(v, dict):
        # fromEntries: an own "__proto__" key must stay a key.
        return "Object.fromEntries([" + ", ".join(f"[{js(k)}, {js(x)}]" for k, x in v.items()) + "])"
    raise TypeError(v)


def pyval(v: Any) -> Any:
    return v.py if isinstance(v, Js) else v


# ---------------------------------------------------------------------------------------
# Python results -> (T, the value whose str() JS must print)


def describe(v: Any) -> tuple[Any, Any]:
    if v is None:
        return "none", v
    if isinstance(v, bool):
        return "bool", v
    if isinstance(v, int):
        return "int", v
    if isinstance(v, float):
        return "float", v
    if isinstance(v, str):
        return "str", v
    if isinstance(v, (list, tuple)):
        parts = [describe(x) for x in v]
        types = [t for t, _ in parts]
        items = [x for _, x in parts]
        if isinstance(v, tuple):
            return ["tuple", types], tuple(items)
        if all(t == types[0] for t in types[1:]):
            return ["list", types[0] if types else "any"], items
        # No T spells a heterogeneous list; a fixed tuple does, so both sides print a tuple.
        return ["tuple", types], tuple(items)
    if isinstance(v, dict):
        parts = {k: describe(x) for k, x in v.items()}
        types = [t for t, _ in parts.values()]
        if all(t == types[0] for t in types[1:]):
            return ["dict", "str", types[0] if types else "any"], {k: x for k, (_, x) in parts.items()}
        # Heterogeneous dict values: T cannot describe them, so both sides use the "any" rule
        # (an integral float prints as an int).
        return ["dict", "str", "any"], any_rule(v)
    raise TypeError(v)


def any_rule(v: Any) -> Any:
    if isinstance(v, float) and v.is_integer() and abs(v) <= MAX:
        return int(v)
    if isinstance(v, (list, tuple)):
        return type(v)(any_rule(x) for x in v)
    if isinstance(v, dict):
        return {k: any_rule(x) for k, x in v.items()}
    return v


def has_big_int(v: Any) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, int):
        return abs(v) > MAX
    if isinstance(v, (list, tuple)):
        return any(has_big_int(x) for x in v)
    if isinstance(v, dict):
        return any(has_big_int(x) for x in v.values())
    return False


def model_int(x: Any) -> bool:
    """An int by py.js's runtime rule: int, bool, or a float that is integral and safe."""
    if isinstance(x, (bool, int)):
        return True
    return isinstance(x, float) and x.is_integer() and abs(x) <= MAX


@dataclass(repr=False)
class Case:
    js: str
    py: Callable[[], Any]
    # The JS value model (ints are safe JS numbers) applied to the Python result.
    model: Callable[[Any], Any] | None = None
    # Float pow goes through libm's pow in CPython and V8's own pow in node; neither is
    # correctly rounded, so they may differ in the last place: compare within 1 ulp.
    approx: bool = False

    def __repr__(self) -> str:
        return self.js


def call(name: str, fn: Callable, *args: Any) -> Case:
    return Case(f"$py.{name}({', '.join(js(a) for a in args)})", lambda: fn(*(pyval(a) for a in args)))


def expected(case: Case) -> dict:
    try:
        result = case.py()
    except Exception as e:  # noqa: BLE001 - every exception class is compared
        return {"err": type(e).__name__}
    if isinstance(result, complex):
        # Python's (-8) ** (1/3) is complex; py.js has no complex numbers and raises ValueError.
        return {"err": "ValueError"}
    if has_big_int(result):
        # ints live in JS numbers: past 2**53 - 1 they raise OverflowError.
        return {"err": "OverflowError"}
    if case.model is not None:
        try:
            case.model(result)
        except OverflowError:
            return {"err": "OverflowError"}
    t, value = describe(result)
    return {"ok": str(value), "T": t}


def close(a: str, b: str) -> bool:
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    return x == y or abs(x - y) <= math.ulp(x)


def run_cases(cases: list[Case]) -> None:
    want = [expected(c) for c in cases]
    lines = [f'import * as $py from {json.dumps(PY_JS.as_uri())};', "const cases = ["]
    for c, w in zip(cases, want):
        lines.append(f"  [() => {c.js}, {json.dumps(w.get('T', 'any'))}],")
    lines += [
        "];",
        "const out = cases.map(([f, T]) => {",
        "  try { return { ok: $py.str(f(), T) }; }",
        "  catch (e) { return { err: $py.errorType(e), msg: String(e && e.message) }; }",
        "});",
        "process.stdout.write(JSON.stringify(out));",
    ]
    tools = find_node_tools()
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "cases.mjs"
        script.write_text("\n".join(lines), encoding="utf-8")
        proc = subprocess.run([tools.node, str(script)], capture_output=True, text=True, env=tools.env(), timeout=60)
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = json.loads(proc.stdout)
    bad = []
    for c, w, g in zip(cases, want, got):
        if c.approx and w.get("T") == "float" and "ok" in g and close(w["ok"], g["ok"]):
            continue
        if ("err" in w) != ("err" in g) or w.get("err", w.get("ok")) != g.get("err", g.get("ok")):
            bad.append(f"{c.js}\n    python: {w}\n    py.js:  {g}")
    assert not bad, f"{len(bad)} of {len(cases)} differ:\n" + "\n".join(bad[:12])


# ---------------------------------------------------------------------------------------
# Strategies


def assigned(c: str) -> bool:
    # Python 3.11 has Unicode 14, node 20 a newer ICU: code points unassigned in Python's
    # database may be letters in node's, so they are left out (a Unicode-version gap).
    return unicodedata.category(c) not in ("Cn", "Cs")


SPECIAL_CHARS = "abcxyzAB Z09_-+.,eE'\"\\\t\n\x0b\x1c\x85\xa0\u2028ßΣσςİǆﬁΑᾳ١٢²①😀𝟘\U0001d7d8"
chars = st.one_of(st.sampled_from(SPECIAL_CHARS), st.characters(codec=None).filter(assigned))
texts = st.text(chars, max_size=10)
SAFE_EDGES = [0, 1, -1, 2, -2, 7, -7, 10, 2**31, -(2**31), 2**52, MAX, -MAX, MAX - 1, 2**53 // 3]
ints = st.one_of(st.integers(-20, 20), st.integers(-MAX, MAX), st.sampled_from(SAFE_EDGES))
FLOAT_EDGES = [0.0, -0.0, 0.1, 0.5, 1.5, 2.5, -2.5, 0.125, 2.675, 1e16, 1e22, 1e-7, 5e-324, 1.7976931348623157e308,
               float("nan"), float("inf"), float("-inf"), 2.0**53, 3.0, -7.5, 1e300]
floats = st.one_of(st.floats(), st.floats(-1e6, 1e6), st.sampled_from(FLOAT_EDGES),
                   st.integers(-10**6, 10**6).map(lambda n: n / 8))
numbers = st.one_of(st.booleans(), ints, floats)
# dict keys that look like array indexes are ordered first by JS objects (a documented gap).
keys = texts.filter(lambda k: not (k.isascii() and k.isdigit() and (k == "0" or k[0] != "0")))
scalars = st.one_of(st.none(), st.booleans(), ints, floats, texts)
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=3)),
                      max_leaves=8)


def no_nan(v: Any) -> bool:
    # [x] == [x] is True for the same NaN object in CPython (identity first); JS has no
    # identity for numbers, so containers holding NaN are left out of ==/</sorted.
    if isinstance(v, float):
        return not math.isnan(v)
    if isinstance(v, (list, tuple)):
        return all(no_nan(x) for x in v)
    if isinstance(v, dict):
        return all(no_nan(x) for x in v.values())
    return True


def batch(case_strategy: st.SearchStrategy, n: int = N) -> st.SearchStrategy:
    # Nested values take much of hypothesis's per-example entropy budget; past it an example
    # is discarded and redrawn, so their batches are smaller.
    return st.lists(case_strategy, min_size=n, max_size=n)


# ---------------------------------------------------------------------------------------
# Printing and format()


def T_of(v: Any) -> str:
    return json.dumps(describe(v)[0])


@st.composite
def printing_case(draw) -> Case:
    v = draw(values)
    t, norm = describe(v)
    kind = draw(st.sampled_from(["str", "repr", "fstring"]))
    if kind == "str":
        return Case(f"$py.str({js(v)}, {json.dumps(t)})", lambda: str(norm))
    if kind == "repr":
        return Case(f"$py.pyRepr({js(v)}, {json.dumps(t)})", lambda: repr(norm))
    conv = draw(st.sampled_from([None, "s", "r", "a"]))
    spec = draw(st.one_of(st.just(""), format_specs))
    convert = {None: lambda x: x, "s": str, "r": repr, "a": ascii}[conv]
    return Case(f"$py.fstring({js(v)}, {js(conv)}, {js(spec)}, {json.dumps(t)})", lambda: format(convert(norm), spec))


format_specs = st.builds(
    lambda *parts: "".join(parts),
    st.one_of(st.just(""), st.builds(operator.add, st.sampled_from(["", "*", "0", "x", " ", "😀", "{"]), st.sampled_from("<>^="))),
    st.sampled_from(["", "", "+", "-", " "]),
    st.sampled_from(["", "", "z"]),
    st.sampled_from(["", "", "#"]),
    st.sampled_from(["", "", "0"]),
    st.sampled_from(["", "", "1", "5", "10", "13"]),
    st.sampled_from(["", "", ",", "_", ",_"]),
    st.sampled_from(["", "", ".0", ".1", ".2", ".3", ".6", ".12", ".17", ".25", "."]),
    st.sampled_from(["", "", "b", "c", "d", "o", "x", "X", "n", "e", "E", "f", "F", "g", "G", "%", "s", "q"]),
) | st.text(st.sampled_from("<>^=+- z#0123456789,_.bcdoxXneEfFgG%s"), max_size=6)


@st.composite
def format_case(draw) -> Case:
    v = draw(st.one_of(numbers, texts, st.none()))
    spec = draw(format_specs)
    t = "float" if isinstance(v, float) else "int" if isinstance(v, int) and not isinstance(v, bool) else None
    args = f"{js(v)}, {js(spec)}" + (f", {json.dumps(t)}" if t else "")
    return Case(f"$py.format({args})", lambda: format(v, spec))


@given(batch(printing_case(), 40))
@settings(SETTINGS, max_examples=16)
def test_str_repr_fstring(cases):
    run_cases(cases)


@given(batch(format_case()))
@SETTINGS
def test_format(cases):
    run_cases(cases)


# ---------------------------------------------------------------------------------------
# Operators

BINARY = {"add": operator.add, "sub": operator.sub, "mul": operator.mul, "truediv": operator.truediv,
          "floordiv": operator.floordiv, "mod": operator.mod, "pow": operator.pow}
CHECKED = {"add", "sub", "mul", "floordiv", "mod", "pow"}


def int_model(a: Any, b: Any) -> Callable[[Any], None]:
    """py.js checks int op int with checkInt. A float that is integral and safe is an int to
    the runtime (JS has no 2.0), so e.g. 1e10 * 1e10 raises OverflowError there where CPython
    gives 1e+20; the compiler, which knows the static types, is what keeps floats float."""

    def check(r: Any) -> None:
        if model_int(a) and model_int(b) and isinstance(r, (int, float)):
            if not math.isfinite(r) or abs(r) > MAX:
                raise OverflowError

    return check


operands = st.one_of(numbers, numbers, numbers, texts, st.lists(scalars, max_size=3), st.none(),
                     st.integers(-3, 4), st.dictionaries(keys, scalars, max_size=2))


@st.composite
def operator_case(draw) -> Case:
    kind = draw(st.sampled_from([*BINARY, "neg", "pos", "invert", "checkInt"]))
    if kind in BINARY:
        a, b = draw(operands), draw(operands)
        if kind == "mod" and isinstance(a, str):
            # str % args is printf-style formatting, which py.js does not implement.
            a = draw(numbers)
        if isinstance(a, (str, list)) and model_int(b) or isinstance(b, (str, list)) and model_int(a):
            # "ab" * 2.0 is a TypeError in CPython; py.js sees the int 2 (the compiler rejects it).
            a, b = (int(x) if isinstance(x, float) else x for x in (a, b))
        if isinstance(a, (str, list)) and isinstance(b, int) or isinstance(b, (str, list)) and isinstance(a, int):
            # Sequence repetition: keep the count small (CPython would need the memory too).
            if isinstance(a, int):
                a = max(-3, min(a, 5))
            else:
                b = max(-3, min(b, 5))
        c = call(kind, BINARY[kind], a, b)
        if kind == "pow" and type(a) in (int, bool) and type(b) in (int, bool) and abs(a) >= 2 and b > 64:
            # CPython would build a huge int (slowly); past 2**53 the model's answer is OverflowError.
            c.py = lambda: int("1" * 20)
        c.approx = kind == "pow"
        if kind in CHECKED and model_int(a) and model_int(b):
            # An int result has no sign on zero: 5 % -1.0 is -0.0 in CPython, 0 to py.js.
            c.py = lambda f=c.py: (lambda r: 0.0 if isinstance(r, float) and r == 0 else r)(f())
        if kind in CHECKED:
            c.model = int_model(a, b)
        return c
    a = draw(st.one_of(numbers, texts, st.none()))
    if kind == "checkInt":
        n = draw(st.one_of(ints, st.integers(-2**60, 2**60)))
        return call("checkInt", lambda x: x, n)
    fn = {"neg": operator.neg, "pos": operator.pos, "invert": operator.invert}[kind]
    if kind == "invert" and isinstance(a, float) and model_int(a):
        # ~2.0 is a TypeError in CPython; py.js sees the int 2 (the compiler rejects ~float).
        a = int(a)
    return call(kind, fn, a)


COMPARE = {"eq": operator.eq, "ne": operator.ne, "lt": operator.lt, "le": operator.le, "gt": operator.gt,
           "ge": operator.ge}
comparable = st.one_of(numbers, texts, st.lists(st.one_of(ints, floats, texts), max_size=3),
                       st.lists(st.lists(ints, max_size=2), max_size=2), values).filter(no_nan)


@st.composite
def compare_case(draw) -> Case:
    kind = draw(st.sampled_from([*COMPARE, "contains", "contains"]))
    a = draw(comparable)
    if draw(st.booleans()):
        b = draw(comparable)
    else:
        b = draw(st.sampled_from([a, a if not isinstance(a, list) else list(a), 1, 1.0, True, "1"]))
    if kind == "contains":
        container = draw(st.one_of(texts, st.lists(scalars, max_size=4), st.dictionaries(keys, scalars, max_size=3),
                                   numbers, st.none()))
        item = draw(st.one_of(st.sampled_from(list(container) if isinstance(container, (str, list, dict)) and container else [1]),
                              scalars, st.lists(ints, max_size=1)))
        if not no_nan(container) or not no_nan(item):
            item = draw(texts)
            container = [x for x in container if no_nan(x)] if isinstance(container, list) else container
        return call("contains", lambda c, i: i in c, container, item)
    return call(kind, COMPARE[kind], a, b)


@given(batch(operator_case()))
@SETTINGS
def test_operators(cases):
    run_cases(cases)


@given(batch(compare_case()))
@SETTINGS
def test_comparisons(cases):
    run_cases(cases)


# ---------------------------------------------------------------------------------------
# Indexing and builtins

small = st.one_of(st.none(), st.integers(-12, 12), st.booleans())
sequences = st.one_of(texts, st.lists(scalars, max_size=6))


def py_slice(o, a, b, c):
    return o[a:b:c]


@st.composite
def indexing_case(draw) -> Case:
    kind = draw(st.sampled_from(["getitem", "getitem", "slice", "slice", "len"]))
    obj = draw(st.one_of(sequences, sequences, st.dictionaries(keys, scalars, max_size=3), numbers, st.none()))
    if kind == "len":
        return call("len", len, obj)
    if kind == "getitem":
        pool = [*obj] if isinstance(obj, dict) and obj else [0]
        key = draw(st.one_of(st.integers(-8, 8), st.booleans(), st.sampled_from(pool), texts, floats, st.lists(ints, max_size=1)))
        if isinstance(key, float) and model_int(key):
            key = int(key)  # s[2.0] is a TypeError in CPython; py.js sees the int 2 (the compiler rejects float indexes)
        return call("getitem", operator.getitem, obj, key)
    a, b = draw(small), draw(small)
    c = draw(st.one_of(st.none(), st.integers(-4, 4), st.just(0), st.floats(0.5, 1.5)))
    if isinstance(c, float) and model_int(c):
        c = int(c)  # s[::1.0] is a TypeError in CPython; py.js sees the int 1 (as for getitem above)
    return call("slice", py_slice, obj, a, b, c)


def checked(fn: Callable) -> Callable:
    """Applies py.js's int model to the inputs: an integral safe float is an int there."""
    return fn


numeric_text = st.one_of(
    st.text(st.sampled_from("0123456789_+-.eE xXoObBaAfFinINtyz \t\n\xa0١٣²"), max_size=10),
    ints.map(str), floats.map(repr), ints.map(lambda n: f" {n:_} "), ints.map(hex), ints.map(bin), ints.map(oct),
    texts,
)


@st.composite
def builtin_case(draw) -> Case:
    kind = draw(st.sampled_from(["abs", "round", "round_n", "int_", "int_text", "int_base", "float_", "float_text",
                                 "bool_"]))
    if kind == "abs":
        return call("abs", abs, draw(st.one_of(numbers, texts, st.none())))
    if kind == "round":
        return call("round", round, draw(st.one_of(numbers, texts)))
    if kind == "round_n":
        x = draw(numbers)
        n = draw(st.one_of(st.integers(-20, 20), st.integers(-400, 400), st.sampled_from([None, 1.5])))
        c = call("round", round, x, n)
        if isinstance(x, float) and model_int(x) and isinstance(n, int):
            # py.js sees an int: round(int, n) is an int, same value as CPython's float result,
            # and like any int past 2**53 - 1 it raises OverflowError there.
            c.py = lambda: (lambda r: float(r) if abs(r) <= MAX else r)(round(int(x), n))
        return c
    if kind == "int_":
        return call("int_", int, draw(st.one_of(numbers, st.none(), st.lists(ints, max_size=1))))
    if kind in ("int_text", "float_text"):
        return call(kind.replace("_text", "_"), int if kind == "int_text" else float, draw(numeric_text))
    if kind == "int_base":
        base = draw(st.sampled_from([0, 2, 8, 10, 16, 36, 1, 37, 3]))
        return call("int_", int, draw(st.one_of(numeric_text, ints)), base)
    if kind == "float_":
        return call("float_", float, draw(st.one_of(numbers, st.none())))
    return call("bool_", bool, draw(values))


@given(batch(indexing_case()))
@SETTINGS
def test_indexing(cases):
    run_cases(cases)


@given(batch(builtin_case()))
@SETTINGS
def test_numeric_builtins(cases):
    run_cases(cases)


KEYS = [Js(operator.neg, "(x) => $py.neg(x)"), Js(len, "(x) => $py.len(x)"), Js(abs, "(x) => $py.abs(x)")]
homogeneous = st.one_of(st.lists(st.one_of(ints, st.booleans()), max_size=6), st.lists(floats, max_size=6),
                        st.lists(texts, max_size=5), st.lists(st.lists(ints, max_size=3), max_size=4),
                        st.lists(scalars, max_size=3))
iterables = st.one_of(homogeneous, texts, st.dictionaries(keys, scalars, max_size=3), numbers, st.none())


def opts_js(key: Js | None, default: Any, has_default: bool) -> str:
    parts = ([f"key: {key.js}"] if key else []) + ([f"default: {js(default)}"] if has_default else [])
    return "{" + ", ".join(parts) + "}"


@st.composite
def iterable_case(draw) -> Case:
    kind = draw(st.sampled_from(["min", "max", "minmax_args", "sum", "sum_start", "sorted", "reversed", "range",
                                 "enumerate", "zip", "any", "all", "list_", "tuple_", "iter"]))
    if kind in ("min", "max"):
        items = draw(homogeneous.filter(no_nan))
        key = draw(st.one_of(st.none(), st.sampled_from(KEYS)))
        has_default = draw(st.booleans())
        default = draw(scalars)
        kwargs = ({"key": key.py} if key else {}) | ({"default": default} if has_default else {})
        fn = min if kind == "min" else max
        if not kwargs:
            return call(kind, fn, items)
        return Case(f"$py.{kind}({js(items)}, {opts_js(key, default, has_default)})", lambda: fn(items, **kwargs))
    if kind == "minmax_args":
        args = draw(st.lists(st.one_of(numbers, texts).filter(no_nan), min_size=1, max_size=4))
        return call(draw(st.sampled_from(["min", "max"])), min, *args) if False else call("max", max, *args)
    if kind == "sum":
        items = draw(st.one_of(homogeneous, st.lists(numbers, max_size=6), iterables))
        if isinstance(items, list) and items and all(isinstance(x, float) for x in items) and draw(st.booleans()):
            # A list the compiler knows holds floats: summed as floats, integral or not.
            return Case(f"$py.sum({js(items)}, 0, true)", lambda: sum(items))
        # Otherwise the runtime's int rule applies: an integral safe float is an int (JS has no 2.0).
        return Case(f"$py.sum({js(items)})",
                    lambda: sum(any_rule(items) if isinstance(items, list) else items))
    if kind == "sum_start":
        items, start = draw(st.sampled_from([
            (st.lists(numbers, max_size=5), numbers), (st.lists(st.lists(ints, max_size=2), max_size=3), st.just([])),
            (st.lists(texts, max_size=2), texts)]))
        values, first = draw(items), draw(start)
        # The runtime's int rule: integral safe floats are ints there (JS has no 2.0).
        return Case(f"$py.sum({js(values)}, {js(first)})", lambda: sum(any_rule(values), any_rule(first)))
    if kind == "sorted":
        items = draw(homogeneous.filter(no_nan))
        key = draw(st.one_of(st.none(), st.sampled_from(KEYS)))
        reverse = draw(st.booleans())
        return Case(f"$py.sorted({js(items)}, {key.js if key else 'null'}, {js(reverse)})",
                    lambda: sorted(items, key=key.py if key else None, reverse=reverse))
    if kind == "range":
        args = draw(st.lists(st.one_of(st.integers(-10, 10), st.just(0), st.booleans()), min_size=1, max_size=3))
        return call("range", lambda *a: list(range(*a)), *args)
    if kind == "enumerate":
        return call("enumerate", lambda x, s: list(enumerate(x, s)), draw(iterables), draw(st.integers(-3, 3)))
    if kind == "zip":
        args = draw(st.lists(iterables, max_size=3))
        return call("zip", lambda *a: list(zip(*a)), *args)
    fn = {"reversed": lambda x: list(reversed(x)), "any": any, "all": all, "list_": list, "tuple_": list,
          "iter": lambda x: list(iter(x))}[kind]
    return call(kind, fn, draw(iterables))


@given(batch(iterable_case()))
@SETTINGS
def test_iterables(cases):
    run_cases(cases)


# ---------------------------------------------------------------------------------------
# Methods

seps = st.one_of(st.none(), st.sampled_from([" ", ",", "ab", "", "😀", "\n"]), texts)
pos_args = st.one_of(st.none(), st.integers(-8, 8))
words = st.text(st.sampled_from("ab ,😀ΣΑ\t'x1"), max_size=10)
method_texts = st.one_of(texts, words)
format_strings = st.lists(st.sampled_from(["a", " ", "{{", "}}", "{}", "{0}", "{1}", "{:>5}", "{0!r}", "{:.2f}", "{",
                                           "}", "{name}", "{!a:^6}", "{0[0]}", "{:{}}", "{!x}", "é"]), max_size=5).map("".join)


@st.composite
def method_case(draw) -> Case:
    kind = draw(st.sampled_from([
        "upper", "lower", "title", "capitalize", "strip", "lstrip", "rstrip", "split", "rsplit", "join",
        "startswith", "endswith", "replace", "find", "rfind", "index", "rindex", "count", "zfill", "isdigit",
        "isalpha", "isspace", "format", "list", "dict", "method"]))
    s = draw(method_texts)
    m = lambda name: (lambda obj, *a: getattr(obj, name)(*a))  # noqa: E731
    if kind in ("upper", "lower", "title", "capitalize", "isdigit", "isalpha", "isspace"):
        return call(f"str_{kind}", m(kind), s)
    if kind in ("strip", "lstrip", "rstrip"):
        return call(f"str_{kind}", m(kind), s, draw(st.one_of(st.none(), method_texts)))
    if kind in ("split", "rsplit"):
        return call(f"str_{kind}", m(kind), s, draw(seps), draw(st.integers(-1, 3)))
    if kind == "join":
        return call("str_join", m("join"), draw(seps.filter(lambda x: x is not None)),
                    draw(st.one_of(st.lists(texts, max_size=4), st.lists(scalars, max_size=3), texts)))
    if kind in ("startswith", "endswith"):
        prefix = draw(st.one_of(method_texts, st.lists(method_texts, max_size=3).map(tuple), st.integers()))
        return call(f"str_{kind}", m(kind), s, prefix, draw(pos_args), draw(pos_args))
    if kind == "replace":
        old = draw(st.one_of(method_texts, st.sampled_from(["", "a", "😀"])))
        return call("str_replace", m("replace"), s, old, draw(method_texts), draw(st.integers(-1, 3)))
    if kind in ("find", "rfind", "index", "rindex", "count"):
        sub = draw(st.one_of(method_texts, st.sampled_from(["", "a", "😀", "Σ"]), st.integers(0, 1)))
        return call(f"str_{kind}", m(kind), s, sub, draw(pos_args), draw(pos_args))
    if kind == "zfill":
        return call("str_zfill", m("zfill"), draw(st.one_of(st.just(s), ints.map(str), floats.map(repr))), draw(st.integers(-2, 12)))
    if kind == "format":
        args = draw(st.lists(st.one_of(scalars.filter(lambda v: not isinstance(v, float) or not model_int(v)),
                                       st.lists(ints, min_size=1, max_size=2)), max_size=3))
        return call("str_format", lambda f, *a: f.format(*a), draw(format_strings), *args)
    if kind == "list":
        lst = draw(st.lists(scalars, max_size=5).filter(no_nan))
        which = draw(st.sampled_from(["index", "count", "copy"]))
        args = [] if which == "copy" else [draw(st.one_of(st.sampled_from(lst or [1]), scalars).filter(no_nan))]
        return call(f"list_{which}", m(which), lst, *args)
    if kind == "dict":
        d = draw(st.dictionaries(keys, scalars, max_size=3))
        which = draw(st.sampled_from(["get", "keys", "values", "items"]))
        if which == "get":
            k = draw(st.one_of(st.sampled_from(list(d) or ["a"]), texts, ints))
            return call("dict_get", lambda d, *a: d.get(*a), d, k, *draw(st.lists(scalars, max_size=1)))
        return call(f"dict_{which}", lambda d: list(getattr(d, which)()), d)
    obj = draw(st.one_of(texts, st.lists(ints, max_size=3), st.dictionaries(keys, ints, max_size=2), ints, st.none()))
    name = draw(st.sampled_from(["upper", "strip", "count", "index", "get", "keys", "copy", "nope", "title", "items"]))
    args = [] if name in ("upper", "strip", "keys", "copy", "nope", "title", "items") else [draw(st.sampled_from(["a", 1]))]
    fn = lambda o, n, *a: (lambda r: list(r) if type(r).__name__.startswith("dict_") else r)(getattr(o, n)(*a))  # noqa: E731
    return call("method", fn, obj, name, *args)


@given(batch(method_case()))
@SETTINGS
def test_methods(cases):
    run_cases(cases)
