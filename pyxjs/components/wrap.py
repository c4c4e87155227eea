"""A component class from npm (or a .jsx file of the app) -> the ComponentSpec the transpiler reads.

    class DatePicker(rx.Component):
        library = "react-day-picker@10.0.2"      # npm name@exact version, or "./Fancy.jsx"
        tag = "DayPicker"                        # the export to render
        is_default = False                       # named export (True: the module's default)
        lib_dependencies = ["date-fns@4.1.0"]    # more packages to install (optional)
        mode: rx.Var[str] = "single"             # a typed prop (a value: its default)
        on_select: rx.EventHandler[lambda day: [day]]

        def add_imports(self): return {"": "pkg/style.css", "react": ["useEffect"]}
        def add_hooks(self): return ["useEffect(() => ..., []);"]   # in the rendering function
        def add_custom_code(self): return ["function helper() {...}"]  # at module level
        def add_style(self): return {"z_index": 50}  # base CSS; the call's style props win

A class without a `tag` is a base for others (sharing `library`, props and triggers).
Reflex's older spellings are read too: `_get_imports()` (values `ImportVar`s or strings, one or a
set/list), `_get_hooks()` / `_get_custom_code()` (a string or None), `get_event_triggers()`
(trigger -> spec), `render()` returning "" (the element renders nothing; its hooks still run).
A hook that reads the element (`self.keys`, `self.event_triggers[...]`) is made per element
(pyxjs/components/element_hooks.py).
Mistakes are TypeErrors raised at the class statement, so the loader points at that line.
"""

from __future__ import annotations

import functools
import inspect
import linecache
import json
import re
from pathlib import Path
from typing import Any

from pyxjs.components import element_hooks
from pyxjs.components.css import style_keys
from pyxjs.components.event_specs import EventHandler, EventTrigger, event_spec_from
from pyxjs.components.spec import ComponentSpec

# npm's package names (optionally scoped) and an exact version: builds must be reproducible.
_LIBRARY = re.compile(r"^(?P<name>(?:@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*)(?:@(?P<version>.*))?$")
_EXACT_VERSION = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$")
LOCAL_SUFFIXES = (".jsx", ".js", ".tsx", ".ts")
LOCAL_DIR = "./local/"  # where the build copies a wrapped .jsx file, beside the generated modules


def parse_library(text: Any, where: str) -> tuple[str, str]:
    """"react-day-picker@10.0.2" -> ("react-day-picker", "10.0.2")."""
    match = _LIBRARY.match(text) if isinstance(text, str) else None
    if match is None:
        raise TypeError(f"{where}: {text!r} is not an npm package; write it as \"name@1.2.3\"")
    name, version = match["name"], match["version"]
    if not version or not _EXACT_VERSION.match(version):
        raise TypeError(f"{where}: {text!r} needs an exact version, so every build installs the same code; "
                        f"write e.g. \"{name}@1.2.3\" (`npm view {name} version` shows the latest)")
    return name, version


def is_local_library(library: str) -> bool:
    return library.startswith(("./", "../")) or library.endswith(LOCAL_SUFFIXES)


