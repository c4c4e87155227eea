"""`pyx wrap PACKAGE COMPONENT [--out FILE]`: a starting Python wrapper from the package's types."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click


@click.command()
@click.argument("package")
@click.argument("component")
@click.option("--out", "out_file", type=click.Path(path_type=Path), default=None,
              help="Write the wrapper to this file (default: print it).")
def wrap(package: str, component: str, out_file: Path | None) -> None:
    """Write a pyxjs wrapper class for COMPONENT of the npm PACKAGE (name or name@version),
    read from its TypeScript prop types."""
    from pyxjs.bundler.errors import BuildError
    from pyxjs.wrap.dts import DtsError, find_component
    from pyxjs.wrap.install import InstallError, declaration_text, install
    from pyxjs.wrap.writer import wrapper_source

    if out_file is not None and out_file.exists():
        raise click.ClickException(f"{out_file} exists; pass another --out, or remove it first")
    with tempfile.TemporaryDirectory(prefix="pyx-wrap-") as folder:
        try:
            click.echo(f"installing {package} to read its types ...", err=True)
            name, version, package_dir = install(package, Path(folder))
            types = find_component(declaration_text(package_dir), component)
        except (InstallError, DtsError, BuildError) as exc:
            raise click.ClickException(f"{package}: {exc}") from None
    source = wrapper_source(types, name, version)
    if out_file is None:
        click.echo(source, nl=False)
        return
    out_file.write_text(source, encoding="utf-8")
    click.echo(f"wrote {out_file}: class {types.name} with {len(types.members)} props read from "
               f"{types.props_type}", err=True)
