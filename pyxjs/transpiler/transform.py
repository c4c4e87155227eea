"""Transform: one Python component function (libcst) -> one JS function (jsast).

One method per libcst node kind (`expr_Call`, `stmt_If`, ...). State reads become hooks
hoisted to the top of the JS function, so React's rules of hooks hold whatever the Python
control flow looks like. Anything without a faithful JS meaning is a CompileError at its
position, never a silent miscompile.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

import libcst as cst

from pyxjs.components.css import CSS_PROPERTIES, CSS_SHORTHANDS
from pyxjs.components.spec import ComponentSpec, EventSpec
from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.analyze import (
    ComponentName,
    ConstantName,
    HandlerName,
    PyType,
    StateVarName,
    UserComponentName,
    dotted_parts,
    resolve,
    type_name,
    value_type,
)
from pyxjs.transpiler.diagnostics import CompileError
from pyxjs.transpiler.printer import js_identifier

if TYPE_CHECKING:
    from pyxjs.transpiler.module import ModuleUnit


@dataclass
class Typed:
    """A JS expression with what we know of its Python type."""

    node: js.Expr
    type: PyType = None


@dataclass
class Scope:
    names: dict[str, PyType] = field(default_factory=dict)
    parent: "Scope | None" = None

    def lookup(self, name: str) -> tuple[bool, PyType]:
        scope: Scope | None = self
        while scope is not None:
            if name in scope.names:
                return True, scope.names[name]
            scope = scope.parent
        return False, None


def component_js_name(python_name: str) -> str:
    """`index` -> `Index`, `user_card` -> `UserCard`: JSX needs a capital for components."""
    name = "".join(part[:1].upper() + part[1:] for part in python_name.split("_") if part)
    return name or "Component"


def camel_case(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


_BINARY_OPS: dict[type, str] = {
    cst.Add: "+",
    cst.Subtract: "-",
    cst.Multiply: "*",
    cst.Divide: "/",
}
_COMPARE_OPS: dict[type, str] = {
    cst.Equal: "===",
    cst.NotEqual: "!==",
    cst.LessThan: "<",
    cst.LessThanEqual: "<=",
    cst.GreaterThan: ">",
    cst.GreaterThanEqual: ">=",
}
_PRIMITIVE = {"str", "int", "float", "bool", "none"}
_NUMERIC = {"int", "float", "bool"}
_HINT_BROWSER = "move this into an event handler or a computed var; components run in the browser"


class ComponentTransformer:
    def __init__(self, unit: "ModuleUnit", fn_node: cst.FunctionDef, function: Any) -> None:
        self.unit = unit
        self.fn_node = fn_node
        self.function = function
        self.hooks: dict[str, js.Const] = {}
        self.scope = Scope()

    # -- entry --------------------------------------------------------------------------
    def transform(self) -> js.Function:
        params = self.params(self.fn_node.params)
        body = self.block(self.fn_node.body.body, top=True)
        hooks: list[js.Stmt] = list(self.hooks.values())
        return js.Function(
            component_js_name(self.fn_node.name.value), params, hooks + body, loc=self.loc(self.fn_node)
        )

    def params(self, params: cst.Parameters) -> list[js.Param]:
        if params.star_arg is not cst.MaybeSentinel.DEFAULT and params.star_arg is not None or params.star_kwarg:
            raise self.error("PYX108", params, "*args and **kwargs are not supported in component functions",
                             "list each prop as its own parameter")
        out = []
        for param in [*params.posonly_params, *params.params, *params.kwonly_params]:
            name = param.name.value
            annotation = self.annotation_type(param.annotation)
            default = self.expr(param.default) if param.default is not None else None
            if default is not None and annotation is None:
                annotation = default.type
            self.scope.names[name] = annotation
            out.append(js.Param(name, default.node if default is not None else None))
        return out

    def annotation_type(self, annotation: cst.Annotation | None) -> PyType:
        if annotation is None:
            return None
        parts = dotted_parts(annotation.annotation)
        if parts is None:
            return None
        resolved = resolve(parts, self.unit.globals)
        return type_name(getattr(resolved, "value", None)) if resolved is not None else None

    # -- statements ---------------------------------------------------------------------
    def block(self, statements: Any, top: bool = False) -> list[js.Stmt]:
        out: list[js.Stmt] = []
        for index, statement in enumerate(statements):
            if index == 0 and top and _is_docstring(statement):
                continue
            out.extend(self.stmt(statement))
        return out

    def stmt(self, node: cst.BaseStatement) -> list[js.Stmt]:
        if isinstance(node, cst.SimpleStatementLine):
            out: list[js.Stmt] = []
            for small in node.body:
                out.extend(self.small_stmt(small))
            return out
        if isinstance(node, cst.If):
            return [self.stmt_if(node)]
        raise self.error("PYX102", node, f"`{_describe(node)}` statements are not supported in a component yet",
                         "compute the value in a computed var or an event handler, or use rx.foreach / a comprehension")

    def small_stmt(self, node: cst.BaseSmallStatement) -> list[js.Stmt]:
        if isinstance(node, cst.Return):
            if node.value is None:
                return [js.Return(js.Literal(None), loc=self.loc(node))]
            return [js.Return(self.expr(node.value).node, loc=self.loc(node))]
        if isinstance(node, cst.Assign):
            if len(node.targets) != 1 or not isinstance(node.targets[0].target, cst.Name):
                raise self.error("PYX102", node, "only `name = value` assignments are supported in a component",
                                 "unpack the value in separate assignments")
            name = node.targets[0].target.value
            if name in self.scope.names:
                raise self.error("PYX102", node, f"`{name}` is assigned twice; components give each local one value",
                                 "use a new name for the second value")
            value = self.expr(node.value)
            self.scope.names[name] = value.type
            return [js.Const(js_identifier(name), value.node, loc=self.loc(node))]
        if isinstance(node, cst.AnnAssign) and isinstance(node.target, cst.Name) and node.value is not None:
            name = node.target.value
            value = self.expr(node.value)
            self.scope.names[name] = self.annotation_type(node.annotation) or value.type
            return [js.Const(js_identifier(name), value.node, loc=self.loc(node))]
        if isinstance(node, cst.Pass):
            return []
        raise self.error("PYX102", node, f"`{_describe(node)}` is not supported in a component",
                         "components describe what to show; do work in an event handler")

    def stmt_if(self, node: cst.If) -> js.If:
        test = self.truthy(self.expr(node.test))
        body = self.block(node.body.body)
        orelse: list[js.Stmt] = []
        if isinstance(node.orelse, cst.If):
            orelse = [self.stmt_if(node.orelse)]
        elif isinstance(node.orelse, cst.Else):
            orelse = self.block(node.orelse.body.body)
        return js.If(test, body, orelse, loc=self.loc(node))

    # -- expressions --------------------------------------------------------------------
    def expr(self, node: cst.BaseExpression) -> Typed:
        method: Callable[[Any], Typed] | None = getattr(self, "expr_" + type(node).__name__, None)
        if method is None:
            raise self.error("PYX101", node, f"{_describe(node)} is not supported in a component yet",
                             "compute the value in a computed var and read that var here")
        result = method(node)
        if result.node.loc is None:
            result.node.loc = self.loc(node)
        return result

    def expr_SimpleString(self, node: cst.SimpleString) -> Typed:
        if "b" in node.prefix.lower():
            raise self.error("PYX101", node, "bytes literals have no browser equivalent", "use a str")
        return Typed(js.Literal(node.evaluated_value), "str")

    def expr_ConcatenatedString(self, node: cst.ConcatenatedString) -> Typed:
        left, right = self.expr(node.left), self.expr(node.right)
        return Typed(js.Binary("+", left.node, right.node), "str")

    def expr_Integer(self, node: cst.Integer) -> Typed:
        value = node.evaluated_value
        if abs(value) > 2**53:
            raise self.error("PYX101", node, "integers beyond 2**53 lose precision in the browser",
                             "keep large numbers in State as str")
        return Typed(js.Literal(value), "int")

    def expr_Float(self, node: cst.Float) -> Typed:
        return Typed(js.Literal(node.evaluated_value), "float")

    def expr_Name(self, node: cst.Name) -> Typed:
        known, local_type = self.scope.lookup(node.value)
        if known:
            return Typed(js.Raw(js_identifier(node.value)), local_type)
        if node.value in ("True", "False", "None"):
            return Typed(js.Literal({"True": True, "False": False, "None": None}[node.value]),
                         "none" if node.value == "None" else "bool")
        return self.global_name(node, [node.value])

    def expr_Attribute(self, node: cst.Attribute) -> Typed:
        parts = dotted_parts(node)
        if parts is None or self.scope.lookup(parts[0])[0]:
            raise self.error("PYX101", node, "attribute access on a computed value is not supported yet",
                             "read the value from State, or compute it in a computed var")
        return self.global_name(node, parts)

    def global_name(self, node: cst.BaseExpression, parts: list[str]) -> Typed:
        dotted = ".".join(parts)
        resolved = resolve(parts, self.unit.globals)
        if resolved is None:
            raise self.error("PYX103", node, f"`{dotted}` is not defined",
                             "define it at module level, or pass it in as a parameter")
        if isinstance(resolved, StateVarName):
            return Typed(js.Raw(self.var_hook(resolved)), resolved.py_type)
        if isinstance(resolved, ConstantName):
            return Typed(js.Literal(resolved.value), value_type(resolved.value))
        if isinstance(resolved, HandlerName):
            raise self.error("PYX110", node, f"`{dotted}` is an event handler, not a value",
                             "pass it to an event trigger such as on_click=..., or read a State var instead")
        raise self.error("PYX109", node, f"`{dotted}` ({type(getattr(resolved, 'value', resolved)).__name__}) "
                                         "has no value the browser can use",
                         "only State vars, handlers, components and str/int/float/bool/None/list/dict constants "
                         "can be used in a component")

    def expr_FormattedString(self, node: cst.FormattedString) -> Typed:
        parts: list[str | js.Expr] = []
        for part in node.parts:
            if isinstance(part, cst.FormattedStringText):
                # Undo Python's escapes: the literal text as Python would print it.
                parts.append(_fstring_text(part.value, node.prefix))
                continue
            assert isinstance(part, cst.FormattedStringExpression)
            if part.conversion is not None or part.format_spec is not None:
                raise self.error("PYX101", part, "f-string conversions and format specs are not supported yet",
                                 "format the value in a computed var")
            text = self.as_str(self.expr(part.expression))
            if isinstance(text, js.Literal):
                parts.append(str(text.value))
            else:
                parts.append(text)
        return Typed(js.Template(parts), "str")

    def expr_IfExp(self, node: cst.IfExp) -> Typed:
        then, otherwise = self.expr(node.body), self.expr(node.orelse)
        same = then.type if then.type == otherwise.type else None
        return Typed(js.Conditional(self.truthy(self.expr(node.test)), then.node, otherwise.node), same)

    def expr_BinaryOperation(self, node: cst.BinaryOperation) -> Typed:
        op = _BINARY_OPS.get(type(node.operator))
        left, right = self.expr(node.left), self.expr(node.right)
        symbol = self.unit.code_for(node.operator).strip()
        if op is None:
            raise self.error("PYX101", node, f"the `{symbol}` operator is not supported in a component yet",
                             "compute the value in a computed var")
        if op == "+" and left.type == right.type == "str":
            return Typed(js.Binary("+", left.node, right.node), "str")
        if left.type in _NUMERIC and right.type in _NUMERIC:
            result = "float" if "float" in (left.type, right.type) or op == "/" else "int"
            return Typed(js.Binary(op, left.node, right.node), result)
        raise self.error("PYX111", node, f"cannot tell what `{symbol}` means here: the operand types are "
                                         f"{left.type or 'unknown'} and {right.type or 'unknown'}",
                         "annotate the State vars or parameters involved (str, int, float)")

    def expr_UnaryOperation(self, node: cst.UnaryOperation) -> Typed:
        operand = self.expr(node.expression)
        if isinstance(node.operator, cst.Not):
            return Typed(js.Unary("!", self.truthy(operand)), "bool")
        if isinstance(node.operator, cst.Minus) and operand.type in _NUMERIC:
            return Typed(js.Unary("-", operand.node), "int" if operand.type == "bool" else operand.type)
        raise self.error("PYX111", node, "this unary operator needs a number of known type",
                         "annotate the State var or parameter as int or float")

    def expr_BooleanOperation(self, node: cst.BooleanOperation) -> Typed:
        left, right = self.expr(node.left), self.expr(node.right)
        if left.type == right.type == "bool":
            op = "&&" if isinstance(node.operator, cst.And) else "||"
            return Typed(js.Binary(op, left.node, right.node), "bool")
        # Python returns an operand, chosen by Python truthiness.
        test = self.truthy(left)
        if isinstance(node.operator, cst.And):
            return Typed(js.Conditional(test, right.node, left.node))
        return Typed(js.Conditional(test, left.node, right.node))

    def expr_Comparison(self, node: cst.Comparison) -> Typed:
        left = self.expr(node.left)
        clauses: list[js.Expr] = []
        for target in node.comparisons:
            right = self.expr(target.comparator)
            op = _COMPARE_OPS.get(type(target.operator))
            if op is None:
                raise self.error("PYX101", target, "this comparison is not supported in a component yet",
                                 "compute the result in a computed var")
            if left.type not in _PRIMITIVE or right.type not in _PRIMITIVE:
                raise self.error("PYX111", node, "comparisons need operands of known primitive type "
                                                 f"(got {left.type or 'unknown'} and {right.type or 'unknown'})",
                                 "annotate the State vars involved, or compare in a computed var")
            clauses.append(js.Binary(op, left.node, right.node))
            left = right
        result = clauses[0]
        for clause in clauses[1:]:
            result = js.Binary("&&", result, clause)
        return Typed(result, "bool")

    def expr_List(self, node: cst.List) -> Typed:
        items = []
        for element in node.elements:
            if isinstance(element, cst.StarredElement):
                raise self.error("PYX101", element, "starred items are not supported yet", "list the items")
            items.append(self.expr(element.value).node)
        return Typed(js.ArrayExpr(items), "list")

    def expr_Call(self, node: cst.Call) -> Typed:
        parts = dotted_parts(node.func)
        resolved = None
        if parts is not None and not self.scope.lookup(parts[0])[0]:
            resolved = resolve(parts, self.unit.globals)
        if isinstance(resolved, ComponentName):
            return Typed(self.component_call(node, resolved.factory._pyx_spec), "element")
        if isinstance(resolved, UserComponentName):
            return Typed(self.user_component_call(node, resolved.function), "element")
        if resolved is not None and getattr(resolved, "value", None) is str and len(node.args) == 1:
            return Typed(self.as_str(self.expr(node.args[0].value)), "str")
        name = ".".join(parts) if parts else self.unit.code_for(node.func)
        raise self.error("PYX104", node, f"`{name}(...)` cannot run in the browser", _HINT_BROWSER)

    # -- components ---------------------------------------------------------------------
    def component_call(self, node: cst.Call, spec: ComponentSpec) -> js.JSXElement:
        self.unit.use_runtime(spec.js_name)
        children: list[js.Expr] = []
        props: list[js.Prop] = []
        style: list[tuple[str, js.Expr]] = []
        for arg in node.args:
            if arg.star:
                raise self.error("PYX101", arg, f"`{arg.star}` arguments are not supported in components yet",
                                 "pass each child and prop explicitly")
            if arg.keyword is None:
                if not spec.accepts_children:
                    raise self.error("PYX107", arg, f"rx.{spec.name}() takes no children",
                                     "pass its content as a keyword prop")
                children.append(self.child(self.expr(arg.value)))
                continue
            name = arg.keyword.value
            if name.startswith("on_"):
                props.append(self.event_prop(arg, spec))
            elif name in CSS_PROPERTIES and name not in spec.props:
                value = self.expr(arg.value).node
                style.extend((key, value) for key in CSS_SHORTHANDS.get(name, (camel_case(name),)))
            elif name == "style":
                style.extend(self.style_dict(arg.value))
            else:
                props.append(js.Prop(_prop_name(name), self.expr(arg.value).node))
        if style:
            props.append(js.Prop("style", js.ObjectExpr(style)))
        return js.JSXElement(spec.js_name, props, children, loc=self.loc(node))

    def style_dict(self, node: cst.BaseExpression) -> list[tuple[str, js.Expr]]:
        if not isinstance(node, cst.Dict):
            raise self.error("PYX101", node, "style= takes a dict literal here", 'write style={"color": "red", ...}')
        entries = []
        for element in node.elements:
            key = element.key if isinstance(element, cst.DictElement) else None
            if not isinstance(key, cst.SimpleString):
                raise self.error("PYX101", element, "style keys must be string literals", 'write {"font_size": "2em"}')
            entries.append((camel_case(key.evaluated_value.replace("-", "_")), self.expr(element.value).node))
        return entries

    def child(self, value: Typed) -> js.Expr:
        """A child shows what Python's str() would: React prints `true` as nothing and 1.0 as 1."""
        return self.as_str(value) if value.type in _PRIMITIVE else value.node

    def user_component_call(self, node: cst.Call, function: Any) -> js.JSXElement:
        tag = self.unit.use_component(function, node)
        signature = inspect.signature(function)
        names = list(signature.parameters)
        props: list[js.Prop] = []
        try:
            signature.bind(*[None for a in node.args if a.keyword is None],
                           **{a.keyword.value: None for a in node.args if a.keyword is not None})
        except TypeError as exc:
            raise self.error("PYX108", node, f"{function.__name__}() {exc}",
                             f"its signature is {function.__name__}{signature}") from None
        position = 0
        for arg in node.args:
            if arg.star:
                raise self.error("PYX101", arg, "starred arguments are not supported yet", "pass each prop")
            if arg.keyword is None:
                name = names[position]
                position += 1
            else:
                name = arg.keyword.value
            props.append(js.Prop(js_identifier(name), self.expr(arg.value).node))
        return js.JSXElement(tag, props, [], loc=self.loc(node))

    def event_prop(self, arg: cst.Arg, spec: ComponentSpec) -> js.Prop:
        name = arg.keyword.value  # type: ignore[union-attr]
        event = spec.events.get(name)
        if event is None:
            known = ", ".join(sorted(spec.events))
            raise self.error("PYX106", arg, f"rx.{spec.name}() has no event trigger `{name}`",
                             f"its triggers are: {known}")
        value = arg.value
        if isinstance(value, cst.Lambda):
            return js.Prop(event.js_prop, self.event_lambda(value, event, name))
        handler = self.handler_ref(value, name)
        self.check_arity(value, handler, len(event.args), name)
        call = js.Call(js.Raw(self.event_hook(handler)), [js.Raw(a) for a in event.args], loc=self.loc(value))
        return js.Prop(event.js_prop, js.Arrow(["e"] if event.args else [], call, loc=self.loc(value)))

    def event_lambda(self, node: cst.Lambda, event: EventSpec, trigger: str) -> js.Arrow:
        params = [p.name.value for p in node.params.params]
        if len(params) > len(event.args) or node.params.star_arg not in (cst.MaybeSentinel.DEFAULT, None):
            raise self.error("PYX105", node, f"{trigger} passes {len(event.args)} argument(s), "
                                             f"but this lambda takes {len(params)}",
                             f"use `lambda{' ' + ', '.join('v' for _ in event.args) if event.args else ''}: ...`")
        body_calls = node.body.elements if isinstance(node.body, (cst.List, cst.Tuple)) else [node.body]
        saved = self.scope
        self.scope = Scope({p: None for p in params}, parent=saved)
        try:
            statements: list[js.Stmt] = [
                js.Const(js_identifier(p), js.Raw(event.args[i])) for i, p in enumerate(params)
            ]
            for item in body_calls:
                call = item.value if isinstance(item, cst.BaseElement) else item
                statements.append(js.ExprStmt(self.handler_call(call, trigger), loc=self.loc(call)))
        finally:
            self.scope = saved
        return js.Arrow(["e"] if params else [], statements, loc=self.loc(node))

    def handler_call(self, node: cst.BaseExpression, trigger: str) -> js.Call:
        if not isinstance(node, cst.Call):
            handler = self.handler_ref(node, trigger)
            self.check_arity(node, handler, 0, trigger)
            return js.Call(js.Raw(self.event_hook(handler)), [])
        handler = self.handler_ref(node.func, trigger)
        if any(a.keyword is not None or a.star for a in node.args):
            raise self.error("PYX105", node, "event handler calls take positional arguments only here",
                             "pass the arguments in the handler's order")
        self.check_arity(node, handler, len(node.args), trigger)
        return js.Call(js.Raw(self.event_hook(handler)), [self.expr(a.value).node for a in node.args])

    def handler_ref(self, node: cst.BaseExpression, trigger: str) -> HandlerName:
        parts = dotted_parts(node)
        resolved = resolve(parts, self.unit.globals) if parts and not self.scope.lookup(parts[0])[0] else None
        if not isinstance(resolved, HandlerName):
            raise self.error("PYX105", node, f"{trigger} needs an event handler (a State method)",
                             "pass e.g. `MyState.set_value` or `lambda: MyState.do(1)`")
        return resolved

    def check_arity(self, node: cst.CSTNode, handler: HandlerName, count: int, trigger: str) -> None:
        signature = inspect.signature(handler.function)
        try:
            signature.bind(None, *range(count))
        except TypeError:
            shown = re.sub(r"^\(self,? ?", "(", str(signature))
            raise self.error("PYX105", node, f"{trigger} passes {count} argument(s), but "
                                             f"{handler.state.__name__}.{handler.name}{shown} does not accept that",
                             "change the handler's parameters, or use a lambda to pass what it needs") from None

    # -- hooks --------------------------------------------------------------------------
    def var_hook(self, resolved: StateVarName) -> str:
        state = resolved.ref.state._pyx_name
        local = f"{state}${resolved.ref.name}"
        if local not in self.hooks:
            self.unit.use_runtime("useVar")
            self.hooks[local] = js.Const(local, js.Call(js.Raw("useVar"), [js.Literal(state), js.Literal(resolved.ref.name)]))
        return local

    def event_hook(self, handler: HandlerName) -> str:
        full = f"{handler.state._pyx_name}.{handler.name}"
        local = full.replace(".", "$")
        if local not in self.hooks:
            self.unit.use_runtime("useEvent")
            self.hooks[local] = js.Const(local, js.Call(js.Raw("useEvent"), [js.Literal(full)]))
        return local

    # -- Python semantics helpers -------------------------------------------------------
    def truthy(self, value: Typed) -> js.Expr:
        if value.type == "bool":
            return value.node
        self.unit.use_runtime("truthy", "$truthy")
        return js.Call(js.Raw("$truthy"), [value.node])

    def as_str(self, value: Typed) -> js.Expr:
        if value.type == "str":
            return value.node
        if isinstance(value.node, js.Literal) and value.type in _PRIMITIVE:
            return js.Literal(str(value.node.value), loc=value.node.loc)  # folded with Python's own str()
        if value.type == "float":
            # JSON cannot tell 1.0 from 1; a value known to be a float prints as Python prints floats.
            self.unit.use_runtime("floatRepr", "$floatRepr")
            return js.Call(js.Raw("$floatRepr"), [value.node])
        self.unit.use_runtime("str", "$str")
        return js.Call(js.Raw("$str"), [value.node])

    # -- positions and errors -----------------------------------------------------------
    def loc(self, node: cst.CSTNode) -> tuple[int, int] | None:
        return self.unit.position(node)

    def error(self, code: str, node: cst.CSTNode, message: str, hint: str = "") -> CompileError:
        return self.unit.error(code, node, message, hint)


def _prop_name(name: str) -> str:
    return "className" if name == "class_name" else camel_case(name)


def _is_docstring(statement: cst.BaseStatement) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


def _describe(node: cst.CSTNode) -> str:
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", type(node).__name__).lower()
    return {"dict comp": "a dict comprehension", "list comp": "a list comprehension"}.get(words, words)


def _fstring_text(raw: str, prefix: str) -> str:
    if "r" in prefix.lower():
        return raw.replace("{{", "{").replace("}}", "}")
    text = raw.replace("{{", "{").replace("}}", "}")
    return text.encode("latin-1", "backslashreplace").decode("unicode_escape") if "\\" in text else text
