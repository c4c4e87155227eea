// How a value the compiler could not type statically shows as a component's child, by the rules
// of docs/python-semantics.md: components render; None renders nothing; a list whose items are
// all components (or None) renders them (keyed by position where they have no key, as React needs); anything
// else prints as Python's str() would.
import { Fragment, cloneElement, createElement, isValidElement } from "react";
import { dict_items, iter, str } from "./py.js";

export function child(value, type) {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "object") {
    if (isValidElement(value)) return value;
    if (Array.isArray(value) && rendersAll(value)) return keyed(value);
  }
  return str(value, type);
}

// `rx.vstack(header, *children)`: each item of the starred value is a child of its own, shown as
// child() shows one (a component, text, an rx.foreach's items, nothing for None), keyed by position.
export function spreadChildren(items) {
  const out = [];
  Array.from(iter(items)).forEach((item, index) => {
    const shown = child(item);
    if (isValidElement(shown)) out.push(shown.key == null ? cloneElement(shown, { key: index }) : shown);
    else if (Array.isArray(shown)) out.push(createElement(Fragment, { key: index }, ...shown));
    else if (shown !== null) out.push(shown);
  });
  return out;
}

// What rx.foreach iterates when the compiler could not type the items: a dict's (key, value)
// pairs, as Reflex gives them, or the items of anything else.
export function eachItem(value) {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return dict_items(value);
  return iter(value);
}

// Components, with None where an rx.cond without an else rendered nothing and lists of them
// where an rx.foreach went through (both are common in the `*children` of a helper); an empty
// list renders nothing, a list holding no component at any depth prints as a list.
function rendersAll(items) {
  return items.length === 0 || (holdsElement(items) && items.every(renderable));
}

function renderable(item) {
  return item === null || item === undefined || isValidElement(item) || (Array.isArray(item) && rendersAll(item));
}

function holdsElement(items) {
  return items.some((item) => isValidElement(item) || (Array.isArray(item) && holdsElement(item)));
}

// Keyed by position where they have no key, as React needs (Children.toArray's keyed copies
// still trip React 19's key check; cloneElement does not); a nested list becomes a keyed Fragment.
function keyed(items) {
  const out = [];
  items.forEach((item, index) => {
    if (isValidElement(item)) out.push(item.key == null ? cloneElement(item, { key: index }) : item);
    else if (Array.isArray(item)) out.push(createElement(Fragment, { key: index }, ...keyed(item)));
  });
  return out;
}
