"""The State base class: declared vars, computed vars, event handlers, dirty tracking, rollback.

A subclass's public fields are vars (annotated, or unannotated with a value: then the value's
type is the var's type, as in Reflex); `_private` fields stay on the server; `@rx.var` methods
are computed vars; other public methods are event handlers. On the class a var name evaluates
to a `VarRef` (what the transpiler reads), on an instance to the plain value.

Per instance, between two flushes (`pyx_take_delta`):
- `_pyx_dirty` {var: None | int | DictChanges}: what changed; an int `i` means "only list
  indices >= i" (appends, pops at the end), so the delta can send just that tail; a
  DictChanges the keys of a dict var set or deleted, so it can send just those.
- `_pyx_journal`: how to undo every change since the last flush (`pyx_rollback`): a var's
  previous binding, a container's previous length or shallow copy, a computed var's previous
  cached value. Recorded at the first change of each thing, so a handler that appends to a
  long list pays for a length, not a copy.
"""

from __future__ import annotations

import copy
import functools
import typing
from typing import Any, Callable, ClassVar

from pyxjs.state.computed import (
    AsyncComputedRef, ComputedInfo, ComputedRef, ComputedVar, PrivateComputedRef, compute, compute_async,
)
from pyxjs.state.fields import FieldSpec, ServerOnlyField
from pyxjs.state.handlers import HandlerSlot
from pyxjs.state.router import EMPTY_ROUTER, RouterData
from pyxjs.state.serialize import encode, type_label
from pyxjs.state.storage import ClientStorage, StoredVar, stored_var
from pyxjs.state.substates import inherited_names, install_inherited, is_mixin, parent_state_of
from pyxjs.state.tracking import _PLAIN, TRACKED_TYPES, DictChanges, TrackedList, track
from pyxjs.state.vars import StateVar, VarRef, state_name_for
from pyxjs.state.zero import NoZeroValue, zero_value

__all__ = ["State", "StateVar", "VarRef", "state_name_for", "ComputedVarError"]

_MISSING = object()


class ComputedVarError(Exception):
    """A computed var raised while being recomputed; names it (the cause is chained)."""

    def __init__(self, state: str, name: str, cause: BaseException) -> None:
        super().__init__(f"computed var {state}.{name} raised {type(cause).__name__}: {cause}")
        self.state = state
        self.name = name


class _class_or_instance:
    """A method that gets the class when called on the class, the instance on an instance."""

    def __init__(self, function: Callable[..., Any]) -> None:
        self.function = function

    def __get__(self, instance: Any, owner: type) -> Callable[..., Any]:
        return functools.partial(self.function, owner if instance is None else instance)


