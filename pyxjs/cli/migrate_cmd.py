"""`pyx migrate [DIR] [--check] [--diff] [--no-build]`: a Reflex project's imports to pyxjs, then
the build's checks. Exit codes: 0 done or nothing to do, 1 a rewrite is pending (--check) or
problems remain, 2 usage error (no such folder, not a Reflex project)."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("folder", type=click.Path(path_type=Path), default=".", required=False)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when a rewrite is needed (for CI).")
@click.option("--diff", "show_diff", is_flag=True, help="Write nothing; print the rewrite as a unified diff.")
@click.option("--no-build", is_flag=True, help="Only rewrite the imports; skip the build's checks.")
def migrate(folder: Path, check: bool, show_diff: bool, no_build: bool) -> None:
    """Move the Reflex project in FOLDER (default: here) over to pyxjs: rewrite its reflex imports
    to pyxjs, leaving every other byte as it was, then run the build's checks and list what pyxjs
    still lacks."""
    # Imported here: libcst takes ~0.2s to import, which no other pyx command should pay.
    from pyxjs.migrate import NotAReflexProject, check_build, plan_migration, write_changes
    from pyxjs.migrate.report import counted, format_problem, rewrite_lines, unified_diff
    from pyxjs.transpiler.project import display_path

    try:
        migration = plan_migration(folder)
    except NotAReflexProject as exc:
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(2) from None
    cwd = Path.cwd()

    def display(path: Path) -> str:
        return display_path(path, cwd)

    writes = not (check or show_diff)
    pending = migration.changed
    if show_diff:
        # bytes: CRLF and each file's encoding reach the patch as they are
        click.echo(unified_diff(migration), nl=False)
    if writes:
        write_changes(migration)  # before the problems are listed: a file it cannot write is one
    if pending:
        imports = counted(migration.rewrite_count, "import")
        verb = "rewrote" if writes else "would rewrite"
        click.echo(f"{verb} {imports} in {counted(len(pending), 'file')}:", err=True)
        for line in rewrite_lines(migration, cwd):
            click.echo(line, err=True)
    else:
        click.echo(f"no reflex imports left to rewrite ({counted(len(migration.files), 'Python file')} read)", err=True)

    problems = [format_problem(problem, cwd) for problem in migration.problems]
    on_disk_migrated = writes or not pending  # the build checks the files as they are on disk
    if no_build:
        pass  # asked for
    elif not on_disk_migrated:
        click.echo("build check skipped: run `pyx migrate` without --check/--diff to write the rewrite first", err=True)
    else:
        result = check_build(migration.root, migration.has_rxconfig)
        for warning in result.warnings:
            click.echo(warning, err=True)
        if result.errors:
            problems.append(result.errors)
        elif result.app_file is None:
            click.echo("build check skipped: no rxconfig.py, app.py or main.py here names the app; run `pyx build APP.py` on it", err=True)
        else:
            click.echo(f"checked the build of {display(result.app_file)}: the app loads and compiles "
                       f"({counted(result.pages, 'page')}); `pyx build` bundles it", err=True)
    for problem in problems:
        click.echo("", err=True)
        click.echo(problem, err=True)
    if problems:
        click.echo("\nnot done: the project needs what is listed above before pyxjs runs it", err=True)
    raise SystemExit(1 if problems or (check and pending) else 0)
