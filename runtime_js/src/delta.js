// Pure state transitions for the store: no React, no socket, no mutation of the inputs.
// State shape: { stateName: { varName: value } }. The server sends whole values (a var is
// replaced, never merged) or, for lists, a tail to splice on (applyPatch). Values that are deep-equal to what we hold keep their old reference:
// the store notifies only the vars whose value changed (Object.is), so an unchanged array/dict that
// arrives again (e.g. in a reconnect's hydrate) must not re-render anything.

const hasOwn = (obj, key) => obj != null && Object.prototype.hasOwnProperty.call(obj, key);

const isPlainObject = (x) =>
  x !== null && typeof x === "object" && !Array.isArray(x) &&
  (Object.getPrototypeOf(x) === Object.prototype || Object.getPrototypeOf(x) === null);

// Plain assignment would treat a key named "__proto__" as the prototype setter.
function setOwn(obj, key, value) {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

function copyOwn(obj) {
  const out = {};
  for (const key of Object.keys(obj)) setOwn(out, key, obj[key]);
  return out;
}

// What JSON cannot say of a value (a dict's key order, whole floats), kept by valueMarks.js,
// which pages whose code prints Python values load (so a page that prints none ships none of
// it). It sets `same(a, b)`: the same JSON with other marks is a change; and `frame(frame,
// store)`, which the socket calls before applying a frame.
export const marks = {};

// Deep equality for JSON values (what the server can send), and their marks.
export function jsonEqual(a, b) {
  if (Object.is(a, b)) return true;
  if (marks.same && !marks.same(a, b)) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const key of keys) if (!hasOwn(b, key) || !jsonEqual(a[key], b[key])) return false;
    return true;
  }
  return false;
}

// delta = { state: { var: value } }. Returns the next state (=== current when nothing changed)
// and the [state, var] pairs whose value actually changed, in delta order.
export function applyDelta(current, delta) {
  let next = current;
  const changed = [];
  if (!isPlainObject(delta)) return { next, changed };
  for (const state of Object.keys(delta)) {
    const vars = delta[state];
    if (!isPlainObject(vars)) continue; // malformed entry: ignore rather than corrupt the store
    const before = hasOwn(current, state) ? current[state] : {};
    let after = null;
    for (const name of Object.keys(vars)) {
      if (hasOwn(before, name) && jsonEqual(before[name], vars[name])) continue;
      after ??= copyOwn(before);
      setOwn(after, name, vars[name]);
      changed.push([state, name]);
    }
    if (after) {
      if (next === current) next = copyOwn(current);
      setOwn(next, state, after);
    }
  }
  return { next, changed };
}

// Replace everything with `full` (a hydrate). Changed pairs include vars that no longer exist.
export function replaceState(current, full) {
  const next = {};
  const changed = [];
  const source = isPlainObject(full) ? full : {};
  for (const state of Object.keys(source)) {
    const vars = isPlainObject(source[state]) ? source[state] : {};
    const before = hasOwn(current, state) && isPlainObject(current[state]) ? current[state] : {};
    const after = {};
    let same = Object.keys(before).length === Object.keys(vars).length;
    for (const name of Object.keys(vars)) {
      if (hasOwn(before, name) && jsonEqual(before[name], vars[name])) {
        setOwn(after, name, before[name]); // keep the old reference: no re-render
      } else {
        setOwn(after, name, vars[name]);
        changed.push([state, name]);
        same = false;
      }
    }
    for (const name of Object.keys(before)) {
      if (!hasOwn(vars, name)) changed.push([state, name]);
    }
    setOwn(next, state, same && hasOwn(current, state) ? before : after);
  }
  for (const state of Object.keys(current ?? {})) {
    if (hasOwn(source, state)) continue;
    for (const name of Object.keys(current[state] ?? {})) changed.push([state, name]);
  }
  return { next, changed };
}

// patch = { state: { var: part } }: the server's changes to part of a var (docs/protocol.md).
// A list tail { at, add }: the list we hold keeps its first `at` items and gets `add` after
// them, so appending to a long list costs the wire one item. A dict's keys { set, del }: the
// keys in `del` are removed, then those in `set` assigned in order (a new key goes last, as in
// the Python dict). A part that does not fit what we hold (a tail on a non-list or beyond its
// end, keys on a non-object) means this copy is out of sync: it is reported in `problems` and
// the var left alone, and the caller re-syncs (the socket reconnects, whose hydrate sends
// everything).
export function applyPatch(current, patch) {
  let next = current;
  const changed = [];
  const problems = [];
  if (!isPlainObject(patch)) return { next, changed, problems };
  for (const state of Object.keys(patch)) {
    const parts = patch[state];
    if (!isPlainObject(parts)) continue;
    const before = hasOwn(next, state) ? next[state] : {};
    let after = null;
    for (const name of Object.keys(parts)) {
      const held = hasOwn(before, name) ? before[name] : undefined;
      const result = applyPart(held, parts[name]);
      if (typeof result === "string") {
        problems.push(`${state}.${name}: ${result}`);
        continue;
      }
      if (result === held) continue;
      after ??= copyOwn(before);
      setOwn(after, name, result);
      changed.push([state, name]);
    }
    if (after) {
      if (next === current) next = copyOwn(current);
      setOwn(next, state, after);
    }
  }
  return { next, changed, problems };
}

// The var's new value (=== held when nothing changes), or why the part does not fit (a string).
function applyPart(held, part) {
  if (isPlainObject(part) && hasOwn(part, "at")) return applyTail(held, part);
  if (isPlainObject(part) && (hasOwn(part, "set") || hasOwn(part, "del"))) return applyKeys(held, part);
  return `not a list tail or dict keys: ${JSON.stringify(part)}`;
}

function applyTail(list, tail) {
  const at = tail.at;
  if (!Array.isArray(list) || !Number.isInteger(at) || at < 0 || at > list.length || !Array.isArray(tail.add)) {
    return `tail at ${at} does not fit ${Array.isArray(list) ? `a list of ${list.length}` : typeof list}`;
  }
  if (at === list.length && tail.add.length === 0) return list;
  return list.slice(0, at).concat(tail.add);
}

function applyKeys(dict, keys) {
  const set = keys.set ?? {};
  const del = keys.del ?? [];
  if (!isPlainObject(dict) || !isPlainObject(set) || !Array.isArray(del)) {
    return `dict keys do not fit ${Array.isArray(dict) ? "a list" : dict === null ? "null" : typeof dict}`;
  }
  const out = copyOwn(dict);
  let touched = false;
  for (const key of del.map(String)) {
    if (!hasOwn(out, key)) continue;
    delete out[key];
    touched = true;
  }
  for (const key of Object.keys(set)) {
    if (hasOwn(out, key) && jsonEqual(out[key], set[key])) continue; // unchanged: keep the reference
    setOwn(out, key, set[key]);
    touched = true;
  }
  return touched ? out : dict;
}
