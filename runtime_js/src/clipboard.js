// rx.clipboard(on_paste=State.h, targets=[ids]): what the user pastes reaches the handler as a
// list of [mime type, data] pairs, text as it is and files (a pasted image) as data: URLs, as in
// Reflex. It listens on the document, or only on the elements whose ids `targets` names.
import { useEffect, useRef } from "react";

function readItem(item) {
  if (item.kind === "string") return new Promise((done) => item.getAsString((text) => done([item.type, text])));
  const file = item.getAsFile();
  if (!file) return Promise.resolve(null);
  return new Promise((done) => {
    const reader = new FileReader();
    reader.onload = () => done([item.type || file.type, reader.result]);
    reader.onerror = () => done(null);
    reader.readAsDataURL(file);
  });
}

// The pairs of one paste event, in the clipboard's order (unreadable items left out).
export async function pastedItems(clipboardData) {
  const items = Array.from(clipboardData?.items ?? []);
  return (await Promise.all(items.map(readItem))).filter((pair) => pair !== null);
}

export function PyxClipboard({ targets, onPaste, onPasteEventActions, children }) {
  const latest = useRef({ onPaste, onPasteEventActions });
  latest.current = { onPaste, onPasteEventActions };
  const key = JSON.stringify(targets ?? null); // re-attach only when the ids change
  useEffect(() => {
    const listener = (event) => {
      const { onPaste: handler, onPasteEventActions: actions } = latest.current;
      if (actions?.prevent_default || actions?.preventDefault) event.preventDefault();
      if (actions?.stop_propagation || actions?.stopPropagation) event.stopPropagation();
      // Items must be read now: the clipboard data is emptied once the event has been handled.
      pastedItems(event.clipboardData).then((pairs) => {
        if (pairs.length) handler?.(pairs);
      });
    };
    const ids = JSON.parse(key);
    const elements = ids === null ? [document] : ids.map((id) => document.getElementById(id)).filter(Boolean);
    if (ids !== null && elements.length < ids.length) {
      const missing = ids.filter((id) => !document.getElementById(id));
      console.warn(`pyx: rx.clipboard targets ${JSON.stringify(missing)}: no element has that id`);
    }
    for (const element of elements) element.addEventListener("paste", listener);
    return () => {
      for (const element of elements) element.removeEventListener("paste", listener);
    };
  }, [key]);
  return children ?? null;
}
