// Small helpers the components share for Radix-style props.

// Join class names, skipping empty ones, so ours and the caller's className combine.
export function cx(...names) {
  return names.filter(Boolean).join(" ");
}

// A Radix scale step "0".."9" (numbers accepted too), or null for anything else.
export function step(value) {
  const s = value === null || value === undefined ? "" : String(value);
  return /^[0-9]$/.test(s) ? s : null;
}

// Caller's style wins over the layout a prop asked for; returns undefined when both are empty
// so React renders no empty style attribute.
export function mergeStyle(ours, theirs) {
  const merged = { ...ours, ...theirs };
  return Object.keys(merged).length ? merged : undefined;
}

// Reflex's color_scheme becomes Radix's data-accent-color; styles.css maps it to --pyx-accent.
export function accent(colorScheme) {
  return colorScheme ? { "data-accent-color": colorScheme } : {};
}
