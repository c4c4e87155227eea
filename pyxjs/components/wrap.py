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
Mistakes are TypeErrors raised at the class statement, so the loader points at that line.
"""

from __future__ import annotations

import inspect
import linecache
import json
import re
from pathlib import Path
from typing import Any

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
    library = getattr(cls, "library", None)
    if not isinstance(library, str) or not library:
        raise TypeError(f"{where}: set library = \"package@1.2.3\" (the npm package {tag} comes from) "
                        "or library = \"./File.jsx\" (a file beside the app)")
    is_default = bool(getattr(cls, "is_default", False))
    local_file = None
    if is_local_library(library):
        local_file = _local_file(cls, library, where)
        package, npm = LOCAL_DIR + local_file.name, []
    else:
        name, version = parse_library(library, where)
        package, npm = name, [(name, version)]
    npm += [parse_library(dep, f"{where}: lib_dependencies") for dep in getattr(cls, "lib_dependencies", [])]
    props, events, defaults = _members(cls, roots, where)
    side_imports, named_imports = _imports(cls, where, {name for name, _ in npm})
    import_local = _import_local(package, tag.split(".")[0])
    return ComponentSpec(
        cls.__name__, ".".join([import_local, *tag.split(".")[1:]]), events,
        accepts_children=bool(getattr(cls, "accepts_children", True)),
        props=frozenset(props), defaults=defaults,
        # Declared props are React's camelCase, `data_key` too (which would otherwise be an HTML data- attribute).
        renames={name: js_prop_name(name) for name in props}, package=package, is_default=is_default, npm=tuple(npm),
        local_file=str(local_file) if local_file else None, side_imports=side_imports, named_imports=named_imports,
        hooks=_code(cls, "add_hooks", where), custom_code=_code(cls, "add_custom_code", where),
        base_style=_style(cls, where),
        prop_types=props, origin=f"class {cls.__name__} at {declared_at(cls)}", label=f"{cls.__name__}.create", export="default" if is_default else tag.split(".")[0],
    )


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


def _members(cls: type, roots: tuple[type, ...], where: str) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Annotated fields of the class and its wrapped bases: props (name -> type), triggers, defaults."""
    props: dict[str, Any] = {}
    events: dict[str, Any] = {}
    defaults: dict[str, Any] = {}
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
                continue
            props[name] = annotation
            if name in klass.__dict__:
                value = klass.__dict__[name]
                try:
                    json.dumps(value)
                except TypeError:
                    raise TypeError(f"{where}.{name}: a prop's default must be a JSON value, not {value!r}") from None
                defaults[js_prop_name(name)] = value
    return props, events, defaults


def _imports(cls: type, where: str, packages: set[str]) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Reflex's `add_imports`: `{"": "pkg/style.css"}` imports a module for its effect;
    `{"react": ["useEffect"], "pkg/sub": "helper"}` imports names the hooks and custom code use,
    from react or a package the class installs (its library or lib_dependencies)."""
    add_imports = getattr(cls, "add_imports", None)
    if add_imports is None:
        return (), ()
    imports = add_imports(object.__new__(cls))
    if not isinstance(imports, dict) or not all(isinstance(module, str) for module in imports):
        raise TypeError(f"{where}.add_imports() returns a dict: module -> name or list of names "
                        "(\"\" -> modules imported for their effect)")
    side: list[str] = []
    named: list[tuple[str, str]] = []
    for module, names in imports.items():
        names = [names] if isinstance(names, str) else list(names)
        if not all(isinstance(n, str) and n for n in names):
            raise TypeError(f"{where}.add_imports(): {module!r} -> each import is a non-empty string")
        if module == "":
            side += names
            continue
        if _package_of(module) not in packages | {"react", "react-dom"}:
            raise TypeError(f"{where}.add_imports(): {module!r} is not from a package this class installs; "
                            f"add it to lib_dependencies as \"{_package_of(module)}@1.2.3\"")
        for name in names:
            if not re.fullmatch(r"[A-Za-z_$][\w$]*", name):
                raise TypeError(f"{where}.add_imports(): {name!r} is not a JS export name")
            named.append((module, name))
    return tuple(side), tuple(named)


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


def _code(cls: type, method: str, where: str) -> tuple[str, ...]:
    """Reflex's `add_hooks` / `add_custom_code`: JS text, a list of strings. pyxjs calls them once,
    at the class (not per element), so the code is the same for every element of the class."""
    function = getattr(cls, method, None)
    if function is None:
        return ()
    code = function(object.__new__(cls))
    code = [code] if isinstance(code, str) else code
    if not isinstance(code, (list, tuple)) or not all(isinstance(c, str) for c in code):
        raise TypeError(f"{where}.{method}() returns a list of JS code strings")
    return tuple(c.strip() for c in code if c.strip())
