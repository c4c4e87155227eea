"""The transformer of one Python function, assembled from one mixin per node group.

A page or component function becomes a React component (props destructured, hooks hoisted
to the top so React's rules of hooks hold under any Python control flow); a plain helper
(returns values, not components) becomes a plain JS function.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from pyxjs.state.fields import names_a_var
from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.diagnostics import CompileError
from pyxjs.transpiler.names import js_identifier, prop_identifier
from pyxjs.transpiler.phases.analyze import types as t
from pyxjs.transpiler.phases.analyze.resolve import MISSING, dotted_parts, lookup, resolve
from pyxjs.transpiler.phases.analyze.scopes import Local, Scope
from pyxjs.transpiler.phases.transform.calls import Calls
from pyxjs.transpiler.phases.transform.casts import Casts
from pyxjs.transpiler.phases.transform.client_vars import ClientVars
from pyxjs.transpiler.phases.transform.enums import Enums
from pyxjs.transpiler.phases.transform.element_hooks import ElementHookCode
from pyxjs.transpiler.phases.transform.events import Events
from pyxjs.transpiler.phases.transform.expressions import Expressions
from pyxjs.transpiler.phases.transform.hooks import Hooks
from pyxjs.transpiler.phases.transform.icons import Icons
from pyxjs.transpiler.phases.transform.jsx import JSX
from pyxjs.transpiler.phases.transform.kwargs import kwargs_keys, kwargs_local
from pyxjs.transpiler.phases.transform.function_args import FunctionArgs
from pyxjs.transpiler.phases.transform.leaves import Leaves
from pyxjs.transpiler.phases.transform.nested_defs import NestedDefs
from pyxjs.transpiler.phases.transform.stylesheet import Stylesheet
from pyxjs.transpiler.phases.transform.pysem import PySemantics
from pyxjs.transpiler.phases.transform.statements import Statements
from pyxjs.transpiler.phases.transform.typed import Typed
from pyxjs.transpiler.phases.transform.uploads import Uploads
from pyxjs.transpiler.phases.transform.wrapped import WrappedProps

if TYPE_CHECKING:
    from pyxjs.transpiler.project import ModuleUnit


def target_names(target: ast.expr) -> list[str]:
    """The local names an assignment target binds (`a`, `a, (b, c)`); `x.y` and `x[i]` bind none."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for element in target.elts for name in target_names(element)]
    if isinstance(target, ast.Starred):
        return target_names(target.value)
    return []


