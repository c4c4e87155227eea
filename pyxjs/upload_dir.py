"""Where uploaded files are kept (`rx.get_upload_dir()`) and the URL the server serves them at.

The folder is `$PYXJS_UPLOAD_DIR` when set, else `uploaded_files/` beside the app file (the
loader tells us where that is; the working directory when no app was loaded), created on
first use. The server serves its files under UPLOAD_ROUTE (`rx.get_upload_url(name)`).
"""

from __future__ import annotations

import os
from pathlib import Path

UPLOAD_ROUTE = "/_upload"
ENV_VAR = "PYXJS_UPLOAD_DIR"

_app_dir: Path | None = None


def set_app_dir(folder: Path) -> None:
    """Called by the loader before the app's module runs."""
    global _app_dir
    _app_dir = Path(folder).resolve()


def get_upload_dir() -> Path:
    configured = os.environ.get(ENV_VAR)
    folder = Path(configured) if configured else (_app_dir or Path.cwd()) / "uploaded_files"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
