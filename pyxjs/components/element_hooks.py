"""Hooks made per element: a component class's hook method that reads the element's props or
triggers, as Reflex users write to attach document-level listeners:

    def _get_hooks(self):
        return "useEffect(() => { ... if (%s.includes(_e0.key)) %s ... })" % (
            self.keys, rx.utils.format.format_event_chain(self.event_triggers["on_key_down"]))

pyxjs calls such a method once per element, at build, with the element's props as JS
expressions (`self.keys` prints as the JS of the value the element passes: a literal's JSON, a
State var's hook-bound local) and its triggers as `EventChain`s, whose `format_event_chain` is a
JS call sending the event with the callback's arguments (`_e0`, named as Reflex names them: `_`
and the spec's parameter). A hook method that reads nothing of the element keeps the
once-per-class behaviour (its text is the same for every element).
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any, Callable

# The hook methods, in the order their code runs: Reflex's public one and its older private one.
HOOK_METHODS = ("add_hooks", "_get_hooks")


class ElementValue:
    """A prop of one element in a hook method: `%s`, `str()` and f-strings give its JS expression."""

    __slots__ = ("_js", "_name", "_reads")

    def __init__(self, js: str, name: str, reads: set[str]) -> None:
        self._js, self._name, self._reads = js, name, reads

    def __str__(self) -> str:
        self._reads.add(self._name)
        return self._js

    __repr__ = __str__

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __getattr__(self, name: str) -> Any:
        if name in ("_js_expr", "_var_name"):  # Reflex's names for a var's JS text
            return str(self)
        raise TypeError(f"self.{self._name} in a hook method is the element's prop as JS text; "
                        f"put it into the hook with %s or an f-string (it has no `.{name}`)")

    def _refuse(self, *args: Any) -> Any:
        # Its value is known only in the browser: a Python test of it would decide nothing (a silent miscompile).
        raise TypeError(f"self.{self._name} in a hook method is the element's prop as JS text, its value known "
                        "only in the browser; test it in the hook's JS, not in Python")

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = __bool__ = __contains__ = _refuse
    __hash__ = object.__hash__


class EventChain(ElementValue):
    """An element's trigger in a hook method (`self.event_triggers["on_x"]`); Reflex's
    `format_event_chain(chain)` is the JS call that sends its event."""

    __slots__ = ()

    def js_call(self) -> str:
        return str(self)


class MissingTrigger(KeyError):
    """A hook method read a trigger the element does not set."""


class ElementTriggers(dict):
    """`self.event_triggers`: the triggers this element sets; reading another says which."""

    def __init__(self, chains: dict[str, EventChain], declared: tuple[str, ...], reads: set[str]) -> None:
        super().__init__(chains)
        self.declared, self.reads = declared, reads

    def __missing__(self, name: str) -> Any:
        self.reads.add(f"event_triggers[{name!r}]")
        raise MissingTrigger(name)


@dataclass(frozen=True)
class ElementHooks:
    """The hook methods of a class that read its elements, and how to call them for one element."""

    cls: type
    methods: tuple[str, ...]
    props: tuple[str, ...]
    # trigger -> the JS names of its callback's arguments in the hook text (`_e0`: Reflex's `_` + parameter)
    trigger_params: dict[str, tuple[str, ...]]

    def code(self, values: dict[str, str], triggers: dict[str, str]) -> tuple[str, ...]:
        """The hook code of one element: `values` are its props' JS expressions, `triggers` the JS
        function of each trigger it sets. A read of a trigger it does not set is MissingTrigger."""
        reads: set[str] = set()
        instance = _instance(self.cls, values, triggers, self.trigger_params, reads)
        return tuple(text for method in self.methods for text in _texts(getattr(self.cls, method)(instance)))


def chain_call(function_js: str, params: tuple[str, ...]) -> str:
    """The call that runs a trigger's JS function with the hook's callback arguments."""
    return f"({function_js})({', '.join(params)})"


def trigger_params(spec: Callable[..., Any] | None) -> tuple[str, ...]:
    if spec is None:
        return ()
    return tuple("_" + name for name in inspect.signature(spec).parameters)


def split_hooks(cls: type, props: tuple[str, ...], params: dict[str, tuple[str, ...]], where: str,
                own: Callable[[str], bool]) -> tuple[tuple[str, ...], ElementHooks | None]:
    """Call each hook method of the class once with stand-ins: the code of those that read
    nothing of the element (the same for every element), and the methods that do."""
    class_code: list[str] = []
    per_element: list[str] = []
    for method in HOOK_METHODS:
        if own(method):
            code, reads = _probe(cls, method, props, params, where)
            if reads:
                per_element.append(method)
            else:
                class_code += code
    hooks = ElementHooks(cls, tuple(per_element), props, params) if per_element else None
    return tuple(class_code), hooks


def check_reads_nothing(cls: type, method: str, props: tuple[str, ...], params: dict[str, tuple[str, ...]],
                        where: str) -> tuple[str, ...]:
    """Module-level code (add_custom_code) runs once per module: it cannot read an element."""
    code, reads = _probe(cls, method, props, params, where)
    if reads:
        raise TypeError(f"{where}.{method}() reads the element ({', '.join(sorted(reads))}); module-level code "
                        "is the same for every element: read the element's props in a hook (add_hooks) instead")
    return code


def _probe(cls: type, method: str, props: tuple[str, ...], params: dict[str, tuple[str, ...]],
           where: str) -> tuple[tuple[str, ...], set[str]]:
    """The method's code with stand-ins for the element, and what of the element it read."""
    reads: set[str] = set()
    instance = _instance(cls, {name: f"<{name}>" for name in props}, {name: "<trigger>" for name in params},
                         params, reads)
    try:
        result = getattr(cls, method)(instance)
    except MissingTrigger:
        return (), reads  # it reads a trigger: per element, where a missing one is a located error
    except Exception as exc:  # the user's method: any failure is theirs, reported at the class
        raise TypeError(f"{where}.{method}() failed when pyxjs called it with the element's props as JS "
                        f"text: {type(exc).__name__}: {exc}") from None
    try:
        return _texts(result), reads
    except TypeError as exc:
        raise TypeError(f"{where}.{method}() {exc}") from None


def _instance(cls: type, values: dict[str, str], triggers: dict[str, str],
              params: dict[str, tuple[str, ...]], reads: set[str]) -> Any:
    instance = object.__new__(cls)
    for name, js in values.items():
        instance.__dict__[name] = ElementValue(js, name, reads)
    chains = {name: EventChain(chain_call(js, params.get(name, ())), f"event_triggers[{name!r}]", reads)
              for name, js in triggers.items()}
    instance.__dict__["event_triggers"] = ElementTriggers(chains, tuple(params), reads)
    return instance


def _texts(code: Any) -> tuple[str, ...]:
    """A hook method's result: a string, None (Reflex's `_get_hooks`) or a list of strings."""
    if code is None:
        return ()
    code = [code] if isinstance(code, str) else code
    if not isinstance(code, (list, tuple)) or not all(isinstance(c, str) for c in code):
        raise TypeError(f"returns a list of JS code strings (or one string), not {code!r}")
    return tuple(c.strip() for c in code if c.strip())
