"""A project made by `pyx init --template counter`, served by `pyx run` with no argument from its
folder, as the README tells a new user: the page shows the count and its buttons change it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pyxjs.cli import cli
from tests.browser.conftest import connected_page, serve_project, wait_text

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def counter_project(tmp_path_factory):
    folder = tmp_path_factory.mktemp("init") / "my_counter"
    result = CliRunner().invoke(cli, ["init", str(folder), "--template", "counter"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with serve_project(folder) as server:
        yield server


def test_counter_template_serves_and_its_buttons_work(browser, counter_project):
    with connected_page(browser, counter_project.url) as (page, problems, _):
        assert page.title() == "my_counter"
        wait_text(page, "#count", "0")
        page.click("#increment")
        page.click("#increment")
        wait_text(page, "#count", "2")
        page.click("#decrement")
        wait_text(page, "#count", "1")
        page.click("#reset")
        wait_text(page, "#count", "0")
        assert problems.lines == []
