"""Radix Themes' stylesheet, cut down to what the bundle can use.

Radix ships one 800 KB stylesheet (88 KB gzipped) for every component, utility class and color.
Its class names reach the DOM only from its own JS: a component's JS holds its class names as
string literals (`"rt-Button"`) and builds the prop classes from literal prefixes (`"rt-variant"`
+ "-solid", `"rt-r-gap"` + "-3", with a `md:` breakpoint prefix). esbuild has already dropped the
JS of every component the app does not render, so a selector whose `rt-` classes cannot be
spelled from the strings left in the bundle can never match, and its rule goes. Colors go the same
way: the scales of colors no page can name (`color_scheme`, the theme's accent and gray) are
dropped, unless some page picks a color at runtime, which keeps them all.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

# Radix's color scales (tokens/colors/*.css); black and white alphas are always kept.
RADIX_COLORS = frozenset(
    "gray mauve slate sage olive sand tomato red ruby crimson pink plum purple violet iris indigo blue cyan "
    "teal jade green grass brown orange sky mint lime yellow amber gold bronze".split())

_STRING_RT = re.compile(r"""["'`]([^"'`\\]*\brt-[^"'`\\]*)["'`]""")
_RT_CLASS = re.compile(r"\.((?:[a-z0-9]+\\:)?rt-[A-Za-z0-9_-]+)")
_COLOR_VAR = re.compile(r"--(" + "|".join(sorted(RADIX_COLORS, key=len, reverse=True)) + r")-(?:a?\d|contrast|surface|indicator|track)")
_COLOR_ATTR = re.compile(r"""\[data-(?:accent|gray)-color=["']?([a-z]+)["']?\]""")


# Radix's layout prop definitions, as they read in the minified bundle: `gap:{...className:"rt-r-gap"`.
_LAYOUT_PROP = re.compile(r"""(\w+):\{[^{}]*?className:"(rt-r-[\w-]+)\"""")
_PASSED_KEY = re.compile(r"[{,]([A-Za-z]+):(?!\{)")


@dataclass
class Scan:
    """What one piece of bundled JS says about Radix's classes: its `rt-` strings, the object keys
    it passes, and the layout prop definitions it holds. Scans of two pieces add up (`|`), so the
    vendor bundle's is made once (the slow part: 250 KB) and each build scans only the app's code."""

    strings: set[str] = field(default_factory=set)
    passed: set[str] = field(default_factory=set)
    layout_props: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def of(cls, js: str) -> "Scan":
        strings: set[str] = set()
        for literal in _STRING_RT.findall(js):
            strings.update(word for word in re.split(r"[\s${}]+", literal) if word.startswith("rt-"))
        # A layout prop some code passes appears as an object key with a plain value (`gap:"3"`,
        # `direction:d`): the compiled pages, our adapters and Radix's own parts alike.
        return cls(strings, set(_PASSED_KEY.findall(js)), set(_LAYOUT_PROP.findall(js)))

    def __or__(self, other: "Scan") -> "Scan":
        return Scan(self.strings | other.strings, self.passed | other.passed, self.layout_props | other.layout_props)

    def to_json(self) -> str:
        return json.dumps({"strings": sorted(self.strings), "passed": sorted(self.passed),
                           "layout_props": sorted(self.layout_props)})

    @classmethod
    def from_json(cls, text: str) -> "Scan":
        data = json.loads(text)
        return cls(set(data["strings"]), set(data["passed"]), {tuple(pair) for pair in data["layout_props"]})


@dataclass
class Usage:
    """What the bundle can put in the DOM: its `rt-` strings and the colors pages name."""

    strings: set[str] = field(default_factory=set)
    colors: set[str] | None = None  # None: any color (a page picks one at runtime)
    # The layout prop classes (`rt-r-gap`, `rt-r-m`) of the props some code passes; every layout
    # component defines them all, so their strings alone would keep all of them.
    layout_classes: set[str] = field(default_factory=set)
    all_layout_classes: set[str] = field(default_factory=set)

    @classmethod
    def of_bundle(cls, js: str, colors: set[str] | None) -> "Usage":
        return cls.of_scan(Scan.of(js), colors)

    @classmethod
    def of_scan(cls, scan: Scan, colors: set[str] | None) -> "Usage":
        by_prop = scan.layout_props
        return cls(set(scan.strings), colors, {c for prop, c in by_prop if prop in scan.passed}, {c for _, c in by_prop})

    def key(self) -> str:
        text = repr((sorted(self.strings), sorted(self.layout_classes), sorted(self.all_layout_classes),
                     None if self.colors is None else sorted(self.colors)))
        return hashlib.sha256(text.encode()).hexdigest()[:20]

    def class_possible(self, name: str) -> bool:
        name = name.split("\\:", 1)[-1]  # `md\:rt-r-gap-3`: the breakpoint prefix is added by the same code
        if name in self.strings:
            return True
        parts = name.split("-")
        return any("-".join(parts[:i]) in self.strings for i in range(2, len(parts)))

    def layout_possible(self, name: str) -> bool:
        """A standalone `.rt-r-m-3` rule: only when some code passes that layout prop."""
        name = name.split("\\:", 1)[-1]
        parts = name.split("-")
        prefixes = ["-".join(parts[:i]) for i in range(len(parts), 2, -1)]
        family = next((p for p in prefixes if p in self.all_layout_classes), None)
        return family is None or family in self.layout_classes

    def color_kept(self, color: str) -> bool:
        return self.colors is None or color not in RADIX_COLORS or color in self.colors


def prune(css: str, usage: Usage) -> str:
    return "".join(_prune_blocks(_blocks(css), usage))


def pruned_css(css_file: Path, css_key: str, scan: Scan, colors: set[str] | None, cache_dir: Path) -> str:
    """Radix's CSS (`css_file`, whose content `css_key` names) cut down to what the bundle `scan`
    describes can use. Cached: the same stylesheet, bundle strings and colors give the same CSS, so
    an edit that changes none of them costs one small file read."""
    usage = Usage.of_scan(scan, colors)
    key = hashlib.sha256((css_key + usage.key()).encode()).hexdigest()[:24]
    cached = cache_dir / f"{key}.css"
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    css = css_file.read_text(encoding="utf-8")
    pruned = prune(css, usage)
    cache_dir.mkdir(parents=True, exist_ok=True)
    for old in cache_dir.glob("*.css"):  # one entry is enough: the next build is usually the same
        old.unlink()
    cached.write_text(pruned, encoding="utf-8")
    return pruned


# -- a small CSS block reader: enough for Radix's generated stylesheet -------------------------

@dataclass
class _Block:
    prelude: str  # the selector list or the at-rule's prelude
    body: str  # declarations, or the inner stylesheet of a grouping at-rule
    nested: bool  # @media / @supports / @layer: body holds rules


def _blocks(css: str) -> list[_Block]:
    css = _strip_comments(css)
    out: list[_Block] = []
    i, n = 0, len(css)
    while i < n:
        start = i
        while i < n and css[i] not in "{;":
            i += 1
        if i >= n:
            break
        prelude = css[start:i].strip()
        if css[i] == ";":  # `@import ...;`, `@charset ...;`
            out.append(_Block(prelude, "", False))
            i += 1
            continue
        depth, j = 1, i + 1
        while j < n and depth:
            ch = css[j]
            if ch in "\"'":
                j = css.find(ch, j + 1) + 1 or n
                continue
            depth += ch == "{"
            depth -= ch == "}"
            j += 1
        body = css[i + 1:j - 1]
        nested = prelude.startswith(("@media", "@supports", "@layer", "@container"))
        out.append(_Block(prelude, body, nested))
        i = j
    return out


def _strip_comments(text: str) -> str:
    return re.sub(r"/\*.*?\*/", "", text, flags=re.S)


def _prune_blocks(blocks: list[_Block], usage: Usage) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if not block.body and not block.nested and block.prelude.startswith("@"):
            out.append(block.prelude + ";")
        elif block.nested:
            inner = "".join(_prune_blocks(_blocks(block.body), usage))
            if inner:
                out.append(f"{block.prelude}{{{inner}}}")
        elif block.prelude.startswith("@"):  # @font-face, @keyframes, @property: kept whole
            out.append(f"{block.prelude}{{{block.body}}}")
        else:
            selectors = [s for s in _split_selectors(block.prelude) if _selector_kept(s, usage)]
            if not selectors:
                continue
            body = _prune_declarations(block.body, usage)
            if body.strip():
                out.append(f"{','.join(selectors)}{{{body}}}")
    return out


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, current = [], 0, []
    for ch in prelude:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    parts.append("".join(current).strip())
    return [p for p in parts if p]


def _selector_kept(selector: str, usage: Usage) -> bool:
    classes = _RT_CLASS.findall(selector)
    if not all(usage.class_possible(name) for name in classes):
        return False
    if classes and all("rt-r-" in name for name in classes) and \
            not all(usage.layout_possible(name) for name in classes):
        return False
    return all(usage.color_kept(color) for color in _COLOR_ATTR.findall(selector))


def _prune_declarations(body: str, usage: Usage) -> str:
    if usage.colors is None or "--" not in body:
        return body
    kept = []
    for declaration in body.split(";"):
        match = _COLOR_VAR.match(declaration.strip())
        if match and not usage.color_kept(match.group(1)):
            continue
        kept.append(declaration)
    return ";".join(kept)
