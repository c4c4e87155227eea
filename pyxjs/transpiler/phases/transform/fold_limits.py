"""Bounds on constant folding: the compiler evaluates operations on build-time values with Python
itself, and must neither hang (`10**10**7`), nor fill memory (`'a' * 10**9`), nor put megabytes
into the JSX (`'a' * 10**7`). Each check runs before the operation, from its operands' sizes."""

from __future__ import annotations

import ast
import math
import re
from typing import Any

# A folded str, list, tuple or dict larger than this (characters or items) is not inlined: the
# operation runs in the browser instead, where it means the same.
MAX_FOLDED = 100_000
SAFE_INT_BITS = 53
_DIGITS = re.compile(r"\d+")
_WIDTH_METHODS = {"zfill", "center", "ljust", "rjust", "expandtabs"}


class NotFolded(Exception):
    """This operation is left to the browser: its result would be too large to inline."""


def size(value: Any) -> int:
    """Characters or items, counted through nested containers (bounded: stops past the limit)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, (list, tuple, dict)):
        total = len(value)
        for item in (value.values() if isinstance(value, dict) else value):
            if total > MAX_FOLDED:
                break
            if isinstance(item, (str, list, tuple, dict)):
                total += size(item)
        return total
    return 0


def int_pow_digits(base: Any, exponent: Any) -> int | None:
    """About how many decimal digits `base ** exponent` has, when both are ints and the result
    is past the browser's safe ints (so folding it would only build a number to refuse)."""
    if isinstance(base, bool) or isinstance(exponent, bool) or not isinstance(base, int) \
            or not isinstance(exponent, int) or exponent <= 0 or abs(base) <= 1:
        return None
    bits = exponent * math.log2(abs(base))
    if bits <= SAFE_INT_BITS + 1:
        return None
    return int(bits * math.log10(2)) + 1


def binary_fits(op: ast.operator, left: Any, right: Any) -> bool:
    """Whether folding `left op right` stays small."""
    if isinstance(op, ast.Mult):
        for seq, count in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(count, int):
                return max(count, 0) * max(size(seq), 1) <= MAX_FOLDED
    if isinstance(op, ast.Pow) and isinstance(left, int) and isinstance(right, int):
        return int_pow_digits(left, right) is None
    return True


def spec_fits(spec: str) -> bool:
    """A format spec's width and precision are repeat counts: `f"{x:>1000000000}"`."""
    return all(int(digits) <= MAX_FOLDED for digits in _DIGITS.findall(spec))


def method_fits(receiver: Any, name: str, args: list[Any]) -> bool:
    if name in _WIDTH_METHODS:
        return all(not isinstance(a, int) or a <= MAX_FOLDED for a in args)
    if name == "replace" and isinstance(receiver, str) and len(args) >= 2 and isinstance(args[1], str):
        return len(receiver) + (len(receiver) + 1) * len(args[1]) <= MAX_FOLDED
    return True


def check_size(value: Any) -> None:
    if size(value) > MAX_FOLDED:
        raise NotFolded
