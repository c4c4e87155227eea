"""Component specs: the data the transpiler reads to turn `rx.input(...)` into `<TextField.Root .../>`.

Most core components are Radix Themes components (`@radix-ui/themes`, whose names and props
Reflex follows), used as they are; a few are small runtime_js adapters where Reflex's API differs
(`rx.select(items)`, `rx.checkbox("label")`, `rx.form(on_submit=...)`, internal links).
A spec names the JS component, renames the props Reflex spells differently (`color_scheme` is
Radix's `color`, `spacing` its `gap`), adds the defaults Reflex gives, and says how each event
trigger turns the JS callback's arguments into the handler's. Specs are data; no compiler code.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from pyxjs.components.radix_props import value_types


@dataclass(frozen=True)
class EventSpec:
    js_prop: str
    # JS expressions over the callback's arguments that become the handler's arguments.
    args: tuple[str, ...] = ()
    # The callback's parameter names the expressions read (`e`, then `e1`, `e2`, ...).
    params: tuple[str, ...] = ("e",)


# Triggers every component has; their handlers take no arguments.
COMMON_EVENTS: dict[str, EventSpec] = {
    "on_click": EventSpec("onClick"),
    "on_double_click": EventSpec("onDoubleClick"),
    "on_context_menu": EventSpec("onContextMenu"),
    "on_mouse_enter": EventSpec("onMouseEnter"),
    "on_mouse_leave": EventSpec("onMouseLeave"),
    "on_mouse_down": EventSpec("onMouseDown"),
    "on_mouse_up": EventSpec("onMouseUp"),
    "on_focus": EventSpec("onFocus"),
    "on_blur": EventSpec("onBlur"),
    "on_scroll": EventSpec("onScroll"),
}

# Triggers of text fields: they pass the field's current value (or the key pressed).
VALUE_EVENTS: dict[str, EventSpec] = {
    "on_change": EventSpec("onChange", ("e.target.value",)),
    "on_blur": EventSpec("onBlur", ("e.target.value",)),
    "on_focus": EventSpec("onFocus", ("e.target.value",)),
    "on_key_down": EventSpec("onKeyDown", ("e.key",)),
    "on_key_up": EventSpec("onKeyUp", ("e.key",)),
}

# Radix callbacks that hand over the new value itself (checked, the selected value, a slider's list).
CHECKED_EVENTS = {"on_change": EventSpec("onCheckedChange", ("e",))}
VALUE_CHANGE_EVENTS = {"on_change": EventSpec("onValueChange", ("e",))}
OPEN_EVENTS = {"on_open_change": EventSpec("onOpenChange", ("e",))}


@dataclass(frozen=True)
class BrowserFunction:
    """A pyxjs function a component may call (`rx.get_upload_url(name)`): the runtime_js export
    it compiles to and its result type; a hook is hoisted and takes constant arguments."""

    js_name: str | None  # None: evaluated at build time only, from constant arguments
    result: Any
    hook: bool = False


@dataclass(frozen=True)
class ComponentSpec:
    name: str
    js_name: str  # the JSX tag: an export of runtime_js ("Flex", "TextField.Root") or an HTML tag ("ul")
    events: dict[str, EventSpec] = field(default_factory=lambda: dict(COMMON_EVENTS))
    accepts_children: bool = True
    # Python prop names the component reads itself (so they never become CSS).
    props: frozenset[str] = frozenset()
    # Python prop name -> the JS prop it is (`color_scheme` -> `color`).
    renames: dict[str, str] = field(default_factory=dict)
    # JS props given when the call does not give them (Reflex's defaults: a vstack's gap "3").
    defaults: dict[str, Any] = field(default_factory=dict)
    # CSS the element starts with; the call's own style props override it. A list is a value per
    # breakpoint (Reflex's responsive lists), compiled to the element's class.
    base_style: dict[str, Any] = field(default_factory=dict)
    # Constant styles go to a generated class, unless the component sets inline styles of its own
    # on the same element (a class could not override them): then they stay inline.
    style_class: bool = True
    # Radix parts that read the theme's context (menus, selects): the page root must be Radix's Theme.
    needs_theme: bool = False
    # Reflex's positional first argument that is a prop, not a child: rx.select(items, ...).
    first_arg_prop: str | None = None
    # -- components wrapped from npm or a .jsx file (pyxjs.components.wrap) ---------------
    # The module the tag is imported from ("react-day-picker", "./local/Fancy.jsx"); None: runtime_js.
    package: str | None = None
    is_default: bool = False  # imported as the module's default export, not by name
    export: str = ""  # the name imported from `package` ("DayPicker", "default")
    npm: tuple[tuple[str, str], ...] = ()  # (package, exact version) the build installs
    local_file: str | None = None  # the .jsx file copied into the workspace, as an absolute path
    side_imports: tuple[str, ...] = ()  # modules imported for their effect (a stylesheet)
    named_imports: tuple[tuple[str, str, str], ...] = ()  # (module, export, local) the hooks and custom code use
    hooks: tuple[str, ...] = ()  # JS statements at the top of each component function that renders it
    # Hook methods that read the element (its props, its triggers): made per element (element_hooks.py).
    element_hooks: Any = None
    renders_nothing: bool = False  # Reflex's `render()` returning "": only its hooks run
    custom_code: tuple[str, ...] = ()  # JS at the top level of each module that renders it
    # Python prop name -> its annotation; when given, any other prop is an error.
    prop_types: dict[str, Any] | None = None
    # Core components: what values their props take (radix_props); other props pass through.
    value_types: dict[str, Any] = field(default_factory=dict)
    origin: str = ""  # where the wrapping class is declared ("class DatePicker (app.py:6)"), for build errors
    label: str = ""  # how errors name it ("DatePicker.create"); core components are `rx.<name>`

    @property
    def intrinsic(self) -> bool:
        """A plain HTML element (`ul`, `img`): no import, every prop passes through."""
        return self.js_name[:1].islower()

    @property
    def import_name(self) -> str:
        return self.js_name.split(".")[0]

    @property
    def shown(self) -> str:
        return self.label or f"rx.{self.name}"

    def js_prop(self, name: str) -> str | None:
        """The JS prop a renamed Python prop becomes, or None when it keeps its (camelCased) name."""
        return self.renames.get(name)


_COMMON_PROPS = frozenset({"id", "class_name", "style", "title", "as_child", "color_scheme", "high_contrast",
                           "custom_attrs"})
_RADIX_RENAMES = {"color_scheme": "color", "spacing": "gap", "spacing_x": "gapX", "spacing_y": "gapY"}
_FLEX_PROPS = "as_ direction align justify wrap spacing spacing_x spacing_y"
_TEXT_PROPS = "as_ size weight align trim wrap truncate text_wrap"


# Reflex's older (Chakra) components spelled these booleans is_<name> (`rx.switch(is_checked=...)`);
# apps written then still do, so both spellings work wherever the prop exists.
IS_ALIASES = {"is_checked": "checked", "is_disabled": "disabled", "is_required": "required",
              "is_read_only": "read_only"}


def _spec(name: str, js_name: str, props: str = "", events: dict[str, EventSpec] | None = None,
          defaults: dict[str, Any] | None = None, base_style: dict[str, Any] | None = None,
          common_events: bool = True, **kw: Any) -> ComponentSpec:
    names = frozenset(props.split())
    aliases = {alias: "readOnly" if prop == "read_only" else prop for alias, prop in IS_ALIASES.items() if prop in names}
    return ComponentSpec(
        name, js_name, {**(COMMON_EVENTS if common_events else {}), **(events or {})},
        props=_COMMON_PROPS | names | set(aliases), renames={**_RADIX_RENAMES, **aliases},
        defaults=defaults or {}, base_style=base_style or {}, **kw)


_STACK = {"gap": "3", "align": "start"}
_FIELD = "size variant radius value default_value placeholder type name disabled read_only required auto_focus " \
         "max_length min_length auto_complete"

_ALL = [
    # -- layout -------------------------------------------------------------------------
    _spec("box", "Box"),
    _spec("flex", "Flex", _FLEX_PROPS),
    _spec("stack", "Flex", _FLEX_PROPS, defaults={"direction": "column", **_STACK}),
    _spec("hstack", "Flex", _FLEX_PROPS, defaults={"direction": "row", **_STACK}),
    _spec("vstack", "Flex", _FLEX_PROPS, defaults={"direction": "column", **_STACK}),
    _spec("center", "Flex", _FLEX_PROPS, defaults={"align": "center", "justify": "center"}),
    _spec("spacer", "Flex", _FLEX_PROPS, base_style={"flex": "1", "justifySelf": "stretch", "alignSelf": "stretch"}),
    _spec("grid", "Grid", "as_ columns rows flow align justify spacing spacing_x spacing_y"),
    # Reflex gives a container 16px of padding and size "3" (its content never touches the window's edge).
    _spec("container", "Container", "size align", defaults={"size": "3"}, base_style={"padding": "16px"}),
    _spec("section", "Section", "size"),
    _spec("card", "Card", "size variant"),
    _spec("inset", "Inset", "side clip p px py pt pr pb pl"),
    _spec("separator", "Separator", "size orientation decorative", accepts_children=False),
    _spec("divider", "Separator", "size orientation decorative", accepts_children=False, defaults={"size": "4"}),
    _spec("scroll_area", "ScrollArea", "type scrollbars scroll_hide_delay size radius"),
    _spec("aspect_ratio", "AspectRatio", "ratio"),
    # rx.auto_scroll: a div that stays scrolled to the bottom as children are added (unless the
    # reader scrolled up), as Reflex's.
    _spec("auto_scroll", "PyxAutoScroll", base_style={"overflowY": "auto"}),
    # Reflex's responsive boxes: display none outside their breakpoints (0, 30em, 48em, 62em).
    *[_spec(name, "Box", base_style={"display": shown}) for name, shown in [
        ("mobile_only", ["block", "none", "none", "none"]), ("tablet_only", ["none", "block", "block", "none"]),
        ("desktop_only", ["none", "none", "none", "block"]), ("mobile_and_tablet", ["block", "block", "block", "none"]),
        ("tablet_and_desktop", ["none", "block", "block", "block"])]],
    # -- typography ---------------------------------------------------------------------
    _spec("heading", "Heading", _TEXT_PROPS),
    _spec("text", "Text", _TEXT_PROPS),
    _spec("link", "PyxLink", _TEXT_PROPS + " href is_external underline target rel"),
    _spec("code", "Code", "size variant weight"),
    _spec("blockquote", "Blockquote", "size weight"),
    _spec("markdown", "PyxMarkdown", "component_map"),
    # rx.code_block(code, language="python"): the build imports that language's grammar only.
    _spec("code_block", "PyxCodeBlock", "code language show_line_numbers wrap_long_lines theme can_copy",
          style_class=False),
    _spec("em", "Em"),
    _spec("strong", "Strong"),
    _spec("kbd", "Kbd", "size"),
    _spec("quote", "Quote"),
    _spec("unordered_list", "ul"),
    _spec("ordered_list", "ol"),
    _spec("list_item", "li"),
    _spec("data_list.root", "DataList.Root", "orientation size trim"),
    _spec("data_list.item", "DataList.Item", "align"),
    _spec("data_list.label", "DataList.Label", "width min_width max_width"),
    _spec("data_list.value", "DataList.Value"),
    # -- media --------------------------------------------------------------------------
    _spec("image", "img", "src alt loading decoding srcset sizes", accepts_children=False,
          events={"on_load": EventSpec("onLoad"), "on_error": EventSpec("onError")}),
    # Radix requires a fallback; Reflex does not (nothing shows until the image loads).
    _spec("avatar", "Avatar", "src fallback size variant radius alt", accepts_children=False, defaults={"fallback": ""}),
    # rx.icon("arrow-right"): a lucide-react icon, imported by its name (the compiler special-cases it).
    _spec("icon", "", "tag size stroke_width absolute_stroke_width", accepts_children=False, first_arg_prop="tag"),
    # The drop zone; on_drop fires once dropped or picked files were kept (after validation).
    _spec("upload", "Upload", "multiple accept max_files max_size min_size disabled no_click no_drag no_keyboard",
          {"on_drop": EventSpec("onDrop")}),
    # rx.color_mode.*: the page's light/dark switch (runtime_js/src/colorMode.js).
    _spec("color_mode.button", "ColorModeButton", "position size variant radius light_icon dark_icon",
          accepts_children=False, style_class=False),
    _spec("color_mode.icon", "ColorModeIcon", "light_icon dark_icon size", accepts_children=False,
          common_events=False),
    _spec("color_mode.switch", "ColorModeSwitch", "size variant radius", CHECKED_EVENTS, accepts_children=False),
    # -- forms --------------------------------------------------------------------------
    _spec("button", "Button", "size variant radius loading disabled type name value form"),
    _spec("icon_button", "IconButton", "size variant radius loading disabled type name value form"),
    # Children of rx.input are its slots: rx.input(rx.input.slot(rx.icon("search")), ...).
    _spec("input", "PyxInput", _FIELD, VALUE_EVENTS),
    _spec("input.slot", "TextField.Slot", "side gap px pl pr"),
    # rx.debounce_input(rx.input(value=..., on_change=...), debounce_timeout=300): the child's
    # on_change fires once typing pauses (or on Enter / blur), the field stays responsive meanwhile.
    _spec("debounce_input", "PyxDebounceInput", "debounce_timeout force_notify_by_enter force_notify_on_blur "
          "min_length", common_events=False, style_class=False),
    _spec("text_area", "PyxTextArea", _FIELD + " rows cols resize", VALUE_EVENTS, accepts_children=False),
    _spec("checkbox", "PyxCheckbox", "checked default_checked disabled required name value size variant",
          CHECKED_EVENTS),
    _spec("switch", "Switch", "checked default_checked disabled required name value size variant radius",
          CHECKED_EVENTS, accepts_children=False),
    _spec("checkbox_group.root", "CheckboxGroup.Root", "size variant value default_value name disabled required "
          "orientation", VALUE_CHANGE_EVENTS),
    _spec("checkbox_group.item", "CheckboxGroup.Item", "value disabled"),
    _spec("slider", "Slider", "value default_value min max step disabled orientation size variant radius name",
          {**VALUE_CHANGE_EVENTS, "on_value_commit": EventSpec("onValueCommit", ("e",))}, accepts_children=False),
    _spec("radio_group", "PyxRadioGroup", "items value default_value direction disabled required name size variant",
          VALUE_CHANGE_EVENTS, first_arg_prop="items"),
    _spec("radio_group.root", "RadioGroup.Root", "value default_value disabled required name size variant orientation",
          VALUE_CHANGE_EVENTS),
    _spec("radio_group.item", "RadioGroup.Item", "value disabled"),
    _spec("select", "PyxSelect", "items value default_value placeholder label disabled required name size variant "
          "radius position open default_open", {**VALUE_CHANGE_EVENTS, **OPEN_EVENTS}, needs_theme=True,
          first_arg_prop="items"),
    _spec("select.root", "Select.Root", "value default_value disabled required name size open default_open",
          {**VALUE_CHANGE_EVENTS, **OPEN_EVENTS}, needs_theme=True),
    _spec("select.trigger", "Select.Trigger", "placeholder variant radius", needs_theme=True),
    _spec("select.content", "Select.Content", "position variant side align", needs_theme=True),
    _spec("select.item", "Select.Item", "value disabled", needs_theme=True),
    _spec("select.group", "Select.Group", needs_theme=True),
    _spec("select.label", "Select.Label", needs_theme=True),
    _spec("select.separator", "Select.Separator", needs_theme=True),
    _spec("form", "PyxForm", "reset_on_submit prevent_default name action method",
          {"on_submit": EventSpec("onSubmit", ("e",))}),
    # -- data and feedback --------------------------------------------------------------
    _spec("badge", "Badge", "size variant radius"),
    # icon="check": the lucide icon of that name (the compiler imports it), as Reflex's.
    _spec("callout", "PyxCallout", "icon size variant", accepts_children=True),
    _spec("callout.root", "Callout.Root", "size variant"),
    _spec("callout.icon", "Callout.Icon"),
    _spec("callout.text", "Callout.Text", _TEXT_PROPS),
    _spec("accordion.root", "PyxAccordionRoot", "type collapsible value default_value disabled orientation variant",
          VALUE_CHANGE_EVENTS),
    _spec("accordion.item", "PyxAccordionItem", "header content value disabled"),
    _spec("data_table", "PyxDataTable", "data columns search sort pagination page_size", accepts_children=False),
    _spec("spinner", "Spinner", "size loading"),
    _spec("skeleton", "Skeleton", "loading"),
    _spec("progress", "Progress", "value max size variant radius duration", accepts_children=False),
    _spec("tooltip", "Tooltip", "content side side_offset align delay_duration open default_open", OPEN_EVENTS,
          needs_theme=True),
    _spec("table.root", "Table.Root", "size variant layout"),
    _spec("table.header", "Table.Header"),
    _spec("table.body", "Table.Body"),
    _spec("table.row", "Table.Row", "align"),
    _spec("table.column_header_cell", "Table.ColumnHeaderCell", "justify"),
    _spec("table.row_header_cell", "Table.RowHeaderCell", "justify"),
    _spec("table.cell", "Table.Cell", "justify"),
    _spec("tabs.root", "Tabs.Root", "value default_value orientation activation_mode", VALUE_CHANGE_EVENTS),
    _spec("tabs.list", "Tabs.List", "size loop"),
    _spec("tabs.trigger", "Tabs.Trigger", "value disabled"),
    _spec("tabs.content", "Tabs.Content", "value force_mount"),
    _spec("segmented_control.root", "SegmentedControl.Root", "value default_value size variant radius",
          VALUE_CHANGE_EVENTS),
    _spec("segmented_control.item", "SegmentedControl.Item", "value disabled"),
    # -- overlays (portalled: Radix's Theme carries the look into the portal) -------------
    *[_spec(f"{kind}.{part}", f"{js}.{part.title().replace('_', '')}", props, events, needs_theme=True)
      for kind, js, parts in [
          ("dialog", "Dialog", ["root", "trigger", "content", "title", "description", "close"]),
          ("alert_dialog", "AlertDialog", ["root", "trigger", "content", "title", "description", "action", "cancel"]),
          ("popover", "Popover", ["root", "trigger", "content", "close"]),
          ("hover_card", "HoverCard", ["root", "trigger", "content"]),
          ("dropdown_menu", "DropdownMenu", ["root", "trigger", "content", "item", "separator", "label", "group",
                                             "sub", "sub_trigger", "sub_content"]),
          ("context_menu", "ContextMenu", ["root", "trigger", "content", "item", "separator", "label", "group",
                                           "sub", "sub_trigger", "sub_content"]),
      ]
      for part in parts
      for props, events in [(
          {"root": "open default_open modal", "content": "size side side_offset align width max_width min_width "
           "height max_height force_mount", "item": "disabled shortcut text_value", "title": _TEXT_PROPS,
           "description": _TEXT_PROPS}.get(part, ""),
          OPEN_EVENTS if part == "root" else {"on_select": EventSpec("onSelect")} if part == "item" else {})]],
    # rx.clipboard(on_paste=State.h, targets=[ids]): the handler gets what was pasted as a list of
    # [mime type, data] pairs (files as data: URLs); it listens on the document unless targets name ids.
    _spec("clipboard", "PyxClipboard", "targets on_paste_event_actions",
          {"on_paste": EventSpec("onPaste", ("e",))}, common_events=False),
    # rx.html("<b>raw</b>"): the string as the div's inner HTML (React's dangerouslySetInnerHTML), as Reflex.
    _spec("html", "PyxHtml", "contents", accepts_children=False, first_arg_prop="contents"),
    # rx.script(src=...) / rx.script("inline code"): a <script> added to the document once the page
    # shows (both of next/script's after-load strategies mean that here).
    _spec("script", "PyxScript", "src contents strategy type async_ defer integrity cross_origin",
          {"on_load": EventSpec("onLoad"), "on_ready": EventSpec("onReady"), "on_error": EventSpec("onError")},
          accepts_children=False, first_arg_prop="contents", common_events=False),
    # rx.video / rx.audio: the browser's own <video>/<audio> with react-player's props as Reflex
    # names them (url, playing, loop, controls, muted, volume); a page-hosted or direct media URL,
    # not a YouTube/Vimeo page (react-player's embeds are not wrapped).
    *[_spec(kind, "PyxMedia", "url playing loop controls muted volume playback_rate plays_inline",
            {name: EventSpec(js) for name, js in [("on_ready", "onReady"), ("on_start", "onStart"),
             ("on_play", "onPlay"), ("on_pause", "onPause"), ("on_ended", "onEnded"), ("on_error", "onError")]},
            accepts_children=False, defaults={"kind": kind}, base_style=style)
      for kind, style in [("video", {"width": "640px", "height": "360px"}), ("audio", {})]],
    # rx.theme_panel(): Radix Themes' panel for trying theme settings on the live page.
    _spec("theme_panel", "ThemePanel", "default_open", accepts_children=False, needs_theme=True, common_events=False),
    # rx.toast.provider(): the toaster (mounted for every app that names rx.toast); its position,
    # duration and rich_colors (sonner's: a toast's background in its level's colour) become the
    # defaults of the toasts that do not give their own.
    # rx.theme(children, appearance="dark"): Radix's Theme around part of a page (components/theme.py
    # makes rx.theme both this and the app's theme settings).
    _spec("theme", "Theme", "appearance accent_color gray_color panel_background radius scaling has_background"),
    # rx.input.root(rx.input(...), width=...): older Reflex's text-field root, a box holding its input
    # and slots (Radix Themes 3 made the input itself the root).
    _spec("input.root", "Box"),
    _spec("toast.provider", "PyxToastProvider", "position duration rich_colors", accepts_children=False, common_events=False,
          style_class=False),
    # rx.fragment: compiled to <Fragment>; listed so plain-Python calls build a tree too.
    ComponentSpec("fragment", "Fragment", events={}),
]

def _typed(spec: ComponentSpec) -> ComponentSpec:
    types = value_types(spec.name)
    types.update({alias: types[prop] for alias, prop in IS_ALIASES.items() if alias in spec.props and prop in types})
    return replace(spec, value_types=types)


SPECS: dict[str, ComponentSpec] = {spec.name: _typed(spec) for spec in _ALL}
