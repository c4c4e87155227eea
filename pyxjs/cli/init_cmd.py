"""`pyx init [DIR] [--template blank|counter|dashboard|multipage]`: a new project in Reflex's layout.

The templates are data (pyxjs/templates/<name>/, plus common/ for the files every project gets):
`__app__` in a path and `{{app_name}}` / `{{template}}` in a text become the app's name, a
`.tmpl` suffix goes, and every Python file is formatted with black. Nothing is written when any
file the project needs already exists.
"""

from __future__ import annotations

import keyword
import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

import click

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates"
TEMPLATES = ("blank", "counter", "dashboard", "multipage")
# The files every project gets, from common/: template path -> project path.
COMMON_FILES = {
    "rxconfig.py.tmpl": "rxconfig.py",
    "gitignore.tmpl": ".gitignore",
    "README.md.tmpl": "README.md",
    "__init__.py.tmpl": "__app__/__init__.py",
}
# Names an app package must not take: it would shadow pyxjs (or Reflex's name for it) on sys.path.
TAKEN_NAMES = {"pyxjs", "reflex", "rxconfig", "assets", "app", "pages", "components"}


def app_name_for(folder: Path) -> str:
    """The folder's name as a Python package name: `My Shop-2` -> `my_shop_2`."""
    name = re.sub(r"\W+", "_", folder.name.lower(), flags=re.ASCII).strip("_") or "app"
    if name[0].isdigit():
        name = f"app_{name}"
    if keyword.iskeyword(name) or name in TAKEN_NAMES or name in sys.stdlib_module_names:
        name = f"{name}_app"
    return name


@dataclass(frozen=True)
class PlannedFile:
    path: Path  # inside the project folder
    text: str


def plan(folder: Path, template: str, app_name: str) -> list[PlannedFile]:
    """Every file of the new project with its text, nothing written yet."""
    sources = {TEMPLATES_DIR / "common" / name: target for name, target in COMMON_FILES.items()}
    base = TEMPLATES_DIR / template
    for path in sorted(base.rglob("*.tmpl")):
        sources[path] = path.relative_to(base).as_posix().removesuffix(".tmpl")
    files = []
    for source, target in sources.items():
        text = source.read_text(encoding="utf-8").replace("{{app_name}}", app_name).replace("{{template}}", template)
        relative = target.replace("__app__", app_name)
        if relative.endswith(".py"):
            text = format_python(text, relative)
        files.append(PlannedFile(folder / relative, text))
    return files


def format_python(text: str, where: str) -> str:
    import black  # only `pyx init` and `pyx wrap` pay for its import

    try:
        return black.format_str(text, mode=black.Mode())
    except black.InvalidInput as exc:  # a template pyxjs ships is broken: say which
        raise click.ClickException(f"internal: the template for {where} is not valid Python: {exc}") from None


@click.command(help="Create a new app in DIR (default: the current folder), laid out as Reflex lays one out: "
                    "rxconfig.py, the app package, assets/, a .gitignore and a README. Never overwrites a file.")
@click.argument("folder", metavar="[DIR]", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.option("--template", type=click.Choice(TEMPLATES), default="counter", show_default=True,
              help="blank: one page; counter: a State and buttons; dashboard: stat cards, a filter and a table; "
                   "multipage: pages/ and components/ subpackages sharing a State.")
def init(folder: Path | None, template: str) -> None:
    folder = (folder or Path.cwd()).resolve()
    if folder.exists() and not folder.is_dir():
        raise click.ClickException(f"{folder} is a file; pass a folder for the new project")
    app_name = app_name_for(folder)
    files = plan(folder, template, app_name)
    existing = [f.path for f in files if f.path.exists()]
    if existing:
        listed = "\n".join(f"  {path}" for path in existing)
        click.echo(f"error: pyx init would overwrite {'this file' if len(existing) == 1 else 'these files'}:\n"
                   f"{listed}\nnothing was written; hint: init a new folder (`pyx init my_app`), "
                   "or move those files away first", err=True)
        raise SystemExit(1)
    for planned in files:
        planned.path.parent.mkdir(parents=True, exist_ok=True)
        planned.path.write_text(planned.text, encoding="utf-8")
    (folder / "assets").mkdir(exist_ok=True)
    click.echo(f"Created the {template} app `{app_name}` in {folder} ({len(files)} files).")
    shown = _shown_path(folder)
    step = "pyx run" if shown == "." else f"cd {shlex.quote(shown)} && pyx run"
    click.echo(f"Next: {step}    (builds it and serves http://127.0.0.1:8000)")


def _shown_path(folder: Path) -> str:
    try:
        relative = folder.relative_to(Path.cwd().resolve())
    except ValueError:
        return str(folder)
    return relative.as_posix() if relative.parts else "."
