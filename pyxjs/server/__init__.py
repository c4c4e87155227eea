"""The pyxjs server: static dist files, the /_pyx websocket and each client's State.

Serving needs no compiler: nothing under pyxjs.server imports the transpiler.
"""

from pyxjs.server.app import create_app, serve

__all__ = ["create_app", "serve"]