class State:
    _pyx_name: ClassVar[str] = ""
    # Public vars and computed vars, as the transpiler and hydrate see them.
    _pyx_vars: ClassVar[dict[str, StateVar]] = {}
    _pyx_handlers: ClassVar[dict[str, Callable[..., Any]]] = {}
    # Private `_vars`: per-client, never sent.
    _pyx_backend: ClassVar[dict[str, Any]] = {}
    _pyx_factories: ClassVar[dict[str, Any]] = {}
    _pyx_computed: ClassVar[dict[str, ComputedInfo]] = {}
    _pyx_sync_computed: ClassVar[tuple[str, ...]] = ()  # declaration order
    _pyx_async_computed: ClassVar[tuple[str, ...]] = ()
    # var or computed name of this class -> computed vars that read it (learned as they run;
    # only grows): a name for one of this state, (state name, name) for one of another state.
    _pyx_dependents: ClassVar[dict[str, set[str | tuple[str, str]]]] = {}
    _pyx_uncached: ClassVar[tuple[str, ...]] = ()  # sync computed vars with cache=False
    _pyx_uncached_async: ClassVar[tuple[str, ...]] = ()
    _pyx_intervals: ClassVar[dict[str, float]] = {}  # computed var -> seconds between recomputes
    # Substates (state/substates.py): the State this one derives from, and every var it
    # inherits, by the class that declared it (those live on that class's instance).
    _pyx_parent_class: ClassVar[type["State"] | None] = None
    _pyx_inherited: ClassVar[dict[str, type["State"]]] = {}
    _pyx_assignable: ClassVar[frozenset[str]] = frozenset()  # vars and backend vars (not computed)
    # Vars whose value lives in a cookie / localStorage / sessionStorage (state/storage.py).
    _pyx_storage: ClassVar[dict[str, StoredVar]] = {}
    # Every concrete State subclass by its browser name, in definition order.
    _pyx_registry: ClassVar[dict[str, type["State"]]] = {}

    def __init_subclass__(cls, mixin: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if mixin:
            # Reflex's `class M(rx.State, mixin=True)`: not a state of its own; each State that
            # derives from it gets its vars, computed vars and handlers as its own.
            cls._pyx_mixin_class = True
            return
        cls._pyx_name = state_name_for(cls.__name__)
        _declare(cls)
        previous = State._pyx_registry.get(cls._pyx_name)
        if previous is not None and previous.__qualname__ != cls.__qualname__:
            raise TypeError(
                f"two State classes share the browser name {cls._pyx_name!r}: "
                f"{previous.__module__}.{previous.__qualname__} and {cls.__module__}.{cls.__qualname__}; rename one"
            )
        # Re-importing an app (pyx watch, tests) replaces the class of the same name.
        State._pyx_registry[cls._pyx_name] = cls

    def __init__(self, client: dict[str, "State"] | None = None) -> None:
        """`client`: the other states of this client ({browser name: State}), which this one
        joins; alone (None), a substate creates its ancestors in a client of its own."""
        d = self.__dict__
        d["_pyx_dirty"] = {}
        d["_pyx_journal"] = {}
        d["_pyx_cache"] = {}
        d["_pyx_stale"] = set(self._pyx_computed)
        d["_pyx_opaque"] = {}  # var -> (json sent last, a copy of that value) for untrackable objects
        if client is None:
            client = {}
        d["_pyx_client"] = client  # what get_state() and inherited vars look in
        parent = self._pyx_parent_class
        if parent is not None and parent._pyx_name not in client:
            parent(client)
        client[self._pyx_name] = self
        for name, var in self._pyx_vars.items():
            if not var.computed:
                default = var.default
                d[name] = default if type(default) in _PLAIN else track(copy.deepcopy(default), self, name)
        for name, default in self._pyx_backend.items():
            d[name] = default if type(default) in _PLAIN else track(copy.deepcopy(default), self, name)
        for name, factory in self._pyx_factories.items():  # rx.field(default_factory=...): one call per client
            d[name] = track(factory(), self, name)
        for name in self._pyx_sync_computed:  # async ones wait for the first flush (state/client.py)
            self._pyx_computed_value(name)
        self._pyx_check_opaque()
        d["_pyx_dirty"] = {}
        d["_pyx_journal"] = {}

    @property
    def router(self) -> RouterData:
        """Where this client's page is and who connected (read-only; see state/router.py)."""
        return self.__dict__.get("_pyx_router", EMPTY_ROUTER)

    @property
    def is_hydrated(self) -> bool:
        """Reflex's `self.is_hydrated`: True once a page has connected to this client's state (a
        build's defaults have none). A computed var that reads it follows the page, as one that
        reads `self.router` does (it is read through `self.router`)."""
        return self.router is not EMPTY_ROUTER

    # --- writes ----------------------------------------------------------------------------

    def __setattr__(self, name: str, value: Any) -> None:
        d = self.__dict__
        if name not in self._pyx_assignable:
            if name == "router":
                raise AttributeError("self.router is read-only: it says where the page is; navigate with rx.redirect()")
            object.__setattr__(self, name, value)  # a computed var's descriptor refuses here
            return
        old = d.get(name, _MISSING)
        if value is old and isinstance(value, TRACKED_TYPES):
            return  # `self.items += [x]` rebinds the same list; the in-place change was tracked
        # Any other value assigned again (`self.option = self.option`) counts as a change, as in
        # Reflex: computed vars that read it recompute (overkey's restart re-draws its words so).
        if type(value) not in _PLAIN:
            value = track(value, self, name)
        journal = d["_pyx_journal"]
        if name not in journal:
            journal[name] = old
        d[name] = value
        if name not in self._pyx_backend:  # backend vars are never sent, but may feed computed vars
            d["_pyx_dirty"][name] = None
        if name in self._pyx_dependents:
            self._pyx_mark_stale(name)

    def _pyx_changing(self, var: str, container: Any, tail_at: int | None) -> None:
        """Called by a tracked container before it changes in place (see tracking.py)."""
        d = self.__dict__
        journal = d["_pyx_journal"]
        key = id(container)  # the journal holds the container, so the id stays unique
        entry = journal.get(key)
        is_list = type(container) is TrackedList
        if entry is None:
            if is_list and tail_at is not None:
                journal[key] = [container, len(container), None]  # undo = truncate
            else:
                journal[key] = [container, None, _shallow_copy(container)]
        elif entry[2] is None and (tail_at is None or tail_at < entry[1]):
            # About to touch what was there before: keep a copy of it while it is still intact.
            entry[2] = list.__getitem__(container, slice(0, entry[1]))
        dirty = d["_pyx_dirty"]
        if var in self._pyx_backend:
            pass
        elif tail_at is not None and is_list and d.get(var) is container:
            current = dirty.get(var, _MISSING)
            if current is _MISSING or (current is not None and tail_at < current):
                dirty[var] = tail_at
        else:
            dirty[var] = None
        if var in self._pyx_dependents:
            self._pyx_mark_stale(var)

    def _pyx_key_changing(self, var: str, container: dict, key: Any, deleting: bool) -> None:
        """Called by a tracked dict before one key is set or deleted (see tracking.py)."""
        d = self.__dict__
        journal = d["_pyx_journal"]
        if id(container) not in journal:
            journal[id(container)] = [container, None, _shallow_copy(container)]
        if var not in self._pyx_backend:
            dirty = d["_pyx_dirty"]
            if d.get(var) is not container:  # a dict nested inside the var: send the var whole
                dirty[var] = None
            else:
                changes = dirty.get(var, _MISSING)
                if changes is _MISSING:
                    changes = dirty[var] = DictChanges()
                if type(changes) is DictChanges:
                    changes.note(key, deleting)
        if var in self._pyx_dependents:
            self._pyx_mark_stale(var)

    def _pyx_watch_opaque(self, var: str) -> None:
        """tracking.track met an object whose in-place changes no container reports."""
        opaque = self.__dict__.get("_pyx_opaque")
        if opaque is not None and var not in opaque:
            opaque[var] = None

    # --- computed vars ---------------------------------------------------------------------

    def _pyx_computed_value(self, name: str) -> Any:
        d = self.__dict__
        cache = d["_pyx_cache"]
        info = self._pyx_computed[name]
        if name in cache and name not in d["_pyx_stale"] and info.cache:
            return cache[name]
        if info.is_async:
            raise RuntimeError(f"{type(self).__name__}.{name} is an async computed var; it is read with `await self.{name}`")
        return self._pyx_recompute(name)

    async def _pyx_async_value(self, name: str) -> Any:
        d = self.__dict__
        cache = d["_pyx_cache"]
        if name in cache and name not in d["_pyx_stale"] and self._pyx_computed[name].cache:
            return cache[name]
        return await self._pyx_recompute_async(name)

    def _pyx_recompute(self, name: str) -> Any:
        self.__dict__["_pyx_stale"].discard(name)  # first: a computed var that reads itself must not loop
        try:
            value, reads = compute(self, self._pyx_computed[name])
        except Exception as exc:
            raise self._pyx_failure(name, exc)
        return self._pyx_store_computed(name, value, reads)

    async def _pyx_recompute_async(self, name: str) -> Any:
        self.__dict__["_pyx_stale"].discard(name)
        try:
            value, reads = await compute_async(self, self._pyx_computed[name])
        except Exception as exc:
            raise self._pyx_failure(name, exc)
        return self._pyx_store_computed(name, value, reads)

    def _pyx_failure(self, name: str, exc: Exception) -> Exception:
        """What to raise when computing `name` raised `exc` (a failure further down as it is)."""
        if isinstance(exc, ComputedVarError):
            return exc
        self.__dict__["_pyx_stale"].add(name)
        error = ComputedVarError(self._pyx_name, name, exc)
        error.__cause__ = exc
        return error

    def _pyx_store_computed(self, name: str, value: Any, reads: set[tuple[str, str]]) -> Any:
        d = self.__dict__
        if self._pyx_computed[name].auto_deps:
            self._pyx_learn(name, reads)
        # What it read was brought up to date before it was read, so a change found meanwhile
        # (which marked this var stale again) is already in `value`.
        d["_pyx_stale"].discard(name)
        cache = d["_pyx_cache"]
        old = cache.get(name, _MISSING)
        journal = d["_pyx_journal"]
        key = ("cache", name)
        if key not in journal:
            journal[key] = old
        cache[name] = value
        if old is _MISSING or _differs(old, value):
            d["_pyx_dirty"][name] = None
            if name in self._pyx_dependents:
                self._pyx_mark_stale(name)
        return value

    def _pyx_learn(self, name: str, reads: set[tuple[str, str]]) -> None:
        """Record `name` as a dependent of what it read, in the class of the state that holds it."""
        own = self._pyx_name
        client = self.__dict__["_pyx_client"]
        for state_name, read in reads:
            if state_name == own:
                if read != name:
                    type(self)._pyx_dependents.setdefault(read, set()).add(name)
            else:
                type(client[state_name])._pyx_dependents.setdefault(read, set()).add((own, name))

    def _pyx_mark_stale(self, name: str) -> None:
        """`name` changed: every computed var that read it, of any state of this client, and
        (transitively) those that read them, are stale."""
        todo: list[tuple[State, str]] = [(self, name)]
        while todo:
            state, changed = todo.pop()
            for dependent in type(state)._pyx_dependents.get(changed, ()):
                if type(dependent) is str:
                    target = state
                else:
                    target = state.__dict__["_pyx_client"].get(dependent[0])
                    dependent = dependent[1]
                    if target is None or dependent not in target._pyx_computed:
                        continue  # learned from a client of another app (tests, re-imports)
                stale = target.__dict__["_pyx_stale"]
                if dependent not in stale:
                    stale.add(dependent)
                    todo.append((target, dependent))

    def pyx_expire(self, name: str) -> None:
        """Recompute computed var `name` at the next flush even if nothing it read changed
        (`@rx.var(interval=...)`); what reads it follows."""
        self.__dict__["_pyx_stale"].add(name)
        if name in self._pyx_dependents:
            self._pyx_mark_stale(name)

    def _pyx_refresh_computed(self) -> None:
        d = self.__dict__
        stale = d["_pyx_stale"]
        for name in self._pyx_sync_computed:  # declaration order: deterministic deltas
            if name in stale:
                self._pyx_recompute(name)
        for name in self._pyx_uncached:
            self._pyx_recompute(name)

    async def pyx_prepare_async(self) -> None:
        """The async computed vars that pyx_prepare left (stale ones and cache=False ones)."""
        stale = self.__dict__["_pyx_stale"]
        for name in self._pyx_async_computed:
            if name in stale:
                await self._pyx_recompute_async(name)
        for name in self._pyx_uncached_async:
            await self._pyx_recompute_async(name)

    # --- flush, rollback, snapshot ----------------------------------------------------------

    def pyx_take_delta(self) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """(whole values, parts) changed since the last call; then those changes are final
        (the journal is cleared). Parts are {var: {"at": i, "add": value[i:]}} for a list tail,
        {var: {"set": {...}, "del": [...]}} for dict keys.

        Raises ComputedVarError when a computed var fails; the caller rolls back. A state
        with async computed vars is flushed with `await state.client.take_delta(states)`.
        """
        if self.pyx_prepare():
            raise RuntimeError(f"{type(self).__name__} has async computed vars to await: flush it with pyxjs.state.client.take_delta")
        return self.pyx_collect()

    def pyx_prepare(self) -> bool:
        """Bring sync computed vars and watched objects up to date (may raise ComputedVarError);
        True when async computed vars wait for `await pyx_prepare_async()`.
        Separate from pyx_collect so several states can all prepare before any commits."""
        d = self.__dict__
        if d["_pyx_opaque"]:
            self._pyx_check_opaque()
        stale = d["_pyx_stale"]
        if stale or self._pyx_uncached:
            self._pyx_refresh_computed()
        return bool(self._pyx_async_computed) and (bool(stale) or bool(self._pyx_uncached_async))

    def pyx_collect(self) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """The second half of pyx_take_delta: take the dirty vars and commit (never raises)."""
        d = self.__dict__
        if d["_pyx_journal"]:
            d["_pyx_journal"] = {}
        dirty = d["_pyx_dirty"]
        if not dirty:
            return {}, None
        d["_pyx_dirty"] = {}
        whole: dict[str, Any] = {}
        tails: dict[str, Any] | None = None
        cache = d["_pyx_cache"]
        for name, at in dirty.items():
            if name in cache and name in self._pyx_computed:
                whole[name] = cache[name]
                continue
            value = d[name]
            if type(at) is DictChanges:
                part = at.as_patch(value)
            elif at:
                part = {"at": at, "add": list.__getitem__(value, slice(at, None))}
            else:  # None (whole) or 0 (the tail is the whole list)
                part = None
            if part is None:
                whole[name] = value
            else:
                if tails is None:
                    tails = {}
                tails[name] = part
        return whole, tails

    def pyx_rollback(self) -> None:
        """Undo every change since the last pyx_take_delta (a handler failed)."""
        d = self.__dict__
        for key, undo in d["_pyx_journal"].items():
            kind = type(key)
            if kind is str:
                if undo is _MISSING:
                    d.pop(key, None)
                else:
                    d[key] = undo
            elif kind is int:
                container, length, saved = undo
                if saved is not None:
                    _restore(container, saved)
                else:
                    list.__delitem__(container, slice(length, None))
            else:
                name = key[1]
                if undo is _MISSING:
                    d["_pyx_cache"].pop(name, None)
                    d["_pyx_stale"].add(name)
                else:
                    d["_pyx_cache"][name] = undo
        d["_pyx_journal"] = {}
        d["_pyx_dirty"] = {}
        for name, sent in d["_pyx_opaque"].items():
            if sent is not None and _encode_or_none(d[name]) != sent[0]:
                d[name] = track(copy.deepcopy(sent[1]), self, name)

    def _pyx_check_opaque(self) -> None:
        """Objects no container tracks: compare their JSON with what was last sent."""
        d = self.__dict__
        opaque = d["_pyx_opaque"]
        dirty = d["_pyx_dirty"]
        for name, sent in opaque.items():
            text = _encode_or_none(d[name])
            if sent is None or text is None or text != sent[0]:
                opaque[name] = (text, copy.deepcopy(d[name]))
                if name not in self._pyx_backend:
                    dirty[name] = None

    def pyx_snapshot(self) -> dict[str, Any]:
        """Every public var's current value, computed vars included (what hydrate sends)."""
        d = self.__dict__
        return {
            name: self._pyx_computed_value(name) if var.computed else d[name]
            for name, var in self._pyx_vars.items()
        }

    # --- what handlers use ------------------------------------------------------------------

    @_class_or_instance
    def setvar(owner: Any, name: Any, *value: Any) -> Any:
        """Reflex's `State.setvar("name")` / `State.setvar("name", value)`: the var's setter as an
        event (the trigger's value, or `value`); on an instance, `self.setvar("name", value)`."""
        if isinstance(owner, State):
            if len(value) != 1:
                raise TypeError(f"self.setvar({name!r}, value) takes the var's name and one value")
            settable_var(type(owner), name)
            setattr(owner, name, value[0])
            return None
        handler = getattr(owner, setvar_setter(owner, name))
        return handler(*value) if value else handler

    def reset(self) -> None:
        """Every var of this state and of its substates back to its default (a fresh copy; a
        default_factory is called again), sent to the page like any other change. Computed
        vars follow; the router and other states are left as they are."""
        for state in self.__dict__["_pyx_client"].values():
            if isinstance(state, type(self)):
                state._pyx_reset_own()

    def _pyx_reset_own(self) -> None:
        defaults = {**{name: var.default for name, var in self._pyx_vars.items() if not var.computed}, **self._pyx_backend}
        for name, default in defaults.items():
            if name not in self._pyx_factories:
                setattr(self, name, _fresh(default))
        for name, factory in self._pyx_factories.items():
            setattr(self, name, factory())

    async def get_state(self, state_class: type["State"]) -> "State":
        """`other = await self.get_state(OtherState)`: this client's instance of another State."""
        client = self.__dict__["_pyx_client"]
        other = client.get(getattr(state_class, "_pyx_name", None))
        if other is None or not isinstance(other, state_class):
            known = ", ".join(type(s).__name__ for s in client.values())
            raise ValueError(f"get_state({getattr(state_class, '__name__', state_class)!r}): not a State of this app ({known})")
        return other


# --- declaring a State subclass -------------------------------------------------------------

# `reset` may be redefined: pyxjs apps written before State.reset existed named handlers so
# (Reflex refuses the name, so no Reflex app does).
_RESERVED = frozenset(name for name in vars(State) if not name.startswith("__") and name != "reset") | {"router"}


def _declare(cls: type[State]) -> None:
    """Read the class body: vars, backend vars, computed vars, handlers, auto setters."""
    own: dict[str, Any] = {}
    annotations: dict[str, Any] = {}
    for klass in [*reversed([m for m in cls.__mro__[1:] if is_mixin(m)]), cls]:  # mixins' bodies are ours
        own.update((k, v) for k, v in klass.__dict__.items() if k != "__annotations__")
        annotations.update(klass.__dict__.get("__annotations__", {}))
    try:
        hints = typing.get_type_hints(cls) if annotations else {}
    except Exception as exc:
        raise TypeError(f"{cls.__name__}: cannot evaluate its annotations ({exc})") from exc

    # Only what this class declares: what it inherits lives on its ancestors' instances.
    parent = parent_state_of(cls)
    inherited = inherited_names(parent)
    vars_: dict[str, StateVar] = {}
    backend: dict[str, Any] = {}
    computed: dict[str, ComputedInfo] = {}
    storage: dict[str, StoredVar] = {}
    explicit_deps: dict[str, set[str | tuple[str, str]]] = {}
    remote_deps: list[tuple[type, str, str]] = []  # (declaring state, var, computed var of cls)

    new_refs: dict[str, Any] = {}
    factories: dict[str, Callable[[], Any]] = {}  # rx.field(default_factory=...)
    for name in annotations:
        annotation = hints.get(name, annotations[name])
        if typing.get_origin(annotation) is ClassVar:
            continue
        value = own.get(name, _MISSING)
        is_var = True
        if isinstance(value, FieldSpec):
            if value.factory is not None:
                factories[name] = value.factory
            value, is_var = value.default, value.is_var
        if isinstance(value, ComputedVar):
            raise TypeError(f"{cls.__name__}.{name}: a computed var is declared with @rx.var on a method, not annotated")
        if isinstance(value, ClientStorage):
            storage[name] = _stored(cls, name, annotation, value)
            value = value.default
        else:
            storage.pop(name, None)  # a subclass redeclared it as a plain var
        _add_var(cls, name, annotation, _default_for(cls, name, annotation, value), is_var, vars_, backend, new_refs)

    for name, value in list(own.items()):
        if name in annotations or name.startswith(("__", "_pyx")):
            continue
        if isinstance(value, ComputedVar):
            if name.startswith("_"):  # private: computed for handlers, never sent
                new_refs[name] = PrivateComputedRef(name, value.fn)
                continue
            _check_name(cls, name)
            vars_[name] = StateVar(name, value.type, None, computed=True)
            computed[name] = ComputedInfo(name, value.fn, value.cache, value.auto_deps, value.is_async, value.interval,
                                          value.initial_value)
            for state, dep in value.explicit_deps:
                remote_deps.append((state, dep, name))
            new_refs[name] = (AsyncComputedRef if value.is_async else ComputedRef)(cls, name)
        elif isinstance(value, ClientStorage):
            storage[name] = _stored(cls, name, type(value.default), value)
            vars_[name] = StateVar(name, type(value.default), value.default)
            new_refs[name] = VarRef(cls, name)
        elif isinstance(value, FieldSpec):
            if value.factory is not None:
                factories[name] = value.factory
            _add_var(cls, name, type(value.default), value.default, value.is_var, vars_, backend, new_refs)
        elif _is_plain_attribute(value):
            # Unannotated `items = ["a"]`: Reflex makes it a var of the value's type, so do we;
            # a constant that never updates would be a silent trap.
            _add_var(cls, name, type(value), value, True, vars_, backend, new_refs)

    handlers: dict[str, Callable[..., Any]] = {}
    for base in reversed(cls.__mro__[1:]):
        handlers.update(base.__dict__.get("_pyx_handlers", {}))
    for name, value in list(own.items()):
        if name.startswith("_") or name in new_refs or isinstance(value, type):
            continue
        if isinstance(value, (staticmethod, classmethod)):
            handlers[name] = value
        elif callable(value):
            if name in _RESERVED:
                raise TypeError(f"{cls.__name__}.{name}: the name is used by rx.State itself; rename the method")
            handlers[name] = value
            setattr(cls, name, HandlerSlot(value, name))
        elif isinstance(value, HandlerSlot):  # copied from another class body
            handlers[name] = value.function
    for name, var in vars_.items():
        setter = f"set_{name}"
        if not var.computed and setter not in handlers and setter not in own:
            function = _auto_setter(name, var.type)
            handlers[setter] = function
            setattr(cls, setter, HandlerSlot(function, setter))

    for name, ref in new_refs.items():
        setattr(cls, name, ref)
    for name in (*vars_, *backend):
        inherited.pop(name, None)  # redeclared here: this class's own var
    for name in inherited:
        if name in own:
            raise TypeError(f"{cls.__name__}.{name}: the name is a var of {inherited[name].__name__}, which {cls.__name__} derives from")
    install_inherited(cls, inherited)
    cls._pyx_parent_class = parent
    cls._pyx_inherited = inherited
    cls._pyx_vars = vars_
    cls._pyx_backend = backend
    cls._pyx_computed = computed
    cls._pyx_sync_computed = tuple(name for name, info in computed.items() if not info.is_async)
    cls._pyx_async_computed = tuple(name for name, info in computed.items() if info.is_async)
    cls._pyx_intervals = {name: info.interval for name, info in computed.items() if info.interval is not None}
    cls._pyx_dependents = explicit_deps
    for state, dep, name in remote_deps:
        _declare_dep(cls, state, dep, name)
    cls._pyx_assignable = frozenset(name for name, var in vars_.items() if not var.computed) | frozenset(backend)
    cls._pyx_uncached = tuple(name for name, info in computed.items() if not info.cache and not info.is_async)
    cls._pyx_uncached_async = tuple(name for name, info in computed.items() if not info.cache and info.is_async)
    cls._pyx_handlers = handlers
    cls._pyx_storage = storage
    cls._pyx_factories = factories


def _add_var(cls: type, name: str, annotation: Any, default: Any, is_var: bool,
             vars_: dict[str, StateVar], backend: dict[str, Any], new_refs: dict[str, Any]) -> None:
    """A plain var: sent to the page, or kept on the server (`_name`, `rx.field(is_var=False)`)."""
    if name.startswith("_"):
        backend[name] = default
    elif not is_var:
        _check_name(cls, name)
        backend[name] = default
        new_refs[name] = ServerOnlyField(cls.__name__, name)
    else:
        _check_name(cls, name)
        vars_[name] = StateVar(name, annotation, default)
        new_refs[name] = VarRef(cls, name)


def _declare_dep(cls: type[State], state: type | None, dep: str, name: str) -> None:
    """`@rx.var(deps=[...])`: a var of this state, of an ancestor, or `Other.var` of another state."""
    if state is None or state is cls:
        owner = cls._pyx_inherited.get(dep, cls)
    else:
        owner = state._pyx_inherited.get(dep, state)
    if owner is cls:
        cls._pyx_dependents.setdefault(dep, set()).add(name)
    else:
        owner._pyx_dependents.setdefault(dep, set()).add((cls._pyx_name, name))


def _stored(cls: type, name: str, annotation: Any, storage: ClientStorage) -> StoredVar:
    if name.startswith("_"):
        raise TypeError(f"{cls.__name__}.{name}: {storage!r} lives in the browser, so it needs a public name")
    _check_name(cls, name)
    return stored_var(state_name_for(cls.__name__), name, annotation, storage)


def _default_for(cls: type, name: str, annotation: Any, value: Any) -> Any:
    if value is not _MISSING:
        return value
    inherited = next((b.__dict__["_pyx_vars"][name] for b in cls.__mro__[1:] if name in b.__dict__.get("_pyx_vars", {})), None)
    if inherited is not None:
        return inherited.default
    try:
        return zero_value(annotation)
    except NoZeroValue as exc:
        raise TypeError(
            f"{cls.__name__}.{name} needs a default value ({exc}), e.g. `{name}: {type_label(annotation)} = ...`"
        ) from None


def _check_name(cls: type, name: str) -> None:
    if name in _RESERVED:
        raise TypeError(f"{cls.__name__}.{name}: the name is used by rx.State itself; rename the var")


def _is_plain_attribute(value: Any) -> bool:
    """A value that reads as a var: not a method, descriptor, class or handler slot."""
    if isinstance(value, (type, staticmethod, classmethod, property, HandlerSlot, VarRef)):
        return False
    if callable(value) or hasattr(value, "__get__"):
        return False
    return True


class SetvarError(ValueError):
    def __init__(self, message: str, hint: str) -> None:
        super().__init__(f"{message}: {hint}")
        self.message, self.hint = message, hint


def settable_var(cls: type, name: Any) -> None:
    """Raises unless `name` is a var of `cls` that setvar may set (not computed, not backend)."""
    var = cls._pyx_vars.get(name) if isinstance(name, str) else None
    if var is None or var.computed:
        settable = ", ".join(repr(n) for n, v in cls._pyx_vars.items() if not v.computed) or "none"
        raise SetvarError(f"{cls.__name__}.setvar({name!r}): not a var of {cls.__name__} that can be set "
                          f"(its vars: {settable})", "name a plain var: a computed var follows the vars it reads")


def setvar_setter(cls: type, name: Any) -> str:
    """The handler `cls.setvar(name)` stands for (`set_<name>`), or why there is none."""
    settable_var(cls, name)
    setter = f"set_{name}"
    if not getattr(cls._pyx_handlers.get(setter), "_pyx_auto_setter", False):
        raise SetvarError(f"{cls.__name__}.setvar({name!r}) would run your own {setter}(), which may do more "
                          "than set the var", f"use `{cls.__name__}.{setter}` itself")
    return setter


def _fresh(default: Any) -> Any:
    """A var's default as one client (or a reset) gets it: its own copy of a mutable value."""
    return default if type(default) in _PLAIN else copy.deepcopy(default)


def _auto_setter(name: str, annotation: Any) -> Callable[..., Any]:
    def setter(self, value):
        setattr(self, name, value)

    setter.__name__ = setter.__qualname__ = f"set_{name}"
    setter.__annotations__ = {"value": annotation}
    setter.__doc__ = f"Set {name} (generated, as Reflex does for every var)."
    setter._pyx_auto_setter = True  # type: ignore[attr-defined] - State.setvar may stand for it
    return setter


def _shallow_copy(container: Any) -> Any:
    base = type(container).__mro__[1]  # list, dict or set under the tracked subclass
    return base(container)


def _restore(container: Any, saved: Any) -> None:
    if isinstance(container, list):
        list.__setitem__(container, slice(None), saved)
    elif isinstance(container, dict):
        dict.clear(container)
        dict.update(container, saved)
    else:
        set.clear(container)
        set.update(container, saved)


def _differs(old: Any, new: Any) -> bool:
    if old is new:
        return type(new) not in _PLAIN  # the same container may have changed inside
    try:
        return bool(old != new) or type(old) is not type(new)
    except Exception:  # e.g. arrays whose != is not a bool
        return True


def _encode_or_none(value: Any) -> str | None:
    try:
        return encode(value)
    except (TypeError, ValueError):
        return None
