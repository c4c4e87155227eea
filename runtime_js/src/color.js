// rx.color(name, shade, alpha) when its arguments are only known in the browser (the build folds
// constant ones): a Radix Themes color token as a CSS value, checked as pyxjs/components/color.py does.
import { PyError } from "./py/core.js";

export function color(name, shade = 7, alpha = false) {
  if (typeof name !== "string" || !/^[a-z]+$/.test(name)) throw new PyError("ValueError", `rx.color(${String(name)}): not a Radix color`);
  if (!Number.isInteger(shade) || shade < 1 || shade > 12) throw new PyError("ValueError", `rx.color: the shade is an int from 1 to 12, not ${shade}`);
  return `var(--${name}-${alpha ? "a" : ""}${shade})`;
}
