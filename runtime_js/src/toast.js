// rx.toast: messages in a corner of the page, on Radix's Toast primitive (focus, swipe, timers,
// screen-reader announcements), styled with the theme's tokens (styles.css .pyx-toast).
import { createElement as h, useEffect, useState } from "react";
import { Toast } from "radix-ui";
import { setToaster } from "./toastSlot.js";

let nextId = 1;

// rx.toast(position=...): sonner's six places (Reflex's toasts are sonner's), bottom-right by
// default. Radix gives each Provider one Viewport, so each place in use has a Provider of its own.
export const TOAST_POSITIONS = ["top-left", "top-center", "top-right", "bottom-left", "bottom-center", "bottom-right"];
const SWIPE = { left: "left", right: "right", center: "down" };

function swipeFor(position) {
  const [edge, side] = position.split("-");
  return side === "center" && edge === "top" ? "up" : SWIPE[side];
}

export function Toaster() {
  const [toasts, setToasts] = useState([]);
  useEffect(() => {
    setToaster((args) => setToasts((list) => [...list, { ...args, id: nextId++ }]));
    return () => setToaster(null);
  }, []);
  const close = (id) => setToasts((list) => list.filter((t) => t.id !== id));
  const placeOf = (t) => (TOAST_POSITIONS.includes(t.position) ? t.position : "bottom-right");
  const places = TOAST_POSITIONS.filter((p) => p === "bottom-right" || toasts.some((t) => placeOf(t) === p));
  return places.map((place) => h(
    Toast.Provider,
    { key: place, swipeDirection: swipeFor(place) },
    toasts.filter((t) => placeOf(t) === place).map((t) =>
      h(Toast.Root, {
        key: t.id,
        className: "pyx-toast",
        "data-level": t.level ?? "default",
        "data-rich": t.richColors ? "" : undefined,
        duration: t.duration ?? 5000,
        onOpenChange: (open) => open || close(t.id),
      },
      h(Toast.Title, { className: "pyx-toast-title" }, String(t.message ?? "")),
      t.description ? h(Toast.Description, { className: "pyx-toast-description" }, String(t.description)) : null,
      h(Toast.Close, { className: "pyx-toast-close", "aria-label": "Close" }, "×"))),
    h(Toast.Viewport, { className: "pyx-toast-viewport", "data-position": place }),
  ));
}