def js_prop_name(name: str) -> str:
    """Python's snake_case prop -> React's camelCase (`data_key` -> `dataKey`)."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def declared_at(cls: type) -> str:
    try:
        path = inspect.getfile(cls)
    except TypeError:
        return cls.__qualname__
    # A top-level class's `class Name` line, found in the cached lines: inspect.getsourcelines
    # parses the whole file again for every class (15 recharts classes: a tenth of a build).
    pattern = re.compile(rf"\s*class\s+{re.escape(cls.__name__)}\b")
    if "." not in cls.__qualname__:
        for number, line in enumerate(linecache.getlines(path), 1):
            if pattern.match(line):
                return f"{Path(path).name}:{number}"
    try:
        return f"{Path(path).name}:{inspect.getsourcelines(cls)[1]}"
    except (OSError, TypeError):
        return cls.__qualname__


def declare(cls: type, roots: tuple[type, ...]) -> ComponentSpec | None:
    """The spec of a component class (None for a base class without a `tag`); `roots` are
    pyxjs's own base classes, whose fields are not props."""
    tag = getattr(cls, "tag", None)
    if tag is None:
        return None
    where = f"class {cls.__name__}"
    if not isinstance(tag, str) or not re.fullmatch(r"[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*", tag):
        raise TypeError(f"{where}: tag = {tag!r} must be the JS export's name, e.g. tag = \"DayPicker\"")
    runtime_tag = bool(getattr(cls, "_pyx_runtime_tag", False))  # rx.Fragment and its subclasses: React's own
    library = getattr(cls, "library", None)
    if not runtime_tag and (not isinstance(library, str) or not library):
        raise TypeError(f"{where}: set library = \"package@1.2.3\" (the npm package {tag} comes from) "
                        "or library = \"./File.jsx\" (a file beside the app)")
    is_default = bool(getattr(cls, "is_default", False))
    local_file = None
    if runtime_tag:
        package, npm = None, []
    elif is_local_library(library):
        local_file = _local_file(cls, library, where)
        package, npm = LOCAL_DIR + local_file.name, []
    else:
        name, version = parse_library(library, where)
        package, npm = name, [(name, version)]
    npm += [parse_library(dep, f"{where}: lib_dependencies") for dep in getattr(cls, "lib_dependencies", [])]
    props, events, defaults, specs = _members(cls, roots, where)
    side_imports, named_imports = _imports(cls, where, {name for name, _ in npm})
    own = functools.partial(_own_method, cls, roots)
    params = {name: element_hooks.trigger_params(spec) for name, spec in specs.items()}
    readable = tuple(dict.fromkeys([*props, "id"]))  # what a hook method may read of its element
    hooks, per_element = element_hooks.split_hooks(cls, readable, params, where, own)
    custom_code = tuple(code for method in ("add_custom_code", "_get_custom_code") if own(method)
                        for code in element_hooks.check_reads_nothing(cls, method, readable, params, where))
    renders_nothing = _renders_nothing(cls, roots, where)
    if runtime_tag:
        js_name = tag
    else:
        import_local = _import_local(package, tag.split(".")[0])
        js_name = ".".join([import_local, *tag.split(".")[1:]])
    return ComponentSpec(
        cls.__name__, js_name, events,
        accepts_children=bool(getattr(cls, "accepts_children", True)) and not renders_nothing,
        props=frozenset(props), defaults=defaults,
        # Declared props are React's camelCase, `data_key` too (which would otherwise be an HTML data- attribute).
        renames={name: js_prop_name(name) for name in props}, package=package, is_default=is_default, npm=tuple(npm),
        local_file=str(local_file) if local_file else None, side_imports=side_imports, named_imports=named_imports,
        hooks=hooks, custom_code=custom_code, element_hooks=per_element, renders_nothing=renders_nothing,
        base_style=_style(cls, where),
        prop_types=props, origin=f"class {cls.__name__} at {declared_at(cls)}", label=f"{cls.__name__}.create", export="default" if is_default else tag.split(".")[0],
    )


def _own_method(cls: type, roots: tuple[type, ...], method: str) -> bool:
    """Whether the class (or a base of the app's) defines `method`, not only pyxjs's base."""
    return any(method in klass.__dict__ for klass in cls.__mro__ if klass not in roots and klass is not object)


def _renders_nothing(cls: type, roots: tuple[type, ...], where: str) -> bool:
    """Reflex's `render()` returning "": an element with no visual part (only its hooks)."""
    if not _own_method(cls, roots, "render"):
        return False
    try:
        rendered = cls.render(object.__new__(cls))
    except Exception as exc:
        raise TypeError(f"{where}.render() failed: {type(exc).__name__}: {exc}") from None
    if rendered not in ("", None):
        raise TypeError(f"{where}.render() returns {rendered!r}; pyxjs renders a class by its tag, so render() "
                        "may only return \"\" (the element renders nothing and only runs its hooks)")
    return True


def _import_local(package: str, export: str) -> str:
    # `$` keeps it apart from every Python name; the package part keeps two packages' `Tooltip`s apart.
    return "$" + re.sub(r"[^A-Za-z0-9]+", "_", package).strip("_") + "$" + export


def _local_file(cls: type, library: str, where: str) -> Path:
    folder = Path(inspect.getfile(cls)).resolve().parent
    path = (folder / library).resolve()
    if path.suffix not in LOCAL_SUFFIXES:
        raise TypeError(f"{where}: library = {library!r}: a local component is a {'/'.join(LOCAL_SUFFIXES)} file")
    if not path.is_file():
        raise TypeError(f"{where}: library = {library!r}: no such file {path}; "
                        "the path is relative to the folder of the file that declares the class")
    return path


