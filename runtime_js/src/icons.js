// rx.icon with a name known only in the browser. The name is Reflex's ("arrow_right",
// "arrow-right") or lucide's own ("ArrowRight"); lucide's components are named in PascalCase.
import { createElement as h } from "react";

export function iconComponentName(name) {
  const words = String(name).trim().split(/[-_\s]+/).filter(Boolean);
  if (!words.length || !words.every((w) => /^[A-Za-z0-9]+$/.test(w))) return "";
  const pascal = words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
  return /^[A-Za-z]/.test(pascal) ? pascal : "";
}

const reported = new Set();

// An unknown name shows no icon, and says so once per name (never a silent blank).
export function unknownIcon(name) {
  if (!reported.has(name)) {
    reported.add(name);
    console.error(`rx.icon: lucide has no icon named ${JSON.stringify(name)}`);
  }
  return null;
}

// The names it can take were known at build: `icons` holds just those components.
export function IconByName({ tag, icons, ...props }) {
  const Icon = icons[iconComponentName(tag)];
  return Icon ? h(Icon, props) : unknownIcon(tag);
}
