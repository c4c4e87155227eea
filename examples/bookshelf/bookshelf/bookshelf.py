"""The app module Reflex imports (bookshelf.bookshelf): the pages come from the pages package."""

import pyxjs as rx

from .pages import *  # noqa: F403 - registers every page of the package

app = rx.App(theme=rx.theme(accent_color="teal", radius="large"))
