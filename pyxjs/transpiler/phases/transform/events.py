"""Event triggers: `on_click=State.h`, `State.h(arg)`, lambdas, lists of them, and handlers
passed into the app's own components as props."""

from __future__ import annotations

import ast
import difflib
import re

from pyxjs.components.event_actions import DOM_EVENT_ACTIONS, DomEventAction
from pyxjs.components.spec import ComponentSpec, EventSpec
from pyxjs.state.base import SetvarError, State, setvar_setter
from pyxjs.state.handlers import HANDLER_ARG
from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.phases.analyze import types as t
from pyxjs.transpiler.phases.analyze.resolve import ActionName, ControlName, HandlerName, dotted_parts, lookup, resolve, signature_of
from pyxjs.transpiler.phases.analyze.scopes import Local, Scope

EVENT_ARG = "$e"


class Events:
    def event_prop(self, keyword: ast.keyword, spec: ComponentSpec) -> js.Prop:
        name = keyword.arg
        event = spec.events.get(name)
        if event is None:
            known = ", ".join(sorted(spec.events))
            close = difflib.get_close_matches(name, sorted(spec.events), n=1)
            hint = f"did you mean `{close[0]}`? " if close and spec.package else ""
            hint += f"its triggers are: {known}" if known else "it declares no triggers"
            if spec.package:
                hint += f" (to add one, declare `{name}: rx.EventHandler[lambda value: [value]]` on the class)"
            raise self.error("PYX106", keyword, f"{spec.shown}() has no event trigger `{name}`", hint)
        return js.Prop(event.js_prop, self.trigger(keyword.value, event, name))

    def trigger(self, value: ast.expr, event: EventSpec, trigger: str) -> js.Arrow:
        """The JS callback for one trigger: the DOM event `$e` -> the handler's arguments."""
        value = self.event_alias(value)
        # The spec's parameters `e`, `e1`, ... are `$e`, `$e1`, ... (no Python name has a `$`).
        trigger_args = [js.Raw(re.sub(r"^(e\d*)\b", r"$\1", a)) for a in event.args]
        params = ["$" + p for p in event.params[: _params_read(event)]]
        if isinstance(value, ast.Lambda):
            return self.event_lambda(value, trigger_args, trigger, params)
        items = value.elts if isinstance(value, (ast.List, ast.Tuple)) else [value]
        actions: list[str] = []  # rx.prevent_default / rx.stop_propagation, run first as in Reflex
        handlers = []
        for item in items:
            item, item_actions = self.dom_event_actions(item)
            actions += item_actions
            if item is not None:
                handlers.append(item)
        if actions or isinstance(value, (ast.List, ast.Tuple)) or self.conditional_event(value) is not None:
            statements = [s for item in handlers for s in self.event_statements(item, trigger_args, trigger)]
            if actions:
                if not params:  # the DOM event is the callback's first argument
                    params = ["$" + (event.params[0] if event.params else "e")]
                statements = [js.ExprStmt(js.Raw(f"{params[0]}?.{method}?.()"))
                              for method in dict.fromkeys(actions)] + statements
            return js.Arrow(params, statements, loc=self.loc(value))
        return js.Arrow(params, self.event_call(value, trigger_args, trigger), loc=self.loc(value))

    def dom_event_actions(self, node: ast.expr) -> tuple[ast.expr | None, list[str]]:
        """`rx.prevent_default` (no handler left), or `State.h.stop_propagation` (the handler
        `State.h`), with the DOM event methods they call."""
        parts = dotted_parts(node)
        if parts and not self.is_local(parts[0]):
            value = lookup(parts, self.unit.globals)
            if isinstance(value, DomEventAction):
                return None, [value.js_method]
        if isinstance(node, ast.Attribute) and node.attr in DOM_EVENT_ACTIONS:
            inner, actions = self.dom_event_actions(node.value)
            if inner is not None and (isinstance(inner, ast.Call) or self.is_event_value(inner)):
                return inner, [*actions, DOM_EVENT_ACTIONS[node.attr].js_method]
        return node, []

    def event_statements(self, node: ast.expr, trigger_args: list[js.Expr], trigger: str) -> list[js.Stmt]:
        """What a trigger does, as statements: one event, a list of them, none (`None`), or a choice
        made in the page when the trigger fires (`rx.cond(c, a, b)`, `a if c else b`)."""
        node = self.event_alias(node)
        if isinstance(node, (ast.List, ast.Tuple)):
            return [s for item in node.elts for s in self.event_statements(item, trigger_args, trigger)]
        if isinstance(node, ast.Constant) and node.value is None:
            return []
        choice = self.conditional_event(node)
        if choice is not None:
            test_node, then_node, else_node = choice
            test = self.expr(test_node)
            then = self.event_statements(then_node, trigger_args, trigger)
            otherwise = self.event_statements(else_node, trigger_args, trigger) if else_node is not None else []
            if test.is_constant:  # decided at build time
                return then if test.constant else otherwise
            return [js.If(self.truthy(test), then, otherwise, loc=self.loc(node))]
        return [js.ExprStmt(self.event_call(node, trigger_args, trigger), loc=self.loc(node))]

    def conditional_event(self, node: ast.expr) -> tuple[ast.expr, ast.expr, ast.expr | None] | None:
        """(test, then, else) of `rx.cond(test, then[, else])` or `then if test else else`."""
        if isinstance(node, ast.IfExp):
            return node.test, node.body, node.orelse
        if not isinstance(node, ast.Call):
            return None
        parts = dotted_parts(node.func)
        if not parts or self.is_local(parts[0]):
            return None
        resolved = resolve(parts, self.unit.globals)
        if not (isinstance(resolved, ControlName) and resolved.kind == "cond"):
            return None
        if node.keywords or len(node.args) not in (2, 3) or any(isinstance(a, ast.Starred) for a in node.args):
            raise self.error("PYX105", node, "rx.cond() between events takes a condition, the event(s) when it "
                                             "is true and optionally the event(s) when it is false",
                             "rx.cond(State.flag, State.on(), State.off())")
        return node.args[0], node.args[1], node.args[2] if len(node.args) == 3 else None

    def event_call(self, node: ast.expr, trigger_args: list[js.Expr], trigger: str) -> js.Call:
        """`State.h` (gets the trigger's values), `State.h(1, x)` (gets these), or a callback prop."""
        node = self.without_setvar(node)
        root = dotted_parts(node.func if isinstance(node, ast.Call) else node)
        if root and len(root) > 1 and getattr(self.scope.lookup(root[0]), "poisoned", False):
            return js.Call(js.Raw("undefined"), [])  # its statement failed and was reported
        if isinstance(node, ast.Name) and self.is_local(node.id):
            local = self.read_local(node)
            # a handler some calls of the component leave out (`**props`): no call when absent
            callee = js.Raw(local.node.text + "?.") if local.type.optional and isinstance(local.node, js.Raw) else local.node
            return js.Call(callee, trigger_args, loc=self.loc(node))
        setter = self.client_setter_of(node)
        if setter is not None:  # `tab.set_value(1)`: set in the page, no event sent
            return self.client_set_call(*setter, trigger_args, trigger, node)
        if isinstance(node, ast.Call) and self.action_of(node) is not None:
            return self.action_call(node, self.action_of(node), trigger_args)
        if isinstance(node, ast.Call):
            handler = self.handler_ref(node.func, trigger)
            if any(self.is_upload_files(a) for a in node.args):
                return self.upload_trigger(node, handler)
            if node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
                raise self.error("PYX105", node, "event handler calls take positional arguments only here",
                                 "pass the arguments in the handler's order")
            self.check_arity(node, handler, len(node.args), trigger)
            args = [self.event_arg(a, trigger) for a in node.args]
            return js.Call(js.Raw(self.event_hook(handler, node)), args, loc=self.loc(node))
        bare = ast.copy_location(ast.Call(node, [], []), node)
        if self.action_of(bare) is not None:  # `on_click=rx.toggle_color_mode`: an action without arguments
            return self.action_call(bare, self.action_of(bare), trigger_args)
        handler = self.handler_ref(node, trigger)
        self.check_arity(node, handler, len(trigger_args), trigger)
        return js.Call(js.Raw(self.event_hook(handler, node)), trigger_args, loc=self.loc(node))

    def event_arg(self, node: ast.expr, trigger: str) -> js.Expr:
        """An argument of a handler call in a trigger. A handler (`State.run(State.other)`,
        `State.run(State.other(1))`) goes by name, and the handler receives it as Python passes it:
        the EventHandlerRef (or EventSpec), which it may return or yield (state/handlers.py)."""
        if isinstance(node, ast.Lambda) or not self.is_event_value(node):
            return self.expr(node).node
        call = node if isinstance(node, ast.Call) else None
        if call is not None and self.action_of(call) is not None:
            raise self.error("PYX105", node, "a client action cannot be passed to a handler",
                             "pass a handler (State.other), or return the action from the handler")
        handler = self.handler_ref(call.func if call is not None else node, trigger)
        entries = [(HANDLER_ARG, js.Literal(f"{handler.state._pyx_name}.{handler.name}"))]
        if call is not None:
            if call.keywords or any(isinstance(a, ast.Starred) for a in call.args):
                raise self.error("PYX105", call, "event handler calls take positional arguments only here",
                                 "pass the arguments in the handler's order")
            self.check_arity(call, handler, len(call.args), trigger)
            entries.append(("args", js.ArrayExpr([self.expr(a).node for a in call.args])))
        return js.ObjectExpr(entries)

    def action_of(self, node: ast.Call):
        parts = dotted_parts(node.func) if isinstance(node.func, (ast.Name, ast.Attribute)) else None
        if not parts or self.is_local(parts[0]):
            return None
        resolved = resolve(parts, self.unit.globals)
        return resolved.function if isinstance(resolved, ActionName) else None

    def action_call(self, node: ast.Call, builder, trigger_args: list[js.Expr]) -> js.Call:
        """`rx.redirect("/x")` as a trigger: the action runs in the page, no server round trip.
        The Python builder itself makes the action (so its checks and argument names hold),
        with markers standing in for values only known in the browser."""
        values: dict[str, js.Expr] = {}

        def stand_in(value_node: ast.expr):
            value = self.expr(value_node)
            if value.is_constant:
                return value.constant
            marker = f"\x00pyx{len(values)}\x00"
            values[marker] = self.as_str(value)
            return marker

        if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
            raise self.error("PYX105", node, "`*`/`**` arguments are not supported in a client action",
                             "pass each argument")
        args = [stand_in(a) for a in node.args]
        kwargs = {k.arg: self.callback_ref(k.value) if k.arg == "callback" else stand_in(k.value)
                  for k in node.keywords}
        try:
            action = builder(*args, **kwargs)
        except (TypeError, ValueError) as exc:
            raise self.error("PYX105", node, f"rx.{builder.__name__}(): {exc}",
                             "values only known in the browser must be str here; pass other arguments as constants") from None
        entries = []
        for key, value in action.args.items():
            if isinstance(value, str) and value in values:
                entries.append((key, values[value]))
            elif isinstance(value, str) and "\x00pyx" in value:
                raise self.error("PYX105", node, f"rx.{builder.__name__}() changes this argument, so it must be a constant",
                                 "pass a literal value")
            else:
                entries.append((key, self.literal(value, node).node))
        self.unit.use_runtime("perform", "$perform")
        action_js = js.ObjectExpr([("name", js.Literal(action.name)), ("args", js.ObjectExpr(entries))])
        return js.Call(js.Raw("$perform"), [action_js], loc=self.loc(node))

    def callback_ref(self, node: ast.expr):
        """rx.call_script(..., callback=State.h): the handler, which receives the script's value."""
        handler = self.handler_ref(node, "callback=")
        self.check_arity(node, handler, 1, "callback=")
        return getattr(handler.state, handler.name)

    def event_lambda(self, node: ast.Lambda, trigger_args: list[js.Expr], trigger: str,
                     callback_params: list[str] | None = None) -> js.Arrow:
        params = [p.arg for p in node.args.args]
        if len(params) > len(trigger_args) or node.args.vararg or node.args.kwarg or node.args.kwonlyargs:
            names = ", ".join("value" for _ in trigger_args)
            raise self.error("PYX105", node, f"{trigger} passes {len(trigger_args)} argument(s), "
                                             f"but this lambda takes {len(params)}",
                             f"use `lambda{' ' + names if names else ''}: ...`")
        saved = self.scope
        self.scope = Scope(parent=saved)
        try:
            statements: list[js.Stmt] = []
            for index, param in enumerate(params):
                js_name = self.local_js_name(param)
                kind = t.STR if trigger_args[index].text.endswith((".value", ".key")) else t.ANY
                self.scope.names[param] = Local(js_name, kind)
                statements.append(js.Const(js_name, trigger_args[index]))
            statements.extend(self.event_statements(node.body, [], trigger))
        finally:
            self.scope = saved
        if not params:
            callback_params = []
        return js.Arrow([EVENT_ARG] if callback_params is None else callback_params, statements, loc=self.loc(node))

    def without_setvar(self, node: ast.expr) -> ast.expr:
        """Reflex's `State.setvar("name")` / `State.setvar("name", value)` as the var's setter:
        `State.set_name` / `State.set_name(value)`."""
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "setvar"):
            return node
        parts = dotted_parts(node.func.value)
        owner = lookup(parts, self.unit.globals) if parts and not self.is_local(parts[0]) else None
        if not (isinstance(owner, type) and issubclass(owner, State)):
            return node
        first = node.args[0] if node.args else None
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)) or node.keywords:
            raise self.error("PYX105", node, "State.setvar takes the var's name as a string, then its value if "
                                             "the trigger's should not be used", 'e.g. `State.setvar("name")`')
        try:
            setter = setvar_setter(owner, first.value)
        except SetvarError as exc:
            raise self.error("PYX105", node, exc.message, exc.hint) from None
        ref = ast.copy_location(ast.Attribute(node.func.value, setter, ast.Load()), node)
        return ast.copy_location(ast.Call(ref, node.args[1:], []), node) if len(node.args) > 1 else ref

    def handler_ref(self, node: ast.expr, trigger: str) -> HandlerName:
        parts = dotted_parts(node)
        resolved = resolve(parts, self.unit.globals) if parts and not self.is_local(parts[0]) else None
        if not isinstance(resolved, HandlerName):
            if resolved is None and parts and not self.is_local(parts[0]):
                raise self.not_defined(node, parts)
            raise self.error("PYX105", node, f"{trigger} needs an event handler (a State method)",
                             "pass e.g. `MyState.set_value` or `lambda: MyState.do(1)`")
        return resolved

    def check_arity(self, node: ast.AST, handler: HandlerName, count: int, trigger: str) -> None:
        signature = signature_of(handler.function)
        try:
            signature.bind(None, *range(count))
        except TypeError:
            shown = re.sub(r"^\(self,? ?", "(", str(signature))
            raise self.error("PYX105", node, f"{trigger} passes {count} argument(s), but "
                                             f"{handler.state.__name__}.{handler.name}{shown} does not accept that",
                             "change the handler's parameters, or use a lambda to pass what it needs") from None

    # -- events held in locals ----------------------------------------------------------------
    def holds_event(self, name: str, value_node: ast.expr) -> bool:
        """`on_pick = rx.cond(selected, State.apply(i), rx.noop())`, assigned once and used as a
        trigger later, as Reflex templates write it: the trigger runs the expression (the choice is
        made when it fires, as in Reflex, where it is a Var), so the local holds no JS value."""
        if isinstance(value_node, ast.Lambda) or name in self.let_names or not self.is_event_value(value_node):
            return False
        self.event_aliases[name] = value_node
        return True

    def event_alias(self, node: ast.expr) -> ast.expr:
        if isinstance(node, ast.Name) and node.id in self.event_aliases:
            return self.event_aliases[node.id]
        return node

    # -- handlers as props of the app's components ------------------------------------------
    def is_event_value(self, node: ast.expr) -> bool:
        node = self.event_alias(node)
        if isinstance(node, ast.Lambda):
            return True
        choice = self.conditional_event(node)
        if choice is not None:  # an event chosen in the page, when either branch is an event
            return any(branch is not None and self.is_event_value(branch) for branch in choice[1:])
        node = self.without_setvar(node)
        if self.client_setter_of(node) is not None:
            return True
        target = node.func if isinstance(node, ast.Call) else node
        parts = dotted_parts(target)
        if not parts or self.is_local(parts[0]):
            return False
        return isinstance(resolve(parts, self.unit.globals), (HandlerName, ActionName))

    def event_callback(self, node: ast.expr) -> js.Expr:
        """A handler given to an app component: a JS function taking the trigger's values."""
        node = self.event_alias(node)
        if isinstance(node, ast.Lambda):
            count = len(node.args.args)
            args = [js.Raw(f"$a{i}") for i in range(count)]
            arrow = self.event_lambda(node, args, "this prop")
            arrow.params = [f"$a{i}" for i in range(count)]
            return arrow
        if self.conditional_event(node) is not None:
            return js.Arrow([], self.event_statements(node, [], "this prop"), loc=self.loc(node))
        node = self.without_setvar(node)
        setter = self.client_setter_of(node)
        if setter is not None and setter[1] is None:
            return self.client_callback(setter[0], node)
        if isinstance(node, ast.Call):
            return js.Arrow([], self.event_call(node, [], "this prop"), loc=self.loc(node))
        handler = self.handler_ref(node, "this prop")
        return js.Raw(self.event_hook(handler, node))


def _params_read(event: EventSpec) -> int:
    """How many of the callback's parameters the handler's arguments read (the rest are left off)."""
    read = [i for i, p in enumerate(event.params) if any(re.match(rf"^{p}\b", a) for a in event.args)]
    return read[-1] + 1 if read else 0
