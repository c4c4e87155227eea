"""An event held in a local and used as a trigger later, as Reflex templates write one
(`on_pick = rx.cond(armed, State.apply(w), rx.noop())` ... `on_click=on_pick`): the choice is
made when the trigger fires."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import connected_page, wait_text

pytestmark = pytest.mark.browser

APP = Path(__file__).resolve().parents[2] / "fixtures" / "transpile" / "event_in_local" / "input.py"


@pytest.fixture(scope="module")
def server(serve, tmp_path_factory):
    with serve(tmp_path_factory.mktemp("event_in_local"), APP) as running:
        yield running


def test_an_event_in_a_local_runs_when_its_trigger_fires(browser, server):
    with connected_page(browser, server.url) as (page, problems, _):
        page.click("#w-a")
        wait_text(page, "#picked", "a")
        page.click("#arm")  # the condition is read when the button is clicked, not when it was built
        page.click("#w-b")
        page.click("#arm")
        page.click("#w-b")
        wait_text(page, "#picked", "a,b")
        assert problems.lines == []
