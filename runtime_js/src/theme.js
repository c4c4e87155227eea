// The page's theme root. Radix Themes' CSS keys everything off a `.radix-themes` element's data
// attributes; its own <Theme> also sets up tooltip and direction providers (about 22 KB gzipped).
// Pages whose components never read the theme context get this plain element with the same
// attributes instead; the build passes Radix's Theme when a page uses a select, menu or tooltip.
// The build resolves grayColor "auto" (pyxjs/components/theme.py), so no color table ships here.
import { createElement as h } from "react";

export function ThemeRoot({ appearance = "inherit", accentColor = "indigo", grayColor = "slate",
  panelBackground = "translucent", radius = "medium", scaling = "100%", hasBackground = true, className, children,
  ...rest }) {
  const mode = appearance === "light" || appearance === "dark" ? appearance : "";
  return h("div", {
    ...rest,
    "data-is-root-theme": "true",
    "data-accent-color": accentColor,
    "data-gray-color": grayColor,
    "data-has-background": hasBackground ? "true" : "false",
    "data-panel-background": panelBackground,
    "data-radius": radius,
    "data-scaling": scaling,
    className: ["radix-themes", mode, className].filter(Boolean).join(" "),
  }, children);
}
