"""Every core component on one page, each wired to state the way Reflex's docs show it."""

import pyxjs as rx


SWATCH = "data:image/svg+xml," + "%3Csvg xmlns='http://www.w3.org/2000/svg' width='4' height='4'%3E" \
    "%3Crect width='4' height='4' fill='teal'/%3E%3C/svg%3E"


class Gallery(rx.State):
    name: str = ""
    notes: str = ""
    agreed: bool = False
    dark: bool = False
    volume: list[int] = [40]
    fruit: str = "apple"
    size: str = "medium"
    tab: str = "one"
    view: str = "list"
    submitted: dict[str, str] = {}
    clicks: int = 0
    dialog_open: bool = False
    people: list[dict[str, str | int]] = [{"name": n, "age": a} for n, a in
                                          [("Ada", 36), ("Bob", 25), ("Cy", 41), ("Dee", 19)] * 3]
    mounts: int = 0
    unmounts: int = 0
    pasted: list[str] = []

    def click(self):
        self.clicks += 1

    def mounted(self):
        self.mounts += 1

    def unmounted(self):
        self.unmounts += 1

    def set_agreed(self, value: bool):
        self.agreed = value

    def set_dark(self, value: bool):
        self.dark = value

    def paste(self, data: list[tuple[str, str]]):
        self.pasted = [f"{mime_type} {item[:30]}" for mime_type, item in data]

    def set_volume(self, value: list[int]):
        self.volume = value

    def submit(self, form: dict[str, str]):
        self.submitted = form
        return rx.toast.success("Sent", description=f"to {form.get('email', '')}")


def section(title: str, *children) -> rx.Component:
    return rx.card(rx.heading(title, size="3"), rx.separator(size="4"), *children, width="100%")


def layout_part() -> rx.Component:
    return section(
        "Layout",
        rx.flex(rx.box("box", padding="8px", background="var(--accent-3)"), rx.spacer(),
                rx.center("center", width="80px"), spacing="2", id="flex"),
        rx.grid(rx.text("a"), rx.text("b"), rx.text("c"), columns="3", spacing="2", id="grid"),
        rx.container(rx.section(rx.text("in a section"), size="1"), size="1"),
        rx.inset(rx.text("inset"), side="x"),
        rx.scroll_area(rx.vstack(*[rx.text(f"line {i}") for i in range(6)]), type="always", scrollbars="vertical",
                       height="60px"),
        rx.aspect_ratio(rx.box("16:9", background="var(--gray-3)", height="100%"), ratio=16 / 9),
        rx.divider(),
    )


MARKDOWN = """## Markdown

Some **bold**, a [link](https://example.com) and `inline code`.

| a | b |
|---|---|
| 1 | 2 |
"""


def typography_part() -> rx.Component:
    return section(
        "Typography",
        rx.markdown(MARKDOWN, id="markdown"),
        rx.code_block("def hello(name):\n    return f'hi {name}'", language="python", show_line_numbers=True,
                      id="code-block"),
        rx.heading("Heading", size="6", id="heading"),
        rx.text("Text ", rx.strong("strong"), " ", rx.em("em"), " ", rx.code("code"), " ", rx.kbd("Ctrl"), " ",
                rx.quote("quote")),
        rx.blockquote("A blockquote."),
        rx.link("Internal link", href="/", id="link"),
        rx.link("External link", href="https://example.com", is_external=True),
        rx.list.unordered(rx.list.item("one"), rx.list.item("two")),
        rx.list.ordered(rx.list.item("first"), rx.list.item("second")),
        rx.data_list.root(
            rx.data_list.item(rx.data_list.label("Status"), rx.data_list.value(rx.badge("Active", color_scheme="green"))),
            rx.data_list.item(rx.data_list.label("Clicks"), rx.data_list.value(Gallery.clicks)),
        ),
    )


def media_part() -> rx.Component:
    return section(
        "Media",
        rx.hstack(
            rx.avatar(fallback="PX", id="avatar"),
            rx.image(src=SWATCH, alt="a teal square", width="40px", height="40px", id="image"),
            rx.image(src="/swatch.png", alt="served from assets/", width="40px", height="40px", id="asset-image"),
            rx.text("styled by assets/gallery.css", class_name="gallery-note", id="note"),
            rx.icon("star", id="star"),
            rx.icon(tag="circle_check", color="green"),
            align="center",
        ),
    )