def _members(cls: type, roots: tuple[type, ...], where: str) -> tuple[dict, dict, dict, dict]:
    """Annotated fields of the class and its wrapped bases: props (name -> type), triggers,
    defaults, and each trigger's spec function."""
    props: dict[str, Any] = {}
    events: dict[str, Any] = {}
    defaults: dict[str, Any] = {}
    specs: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        if klass in roots or not issubclass(klass, roots[0]):
            continue
        try:
            annotations = inspect.get_annotations(klass, eval_str=True)
        except NameError as exc:  # a string annotation (`from __future__ import annotations`) naming a local
            raise TypeError(f"{where}: cannot read the annotations of {klass.__name__}: {exc}; "
                            "declare wrapped components at module level") from None
        for name, annotation in annotations.items():
            if name.startswith("_"):
                continue
            if isinstance(annotation, EventTrigger) or annotation is EventHandler:
                if not name.startswith("on_"):
                    raise TypeError(f"{where}: event trigger `{name}` must be named on_<something>")
                spec = annotation.spec if isinstance(annotation, EventTrigger) else (lambda: [])
                events[name] = event_spec_from(js_prop_name(name), spec, f"{where}.{name}")
                specs[name] = spec
                continue
            props[name] = annotation
            if name in klass.__dict__:
                value = klass.__dict__[name]
                try:
                    json.dumps(value)
                except TypeError:
                    raise TypeError(f"{where}.{name}: a prop's default must be a JSON value, not {value!r}") from None
                defaults[js_prop_name(name)] = value
    if _own_method(cls, roots, "get_event_triggers"):  # Reflex's older spelling: trigger -> spec
        triggers = cls.get_event_triggers(object.__new__(cls))
        if not isinstance(triggers, dict) or not all(isinstance(k, str) and callable(v) for k, v in triggers.items()):
            raise TypeError(f"{where}.get_event_triggers() returns a dict: trigger name -> spec function "
                            "(\"on_key_down\": lambda e0: [e0.key])")
        for name, spec in triggers.items():
            if not name.startswith("on_"):
                raise TypeError(f"{where}.get_event_triggers(): trigger `{name}` must be named on_<something>")
            events[name] = event_spec_from(js_prop_name(name), spec, f"{where}.get_event_triggers()[{name!r}]")
            specs[name] = spec
    return props, events, defaults, specs


def _imports(cls: type, where: str, packages: set[str]) -> tuple[tuple[str, ...], tuple[tuple[str, str, str], ...]]:
    """Reflex's `add_imports()` / `_get_imports()`: `{"": "pkg/style.css"}` imports a module for
    its effect; `{"react": [ImportVar(tag="useEffect")], "pkg/sub": "helper"}` imports names the
    hooks and custom code use (a name, or an ImportVar with `is_default`/`alias`; one, or a
    list/set), from react or a package the class installs (its library or lib_dependencies).
    Named imports are (module, exported name, local name)."""
    imports = cls._get_imports(object.__new__(cls))
    if not isinstance(imports, dict) or not all(isinstance(module, str) for module in imports):
        raise TypeError(f"{where}.add_imports() returns a dict: module -> name or list of names "
                        "(\"\" -> modules imported for their effect)")
    side: list[str] = []
    named: list[tuple[str, str, str]] = []
    for module, names in imports.items():
        items = list(names) if isinstance(names, (list, tuple, set, frozenset)) else [names]
        for item in sorted(items, key=str) if isinstance(names, (set, frozenset)) else items:
            imported, local = _import_names(item, where, module)
            if module == "":
                side.append(local)
                continue
            if _package_of(module) not in packages | {"react", "react-dom"}:
                raise TypeError(f"{where}.add_imports(): {module!r} is not from a package this class installs; "
                                f"add it to lib_dependencies as \"{_package_of(module)}@1.2.3\"")
            if not re.fullmatch(r"[A-Za-z_$][\w$]*", local) or not re.fullmatch(r"[A-Za-z_$][\w$]*", imported):
                raise TypeError(f"{where}.add_imports(): {local!r} is not a JS export name")
            if (module, imported, local) not in named:
                named.append((module, imported, local))
    return tuple(dict.fromkeys(side)), tuple(named)


def _import_names(item: Any, where: str, module: str) -> tuple[str, str]:
    """A name or an ImportVar -> (exported name, local name)."""
    from pyxjs.utils.imports import ImportVar

    if isinstance(item, ImportVar):
        if not item.tag:
            raise TypeError(f"{where}.add_imports(): {module!r} -> an ImportVar needs a tag")
        return ("default" if item.is_default else item.tag), item.alias or item.tag
    if not isinstance(item, str) or not item:
        raise TypeError(f"{where}.add_imports(): {module!r} -> each import is a non-empty string or an ImportVar")
    return item, item


def _package_of(module: str) -> str:
    parts = module.split("/")
    return "/".join(parts[:2]) if module.startswith("@") else parts[0]


def _style(cls: type, where: str) -> dict[str, Any]:
    """Reflex's `add_style()`: the element's base CSS (`{"z_index": 50}`), which the call's own
    style props override; written as React style keys."""
    add_style = getattr(cls, "add_style", None)
    if add_style is None:
        return {}
    style = add_style(object.__new__(cls))
    if not isinstance(style, dict) or not all(isinstance(k, str) and isinstance(v, (str, int, float))
                                              for k, v in style.items()):
        raise TypeError(f"{where}.add_style() returns a dict of CSS property -> str or number")
    return {key: value for name, value in style.items() for key in style_keys(name)}

