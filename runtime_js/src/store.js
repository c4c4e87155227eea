// The client's copy of the server State: framework-free, one listener set per var, so a delta
// wakes only the components that read a var whose value actually changed. `batch` runs each
// notification round: start() passes React's flushSync, so a delta's components re-render and
// commit inside the websocket message's own handler, all of them in one commit.
import { applyDelta, applyPatch, replaceState } from "./delta.js";

const keyOf = (state, name) => `${state}\u0000${name}`;
const hasOwn = (obj, key) => obj != null && Object.prototype.hasOwnProperty.call(obj, key);

export function createStore(initial = {}, { batch = (run) => run() } = {}) {
  let current = replaceState({}, initial).next;
  const listeners = new Map(); // keyOf(state, name) -> Set<listener>

  function notify(changed) {
    if (changed.length) batch(() => notifyEach(changed));
  }

  function notifyEach(changed) {
    for (const [state, name] of changed) {
      const set = listeners.get(keyOf(state, name));
      if (!set) continue;
      // Copy: a listener may unsubscribe (or subscribe) while we iterate.
      for (const listener of [...set]) {
        try {
          listener();
        } catch (err) {
          // One broken listener must not starve the others of the update.
          console.error("pyx: store listener failed", err);
        }
      }
    }
  }

  return {
    get(state, name) {
      return hasOwn(current, state) && hasOwn(current[state], name) ? current[state][name] : undefined;
    },
    getState(state) {
      return hasOwn(current, state) ? current[state] : undefined;
    },
    snapshot() {
      return current;
    },
    hydrate(fullState) {
      const { next, changed } = replaceState(current, fullState);
      current = next;
      notify(changed);
      return changed;
    },
    apply(delta) {
      const { next, changed } = applyDelta(current, delta);
      current = next;
      notify(changed);
      return changed;
    },
    // List tails; returns the problems (tails that do not fit: the copy is out of sync).
    patch(tails) {
      const { next, changed, problems } = applyPatch(current, tails);
      current = next;
      notify(changed);
      return problems;
    },
    subscribe(state, name, listener) {
      const key = keyOf(state, name);
      let set = listeners.get(key);
      if (!set) listeners.set(key, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(key) === set) listeners.delete(key);
      };
    },
  };
}
