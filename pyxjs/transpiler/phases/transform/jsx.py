"""Components and control flow: rx.<component>(...) calls become JSX elements; rx.cond,
rx.foreach, rx.match and rx.fragment become JS conditionals, maps and fragments."""

from __future__ import annotations

import ast
import dataclasses
import difflib
import importlib.util
import re

from pyxjs.components.css import CSS_PROPERTIES, style_keys
from pyxjs.components.cssgen import pseudo_selector
from pyxjs.components.html_attributes import HTML_ATTRIBUTES
from pyxjs.components.plotly import PLOTLY_SPEC, figure_json, is_figure
from pyxjs.components.recharts import CALLBACK_PROPS, FRONT_Z
from pyxjs.components.spec import SPECS, ComponentSpec, EventSpec
from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.diagnostics import CompileError
from pyxjs.transpiler.names import camel_case
from pyxjs.transpiler.phases.analyze import types as t
from pyxjs.transpiler.phases.analyze.resolve import (ComponentName, UserFunctionName, dotted_parts, lookup, resolve,
                                                      signature_of)
from pyxjs.transpiler.phases.analyze.scopes import Local, Scope
from pyxjs.transpiler.phases.transform.stylesheet import StyleRules
from pyxjs.transpiler.phases.transform.typed import Typed
from pyxjs.transpiler.phases.transform.values import iterated_values


# Names people write for the languages Prism's grammar files are called by.
LANGUAGE_ALIASES = {"py": "python", "js": "javascript", "ts": "typescript", "html": "markup", "xml": "markup",
                    "sh": "bash", "shell": "bash", "yml": "yaml", "md": "markdown", "c++": "cpp", "rs": "rust"}

# Every component has these; they run when it enters and leaves the page (a runtime wrapper's effect).
LIFECYCLE = {"on_mount": EventSpec("onMount"), "on_unmount": EventSpec("onUnmount")}


