"""A component's TypeScript props -> the Python source of a pyxjs wrapper class, formatted by black.

string/number/boolean, literal unions, arrays and elements become typed props; `onX` functions
become event triggers passing the callback's arguments that are not DOM events; what has no
Python counterpart (render functions, React's own attributes) is listed in a comment.
"""

from __future__ import annotations

import keyword
import re

import black

from pyxjs.components.wrap import js_prop_name
from pyxjs.wrap.dts import ComponentTypes, Member, split_top

# Every element takes these (pyxjs passes them through), or React reserves them.
_PASSED_THROUGH = {"children", "className", "style", "id", "key", "ref"}
_ELEMENT_TYPES = {"JSX.Element", "React.ReactNode", "ReactNode", "React.ReactElement", "ReactElement", "React.JSX.Element"}


def snake_case(name: str) -> str:
    snake = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()
    return snake + "_" if keyword.iskeyword(snake) else snake


def python_type(ts: str) -> str | None:
    """A TS type -> a Python annotation's text; None for a function type."""
    ts = ts.strip()
    while ts.startswith("(") and ts.endswith(")") and len(split_top(ts[1:-1], "|")) >= 1 and _wraps(ts):
        ts = ts[1:-1].strip()
    if len(split_top(ts, "=")) > 1 and "=>" in ts and len(split_top(ts, "|")) == 1:
        return None
    parts = [p.strip() for p in split_top(ts, "|") if p.strip()]
    optional = any(p == "null" for p in parts)
    parts = [p for p in parts if p not in ("undefined", "null", "void")]
    if parts and all(re.fullmatch(r"'[^']*'|\"[^\"]*\"|-?\d+(\.\d+)?", p) for p in parts):
        literals = ", ".join(p if p[0] not in "'\"" else repr(p[1:-1]) for p in parts)
        annotation = f"Literal[{literals}]"
    else:
        mapped = []
        for part in parts:
            one = _one_type(part)
            if one not in mapped:
                mapped.append(one)
        annotation = "Any" if not mapped or "Any" in mapped else " | ".join(mapped)
    return f"{annotation} | None" if optional and annotation != "Any" else annotation


def _wraps(ts: str) -> bool:
    """`(a | b)` is one parenthesized type, `(a) => b` is not."""
    depth = 0
    for i, ch in enumerate(ts):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and i < len(ts) - 1:
            return False
    return True


def _one_type(ts: str) -> str:
    if ts in ("string", "String") or re.fullmatch(r"'[^']*'|\"[^\"]*\"", ts):
        return "str"
    if ts in ("number", "Number") or re.fullmatch(r"-?\d+(\.\d+)?", ts):
        return "float"
    if ts in ("boolean", "true", "false"):
        return "bool"
    if ts in _ELEMENT_TYPES:
        return "rx.Component"
    array = re.fullmatch(r"(?:Readonly)?Array<(.+)>|(.+)\[\]", ts)
    if array:
        inner = python_type(array.group(1) or array.group(2))
        return f"list[{inner or 'Any'}]"
    if ts.startswith("{") or re.fullmatch(r"(React\.)?CSSProperties|Record<.*>|object", ts):
        return "dict[str, Any]"
    return "Any"


def _trigger_spec(member: Member) -> str:
    """`(checked: boolean, event: MouseEvent, id: string) => void` -> `lambda checked, event, id: [checked, id]`."""
    params_text = member.type[member.type.index("(") + 1: member.type.rindex("=>")].strip().rstrip(")")
    names, passed = [], []
    for index, param in enumerate(p.strip() for p in split_top(params_text, ",") if p.strip()):
        name, _, kind = param.partition(":")
        name = snake_case(re.sub(r"[^\w]", "", name.replace("...", ""))) or f"arg{index}"
        names.append(name)
        if "Event" not in kind:
            passed.append(name)
    return f"lambda {', '.join(names)}: [{', '.join(passed)}]" if names else "lambda: []"


def wrapper_source(types: ComponentTypes, package: str, version: str) -> str:
    class_name = types.name if types.name[:1].isupper() else types.name[:1].upper() + types.name[1:]
    lines = [
        f'"""`{types.name}` from the npm package {package}@{version}, wrapped for pyxjs.',
        "",
        f"Written by `pyx wrap {package} {types.name}` from the package's TypeScript props ({types.props_type});",
        'check the types and the event triggers (which callback arguments reach the handler), then edit freely."""',
        "",
        "from typing import Any, Literal",
        "",
        "import pyxjs as rx",
        "",
        "",
        f"class {class_name}(rx.Component):",
        f'    library = "{package}@{version}"',
        f'    tag = "{types.name}"',
        f"    is_default = {types.is_default}",
    ]
    left_out = []
    for member in types.members:
        name = snake_case(member.name)
        if member.name in _PASSED_THROUGH:
            continue
        if not re.fullmatch(r"[A-Za-z_$][\w$]*", member.name) or js_prop_name(name.rstrip("_")) != member.name:
            left_out.append(f"{member.name} (no snake_case name maps back to it)")
            continue
        annotation = python_type(member.type)
        if annotation == "Any" and re.fullmatch(r"on[A-Z]\w*", member.name):
            # A callback whose type could not be read: a trigger passing nothing, to be checked.
            lines.append(f"    {name}: rx.EventHandler[lambda: []]  # check: its arguments' type was not read")
            continue
        if annotation is None:
            if re.fullmatch(r"on[A-Z]\w*", member.name):
                lines.append(f"    {name}: rx.EventHandler[{_trigger_spec(member)}]")
            else:
                left_out.append(f"{member.name} (a function)")
            continue
        lines.append(f"    {name}: rx.Var[{annotation}]")
    if left_out:
        lines.append("    # Not wrapped: " + ", ".join(left_out))
    lines += ["", "", f"{snake_case(class_name)} = {class_name}.create", ""]
    return black.format_str("\n".join(lines), mode=black.Mode(line_length=100))
