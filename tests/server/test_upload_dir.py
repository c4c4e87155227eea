"""rx.get_upload_dir(): relative, as Reflex returns it, and still the folder the server serves."""

from __future__ import annotations

from pathlib import Path

import pytest

import pyxjs as rx
from pyxjs import upload_dir


@pytest.fixture
def app_in(monkeypatch):
    monkeypatch.delenv(upload_dir.ENV_VAR, raising=False)
    monkeypatch.delenv(upload_dir.REFLEX_ENV_VAR, raising=False)
    monkeypatch.setattr(upload_dir, "_app_dir", None)
    return lambda folder: upload_dir.set_app_dir(folder)


def test_an_app_run_from_its_folder_gets_the_relative_uploaded_files(app_in, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app_in(tmp_path)
    folder = rx.get_upload_dir()
    assert folder == Path("uploaded_files") and not folder.is_absolute()
    assert (tmp_path / "uploaded_files").is_dir()
    assert str(folder / "a.png") == "uploaded_files/a.png"


def test_an_app_in_a_subfolder_is_named_from_the_working_directory(app_in, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app_in(tmp_path / "shop")
    assert rx.get_upload_dir() == Path("shop/uploaded_files")


def test_an_app_outside_the_working_directory_keeps_its_folder_beside_it(app_in, tmp_path, monkeypatch):
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    app_in(tmp_path / "app")
    assert rx.get_upload_dir() == (tmp_path / "app" / "uploaded_files").resolve()


def test_the_environment_names_the_folder_as_given(app_in, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app_in(tmp_path)
    monkeypatch.setenv(upload_dir.REFLEX_ENV_VAR, "files/in")
    assert rx.get_upload_dir() == Path("files/in") and (tmp_path / "files" / "in").is_dir()
    monkeypatch.setenv(upload_dir.ENV_VAR, "mine")
    assert rx.get_upload_dir() == Path("mine")