class JSX:
    # -- core components ----------------------------------------------------------------
    def component_call(self, node: ast.Call, spec: ComponentSpec) -> js.JSXElement:
        if spec.name == "fragment":
            return self.fragment(node)
        icon_props: list[js.Prop] = []
        if spec.name == "icon" and spec.package is None:
            spec, node, icon_props = self.icon_spec(node, spec)
        elif spec.package is not None or spec.origin:  # a component class (npm, a .jsx file, rx.Fragment)
            self.unit.use_wrapped(spec)
            for code in spec.hooks:  # add_hooks(): once per function, however many elements it renders
                self.hooks.setdefault(f"$hook:{code}", js.RawStmt(code))
            if spec.element_hooks is not None:  # hooks that read this element's props and triggers
                self.element_hook_code(node, spec)
        elif not spec.intrinsic:
            self.unit.use_runtime(spec.import_name)
        self.unit.needs_theme |= spec.needs_theme
        if spec.name == "upload":
            self.record_upload_id(node)
        if spec.name == "debounce_input" and (len(node.args) != 1 or isinstance(node.args[0], ast.Starred)):
            raise self.error("PYX101", node, "rx.debounce_input() wraps exactly one input",
                             "rx.debounce_input(rx.input(value=State.text, on_change=State.set_text), debounce_timeout=300)")
        children: list[js.Expr] = []
        props: list[js.Prop] = [*icon_props]
        lifecycle: list[js.Prop] = []
        rules = StyleRules()  # pseudo-states and responsive values: a generated class
        style: list[tuple[str, js.Expr]] = []
        for key, value in spec.base_style.items():
            if isinstance(value, list):  # a value per breakpoint (rx.desktop_only's display)
                self.class_style(key, value, "", rules, at=node)
            else:
                style.append((key, js.Literal(value)))
        args = node.args
        if spec.first_arg_prop and args and not isinstance(args[0], ast.Starred):
            props.append(js.Prop(_prop_name(spec.first_arg_prop), self.expr(args[0]).node))
            args = args[1:]
        if spec.name == "icon_button" and spec.package is None and args and isinstance(args[0], ast.Constant) \
                and isinstance(args[0].value, str):
            # Reflex's rx.icon_button("rotate-ccw"): a str first child is the icon of that name
            icon_call = ast.copy_location(ast.Call(ast.Name("icon", ast.Load()), [args[0]], []), args[0])
            children.append(self.component_call(icon_call, SPECS["icon"]))
            args = args[1:]
        for arg in args:
            if not spec.accepts_children:
                raise self.error("PYX107", arg, f"{spec.shown}() takes no children",
                                 "pass its content as a keyword prop")
            try:
                if isinstance(arg, ast.Starred):
                    children.append(self.spread_children(arg))
                else:
                    children.append(self.child_of(arg, spec.js_name))
            except CompileError as error:  # report it and go on with the siblings
                self.unit.report(error)
        for keyword in self.expanded_keywords(node.keywords):
            try:
                name = keyword.arg
                if name is None:
                    style_or_props = self.expr(keyword.value)
                    if not style_or_props.is_constant or not isinstance(style_or_props.constant, dict):
                        raise self.error("PYX101", keyword, "`**props` takes a dict constant in a component",
                                         "pass each prop by name")
                    for key, value in style_or_props.constant.items():
                        props.append(js.Prop(_prop_name(key), self.literal(value, keyword).node))
                    continue
                # A wrapped component's declared props may start with on_ too (react-switch's `on_color`).
                wrapped_prop = spec.prop_types is not None and name in spec.prop_types
                if spec.prop_types is not None and name not in LIFECYCLE and name not in spec.events:
                    if not name.startswith("on_") or wrapped_prop:
                        self.check_wrapped_prop_name(keyword, spec)
                if name in LIFECYCLE:
                    lifecycle.append(js.Prop(LIFECYCLE[name].js_prop, self.trigger(keyword.value, LIFECYCLE[name], name)))
                elif name.startswith("on_") and not wrapped_prop and name not in spec.props:  # a prop may start with on_ too
                    props.append(self.event_prop(keyword, spec))
                elif name.startswith("_") and pseudo_selector(name) and name not in spec.props:
                    self.pseudo_style(keyword.value, pseudo_selector(name), rules)
                elif name in CSS_PROPERTIES and name not in spec.props and name not in (spec.prop_types or ()):
                    if self.is_responsive(keyword.value):
                        self.class_style(name, keyword.value, "", rules)
                    else:
                        value = self.expr(keyword.value)
                        if value.type.kind in ("list", "tuple"):  # e.g. through **props: CSS would drop it
                            raise self.error("PYX101", keyword, f"`{name}` gets a list here: a value per breakpoint "
                                                                "is compiled to CSS, so it must be written in this call",
                                             f"write {name}=[...] in the component call itself, or pass one value")
                        style.extend((key, value.node) for key in style_keys(name))
                elif name == "style":
                    style.extend(self.style_dict(self.split_style(keyword.value, rules), keyword.value))
                elif name == "key":
                    props.append(js.Prop("key", self.expr(keyword.value).node))
                elif name == "custom_attrs":
                    props.extend(self.custom_attrs(keyword))
                else:
                    if not spec.intrinsic and spec.prop_types is None and name not in spec.props:
                        self.check_prop_name(keyword, spec)
                    value = self.plotly_figure(keyword) if spec is PLOTLY_SPEC and name == "data" \
                        else self.recharts_callback(keyword) if spec.package == "recharts" and name in CALLBACK_PROPS \
                        else self.expr(keyword.value)
                    written = value.node
                    if spec.prop_types is not None:
                        self.check_wrapped_prop_value(keyword, spec, value)
                    elif name in spec.value_types:
                        written = self.core_prop_value(keyword, spec, value)
                    if name == "color_scheme":
                        self.note_color(value)
                    if name == "icon" and spec.name == "callout":
                        written = self.callout_icon(keyword, value)
                    if name == "url" and spec.js_name == "PyxMedia":
                        self.check_media_url(keyword, value)
                    if value.is_constant and isinstance(value.constant, str) and value.constant in self.unit.project.asset_urls:
                        written = js.Literal(self.unit.project.asset_urls[value.constant])  # assets/: the hashed URL
                    prop = spec.js_prop(name) or _prop_name(name)
                    if name == "is_front" and spec.package == "recharts":
                        prop, written = "zIndex", self.recharts_layer(value)
                    if value.type.optional and self.is_kwargs_key(keyword.value) and prop in spec.defaults:
                        written = js.Binary("??", written, js.Literal(spec.defaults[prop]))  # a call left it out
                    props.append(js.Prop(prop, written))
            except CompileError as error:
                self.unit.report(error)
        if spec.name == "code_block":
            self.code_language(node, props)
        if spec.renders_nothing:
            return self.nothing_rendered(node, spec, style, rules, lifecycle)
        # A wrapped component may not pass className on (its styles stay inline, as it documents them).
        if rules.declarations or (style and spec.style_class and spec.package is None):
            self.add_style_class(props, style, rules)
        given = {prop.name for prop in props}
        props.extend(js.Prop(name, js.Literal(value)) for name, value in spec.defaults.items() if name not in given)
        if style:
            props.append(js.Prop("style", js.ObjectExpr(style)))
        element = js.JSXElement(spec.js_name, props, children, loc=self.loc(node))
        if not lifecycle:
            return element
        # on_mount / on_unmount: a wrapper whose effect runs them; a `key` moves out to it.
        self.unit.use_runtime("Lifecycle")
        keys = [p for p in props if p.name == "key"]
        element.props = [p for p in props if p.name != "key"]
        return js.JSXElement("Lifecycle", keys + lifecycle, [element], loc=self.loc(node))

    def nothing_rendered(self, node: ast.Call, spec: ComponentSpec, style: list, rules: StyleRules,
                         lifecycle: list[js.Prop]) -> js.JSXElement:
        """A class whose render() returns "": its props went to its hooks; it shows nothing, so a
        style would be a silent no-op."""
        if style or rules.declarations:
            raise self.error("PYX106", node, f"{spec.shown}() renders nothing (its render() returns \"\"), "
                                             "so a style prop has no effect", "remove the style props")
        if lifecycle:
            self.unit.use_runtime("Lifecycle")
            return js.JSXElement("Lifecycle", lifecycle, [], loc=self.loc(node))
        return js.JSXElement("", [], [], loc=self.loc(node))

    def recharts_callback(self, keyword: ast.keyword) -> Typed:
        """tick_formatter=lambda value: f"{value:.1f}": recharts calls it with the value (and its
        index); the lambda is compiled to JS like any other. JS source in a string is not run."""
        node = keyword.value
        if not isinstance(node, ast.Lambda):
            value = self.expr(node)
            if value.is_constant and isinstance(value.constant, str):
                raise self.error("PYX101", node, f"`{keyword.arg}` takes a Python function, which pyxjs compiles to JS; "
                                                 "a string of JS code is not run", f'{keyword.arg}=lambda value: f"{{value:.3f}}"')
            raise self.error("PYX101", node, f"`{keyword.arg}` takes a lambda (its value, and optionally its index)",
                             f'{keyword.arg}=lambda value: f"{{value:.3f}}"')
        count = len(node.args.args)
        return Typed(self.value_function(node, [t.ANY, t.INT][:max(1, min(count, 2))]), t.ANY)

    def recharts_layer(self, is_front: Typed) -> js.Expr:
        """A reference's is_front (older recharts' "draw it over the series") as recharts 3's zIndex."""
        if is_front.is_constant:
            return js.Literal(FRONT_Z[bool(is_front.constant)])
        return js.Conditional(self.truthy(is_front), js.Literal(FRONT_Z[True]), js.Literal(FRONT_Z[False]))

    def icon_spec(self, node: ast.Call, spec: ComponentSpec) -> tuple[ComponentSpec, ast.Call, list[js.Prop]]:
        """rx.icon("arrow-right") / rx.icon(tag="arrow_right"): the lucide-react component of that
        name, imported on its own so the bundle holds only the icons pages use. A name known only
        in the browser is `dynamic_icon`'s (icons.py). Returns the spec, the call without its
        name, and the props that carry the name when it is dynamic."""
        tags = [k.value for k in node.keywords if k.arg == "tag"] + node.args[:1]
        if len(tags) != 1:
            raise self.error("PYX101", node, "rx.icon() takes the icon's name once",
                             'write rx.icon("arrow-right") or rx.icon(tag=State.icon_name)')
        rest = ast.copy_location(ast.Call(node.func, node.args[1:], [k for k in node.keywords if k.arg != "tag"]), node)
        tag = self.expr(tags[0])
        if not tag.is_constant:
            spec, props = self.dynamic_icon(tags[0], tag, spec)
            return spec, rest, props
        if not isinstance(tag.constant, str):
            raise self.error("PYX101", tags[0], f"rx.icon() takes the icon's name as a str, not {tag.type}",
                             'write rx.icon("arrow-right")')
        return dataclasses.replace(spec, js_name=self.icon_import(tags[0], tag.constant)), rest, []

    def plotly_figure(self, keyword: ast.keyword) -> Typed:
        """rx.plotly(data=fig): a figure kept in the app (a module constant) is plotly's JSON,
        written into the page at build time; a State var holding one is sent the same way."""
        if importlib.util.find_spec("plotly") is None:
            raise self.error("PYX101", keyword, "rx.plotly draws figures of the Python `plotly` package, "
                             "which is not installed", "pip install plotly")
        parts = dotted_parts(keyword.value)
        if parts and not self.is_local(parts[0]):
            found = lookup(parts, self.unit.globals)
            if is_figure(found):
                return self.literal(figure_json(found), keyword.value)
        return self.expr(keyword.value)

    def check_media_url(self, keyword: ast.keyword, value: Typed) -> None:
        """rx.video/rx.audio play media files with the browser's own element; a video site's page
        (which Reflex's react-player embeds) would show an empty player, so it is refused."""
        if value.is_constant and isinstance(value.constant, str) and \
                re.search(r"(^|[/.])(youtube\.com|youtu\.be|vimeo\.com|twitch\.tv)(/|$)", value.constant):
            raise self.error("PYX101", keyword, "rx.video/rx.audio play media files, not a video site's page",
                             "embed the site's player instead: rx.el.iframe(src=<its embed URL>, allow_full_screen=True)")

    def icon_import(self, node: ast.AST, name: str) -> str:
        """The local name of one lucide-react icon, imported by this module."""
        pascal = icon_component_name(name)
        if not pascal:
            raise self.error("PYX101", node, f"{name!r} is not an icon name", 'write rx.icon("arrow-right")')
        local = f"$icon${pascal}"
        self.unit.use_package("lucide-react", pascal, local)
        self.unit.icons.add(pascal)
        return local

    def callout_icon(self, keyword: ast.keyword, value: Typed) -> js.Expr:
        """rx.callout("Saved", icon="check"): Reflex's icon name becomes that lucide icon."""
        if value.type.kind == "element":
            return value.node
        if not isinstance(keyword.value, ast.Constant) or not isinstance(keyword.value.value, str):
            raise self.error("PYX101", keyword, "rx.callout(icon=...) takes the icon's name as a literal string",
                             'write icon="info"; pick between callouts with rx.cond')
        return js.JSXElement(self.icon_import(keyword.value, keyword.value.value), [], [], loc=self.loc(keyword.value))

    def code_language(self, node: ast.Call, props: list[js.Prop]) -> None:
        """rx.code_block(language="python"): import that one Prism grammar (all of them are 300 KB)."""
        keyword = next((k for k in node.keywords if k.arg == "language"), None)
        if keyword is None:
            return
        value = self.expr(keyword.value)
        if not value.is_constant or not isinstance(value.constant, str):
            raise self.error("PYX109", keyword, "rx.code_block(language=...) takes a literal language name",
                             'write language="python"; pick between code blocks with rx.cond')
        grammar = LANGUAGE_ALIASES.get(value.constant.lower(), value.constant.lower())
        if not re.fullmatch(r"[a-z0-9]+", grammar):
            raise self.error("PYX101", keyword, f"{value.constant!r} is not a language name", 'language="python"')
        local = f"$lang${grammar}"
        # With its extension: node's ESM resolution (the render tests) needs it, esbuild takes it too.
        self.unit.use_package(f"react-syntax-highlighter/dist/esm/languages/prism/{grammar}.js", "default", local)
        for index, prop in enumerate(props):
            if prop.name == "language":
                props[index] = js.Prop("language", js.Literal(grammar))
        props.append(js.Prop("languageModule", js.Raw(local)))

    def check_prop_name(self, keyword: ast.keyword, spec: ComponentSpec) -> None:
        """A prop must be the component's own, an HTML attribute its element takes, a CSS
        property (handled before this) or `aria_*`/`data_*`; anything else is a build error with
        the closest valid name, where Radix or the DOM would drop it without a word."""
        name = keyword.arg
        if name.startswith(("aria_", "data_")) or name in HTML_ATTRIBUTES:
            return
        own = sorted(spec.props | set(spec.events) | set(LIFECYCLE))
        close = difflib.get_close_matches(name, own + sorted(CSS_PROPERTIES), n=1, cutoff=0.75) or \
            difflib.get_close_matches(name, sorted(HTML_ATTRIBUTES), n=1, cutoff=0.8)
        hint = f"did you mean `{close[0]}`?" if close else \
            f"its props are: {', '.join(p for p in own if not p.startswith('on_'))}"
        raise self.error("PYX106", keyword, f"{spec.shown}() has no prop `{name}`",
                         hint + f"; an HTML attribute pyxjs does not list passes with custom_attrs={{\"{name.replace('_', '-')}\": ...}}")

    def note_color(self, value: Typed) -> None:
        """The bundler keeps the CSS of the colors pages can name (every color when one is dynamic)."""
        if value.is_constant and isinstance(value.constant, str):
            if self.unit.colors is not None:
                self.unit.colors.add(value.constant)
        else:
            self.unit.colors = None

    def custom_attrs(self, keyword: ast.keyword) -> list[js.Prop]:
        """Reflex's `custom_attrs={"data-x": ...}`: attributes passed under their own names."""
        value = self.expr(keyword.value)
        if not value.is_constant or not isinstance(value.constant, dict) or \
                not all(isinstance(k, str) for k in value.constant):
            raise self.error("PYX101", keyword, "custom_attrs= takes a dict constant with str keys",
                             'write custom_attrs={"data-testid": "x"}')
        return [js.Prop(key, self.literal(item, keyword).node) for key, item in value.constant.items()]

    def style_dict(self, node: ast.expr | dict, at: ast.expr) -> list[tuple[str, js.Expr]]:
        """The inline style: a dict written in the call, a constant one (what split_style left of
        it), or one only known in the browser. Keys become React's, Reflex's shorthands expanded."""
        if isinstance(node, dict):
            return [(key, self.literal(v, at).node) for k, v in node.items() for key in style_keys(k)]
        if isinstance(node, ast.Dict) and all(isinstance(k, ast.Constant) and isinstance(k.value, str)
                                              for k in node.keys):
            entries = []
            for key_node, value_node in zip(node.keys, node.values):
                value = self.expr(value_node).node
                entries.extend((key, value) for key in style_keys(key_node.value))
            return entries
        value = self.expr(node)
        if value.is_constant and isinstance(value.constant, dict):
            return [(key, self.literal(v, node).node) for k, v in value.constant.items() for key in style_keys(k)]
        if value.type.kind not in ("dict", "any"):
            raise self.error("PYX101", node, f"style= takes a dict, not {value.type}", 'write style={"color": "red"}')
        # A dict only known in the browser: its keys are converted there.
        self.unit.use_runtime("styleOf", "$styleOf")
        return [("", js.Spread(js.Call(js.Raw("$styleOf"), [value.node])))]

    def child(self, value: Typed) -> js.Expr:
        """A child shows what Python's str() would; components render; None renders nothing;
        a list renders its components (each keyed), or prints like str() when it holds values."""
        kind = value.type
        if kind.kind == "element" or (kind.kind == "str" and not kind.optional):
            return value.node
        if value.branches is not None:
            test, then, otherwise = value.branches
            return js.Conditional(test, self.child(then), self.child(otherwise))
        if value.printed is not None:
            return value.printed
        if value.is_constant:
            shown = value.constant
            if shown is None or (isinstance(shown, (list, tuple)) and not shown):
                return js.Literal(None)
            return js.Literal(str(shown), loc=value.node.loc)
        if kind.kind == "none":
            return js.Literal(None)
        if kind.kind == "enum" and kind.optional:  # None renders nothing, a member its str()
            member = Typed(value.node, kind.required())
            return js.Conditional(js.Binary("==", value.node, js.Literal(None)), js.Literal(None), self.as_str(member))
        if (kind.kind in t.PRIMITIVE and not kind.optional) or kind.kind == "enum":
            return self.as_str(value)
        self.check_printable(value)
        self.unit.use_runtime("child", "$child")
        described = self.print_type(value)
        return js.Call(js.Raw("$child"), [value.node] if described is None else [value.node, described])

    def spread_children(self, arg: ast.Starred) -> js.Expr:
        """`*children`: each item a child of its own (not the list printed as one value)."""
        value = self.expr(arg.value)
        if value.type.kind == "element":  # `*pair()` of a component returning a tuple: its fragment
            return self.child(value)
        self.unit.use_runtime("spreadChildren", "$spreadChildren")
        return js.Call(js.Raw("$spreadChildren"), [value.node], loc=self.loc(arg))

    def fragment(self, node: ast.Call) -> js.JSXElement:
        if node.keywords:
            key = [k for k in node.keywords if k.arg == "key"]
            if len(key) != len(node.keywords):
                raise self.error("PYX101", node.keywords[0], "rx.fragment() takes children and key= only",
                                 "wrap the children in rx.box to give them props")
        children = [self.child_of(a) if not isinstance(a, ast.Starred) else self.spread_children(a) for a in node.args]
        props = [js.Prop("key", self.expr(k.value).node) for k in node.keywords]
        if props:
            self.unit.use_runtime("Fragment")
            return js.JSXElement("Fragment", props, children, loc=self.loc(node))
        return js.JSXElement("", [], children, loc=self.loc(node))

    # -- control flow -------------------------------------------------------------------
    def control_call(self, kind: str, node: ast.Call) -> Typed:
        if kind == "fragment":
            return Typed(self.fragment(node), t.ELEMENT)
        if kind == "cond":
            args = self.positional(node, "rx.cond()", ("condition", "c1", "c2"))
            if len(args) not in (2, 3):
                raise self.error("PYX101", node, "rx.cond() takes a condition, a value and optionally another",
                                 "rx.cond(State.flag, rx.text('yes'), rx.text('no'))")
            otherwise = args[2] if len(args) == 3 else Typed(js.Literal(None), t.NONE, None)
            if args[0].is_constant:
                return args[1] if args[0].constant else otherwise
            return self.choice(self.truthy(args[0]), args[1], otherwise)
        if kind == "color_mode_cond":
            args = self.positional(node, "rx.color_mode_cond()", ("light", "dark"))
            if len(args) != 2:
                raise self.error("PYX101", node, "rx.color_mode_cond() takes the light value and the dark one",
                                 'rx.color_mode_cond("white", "black")')
            if "$colorMode" not in self.hooks:
                self.unit.use_runtime("useColorMode", "$useColorMode")
                self.hooks["$colorMode"] = js.Const("$colorMode", js.Call(js.Raw("$useColorMode"), []))
            return self.choice(js.Binary("===", js.Raw("$colorMode"), js.Literal("dark")), args[1], args[0])
        if kind == "foreach":
            return self.foreach(node)
        if kind == "match":
            return self.match(node)
        raise self.error("PYX104", node, f"rx.{kind}() is not supported in a component yet", "")

    def foreach(self, node: ast.Call) -> Typed:
        if len(node.args) != 2 or node.keywords:
            raise self.error("PYX101", node, "rx.foreach() takes the items and a render function",
                             "rx.foreach(State.items, lambda item: rx.text(item))")
        items = self.expr(node.args[0])
        render = node.args[1]
        item_values = tuple(items.constant.items()) if items.is_constant and isinstance(items.constant, dict) \
            else iterated_values(items)
        # Reflex hands rx.foreach a dict's (key, value) pairs, not its keys
        if items.type.kind == "dict":
            key, value = items.type.args
            items = Typed(self.py("dict_items", items.node), t.list_of(t.tuple_of(key, value)))
        elif items.type.kind == "any":
            self.unit.use_runtime("eachItem", "$eachItem")
            items = Typed(js.Call(js.Raw("$eachItem"), [items.node]), t.ANY)
        if isinstance(render, ast.Lambda):
            params = render.args.args
            if render.args.vararg or render.args.kwarg or render.args.kwonlyargs or len(params) not in (1, 2):
                raise self.error("PYX101", render, "rx.foreach's function takes the item, and optionally its index",
                                 "lambda item: ... or lambda item, index: ...")
            # an item of unknown type may be a whole float the server marked in the list (map's
            # third argument is the list itself, its second the index)
            extra = ["$i", "$a"] if len(params) == 1 else ["$a"]
            index = extra[0] if len(params) == 1 else self.local_js_name(params[1].arg)
            hint = self.py("isFloatItem", js.Raw("$a"), js.Raw(index)) if items.type.item.kind == "any" else None
            names, body = self.lambda_body(render, [items.type.item, t.INT][: len(params)], item_values, hint)
            arrow = js.Arrow(names + extra if hint is not None else names, body.node)
            item_type = body.type
        elif isinstance(render, ast.Name) and self.nested_def(render.id) is not None:
            arrow, item_type = self.nested_def_render(self.nested_def(render.id), items.type.item, render)
        else:
            parts = dotted_parts(render)
            resolved = resolve(parts, self.unit.globals) if parts and not self.is_local(parts[0]) else None
            if isinstance(render, ast.Name) and self.is_local(render.id) and self.passed_function(render) is not None:
                resolved = UserFunctionName(self.passed_function(render))  # a function passed in as an argument
            if not isinstance(resolved, (UserFunctionName, ComponentName)):
                raise self.error("PYX101", render, "rx.foreach's second argument must be a lambda, a component "
                                                   "function of the app or a core component", "lambda item: rx.text(item)")
            # A core component (`rx.text`) gets the item as its child, as in Reflex.
            takes_index = isinstance(resolved, UserFunctionName) and len(signature_of(resolved.function).parameters) >= 2
            names = ["$item", "$index"] if takes_index else ["$item"]
            fake = ast.Call(func=render, args=[ast.Name(n, ast.Load()) for n in names], keywords=[])
            ast.copy_location(fake, render)
            for arg in fake.args:
                ast.copy_location(arg, render)
            saved = self.scope
            self.scope = Scope({"$item": Local("$item", items.type.item, values=item_values),
                                "$index": Local("$index", t.INT)},
                               parent=saved)
            try:
                body = self.expr(fake)
            finally:
                self.scope = saved
            arrow = js.Arrow(names, body.node)
            item_type = body.type
        if _renders_list(item_type):
            # the function returns components (`lambda row: rx.foreach(row, ...)`, as Reflex
            # allows): one fragment per item, not a list inside the list, which would print
            arrow = js.Arrow(arrow.params, js.JSXElement("", [], [self.child(Typed(arrow.body, item_type))]))
            item_type = t.ELEMENT
        mapped = js.Call(js.Member(self.py("iter", items.node), "map"), [arrow])
        return Typed(mapped, t.list_of(item_type))

    def match(self, node: ast.Call) -> Typed:
        if not node.args or node.keywords:
            raise self.error("PYX101", node, "rx.match() takes a value, (case, result) tuples and a default",
                             'rx.match(State.n, (1, "one"), (2, "two"), "many")')
        value = self.expr(node.args[0])
        cases = node.args[1:]
        default: Typed = Typed(js.Literal(None), t.NONE, None)
        if cases and not isinstance(cases[-1], (ast.Tuple, ast.Starred)):
            default = self.expr(cases[-1])
            cases = cases[:-1]
        result = default
        for case in reversed(cases):
            if isinstance(case, ast.Starred):
                result = self.starred_cases(value, case, result)
                continue
            if not isinstance(case, ast.Tuple) or len(case.elts) < 2:
                raise self.error("PYX101", case, "each rx.match case is a tuple: (value, result)",
                                 '(1, rx.text("one"))')
            keys = [self.expr(k) for k in case.elts[:-1]]
            then = self.expr(case.elts[-1])
            test: js.Expr | None = None
            for key in keys:
                clause = self.compare(ast.Eq, value, key)
                test = clause if test is None else js.Binary("||", test, clause)
            result = self.choice(test, then, result)
        return result

    def starred_cases(self, value: Typed, case: ast.Starred, rest: Typed) -> Typed:
        """`*[(k, v) for k in table]` among rx.match's cases: the list is built where the match
        is (from constants, parameters or State alike) and its first case whose keys equal the
        value gives the result; none does: the cases after it decide."""
        cases = self.expr(case.value)
        shape = cases.type.item if cases.type.kind in ("list", "tuple") else t.ANY
        if shape.kind != "tuple" or shape.variadic or len(shape.args) < 2:
            raise self.error("PYX101", case, f"each rx.match case is a tuple (value, result); this list holds {shape}",
                             "*[(key, result) for key in TABLE]")
        test: js.Expr | None = None
        for index, key_type in enumerate(shape.args[:-1]):
            key = Typed(js.Raw(f"$case[{index}]"), key_type)
            clause = self.compare(ast.Eq, value, key)
            test = clause if test is None else js.Binary("||", test, clause)
        pick = js.Call(js.Member(self.py("iter", cases.node), "find"), [js.Arrow(["$case"], test)])
        last = len(shape.args) - 1
        chosen = Typed(js.Raw(f"$found[{last}]"), shape.args[last])
        picked = self.choice(js.Binary("!==", js.Raw("$found"), js.Raw("undefined")), chosen, rest)
        return Typed(js.Call(js.Arrow(["$found"], picked.node), [pick]), picked.type)


def _renders_list(kind: t.PyType) -> bool:
    """A list (or list of lists) of components."""
    while kind.kind == "list" and kind.args:
        kind = kind.args[0]
        if kind.kind == "element":
            return True
    return False


def icon_component_name(tag: str) -> str:
    """Reflex's icon names (`arrow_right`, `arrow-right`, `ArrowRight`) -> lucide-react's `ArrowRight`."""
    words = [w for w in re.split(r"[-_\s]+", tag.strip()) if w]
    if not words or not all(re.fullmatch(r"[A-Za-z0-9]+", w) for w in words):
        return ""
    name = "".join(w[:1].upper() + w[1:] for w in words)
    return name if name[:1].isalpha() else ""


def _prop_name(name: str) -> str:
    if name == "class_name":
        return "className"
    if name.startswith(("aria_", "data_")):
        return name.replace("_", "-")  # HTML spells these with hyphens; React passes them as they are
    return camel_case(name)


