"""Reflex's `reflex.utils.console`: messages from the app's Python (handlers, build-time code) on
stderr, as Reflex prints them. In component code they do not run (the page has no console of
the server's): the compiler says so."""

from __future__ import annotations

import sys
from typing import Any

from pyxjs.reflex_paths import module_getattr

__all__ = ["debug", "deprecate", "error", "info", "log", "print", "success", "warn"]

_LEVELS = {"debug": 0, "info": 1, "warning": 2, "error": 3}
_level = "info"


def set_log_level(level: str) -> None:
    global _level
    if level not in _LEVELS:
        raise ValueError(f"set_log_level({level!r}): one of {', '.join(_LEVELS)}")
    _level = level


def _emit(level: str, label: str, message: Any) -> None:
    if _LEVELS[level] >= _LEVELS[_level]:
        sys.stderr.write(f"{label}{message}\n" if label else f"{message}\n")


def print(message: Any = "", **kwargs: Any) -> None:  # noqa: A001 - Reflex's name
    _emit("info", "", message)


def log(message: Any, **kwargs: Any) -> None:
    _emit("info", "", message)


def debug(message: Any, **kwargs: Any) -> None:
    _emit("debug", "debug: ", message)


def info(message: Any, **kwargs: Any) -> None:
    _emit("info", "info: ", message)


def success(message: Any, **kwargs: Any) -> None:
    _emit("info", "success: ", message)


def warn(message: Any, **kwargs: Any) -> None:
    _emit("warning", "warning: ", message)


def error(message: Any, **kwargs: Any) -> None:
    _emit("error", "error: ", message)


def deprecate(feature_name: str, reason: str = "", deprecation_version: str = "", removal_version: str = "",
              **kwargs: Any) -> None:
    _emit("warning", "warning: ", f"{feature_name} is deprecated. {reason}".strip())


__all__.append("set_log_level")
__getattr__ = module_getattr(__name__)
