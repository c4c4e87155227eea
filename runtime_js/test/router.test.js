import { test } from "node:test";
import assert from "node:assert/strict";
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { Router, currentRoute, findRoute, normalizePath, watchRoute } from "../src/router.js";
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

// A window with a history that moves its location, as the browser's does.
function fakeWindow(path = "/", search = "") {
  const target = new EventTarget();
  const win = {
    location: { pathname: path, search },
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    dispatchEvent: target.dispatchEvent.bind(target),
    go(nextPath, nextSearch = "", event = "pyx:navigate") {
      win.location = { pathname: nextPath, search: nextSearch };
      target.dispatchEvent(new Event(event));
    },
  };
  return win;
}

test("currentRoute is the path and the query without its ?", () => {
  assert.deepEqual(currentRoute({ pathname: "/posts", search: "?tag=py&n=2" }), { path: "/posts", query: "tag=py&n=2" });
  assert.deepEqual(currentRoute({ pathname: "", search: "" }), { path: "/", query: "" });
});

test("watchRoute reports each move to another path or query, once, until unsubscribed", () => {
  const win = fakeWindow("/");
  const seen = [];
  const stop = watchRoute((route) => seen.push(route), win);
  win.go("/about");
  win.go("/about"); // a hash change or a repeated event: same route, nothing to run
  win.go("/about", "?x=1", "popstate");
  win.go("/");
  stop();
  win.go("/later");
  assert.deepEqual(seen, [
    { path: "/about", query: "" },
    { path: "/about", query: "x=1" },
    { path: "/", query: "" },
  ]);
});
