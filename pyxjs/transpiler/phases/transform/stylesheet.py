"""Styles known at build time, and those inline CSS cannot express (`_hover={...}`, any
pseudo-state; responsive values, `padding=["1em", "2em"]`, `rx.breakpoints(...)`), in props or
inside `style={...}`: they become a generated class (pyxjs/components/cssgen.py) whose CSS the
build puts in the app's hashed stylesheet. Values known only in the browser stay inline, or
travel as CSS variables on the element where a class rule needs them."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from pyxjs.components.css import style_keys
from pyxjs.components.cssgen import (BREAKPOINT_NAMES, BREAKPOINTS, UNITLESS, Declaration, class_rules, css_name,
                                     css_value, is_breakpoints, pseudo_selector)
from pyxjs.transpiler import jsast as js


@dataclass
class StyleRules:
    declarations: list[Declaration] = field(default_factory=list)
    variables: list[tuple[str, js.Expr]] = field(default_factory=list)  # (--pyx-dN, value) for the inline style


class Stylesheet:
    def is_responsive(self, node: ast.expr | object) -> bool:
        if not isinstance(node, ast.expr):  # a value of a constant dict
            return isinstance(node, (list, tuple)) or is_breakpoints(node)
        if isinstance(node, (ast.List, ast.Tuple)):
            return True
        value = self.expr(node)
        return value.is_constant and (isinstance(value.constant, (list, tuple)) or is_breakpoints(value.constant))

    def pseudo_style(self, node: ast.expr | object, selector: str, rules: StyleRules, at: ast.expr | None = None) -> None:
        """`_hover={"color": "red", "padding": ["1em", "2em"]}`; `node` is the dict's expression,
        or the dict itself when it came out of a constant (`at` is then where it was written)."""
        at = node if isinstance(node, ast.expr) else at
        entries = self.style_entries(node, f"the {selector} style", at)
        for key, value_node in entries:
            nested = pseudo_selector(key)
            if nested:  # `_hover={"_before": {...}}`
                self.pseudo_style(value_node, selector + nested, rules, at)
            else:
                self.class_style(key, value_node, selector, rules, at=at)

    def split_style(self, node: ast.expr, rules: StyleRules) -> ast.expr | dict:
        """`style={...}`: pseudo keys and responsive values go to the class; the rest stays inline.
        A dict known at build time but not written in the call (`style=card_style`, a module
        constant) is split the same way; what stays inline comes back as a dict."""
        if not isinstance(node, ast.Dict) or any(not isinstance(k, ast.Constant) or not isinstance(k.value, str)
                                                 for k in node.keys):
            value = self.expr(node)
            if not value.is_constant or not isinstance(value.constant, dict) or \
                    not all(isinstance(k, str) for k in value.constant):
                return node
            rest = {}
            for key, item in value.constant.items():
                if pseudo_selector(key):
                    self.pseudo_style(item, pseudo_selector(key), rules, node)
                elif self.is_responsive(item):
                    self.class_style(key, item, "", rules, at=node)
                else:
                    rest[key] = item
            return rest
        keys, values = [], []
        for key_node, value_node in zip(node.keys, node.values):
            key = key_node.value
            if pseudo_selector(key):
                self.pseudo_style(value_node, pseudo_selector(key), rules)
            elif self.is_responsive(value_node):
                self.class_style(key, value_node, "", rules)
            else:
                keys.append(key_node)
                values.append(value_node)
        return ast.copy_location(ast.Dict(keys, values), node)

    def style_entries(self, node: ast.expr | object, what: str, at: ast.expr | None = None) -> list[tuple[str, ast.expr | object]]:
        if not isinstance(node, ast.expr):
            if isinstance(node, dict) and all(isinstance(k, str) for k in node):
                return list(node.items())
            raise self.error("PYX101", at, f"{what} takes a dict of CSS properties", '_hover={"color": "red"}')
        if isinstance(node, ast.Dict) and all(isinstance(k, ast.Constant) and isinstance(k.value, str) for k in node.keys):
            return [(k.value, v) for k, v in zip(node.keys, node.values)]
        value = self.expr(node)
        if value.is_constant and isinstance(value.constant, dict):
            return list(value.constant.items())
        raise self.error("PYX101", node, f"{what} takes a dict of CSS properties written in the component",
                         '_hover={"color": "red"}')

    def class_style(self, prop: str, value: ast.expr | object, selector: str, rules: StyleRules,
                    media: str = "", at: ast.expr | None = None) -> None:
        names = [css_name(n) for n in style_keys(prop)]
        node = value if isinstance(value, ast.expr) else None
        if node is not None and isinstance(node, (ast.List, ast.Tuple)) and not media:
            for index, item in enumerate(node.elts[: len(BREAKPOINTS)]):
                if not (isinstance(item, ast.Constant) and item.value is None):
                    self.class_style(prop, item, selector, rules, _media(index), at)
            return
        typed = self.expr(node) if node is not None else None
        constant = typed.constant if typed is not None and typed.is_constant else value if node is None else None
        if (typed is None or typed.is_constant) and not media:
            if isinstance(constant, (list, tuple)):
                for index, item in enumerate(constant[: len(BREAKPOINTS)]):
                    if item is not None:
                        self.class_style(prop, item, selector, rules, _media(index), at)
                return
            if is_breakpoints(constant):
                for name, item in constant.items():
                    if name in BREAKPOINT_NAMES:
                        self.class_style(prop, item, selector, rules, _media(BREAKPOINT_NAMES.index(name)), at)
                return
        if typed is None or typed.is_constant:
            try:
                text = css_value(prop, constant)
            except (TypeError, ValueError) as exc:
                raise self.error("PYX101", node or at, str(exc), 'write a CSS value such as "1em" or "red"')
            rules.declarations.extend(Declaration(media, selector, name, text) for name in names)
            return
        variable = f"--pyx-d{len(rules.variables)}"
        shown = typed.node
        if typed.type.kind in ("int", "float", "number") and prop.replace("-", "_") not in UNITLESS:
            shown = js.Binary("+", typed.node, js.Literal("px"))
        rules.variables.append((variable, shown))
        rules.declarations.extend(Declaration(media, selector, name, f"var({variable})") for name in names)

    def add_style_class(self, props: list[js.Prop], style: list[tuple[str, js.Expr]], rules: StyleRules) -> None:
        """Styles known at build time leave the element for a generated class in the app's CSS
        (no style object built and diffed on every render; `_hover` can override them, which it
        could not an inline style); values known only in the browser stay inline."""
        base, kept = [], []
        for key, value in style:
            declaration = _constant_declaration(key, value)
            if declaration is None:
                kept.append((key, value))
            else:
                base.append(declaration)
        if not base and not rules.declarations:
            return
        style[:] = kept
        name, text = class_rules(base + rules.declarations)
        self.unit.css_rules[name] = text
        style.extend(rules.variables)
        for index, prop in enumerate(props):
            if prop.name == "className":
                if isinstance(prop.value, js.Literal) and isinstance(prop.value.value, str):
                    props[index] = js.Prop("className", js.Literal(f"{prop.value.value} {name}"))
                else:
                    props[index] = js.Prop("className", js.Binary("+", prop.value, js.Literal(" " + name)))
                return
        props.append(js.Prop("className", js.Literal(name)))



def _constant_declaration(key: str, value: js.Expr) -> Declaration | None:
    if not key or key.startswith("--") or not isinstance(value, js.Literal) or \
            not isinstance(value.value, (str, int, float)) or isinstance(value.value, bool):
        return None
    try:
        return Declaration("", "", css_name(key), css_value(key, value.value))
    except (TypeError, ValueError):  # not a value a stylesheet can hold safely: React sets it inline
        return None


def _media(index: int) -> str:
    return "" if index == 0 else BREAKPOINTS[index]
