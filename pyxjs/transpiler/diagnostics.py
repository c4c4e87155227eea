"""Compile errors with stable codes, a file:line:col location, the source line and a caret."""

from __future__ import annotations

from dataclasses import dataclass

# Stable codes: tests and users may rely on them, so never reuse a retired one.
CODES: dict[str, str] = {
    "PYX101": "unsupported syntax in a component",
    "PYX102": "unsupported statement in a component",
    "PYX103": "name not known in the browser",
    "PYX104": "call that cannot run in the browser",
    "PYX105": "event trigger needs an event handler",
    "PYX106": "unknown event trigger",
    "PYX107": "component takes no children",
    "PYX108": "component function signature not supported",
    "PYX109": "value cannot be inlined",
    "PYX110": "state method used as a value",
    "PYX111": "operation on values of unknown type",
    "PYX112": "local used before it is assigned",
    "PYX113": "helper function reads State",
    "PYX114": "expression always raises",
    "PYX115": "upload cannot be sent",
    "PYX116": "unknown prop of a wrapped component",
    "PYX117": "prop value of the wrong type",
    "PYX118": "argument of the wrong type for an annotated parameter",
    "PYX199": "internal error in pyxjs",
}


@dataclass
class CompileError(Exception):
    code: str
    message: str
    file: str
    line: int
    col: int  # 0-based, in characters
    hint: str = ""
    source_line: str = ""
    length: int = 1

    def __post_init__(self) -> None:
        super().__init__(self.format())

    def format(self) -> str:
        head = f"{self.file}:{self.line}:{self.col + 1}: error {self.code}: {self.message}"
        lines = [head]
        if self.source_line:
            gutter = f"{self.line:>5} | "
            lines.append(gutter + self.source_line.rstrip("\n"))
            width = max(1, min(self.length, len(self.source_line) - self.col))
            lines.append(" " * (len(gutter) - 2) + "| " + " " * self.col + "^" * width)
        if self.hint:
            lines.append(f"hint: {self.hint}")
        return "\n".join(lines)

    def as_json(self) -> dict:
        return {"code": self.code, "message": self.message, "line": self.line, "col": self.col, "hint": self.hint}


class CompileErrors(Exception):
    """Every compile error of one run, sorted by file and line (a build reports them all at once)."""

    def __init__(self, errors: list[CompileError]) -> None:
        unique = {(e.file, e.line, e.col, e.code, e.message): e for e in errors}
        self.errors = sorted(unique.values(), key=lambda e: (e.file, e.line, e.col))
        super().__init__(self.format())

    def format(self) -> str:
        count = len(self.errors)
        summary = f"{count} error{'s' if count != 1 else ''}"
        return "\n\n".join(e.format() for e in self.errors) + f"\n\n{summary}"


def internal_error(exc: BaseException, file: str, line: int, col: int = 0, source_line: str = "") -> CompileError:
    """A failure of the compiler itself (a bug, not the app's): located at what was being
    compiled, with the exception's own words, never a raw traceback."""
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return CompileError("PYX199", f"internal error in pyxjs at {file}:{line}, please report ({detail})", file, line,
                        col, "please report it with this message; rewriting this line differently may avoid it "
                             "meanwhile", source_line)
