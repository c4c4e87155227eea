"""Transpile benchmark: a cold `transpile()` of every page of a generated ~5,000-line app.

    .venv/bin/python bench/transpile.py [--lines 5000] [--runs 5] [--keep DIR]

`generate_app()` writes a multi-module app into a temp folder: bench_state.py (State classes
with typed vars and handlers), four component modules that import each other's helper
components (widgets <- cards <- panels <- layouts), and app.py adding many pages. Each run is
a fresh subprocess (nothing warm): it loads the app with `load_app` (not timed), then times
`import pyxjs.transpiler` (libcst and the transpiler's modules: import_ms) and, separately, one
`transpile()` of all pages (a fresh Project: transpile_ms). Prints the median of the runs as
transpile_ms= and import_ms=, the best as transpile_best_ms=, transpile_lines_per_s= (generated
lines / median transpile time; every line of every generated file counts, blanks included) and
lines=. A compile error in the generated app fails the bench with the error. --keep DIR writes
the app to DIR and leaves it there, to read or to feed to `pyx build DIR/app.py`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

STATES = 4
PAGES_PER_ROUND = 3
COLORS = ["teal", "tomato", "indigo", "orange", "crimson", "green"]
WORDS = ["alpha", "beta", "gamma", "delta", "omega"]


# --- the generator -----------------------------------------------------------------------


@dataclass
class _Module:
    """One generated file: imports (gathered as the body grows), constants, body chunks, a tail."""

    name: str
    constants: list[str] = field(default_factory=list)
    imports: dict[str, list[str]] = field(default_factory=dict)  # module -> names, in first-use order
    aliases: dict[str, str] = field(default_factory=dict)  # module -> `import module as alias`
    body: list[str] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)

    def use(self, module: str, name: str) -> str:
        names = self.imports.setdefault(module, [])
        if name not in names:
            names.append(name)
        return name

    def add(self, chunk: str) -> None:
        self.body.append(chunk)

    def header(self) -> str:
        lines = ["import pyxjs as rx"]
        lines += [f"import {module} as {alias}" for module, alias in self.aliases.items()]
        for module, used in self.imports.items():
            names = sorted(used, key=lambda name: (name.rstrip("0123456789"), len(name), name))
            for i in range(0, len(names), 6):  # short lines, as a person would wrap them
                lines.append(f"from {module} import {', '.join(names[i:i + 6])}")
        if self.constants:
            lines += ["", *self.constants]
        return "\n".join(lines) + "\n"

    def text(self) -> str:
        parts = [self.header(), *self.body]
        if self.tail:
            parts.append("\n".join(self.tail))
        # Two blank lines between top-level blocks, as PEP 8 has them.
        return "\n\n\n".join(part.rstrip("\n") for part in parts) + "\n"


def _state_class(s: int) -> str:
    return f'''class BenchState{s}(rx.State):
    count: int = {s}
    limit: int = {10 + 5 * s}
    ratio: float = 0.5
    title: str = "Section {s}"
    query: str = ""
    active: bool = {s % 2 == 0}
    tags: list[str] = []

    def increment(self):
        self.count += 1

    def add(self, amount: int):
        self.count += amount

    def scale(self, factor: float):
        self.ratio = self.ratio * factor

    def set_title(self, value: str):
        self.title = value

    def set_query(self, value: str):
        self.query = value

    def toggle(self):
        self.active = not self.active

    def tag(self, name: str, weight: int):
        self.tags.append(f"{{name}}:{{weight}}")

    def reset(self):
        self.count = 0
        self.query = ""
        self.active = False
'''


def _widgets(k: int, state: str) -> str:
    return f'''def stat_badge_{k}(label: str, value: int, accent: str = "{COLORS[k % len(COLORS)]}"):
    caption = f"{{label}}: {{value}}"
    if value > LIMIT + {k}:
        return rx.hstack(rx.text(caption, color=accent), rx.text("high", font_weight="bold"), spacing="2")
    elif value == 0:
        return rx.text(f"{{label}} is empty", color="gray")
    return rx.hstack(
        rx.text(caption),
        rx.text(value * 2 + 1),
        style={{"padding": "4px", "border_radius": 4}},
    )


def search_box_{k}(hint: str = "Search"):
    return rx.hstack(
        rx.input(value={state}.query, placeholder=hint, on_change={state}.set_query, on_blur={state}.set_title),
        rx.button("Clear", on_click={state}.reset, disabled=not {state}.query),
        spacing="1",
    )
'''


def _card(k: int, state: str, badge: str, search: str) -> str:
    step = k % 5 + 2
    return f'''def card_{k}(title: str, highlighted: bool = False):
    summary = f"{{title}} ({{{state}.count}} of {{{state}.limit}})"
    progress = {state}.count * 100 / {state}.limit if {state}.limit > 0 else 0.0
    return rx.box(
        rx.heading(title, size="3"),
        {badge}("count", {state}.count, accent=ACCENT),
        rx.text(summary if highlighted else title, font_size="1.2em"),
        rx.text(f"{{progress}}% done", color="green" if progress >= 50 else "orange"),
        rx.hstack(
            rx.button("+1", on_click={state}.increment),
            rx.button("+{step}", on_click=lambda: {state}.add({step})),
            rx.button("Tag", on_click=lambda: [{state}.tag("card", {k}), {state}.increment()]),
            spacing="2",
        ),
        {search}("Filter card {k}"),
        style={{"border": "1px solid #ddd", "border_radius": 8}},
        padding="1em",
        class_name="card",
    )
'''


def _panel(k: int, state: str, card: str, other_card: str, badge: str) -> str:
    return f'''def panel_{k}(heading: str, limit: int = {k % 9 + 3}):
    over = {state}.count > limit
    if {state}.active and over:
        return rx.vstack(
            rx.heading(f"{{heading}}: over the limit", color="red"),
            {card}(heading, highlighted=True),
            rx.button("Calm down", on_click={state}.toggle),
        )
    elif not {state}.active:
        return rx.vstack(
            rx.text(f"{{heading}} is paused", font_style="italic"),
            rx.button("Resume", on_click={state}.toggle),
        )
    return rx.vstack(
        rx.heading(heading, size="4"),
        {card}(heading),
        {other_card}(title={state}.title),
        {badge}("limit", limit),
        rx.text("remaining: " + str(limit - {state}.count)),
        rx.text({state}.ratio * 2 - 1),
        spacing="3",
        width="100%",
    )
'''


def _layout(k: int, state: str, panel: str, other_panel: str, card: str) -> str:
    return f'''def layout_{k}(name: str, compact: bool = False):
    title = f"{{name}} / {{{state}.title}}"
    return rx.box(
        rx.hstack(
            rx.heading(title, size="5"),
            rx.text({state}.query or "no filter"),
            rx.button("Compact" if not compact else "Expand", on_click=lambda: {state}.scale(0.5)),
            justify="between",
        ),
        {card}(name) if compact else {panel}(name),
        {other_panel}(name + " (more)", limit=LIMIT),
        background_color=BACKGROUND,
        padding_x="2em",
        margin="0 auto",
        max_width="960px",
    )
'''


def _page(n: int, state: str, other: str, layout: str, panel: str) -> str:
    word = WORDS[n % len(WORDS)]
    return f'''def page_{n}():
    """Page {n}."""
    greeting = f"Welcome to page {n}, {{{state}.title}}"
    if {state}.count > {n % 20 + 5} and not {state}.active:
        return rx.vstack(
            rx.heading("Too many clicks", color="red"),
            rx.button("Reset", on_click={state}.reset),
        )
    elif {state}.query == "{word}":
        return {layout}("{word} results", compact=True)
    else:
        return rx.vstack(
            rx.heading(greeting, size="6"),
            {layout}("Page {n}"),
            {panel}("Side panel", limit={n % 7 + 1}),
            rx.input(value={other}.title, on_change={other}.set_title, placeholder="Rename"),
            rx.text({state}.count + {other}.count, font_weight="bold"),
            spacing="4",
        )
'''


def generate_app(folder: Path, target_lines: int) -> int:
    """Write an app of at least `target_lines` lines (app.py and its sibling modules) into
    `folder`; return the number of lines written.

    Grows in rounds: each round adds one helper component to each component module and
    PAGES_PER_ROUND pages, and helper k of a module calls helper k of the module below it, so
    every generated function is reachable from a page (and so gets transpiled).
    """
    folder.mkdir(parents=True, exist_ok=True)
    state = _Module("bench_state", body=[_state_class(s) for s in range(STATES)])
    widgets = _Module("bench_widgets", constants=["LIMIT = 12"])
    cards = _Module("bench_cards", constants=['ACCENT = "violet"'])
    panels = _Module("bench_panels", aliases={"bench_cards": "cards", "bench_widgets": "widgets"})
    layouts = _Module("bench_layouts", constants=["LIMIT = 4", 'BACKGROUND = "#fafafa"'])
    app = _Module("app", tail=["app = rx.App()"])
    modules = [state, widgets, cards, panels, layouts, app]

    def state_in(module: _Module, i: int) -> str:
        return module.use("bench_state", f"BenchState{i % STATES}")

    k = 0
    pages = 0
    # Counted from the rendered text, so the figure is exactly what `wc -l` says of the files.
    while sum(m.text().count("\n") for m in modules) < target_lines:
        widgets.add(_widgets(k, state_in(widgets, k)))
        cards.add(_card(k, state_in(cards, k + 1), cards.use("bench_widgets", f"stat_badge_{k}"),
                        cards.use("bench_widgets", f"search_box_{k}")))
        # panels reaches the lower modules through `import ... as`: dotted component calls.
        panels.add(_panel(k, state_in(panels, k + 2), f"cards.card_{k}", f"cards.card_{k // 2}",
                          f"widgets.stat_badge_{(k * 7) % (k + 1)}"))
        layouts.add(_layout(k, state_in(layouts, k + 3), layouts.use("bench_panels", f"panel_{k}"),
                            layouts.use("bench_panels", f"panel_{(k * 5) % (k + 1)}"),
                            layouts.use("bench_cards", f"card_{(k * 3) % (k + 1)}")))
        for p in range(PAGES_PER_ROUND):
            layout = f"layout_{k}" if p == 0 else f"layout_{(pages * 7) % (k + 1)}"
            app.add(_page(pages, state_in(app, pages), state_in(app, pages + 1), app.use("bench_layouts", layout),
                          app.use("bench_panels", f"panel_{(pages * 11) % (k + 1)}")))
            route = "/" if pages == 0 else f"/page-{pages}"
            app.tail.append(f'app.add_page(page_{pages}, route="{route}", title="Page {pages}")')
            pages += 1
        k += 1

    written = 0
    for module in modules:
        text = module.text()
        (folder / f"{module.name}.py").write_text(text, encoding="utf-8")
        written += text.count("\n")
    return written


# --- one measured run (in its own subprocess) --------------------------------------------------


def measure(folder: Path) -> dict:
    """Load the app, then time the transpiler's import and one transpile of all its pages."""
    from pyxjs.loader import load_app

    started = time.perf_counter()
    loaded = load_app(folder / "app.py")
    load_s = time.perf_counter() - started
    warm_import = "libcst" in sys.modules  # would make import_ms meaningless
    started = time.perf_counter()
    import pyxjs.transpiler as transpiler

    import_s = time.perf_counter() - started
    pages = [page.component for page in loaded.app.pages.values()]
    started = time.perf_counter()
    try:
        modules = transpiler.transpile(pages, root=folder)
    except transpiler.CompileError as error:
        sys.exit(f"the generated app does not transpile:\n{error.format()}")
    transpile_s = time.perf_counter() - started

    # Every top-level def must have been compiled, or the figure would leave some code out.
    defined = sum(
        line.startswith("def ") for path in folder.glob("*.py") for line in path.read_text().splitlines()
    )
    compiled = sum(len(m.exports) for m in modules)
    if compiled != defined:
        sys.exit(f"transpiled {compiled} functions but the app defines {defined}: the generator left some unreachable")
    return {
        "load_ms": load_s * 1000,
        "import_ms": import_s * 1000,
        "transpile_ms": transpile_s * 1000,
        "warm_import": warm_import,
        "pages": len(pages),
        "modules": len(modules),
        "functions": compiled,
        "js_bytes": sum(len(m.code.split("//# sourceMappingURL=")[0].encode()) for m in modules),
    }


