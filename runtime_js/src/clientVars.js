// Client-only vars (Reflex's ClientStateVar): a value that lives in the page alone, shared by
// every component that reads it and never sent to the server. One slot per name, made on first
// use with the var's default; setting it re-renders exactly the components that read it.
import { useLayoutEffect, useReducer } from "react";
import { ACTIONS } from "./actions.js";

const slots = new Map(); // name -> { value, listeners: Set<() => void> }
const bump = (n) => n + 1;

function slot(name, initial) {
  let found = slots.get(name);
  if (!found) slots.set(name, (found = { value: initial, listeners: new Set() }));
  return found;
}

// The value of client var `name` (its default until something sets it), re-rendering on change.
// Subscribed in a layout effect, as useVar is, which also catches a set between render and subscribe.
export function useClientVar(name, initial) {
  const [, rerender] = useReducer(bump, 0);
  const held = slot(name, initial);
  const value = held.value;
  useLayoutEffect(() => {
    held.listeners.add(rerender);
    if (!Object.is(held.value, value)) rerender();
    return () => held.listeners.delete(rerender);
  }, [held]); // eslint-disable-line react-hooks/exhaustive-deps -- `value` is the first render's
  return value;
}

export function setClientVar(name, value) {
  const held = slot(name, value);
  if (Object.is(held.value, value)) return;
  held.value = value;
  for (const listener of [...held.listeners]) {
    try {
      listener();
    } catch (err) {
      console.error("pyx: client var listener failed", err); // one broken reader must not starve the rest
    }
  }
}

// What `retrieve()` hands to a handler: the value, or the default when nothing read or set it yet.
export function getClientVar(name, initial = null) {
  return slots.has(name) ? slots.get(name).value : initial;
}

// ClientStateVar.push(value) / .retrieve(callback=State.h) from a handler (pyxjs/experimental/
// client_state.py). main.jsx installs them only in apps that name client vars, so no other page
// ships this file.
export function installClientVarActions() {
  ACTIONS.client_var_set = ({ name, value }) => setClientVar(name, value);
  ACTIONS.client_var_get = ({ name, initial, callback }, env) => env.send(callback, [getClientVar(name, initial)]);
}
