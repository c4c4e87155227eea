"""Component classes with per-element hooks in Chromium (fixtures/transpile/element_hooks): each
KeyWatcher attaches its own document keydown listener (one rendered by a component function
reads that function's parameter); a key in its `keys` reaches its handler with the key, other keys reach nothing, and a State var as `keys` follows the State. PageTitle's
once-per-class hooks run too."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import connected_page, wait_text

pytestmark = pytest.mark.browser

APP = Path(__file__).resolve().parents[2] / "fixtures" / "transpile" / "element_hooks" / "input.py"


@pytest.fixture(scope="module")
def server(serve, tmp_path_factory):
    with serve(tmp_path_factory.mktemp("element_hooks"), APP) as running:
        yield running


def test_a_key_press_on_the_document_reaches_the_element_s_handler(browser, server):
    with connected_page(browser, server.url + "/") as (page, problems, _):
        assert page.title() == "keys watched"
        assert page.evaluate("document.body.dataset.watched") == "yes"
        for key in ("ArrowUp", "Enter", "b", "x", "ArrowLeft"):
            page.keyboard.press(key)
        wait_text(page, "#pressed", "ArrowUp, letter b, ArrowLeft")
        # keys from a State var: after it changes, the listener checks the new list
        page.click("#use-x")
        page.wait_for_function("() => window.__pyx.store.get('key_state', 'letters')[0] === 'x'")
        for key in ("b", "x", "ArrowDown"):
            page.keyboard.press(key)
        wait_text(page, "#pressed", "ArrowUp, letter b, ArrowLeft, letter x, ArrowDown")
        assert problems.lines == []
