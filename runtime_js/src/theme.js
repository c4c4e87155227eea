// The page's theme root. Radix Themes' CSS keys everything off a `.radix-themes` element's data
// attributes; its own <Theme> also sets up tooltip and direction providers (about 22 KB gzipped).
// Pages whose components never read the theme context get this plain element with the same
// attributes instead; the build passes Radix's Theme when a page uses a select, menu or tooltip.
import { createElement as h } from "react";

export const DEFAULT_THEME = {
  appearance: "inherit",
  accentColor: "indigo",
  grayColor: "auto",
  panelBackground: "translucent",
  radius: "medium",
  scaling: "100%",
  hasBackground: true,
};

// Radix's rule for grayColor "auto": the gray that suits the accent.
const NATURAL_GRAY = {
  tomato: "mauve", red: "mauve", ruby: "mauve", crimson: "mauve", pink: "mauve", plum: "mauve", purple: "mauve",
  violet: "mauve", iris: "slate", indigo: "slate", blue: "slate", sky: "slate", cyan: "slate", teal: "sage",
  jade: "sage", mint: "sage", green: "sage", grass: "olive", lime: "olive", yellow: "sand", amber: "sand",
  gold: "sand", bronze: "sand", brown: "sand", orange: "sand",
};

export function resolvedGray(accentColor, grayColor) {
  return grayColor === "auto" ? NATURAL_GRAY[accentColor] ?? "gray" : grayColor;
}

export function ThemeRoot({ appearance, accentColor, grayColor, panelBackground, radius, scaling, hasBackground,
  className, children, ...rest }) {
  const t = { ...DEFAULT_THEME, ...definedOnly({ appearance, accentColor, grayColor, panelBackground, radius, scaling,
    hasBackground }) };
  const mode = t.appearance === "light" || t.appearance === "dark" ? t.appearance : "";
  return h("div", {
    ...rest,
    "data-is-root-theme": "true",
    "data-accent-color": t.accentColor,
    "data-gray-color": resolvedGray(t.accentColor, t.grayColor),
    "data-has-background": t.hasBackground ? "true" : "false",
    "data-panel-background": t.panelBackground,
    "data-radius": t.radius,
    "data-scaling": t.scaling,
    className: ["radix-themes", mode, className].filter(Boolean).join(" "),
  }, children);
}

function definedOnly(values) {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null));
}
