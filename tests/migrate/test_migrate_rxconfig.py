"""Which app rxconfig.py names: by the qualified name of rx.Config, however it was imported."""

from __future__ import annotations

import pytest

from pyxjs.migrate.rxconfig import RxconfigError, read_app_name


@pytest.mark.parametrize("source", [
    'import pyxjs as rx\nconfig = rx.Config(app_name="shop", db_url="sqlite:///x.db")\n',
    'import reflex as rx\nconfig = rx.Config(\n    app_name="shop",\n)\n',
    'from pyxjs import Config\nconfig = Config(app_name="shop")\n',
    'import reflex\nconfig = reflex.config.Config(app_name="sh" "op")\n',
])
def test_app_name_is_read(source: str):
    assert read_app_name(source.encode()) == "shop"


@pytest.mark.parametrize("source, message, line", [
    ('import os\nconfig = dict(app_name="shop")\n', "no rx.Config(...) call found", 0),
    ('import pyxjs as rx\nNAME = "shop"\n\nconfig = rx.Config(app_name=NAME)\n', "app_name must be a string literal", 4),
    ('import pyxjs as rx\nconfig = rx.Config(db_url="x")\n', "rx.Config(...) has no app_name", 2),
    ('import pyxjs as rx\nconfig = rx.Config(app_name="my-shop")\n', "app_name must be a string literal naming", 2),
])
def test_problems_are_located(source: str, message: str, line: int):
    with pytest.raises(RxconfigError) as caught:
        read_app_name(source.encode())
    assert message in str(caught.value) and caught.value.line == line
