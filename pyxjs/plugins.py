"""`rx.plugins.SitemapPlugin()` and its siblings, as a Reflex project's rxconfig.py names them.

pyxjs runs no Reflex plugin: each is recorded so that rx.Config can say which ones do nothing
here (pyxjs/config.py); the Radix Themes one asks for what pyxjs always does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

NO_TAILWIND = "pyxjs does not run Tailwind: Tailwind class names get no styles"


@dataclass(eq=False)
class Plugin:
    kind: str
    options: dict[str, Any] = field(default_factory=dict)
    # Why pyxjs does nothing for it; None when pyxjs does the same thing without being asked.
    unsupported: str | None = None

    def __repr__(self) -> str:
        return f"rx.plugins.{self.kind}()"


def RadixThemesPlugin(**options: Any) -> Plugin:  # noqa: N802 - Reflex's class names
    return Plugin("RadixThemesPlugin", options)


def SitemapPlugin(**options: Any) -> Plugin:  # noqa: N802
    return Plugin("SitemapPlugin", options, "pyxjs writes no sitemap.xml")


def TailwindV3Plugin(**options: Any) -> Plugin:  # noqa: N802
    return Plugin("TailwindV3Plugin", options, NO_TAILWIND)


def TailwindV4Plugin(**options: Any) -> Plugin:  # noqa: N802
    return Plugin("TailwindV4Plugin", options, NO_TAILWIND)
