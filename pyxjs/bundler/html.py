"""The HTML shell every route serves: one stylesheet, one deferred script, a root div."""

from __future__ import annotations

import html


def index_html(title: str, js_url: str, css_url: str | None, external_css: tuple[str, ...] = (),
               module: bool = False) -> str:
    """`module`: the script is an ES module (a build with code splitting); modules are deferred too."""
    css = "".join(f'<link rel="stylesheet" href="{html.escape(url)}">' for url in external_css)
    css += f'<link rel="stylesheet" href="{html.escape(css_url)}">' if css_url else ""
    return (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title>{css}"
        + (f'<script type="module" src="{html.escape(js_url)}"></script>' if module else
           f'<script defer src="{html.escape(js_url)}"></script>') +
        '</head><body><div id="root"></div></body></html>\n'
    )
