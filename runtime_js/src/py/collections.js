// list and dict methods, receiver first, and method(): dispatch when the receiver's static
// type is unknown.

import { PyError, typeName, isDict, toIndex, iter, dictKeys, dictMerge, FLOAT_KEYS, markFloat } from "./core.js";
import { eq } from "./ops.js";
import { pyRepr } from "./repr.js";
import * as S from "./strmethods.js";

function clamp(i, n) {
  if (i < 0) return Math.max(0, i + n);
  return Math.min(i, n);
}

export function list_index(list, x, start = null, end = null) {
  const n = list.length;
  const a = start === null ? 0 : clamp(toIndex(start), n);
  const b = end === null ? n : clamp(toIndex(end), n);
  for (let i = a; i < b; i++) if (eq(list[i], x)) return i;
  throw new PyError("ValueError", `${pyRepr(x)} is not in list`);
}

export function list_count(list, x) {
  let n = 0;
  for (const y of list) if (eq(y, x)) n++;
  return n;
}

export const list_copy = (list) => list.slice();

export function dict_get(d, key, fallback = null) {
  if (Array.isArray(key) || isDict(key)) throw new PyError("TypeError", `unhashable type: '${typeName(key)}'`);
  return typeof key === "string" && Object.hasOwn(d, key) ? d[key] : fallback;
}

export const dict_copy = (d) => dictMerge(d);
export const dict_keys = (d) => dictKeys(d);
// A marked whole float (isFloatItem) stays marked in the lists these build.
export function dict_values(d) {
  const keys = dictKeys(d);
  const out = keys.map((k) => d[k]);
  if (d[FLOAT_KEYS]) keys.forEach((k, i) => d[FLOAT_KEYS].has(k) && markFloat(out, i));
  return out;
}
export function dict_items(d) {
  const floats = d[FLOAT_KEYS];
  return dictKeys(d).map((k) => {
    const pair = [k, d[k]];
    if (floats?.has(k)) markFloat(pair, 1);
    return pair;
  });
}

const LIST = { index: list_index, count: list_count, copy: list_copy };
const DICT = { get: dict_get, copy: dict_copy, keys: dict_keys, values: dict_values, items: dict_items };

// obj.name(...args) for a str, list or dict known only at run time.
export function method(obj, name, ...args) {
  let fn;
  if (typeof obj === "string") fn = Object.hasOwn(S, `str_${name}`) ? S[`str_${name}`] : undefined;
  else if (Array.isArray(obj)) fn = Object.hasOwn(LIST, name) ? LIST[name] : undefined;
  else if (isDict(obj)) fn = Object.hasOwn(DICT, name) ? DICT[name] : undefined;
  if (!fn) throw new PyError("AttributeError", `'${typeName(obj)}' object has no attribute '${name}'`);
  return fn(obj, ...args);
}

// `a, b = value`: Python checks the count; JS destructuring would fill in undefined.
export function unpack(value, count) {
  const items = iter(value);
  if (items.length !== count) {
    throw new PyError("ValueError", items.length > count
      ? `too many values to unpack (expected ${count})`
      : `not enough values to unpack (expected ${count}, got ${items.length})`);
  }
  return items;
}

// Reflex's Var.to_string(): the value as compact JSON.
export function toJSON(value) {
  return orderedJSON(value);
}

// JSON.stringify, but a dict's keys in its own order (JSON.stringify lists integer-like keys first).
function orderedJSON(value) {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : orderedJSON(v))).join(",")}]`;
  if (isDict(value)) {
    const parts = [];
    for (const key of dictKeys(value)) {
      if (value[key] !== undefined) parts.push(`${JSON.stringify(key)}:${orderedJSON(value[key])}`);
    }
    return `{${parts.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
