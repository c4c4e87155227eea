import { test } from "node:test";
import assert from "node:assert/strict";
import { performActions, ACTION_NAMES } from "../src/actions.js";

function fakeEnv() {
  const log = [];
  const elements = new Map();
  const body = { children: [], appendChild: (el) => body.children.push(el) };
  const env = {
    log,
    window: {
      open: (...a) => log.push(["open", ...a]),
      alert: (m) => log.push(["alert", m]),
      location: { assign: (u) => log.push(["assign", u]) },
      eval: (code) => {
        log.push(["script", code]);
        if (code === "() => 7") return () => 7;
        if (code === "async () => 8") return async () => 8;
        return code === "answer()" ? 42 : code === "later()" ? Promise.resolve("done") : undefined;
      },
      atob: (s) => Buffer.from(s, "base64").toString("binary"),
      Blob: class { constructor(parts) { this.parts = parts; } },
      URL: { createObjectURL: (b) => { log.push(["blob", b.parts[0]]); return "blob:1"; }, revokeObjectURL: (u) => log.push(["revoke", u]) },
    },
    document: {
      body,
      getElementById: (id) => elements.get(id) ?? null,
      createElement: (tag) => ({ tag, click() { log.push(["click", this.href, this.download]); }, remove() { log.push(["removed"]); } }),
    },
    navigator: { clipboard: { writeText: (t) => { log.push(["clipboard", t]); return Promise.resolve(); } } },
    console: { log: (m) => log.push(["console", m]), error: (...a) => log.push(["error", String(a[0])]) },
    navigate: (path, opts) => log.push(["navigate", path, opts]),
    setColorMode: (mode) => log.push(["color mode", mode]),
    showToast: (args) => log.push(["toast", args]),
    send: (handler, args) => log.push(["send", handler, args]),
  };
  elements.set("name", { focus: () => log.push(["focus", "name"]) });
  return env;
}

test("every action the server knows is implemented", () => {
  assert.deepEqual(ACTION_NAMES.sort(), ["call_function", "call_script", "cancel_upload", "clear_selected_files", "clear_storage", "console_log", "download",
    "noop", "redirect", "remove_cookie", "remove_storage", "scroll_to", "set_clipboard", "set_color_mode", "set_focus", "set_value",
    "toast", "window_alert"]);
});

test("set_color_mode hands the mode (or toggle) to the page's color mode", () => {
  const env = fakeEnv();
  performActions([{ name: "set_color_mode", args: { mode: "toggle" } }, { name: "set_color_mode", args: { mode: "dark" } }], env);
  assert.deepEqual(env.log, [["color mode", "toggle"], ["color mode", "dark"]]);
});

test("redirect navigates inside the app, assigns another origin, opens external in a new tab", () => {
  const env = fakeEnv();
  performActions([
    { name: "redirect", args: { path: "/done", external: false, replace: true } },
    { name: "redirect", args: { path: "https://example.com/x", external: false, replace: false } },
    { name: "redirect", args: { path: "https://example.com/y", external: true, replace: false } },
  ], env);
  assert.deepEqual(env.log, [
    ["navigate", "/done", { replace: true }],
    ["assign", "https://example.com/x"],
    ["open", "https://example.com/y", "_blank", "noopener"],
  ]);
});

test("console_log, window_alert, call_script, set_clipboard and set_focus run in order", () => {
  const env = fakeEnv();
  performActions([
    { name: "console_log", args: { message: { a: 1 } } },
    { name: "window_alert", args: { message: "hi" } },
    { name: "call_script", args: { javascript: "x()" } },
    { name: "set_clipboard", args: { content: "copied" } },
    { name: "set_focus", args: { id: "name" } },
  ], env);
  assert.deepEqual(env.log, [["console", { a: 1 }], ["alert", "hi"], ["script", "x()"], ["clipboard", "copied"], ["focus", "name"]]);
});

