"""POST /_upload and GET /_upload/<name> over a real server: files reach the handler streamed
from disk, the answer reaches the page's websocket, limits and bad requests are clear 4xx
errors, and no temporary file outlives a request."""

from __future__ import annotations

import asyncio

import pytest
from aiohttp import MultipartWriter, payload

import pyxjs as rx
from tests.server.serverkit import assert_silent, call, connect, receive


class UpState(rx.State):
    names: list[str] = []
    sizes: list[int] = []
    types: list[str] = []
    texts: list[str] = []
    chunks: int = 0
    other: int = 0

    async def handle_upload(self, files: list[rx.UploadFile]):
        for file in files:
            data = await file.read()
            self.names.append(file.filename)
            self.sizes.append(file.size)
            self.types.append(file.content_type)
            self.texts.append(data[:20].decode(errors="replace"))

    async def stream(self, files: list[rx.UploadFile]):
        for file in files:
            head = await file.read(3)
            async for _ in file:
                self.chunks += 1
            await file.seek(0)
            self.texts.append(head.decode() + "|" + (await file.read(2)).decode())

    async def save(self, files: list[rx.UploadFile]):
        for file in files:
            (rx.get_upload_dir() / file.name).write_bytes(await file.read())
            self.names.append(file.name)

    async def fails(self, files: list[rx.UploadFile]):
        self.names.append("half")
        raise RuntimeError("disk full")

    def bump(self):
        self.other += 1

    def not_files(self, amount: int):
        self.other += amount

    @rx.event(background=True)
    async def in_background(self, files: list[rx.UploadFile]):
        pass


def multipart(*files: tuple[str, bytes, str]) -> MultipartWriter:
    writer = MultipartWriter("form-data")
    for name, data, content_type in files:
        part = writer.append(data, {"Content-Type": content_type})
        part.set_content_disposition("form-data", quote_fields=False, name="files", filename=name)  # as browsers send it
    return writer


def changes(frame: dict) -> dict:
    """UpState's vars a frame changed, whether sent whole or as a list tail from 0."""
    return {**frame.get("delta", {}).get("up_state", {}),
            **{k: v["add"] for k, v in frame.get("patch", {}).get("up_state", {}).items()}}


def headers(token: str, handler: str, event_id: int = 1) -> dict[str, str]:
    return {"X-Pyx-Token": token, "X-Pyx-Handler": handler, "X-Pyx-Event": str(event_id)}


@pytest.fixture
def spool(tmp_path):
    folder = tmp_path / "spool"
    folder.mkdir()
    return folder


@pytest.fixture
async def up(server_factory, spool):
    return await server_factory([UpState], app_kwargs={"upload_max_bytes": 1_000_000, "upload_tmp_dir": spool})


async def test_files_reach_the_handler_and_the_delta_reaches_the_socket(up, spool):
    ws, hydrate = await connect(up)
    token = hydrate["token"]
    body = multipart(("a.txt", b"hello upload", "text/plain"), ("b.png", b"\x89PNG....", "image/png"))
    response = await up.post("/_upload", data=body, headers=headers(token, "up_state.handle_upload", 7))
    assert response.status == 200, await response.text()
    assert await response.json() == {"id": 7, "files": 2}
    frame = await receive(ws)
    assert frame["id"] == 7 and frame["type"] == "delta"
    changed = changes(frame)
    assert changed["names"] == ["a.txt", "b.png"]
    assert changed["sizes"] == [12, 8]
    assert changed["types"] == ["text/plain", "image/png"]
    assert changed["texts"][0] == "hello upload"
    assert list(spool.iterdir()) == []
    await assert_silent(ws)


async def test_streaming_reads_and_seek(up, spool):
    ws, hydrate = await connect(up)
    data = b"abc" + b"x" * (200 * 1024)
    response = await up.post("/_upload", data=multipart(("big.bin", data, "application/octet-stream")),
                              headers=headers(hydrate["token"], "up_state.stream"))
    assert response.status == 200
    frame = await receive(ws)
    assert changes(frame)["chunks"] == 4  # 200 KiB in 64 KiB chunks after the first 3 bytes
    assert changes(frame)["texts"] == ["abc|ab"]
    assert list(spool.iterdir()) == []


async def test_an_upload_with_no_files_gives_an_empty_list(up):
    ws, hydrate = await connect(up)
    response = await up.post("/_upload", data=multipart(), headers=headers(hydrate["token"], "up_state.handle_upload"))
    assert response.status == 200 and (await response.json())["files"] == 0
    frame = await receive(ws)
    assert frame == {"type": "delta", "id": 1, "delta": {}}


async def test_past_the_limit_is_413_and_nothing_is_kept(up, spool):
    ws, hydrate = await connect(up)
    body = multipart(("a.bin", b"1" * 600_000, "application/octet-stream"), ("b.bin", b"2" * 600_000, "application/octet-stream"))
    response = await up.post("/_upload", data=body, headers=headers(hydrate["token"], "up_state.handle_upload"))
    assert response.status == 413
    error = (await response.json())["error"]
    assert error["code"] == "too_large" and "1,000,000 bytes" in error["message"]
    assert list(spool.iterdir()) == []
    await assert_silent(ws)  # the handler never ran
    assert (await call(ws, 2, "up_state.bump"))["delta"] == {"up_state": {"other": 1}}


