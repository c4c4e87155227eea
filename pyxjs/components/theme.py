"""`App(theme=rx.theme(appearance="dark", accent_color="teal", radius="large"))`: Radix Themes'
theme settings for every page, checked when the app is imported."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ACCENT_COLORS = ("gray gold bronze brown yellow amber orange tomato red ruby crimson pink plum purple violet iris "
                 "indigo blue cyan teal jade green grass lime mint sky").split()
GRAY_COLORS = "auto gray mauve slate sage olive sand".split()
CHOICES = {
    "appearance": "inherit light dark".split(),
    "accent_color": ACCENT_COLORS,
    "gray_color": GRAY_COLORS,
    "panel_background": "solid translucent".split(),
    "radius": "none small medium large full".split(),
    "scaling": "90% 95% 100% 105% 110%".split(),
}
# Radix's rule for gray_color="auto": the gray that suits the accent.
_NATURAL_GRAY = {
    **dict.fromkeys("tomato red ruby crimson pink plum purple violet".split(), "mauve"),
    **dict.fromkeys("iris indigo blue sky cyan".split(), "slate"),
    **dict.fromkeys("teal jade mint green".split(), "sage"),
    **dict.fromkeys("grass lime".split(), "olive"),
    **dict.fromkeys("yellow amber gold bronze brown orange".split(), "sand"),
}


@dataclass(frozen=True)
class Theme:
    appearance: str = "inherit"
    accent_color: str = "indigo"
    gray_color: str = "auto"
    panel_background: str = "translucent"
    radius: str = "medium"
    scaling: str = "100%"
    has_background: bool = True

    def __post_init__(self) -> None:
        for name, allowed in CHOICES.items():
            value = getattr(self, name)
            if value not in allowed:
                raise ValueError(f"rx.theme({name}={value!r}): not one of Radix's values: {', '.join(allowed)}")

    @property
    def resolved_gray(self) -> str:
        return _NATURAL_GRAY.get(self.accent_color, "gray") if self.gray_color == "auto" else self.gray_color

    def js_props(self) -> dict[str, object]:
        """The props of the page's theme root (runtime_js/src/theme.js ThemeRoot, or Radix's Theme);
        only those that differ from the defaults both share."""
        props = {"appearance": self.appearance, "accentColor": self.accent_color, "grayColor": self.resolved_gray,
                 "panelBackground": self.panel_background, "radius": self.radius, "scaling": self.scaling,
                 "hasBackground": self.has_background}
        defaults = {"appearance": "inherit", "accentColor": "indigo", "grayColor": "slate",
                    "panelBackground": "translucent", "radius": "medium", "scaling": "100%", "hasBackground": True}
        return {k: v for k, v in props.items() if v != defaults[k]}


def theme(*children: Any, appearance: str = "inherit", accent_color: str = "indigo", gray_color: str = "auto",
          panel_background: str = "translucent", radius: str = "medium", scaling: str = "100%",
          has_background: bool = True, **props: Any) -> Any:
    """`rx.theme(...)`, as Reflex spells it: the app's theme settings (`rx.App(theme=...)`), or,
    given children inside a component, Radix's Theme around them (a part of the page themed
    otherwise: `rx.theme(rx.card(...), appearance="dark")`)."""
    settings = Theme(appearance, accent_color, gray_color, panel_background, radius, scaling, has_background)
    if not children and not props:
        return settings
    from pyxjs.components import Component
    from pyxjs.components.spec import SPECS

    given = {name: value for name, value in (("appearance", appearance), ("accent_color", accent_color),
                                             ("gray_color", gray_color), ("panel_background", panel_background),
                                             ("radius", radius), ("scaling", scaling),
                                             ("has_background", has_background))
             if value != getattr(Theme, name)}
    return Component(SPECS["theme"], [*children], {**given, **props})


def _mark_as_component() -> None:
    from pyxjs.components.spec import SPECS

    theme._pyx_spec = SPECS["theme"]  # type: ignore[attr-defined] - the compiler reads rx.theme(...) as Theme


_mark_as_component()