def forms_part() -> rx.Component:
    return section(
        "Forms",
        rx.hstack(
            rx.button("Click", on_click=Gallery.click, id="button"),
            rx.icon_button(rx.icon("plus"), on_click=Gallery.click, id="icon-button", variant="soft"),
            rx.text(f"clicked {Gallery.clicks} times", id="clicks"),
            align="center",
        ),
        rx.input(placeholder="Your name", value=Gallery.name, on_change=Gallery.set_name, id="input"),
        rx.text(f"Hello {Gallery.name}", id="hello"),
        rx.clipboard(on_paste=Gallery.paste, targets=["paste-zone"], on_paste_event_actions={"prevent_default": True}),
        rx.input(rx.input.slot(rx.icon("clipboard")), placeholder="Paste here", id="paste-zone"),
        rx.text(", ".join(Gallery.pasted), id="pasted"),
        rx.text_area(placeholder="Notes", value=Gallery.notes, on_change=Gallery.set_notes, id="notes"),
        rx.checkbox("I agree", checked=Gallery.agreed, on_change=Gallery.set_agreed, id="checkbox"),
        rx.switch(checked=Gallery.dark, on_change=Gallery.set_dark, id="switch"),
        rx.text(rx.cond(Gallery.agreed, "agreed", "not agreed"), " / ", rx.cond(Gallery.dark, "dark", "light"),
                id="toggles"),
        rx.cond(Gallery.dark, rx.badge("dark mode", on_mount=Gallery.mounted, on_unmount=Gallery.unmounted)),
        rx.text(f"mounted {Gallery.mounts}, unmounted {Gallery.unmounts}", id="lifecycle"),
        rx.slider(value=Gallery.volume, on_change=Gallery.set_volume, min=0, max=100, id="slider"),
        rx.text(f"volume {Gallery.volume[0]}", id="volume"),
        rx.select(["apple", "pear", "plum"], value=Gallery.fruit, on_change=Gallery.set_fruit, id="select"),
        rx.text(f"fruit {Gallery.fruit}", id="fruit"),
        rx.radio_group(["small", "medium", "large"], value=Gallery.size, on_change=Gallery.set_size,
                       direction="row", id="radio"),
        rx.text(f"size {Gallery.size}", id="size"),
        rx.form(
            rx.hstack(
                rx.input(name="email", placeholder="Email", id="form-email"),
                rx.button("Send", type="submit", id="form-submit"),
            ),
            on_submit=Gallery.submit,
            reset_on_submit=True,
            id="form",
        ),
        rx.text(f"submitted {Gallery.submitted}", id="submitted"),
    )


def feedback_part() -> rx.Component:
    return section(
        "Data and feedback",
        rx.hstack(rx.badge("badge"), rx.badge("red", color_scheme="red", variant="solid"), rx.spinner(),
                  rx.skeleton(rx.text("loading"), loading=True), align="center"),
        rx.callout("A callout with an icon.", icon=rx.icon("info"), color_scheme="blue"),
        rx.callout("Saved.", icon="check", color_scheme="green", size="1"),
        rx.html("Some <em>raw HTML</em>."),
        rx.desktop_only(rx.text("Shown on wide screens only.")),
        rx.progress(value=60, id="progress"),
        rx.button("Toast", on_click=rx.toast.info("Hello from a trigger"), id="toast", variant="soft"),
        rx.tooltip(rx.button("Hover me", variant="outline"), content="A tooltip"),
        rx.table.root(
            rx.table.header(rx.table.row(rx.table.column_header_cell("Fruit"), rx.table.column_header_cell("Price"))),
            rx.table.body(
                rx.table.row(rx.table.row_header_cell("apple"), rx.table.cell("$1")),
                rx.table.row(rx.table.row_header_cell("pear"), rx.table.cell("$2")),
            ),
            id="table",
        ),
        rx.accordion.root(
            rx.accordion.item(header="First question", content="First answer", value="one", id="acc-one"),
            rx.accordion.item(header="Second question", content="Second answer", value="two", id="acc-two"),
            collapsible=True,
            width="100%",
        ),
        rx.data_table(data=Gallery.people, columns=["name", "age"], search=True, sort=True, pagination=True, id="people"),
        rx.tabs.root(
            rx.tabs.list(rx.tabs.trigger("One", value="one", id="tab-one"), rx.tabs.trigger("Two", value="two", id="tab-two")),
            rx.tabs.content(rx.text("first tab"), value="one"),
            rx.tabs.content(rx.text("second tab", id="second-tab"), value="two"),
            value=Gallery.tab,
            on_change=Gallery.set_tab,
        ),
        rx.segmented_control.root(
            rx.segmented_control.item("List", value="list"),
            rx.segmented_control.item("Grid", value="grid", id="segment-grid"),
            value=Gallery.view,
            on_change=Gallery.set_view,
        ),
        rx.text(f"view {Gallery.view}", id="view"),
    )


