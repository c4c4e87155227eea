"""A pragmatic reader of a package's TypeScript declarations: the props of one component.

Not a TypeScript parser: it finds the component's declaration (a class extending
React.Component<P>, a function taking `props: P`, a `const C: FC<P>`-like, or `CProps`), then
P's members across `interface ... extends` and `A & B & {...}` types declared in the package.
What it cannot read it leaves out, and the caller says so in the wrapper it writes.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass


@dataclass
class Member:
    name: str
    type: str  # the TypeScript type text ("string", "(checked: boolean) => void")
    optional: bool


@dataclass
class ComponentTypes:
    name: str
    is_default: bool
    props_type: str
    members: list[Member]


class DtsError(Exception):
    pass


def strip_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"(?m)(^|[^:\"'])//[^\n]*", r"\1", text)


_DECLARATIONS = [
    r"class\s+{c}\b[^{{]*?\bextends\s+(?:React\.)?(?:Pure)?Component\s*<\s*([\w.]+)",
    r"function\s+{c}\s*(?:<[^(]*>)?\s*\(\s*\w+\??\s*:\s*([\w.]+)",
    r"const\s+{c}\s*:\s*(?:React\.)?\w*(?:FC|FunctionComponent|ComponentType|ExoticComponent|ComponentClass)\s*<\s*([\w.]+)",
]


def find_component(text: str, component: str) -> ComponentTypes:
    text = strip_comments(text)
    c = re.escape(component)
    props_type = None
    for pattern in _DECLARATIONS:
        match = re.search(pattern.format(c=c), text)
        if match:
            props_type = match.group(1).split(".")[-1]
            break
    if props_type is None and _find_type_body(text, f"{component}Props") is not None:
        props_type = f"{component}Props"
    if props_type is None:
        exported = exported_names(text)
        close = difflib.get_close_matches(component, exported, n=3)
        hint = f"did you mean {', '.join(close)}?" if close else f"it exports: {', '.join(exported[:30])}"
        raise DtsError(f"no component `{component}` found in the package's type declarations; {hint}")
    is_default = bool(re.search(rf"export\s+default\s+{c}\b|export\s*{{[^}}]*\b{c}\s+as\s+default\b", text))
    members: dict[str, Member] = {}
    for member in _members_of(text, props_type, depth=0):
        members.setdefault(member.name, Member(member.name, _resolve_alias(text, member.type), member.optional))
    return ComponentTypes(component, is_default, props_type, list(members.values()))


def _resolve_alias(text: str, ts: str) -> str:
    """`DayEventHandler<MouseEvent>` -> the function type its `type` alias names (handlers are often aliases)."""
    parts = [p.strip() for p in split_top(ts, "|")]
    named = [p for p in parts if p not in ("undefined", "null")]
    if len(named) != 1 or not re.fullmatch(r"[\w.]+(<.*>)?", named[0], re.S):
        return ts
    name = re.escape(named[0].split("<")[0].split(".")[-1])
    match = re.search(rf"\btype\s+{name}\s*(?:<[^=]*?>)?\s*=", text)
    if not match:
        return ts
    body = " ".join(text[match.end():_type_end(text, match.end())].split())
    return body if "=>" in body else ts


def exported_names(text: str) -> list[str]:
    names = re.findall(r"(?:export|declare)\s+(?:declare\s+)?(?:class|function|const)\s+(\w+)", text)
    for group in re.findall(r"export\s*{([^}]*)}", text):
        names += [part.split(" as ")[-1].strip() for part in group.split(",") if part.strip()]
    return sorted({n for n in names if n[:1].isupper()})


def _members_of(text: str, type_name: str, depth: int) -> list[Member]:
    if depth > 8:
        return []
    found = _find_type_body(text, type_name)
    if found is None:
        return []  # declared elsewhere (React's own types): not the component's props
    bases, body = found
    members = []
    for base in bases:
        members += _members_of(text, base, depth + 1)
    for part in body:
        if part.startswith("{"):
            members += parse_members(part[1:-1])
        else:
            members += _members_of(text, part, depth + 1)
    return members


def _find_type_body(text: str, name: str) -> tuple[list[str], list[str]] | None:
    """`interface N extends A, B {...}` -> (["A", "B"], ["{...}"]); `type N = A & {...}` -> ([], ["A", "{...}"])."""
    n = re.escape(name)
    match = re.search(rf"\binterface\s+{n}\s*(?:<[^{{]*?>)?\s*(?:extends\s+([^{{]+))?{{", text)
    if match:
        bases = [b.strip().split("<")[0].split(".")[-1] for b in split_top(match.group(1) or "", ",") if b.strip()]
        end = _matching(text, match.end() - 1)
        return bases, [text[match.end() - 1:end + 1]]
    match = re.search(rf"\btype\s+{n}\s*(?:<[^=]*?>)?\s*=", text)
    if not match:
        return None
    start = match.end()
    end = _type_end(text, start)
    parts = []
    for part in split_top(text[start:end], "&"):
        part = part.strip().strip("()").strip()
        if part.startswith("{"):
            parts.append(part)
        elif re.fullmatch(r"[\w.]+(<.*>)?", part, re.S):
            parts.append(part.split("<")[0].split(".")[-1])
    return [], parts


def _matching(text: str, open_at: int) -> int:
    depth = 0
    for i in range(open_at, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    raise DtsError("unbalanced braces in the type declarations")


def _type_end(text: str, start: int) -> int:
    depth = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch in "({[<":
            depth += 1
        elif ch in ")}]" or (ch == ">" and text[i - 1] != "="):
            depth -= 1
        elif ch == ";" and depth == 0:
            return i
    return len(text)


def split_top(text: str, sep: str) -> list[str]:
    """Split at `sep` outside (), {}, [] and <> (an arrow's `>` closes nothing)."""
    parts, depth, current = [], 0, []
    for i, ch in enumerate(text):
        if ch in "({[<":
            depth += 1
        elif ch in ")}]" or (ch == ">" and (i == 0 or text[i - 1] != "=")):
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


_MEMBER = re.compile(r"^(?:readonly\s+)?([\"']?)([\w$-]+)\1(\?)?\s*:\s*(.+)$", re.S)
_METHOD = re.compile(r"^([\w$]+)(\?)?\s*(?:<[^(]*>)?\s*\((.*)\)\s*:\s*(.+)$", re.S)


def parse_members(body: str) -> list[Member]:
    members = []
    for chunk in _member_chunks(body):
        chunk = chunk.strip()
        member = _MEMBER.match(chunk)
        method = None if member else _METHOD.match(chunk)
        if member:
            members.append(Member(member.group(2), " ".join(member.group(4).split()), bool(member.group(3))))
        elif method:
            members.append(Member(method.group(1), f"({' '.join(method.group(3).split())}) => {method.group(4).strip()}",
                                  bool(method.group(2))))
    return members


def _member_chunks(body: str) -> list[str]:
    """Members end at `;` or `,` or a line break outside brackets (when the type is complete)."""
    chunks, depth, current = [], 0, ""
    for i, ch in enumerate(body):
        if ch in "({[<":
            depth += 1
        elif ch in ")}]" or (ch == ">" and (i == 0 or body[i - 1] != "=")):
            depth -= 1
        if depth == 0 and (ch in ";," or (ch == "\n" and _complete(current, body[i + 1:]))):
            if current.strip():
                chunks.append(current)
            current = ""
        else:
            current += ch
    if current.strip():
        chunks.append(current)
    return chunks


def _complete(current: str, rest: str) -> bool:
    text = current.strip()
    return ":" in text and not text.endswith(("|", "&", "=>", ":", "(", ",")) and \
        not rest.lstrip().startswith(("|", "&", "=>"))
