// rx.toast: messages in a corner of the page, on Radix's Toast primitive (focus, swipe, timers,
// screen-reader announcements), styled with the theme's tokens (styles.css .pyx-toast).
import { createElement as h, useEffect, useState } from "react";
import { Toast } from "radix-ui";
import { setToaster } from "./toastSlot.js";

let nextId = 1;

export function Toaster() {
  const [toasts, setToasts] = useState([]);
  useEffect(() => {
    setToaster((args) => setToasts((list) => [...list, { ...args, id: nextId++ }]));
    return () => setToaster(null);
  }, []);
  const close = (id) => setToasts((list) => list.filter((t) => t.id !== id));
  return h(
    Toast.Provider,
    { swipeDirection: "right" },
    toasts.map((t) =>
      h(Toast.Root, {
        key: t.id,
        className: "pyx-toast",
        "data-level": t.level ?? "default",
        duration: t.duration ?? 5000,
        onOpenChange: (open) => open || close(t.id),
      },
      h(Toast.Title, { className: "pyx-toast-title" }, String(t.message ?? "")),
      t.description ? h(Toast.Description, { className: "pyx-toast-description" }, String(t.description)) : null,
      h(Toast.Close, { className: "pyx-toast-close", "aria-label": "Close" }, "×"))),
    h(Toast.Viewport, { className: "pyx-toast-viewport" }),
  );
}
