// Adapters where Reflex's component API differs from Radix Themes'. Every other core component is
// a Radix Themes component used as it is (re-exported by index.js). Each adapter passes the
// caller's other props through. Written without JSX: this folder is bundled as-is.
import { createElement as h, useEffect, useRef, useState } from "react";
import {
  Button,
  Callout,
  Checkbox,
  Flex,
  IconButton,
  Link,
  RadioGroup,
  Select,
  Switch,
  Table,
  Text,
  TextArea,
  TextField,
} from "@radix-ui/themes";
// Each icon from its own file: importing the package index would, in a code-split build (a
// dynamic rx.icon), put every icon in a chunk the page loads at start.
import ChevronDown from "lucide-react/icons/chevron-down";
import Moon from "lucide-react/icons/moon";
import Sun from "lucide-react/icons/sun";
import { Accordion } from "radix-ui";
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
  // A field with an `id` and no `name` is there under its id, read from the element as Reflex
  // reads it (a box as True/False), so a form whose fields have only ids still sends them; a
  // name the form already sent keeps the browser's value.
  for (const element of form.querySelectorAll("[id]:not([name])")) {
    const value = element.id in data ? undefined : idFieldValue(element);
    if (value !== undefined) data[element.id] = value;
  }
  return data;
}

function idFieldValue(element) {
  const className = typeof element.className === "string" ? element.className : "";
  if (element.type === "checkbox") return element.checked;
  if (className.includes("rt-CheckboxRoot") || className.includes("rt-SwitchRoot")) {
    return element.getAttribute("aria-checked") === "true";
  }
  if (className.includes("rt-SliderRoot")) {
    return element.querySelector(".rt-SliderThumb")?.getAttribute("aria-valuenow") ?? undefined;
  }
  if (element.type === "radio") return element.checked ? element.value : undefined;
  if (["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName)) return element.value;
  const checked = element.querySelector?.(":checked");  // a radio group: the chosen item's value
  return checked ? checked.value : undefined;
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

// rx.accordion.root / .item(header=, content=): Radix's Accordion primitive in the theme's look
// (styles.css .pyx-accordion). Reflex's items take the header and content as props.
export function PyxAccordionRoot({ type = "single", collapsible = true, children, className, ...rest }) {
  const props = type === "multiple" ? rest : { collapsible, ...rest };
  return h(Accordion.Root, { type, ...props, className: ["pyx-accordion", className].filter(Boolean).join(" ") },
    children);
}

export function PyxAccordionItem({ header, content, children, value, className, ...rest }) {
  return h(Accordion.Item, { value: value ?? String(header ?? ""), ...rest, className: ["pyx-accordion-item", className].filter(Boolean).join(" ") },
    h(Accordion.Header, { className: "pyx-accordion-header" },
      h(Accordion.Trigger, { className: "pyx-accordion-trigger" }, header, h(ChevronDown, { size: 16, "aria-hidden": true }))),
    h(Accordion.Content, { className: "pyx-accordion-content" }, content, children));
}

// rx.data_table(data=rows, columns=[...], search=True, sort=True, pagination=True): a Radix table
// with client-side search, sorting by a header click and pages of ten.
export function PyxDataTable({ data = [], columns, search = false, sort = false, pagination = false, pageSize = 10,
  ...rest }) {
  const [query, setQuery] = useState("");
  const [order, setOrder] = useState(null); // [column index, 1 | -1]
  const [page, setPage] = useState(0);
  const rows = (Array.isArray(data) ? data : []).map((row) => tableRow(row, columns));
  const names = (columns ?? (data[0] && !Array.isArray(data[0]) ? Object.keys(data[0]) : rows[0]?.map((_, i) => `${i + 1}`) ?? []))
    .map((c) => (typeof c === "object" && c !== null ? c.title ?? c.id ?? "" : String(c)));
  let shown = query ? rows.filter((r) => r.some((cell) => String(cell).toLowerCase().includes(query.toLowerCase()))) : rows;
  if (order) shown = [...shown].sort((a, b) => (a[order[0]] < b[order[0]] ? -order[1] : a[order[0]] > b[order[0]] ? order[1] : 0));
  const pages = Math.max(1, Math.ceil(shown.length / pageSize));
  const current = Math.min(page, pages - 1);
  if (pagination) shown = shown.slice(current * pageSize, (current + 1) * pageSize);
  const header = names.map((name, i) => h(Table.ColumnHeaderCell, {
    key: i,
    onClick: sort ? () => setOrder(order?.[0] === i ? [i, -order[1]] : [i, 1]) : undefined,
    style: sort ? { cursor: "pointer" } : undefined,
    "aria-sort": order?.[0] === i ? (order[1] > 0 ? "ascending" : "descending") : undefined,
  }, name, order?.[0] === i ? (order[1] > 0 ? " ▲" : " ▼") : ""));
  return h(Flex, { direction: "column", gap: "2", ...rest },
    search ? h(TextField.Root, { placeholder: "Search", value: query, onChange: (e) => { setQuery(e.target.value); setPage(0); },
      "aria-label": "Search the table" }) : null,
    h(Table.Root, { variant: "surface" },
      h(Table.Header, null, h(Table.Row, null, header)),
      h(Table.Body, null, shown.map((row, r) => h(Table.Row, { key: r }, row.map((cell, c) => h(Table.Cell, { key: c }, String(cell))))))),
    pagination && pages > 1 ? h(Flex, { gap: "2", align: "center" },
      h(Button, { variant: "soft", size: "1", disabled: current === 0, onClick: () => setPage(current - 1) }, "Previous"),
      h(Text, { size: "2" }, `${current + 1} / ${pages}`),
      h(Button, { variant: "soft", size: "1", disabled: current >= pages - 1, onClick: () => setPage(current + 1) }, "Next")) : null);
}

function tableRow(row, columns) {
  if (Array.isArray(row)) return row;
  const keys = columns ? columns.map((c) => (typeof c === "object" && c !== null ? c.id ?? c.title : c)) : Object.keys(row ?? {});
  return keys.map((key) => row?.[key] ?? "");
}
