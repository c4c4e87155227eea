"""Uploads in a component: `rx.selected_files(id)` (a hook), `rx.get_upload_url(name)`, and
`State.handler(rx.upload_files(upload_id=..., on_upload_progress=...))` as a trigger.

Upload ids are recorded on the project, which checks once every page is compiled that each
`rx.upload_files` names an `rx.upload` the app renders (when every id is a constant)."""

from __future__ import annotations

import ast
import re
from typing import Any

from pyxjs.components.upload import DEFAULT_UPLOAD_ID, upload_files
from pyxjs.state.handlers import event_options
from pyxjs.state.upload import handler_signature, why_not_upload_handler
from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.phases.analyze import types as t
from pyxjs.transpiler.phases.analyze.resolve import BrowserFunctionName, HandlerName, UploadFilesName, dotted_parts, \
    resolve, signature_of
from pyxjs.transpiler.phases.transform.typed import Typed


class Uploads:
    def bound_args(self, node: ast.Call, function: Any, what: str) -> dict[str, ast.expr | Any]:
        """The call's argument nodes by parameter name, as the Python function binds them;
        a parameter left out holds its default value (not a node)."""
        if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
            raise self.error("PYX101", node, f"`*`/`**` arguments are not supported for {what}", "pass each argument")
        try:
            bound = signature_of(function).bind(*node.args, **{k.arg: k.value for k in node.keywords})
        except TypeError as exc:
            raise self.error("PYX101", node, f"{what}: {exc}", f"its parameters are {signature_of(function)}") from None
        bound.apply_defaults()
        return dict(bound.arguments)

    def arg_value(self, value: ast.expr | Any, node: ast.AST) -> Typed:
        return self.expr(value) if isinstance(value, ast.expr) else self.literal(value, node)

    def browser_call(self, resolved: BrowserFunctionName, node: ast.Call) -> Typed:
        name = f"rx.{resolved.function.__name__}()"
        if resolved.spec.js_name is None:  # build time only (rx.breakpoints): constant arguments, folded
            if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
                raise self.error("PYX101", node, f"{name} takes its arguments one by one", "pass each by name")
            values = [self.expr(a) for a in node.args] + [self.expr(k.value) for k in node.keywords]
            if not all(v.is_constant for v in values):
                raise self.error("PYX109", node, f"{name} takes constant values in a component",
                                 "values known only in the browser go in plain props")
            positional = [v.constant for v in values[: len(node.args)]]
            named = {k.arg: v.constant for k, v in zip(node.keywords, values[len(node.args):])}
            try:
                folded = resolved.function(*positional, **named)
            except (TypeError, ValueError) as exc:
                raise self.error("PYX101", node, str(exc), f"see {name}'s parameters") from None
            if getattr(resolved.function, "_pyx_asset", False) and folded not in self.unit.project.asset_urls:
                raise self.error("PYX101", node, f"rx.asset(): the app has no file assets{folded}",
                                 "put the file in the assets/ folder beside the app")
            return self.literal(folded, node)
        args = {k: self.arg_value(v, node) for k, v in self.bound_args(node, resolved.function, name).items()}
        if all(a.is_constant for a in args.values()) and not resolved.spec.hook:
            return self.literal(resolved.function(*(a.constant for a in args.values())), node)
        result = t.from_annotation(resolved.spec.result)
        if not resolved.spec.hook:
            self.unit.use_runtime(resolved.spec.js_name, "$" + resolved.spec.js_name)
            return Typed(js.Call(js.Raw("$" + resolved.spec.js_name), [a.node for a in args.values()]), result)
        # A hook runs at the top of the component, so what it is given must be known there.
        if not all(a.is_constant for a in args.values()):
            raise self.error("PYX109", node, f"{name} takes constant arguments in a component",
                             f'name the upload by its id, e.g. {name[:-1]}"upload1")')
        values = [a.constant for a in args.values()]
        local = "$" + resolved.spec.js_name + "$" + re.sub(r"\W", lambda m: f"_{ord(m.group()):x}", "_".join(map(str, values)))
        if local not in self.hooks:
            self.unit.use_runtime(resolved.spec.js_name, "$" + resolved.spec.js_name)
            self.hooks[local] = js.Const(local, js.Call(js.Raw("$" + resolved.spec.js_name), [js.Literal(v) for v in values]))
        return Typed(js.Raw(local), result)

    def is_upload_files(self, node: ast.expr) -> bool:
        if not isinstance(node, ast.Call):
            return False
        parts = dotted_parts(node.func)
        return bool(parts) and not self.is_local(parts[0]) and isinstance(resolve(parts, self.unit.globals), UploadFilesName)

    def upload_trigger(self, node: ast.Call, handler: HandlerName) -> js.Call:
        """`State.h(rx.upload_files(...))`: post that upload's selected files to the handler."""
        shown = f"{handler.state.__name__}.{handler.name}"
        if len(node.args) != 1 or node.keywords or not self.is_upload_files(node.args[0]):
            raise self.error("PYX115", node, f"{shown}(...) takes the files only: rx.upload_files(...) is its one argument",
                             f"{shown}(rx.upload_files(upload_id=\"...\"))")
        problem = why_not_upload_handler(handler_signature(handler.function), shown)
        if problem is None and event_options(handler.function).background:
            problem = f"{shown} is a background handler; uploads run in the client's queue"
        if problem is not None:
            message, _, fix = problem.partition("; ")
            raise self.error("PYX115", node, message, fix or "drop background=True")
        call = node.args[0]
        args = self.bound_args(call, upload_files, "rx.upload_files()")
        upload_id = self.arg_value(args["upload_id"], call)
        if not upload_id.is_constant or not isinstance(upload_id.constant, str):
            raise self.error("PYX115", call, "rx.upload_files(upload_id=...) takes the rx.upload's id as a constant str",
                             'e.g. rx.upload_files(upload_id="upload1")')
        self.unit.project.upload_uses.append((self.unit, call, upload_id.constant))
        progress = self.progress_handler(args["on_upload_progress"])
        self.unit.use_runtime("startUpload", "$startUpload")
        qualified = f"{handler.state._pyx_name}.{handler.name}"
        return js.Call(js.Raw("$startUpload"), [js.Literal(qualified), js.Literal(upload_id.constant), progress],
                       loc=self.loc(node))

    def progress_handler(self, given: ast.expr | None) -> js.Expr:
        if given is None or (isinstance(given, ast.Constant) and given.value is None):
            return js.Raw("undefined")
        handler = self.handler_ref(given, "on_upload_progress")
        self.check_arity(given, handler, 1, "on_upload_progress")
        return js.Literal(f"{handler.state._pyx_name}.{handler.name}")

    def record_upload_id(self, node: ast.Call) -> None:
        """An rx.upload's id, for the project's check of rx.upload_files ids."""
        given = [k.value for k in node.keywords if k.arg == "id"]
        value = self.expr(given[0]) if given else Typed(js.Literal(DEFAULT_UPLOAD_ID), t.STR, DEFAULT_UPLOAD_ID)
        project = self.unit.project
        if value.is_constant and isinstance(value.constant, str):
            project.upload_ids.add(value.constant)
        else:
            project.dynamic_upload_id = True  # some id is only known in the browser: no check
