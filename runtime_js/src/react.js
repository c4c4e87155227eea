// React bindings: useVar reads one var (one subscription per var, so a delta re-renders only the
// components that read a var that changed); useEvent returns a stable sender for one handler.
import { useCallback, useLayoutEffect, useReducer } from "react";
import { getRuntime } from "./runtime.js";

const bump = (n) => n + 1;

// Not useSyncExternalStore: that schedules a passive effect (and a Scheduler task to flush it) on
// every change of every var it reads, about a fifth of a one-leaf update's cost. Here a change
// re-renders through a reducer; the store's notification runs inside flushSync (start.js), so the
// commit still happens in the websocket message's task. The subscription is made once, in a
// layout effect, which also catches a change that landed between the render and the subscribe.
export function useVar(state, name) {
  const { store } = getRuntime();
  const [, rerender] = useReducer(bump, 0);
  const value = store.get(state, name);
  useLayoutEffect(() => {
    const unsubscribe = store.subscribe(state, name, rerender);
    if (!Object.is(store.get(state, name), value)) rerender();
    return unsubscribe;
  }, [store, state, name]); // eslint-disable-line react-hooks/exhaustive-deps -- `value` is the first render's
  return value;
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
