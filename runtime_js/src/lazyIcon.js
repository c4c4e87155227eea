// rx.icon(name) where any name may come (a State var): lucide's whole icon set, loaded on first
// use. Generated modules import this file only for such icons, and the build splits the
// dynamic import into a chunk of its own, so no other page downloads it.
import { createElement as h, useEffect, useState } from "react";
import { iconComponentName, unknownIcon } from "./icons.js";

let lucide = null;
let loading = null;

export function loadIcons() {
  loading ??= import("lucide-react").then((module) => (lucide = module));
  return loading;
}

// Exports of the package that are not icons.
const NOT_ICONS = new Set(["Icon", "LucideProvider"]);

export function LazyIcon({ tag, ...props }) {
  const [, setLoaded] = useState(lucide !== null);
  useEffect(() => {
    if (lucide === null) loadIcons().then(() => setLoaded(true));
  }, []);
  if (lucide === null) {
    // Until the set arrives: an empty box of the icon's size, so nothing moves when it shows.
    const size = props.size ?? 24;
    return h("svg", { width: size, height: size, className: props.className, style: props.style, "aria-hidden": true });
  }
  const pascal = iconComponentName(tag);
  const Icon = NOT_ICONS.has(pascal) ? undefined : lucide[pascal];
  return Icon ? h(Icon, props) : unknownIcon(tag);
}
