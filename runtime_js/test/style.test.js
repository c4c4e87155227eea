import { test } from "node:test";
import assert from "node:assert/strict";
import { styleOf } from "../src/style.js";

test("styleOf camel-cases snake_case and kebab-case keys, keeps custom properties", () => {
  assert.deepEqual(styleOf({ font_size: "2em", "padding-left": "4px", color: "red", "--accent": "blue" }), {
    fontSize: "2em",
    paddingLeft: "4px",
    color: "red",
    "--accent": "blue",
  });
});

test("styleOf of None is no style; a non-dict is a TypeError", () => {
  assert.equal(styleOf(null), undefined);
  assert.throws(() => styleOf(["a"]), TypeError);
  assert.throws(() => styleOf("color: red"), TypeError);
});

test("styleOf expands Reflex's shorthands (margin_y, paddingX, bg, bg_color) as the compiler does", () => {
  assert.deepEqual(styleOf({ margin_y: "1em", paddingX: "2px", bg: "red", bg_color: "blue" }), {
    marginTop: "1em",
    marginBottom: "1em",
    paddingLeft: "2px",
    paddingRight: "2px",
    background: "red",
    backgroundColor: "blue",
  });
});
