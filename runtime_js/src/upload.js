// rx.upload: a drop zone that also opens the file picker on click (or Enter/Space), with a
// hidden <input type=file>. The files it keeps (after validation) become the selection of its
// upload id, which rx.selected_files shows and rx.upload_files sends.
import { createElement as h, useRef, useState } from "react";
import { acceptAttribute, selectFiles, validateFiles } from "./selection.js";

export function Upload({
  id = "default", multiple = false, accept, maxFiles, maxSize, minSize, disabled = false,
  noClick = false, noDrag = false, noKeyboard = false, onDrop, onClick, onKeyDown,
  className, color, children, ...rest
}) {
  const input = useRef(null);
  const [dragging, setDragging] = useState(false);

  function take(picked) {
    const { accepted, rejected } = validateFiles(Array.from(picked ?? []), { accept, multiple, maxFiles, maxSize, minSize });
    for (const { file, reasons } of rejected) console.warn(`pyx: rx.upload ${JSON.stringify(id)} refused ${file.name}: ${reasons.join(", ")}`);
    if (!accepted.length) return;
    selectFiles(id, accepted);
    onDrop?.();
  }

  const openPicker = () => {
    if (!disabled) input.current?.click();
  };
  const dragProps = noDrag || disabled ? {} : {
    onDragEnter: (e) => { e.preventDefault(); setDragging(true); },
    onDragOver: (e) => e.preventDefault(), // without it the browser opens the dropped file
    onDragLeave: () => setDragging(false),
    onDrop: (e) => {
      e.preventDefault();
      setDragging(false);
      take(e.dataTransfer?.files);
    },
  };
  return h("div", {
    ...rest,
    ...(color ? { "data-accent-color": color } : {}),
    ...dragProps,
    id,
    role: "button",
    tabIndex: noKeyboard || disabled ? undefined : 0,
    "aria-disabled": disabled || undefined,
    "data-dragging": dragging || undefined,
    className: className ? `pyx-upload ${className}` : "pyx-upload",
    onClick: (e) => {
      onClick?.(e);
      if (!noClick && e.target !== input.current) openPicker();
    },
    onKeyDown: (e) => {
      onKeyDown?.(e);
      if (!noKeyboard && (e.key === "Enter" || e.key === " ")) {
        e.preventDefault();
        openPicker();
      }
    },
  },
  h("input", {
    ref: input,
    type: "file",
    multiple,
    accept: acceptAttribute(accept),
    disabled,
    style: { display: "none" },
    tabIndex: -1,
    onChange: (e) => {
      take(e.target.files);
      e.target.value = ""; // picking the same file again must fire change again
    },
  }),
  children);
}
