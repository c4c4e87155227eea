import { test, beforeEach, afterEach, mock } from "node:test";
import assert from "node:assert/strict";
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import {
  PyxCallout, PyxCheckbox, PyxForm, PyxInput, PyxLink, PyxRadioGroup, PyxSelect, PyxTextArea, formData,
} from "../src/components.js";
import { ThemeRoot } from "../src/theme.js";
import { Theme } from "@radix-ui/themes";

// React reports bad props, key problems and the like through console.error: none allowed.
let consoleError;
beforeEach(() => {
  consoleError = mock.method(console, "error", () => {});
});
afterEach(() => {
  const calls = consoleError.mock.calls.map((c) => c.arguments.join(" "));
  consoleError.mock.restore();
  assert.deepEqual(calls, [], "React warned");
});

const render = (el) => renderToString(el).replace(/<link rel="preload"[^>]*>/g, "");
const classes = (html, tag) => new RegExp(`<${tag}[^>]*class="([^"]*)"`).exec(html)?.[1].split(" ") ?? [];

test("ThemeRoot carries Radix's theme attributes (the build resolves the gray)", () => {
  const html = render(h(ThemeRoot, { accentColor: "green", grayColor: "sage", appearance: "dark" }, "x"));
  assert.match(html, /data-accent-color="green"/);
  assert.match(html, /data-gray-color="sage"/);
  assert.match(html, /data-is-root-theme="true"/);
  assert.deepEqual(classes(html, "div"), ["radix-themes", "dark"]);
  assert.match(render(h(ThemeRoot, null)), /data-accent-color="indigo"[^>]*data-gray-color="slate"/);
});

test("PyxInput: controlled without onChange is read-only; with onChange it is editable", () => {
  assert.match(render(h(PyxInput, { value: "a" })), /<input[^>]*readOnly=""[^>]*value="a"|<input[^>]*value="a"[^>]*readOnly=""/);
  const editable = render(h(PyxInput, { value: "a", onChange: () => {} }));
  assert.doesNotMatch(editable, /readOnly/);
  assert.ok(classes(editable, "div").includes("rt-TextFieldRoot"));
  assert.match(render(h(PyxTextArea, { placeholder: "p" })), /<textarea[^>]*placeholder="p"/);
});

test("PyxCheckbox with a label wraps box and text in a <label>; without one it is the bare box", () => {
  const labelled = render(h(PyxCheckbox, { defaultChecked: true }, "Remember"));
  assert.match(labelled, /^<label[^>]*>.*<button[^>]*role="checkbox"[^>]*>.*Remember.*<\/label>$/);
  assert.match(render(h(PyxCheckbox, null)), /^<button[^>]*role="checkbox"/);
});

test("PyxRadioGroup renders one labelled radio per item", () => {
  const html = render(h(PyxRadioGroup, { items: ["a", "b"], defaultValue: "b" }));
  assert.equal((html.match(/role="radio"/g) ?? []).length, 2);
  assert.match(html, /aria-checked="true"[^>]*value="b"|value="b"[^>]*aria-checked="true"/);
});

test("PyxSelect renders Radix's trigger (its items mount in a portal, in the browser)", () => {
  // A select reads Radix's theme context: the build roots such pages in Radix's own Theme.
  const html = render(h(Theme, null, h(PyxSelect, { items: ["apple", "pear"], value: "pear", onValueChange: () => {} })));
  assert.match(html, /role="combobox"/);
  assert.match(html, /rt-SelectTrigger/);
});

test("PyxCallout puts the text in Callout.Text and the icon in its slot", () => {
  const html = render(h(PyxCallout, { icon: h("svg", { id: "i" }) }, "Careful"));
  assert.match(html, /rt-CalloutRoot/);
  assert.match(html, /rt-CalloutIcon.*<svg id="i"/);
  assert.match(html, /<p[^>]*rt-CalloutText[^>]*>Careful<\/p>/);
});

test("PyxLink: external links open a new tab when asked; internal ones are plain hrefs in HTML", () => {
  assert.match(render(h(PyxLink, { href: "https://x.org", isExternal: true }, "x")), /target="_blank"[^>]*rel="noopener noreferrer"/);
  assert.match(render(h(PyxLink, { href: "/about" }, "a")), /<a[^>]*href="\/about"/);
});

test("formData gives the named string fields, as the browser's form rules have them", () => {
  const fake = { entries: () => [["name", "Ann"], ["file", { size: 1 }], ["agree", "on"]] };
  const saved = globalThis.FormData;
  globalThis.FormData = function FormData() { return fake; };
  const noIds = { querySelectorAll: () => [] };
  try {
    assert.deepEqual(formData(noIds), { name: "Ann", agree: "on" });
  } finally {
    globalThis.FormData = saved;
  }
  assert.match(render(h(PyxForm, { id: "f" }, "x")), /^<form id="f">x<\/form>$/);
});

test("formData also gives each field with an id under its id, read as Reflex reads it", () => {
  const field = (props) => ({ className: "", getAttribute: (a) => props.attrs?.[a] ?? null,
                              querySelector: () => props.inner ?? null, ...props });
  const elements = [
    field({ id: "email", tagName: "INPUT", type: "text", value: "a@b.c" }),
    field({ id: "notes", tagName: "TEXTAREA", value: "" }),
    field({ id: "plain_box", tagName: "INPUT", type: "checkbox", checked: false }),
    field({ id: "radix_box", tagName: "BUTTON", className: "rt-reset rt-CheckboxRoot", attrs: { "aria-checked": "true" } }),
    field({ id: "slider", tagName: "SPAN", className: "rt-SliderRoot",
            inner: { getAttribute: () => "40" } }),
    field({ id: "group", tagName: "DIV", inner: { value: "b" } }),
    field({ id: "heading", tagName: "H1" }),  // not a field: left out
  ];
  const saved = globalThis.FormData;
  globalThis.FormData = function FormData() { return { entries: () => [["email", "named"], ["other", "x"]] }; };
  try {
    const form = { querySelectorAll: (selector) => (selector === "[id]:not([name])" ? elements : []) };
    assert.deepEqual(formData(form), {
      email: "named", other: "x", notes: "", plain_box: false, radix_box: true, slider: "40", group: "b",
    });
  } finally {
    globalThis.FormData = saved;
  }
});

test("child(): a list of components with None (an rx.cond that rendered nothing) renders the components", async () => {
  const { child } = await import("../src/children.js");
  const html = render(h("div", null, child([h("b", null, "x"), null, h("i", null, "y")])));
  assert.equal(html, "<div><b>x</b><i>y</i></div>");
  assert.equal(child([null, null]), "[None, None]");
});
