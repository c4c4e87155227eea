import { test } from "node:test";
import assert from "node:assert/strict";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { useRoute } from "../src/router.js";

function Show() {
  const route = useRoute();
  return h("p", null, JSON.stringify(route));
}

const render = () =>
  JSON.parse(renderToStaticMarkup(h(Show)).replace(/^<p>|<\/p>$/g, "").replace(/&quot;/g, '"').replace(/&amp;/g, "&"));

test("useRoute without a window: the page at /", () => {
  assert.deepEqual(render(), { host: "", path: "/", raw_path: "/", params: {}, full_path: "/", full_raw_path: "/" });
});

test("useRoute reads the page's route as the server's self.router.page does", () => {
  globalThis.window = {
    location: { pathname: "/about/", search: "?tag=py&tag=js&q=%C3%A9", origin: "http://x" },
    addEventListener() {},
    removeEventListener() {},
  };
  try {
    const route = render();
    assert.equal(route.path, "/about");
    assert.equal(route.raw_path, "/about/?tag=py&tag=js&q=%C3%A9");
    assert.deepEqual(route.params, { tag: ["py", "js"], q: "é" });
    assert.equal(route.full_path, "http://x/about");
  } finally {
    delete globalThis.window;
  }
});
