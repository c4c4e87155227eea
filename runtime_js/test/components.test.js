import { test, beforeEach, afterEach, mock } from "node:test";
import assert from "node:assert/strict";
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { HStack, VStack, Box, Text, Heading, Button, Input, Avatar } from "../src/components.js";

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

// Attribute order is React's (pinned version); the image preload hint it adds is not ours.
const render = (el) => renderToString(el).replace(/<link rel="preload"[^>]*>/g, "");

test("HStack and VStack are flex boxes with a gap class from spacing (default 2)", () => {
  assert.equal(render(h(HStack, null, "a")), '<div class="pyx-hstack pyx-gap-2">a</div>');
  assert.equal(render(h(VStack, { spacing: "5" })), '<div class="pyx-vstack pyx-gap-5"></div>');
  assert.equal(render(h(HStack, { spacing: 0 })), '<div class="pyx-hstack pyx-gap-0"></div>');
});

test("stack spacing off the scale, align and justify become inline styles the caller can override", () => {
  const html = render(h(HStack, { spacing: "1.5em", align: "center", justify: "between", style: { justifyContent: "end" } }));
  assert.equal(html, '<div class="pyx-hstack" style="gap:1.5em;align-items:center;justify-content:end"></div>');
});

test("components pass className, id, style and unknown props through", () => {
  const html = render(
    h(Box, { className: "mine", id: "b1", style: { color: "red" }, "data-x": "1", "aria-label": "box", title: "t" }, "x"),
  );
  assert.equal(html, '<div id="b1" style="color:red" data-x="1" aria-label="box" title="t" class="pyx-box mine">x</div>');
});

test("several children (as JSX compiles them) render without key warnings", () => {
  const html = render(h(VStack, null, h(Text, null, "a"), h(Text, null, "b")));
  assert.equal(html, '<div class="pyx-vstack pyx-gap-2"><span class="pyx-text">a</span><span class="pyx-text">b</span></div>');
});

test("Text is a span unless `as` says otherwise; size and weight become classes", () => {
  assert.equal(render(h(Text, null, "hi")), '<span class="pyx-text">hi</span>');
  assert.equal(
    render(h(Text, { as: "p", size: "3", weight: "bold", align: "center" }, "hi")),
    '<p class="pyx-text pyx-size-3 pyx-weight-bold" style="text-align:center">hi</p>',
  );
});

test("Heading is an h2 with size 6 by default", () => {
  assert.equal(render(h(Heading, null, "T")), '<h2 class="pyx-heading pyx-size-6">T</h2>');
  assert.equal(render(h(Heading, { size: "9", as: "h1" }, "T")), '<h1 class="pyx-heading pyx-size-9">T</h1>');
});

test("Button is type=button with size and variant classes; colorScheme becomes data-accent-color", () => {
  assert.equal(
    render(h(Button, { colorScheme: "red", disabled: true }, "Go")),
    '<button disabled="" data-accent-color="red" type="button" class="pyx-button pyx-button-size-2 pyx-variant-solid">Go</button>',
  );
  assert.match(render(h(Button, { type: "submit", variant: "soft", size: 3 })), /type="submit" class="pyx-button pyx-button-size-3 pyx-variant-soft"/);
});

test("Input is uncontrolled unless value is given", () => {
  assert.equal(
    render(h(Input, { placeholder: "Enter your username", onBlur: () => {} })),
    '<input placeholder="Enter your username" class="pyx-input pyx-input-size-2 pyx-variant-surface"/>',
  );
  assert.equal(
    render(h(Input, { value: "abc", onChange: () => {} })),
    '<input class="pyx-input pyx-input-size-2 pyx-variant-surface" value="abc"/>',
  );
});

test("Input with a value and no onChange is read-only; a None value shows empty", () => {
  assert.equal(render(h(Input, { value: null })), '<input readOnly="" class="pyx-input pyx-input-size-2 pyx-variant-surface" value=""/>');
});

test("Avatar shows the image when src is set", () => {
  assert.equal(
    render(h(Avatar, { src: "https://example.invalid/a.png", fallback: "RX", id: "av" })),
    '<span id="av" class="pyx-avatar pyx-avatar-size-3"><img class="pyx-avatar-image" src="https://example.invalid/a.png" alt=""/></span>',
  );
});

test("Avatar shows the fallback when src is empty or missing", () => {
  const want = '<span class="pyx-avatar pyx-avatar-size-5"><span class="pyx-avatar-fallback">RX</span></span>';
  assert.equal(render(h(Avatar, { src: "", fallback: "RX", size: "5" })), want);
  assert.equal(render(h(Avatar, { fallback: "RX", size: "5" })), want);
});