class FunctionTransformer(NestedDefs, FunctionArgs, Statements, Expressions, Calls, JSX, Icons, Stylesheet, Events, Hooks,
                          Leaves, Uploads, WrappedProps, PySemantics, ClientVars, ElementHookCode, Casts, Enums):
    def __init__(self, unit: "ModuleUnit", fn_node: ast.FunctionDef, function: Any, js_name: str,
                 component: bool, param_types: dict[str, t.PyType] | None = None,
                 param_values: dict[str, tuple] | None = None) -> None:
        self.param_types = param_types or {}  # inferred from the call sites, for unannotated params
        self.param_values = param_values or {}  # the build-time values every call site passes
        self.value_params: set[str] = set()  # the parameters whose values the output depends on
        self.unit = unit
        self.fn_node = fn_node
        self.function = function
        self.js_name = js_name
        self.component = component
        self.hooks: dict[str, js.Stmt] = {}  # hoisted hooks (and wrapped components' add_hooks code)
        self.leaves: list[tuple[js.JSXElement, js.Function]] = []  # var leaves (leaves.py), named by the unit
        self.first_state_read: ast.AST | None = None
        self.scope = Scope()
        self.function_locals: set[str] = set()  # names Python treats as locals of this function
        self.let_names: set[str] = set()  # locals declared once at the top with `let`
        self.assigned: set[str] = set()  # locals definitely assigned at this point
        self.event_aliases: dict[str, ast.expr] = {}  # `on_save = rx.cond(c, S.a(), S.b())`: see Events
        self.return_types: list[t.PyType] = []
        self.loop_depth = 0
        self.kwargs_name: str | None = None  # the `**props` parameter, if it has one
        self.nested_root: Scope | None = None  # the scope of the nested def being compiled (nested_defs.py)

    # -- entry --------------------------------------------------------------------------
    def transform(self) -> js.Function:
        self.plan_locals(self.fn_node)
        params = self.params(self.fn_node.args)
        body = self.block(self.fn_node.body, top=True)
        declarations: list[js.Stmt] = [js.Const(self.local_js_name(n), None, mutable=True) for n in sorted(self.let_names)]
        if not self.component and self.hooks:
            raise self.error("PYX113", self.first_state_read or self.fn_node,
                             f"{self.fn_node.name}() returns a value, not a component, and reads State here",
                             "pass the State value in as an argument, or return a component (rx.text(...))")
        hooks: list[js.Stmt] = list(self.hooks.values())
        return js.Function(self.js_name, params, hooks + declarations + body, loc=self.loc(self.fn_node),
                           destructured=self.component)

    def params(self, args: ast.arguments) -> list[js.Param]:
        out = []
        positional = [*args.posonlyargs, *args.args]
        defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
        pairs = list(zip(positional, defaults))
        if args.vararg:  # `*children`: one JS array (the call site packs the extra arguments)
            pairs.append((args.vararg, None))
        pairs += list(zip(args.kwonlyargs, args.kw_defaults))
        for arg, default_node in pairs:
            name = arg.arg
            annotated = self.annotation_type(arg.annotation)
            if arg is args.vararg:
                item = annotated if annotated is not None else self.param_types.get(name, t.ANY).item
                self.scope.names[name] = Local(self.param_js_name(name), t.PyType("tuple", (item,), variadic=True))
                self.assigned.add(name)
                out.append(js.Param(self.param_js_name(name), js.ArrayExpr([])))
                continue
            default = self.expr(default_node) if default_node is not None else None
            if annotated is None and name in self.param_types:
                annotated = self.param_types[name]
                if default is not None:
                    annotated = t.join(annotated, default.type)
            elif annotated is not None and name in self.param_types:
                narrowed = t.narrow(annotated, self.param_types[name])
                if default is not None and narrowed != annotated:  # a call may leave it to the default
                    narrowed = t.join(narrowed, t.narrow(annotated, default.type))
                annotated = narrowed
            if annotated is None:
                annotated = default.type if default is not None and default.type.kind != "none" else t.ANY
            js_name = self.param_js_name(name)
            self.scope.names[name] = Local(js_name, annotated, values=self.param_values.get(name))
            self.assigned.add(name)
            out.append(js.Param(js_name, default.node if default is not None else None))
        if args.kwarg:
            out.append(self.kwargs_param(args.kwarg))
        return out

    def kwargs_param(self, arg: ast.arg) -> js.Param:
        """`**props`: the keywords the call sites pass beyond the named parameters, as one dict.
        A component takes them as the rest of its props (`{ text, ...props }`), a helper as a last
        parameter the call site fills with an object. Each key any call site passes is known, so
        `rx.text(text, **props)` passes them on one by one (see `expanded_keywords`)."""
        name = arg.arg
        js_name = self.param_js_name(name)
        keys = kwargs_keys(self.param_types)
        value_type = t.join(*keys.values()) if keys else t.NEVER
        self.scope.names[name] = Local(js_name, t.dict_of(t.STR, value_type))
        self.assigned.add(name)
        self.kwargs_name = name
        for key, kind in keys.items():
            self.scope.names[kwargs_local(name, key)] = Local(f"{js_name}.{prop_identifier(key)}", kind)
        if self.component:
            return js.Param("..." + js_name)
        return js.Param(js_name, js.ObjectExpr([]))

    def note_value_params(self, node: ast.AST) -> None:
        """`node` (an icon's name, an argument a callee reads the values of) depends on the values
        of the parameters it names: a call passing others makes this function stale."""
        args = self.fn_node.args
        params = {a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]}
        self.value_params.update(n.id for n in ast.walk(node) if isinstance(n, ast.Name) and n.id in params
                                 and n.id not in self.function_locals)

    def param_js_name(self, name: str) -> str:
        return prop_identifier(name) if self.component else js_identifier(name, self.unit.taken_names)

    def annotation_type(self, annotation: ast.expr | None) -> t.PyType | None:
        if annotation is None:
            return None
        key = (annotation.lineno, annotation.col_offset)
        cache = self.unit.annotations
        if key not in cache:
            cache[key] = self._evaluate_annotation(annotation)
        return cache[key]

    def _evaluate_annotation(self, annotation: ast.expr) -> t.PyType | None:
        if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
            try:
                annotation = ast.parse(annotation.value, mode="eval").body
            except SyntaxError:
                return None
        parts = dotted_parts(annotation)
        if parts is not None:  # `str`, `rx.Component`, `models.User`: a lookup, no compile
            value = lookup(parts, self.unit.globals)
            return t.from_annotation(value) if value is not MISSING and not names_a_var(value) else None
        try:
            value = eval(compile(ast.Expression(annotation), "<annotation>", "eval"), self.unit.globals)  # noqa: S307
        except Exception:  # an annotation that names something only a type checker knows
            parts = dotted_parts(annotation)
            resolved = resolve(parts, self.unit.globals) if parts else None
            value = getattr(resolved, "value", None)
            if value is None:
                return None
        return None if names_a_var(value) else t.from_annotation(value)

    # -- locals -------------------------------------------------------------------------
    def plan_locals(self, fn_node: ast.FunctionDef) -> None:
        """Python makes every name assigned anywhere in a function a local of the whole function;
        JS `const` is block-scoped. A name assigned once, at the top level of the body, stays a
        `const` where it is assigned; any other is declared with `let` at the top."""
        counts: dict[str, int] = {}
        nested: set[str] = set()

        def visit(statements: list[ast.stmt], depth: int) -> None:
            for statement in statements:
                targets: list[ast.expr] = []
                if isinstance(statement, ast.Assign):
                    targets = statement.targets
                elif isinstance(statement, (ast.AugAssign, ast.AnnAssign)):
                    targets = [statement.target]
                for target in targets:
                    for name in target_names(target):
                        counts[name] = counts.get(name, 0) + (2 if isinstance(statement, ast.AugAssign) else 1)
                        if depth:
                            nested.add(name)
                if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    continue  # its body has locals of its own
                for child in ("body", "orelse"):
                    block = getattr(statement, child, None)
                    if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                        visit(block, depth + 1)

        visit(fn_node.body, 0)
        self.function_locals = set(counts)
        self.let_names = {name for name, count in counts.items() if count > 1 or name in nested}

    def local_js_name(self, name: str) -> str:
        return js_identifier(name, self.unit.taken_names)

    def bind(self, name: str, value: Typed, node: ast.AST, owned_list: bool = False) -> js.Stmt:
        """`name = value` for a function local."""
        js_name = self.local_js_name(name)
        # A function local lives in the function's scope even when assigned inside a loop body
        # (a child scope), so the code after the loop sees what the loop may have assigned.
        scope = self.root_scope() if name in self.function_locals else self.scope
        previous = scope.names.get(name)
        kind = value.type
        if previous is not None and name in self.assigned and previous.type != kind:
            # one type for every assignment: branches and loops merge into what follows them
            kind = t.join(previous.type, kind)
        # a `const` of unknown type keeps its value's whole-float test (the names it reads stay put)
        hint = value.float_hint if kind.kind == "any" and name not in self.let_names else None
        scope.names[name] = Local(js_name, kind, owned_list, float_hint=hint)
        self.assigned.add(name)
        if name in self.let_names:
            return js.Assign(js_name, value.node, loc=self.loc(node))
        return js.Const(js_name, value.node, loc=self.loc(node))

    # -- positions and errors -----------------------------------------------------------
    def loc(self, node: ast.AST) -> ast.AST | None:
        """Where a JS node came from: the Python node itself; the printer asks its position only
        for the source-map segments it keeps (far fewer than the nodes)."""
        return node  # the printer's position() skips nodes without one

    def error(self, code: str, node: ast.AST, message: str, hint: str = "") -> CompileError:
        return self.unit.error(code, node, message, hint)
