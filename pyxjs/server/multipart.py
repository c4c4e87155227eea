"""Receive an upload's multipart body: each file streamed to a temporary file, with a limit.

Nothing of the body is held in memory beyond one chunk. Past `limit` bytes of file content
the upload stops with UploadTooLarge; the caller removes the folder, so nothing of it is kept.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from aiohttp import BodyPartReader, web

from pyxjs.state.upload import UploadFile

CHUNK = 64 * 1024


class UploadTooLarge(Exception):
    pass


class BadUpload(Exception):
    pass


def safe_name(sent: str) -> str:
    """The file's own name from what the browser sent (Windows browsers once sent full paths)."""
    name = PurePosixPath(sent.replace("\\", "/")).name
    if name in ("", ".", "..") or "\x00" in name:
        raise BadUpload(f"the file name {sent!r} is not usable; rename the file")
    return name


async def receive_files(request: web.Request, folder: Path, limit: int) -> list[UploadFile]:
    """Every file part of the request, in order, as UploadFiles backed by files in `folder`."""
    if not request.content_type.startswith("multipart/"):
        raise BadUpload(f"expected a multipart/form-data body, got {request.content_type or 'no content type'}")
    reader = await request.multipart()
    files: list[UploadFile] = []
    received = 0
    while True:
        part = await reader.next()
        if part is None:
            return files
        if not isinstance(part, BodyPartReader) or part.filename is None:
            raise BadUpload(f"part {getattr(part, 'name', None)!r} is not a file; an upload carries only files")
        name = safe_name(part.filename)
        path = folder / str(len(files))
        size = 0
        with open(path, "wb") as out:
            while chunk := await part.read_chunk(CHUNK):
                size += len(chunk)
                received += len(chunk)
                if received > limit:
                    raise UploadTooLarge(f"the upload is larger than the server's limit of {limit:,} bytes")
                out.write(chunk)
        content_type = part.headers.get("Content-Type", "application/octet-stream")
        files.append(UploadFile(path, name, content_type, size))