async def test_a_streamed_body_past_the_limit_is_413(up, spool):
    ws, hydrate = await connect(up)

    async def chunks():  # no Content-Length: the server finds out while reading
        yield b"--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"x.bin\"\r\n\r\n"
        for _ in range(20):
            yield b"0" * 100_000
        yield b"\r\n--b--\r\n"

    response = await up.post("/_upload", data=payload.AsyncIterablePayload(chunks()),
                             headers={**headers(hydrate["token"], "up_state.handle_upload"),
                                      "Content-Type": "multipart/form-data; boundary=b"})
    assert response.status == 413
    assert list(spool.iterdir()) == []


async def test_a_failing_handler_rolls_back_and_its_temp_files_go(up, spool):
    ws, hydrate = await connect(up)
    response = await up.post("/_upload", data=multipart(("a.txt", b"x", "text/plain")),
                             headers=headers(hydrate["token"], "up_state.fails", 3))
    assert response.status == 200
    frame = await receive(ws)
    assert frame["type"] == "error" and frame["id"] == 3
    assert frame["error"]["code"] == "handler_failed" and "disk full" not in frame["error"]["message"]
    assert list(spool.iterdir()) == []
    ws2, again = await connect(up, hydrate["token"])
    assert again["state"]["up_state"]["names"] == []


@pytest.mark.parametrize(("handler", "status", "code", "words"), [
    ("up_state.nope", 404, "unknown_handler", "up_state has:"),
    ("up_state.not_files", 400, "bad_args", "list[rx.UploadFile]"),
    ("up_state.in_background", 400, "bad_args", "background"),
])
async def test_handlers_that_take_no_files_are_refused(up, spool, handler, status, code, words):
    ws, hydrate = await connect(up)
    response = await up.post("/_upload", data=multipart(("a.txt", b"x", "text/plain")), headers=headers(hydrate["token"], handler))
    assert response.status == status
    error = (await response.json())["error"]
    assert error["code"] == code and words in error["message"], error
    assert list(spool.iterdir()) == []
    await assert_silent(ws)


async def test_a_token_without_a_connection_is_refused(up, spool):
    response = await up.post("/_upload", data=multipart(("a.txt", b"x", "text/plain")),
                             headers=headers("nobody-here", "up_state.handle_upload"))
    assert response.status == 403
    assert (await response.json())["error"]["code"] == "unknown_client"
    ws, hydrate = await connect(up)
    await ws.close()
    await asyncio.sleep(0.05)  # the server notices the close
    response = await up.post("/_upload", data=multipart(), headers=headers(hydrate["token"], "up_state.handle_upload"))
    assert response.status == 403


@pytest.mark.parametrize("missing", ["X-Pyx-Token", "X-Pyx-Handler", "X-Pyx-Event"])
async def test_missing_headers_are_400(up, missing):
    ws, hydrate = await connect(up)
    sent = headers(hydrate["token"], "up_state.handle_upload")
    del sent[missing]
    response = await up.post("/_upload", data=multipart(), headers=sent)
    assert response.status == 400 and missing in (await response.json())["error"]["message"]


async def test_a_body_that_is_not_files_is_400(up):
    ws, hydrate = await connect(up)
    response = await up.post("/_upload", data={"field": "value"}, headers=headers(hydrate["token"], "up_state.handle_upload"))
    assert response.status == 400
    assert "multipart" in (await response.json())["error"]["message"]


async def test_saved_files_are_served_and_traversal_is_blocked(up, tmp_path, monkeypatch):
    monkeypatch.setenv("PYXJS_UPLOAD_DIR", str(tmp_path / "outside" / "kept"))
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text("not for you")
    ws, hydrate = await connect(up)
    body = multipart(("..\\..\\evil name.txt", b"served", "text/plain"))
    response = await up.post("/_upload", data=body, headers=headers(hydrate["token"], "up_state.save"))
    assert response.status == 200
    assert changes(await receive(ws))["names"] == ["evil name.txt"]
    assert (tmp_path / "outside" / "kept" / "evil name.txt").read_bytes() == b"served"
    served = await up.get(rx.get_upload_url("evil name.txt"))
    assert served.status == 200 and await served.read() == b"served"
    assert served.headers["Content-Security-Policy"] == "sandbox"
    for path in ("/_upload/..%2Fsecret.txt", "/_upload/sub%2F..%2F..%2Fsecret.txt", "/_upload/missing.txt"):
        assert (await up.get(path)).status == 404, path


async def test_an_upload_cut_off_midway_runs_nothing_and_leaves_no_temp_file(up, spool):
    ws, hydrate = await connect(up)
    reader, writer = await asyncio.open_connection(up.host, up.port)
    head = (f"POST /_upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
            f"Content-Length: 900000\r\nX-Pyx-Token: {hydrate['token']}\r\nX-Pyx-Handler: up_state.handle_upload\r\n"
            f"X-Pyx-Event: 5\r\n\r\n")
    part = b'--b\r\nContent-Disposition: form-data; name="files"; filename="cut.bin"\r\n\r\n' + b"0" * 300_000
    writer.write(head.encode() + part)
    await writer.drain()
    for _ in range(200):  # the file is being spooled
        if any(spool.iterdir()):
            break
        await asyncio.sleep(0.01)
    assert any(spool.iterdir())
    writer.close()  # as the browser does on xhr.abort()
    for _ in range(200):
        if not any(spool.iterdir()):
            break
        await asyncio.sleep(0.01)
    assert list(spool.iterdir()) == []
    await assert_silent(ws)
    assert (await call(ws, 6, "up_state.bump"))["delta"] == {"up_state": {"other": 1}}
