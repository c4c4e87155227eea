"""JS names for Python names, and the rules that keep generated names apart from the user's.

Every name the compiler invents contains `$` (`counter_state$count`, `$py`, `$e`), which no
Python identifier can, so generated names never collide with user names. User names keep
their spelling unless JS reserves them or the module imports the same name (a local called
`Text` beside the imported `<Text>` component): those get a `$` suffix.
"""

from __future__ import annotations

JS_RESERVED = frozenset(
    "await break case catch class const continue debugger default delete do else enum export extends "
    "false finally for function if implements import in instanceof interface let new null package "
    "private protected public return static super switch this throw true try typeof var void while "
    "with yield arguments eval undefined NaN Infinity".split()
)

# Props React consumes itself: a user component's parameter of this name would never arrive.
REACT_RESERVED_PROPS = frozenset({"key", "ref"})


def js_identifier(name: str, taken: frozenset[str] | set[str] = frozenset()) -> str:
    """A Python identifier that is safe as a JS binding (`new` -> `new$`)."""
    return name + "$" if name in JS_RESERVED or name in taken else name


def prop_identifier(name: str) -> str:
    """A user component's parameter as a JSX prop and a destructured binding (`key` -> `key$`)."""
    return name + "$" if name in JS_RESERVED or name in REACT_RESERVED_PROPS else name


def component_js_name(python_name: str) -> str:
    """`index` -> `Index`, `user_card` -> `UserCard`: JSX needs a capital for components."""
    name = "".join(part[:1].upper() + part[1:] for part in python_name.split("_") if part)
    return name or "Component"


def camel_case(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


class ModuleNames:
    """Allocates the module-level JS names of one generated module (components, helpers).

    Two Python functions whose natural JS names collide (`user_card` and `userCard` both want
    `UserCard`) get distinct names: the second becomes `UserCard$2`.
    """

    def __init__(self, imported: frozenset[str] = frozenset()) -> None:
        self.by_function: dict[str, str] = {}
        self.used: set[str] = set()
        self.imported = imported  # the runtime's exports (`Section`, `Card`): a user's `section` is `Section$2`

    def allocate(self, python_name: str, natural: str) -> str:
        if python_name in self.by_function:
            return self.by_function[python_name]
        name, n = natural, 1
        while name in self.used or name in JS_RESERVED or name in self.imported:
            n += 1
            name = f"{natural}${n}"
        self.used.add(name)
        self.by_function[python_name] = name
        return name
