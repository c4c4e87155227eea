"""`pyx migrate`: moves a Reflex project over to pyxjs with a libcst codemod of its imports."""

from pyxjs.migrate.build_check import BuildCheck, check_build
from pyxjs.migrate.imports import FileRewrite, rewrite_source
from pyxjs.migrate.project import Migration, NotAReflexProject, plan_migration, write_changes

__all__ = ["BuildCheck", "FileRewrite", "Migration", "NotAReflexProject", "check_build", "plan_migration",
           "rewrite_source", "write_changes"]
