"""File uploads in Chromium: files picked in an rx.upload show through rx.selected_files, the
Upload button posts them (progress reported on the way, the upload slowed by Chromium's network
emulation so an intermediate value is seen), the handler's changes arrive over the websocket,
the files are on disk and served back, rx.clear_selected_files empties the selection, and
rx.cancel_upload stops an upload half-way."""

from __future__ import annotations

import pytest

from tests.browser.conftest import connected_page, png_bytes, wait_text

pytestmark = pytest.mark.browser

APP = '''
import pyxjs as rx


class UploadState(rx.State):
    files: list[str] = []
    progress: int = 0
    seen: list[str] = []

    async def handle_upload(self, files: list[rx.UploadFile]):
        for file in files:
            path = rx.get_upload_dir() / file.name
            with path.open("wb") as out:
                async for chunk in file:
                    out.write(chunk)
            self.files.append(file.name)

    def on_progress(self, prog: dict):
        self.progress = round(prog["progress"] * 100)
        self.seen.append(str(self.progress))


def index():
    return rx.vstack(
        rx.upload(rx.text("Drop files here"), id="upload1", multiple=True, max_files=5,
                  accept={"image/png": [".png"], "application/octet-stream": [".bin"]}, border="1px dotted"),
        rx.hstack(rx.foreach(rx.selected_files("upload1"), rx.text), id="selected"),
        rx.text(f"{UploadState.progress}%", id="progress"),
        rx.text(", ".join(UploadState.seen), id="seen"),
        rx.button("Upload", id="send", on_click=UploadState.handle_upload(
            rx.upload_files(upload_id="upload1", on_upload_progress=UploadState.on_progress))),
        rx.button("Clear", id="clear", on_click=rx.clear_selected_files("upload1")),
        rx.button("Cancel", id="cancel", on_click=rx.cancel_upload("upload1")),
        rx.text(", ".join(UploadState.files), id="uploaded"),
        rx.foreach(UploadState.files, lambda f: rx.image(src=rx.get_upload_url(f), alt=f)),
    )


app = rx.App()
app.add_page(index)
'''

BIG = 4 * 1024 * 1024


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("upload")


@pytest.fixture(scope="module")
def server(serve, folder):
    with serve(folder, APP) as running:
        yield running


def text_of(page, selector: str) -> str:
    return page.locator(selector).text_content()


def test_pick_upload_with_progress_then_clear(browser, server, folder, tmp_path):
    picture = tmp_path / "dot.png"
    picture.write_bytes(png_bytes(8, 8))
    big = tmp_path / "big data.bin"
    big.write_bytes(bytes(range(256)) * (BIG // 256))
    refused = tmp_path / "notes.txt"
    refused.write_text("not accepted")
    with connected_page(browser, server.url + "/") as (page, problems, context):
        file_input = page.locator("#upload1 input[type=file]")

        file_input.set_input_files([str(refused)])  # refused by accept: nothing selected, a warning says why
        assert text_of(page, "#selected") == ""
        assert any("refused notes.txt" in line for line in problems.lines), problems.lines

        file_input.set_input_files([str(picture), str(big)])
        wait_text(page, "#selected", "dot.pngbig data.bin")

        # Slow the upload down (the websocket is not throttled), so progress has steps to report.
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions",
                 {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": 4 * 1024 * 1024})
        page.locator("#send").click()
        wait_text(page, "#uploaded", "dot.png, big data.bin", timeout=30000)
        page.wait_for_function("() => window.__pyx.socket.pending === 0", timeout=30000)
        cdp.send("Network.emulateNetworkConditions",
                 {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})

        seen = [int(v) for v in text_of(page, "#seen").split(", ")]
        assert seen[-1] == 100 and text_of(page, "#progress") == "100%"
        assert any(0 < v < 100 for v in seen), seen
        assert seen == sorted(seen)

        kept = folder / "uploaded_files"
        assert (kept / "dot.png").read_bytes() == picture.read_bytes()
        assert (kept / "big data.bin").stat().st_size == BIG
        page.wait_for_function("() => document.querySelector('img[alt=\"dot.png\"]')?.naturalWidth === 8")

        page.locator("#clear").click()
        wait_text(page, "#selected", "")
        page.locator("#send").click()  # nothing selected: the handler gets an empty list
        page.wait_for_function("() => window.__pyx.socket.pending === 0", timeout=30000)
        assert text_of(page, "#uploaded") == "dot.png, big data.bin"
        assert [line for line in problems.lines if "refused notes.txt" not in line] == []

        # Cancelled half-way: the handler never runs, and the page reports the cancel.
        file_input.set_input_files([str(big)])
        cdp.send("Network.emulateNetworkConditions",
                 {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": 256 * 1024})
        page.locator("#send").click()
        page.wait_for_function("n => document.querySelector('#seen').textContent.split(', ').length > n",
                               arg=len(seen), timeout=30000)
        page.locator("#cancel").click()
        page.wait_for_function("() => window.__pyx.socket.pending === 0", timeout=30000)
        assert any("upload_cancelled" in line for line in problems.lines), problems.lines
        assert text_of(page, "#uploaded") == "dot.png, big data.bin"
