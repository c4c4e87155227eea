"""Calls: what a call in a component means (component, control flow, builtin, helper, method)
and Python's builtins and methods by the receiver's type."""

from __future__ import annotations

import ast
import builtins
import dataclasses
import string
from typing import Any

from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.phases.analyze import types as t
from pyxjs.transpiler.phases.analyze.resolve import (
    BrowserFunctionName,
    BuiltinName,
    ClientValueName,
    ComponentName,
    ConstantName,
    ControlName,
    HandlerName,
    StateVarName,
    UploadFilesName,
    UserFunctionName,
    dotted_parts,
    lookup,
    missing_part,
    resolve,
    signature_of,
)
from pyxjs.transpiler.names import prop_identifier
from pyxjs.transpiler.phases.transform import fold_limits
from pyxjs.transpiler.phases.transform.arguments import checked_arguments
from pyxjs.transpiler.phases.transform.fold_limits import NotFolded
from pyxjs.transpiler.phases.transform.kwargs import KWARGS_PREFIX, kwargs_keys, kwargs_local
from pyxjs.transpiler.phases.transform.typed import Typed

_HINT_BROWSER = "move this into an event handler or a computed var; components run in the browser"

# method -> (result type by receiver, positional parameter names for keywords)
_STR_METHODS: dict[str, tuple[Any, tuple[str, ...]]] = {
    "upper": (t.STR, ()), "lower": (t.STR, ()), "title": (t.STR, ()), "capitalize": (t.STR, ()),
    "strip": (t.STR, ("chars",)), "lstrip": (t.STR, ("chars",)), "rstrip": (t.STR, ("chars",)),
    "split": (t.list_of(t.STR), ("sep", "maxsplit")), "rsplit": (t.list_of(t.STR), ("sep", "maxsplit")),
    "join": (t.STR, ("iterable",)), "startswith": (t.BOOL, ("prefix", "start", "end")),
    "endswith": (t.BOOL, ("suffix", "start", "end")), "replace": (t.STR, ("old", "new", "count")),
    "find": (t.INT, ("sub", "start", "end")), "rfind": (t.INT, ("sub", "start", "end")),
    "index": (t.INT, ("sub", "start", "end")), "count": (t.INT, ("sub", "start", "end")),
    "zfill": (t.STR, ("width",)), "format": (t.STR, ()), "isdigit": (t.BOOL, ()), "isalpha": (t.BOOL, ()),
    "isspace": (t.BOOL, ()),
}
_LIST_METHODS = {"index": (t.INT, ("value",)), "count": (t.INT, ("value",)), "copy": (None, ())}
_DICT_METHODS = {"get": (None, ("key", "default")), "keys": (None, ()), "values": (None, ()), "items": (None, ())}
# Reflex's Var operations, which Reflex apps call on State vars.
_REFLEX_VAR_METHODS = {"length", "contains", "to_string", "is_none", "is_not_none", "bool", "to"}
_PURE_FOLD = set(_STR_METHODS) | set(_LIST_METHODS) | set(_DICT_METHODS)


