"""Which app an rxconfig.py names: `config = rx.Config(app_name="shop")` -> `shop`."""

from __future__ import annotations

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider, QualifiedNameProvider

CONFIG_NAMES = {f"{package}.{path}" for package in ("reflex", "pyxjs") for path in ("Config", "config.Config")}


class RxconfigError(Exception):
    """`str(error)` is the message; `line` where in rxconfig.py (0: the file as a whole)."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line


def read_app_name(source: bytes) -> str:
    """The literal `app_name` of the file's rx.Config(...) call (qualified names, so `rx.Config`,
    `reflex.Config` and `from reflex import Config` all count)."""
    finder = ConfigCalls()
    MetadataWrapper(cst.parse_module(source)).visit(finder)
    if not finder.calls:
        raise RxconfigError("no rx.Config(...) call found; Reflex reads the app's name from "
                            "`config = rx.Config(app_name=\"...\")`")
    line, call = finder.calls[0]
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "app_name":
            value = arg.value.evaluated_value if isinstance(arg.value, (cst.SimpleString, cst.ConcatenatedString)) else None
            if isinstance(value, str) and value.isidentifier():
                return value
            raise RxconfigError("app_name must be a string literal naming the app's package", line)
    raise RxconfigError("rx.Config(...) has no app_name=...", line)


class ConfigCalls(cst.CSTVisitor):
    METADATA_DEPENDENCIES = (QualifiedNameProvider, PositionProvider)

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[int, cst.Call]] = []

    def visit_Call(self, node: cst.Call) -> None:
        if {q.name for q in self.get_metadata(QualifiedNameProvider, node.func, set())} & CONFIG_NAMES:
            self.calls.append((self.get_metadata(PositionProvider, node).start.line, node))
