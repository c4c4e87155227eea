"""What the transpiler sees of a State: `StateVar` declarations and `VarRef`s on the class."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


def state_name_for(cls_name: str) -> str:
    """`GithubState` -> `github_state`: the name the browser knows a State class by."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", cls_name).lower()


@dataclass(frozen=True)
class StateVar:
    name: str
    type: Any  # the annotation (for a computed var: its return annotation)
    default: Any  # for a computed var: None (its value exists only per instance)
    computed: bool = False


@dataclass(frozen=True)
class VarRef:
    """`GithubState.username` evaluated on the class: a reference, not a value."""

    state: type
    name: str

    def __repr__(self) -> str:
        return f"{self.state.__name__}.{self.name}"
