"""Hooks made per element (pyxjs/components/element_hooks.py), run in node: the generated
component's hook statements, with React's hooks and the document stubbed, attach one keydown
listener per element; a key in an element's `keys` sends that element's handler the key (its
event chain, formatted by Reflex's `format_event_chain`), other keys send nothing, and a State var
as `keys` is read from the store, anew on each render. The page in Chromium:
tests/browser/test_element_hooks.py."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import pyxjs as rx
from pyxjs.bundler.node import find_node_tools
from pyxjs.components.element_hooks import MissingTrigger
from pyxjs.loader import load_app
from pyxjs.transpiler import transpile

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "fixtures" / "transpile" / "element_hooks" / "input.py"

HARNESS = """
const sent = [];
const listeners = new Set();
const document = {
  title: "", body: { dataset: {} },
  addEventListener(type, f) { if (type === "keydown") listeners.add(f); },
  removeEventListener(type, f) { listeners.delete(f); },
};
const vars = { key_state: { letters: ["a", "b"] } };
const $useEvent = (name) => (...args) => sent.push([name, ...args]);
const $useVar = (state, name) => vars[state][name];
let cleanups = [];
const useEffect = (effect) => { cleanups.push(effect()); };
const useLayout = useEffect;
const React = { useEffect };
function render() {
  cleanups.forEach((cleanup) => cleanup && cleanup());
  cleanups = [];
  HOOKS
}
const press = (key) => [...listeners].forEach((listener) => listener({ key }));
render();
["ArrowUp", "a", "x", "Enter"].forEach(press);
const first = { sent: sent.splice(0), listeners: listeners.size, title: document.title,
                watched: document.body.dataset.watched };
vars.key_state.letters = ["x"];
render();
["a", "x", "ArrowDown"].forEach(press);
process.stdout.write(JSON.stringify({ first, second: { sent, listeners: listeners.size } }));
"""


def hook_statements() -> str:
    """The statements at the top of the page's component: its hooks, up to its `return`."""
    modules = transpile([page.component for page in load_app(APP).app.pages.values()], root=ROOT)
    code = next(m.code for m in modules if "export function Index()" in m.code)
    body = code.split("export function Index() {\n", 1)[1]
    return body.split("\n  return ", 1)[0]


def test_each_element_listens_for_its_own_keys_and_sends_its_own_handler_the_key():
    tools = find_node_tools()
    script = HARNESS.replace("HOOKS", hook_statements())
    proc = subprocess.run([tools.node, "--input-type=module", "-e", script], capture_output=True, text=True,
                          env=tools.env(), timeout=60)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["first"] == {"sent": [["key_state.press", "ArrowUp"], ["key_state.letter", "a"]],
                               "listeners": 2, "title": "keys watched", "watched": "yes"}
    # The State var changed: the re-render's listener reads the new list; the old ones are gone.
    assert result["second"] == {"sent": [["key_state.letter", "x"], ["key_state.press", "ArrowDown"]],
                                "listeners": 2}


def test_hooks_that_read_the_element_are_made_per_element_and_the_others_once_per_class():
    module = load_app(APP).module
    assert issubclass(module.KeyWatcher, rx.Fragment)
    spec = module.KeyWatcher.create._pyx_spec
    assert spec.renders_nothing and not spec.accepts_children and spec.hooks == ()
    assert spec.element_hooks.methods == ("_get_hooks",) and spec.element_hooks.trigger_params == {"on_key_down": ("_e0",)}
    assert spec.named_imports == (("react", "useEffect", "useEffect"),)
    code = spec.element_hooks.code({"keys": '["q"]'}, {"on_key_down": "(e) => send(e.key)"})
    assert len(code) == 1 and '["q"].includes(_e0.key)' in code[0] and "((e) => send(e.key))(_e0)" in code[0]
    with pytest.raises(MissingTrigger):
        spec.element_hooks.code({"keys": "[]"}, {})
    title_spec = module.PageTitle.create._pyx_spec
    assert title_spec.element_hooks is None and len(title_spec.hooks) == 2
    assert title_spec.named_imports == (("react", "default", "React"), ("react", "useLayoutEffect", "useLayout"))
