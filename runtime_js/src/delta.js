// Pure state transitions for the store: no React, no socket, no mutation of the inputs.
// State shape: { stateName: { varName: value } }. The server sends whole values (a var is
// replaced, never merged) or, for lists, a tail to splice on (applyPatch). Values that are deep-equal to what we hold keep their old reference:
// the store notifies only the vars whose value changed (Object.is), so an unchanged array/dict that
// arrives again (e.g. in a reconnect's hydrate) must not re-render anything.

import { FLOAT_KEYS, INT_VARS, KEY_ORDER, dictKeys, markFloat, setIntVars, setKeyOrder } from "./py/core.js";

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
  if (obj[KEY_ORDER]) setKeyOrder(out, obj[KEY_ORDER].slice());
  for (const key of obj[FLOAT_KEYS] ?? []) markFloat(out, key);
  if (obj[INT_VARS]) setIntVars(out, obj[INT_VARS]);
  return out;
}

// Whether a state's var holds an int though declared float, in a map of vars (from a frame).
const intVar = (vars, name) => vars?.[INT_VARS]?.has(name) ?? false;

function setIntVar(vars, name, isInt) {
  if (isInt) {
    if (!vars[INT_VARS]) setIntVars(vars, []);
    vars[INT_VARS].add(name);
  } else vars[INT_VARS]?.delete(name);
}

// Two containers mark the same items as whole floats (4 and 4.0 print differently).
function sameFloatKeys(a, b) {
  const x = a[FLOAT_KEYS];
  const y = b[FLOAT_KEYS];
  if (!x || !y) return !(x?.size || y?.size);
  if (x.size !== y.size) return false;
  for (const key of x) if (!y.has(key)) return false;
  return true;
}

// Deep equality for JSON values (what the server can send), key order included: a dict whose
// keys moved prints differently, so it is a change.
export function jsonEqual(a, b) {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length || !sameFloatKeys(a, b)) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    if (!sameFloatKeys(a, b)) return false;
    const keys = dictKeys(a);
    const others = dictKeys(b);
    if (keys.length !== others.length) return false;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key !== others[i] || !hasOwn(b, key) || !jsonEqual(a[key], b[key])) return false;
    }
    return true;
  }
  return false;
}

// floats = { state: { var: [path, ...] } } (docs/protocol.md): the whole floats inside a frame's
// values, each path (keys and indexes) leading from a var's value to one; its list or dict is
// marked (isFloatItem), so the page prints 4.0 where the static type cannot say it is a float.
export function applyFloatMarks(section, floats) {
  eachMarked(section, floats, (value, path) => {
    if (!Array.isArray(path) || path.length === 0) return;
    const holder = follow(value, path.slice(0, -1));
    const key = path[path.length - 1];
    if (holder !== null && typeof holder === "object" && hasOwn(holder, key) && typeof holder[key] === "number") {
      markFloat(holder, key);
    }
  });
}

// Calls fn(the var's value in the frame, entry) for each entry of a marks table
// ({state: {var: [entry, ...]}}) whose var the frame's section holds.
function eachMarked(section, table, fn) {
  if (!isPlainObject(section) || !isPlainObject(table)) return;
  for (const state of Object.keys(table)) {
    const vars = table[state];
    if (!isPlainObject(vars) || !hasOwn(section, state) || !isPlainObject(section[state])) continue;
    for (const name of Object.keys(vars)) {
      if (!hasOwn(section[state], name) || !Array.isArray(vars[name])) continue;
      for (const entry of vars[name]) fn(section[state][name], entry);
    }
  }
}

function follow(value, path) {
  let target = value;
  for (const step of path) target = target != null && typeof target === "object" && hasOwn(target, step) ? target[step] : undefined;
  return target;
}

// ints = { state: [var, ...] } (docs/protocol.md): vars declared float that hold an int; the
// frame's map of that state's vars records them (isIntVar), so the page prints 0, not 0.0.
export function applyIntVars(section, ints) {
  if (!isPlainObject(section) || !isPlainObject(ints)) return;
  for (const state of Object.keys(ints)) {
    if (isPlainObject(section[state]) && Array.isArray(ints[state])) setIntVars(section[state], ints[state].map(String));
  }
}

// order = { state: { var: [[path, keys], ...] } } (docs/protocol.md): the dicts inside a frame's
// values whose keys JS would list in another order than Python's. `section` is the frame's
// `state`, `delta` or `patch`; each path (keys and indexes) leads from a var's value to a dict.
export function applyKeyOrders(section, order) {
  eachMarked(section, order, (value, entry) => {
    if (!Array.isArray(entry) || !Array.isArray(entry[0]) || !Array.isArray(entry[1])) return;
    const target = follow(value, entry[0]);
    if (isPlainObject(target)) setKeyOrder(target, entry[1].map(String));
  });
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
      const isInt = intVar(vars, name);
      if (hasOwn(before, name) && jsonEqual(before[name], vars[name]) && intVar(before, name) === isInt) continue;
      after ??= copyOwn(before);
      setOwn(after, name, vars[name]);
      setIntVar(after, name, isInt);
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
    if (vars[INT_VARS]) setIntVars(after, vars[INT_VARS]);
    for (const name of Object.keys(vars)) {
      if (hasOwn(before, name) && jsonEqual(before[name], vars[name]) && intVar(before, name) === intVar(vars, name)) {
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
  const out = list.slice(0, at).concat(tail.add);
  for (const i of list[FLOAT_KEYS] ?? []) if (i < at) markFloat(out, i);
  for (const i of tail.add[FLOAT_KEYS] ?? []) markFloat(out, at + i);
  return out;
}

function applyKeys(dict, keys) {
  const set = keys.set ?? {};
  const del = keys.del ?? [];
  if (!isPlainObject(dict) || !isPlainObject(set) || !Array.isArray(del)) {
    return `dict keys do not fit ${Array.isArray(dict) ? "a list" : dict === null ? "null" : typeof dict}`;
  }
  const out = copyOwn(dict);
  let order = dictKeys(dict); // Python's order: a new key goes last, a deleted one leaves
  let touched = false;
  for (const key of del.map(String)) {
    if (!hasOwn(out, key)) continue;
    delete out[key];
    out[FLOAT_KEYS]?.delete(key);
    order = order.filter((k) => k !== key);
    touched = true;
  }
  for (const key of dictKeys(set)) {
    const floatNow = set[FLOAT_KEYS]?.has(key) ?? false;
    if (hasOwn(out, key) && jsonEqual(out[key], set[key]) && (out[FLOAT_KEYS]?.has(key) ?? false) === floatNow) {
      continue; // unchanged: keep the reference
    }
    if (!hasOwn(out, key)) order.push(key);
    setOwn(out, key, set[key]);
    out[FLOAT_KEYS]?.delete(key);
    if (floatNow) markFloat(out, key);
    touched = true;
  }
  if (!touched) return dict;
  delete out[KEY_ORDER];
  return setKeyOrder(out, order);
}