def overlays_part() -> rx.Component:
    return section(
        "Overlays",
        rx.dialog.root(
            rx.dialog.trigger(rx.button("Open dialog", id="open-dialog")),
            rx.dialog.content(
                rx.dialog.title("A dialog"),
                rx.dialog.description("Dialogs portal out of the page and keep the theme."),
                rx.dialog.close(rx.button("Close", id="close-dialog")),
            ),
            open=Gallery.dialog_open,
            on_open_change=Gallery.set_dialog_open,
        ),
        rx.text(rx.cond(Gallery.dialog_open, "dialog open", "dialog closed"), id="dialog-state"),
        rx.popover.root(rx.popover.trigger(rx.button("Popover", variant="soft")),
                        rx.popover.content(rx.text("popover content"))),
        rx.hover_card.root(rx.hover_card.trigger(rx.link("hover card", href="#")),
                           rx.hover_card.content(rx.text("hover content"))),
        rx.dropdown_menu.root(
            rx.dropdown_menu.trigger(rx.button("Menu", variant="soft", id="menu")),
            rx.dropdown_menu.content(rx.dropdown_menu.item("Count a click", on_select=Gallery.click, id="menu-item"),
                                     rx.dropdown_menu.separator(), rx.dropdown_menu.item("Other")),
        ),
        rx.alert_dialog.root(
            rx.alert_dialog.trigger(rx.button("Alert", color_scheme="red")),
            rx.alert_dialog.content(rx.alert_dialog.title("Sure?"), rx.alert_dialog.cancel(rx.button("Cancel"))),
        ),
    )


def theme_part() -> rx.Component:
    return section(
        "Theme and raw elements",
        rx.hstack(
            rx.color_mode.button(id="color-mode"),
            rx.text(rx.color_mode_cond("light mode", "dark mode"), id="mode-text"),
            rx.button("Dark", on_click=rx.set_color_mode("dark"), id="go-dark", variant="soft"),
            rx.button("Toggle", on_click=rx.toggle_color_mode, id="toggle-mode", variant="soft"),
            align="center",
        ),
        rx.el.div(
            rx.el.span("a raw span in ", rx.el.strong("rx.el")),
            rx.el.button("raw button", on_click=Gallery.click, id="raw-button", type="button"),
            id="raw",
            background=rx.color("accent", 3),
            color=rx.color("red", 11),
            padding="4px",
        ),
        rx.box(
            "hover me, resize me",
            id="styled-box",
            padding=["4px", "8px", "12px"],
            _hover={"background": rx.color("accent", 5), "padding_left": "20px"},
            style={"border": "1px solid var(--gray-7)", "_focus": {"outline": "2px solid red"}},
            width=rx.breakpoints(initial="100%", md="50%"),
            border_radius=f"{Gallery.clicks % 3 * 4}px",
        ),
    )


def index() -> rx.Component:
    return rx.container(
        rx.vstack(
            rx.heading("pyxjs gallery", size="8"),
            theme_part(),
            layout_part(),
            typography_part(),
            media_part(),
            forms_part(),
            feedback_part(),
            overlays_part(),
            spacing="4",
        ),
        size="3",
        padding="16px",
    )


app = rx.App(theme=rx.theme(accent_color="teal", radius="large"),
             stylesheets=["/gallery.css"],
             style={"font_family": "system-ui, sans-serif", rx.heading: {"letter_spacing": "-0.02em"}, ".big": {"font_size": 24}})
app.add_page(index, title="pyxjs gallery")
