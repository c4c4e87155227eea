"""`rx.Base` models (older Reflex apps' structured values) behave as Reflex's do: keyword
construction, per-instance mutable defaults, .dict()/.json()/.copy(), and as var values they
serialize, track field writes and convert handler arguments like dataclasses."""

from __future__ import annotations

import datetime
import json
import textwrap

import pytest

import pyxjs as rx
from pyxjs.state.convert import converter_for
from pyxjs.state.serialize import encode
from tests.support.render import compare


class BaseTag(rx.Base):
    label: str


class BaseUser(rx.Base):
    name: str
    age: int = 0
    tags: list[BaseTag] = []
    seen: datetime.date = datetime.date(2024, 1, 2)


class BaseAdmin(BaseUser):
    level: int = 1


class BaseState(rx.State):
    users: list[BaseUser] = [BaseUser(name="ann")]
    chosen: BaseUser = BaseUser(name="bob", age=3)

    def add(self, user: BaseUser):
        self.users.append(user)


def test_keyword_construction_defaults_and_equality():
    user = BaseUser(name="ann")
    assert (user.name, user.age, user.tags) == ("ann", 0, [])
    assert user == BaseUser(name="ann") and user != BaseUser(name="ann", age=1)
    with pytest.raises(TypeError):
        BaseUser("ann")  # pydantic models take keywords only
    with pytest.raises(TypeError):
        BaseUser(age=1)  # a field without a default is required


def test_a_mutable_default_is_not_shared_between_instances():
    first, second = BaseUser(name="a"), BaseUser(name="b")
    first.tags.append(BaseTag(label="x"))
    assert second.tags == []


def test_a_subclass_keeps_its_parents_fields():
    admin = BaseAdmin(name="root", level=3)
    assert (admin.name, admin.age, admin.level) == ("root", 0, 3)


def test_dict_json_and_copy():
    user = BaseUser(name="ann", tags=[BaseTag(label="x")])
    assert user.dict() == {"name": "ann", "age": 0, "tags": [{"label": "x"}], "seen": "2024-01-02"}
    assert json.loads(user.json()) == user.dict()
    older = user.copy(update={"age": 9})
    assert (older.age, user.age) == (9, 0) and older.tags is user.tags
    deep = user.copy(deep=True)
    assert deep == user and deep.tags is not user.tags


def test_as_a_var_it_is_sent_as_its_fields_and_field_writes_are_seen():
    state = BaseState()
    assert json.loads(encode(state.pyx_snapshot()))["chosen"] == {"name": "bob", "age": 3, "tags": [], "seen": "2024-01-02"}
    state.pyx_take_delta()
    state.chosen.age = 4
    whole, _ = state.pyx_take_delta()
    assert whole["chosen"].age == 4
    state.users[0].name = "anna"
    whole, tails = state.pyx_take_delta()
    assert "users" in {**whole, **(tails or {})}


def test_a_handler_argument_is_built_from_the_page_s_dict():
    convert = converter_for(BaseUser)
    user = convert({"name": "cy", "age": "5", "tags": [{"label": "t"}]})
    assert user == BaseUser(name="cy", age=5, tags=[BaseTag(label="t")])


def test_fields_read_in_a_component_show_what_python_shows(tmp_path):
    """The transpiled page (run in node) against CPython running the same component."""
    path = tmp_path / "base_model_app.py"
    path.write_text(textwrap.dedent('''\
        from typing import Optional

        import pyxjs as rx


        class Tag(rx.Base):
            label: str


        class Person(rx.Base):
            name: str
            age: int = 0
            tags: list[Tag] = []


        class People(rx.State):
            people: list[Person] = [Person(name="ann", tags=[Tag(label="x")])]
            chosen: Optional[Person] = None


        def row(person: Person):
            return rx.text(f"{person.name} ({person.age})", ", ".join(t.label for t in person.tags))


        def index():
            return rx.vstack(
                rx.foreach(People.people, row),
                rx.text(People.chosen.name) if People.chosen else rx.text("nobody"),
                rx.text(sum(p.age for p in People.people)),
            )


        app = rx.App()
        app.add_page(index)
        '''))
    scenarios = [
        {},
        {"people": {"people": [{"name": "bo", "age": 4, "tags": []}, {"name": "cy", "age": 1, "tags": [{"label": "a"}, {"label": "b"}]}],
                    "chosen": {"name": "bo", "age": 4, "tags": []}}},
    ]
    assert compare(path, scenarios) == []
