"""What a page uses to upload files: `rx.upload_files(...)` (the files of an `rx.upload`, as a
handler's argument), `rx.selected_files(id)` and `rx.get_upload_url(name)`.

Inside a component the transpiler reads the marks below and compiles each to runtime_js
(runtime_js/src/uploads.js); called from plain Python they give what a page shows before
anything is selected, which is what the differential tests render as Python's answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from pyxjs.components.spec import BrowserFunction
from pyxjs.state.handlers import EventHandlerRef
from pyxjs.upload_dir import UPLOAD_ROUTE

DEFAULT_UPLOAD_ID = "default"  # Reflex's id for an rx.upload without one


@dataclass(frozen=True)
class UploadFiles:
    """`rx.upload_files(upload_id=..., on_upload_progress=...)`: stands for the selected files."""

    upload_id: str = DEFAULT_UPLOAD_ID
    on_upload_progress: EventHandlerRef | None = None


def upload_files(upload_id: str = DEFAULT_UPLOAD_ID, on_upload_progress: Any = None) -> UploadFiles:
    """The files selected in `rx.upload(id=upload_id)`, for an upload handler:
    `on_click=State.handle_upload(rx.upload_files(upload_id="up"))`. `on_upload_progress`
    gets `{"loaded": bytes, "total": bytes, "progress": 0..1}` as the upload goes."""
    if not isinstance(upload_id, str) or not upload_id:
        raise TypeError(f"rx.upload_files(upload_id=...) takes the rx.upload's id (a str), got {upload_id!r}")
    if on_upload_progress is not None and not isinstance(on_upload_progress, EventHandlerRef):
        raise TypeError("rx.upload_files(on_upload_progress=...) takes an event handler such as State.on_progress, "
                        f"got {on_upload_progress!r}")
    return UploadFiles(upload_id, on_upload_progress)


upload_files._pyx_upload_files = True  # type: ignore[attr-defined] - read by the transpiler


def selected_files(upload_id: str = DEFAULT_UPLOAD_ID) -> list[str]:
    """The names of the files selected in `rx.upload(id=upload_id)` (none outside a page)."""
    return []


def get_upload_url(name: str) -> str:
    """The URL the server serves `rx.get_upload_dir() / name` at."""
    # Escaped as JS's encodeURIComponent does, so a page computes the same URL.
    return UPLOAD_ROUTE + "/" + quote(str(name), safe="!*'()")


selected_files._pyx_browser = BrowserFunction("useSelectedFiles", list[str], hook=True)  # type: ignore[attr-defined]
get_upload_url._pyx_browser = BrowserFunction("uploadUrl", str)  # type: ignore[attr-defined]
