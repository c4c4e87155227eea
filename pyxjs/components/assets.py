"""`rx.asset(path)`: the URL of a file in the app's `assets/` folder, as Reflex's (`/logo.png`).

The build turns a constant asset URL in a prop into its content-hashed copy
(pyxjs/bundler/app_assets.py), and checks that the file is there (transform/uploads.py)."""

from __future__ import annotations

from pathlib import PurePosixPath

from pyxjs.components.spec import BrowserFunction


def asset(path: str, shared: bool = False) -> str:
    """`rx.asset("logo.png")` -> "/logo.png", served from the app's assets/ folder."""
    if not isinstance(path, str) or not path.strip("/"):
        raise ValueError(f"rx.asset({path!r}) takes the path of a file in the app's assets/ folder, e.g. \"logo.png\"")
    if shared:
        # Reflex's shared=True serves a file kept beside a component library's module; pyxjs
        # serves the app's assets/ folder only.
        raise ValueError(f"rx.asset({path!r}, shared=True) is not supported: pyxjs serves files from the app's "
                         "assets/ folder only; move the file there and call rx.asset(path)")
    relative = PurePosixPath(path.strip("/"))
    if ".." in relative.parts:
        raise ValueError(f"rx.asset({path!r}): the path must stay inside the assets/ folder")
    return "/" + relative.as_posix()


asset._pyx_browser = BrowserFunction(None, str)  # type: ignore[attr-defined] - folded at build time
asset._pyx_asset = True  # type: ignore[attr-defined] - the build checks the file exists
