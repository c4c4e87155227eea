// Picks the page for the current path. navigate() and popstate (back/forward) move between
// pages without a reload; watchRoute() tells the server each move, so it runs on_load.
import { createElement as h, useSyncExternalStore } from "react";

const NAVIGATE = "pyx:navigate";

// "/about/" and "/about" are the same page; "%C3%A9" matches a route written as "é".
export function normalizePath(path) {
  let p = String(path ?? "/");
  try {
    p = decodeURI(p);
  } catch {
    // malformed escapes: match the raw text
  }
  p = p.replace(/\/+$/, "");
  return p.startsWith("/") ? p || "/" : `/${p}`;
}

export function findRoute(routes, path) {
  const want = normalizePath(path);
  for (const [route, component] of Object.entries(routes ?? {})) {
    if (normalizePath(route) === want) return component;
  }
  return null;
}

export function NotFound({ path }) {
  return h("main", { className: "pyx-not-found" }, `404 — no page at ${path}`);
}

function subscribePath(onChange) {
  window.addEventListener("popstate", onChange);
  window.addEventListener(NAVIGATE, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(NAVIGATE, onChange);
  };
}

const readPath = () => window.location.pathname;

// Where the page is, as the navigate and hydrate frames carry it (docs/protocol.md).
export function currentRoute(location = window.location) {
  return { path: location.pathname || "/", query: String(location.search ?? "").replace(/^\?/, "") };
}

// Calls onChange(route) after each move to another path or query (not for a hash change, which
// stays on the page). Returns the unsubscribe function.
export function watchRoute(onChange, win = window) {
  let last = currentRoute(win.location);
  const check = () => {
    const next = currentRoute(win.location);
    if (next.path === last.path && next.query === last.query) return;
    last = next;
    onChange(next);
  };
  win.addEventListener("popstate", check);
  win.addEventListener(NAVIGATE, check);
  return () => {
    win.removeEventListener("popstate", check);
    win.removeEventListener(NAVIGATE, check);
  };
}

export function navigate(path, { replace = false } = {}) {
  window.history[replace ? "replaceState" : "pushState"](null, "", path);
  window.dispatchEvent(new Event(NAVIGATE));
}

// `path` is for tests and server rendering; in the browser the location is the source.
export function Router({ routes, path }) {
  const livePath = useSyncExternalStore(
    path === undefined ? subscribePath : noSubscribe,
    path === undefined ? readPath : () => path,
    () => path ?? "/",
  );
  const Page = findRoute(routes, livePath);
  return Page ? h(Page) : h(NotFound, { path: livePath });
}

function noSubscribe() {
  return () => {};
}

// `State.router.page.path` / `.params` read inside a component: the page's own route, which is
// the one the server's `self.router` was given. One object per route, so React sees no change
// until the route changes. Without a window (server rendering, tests) the route is "/".
let routeKey = null;
let routeValue = null;

function routeSnapshot() {
  const browser = typeof window !== "undefined";
  const { path, query } = browser ? currentRoute() : { path: "/", query: "" };
  const host = browser ? window.location.origin : "";
  const key = `${host}${path}?${query}`;
  if (key !== routeKey) {
    routeKey = key;
    const page = normalizePath(path);
    const raw = path + (query ? `?${query}` : "");
    // the fields of the server's self.router.page (pyxjs/state/router.py)
    routeValue = { host, path: page, raw_path: raw, params: queryParams(query), full_path: host + page, full_raw_path: host + raw };
  }
  return routeValue;
}

// Python's view of a query string: {"a": "1"}, a repeated key as a list, as the server reads it.
function queryParams(query) {
  const params = {};
  for (const [key, value] of new URLSearchParams(query)) {
    if (!Object.hasOwn(params, key)) params[key] = value;
    else if (Array.isArray(params[key])) params[key].push(value);
    else params[key] = [params[key], value];
  }
  return params;
}

function subscribeRoute(onChange) {
  return typeof window === "undefined" ? () => {} : watchRoute(onChange);
}

export function useRoute() {
  return useSyncExternalStore(subscribeRoute, routeSnapshot, routeSnapshot);
}
