"""A typing-test page in the idioms of Reflex's "overkey" example, in Chromium: a hidden input
holding a ClientStateVar, letters coloured by comparing `typed.value.to(str)[i]` with the word's
letter (`word.split()` of a StringVar parameter: its characters, as in Reflex), the timer started
by the first key down through `rx.cond(...)` between two events in a lambda, a countdown run by
a background task under two `@rx.event` decorators, words from a computed var that waits for
`self.is_hydrated`, choices from a module-level list of frozen dataclass instances, and an
`@keyframes` rule in `rx.App(style=...)`, and `rx.icon_button("name")` showing that icon."""

from __future__ import annotations

import pytest

from tests.browser.conftest import connected_page, wait_text

pytestmark = pytest.mark.browser

APP = '''
import asyncio
import dataclasses

import pyxjs as rx
from pyxjs.experimental.client_state import ClientStateVar
from pyxjs.vars.number import NumberVar
from pyxjs.vars.sequence import StringVar


@dataclasses.dataclass(frozen=True)
class Level:
    code: str
    name: str
    hard: bool


LEVELS = [Level("easy", "Easy", False), Level("hard", "Hard", True)]
WORDS = {"easy": ["ab ", "cd "], "hard": ["xyz "]}

typed = ClientStateVar.create("typed", default="")


class TypeState(rx.State):
    level: Level = LEVELS[0]
    left: int | None = None
    starts: int = 0

    @rx.var(cache=True)
    def words(self) -> list[str]:
        if self.is_hydrated:
            return WORDS[self.level.code]
        return []

    @rx.var(cache=True)
    def offsets(self) -> list[int]:
        offsets = [0]
        for word in self.words:
            offsets.append(offsets[-1] + len(word))
        return offsets

    @rx.event
    def pick(self, name: str):
        self.level = next(level for level in LEVELS if level.name == name)

    @rx.event
    def start(self):
        self.starts += 1
        if self.left is None:
            self.left = 2
            return TypeState.tick

    @rx.event
    @rx.event(background=True)
    async def tick(self):
        await asyncio.sleep(0.05)
        async with self:
            self.left -= 1
            left = self.left
        if left > 0:
            return TypeState.tick


def render_letter(letter: StringVar, letter_index: NumberVar) -> rx.Component:
    in_bounds = letter_index < typed.value.length()
    wrong = in_bounds & (typed.value.to(str)[letter_index] != letter)
    return rx.el.span(
        letter,
        id=f"letter-{letter_index}",
        color=rx.cond(wrong, "rgb(193, 54, 41)", "rgb(0, 0, 0)"),
        opacity=rx.cond(in_bounds, 1, 0.5),
    )


def render_word(word: StringVar, word_index: NumberVar) -> rx.Component:
    return rx.hstack(
        rx.foreach(word.split(), lambda letter, i: render_letter(letter, i + TypeState.offsets[word_index])),
        spacing="0",
    )


def index():
    return rx.vstack(
        typed,
        rx.hstack(*[rx.button(level.name + (" (hard)" if level.hard else ""), id=f"level-{level.code}",
                              on_click=TypeState.pick(level.name)) for level in LEVELS]),
        rx.flex(rx.foreach(TypeState.words, render_word), id="words"),
        rx.el.input(
            id="hidden",
            value=typed.value,
            on_change=typed.set_value,
            on_key_down=lambda _: rx.cond(typed.value == "", TypeState.start(), rx.console_log("already started")),
        ),
        rx.text(rx.cond(TypeState.left != None, TypeState.left, "not started"), id="left"),
        rx.text(f"starts {TypeState.starts}", id="starts"),
        rx.icon_button("rotate-ccw", id="again", on_click=typed.set_value("")),
    )


app = rx.App(style={"@keyframes blink": {"0%": {"opacity": 0}, "100%": {"opacity": 1}}})
app.add_page(index)
'''

RED = "rgb(193, 54, 41)"


@pytest.fixture(scope="module")
def server(serve, tmp_path_factory):
    with serve(tmp_path_factory.mktemp("typing_test"), APP) as running:
        yield running


def letters(page) -> list[tuple[str, str, str]]:
    return page.eval_on_selector_all(
        "#words span", "els => els.map(e => [e.textContent, getComputedStyle(e).color, getComputedStyle(e).opacity])")


def test_typing_colours_letters_and_the_first_key_starts_the_timer(browser, server):
    with connected_page(browser, server.url + "/") as (page, problems, _):
        # the words arrive once the page is hydrated, split into characters
        page.wait_for_function("() => document.querySelectorAll('#words span').length === 6")
        assert [text for text, _, _ in letters(page)] == ["a", "b", " ", "c", "d", " "]
        assert all(opacity == "0.5" for _, _, opacity in letters(page))
        wait_text(page, "#left", "not started")
        page.locator("#hidden").focus()
        page.keyboard.type("aX")  # the first key starts the timer; the second only logs
        page.wait_for_function(f"() => getComputedStyle(document.querySelector('#letter-1')).color === '{RED}'")
        shown = letters(page)
        assert shown[0][1] != RED and shown[0][2] == "1"  # typed right
        assert shown[1][1] == RED and shown[1][2] == "1"  # typed wrong
        assert shown[2][2] == "0.5"  # not typed yet
        wait_text(page, "#left", "0")  # the background task counted down to the end
        wait_text(page, "#starts", "starts 1")
        assert "already started" in problems.logs
        assert problems.lines == []


def test_choices_from_a_constant_dataclass_list_and_keyframes_from_app_style(browser, server):
    with connected_page(browser, server.url + "/") as (page, problems, _):
        assert page.locator("#level-hard").text_content() == "Hard (hard)"
        page.wait_for_function("() => document.querySelectorAll('#words span').length === 6")
        page.locator("#level-hard").click()
        page.wait_for_function("() => document.querySelector('#words').textContent === 'xyz '")
        assert page.evaluate(
            "() => [...document.styleSheets].some(s => [...s.cssRules].some(r => r.name === 'blink'))")
        # rx.icon_button("rotate-ccw"): Reflex's str child is the icon of that name, not the text
        assert page.locator("#again svg").count() == 1 and page.locator("#again").text_content() == ""
        assert problems.lines == []
