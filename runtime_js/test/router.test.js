import { test } from "node:test";
import assert from "node:assert/strict";
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { Router, findRoute, normalizePath } from "../src/router.js";
import { defaultSocketUrl } from "../src/start.js";

const Home = () => h("p", null, "home");
const About = () => h("p", null, "about");
const routes = { "/": Home, "/about": About, "/café/": About };

test("normalizePath ignores trailing slashes and decodes escapes", () => {
  assert.equal(normalizePath("/"), "/");
  assert.equal(normalizePath(""), "/");
  assert.equal(normalizePath("/about/"), "/about");
  assert.equal(normalizePath("about"), "/about");
  assert.equal(normalizePath("/caf%C3%A9"), "/café");
  assert.equal(normalizePath("/bad%E0"), "/bad%E0");
});

test("findRoute matches the path, trailing slash ignored", () => {
  assert.equal(findRoute(routes, "/"), Home);
  assert.equal(findRoute(routes, "/about/"), About);
  assert.equal(findRoute(routes, "/caf%C3%A9"), About);
  assert.equal(findRoute(routes, "/nope"), null);
});

test("Router renders the page for the path, or a 404", () => {
  assert.equal(renderToString(h(Router, { routes, path: "/about" })), "<p>about</p>");
  assert.equal(
    renderToString(h(Router, { routes, path: "/missing" })),
    '<main class="pyx-not-found">404 — no page at /missing</main>',
  );
});

test("the default socket url follows the page's scheme and host", () => {
  assert.equal(defaultSocketUrl({ protocol: "http:", host: "localhost:8000" }), "ws://localhost:8000/_pyx");
  assert.equal(defaultSocketUrl({ protocol: "https:", host: "app.example" }), "wss://app.example/_pyx");
});