test("set_value, scroll_to, noop, remove_cookie and the storage removals", () => {
  const env = fakeEnv();
  const field = { value: "typed" };
  const stores = { localStorage: new Map([["a", "1"], ["b", "2"]]), sessionStorage: new Map([["s", "3"]]) };
  for (const [name, map] of Object.entries(stores)) {
    env.window[name] = { removeItem: (k) => map.delete(k), clear: () => map.clear() };
  }
  env.document.getElementById = (id) => (id === "todo" ? field : id === "end" ? { scrollIntoView: (o) => env.log.push(["scroll", o]) } : null);
  performActions([
    { name: "set_value", args: { id: "todo", value: "" } },
    { name: "scroll_to", args: { id: "end", align_to_top: false } },
    { name: "noop", args: {} },
    { name: "remove_cookie", args: { key: "user id", options: {} } },
    { name: "remove_storage", args: { kind: "local", key: "a" } },
    { name: "clear_storage", args: { kind: "session" } },
  ], env);
  assert.equal(field.value, "");
  assert.deepEqual(env.log, [["scroll", { behavior: "smooth", block: "end" }]]);
  assert.match(env.document.cookie, /^user%20id=; path=\/; max-age=0/);
  assert.deepEqual([...stores.localStorage.keys()], ["b"]);
  assert.equal(stores.sessionStorage.size, 0);
});

test("download: a url as a link, text and base64 bytes as a blob that is revoked after", () => {
  const env = fakeEnv();
  performActions([
    { name: "download", args: { url: "/files/a.csv", filename: "a.csv" } },
    { name: "download", args: { text: "x,y", filename: "t.csv" } },
    { name: "download", args: { base64: Buffer.from([1, 2]).toString("base64"), filename: "b.bin" } },
  ], env);
  assert.deepEqual(env.log.filter((e) => e[0] === "click"), [["click", "/files/a.csv", "a.csv"], ["click", "blob:1", "t.csv"], ["click", "blob:1", "b.bin"]]);
  assert.deepEqual(env.log.filter((e) => e[0] === "blob")[0], ["blob", "x,y"]);
  assert.deepEqual([...env.log.filter((e) => e[0] === "blob")[1][1]], [1, 2]);
  assert.equal(env.log.filter((e) => e[0] === "revoke").length, 2);
});

test("a failing or unknown action is reported and the rest still run", () => {
  const env = fakeEnv();
  performActions([
    { name: "set_focus", args: { id: "missing" } },
    { name: "teleport", args: {} },
    { name: "console_log", args: { message: "after" } },
  ], env);
  assert.deepEqual(env.log.map((e) => e[0]), ["error", "error", "console"]);
  assert.match(env.log[0][1], /set_focus/);
  assert.match(env.log[1][1], /teleport/);
});

test("toast hands its message to the page's toaster; with none mounted it says so", async () => {
  const env = fakeEnv();
  performActions([{ name: "toast", args: { level: "info", message: "hi" } }], env);
  assert.deepEqual(env.log, [["toast", { level: "info", message: "hi" }]]);
  const { showToast } = await import("../src/toastSlot.js");
  const errors = [];
  showToast({ message: "x" }, { error: (m) => errors.push(m) });
  assert.match(errors[0], /no toaster/);
});

test("call_script sends the script's value, awaited, to its callback handler", async () => {
  const env = fakeEnv();
  performActions([
    { name: "call_script", args: { javascript: "answer()", callback: "page.got" } },
    { name: "call_script", args: { javascript: "later()", callback: "page.got" } },
    { name: "call_script", args: { javascript: "nothing()", callback: "page.got" } },
    { name: "call_script", args: { javascript: "nothing()" } },
  ], env);
  await new Promise((resolve) => setTimeout(resolve, 0));
  const sent = env.log.filter(([kind]) => kind === "send").map((entry) => JSON.stringify(entry)).sort();
  assert.deepEqual(sent, ['["send","page.got",["done"]]', '["send","page.got",[42]]', '["send","page.got",[null]]']);
  assert.equal(env.log.filter(([kind]) => kind === "script").length, 4);
});

test("call_function calls the function the code evaluates to; its result, awaited, goes to the callback", async () => {
  const env = fakeEnv();
  performActions([
    { name: "call_function", args: { function: "() => 7", callback: "page.got" } },
    { name: "call_function", args: { function: "async () => 8", callback: "page.got" } },
    { name: "call_function", args: { function: "() => 7" } },
  ], env);
  await new Promise((resolve) => setTimeout(resolve, 0));
  const sent = env.log.filter(([kind]) => kind === "send").map((entry) => JSON.stringify(entry)).sort();
  assert.deepEqual(sent, ['["send","page.got",[7]]', '["send","page.got",[8]]']);
  const failing = fakeEnv();
  performActions([{ name: "call_function", args: { function: "answer()" } }], failing);
  assert.deepEqual(failing.log.filter(([kind]) => kind === "error"), [["error", "pyx: client action call_function failed"]]);
});
