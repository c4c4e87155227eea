// How a value the compiler could not type statically shows as a component's child, by the rules
// of docs/python-semantics.md: components render; None renders nothing; a list whose items are
// all components (or None) renders them (keyed by position where they have no key, as React needs); anything
// else prints as Python's str() would.
import { cloneElement, isValidElement } from "react";
import { dict_items, iter, str } from "./py.js";

export function child(value, type) {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "object") {
    if (isValidElement(value)) return value;
    if (Array.isArray(value) && rendersAll(value)) return keyed(value.filter(isValidElement));
  }
  return str(value, type);
}

// What rx.foreach iterates when the compiler could not type the items: a dict's (key, value)
// pairs, as Reflex gives them, or the items of anything else.
export function eachItem(value) {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return dict_items(value);
  return iter(value);
}

// Components, with None where an rx.cond without an else rendered nothing (`*children` of a
// helper often holds one); an empty list renders nothing, a list of only Nones prints as a list.
function rendersAll(items) {
  const nothing = (item) => item === null || item === undefined;
  return items.length === 0 || (items.some(isValidElement) && items.every((item) => nothing(item) || isValidElement(item)));
}

// Children.toArray's keyed copies still trip React 19's key check; cloneElement does not.
function keyed(elements) {
  return elements.map((element, index) => (element.key == null ? cloneElement(element, { key: index }) : element));
}
