"""Where uploaded files are kept (`rx.get_upload_dir()`) and the URL the server serves them at.

As in Reflex, the folder is relative: `$PYXJS_UPLOAD_DIR` (or Reflex's
`$REFLEX_UPLOADED_FILES_DIR`) as given, else `uploaded_files` beside the app file (the loader
tells us where that is; the working directory when no app was loaded), named relative to the
working directory when it lies inside it: `uploaded_files` for an app run from its own folder,
as Reflex apps print and link it. It is created on first use. The server serves its files under
UPLOAD_ROUTE (`rx.get_upload_url(name)`).
"""

from __future__ import annotations

import os
from pathlib import Path

UPLOAD_ROUTE = "/_upload"
ENV_VAR = "PYXJS_UPLOAD_DIR"
REFLEX_ENV_VAR = "REFLEX_UPLOADED_FILES_DIR"
FOLDER_NAME = "uploaded_files"

_app_dir: Path | None = None


def set_app_dir(folder: Path) -> None:
    """Called by the loader before the app's module runs."""
    global _app_dir
    _app_dir = Path(folder).resolve()


def get_upload_dir() -> Path:
    configured = os.environ.get(ENV_VAR) or os.environ.get(REFLEX_ENV_VAR)
    folder = Path(configured) if configured else _relative_to_cwd((_app_dir or Path.cwd()) / FOLDER_NAME)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _relative_to_cwd(folder: Path) -> Path:
    try:
        return folder.relative_to(Path.cwd().resolve())
    except ValueError:  # outside the working directory: only the full path names it
        return folder
