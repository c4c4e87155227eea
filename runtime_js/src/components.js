// The core components, Radix-Themes-flavoured and tiny. Each adds its own pyx-* class, merges
// the caller's className/style, and passes every other prop (events, id, aria-*, data-*) to its
// DOM element. Written without JSX: this folder is bundled as-is, with no build step of its own.
import { createElement as h } from "react";
import { accent, cx, mergeStyle, step } from "./props.js";

export { Avatar } from "./avatar.js";
export { Upload } from "./upload.js";

// Radix spells flex alignment as start/end/between; plain CSS values pass through unchanged.
const FLEX = { start: "flex-start", end: "flex-end", between: "space-between", around: "space-around", evenly: "space-evenly" };
const flex = (v) => FLEX[v] ?? v;
const WEIGHTS = new Set(["light", "regular", "medium", "bold"]);

function stack(kind, displayName) {
  function Stack({ spacing = "2", align, justify, wrap, className, style, colorScheme, ...rest }) {
    const gap = step(spacing);
    const layout = {};
    if (gap === null && spacing !== null && spacing !== undefined) layout.gap = spacing; // e.g. "1.5em"
    if (align !== undefined) layout.alignItems = flex(align);
    if (justify !== undefined) layout.justifyContent = flex(justify);
    if (wrap !== undefined) layout.flexWrap = wrap === true ? "wrap" : wrap === false ? "nowrap" : wrap;
    return h("div", {
      ...rest,
      ...accent(colorScheme),
      className: cx(`pyx-${kind}`, gap !== null && `pyx-gap-${gap}`, className),
      style: mergeStyle(layout, style),
    });
  }
  Stack.displayName = displayName;
  return Stack;
}

export const HStack = stack("hstack", "HStack");
export const VStack = stack("vstack", "VStack");

export function Box({ className, colorScheme, ...rest }) {
  return h("div", { ...rest, ...accent(colorScheme), className: cx("pyx-box", className) });
}

// Shared by Text and Heading: size step, weight and text alignment.
function typography(base, { size, weight, align, className, style }) {
  const sizeStep = step(size);
  return {
    className: cx(base, sizeStep && `pyx-size-${sizeStep}`, WEIGHTS.has(weight) && `pyx-weight-${weight}`, className),
    style: mergeStyle(align !== undefined ? { textAlign: align } : {}, style),
  };
}

export function Text({ as = "span", size, weight, align, className, style, colorScheme, ...rest }) {
  return h(as, { ...rest, ...accent(colorScheme), ...typography("pyx-text", { size, weight, align, className, style }) });
}

export function Heading({ as = "h2", size = "6", weight, align, className, style, colorScheme, ...rest }) {
  return h(as, { ...rest, ...accent(colorScheme), ...typography("pyx-heading", { size, weight, align, className, style }) });
}

// type="button" by default: inside a form a bare <button> would submit it.
export function Button({ size = "2", variant = "solid", type = "button", className, colorScheme, ...rest }) {
  return h("button", {
    ...rest,
    ...accent(colorScheme),
    type,
    className: cx("pyx-button", `pyx-button-size-${step(size) ?? "2"}`, `pyx-variant-${variant}`, className),
  });
}

// Uncontrolled unless `value` is given. A value without onChange could never change from the
// keyboard, so say so with readOnly (React would otherwise warn and do the same).
export function Input({ size = "2", variant = "surface", className, colorScheme, value, onChange, readOnly, ...rest }) {
  const controlled = value !== undefined;
  return h("input", {
    ...rest,
    ...accent(colorScheme),
    ...(controlled ? { value: value ?? "" } : {}),
    onChange,
    readOnly: readOnly ?? (controlled && !onChange ? true : undefined),
    className: cx("pyx-input", `pyx-input-size-${step(size) ?? "2"}`, `pyx-variant-${variant}`, className),
  });
}

export function Image({ className, colorScheme, ...rest }) {
  return h("img", { ...rest, ...accent(colorScheme), className: cx("pyx-image", className) });
}
