"""The README's example in a real browser: type a username, leave the field, the avatar follows.

github.com is out of reach here, so the test answers the avatar image requests itself.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

AVATAR = "img"


def open_page(browser, server, seen: list[str], png: bytes):
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def answer_avatar(route):
        seen.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=png)

    # On the context, not the page: a tab the page opens (the duplicated-tab test) asks for its
    # avatar at once, before a route set on that new page could be in place.
    context.route("https://github.com/**", answer_avatar)
    page.goto(server.url + "/")
    return context, page, errors


def avatar_src(page) -> str | None:
    return page.locator(AVATAR).first.get_attribute("src")


def test_blur_updates_avatar_from_python_state(browser, example_server, avatar_png, tmp_path):
    seen: list[str] = []
    context, page, errors = open_page(browser, example_server, seen, avatar_png)
    page.wait_for_function("() => document.querySelector('img')?.getAttribute('src') === 'https://github.com/reflex-dev.png'")

    field = page.get_by_placeholder("Enter your username")
    field.fill("octocat")
    field.press("Tab")  # leaving the field fires on_blur with its value

    page.wait_for_function("() => document.querySelector('img')?.getAttribute('src') === 'https://github.com/octocat.png'")
    page.wait_for_function("() => document.querySelector('img')?.naturalWidth > 0")
    assert "https://github.com/octocat.png" in seen
    assert page.evaluate("() => window.__pyx.store.get('github_state', 'username')") == "octocat"
    page.screenshot(path=str(tmp_path / "after-blur.png"))

    # The state lives on the server, per tab: a reload keeps it ...
    page.reload()
    page.wait_for_function("() => document.querySelector('img')?.getAttribute('src') === 'https://github.com/octocat.png'")
    # ... and another browser session starts from the default.
    other, other_page, other_errors = open_page(browser, example_server, seen, avatar_png)
    other_page.wait_for_function("() => window.__pyx?.socket?.status === 'open'")
    assert avatar_src(other_page) == "https://github.com/reflex-dev.png"
    assert errors == [] and other_errors == []
    other.close()
    context.close()


def test_event_fired_right_after_load_is_not_lost(browser, example_server, avatar_png):
    seen: list[str] = []
    context, page, errors = open_page(browser, example_server, seen, avatar_png)
    # No wait for the socket: the blur may happen before it opens and must be queued, not dropped.
    field = page.get_by_placeholder("Enter your username")
    field.fill("torvalds")
    field.blur()
    page.wait_for_function("() => document.querySelector('img')?.getAttribute('src') === 'https://github.com/torvalds.png'")
    assert errors == []
    context.close()


def test_duplicated_tab_gets_its_own_state(browser, example_server, avatar_png):
    # window.open of the same origin copies sessionStorage, token included, as duplicating does.
    seen: list[str] = []
    context, page, errors = open_page(browser, example_server, seen, avatar_png)
    page.wait_for_function("() => window.__pyx?.socket?.status === 'open'")
    field = page.get_by_placeholder("Enter your username")
    field.fill("gvanrossum")
    field.press("Tab")
    page.wait_for_function("() => document.querySelector('img')?.getAttribute('src') === 'https://github.com/gvanrossum.png'")

    with context.expect_page() as opened:
        page.evaluate("() => { window.open('/'); }")
    twin = opened.value
    twin.wait_for_function("() => window.__pyx?.socket?.status === 'open'")
    assert twin.evaluate("() => sessionStorage.getItem('pyx_token')") != page.evaluate("() => sessionStorage.getItem('pyx_token')")
    assert avatar_src(twin) == "https://github.com/reflex-dev.png"

    # The twin's events change only the twin's state.
    twin_field = twin.get_by_placeholder("Enter your username")
    twin_field.fill("octocat")
    twin_field.press("Tab")
    twin.wait_for_function("() => document.querySelector('img')?.getAttribute('src') === 'https://github.com/octocat.png'")
    page.reload()
    page.wait_for_function("() => window.__pyx?.socket?.status === 'open'")
    assert avatar_src(page) == "https://github.com/gvanrossum.png"
    assert errors == []
    context.close()
