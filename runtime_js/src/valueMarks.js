// What JSON cannot say of the server's values, for pages whose code prints Python values (the
// compiler imports this module for its effect from every module that calls py.js): a dict's key
// order where JS would list integer-like keys first, the whole floats JSON's 4.0 turns into 4,
// and the vars declared float that hold an int. A frame carries them as "order", "floats" and
// "ints" (docs/protocol.md); the socket hands each frame here before applying it. Loading this
// module installs it (delta.js's `marks`), so a page that prints no Python value ships none of it.

import { applyPatch, marks } from "./delta.js";
import { FLOAT_KEYS, KEY_ORDER, dictFromEntries, dictKeys, intVars, markFloat, setKeyOrder } from "./py/core.js";

const hasOwn = (obj, key) => obj != null && Object.prototype.hasOwnProperty.call(obj, key);
const isPlainObject = (x) =>
  x !== null && typeof x === "object" && !Array.isArray(x) &&
  (Object.getPrototypeOf(x) === Object.prototype || Object.getPrototypeOf(x) === null);

function follow(value, path) {
  let target = value;
  for (const step of path) target = target != null && typeof target === "object" && hasOwn(target, step) ? target[step] : undefined;
  return target;
}

// Calls fn(the var's value in the frame, entry) for each entry of a marks table
// ({state: {var: [entry, ...]}}) whose var the frame's section holds.
function eachMarked(section, table, fn) {
  if (!isPlainObject(section) || !isPlainObject(table)) return;
  for (const state of Object.keys(table)) {
    const vars = table[state];
    if (!isPlainObject(vars) || !isPlainObject(section[state])) continue;
    for (const name of Object.keys(vars)) {
      if (!hasOwn(section[state], name) || !Array.isArray(vars[name])) continue;
      for (const entry of vars[name]) fn(section[state][name], entry);
    }
  }
}

// order = { state: { var: [[path, keys], ...] } }: each path (keys and indexes) leads from a var's
// value in the frame's `section` (its `state`, `delta` or `patch`) to a dict, given its keys' order.
export function applyKeyOrders(section, order) {
  eachMarked(section, order, (value, entry) => {
    if (!Array.isArray(entry) || !Array.isArray(entry[0]) || !Array.isArray(entry[1])) return;
    const target = follow(value, entry[0]);
    if (isPlainObject(target)) setKeyOrder(target, entry[1].map(String));
  });
}

// floats = { state: { var: [path, ...] } }: each path leads to a whole float; its list or dict
// is marked (isFloatItem).
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

// ints = { state: [var, ...] } for the vars of `section` (a hydrate's whole state, or a delta's
// changed vars): which now hold an int though declared float (isIntVar).
export function applyIntVars(section, ints, whole) {
  if (!isPlainObject(section)) return;
  for (const state of Object.keys(section)) {
    if (whole) intVars[state] = new Set();
    const named = new Set(Array.isArray(ints?.[state]) ? ints[state] : []);
    for (const name of Object.keys(section[state] ?? {})) {
      if (named.has(name)) (intVars[state] ??= new Set()).add(name);
      else intVars[state]?.delete(name);
    }
  }
}

// Two values carry the same marks (the same JSON with others prints differently).
function same(a, b) {
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return true;
  const x = a[FLOAT_KEYS];
  const y = b[FLOAT_KEYS];
  if ((x?.size ?? 0) !== (y?.size ?? 0)) return false;
  if (x) for (const key of x) if (!y.has(key)) return false;
  if (!isPlainObject(a) || !(a[KEY_ORDER] || b[KEY_ORDER])) return true;
  const keys = dictKeys(a);
  const others = dictKeys(b);
  return keys.length === others.length && keys.every((key, i) => key === others[i]);
}

// A patch part rebuilds its list or dict (delta.js keeps no marks): where the var holds marks
// or the part brings some, the page applies the part here, carries the marks over, and hands
// the store the whole new value instead.
function patchWithMarks(frame, store) {
  for (const state of Object.keys(frame.patch)) {
    const parts = frame.patch[state];
    if (!isPlainObject(parts)) continue;
    for (const name of Object.keys(parts)) {
      const part = parts[name];
      const held = store.get(state, name);
      const brought = part?.add?.[FLOAT_KEYS] || part?.set?.[FLOAT_KEYS] || part?.set?.[KEY_ORDER];
      if (held === null || typeof held !== "object" || !(held[FLOAT_KEYS] || held[KEY_ORDER] || brought)) continue;
      const { next, problems } = applyPatch({ [state]: { [name]: held } }, { [state]: { [name]: part } });
      if (problems.length) continue; // the store reports it and re-syncs
      let value = next[state][name];
      if (value === held) value = Array.isArray(held) ? held.slice() : dictFromEntries(dictKeys(held).map((k) => [k, held[k]]));
      if (Array.isArray(value)) {
        for (const i of held[FLOAT_KEYS] ?? []) if (i < part.at) markFloat(value, i);
        for (const i of part.add[FLOAT_KEYS] ?? []) markFloat(value, part.at + i);
      } else {
        const gone = new Set([...(part.del ?? []).map(String), ...Object.keys(part.set ?? {})]);
        for (const key of held[FLOAT_KEYS] ?? []) if (!gone.has(key)) markFloat(value, key);
        for (const key of part.set?.[FLOAT_KEYS] ?? []) markFloat(value, key);
        // Python's order: the held keys less the deleted ones, then the new keys in their order
        // (a key deleted and set again in one event moves last)
        const deleted = new Set((part.del ?? []).map(String));
        const order = dictKeys(held).filter((k) => hasOwn(value, k) && !deleted.has(k));
        for (const key of part.set ? dictKeys(part.set) : []) if (!order.includes(key)) order.push(key);
        delete value[KEY_ORDER];
        setKeyOrder(value, order);
      }
      ((frame.delta ??= {})[state] ??= {})[name] = value;
      delete parts[name];
    }
  }
}

function frameMarks(frame, store) {
  const sections = frame.type === "hydrate" ? [frame.state] : [frame.delta, frame.patch];
  for (const section of sections) {
    if (frame.order) applyKeyOrders(section, frame.order);
    if (frame.floats) applyFloatMarks(section, frame.floats);
  }
  if (frame.type === "hydrate") applyIntVars(frame.state, frame.ints, true);
  else if (frame.delta) applyIntVars(frame.delta, frame.ints, false);
  if (isPlainObject(frame.patch)) patchWithMarks(frame, store);
}

marks.same = same;
marks.frame = frameMarks;
