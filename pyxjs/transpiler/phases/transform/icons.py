"""rx.icon with a name known only in the browser (a parameter, a loop variable, a State var).

A literal name imports that one icon (jsx.py's `icon_spec`). For a dynamic one:
- when the names it can take are known at build (`Typed.possible_values`: a loop over a
  constant list, `a if c else b`, a helper parameter every call passes a constant to), the
  module imports just those and `IconByName` picks one by the name;
- otherwise `LazyIcon` (runtime_js/src/lazyIcon.js) loads lucide's whole icon set on first use,
  as a chunk of its own that only pages with such an icon fetch (the build turns on esbuild's
  code splitting for it). Either shows an unknown name as a console error and no icon.
"""

from __future__ import annotations

import ast
import dataclasses

from pyxjs.components.spec import ComponentSpec
from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.phases.transform.typed import Typed

LAZY_ICON_MODULE = "./runtime/lazyIcon.js"


class Icons:
    def dynamic_icon(self, node: ast.expr, tag: Typed, spec: ComponentSpec) -> tuple[ComponentSpec, list[js.Prop]]:
        if tag.type.kind not in ("str", "any") or tag.type.optional:
            raise self.error("PYX111", node, f"rx.icon() takes the icon's name as a str, not {tag.type}",
                             "pass a str (a State var, a parameter or a loop variable holding the name)")
        names = tag.possible_values
        self.note_value_params(node)
        props = [js.Prop("tag", tag.node)]
        if names is not None and all(isinstance(name, str) for name in names):
            icons = {}
            for name in dict.fromkeys(names):
                local = self.icon_import(node, name)
                icons[local.removeprefix("$icon$")] = js.Raw(local)
            self.unit.use_runtime("IconByName", "$IconByName")
            return _named(spec, "$IconByName"), [*props, js.Prop("icons", js.ObjectExpr(list(icons.items())))]
        self.unit.use_package(LAZY_ICON_MODULE, "LazyIcon", "$LazyIcon")
        self.unit.lazy_icons = True
        return _named(spec, "$LazyIcon"), props


def _named(spec: ComponentSpec, js_name: str) -> ComponentSpec:
    return dataclasses.replace(spec, js_name=js_name)
