// Adapters where Reflex's component API differs from Radix Themes'. Every other core component is
// a Radix Themes component used as it is (re-exported by index.js). Each adapter passes the
// caller's other props through. Written without JSX: this folder is bundled as-is.
import { createElement as h, useEffect, useRef } from "react";
import {
  Callout,
  Checkbox,
  Flex,
  IconButton,
  Link,
  RadioGroup,
  Select,
  Switch,
  Text,
  TextArea,
  TextField,
} from "@radix-ui/themes";
import { Moon, Sun } from "lucide-react";
import { navigate } from "./router.js";
import { setColorMode, useColorMode } from "./colorMode.js";

export { Upload } from "./upload.js";

// A `value` without onChange could never change from the keyboard: say so with readOnly, as
// React would otherwise warn and do the same.
function controlled({ value, onChange, readOnly, ...rest }) {
  const isControlled = value !== undefined;
  return {
    ...rest,
    ...(isControlled ? { value: value ?? "" } : {}),
    onChange,
    readOnly: readOnly ?? (isControlled && !onChange ? true : undefined),
  };
}

export function PyxInput(props) {
  return h(TextField.Root, controlled(props));
}

export function PyxTextArea(props) {
  return h(TextArea, controlled(props));
}

// rx.checkbox("Remember me", on_change=...): a label around the box and its text.
export function PyxCheckbox({ children, size, ...rest }) {
  const box = h(Checkbox, { size, ...rest });
  if (children === undefined || children === null || children === false) return box;
  return h(Text, { as: "label", size }, h(Flex, { as: "span", gap: "2", align: "center" }, box, children));
}

// rx.radio_group(["a", "b"], value=..., on_change=...): one labelled item per entry.
export function PyxRadioGroup({ items = [], direction = "column", spacing = "2", size, children, ...rest }) {
  return h(
    RadioGroup.Root,
    { size, ...rest },
    h(
      Flex,
      { direction, gap: spacing },
      items.map((item) =>
        h(Text, { as: "label", size, key: String(item) },
          h(Flex, { as: "span", gap: "2", align: "center" }, h(RadioGroup.Item, { value: String(item) }), String(item)))),
      children,
    ),
  );
}

// rx.select(["a", "b"], value=..., placeholder=..., on_change=...): trigger, content and items.
export function PyxSelect({ items = [], placeholder, label, variant, radius, position, color, highContrast, id,
  className, style, ...root }) {
  const options = items.map((item) => h(Select.Item, { value: String(item), key: String(item) }, String(item)));
  return h(
    Select.Root,
    root,
    h(Select.Trigger, { placeholder, variant, radius, color, id, className, style }),
    h(Select.Content, { position, color, highContrast },
      label !== undefined ? h(Select.Group, null, h(Select.Label, null, label), options) : options),
  );
}

// rx.callout("text", icon=...): Radix's root, optional icon slot and text.
export function PyxCallout({ children, icon, ...rest }) {
  return h(Callout.Root, rest, icon ? h(Callout.Icon, null, icon) : null, h(Callout.Text, null, children));
}

// An internal href moves inside the app (no reload, state kept); external ones are plain links.
export function PyxLink({ href, isExternal, target, rel, onClick, ...rest }) {
  const external = isExternal || (typeof href === "string" && /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(href));
  const props = { ...rest, href, onClick };
  if (isExternal) Object.assign(props, { target: target ?? "_blank", rel: rel ?? "noopener noreferrer" });
  else Object.assign(props, { target, rel });
  if (!external && typeof href === "string" && !target) {
    props.onClick = (event) => {
      onClick?.(event);
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      event.preventDefault();
      navigate(href);
    };
  }
  return h(Link, props);
}

// rx.form(on_submit=State.h): the handler gets the named fields as a dict, the page never reloads.
export function formData(form) {
  const data = {};
  for (const [name, value] of new FormData(form).entries()) {
    if (typeof value === "string") data[name] = value;
  }
  // As in Reflex, an unchecked box is absent and a checked one is "on" (the browser's form rules).
  return data;
}

export function PyxForm({ onSubmit, resetOnSubmit = false, preventDefault = true, ...rest }) {
  return h("form", {
    ...rest,
    onSubmit: (event) => {
      if (preventDefault) event.preventDefault();
      const form = event.currentTarget;
      onSubmit?.(formData(form));
      if (resetOnSubmit) form.reset();
    },
  });
}

// on_mount / on_unmount on any component: run once when it enters the page and when it leaves.
// The latest callbacks are read at that moment, so a re-render never re-runs them.
export function Lifecycle({ onMount, onUnmount, children }) {
  const latest = useRef({ onMount, onUnmount });
  latest.current = { onMount, onUnmount };
  useEffect(() => {
    latest.current.onMount?.();
    return () => latest.current.onUnmount?.();
  }, []);
  return children;
}

// rx.color_mode.button / .icon / .switch: the page's light/dark switch, remembered per browser.
const CORNERS = {
  "top-left": { top: "1rem", left: "1rem" }, "top-right": { top: "1rem", right: "1rem" },
  "bottom-left": { bottom: "1rem", left: "1rem" }, "bottom-right": { bottom: "1rem", right: "1rem" },
};

export function ColorModeIcon({ lightIcon, darkIcon, size = 18 }) {
  const dark = useColorMode() === "dark";
  return (dark ? darkIcon : lightIcon) ?? h(dark ? Moon : Sun, { size });
}

export function ColorModeButton({ position, style, variant = "ghost", lightIcon, darkIcon, onClick, ...rest }) {
  const corner = CORNERS[position];
  return h(IconButton, {
    "aria-label": "Switch between light and dark mode",
    variant,
    ...rest,
    style: corner ? { position: "fixed", zIndex: 20, ...corner, ...style } : style,
    onClick: (event) => {
      setColorMode("toggle");
      onClick?.(event);
    },
  }, h(ColorModeIcon, { lightIcon, darkIcon }));
}

export function ColorModeSwitch({ onCheckedChange, ...rest }) {
  const dark = useColorMode() === "dark";
  return h(Switch, {
    "aria-label": "Dark mode",
    ...rest,
    checked: dark,
    onCheckedChange: (checked) => {
      setColorMode(checked ? "dark" : "light");
      onCheckedChange?.(checked);
    },
  });
}