def run_once(folder: Path) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--measure", str(folder)], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"measuring run failed (exit {proc.returncode}):\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=5000, help="size of the generated app")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="write the app here and keep it")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(measure(args.measure)))
        return

    with tempfile.TemporaryDirectory(prefix="pyx-bench-transpile-") as tmp:
        folder = (args.keep or Path(tmp)).resolve()
        lines = generate_app(folder, args.lines)
        runs = [run_once(folder) for _ in range(args.runs)]
    if any(r["warm_import"] for r in runs):
        sys.exit("libcst was already imported before the timed import: import_ms would be wrong")
    times = [r["transpile_ms"] for r in runs]
    median = statistics.median(times)
    first = runs[0]
    print(f"transpile_lines_per_s={lines / (median / 1000):.0f}")
    print(f"transpile_ms={median:.1f}")
    print(f"transpile_best_ms={min(times):.1f}")
    print(f"import_ms={statistics.median(r['import_ms'] for r in runs):.1f}")
    print(f"lines={lines}")
    print(f"# {first['pages']} pages, {first['functions']} components in {first['modules']} JS modules, "
          f"{first['js_bytes']} bytes of JSX; load_app {statistics.median(r['load_ms'] for r in runs):.0f} ms")
    print(f"# transpile runs (ms): {', '.join(f'{t:.1f}' for t in times)}")
    imports = [r["import_ms"] for r in runs]
    print(f"# import runs (ms): {', '.join(f'{t:.1f}' for t in imports)}")


if __name__ == "__main__":
    main()
