// Python semantics for transpiled component code: generated code does
// `import * as $py from "./runtime/py.js"` and calls `$py.add(a, b)`. Every helper is a named
// export of this module, implemented in ./py/*.js (no side effects, so bundlers tree-shake).
// The value model and each helper are described in docs/python-semantics.md.

export { PyError, errorType, checkInt, checkArg, iter, dictFromEntries, dictMerge, isFloatItem, isIntVar } from "./py/core.js";
export { str, pyRepr, floatRepr, truthy } from "./py/repr.js";
export { format, fstring } from "./py/format.js";
export { add, sub, mul, truediv, floordiv, mod, pow, neg, pos, invert, tilde, eq, ne, lt, le, gt, ge, contains } from "./py/ops.js";
export {
  len, abs, round, int_, float_, bool_, min, max, sum, sorted, reversed, range, enumerate, zip, any, all,
  list_, tuple_, getitem, slice,
} from "./py/builtins.js";
export {
  str_upper, str_lower, str_title, str_capitalize, str_strip, str_lstrip, str_rstrip, str_split, str_rsplit,
  str_join, str_startswith, str_endswith, str_replace, str_find, str_rfind, str_index, str_rindex, str_count,
  str_zfill, str_isdigit, str_isalpha, str_isspace, str_format,
} from "./py/strmethods.js";
export {
  list_index, list_count, list_copy, dict_get, dict_copy, dict_keys, dict_values, dict_items, method, unpack, toJSON,
} from "./py/collections.js";
