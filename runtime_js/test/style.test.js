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
