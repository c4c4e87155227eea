// React bindings: useVar reads one var (one subscription per var, so a delta re-renders only the
// components that read a var that changed); useEvent returns a stable sender for one handler.
import { useCallback, useSyncExternalStore } from "react";
import { getRuntime } from "./runtime.js";

export function useVar(state, name) {
  const { store } = getRuntime();
  const subscribe = useCallback((onChange) => store.subscribe(state, name, onChange), [store, state, name]);
  const read = () => store.get(state, name);
  // Same reader for the server snapshot so renderToString works (tests, future SSR).
  return useSyncExternalStore(subscribe, read, read);
}

// DOM/React events cannot be serialised and a Python handler cannot use them, so
// `onClick={handler}` sends no arguments instead of failing on a circular event object.
function isDomEvent(x) {
  if (x === null || typeof x !== "object") return false;
  if (typeof Event !== "undefined" && x instanceof Event) return true;
  return "nativeEvent" in x && typeof x.preventDefault === "function";
}

export function useEvent(handlerName) {
  // The socket is looked up when the event fires, not at render, so the callback stays stable.
  return useCallback(
    (...args) => getRuntime().socket.send(handlerName, args.filter((a) => !isDomEvent(a))),
    [handlerName],
  );
}
