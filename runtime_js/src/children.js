// How a value the compiler could not type statically shows as a component's child, by the rules
// of docs/python-semantics.md: components render; None renders nothing; a list whose items are
// all components renders them (keyed by position, as React needs); anything else prints as
// Python's str() would.
import { Children, isValidElement } from "react";
import { str } from "./py.js";

export function child(value, type) {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "object") {
    if (isValidElement(value)) return value;
    if (Array.isArray(value) && value.every(isValidElement)) return Children.toArray(value);
  }
  return str(value, type);
}
