"""Ships runtime_js/src inside the wheel as pyxjs/runtime_js (the build copies it into each app's
workspace). Everything else about the package is in pyproject.toml."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RUNTIME_SRC = Path(__file__).parent / "runtime_js" / "src"


class BuildPyWithRuntime(build_py):
    def run(self):
        super().run()
        target = Path(self.build_lib) / "pyxjs" / "runtime_js"
        for source in RUNTIME_SRC.rglob("*"):
            if source.is_file() and source.suffix in (".js", ".css"):
                dest = target / source.relative_to(RUNTIME_SRC)
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(source.read_bytes())


setup(cmdclass={"build_py": BuildPyWithRuntime})