class Calls:
    def expr_Call(self, node: ast.Call) -> Typed:
        func = node.func
        parts = dotted_parts(func)
        if parts is not None and len(parts) > 2 and parts[1] == "router" and isinstance(func, ast.Attribute) \
                and not self.is_local(parts[0]):  # State.router.page.params.get(...)
            return self.method_call(self.expr(func.value), func.attr, node)
        if parts is not None and not self.is_local(parts[0]):
            resolved = resolve(parts, self.unit.globals)
            if resolved is None:
                index, _ = missing_part(parts, self.unit.globals)
                prefix = resolve(parts[:index], self.unit.globals) if index else None
                if not isinstance(prefix, (StateVarName, ConstantName, ClientValueName)) or index != len(parts) - 1:
                    raise self.not_defined(func, parts)
            elif isinstance(resolved, ComponentName):
                return Typed(self.component_call(node, resolved.factory._pyx_spec), t.ELEMENT)
            elif isinstance(resolved, ControlName):
                return self.control_call(resolved.kind, node)
            elif isinstance(resolved, BuiltinName):
                return self.builtin_call(resolved.name, node)
            elif isinstance(resolved, UserFunctionName):
                return self.user_function_call(resolved.function, node)
            elif isinstance(resolved, BrowserFunctionName):
                return self.browser_call(resolved, node)
            elif isinstance(resolved, UploadFilesName):
                raise self.error("PYX115", node, "rx.upload_files() only stands for an upload handler's argument",
                                 'pass it to a handler in a trigger: on_click=State.handle_upload(rx.upload_files(upload_id="..."))')
            elif len(parts) > 1 and isinstance(resolve(parts[:-1], self.unit.globals), (ConstantName, StateVarName, ClientValueName)):
                return self.method_call(self.expr(func.value), func.attr, node)
            elif getattr(getattr(resolved, "value", None), "_pyx_value_of_argument", False):
                return self.value_of_argument(node, ".".join(parts))
            elif isinstance(resolved, HandlerName):
                raise self.error("PYX110", node, f"calling `{'.'.join(parts)}(...)` in a component does not run it",
                                 f"pass it to an event trigger: on_click={ast.unparse(node)}")
            else:
                callee = ".".join(parts)
                value = getattr(resolved, "value", None)
                if dataclasses.is_dataclass(value) and isinstance(value, type):
                    return self.dataclass_call(value, node, callee)
                made_once = getattr(getattr(value, "__func__", value), "_pyx_module_level", None)
                if made_once:  # ClientStateVar.create in a component body
                    raise self.error("PYX104", node, f"`{callee}(...)` makes {made_once} once, at module level, "
                                                     "not in a component (its body runs in the browser)",
                                     f"create it outside the function (`x = {callee}(...)`) and use it here")
                raise self.error("PYX104", node, f"`{callee}(...)` cannot run in the browser", _HINT_BROWSER)
        if isinstance(func, ast.Attribute):
            return self.method_call(self.expr(func.value), func.attr, node)
        if isinstance(func, ast.Name) and self.is_local(func.id) and self.read_local(func).poisoned:
            return Typed(js.Raw("undefined"), t.ANY, poisoned=True)
        raise self.error("PYX104", node, f"`{ast.unparse(func)}(...)` cannot be called in a component",
                         "call a component, a builtin, a helper function or a method")

    def dataclass_call(self, cls: type, node: ast.Call, callee: str) -> Typed:
        """`Option("en", "English")` of constants: built by Python at build time, a constant like
        the module's own instances; with a value known only in the browser it cannot be built."""
        if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
            raise self.error("PYX101", node, f"`*`/`**` arguments to {callee}() are not supported", "pass each field")
        args = [self.expr(a) for a in node.args]
        kwargs = {k.arg: self.expr(k.value) for k in node.keywords}
        if not all(a.is_constant for a in [*args, *kwargs.values()]):
            raise self.error("PYX104", node, f"`{callee}(...)` builds a dataclass from values known only in the "
                                             "browser, which runs no Python classes",
                             "build it in an event handler or a computed var, or use a dict here")
        return self.folded(node, lambda: cls(*(a.constant for a in args), **{k: v.constant for k, v in kwargs.items()}))

    def value_of_argument(self, node: ast.Call, shown: str) -> Typed:
        """`rx.Var.create(x)`: in pyxjs a var is its value, so this is `x`."""
        if len(node.args) != 1 or isinstance(node.args[0], ast.Starred) or node.keywords:
            raise self.error("PYX101", node, f"{shown}() takes one value here", f"{shown}(value)")
        return self.expr(node.args[0])

    # -- arguments ----------------------------------------------------------------------
    def positional(self, node: ast.Call, what: str, names: tuple[str, ...] = (), most: int | None = None) -> list[Typed]:
        """The call's arguments in order, keywords placed by `names`; *args are not allowed."""
        args: list[Typed | None] = []
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                raise self.error("PYX101", arg, f"`*` arguments are not supported for {what}", "pass each argument")
            args.append(self.expr(arg))
        for keyword in node.keywords:
            if keyword.arg is None or keyword.arg not in names:
                raise self.error("PYX101", keyword, f"{what} takes no keyword `{keyword.arg}` here",
                                 f"its parameters are: {', '.join(names) or 'positional only'}")
            index = names.index(keyword.arg)
            while len(args) <= index:
                args.append(None)
            if args[index] is not None:
                raise self.error("PYX101", keyword, f"{what} got `{keyword.arg}` twice", "pass it once")
            args[index] = self.expr(keyword.value)
        if most is not None and len(args) > most:
            raise self.error("PYX101", node, f"{what} takes at most {most} argument(s), got {len(args)}",
                             "remove the extra arguments")
        return [a if a is not None else Typed(js.Raw("undefined"), t.NONE) for a in args]

    # -- builtins -----------------------------------------------------------------------
    def builtin_call(self, name: str, node: ast.Call) -> Typed:
        if name in ("min", "max", "sorted"):
            return self.ordering_builtin(name, node)
        if name == "isinstance":
            return self.isinstance_call(node)
        names = {"round": ("number", "ndigits"), "sum": ("iterable", "start"), "enumerate": ("iterable", "start"),
                 "int": ("x", "base")}.get(name, ())
        args = self.positional(node, f"{name}()", names)
        if args and all(a.is_constant for a in args) and name not in ("range",):
            return self.folded(node, lambda: _python_result(getattr(builtins, name)(*(a.constant for a in args))))
        nodes = [a.node for a in args]
        first = args[0].type if args else t.ANY
        if name == "len":
            self.arity(node, name, args, 1, 1)
            return Typed(self.py("len", *nodes), t.INT)
        if name == "str":
            self.arity(node, name, args, 0, 1)
            return Typed(self.as_str(args[0]) if args else js.Literal(""), t.STR)
        if name == "repr":
            self.arity(node, name, args, 1, 1)
            return Typed(self.py("pyRepr", *self.with_type(args[0])), t.STR)
        if name == "bool":
            self.arity(node, name, args, 0, 1)
            return Typed(self.truthy(args[0]) if args else js.Literal(False), t.BOOL)
        if name == "int":
            self.arity(node, name, args, 0, 2)
            if not args:
                return self.literal(0, node)
            if first == t.INT and len(args) == 1:
                return args[0]
            return Typed(self.py("int_", *nodes), t.INT)
        if name == "float":
            self.arity(node, name, args, 0, 1)
            return Typed(self.py("float_", *nodes) if args else js.Literal(0.0), t.FLOAT)
        if name == "round":
            self.arity(node, name, args, 1, 2)
            ndigits = len(args) == 2 and not (args[1].is_constant and args[1].constant is None)
            kind = (t.INT if first.kind in ("int", "bool") else t.FLOAT) if ndigits else t.INT
            if ndigits and first.kind == "float":
                nodes.append(js.Literal(True))  # the float rules, even for an integral value
            return Typed(self.py("round", *nodes), kind)
        if name == "abs":
            self.arity(node, name, args, 1, 1)
            kind = t.INT if first.kind in ("int", "bool") else first if first.kind == "float" else t.ANY
            return Typed(self.py("abs", *nodes), kind)
        if name == "sum":
            self.arity(node, name, args, 1, 2)
            item = first.item
            kind = item if item.kind in ("int", "float") else t.INT if item.kind == "bool" else t.ANY
            if len(args) == 2:
                kind = t.join(kind, args[1].type) if args[1].type.kind in ("int", "float") else t.ANY
            if item.kind == "float" and len(args) == 1:
                nodes = [nodes[0], js.Literal(0), js.Literal(True)]  # integral floats stay floats
            total = self.py("sum", *nodes)
            if kind == t.FLOAT and len(args) == 1:
                # sum() starts from the int 0: an empty list of floats sums to 0, not 0.0
                printed = js.Conditional(self.py("len", nodes[0]), self.py("str", total, js.Literal("float")),
                                         js.Literal("0"))
                return Typed(total, kind, printed=printed)
            return Typed(total, kind)
        if name in ("any", "all"):
            self.arity(node, name, args, 1, 1)
            return Typed(self.py(name, *nodes), t.BOOL)
        if name == "reversed":
            self.arity(node, name, args, 1, 1)
            return Typed(self.py("reversed", *nodes), t.list_of(first.item))
        if name in ("list", "tuple"):
            self.arity(node, name, args, 0, 1)
            if not args:
                return Typed(js.ArrayExpr([]), t.list_of(t.NEVER) if name == "list" else t.tuple_of())
            kind = t.list_of(first.item) if name == "list" else t.PyType("tuple", (first.item,), variadic=True)
            return Typed(self.py(name + "_", *nodes), kind)
        if name == "range":
            self.arity(node, name, args, 1, 3)
            for a in args:
                if a.type.kind not in ("int", "bool", "any"):
                    raise self.error("PYX111", node, f"range() takes ints, not {a.type}", "convert with int()")
            return Typed(self.py("range", *nodes), t.list_of(t.INT))
        if name == "enumerate":
            self.arity(node, name, args, 1, 2)
            return Typed(self.py("enumerate", *nodes), t.list_of(t.tuple_of(t.INT, first.item)))
        if name == "zip":
            return Typed(self.py("zip", *nodes), t.list_of(t.tuple_of(*(a.type.item for a in args))))
        if name == "dict":
            self.arity(node, name, args, 0, 1)
            if not args:
                return Typed(js.ObjectExpr([]), t.dict_of(t.STR, t.NEVER))
            pair = first.item
            if first.kind == "dict":
                return Typed(self.py("dictMerge", nodes[0]), first.required())
            if pair.kind != "tuple" or pair.variadic or len(pair.args) != 2 or pair.args[0].kind != "str":
                raise self.error("PYX109", node, f"dict() here needs (str, value) pairs, got items of type {pair}",
                                 "the browser's objects have string keys: build the pairs with str keys")
            return Typed(self.py("dictFromEntries", self.py("iter", nodes[0])),
                         t.dict_of(t.STR, pair.args[1]))
        raise self.error("PYX104", node, f"`{name}()` is not supported in a component yet", _HINT_BROWSER)

    def arity(self, node: ast.AST, name: str, args: list[Typed], fewest: int, most: int) -> None:
        if not fewest <= len(args) <= most:
            expected = str(fewest) if fewest == most else f"{fewest} to {most}"
            raise self.error("PYX101", node, f"{name}() takes {expected} argument(s), got {len(args)}",
                             "check the call")

    def ordering_builtin(self, name: str, node: ast.Call) -> Typed:
        """min/max/sorted, with key= (a lambda or a helper) and default=/reverse=."""
        options: list[tuple[str, js.Expr]] = []
        args = []
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                raise self.error("PYX101", arg, f"`*` arguments are not supported for {name}()", "pass a list")
            args.append(self.expr(arg))
        if not args:
            raise self.error("PYX101", node, f"{name}() needs an argument", "pass a list")
        if all(a.is_constant for a in args) and not node.keywords:
            return self.folded(node, lambda: getattr(builtins, name)(*(a.constant for a in args)))
        item = args[0].type.item if len(args) == 1 else t.join(*(a.type for a in args))
        for keyword in node.keywords:
            if keyword.arg == "key":
                if isinstance(keyword.value, ast.Constant) and keyword.value.value is None:
                    continue
                options.append(("key", self.value_function(keyword.value, [item])))
            elif keyword.arg == "default" and name != "sorted":
                default = self.expr(keyword.value)
                options.append(("default", default.node))
            elif keyword.arg == "reverse" and name == "sorted":
                options.append(("reverse", self.truthy(self.expr(keyword.value))))
            else:
                raise self.error("PYX101", keyword, f"{name}() takes no keyword `{keyword.arg}` here",
                                 "use key=, default= (min/max) or reverse= (sorted)")
        if name in ("min", "max") and len(args) == 2 and not options:
            # Python returns the first of equal values: max(a, b) is `b if b > a else a`
            first, second = args
            test = self.compare(ast.Gt if name == "max" else ast.Lt, second, first)
            return self.choice(test, second, first)
        if name == "sorted":
            if len(args) != 1:
                raise self.error("PYX101", node, "sorted() takes one iterable", "pass a list")
            opts = dict(options)
            call_args = [args[0].node, opts.get("key", js.Literal(None)), opts.get("reverse", js.Literal(False))]
            return Typed(self.py("sorted", *call_args), t.list_of(item))
        call_args = [a.node for a in args]
        rest = [entry for entry in options if entry[0] != "default"]
        if rest:
            call_args.append(js.ObjectExpr(rest))
        found = Typed(self.py(name, *call_args), item)
        if len(options) != len(rest):  # `default=`: the default when empty, so each prints by its type
            return self.choice(self.truthy(args[0]), found, default)
        return found

    def value_function(self, node: ast.expr, param_types: list[t.PyType]) -> js.Expr:
        """A lambda or helper used as a value (key=): a JS function."""
        if isinstance(node, ast.Lambda):
            params = node.args.args
            if node.args.vararg or node.args.kwarg or node.args.kwonlyargs or len(params) != len(param_types):
                raise self.error("PYX101", node, f"this lambda must take exactly {len(param_types)} argument(s)",
                                 "write `lambda item: ...`")
            names, body = self.lambda_body(node, param_types)
            return js.Arrow(names, body.node)
        parts = dotted_parts(node)
        resolved = resolve(parts, self.unit.globals) if parts and not self.is_local(parts[0]) else None
        if isinstance(resolved, BuiltinName) and resolved.name in ("len", "str", "abs", "int", "float"):
            fake = ast.Lambda(args=ast.arguments(posonlyargs=[], args=[ast.arg("$x")], kwonlyargs=[], kw_defaults=[],
                                                 defaults=[]),
                              body=ast.Call(func=node, args=[ast.Name("$x", ast.Load())], keywords=[]))
            ast.copy_location(fake, node)
            ast.fix_missing_locations(fake)
            return self.value_function(fake, param_types)
        if isinstance(resolved, UserFunctionName):
            info = self.unit.use_function(resolved.function, node)
            if not info.component:
                return js.Raw(info.js_name)
        raise self.error("PYX101", node, "key= takes a lambda, a helper function or a builtin like len/str",
                         "write key=lambda item: ...")

    def isinstance_call(self, node: ast.Call) -> Typed:
        if len(node.args) != 2 or node.keywords:
            raise self.error("PYX101", node, "isinstance() takes a value and a type", "isinstance(x, int)")
        value = self.expr(node.args[0])
        type_nodes = node.args[1].elts if isinstance(node.args[1], ast.Tuple) else [node.args[1]]
        kinds = set()
        for type_node in type_nodes:
            parts = dotted_parts(type_node)
            resolved = resolve(parts, self.unit.globals) if parts else None
            python_type = getattr(resolved, "value", None) if resolved is not None else None
            if isinstance(resolved, BuiltinName):
                    python_type = getattr(builtins, resolved.name)
            kind = {str: "str", int: "int", float: "float", bool: "bool", list: "list", dict: "dict", tuple: "tuple",
                    type(None): "none"}.get(python_type)
            if kind is None:
                raise self.error("PYX101", type_node, "isinstance() in a component checks str, int, float, bool, "
                                                      "list, dict, tuple or NoneType", "use one of those")
            kinds.add(kind)
        if "int" in kinds:
            kinds.add("bool")  # bool is a subclass of int
        actual = value.type
        if actual.kind in ("any", "number"):
            raise self.error("PYX111", node, f"isinstance() needs a value of known type here (got {actual})",
                             "annotate the var or parameter")
        matches_value = actual.kind in kinds
        if actual.optional and matches_value != ("none" in kinds):
            # `int | None`: which one it is shows at runtime
            return Typed(js.Binary("!=" if matches_value else "==", value.node, js.Literal(None)), t.BOOL)
        return self.literal(matches_value, node)

    # -- methods ------------------------------------------------------------------------
    def method_call(self, receiver: Typed, name: str, node: ast.Call) -> Typed:
        if receiver.poisoned:
            return Typed(js.Raw("undefined"), t.ANY, poisoned=True)
        kind = receiver.type.kind
        if name in _REFLEX_VAR_METHODS and not (kind == "str" and name in _STR_METHODS):
            return self.reflex_var_method(receiver, name, node)
        if kind == "str" and name == "split" and not node.args and not node.keywords \
                and self.is_reflex_string_param(node.func.value):
            # Reflex's StringVar.split() splits into characters (its separator defaults to ""),
            # where str.split() splits on whitespace: a parameter annotated StringVar means Reflex's
            return Typed(self.py("list_", receiver.node), t.list_of(t.STR))
        if kind == "str":
            table, prefix = _STR_METHODS, "str_"
        elif kind in ("list", "tuple"):
            table, prefix = _LIST_METHODS, "list_"
            if name == "join":  # Reflex's ArrayVar.join(sep)
                args = self.positional(node, "join()", ("sep",), most=1)
                sep = args[0].node if args else js.Literal("")
                return Typed(self.py("str_join", sep, receiver.node), t.STR)
        elif kind == "dict":
            table, prefix = _DICT_METHODS, "dict_"
        elif kind == "any":
            table = {**_STR_METHODS, **_LIST_METHODS, **_DICT_METHODS}
            prefix = ""
        else:
            raise self.error("PYX101", node, f"{receiver.type} has no method `{name}` in a component",
                             "compute the value in an event handler")
        if name not in table:
            if name in ("append", "extend", "insert", "pop", "remove", "sort", "reverse", "clear", "update",
                        "setdefault"):
                raise self.error("PYX102", node, f"`.{name}()` changes the value in place, which a component cannot do",
                                 "build a new value (a comprehension, sorted(), [*items, x]); change State in an "
                                 "event handler")
            raise self.error("PYX101", node, f"`.{name}()` on {receiver.type} is not supported in a component",
                             f"supported: {', '.join(sorted(table))}")
        result, names = table[name]
        if name == "format" and kind == "str" and receiver.is_constant:
            return self.format_call(receiver.constant, node)
        if name == "format":
            args = []
            for arg in node.args:
                args.append(self.expr(arg))
            if node.keywords:
                raise self.error("PYX101", node, "str.format() with keyword arguments needs a literal format string",
                                 "use an f-string")
        else:
            args = self.positional(node, f".{name}()", names, most=len(names))
        if receiver.is_constant and all(a.is_constant for a in args) and name in _PURE_FOLD and \
                fold_limits.method_fits(receiver.constant, name, [a.constant for a in args]):
            try:
                return self.folded(node, lambda: getattr(receiver.constant, name)(*(a.constant for a in args)),
                                   runtime_fallback=True)
            except NotFolded:
                pass  # too large to inline: the browser computes it
        if result is None:  # depends on the receiver's type
            result = self.method_result(receiver.type, name, args)
        nodes = [a.node for a in args]
        if prefix:
            return Typed(self.py(prefix + name, receiver.node, *nodes), result)
        return Typed(self.py("method", receiver.node, js.Literal(name), *nodes), t.ANY)

    def is_reflex_string_param(self, node: ast.expr) -> bool:
        """`word` where `def render(word: StringVar)`: a parameter the app declared as Reflex's var."""
        if not isinstance(node, ast.Name) or self.scope_owner(node.id) not in (None, self.root_scope()):
            return False
        annotation = getattr(self.function, "__annotations__", {}).get(node.id)
        if isinstance(annotation, str):  # `from __future__ import annotations`
            annotation = lookup(annotation.split("."), self.unit.globals) if annotation.replace(".", "").isidentifier() else None
        return isinstance(annotation, type) and annotation.__name__ == "StringVar" and \
            annotation.__module__.startswith("pyxjs.")

    def format_call(self, template: str, node: ast.Call) -> Typed:
        """`"{name}: {0:.2f}".format(...)` with a literal template: compiled like the f-string it
        spells, so each value is formatted by its own type."""
        positional = [self.expr(a) for a in node.args if not isinstance(a, ast.Starred)]
        if len(positional) != len(node.args) or any(k.arg is None for k in node.keywords):
            raise self.error("PYX101", node, "`*`/`**` arguments to str.format() are not supported",
                             "pass each value")
        named = {k.arg: self.expr(k.value) for k in node.keywords}
        parts: list[str | js.Expr] = []
        auto = 0
        try:
            parsed = list(string.Formatter().parse(template))
        except ValueError as exc:
            raise self.error("PYX114", node, f"this format string is invalid: {exc}", "fix the braces") from None
        for literal, field_name, spec, conversion in parsed:
            if literal:
                parts.append(literal)
            if field_name is None:
                continue
            key, _, rest = field_name.partition(".")
            if rest or "[" in key or (spec and "{" in spec):
                raise self.error("PYX101", node, f"format field `{{{field_name}}}` is not supported in a component",
                                 "use an f-string")
            if key == "":
                key = str(auto)
                auto += 1
            value = positional[int(key)] if key.isdigit() and int(key) < len(positional) else named.get(key)
            if value is None:
                raise self.error("PYX114", node, f"this format() call always raises: no value for `{{{key}}}`",
                                 "pass it")
            fake = ast.FormattedValue(value=ast.Constant(None), conversion={None: -1, "s": 115, "r": 114, "a": 97}[
                conversion], format_spec=ast.JoinedStr([ast.Constant(spec)]) if spec else None)
            ast.copy_location(fake, node)
            text = self.formatted_value(fake, value)
            parts.append(text.constant if text.is_constant else text.node)
        if all(isinstance(p, str) for p in parts):
            return self.literal("".join(parts), node)
        return Typed(js.Template(parts), t.STR)

    def method_result(self, kind: t.PyType, name: str, args: list[Typed]) -> t.PyType:
        if name == "copy":
            return kind.required()
        if name == "get":
            value = kind.args[1] if kind.kind == "dict" else t.ANY
            return t.join(value, args[1].type) if len(args) > 1 else t.optional(value)
        if name == "keys":
            return t.list_of(kind.args[0] if kind.kind == "dict" else t.ANY)
        if name == "values":
            return t.list_of(kind.args[1] if kind.kind == "dict" else t.ANY)
        if name == "items":
            if kind.kind == "dict":
                return t.list_of(t.tuple_of(kind.args[0], kind.args[1]))
            return t.list_of(t.tuple_of(t.ANY, t.ANY))
        return t.ANY

    def reflex_var_method(self, receiver: Typed, name: str, node: ast.Call) -> Typed:
        if name == "to":
            return self.cast_call(receiver, node)
        if name == "length":
            self.positional(node, ".length()", (), most=0)
            return Typed(self.py("len", receiver.node), t.INT)
        if name == "contains":
            args = self.positional(node, ".contains()", ("value",), most=1)
            return Typed(self.py("contains", receiver.node, args[0].node), t.BOOL)
        if name in ("is_none", "is_not_none", "bool"):  # Reflex's spellings of `x is None`, `bool(x)`
            self.positional(node, f".{name}()", (), most=0)
            value = node.func.value  # type: ignore[attr-defined] - a method call's receiver
            python = ast.Call(ast.Name("bool", ast.Load()), [value], []) if name == "bool" else \
                ast.Compare(value, [ast.Is() if name == "is_none" else ast.IsNot()], [ast.Constant(None)])
            return self.expr(ast.fix_missing_locations(ast.copy_location(python, node)))
        self.positional(node, ".to_string()", (), most=0)
        return Typed(self.py("toJSON", receiver.node), t.STR)

    # -- the app's own functions --------------------------------------------------------
    def user_function_call(self, function: Any, node: ast.Call) -> Typed:
        signature = signature_of(function)
        names = list(signature.parameters)
        keywords = self.expanded_keywords(node.keywords, constants=True)
        if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in keywords):
            raise self.error("PYX101", node, "`*`/`**` arguments are not supported in calls to app functions yet",
                             "pass each argument")
        try:
            if not _fits(signature, len(node.args), [k.arg for k in keywords]):
                signature.bind(*[None for _ in node.args], **{k.arg: None for k in keywords})
        except TypeError as exc:
            raise self.error("PYX108", node, f"{function.__name__}() {exc}",
                             f"its signature is {function.__name__}{signature}") from None
        params = list(signature.parameters.values())
        vararg = next((p.name for p in params if p.kind is p.VAR_POSITIONAL), None)
        kwarg = next((p.name for p in params if p.kind is p.VAR_KEYWORD), None)
        slots = [p.name for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        named = {p.name for p in params if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD, p.POSITIONAL_ONLY)}
        given: dict[str, ast.expr] = {}
        extra: dict[str, ast.expr] = {}  # the keywords `**props` collects
        for name, arg in zip(slots, node.args):
            given[name] = arg
        for keyword in keywords:
            (given if keyword.arg in named else extra)[keyword.arg] = keyword.value
        # The arguments first: their types tell the callee's unannotated parameters theirs.
        values = checked_arguments(self, function, {name: self.prop_value(value) for name, value in given.items()}, given)
        extras = {name: self.prop_value(value) for name, value in extra.items()}
        if vararg is not None:  # `*children`: the extra positional arguments travel as one array
            extra_args = [self.prop_value(a) for a in node.args[len(slots):]]
            item = t.join(*(v.type for v in extra_args)) if extra_args else t.NEVER
            values[vararg] = Typed(js.ArrayExpr([v.node for v in extra_args]), t.PyType("tuple", (item,), variadic=True))
        recorded = {name: v.type for name, v in values.items()}
        if kwarg is not None:
            recorded[KWARGS_PREFIX] = t.NONE  # one per call: a key some calls leave out may be None
            recorded.update({KWARGS_PREFIX + name: v.type for name, v in extras.items()})
        self.unit.project.record_call(self.function, function, recorded,
                                      {name: given_value.possible_values for name, given_value in values.items()})
        info = self.unit.use_function(function, node)
        for name in info.value_params & given.keys():  # the callee's output depends on these values
            self.note_value_params(given[name])
        if info.component:
            props = [js.Prop(info.prop_names[name], v.node) for name, v in values.items()]
            props += [js.Prop(prop_identifier(name), v.node) for name, v in extras.items()]
            return Typed(js.JSXElement(info.js_name, props, [], loc=self.loc(node)), t.ELEMENT)
        if extras:
            values[kwarg] = Typed(js.ObjectExpr([(name, v.node) for name, v in extras.items()]), t.ANY)
        args: list[js.Expr] = []
        last = max((names.index(n) for n in values), default=-1)
        for name in names[: last + 1]:
            args.append(values[name].node if name in values else js.Raw("undefined"))
        return Typed(js.Call(js.Raw(info.js_name), args), info.return_type)

    def is_kwargs_key(self, node: ast.expr) -> bool:
        """One key of `**props` as `expanded_keywords` passes it on."""
        return isinstance(node, ast.Name) and self.kwargs_name is not None \
            and node.id.startswith(kwargs_local(self.kwargs_name, ""))

    def expanded_keywords(self, keywords: list[ast.keyword], constants: bool = False) -> list[ast.keyword]:
        """`f(**props)` inside a function that takes `**props`: its keys are known (those its call
        sites pass), so it passes each on as its own keyword, read from the dict. With
        `constants`, `f(**STYLE)` of a module constant dict passes each of its keys too."""
        if not any(k.arg is None for k in keywords):
            return keywords
        out = []
        for keyword in keywords:
            value = keyword.value
            if keyword.arg is None and self.kwargs_name is not None and isinstance(value, ast.Name) \
                    and value.id == self.kwargs_name and value.id not in self.function_locals:
                for key in kwargs_keys(self.param_types):
                    name = ast.copy_location(ast.Name(kwargs_local(value.id, key), ast.Load()), value)
                    out.append(ast.copy_location(ast.keyword(key, name), keyword))
            elif keyword.arg is None and constants and self.is_constant_str_dict(value):
                for key in self.expr(value).constant:
                    item = ast.copy_location(ast.Subscript(value, ast.Constant(key), ast.Load()), value)
                    ast.fix_missing_locations(item)
                    out.append(ast.copy_location(ast.keyword(key, item), keyword))
            else:
                out.append(keyword)
        return out

    def is_constant_str_dict(self, node: ast.expr) -> bool:
        parts = dotted_parts(node)
        if parts is None or self.is_local(parts[0]) or not isinstance(resolve(parts, self.unit.globals), ConstantName):
            return False
        value = self.expr(node)
        return isinstance(value.constant, dict) and all(isinstance(k, str) and k.isidentifier() for k in value.constant)

    def prop_value(self, value: ast.expr) -> Typed:
        """An argument to an app function: event handlers travel as callbacks."""
        if self.is_event_value(value):
            return Typed(self.event_callback(value), t.PyType("event"))
        return self.expr(value)


def _fits(signature: Any, positional: int, keywords: list[str]) -> bool:
    """The common call shapes, checked without Signature.bind (which is slow); False means
    "ask bind", which then either agrees or raises with Python's own message."""
    params = list(signature.parameters.values())
    if any(p.kind not in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) for p in params):
        return False
    positional_params = [p for p in params if p.kind is p.POSITIONAL_OR_KEYWORD]
    if positional > len(positional_params):
        return False
    given = {p.name for p in positional_params[:positional]}
    names = {p.name for p in params}
    for keyword in keywords:
        if keyword in given or keyword not in names:
            return False
        given.add(keyword)
    return all(p.name in given or p.default is not p.empty for p in params)


def _python_result(value: Any) -> Any:
    # range/enumerate/zip/reversed objects are iterators in Python; the browser has lists
    if isinstance(value, (range, enumerate, zip, reversed, map, filter)):
        return [tuple(v) if isinstance(v, tuple) else v for v in value]
    return value
