// The page's color mode: "light", "dark" or "system" (the OS preference), kept per browser in
// localStorage as Reflex keeps it. The theme root follows it unless rx.theme(appearance=...) fixes one.
import { useSyncExternalStore } from "react";

const KEY = "pyx-color-mode";
const MODES = new Set(["light", "dark", "system"]);
const listeners = new Set();
let chosen = null; // read lazily: node tests and server rendering have no window

function storage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // privacy modes: the mode just does not survive a reload
  }
}

function current() {
  if (chosen === null) {
    const stored = storage()?.getItem(KEY);
    chosen = MODES.has(stored) ? stored : "system";
  }
  return chosen;
}

function systemMode() {
  return globalThis.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export function resolvedColorMode() {
  const mode = current();
  return mode === "system" ? systemMode() : mode;
}

export function setColorMode(mode) {
  const next = mode === "toggle" ? (resolvedColorMode() === "dark" ? "light" : "dark") : mode;
  if (!MODES.has(next)) throw new Error(`color mode must be light, dark or system, not ${JSON.stringify(mode)}`);
  chosen = next;
  try {
    storage()?.setItem(KEY, next);
  } catch {
    // quota or privacy mode: the choice lasts this page's life
  }
  for (const listener of [...listeners]) listener();
}

function subscribe(listener) {
  listeners.add(listener);
  const media = globalThis.matchMedia?.("(prefers-color-scheme: dark)");
  media?.addEventListener?.("change", listener);
  return () => {
    listeners.delete(listener);
    media?.removeEventListener?.("change", listener);
  };
}

// "light" or "dark", as the page shows it now.
export function useColorMode() {
  return useSyncExternalStore(subscribe, resolvedColorMode, () => "light");
}
