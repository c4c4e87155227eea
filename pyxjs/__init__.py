"""pyxjs: write React apps in plain Python. `import pyxjs as rx`."""

from pyxjs.app import App
from pyxjs.components import (
    Component,
    avatar,
    box,
    button,
    cond,
    foreach,
    fragment,
    heading,
    hstack,
    input,
    match,
    text,
    vstack,
)
from pyxjs.state import State

__version__ = "0.1.0"

__all__ = [
    "App", "Component", "State", "avatar", "box", "button", "cond", "foreach", "fragment", "heading", "hstack",
    "input", "match", "text", "vstack",
]
