"""pyxjs: write React apps in plain Python. `import pyxjs as rx`."""

from pyxjs.app import App
from pyxjs.components import avatar, box, button, heading, hstack, input, text, vstack
from pyxjs.state import State

__version__ = "0.1.0"

__all__ = ["App", "State", "avatar", "box", "button", "heading", "hstack", "input", "text", "vstack"]
