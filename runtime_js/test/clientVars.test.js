import { test } from "node:test";
import assert from "node:assert/strict";
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { ACTION_NAMES, performActions } from "../src/actions.js";
import { getClientVar, installClientVarActions, setClientVar, useClientVar } from "../src/clientVars.js";

function Reader({ name, initial }) {
  const value = useClientVar(name, initial);
  return h("b", null, JSON.stringify(value));
}

test("a client var reads its default until set, and every reader sees the set value", () => {
  assert.equal(renderToString(h(Reader, { name: "cv_tab", initial: 0 })), "<b>0</b>");
  setClientVar("cv_tab", 3);
  assert.equal(renderToString(h("div", null, h(Reader, { name: "cv_tab", initial: 0 }), h(Reader, { name: "cv_tab", initial: 0 }))),
    "<div><b>3</b><b>3</b></div>");
  assert.equal(getClientVar("cv_tab", 0), 3);
});

test("setting a var nothing read yet makes its slot; reading it gives the set value, not the default", () => {
  setClientVar("cv_early", ["x"]);
  assert.equal(renderToString(h(Reader, { name: "cv_early", initial: [] })), '<b>[&quot;x&quot;]</b>');
});

test("retrieving a var nothing read or set gives the default the server sent", () => {
  assert.equal(getClientVar("cv_never", "dflt"), "dflt");
  assert.equal(getClientVar("cv_never"), null);
});

test("two names are two slots", () => {
  setClientVar("cv_a", "A");
  assert.equal(renderToString(h(Reader, { name: "cv_b", initial: "B" })), '<b>&quot;B&quot;</b>');
  assert.equal(getClientVar("cv_a"), "A");
});

test("installed, client_var_set sets a var and client_var_get sends its value (or the default) to the callback", () => {
  assert.ok(!ACTION_NAMES.includes("client_var_set")); // not part of every page
  installClientVarActions();
  const sent = [];
  const env = { send: (handler, args) => sent.push([handler, args]), console };
  performActions([
    { name: "client_var_set", args: { name: "cv_pushed", value: [1, "a"] } },
    { name: "client_var_get", args: { name: "cv_pushed", initial: [], callback: "s.got" } },
    { name: "client_var_get", args: { name: "cv_unread", initial: "none", callback: "s.got" } },
  ], env);
  assert.deepEqual(getClientVar("cv_pushed"), [1, "a"]);
  assert.deepEqual(sent, [["s.got", [[1, "a"]]], ["s.got", ["none"]]]);
});
