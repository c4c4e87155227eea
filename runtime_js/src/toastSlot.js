// Where a toast goes: the Toaster (toast.js) registers itself when the page mounts it. The build
// mounts it only for apps that use rx.toast, so other apps do not ship it; an action that finds
// no Toaster says so rather than vanish.
import { useEffect } from "react";

let show = null;
let defaults = {};

export function setToaster(fn) {
  show = fn;
}

export function showToast(args, console = globalThis.console) {
  if (!show) {
    console.error("pyx: rx.toast was sent, but this page has no toaster (the build found no rx.toast in the app)");
    return;
  }
  show({ ...defaults, ...args });
}

// rx.toast.provider(position=..., duration=..., rich_colors=...): where and how long toasts show,
// and whether their background takes their level's colour, unless a toast says otherwise; the
// toaster itself is mounted by the build. Renders nothing.
export function PyxToastProvider({ position, duration, richColors }) {
  useEffect(() => {
    defaults = Object.fromEntries(Object.entries({ position, duration, richColors }).filter(([, v]) => v !== undefined));
    return () => {
      defaults = {};
    };
  }, [position, duration, richColors]);
  return null;
}
