// `style=` given a dict the compiler could not see at build time: Python's snake_case (and
// CSS's kebab-case) keys become React's camelCase ones, as the compiler does for literals.
const camel = (key) => key.replace(/[-_]+([a-z0-9])/g, (_, ch) => ch.toUpperCase());
// Reflex's shorthands (pyxjs/components/css.py CSS_SHORTHANDS), by their camelCase spelling.
const SHORTHANDS = {
  marginX: ["marginLeft", "marginRight"], marginY: ["marginTop", "marginBottom"],
  paddingX: ["paddingLeft", "paddingRight"], paddingY: ["paddingTop", "paddingBottom"],
  bg: ["background"], bgColor: ["backgroundColor"],
};

export function styleOf(value) {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new TypeError(`style= takes a dict, got ${Array.isArray(value) ? "a list" : typeof value}`);
  }
  const out = {};
  for (const [key, v] of Object.entries(value)) {
    if (key.startsWith("--")) out[key] = v;
    else for (const name of SHORTHANDS[camel(key)] ?? [camel(key)]) out[name] = v;
  }
  return out;
}
