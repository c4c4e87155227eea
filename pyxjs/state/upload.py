"""`rx.UploadFile`: one uploaded file as an upload handler sees it, and which handlers take them.

The server streams each file of an upload to a temporary file (never the whole body in
memory) and hands the handler a `list[rx.UploadFile]`; the temporary files are removed when
the handler returns. Reads run in a worker thread, so a big `await file.read()` does not
stall the other clients' events.
"""

from __future__ import annotations

import asyncio
import collections.abc as abc
import inspect
import io
import typing
from pathlib import Path
from typing import Any, BinaryIO

CHUNK = 64 * 1024  # what `async for chunk in file` yields at most


class UploadFile:
    """A file the page uploaded. `name` is the file's own name (never a path: directories the
    browser sent are dropped), so `rx.get_upload_dir() / file.name` stays inside that folder."""

    def __init__(self, path: Path, name: str, content_type: str, size: int) -> None:
        self._path = path
        self.name = name
        self.content_type = content_type
        self.size = size
        self._file: BinaryIO | None = None

    @property
    def filename(self) -> str:
        """Older Reflex apps read `file.filename`."""
        return self.name

    def _open(self) -> BinaryIO:
        if self._file is None:
            self._file = open(self._path, "rb")
        return self._file

    async def read(self, size: int = -1) -> bytes:
        """The rest of the file, or at most `size` bytes of it (b"" at the end)."""
        return await asyncio.to_thread(self._open().read, size)

    async def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._open().seek(offset, whence)

    def tell(self) -> int:
        return self._open().tell()

    def __aiter__(self) -> UploadFile:
        return self

    async def __anext__(self) -> bytes:
        chunk = await self.read(CHUNK)
        if not chunk:
            raise StopAsyncIteration
        return chunk

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def __repr__(self) -> str:
        return f"UploadFile(name={self.name!r}, content_type={self.content_type!r}, size={self.size})"


_LISTS = (list, abc.Sequence, abc.Iterable, abc.MutableSequence)


def is_upload_list(annotation: Any) -> bool:
    """`list[rx.UploadFile]` (or `Sequence[...]`, `List[...]`)."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    return origin in _LISTS and len(args) == 1 and args[0] is UploadFile


def why_not_upload_handler(signature: inspect.Signature, qualified: str) -> str | None:
    """None when the handler (its signature without `self`) takes the uploaded files as its one
    required argument; else what is wrong and how to fix it."""
    params = [p for p in signature.parameters.values() if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    fix = f"declare it `def {qualified.rpartition('.')[2]}(self, files: list[rx.UploadFile])`"
    if not params or not is_upload_list(params[0].annotation):
        return f"{qualified}{signature} does not take the uploaded files: its first parameter must be `list[rx.UploadFile]`; {fix}"
    required = [p.name for p in signature.parameters.values()
                if p is not params[0] and p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    if required:
        return f"{qualified}{signature} needs {', '.join(required)} besides the files, which an upload cannot pass; {fix}"
    return None


def handler_signature(function: Any) -> inspect.Signature:
    """A State method's signature without `self`, annotations evaluated where they can be
    (`from __future__ import annotations` leaves strings)."""
    try:
        signature = inspect.signature(function, eval_str=True)
    except Exception:  # an annotation that cannot be evaluated here
        signature = inspect.signature(function)
    if isinstance(function, staticmethod):
        return signature
    return signature.replace(parameters=list(signature.parameters.values())[1:])
