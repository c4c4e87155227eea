// Python's str methods, receiver first. Indices and lengths count code points.

import { PyError, typeName, iter, codePoints, strLen, hasSurrogates, toIndex } from "./core.js";
import { WS } from "./builtins.js";
import { format } from "./format.js";
import { str, pyRepr, pyAscii } from "./repr.js";
import { getitem } from "./builtins.js";

const needStr = (x, what) => {
  if (typeof x !== "string") throw new PyError("TypeError", `${what}must be str, not ${typeName(x)}`);
  return x;
};

export const str_upper = (s) => s.toUpperCase();
export const str_lower = (s) => s.toLowerCase();

// Title case differs from upper case for digraphs, ligatures and Greek with iota: the pairs
// below (from CPython's unicodedata); titlecase letters (Lt) and Georgian letters map to themselves.
const TITLE_PAIRS = "\u00dfSs \u01c4\u01c5 \u01c6\u01c5 \u01c7\u01c8 \u01c9\u01c8 \u01ca\u01cb \u01cc\u01cb \u01f1\u01f2 \u01f3\u01f2 \u0587\u0535\u0582 \u1f80\u1f88 \u1f81\u1f89 \u1f82\u1f8a \u1f83\u1f8b \u1f84\u1f8c \u1f85\u1f8d \u1f86\u1f8e \u1f87\u1f8f \u1f90\u1f98 \u1f91\u1f99 \u1f92\u1f9a \u1f93\u1f9b \u1f94\u1f9c \u1f95\u1f9d \u1f96\u1f9e \u1f97\u1f9f \u1fa0\u1fa8 \u1fa1\u1fa9 \u1fa2\u1faa \u1fa3\u1fab \u1fa4\u1fac \u1fa5\u1fad \u1fa6\u1fae \u1fa7\u1faf \u1fb2\u1fba\u0345 \u1fb3\u1fbc \u1fb4\u0386\u0345 \u1fb7\u0391\u0342\u0345 \u1fc2\u1fca\u0345 \u1fc3\u1fcc \u1fc4\u0389\u0345 \u1fc7\u0397\u0342\u0345 \u1ff2\u1ffa\u0345 \u1ff3\u1ffc \u1ff4\u038f\u0345 \u1ff7\u03a9\u0342\u0345 \ufb00Ff \ufb01Fi \ufb02Fl \ufb03Ffi \ufb04Ffl \ufb05St \ufb06St \ufb13\u0544\u0576 \ufb14\u0544\u0565 \ufb15\u0544\u056b \ufb16\u054e\u0576 \ufb17\u0544\u056d";
let titleMap = null;
const LT_OR_GEORGIAN = /^[\p{Lt}\u10d0-\u10fa\u10fd-\u10ff]$/u;
function titleChar(ch) {
  if (ch < "\x80") return ch.toUpperCase();
  if (LT_OR_GEORGIAN.test(ch)) return ch;
  if (!titleMap) {
    titleMap = new Map();
    for (const pair of TITLE_PAIRS.split(" ")) {
      const [first, ...rest] = pair;
      titleMap.set(first, rest.join(""));
    }
  }
  return titleMap.get(ch) ?? ch.toUpperCase();
}

const CASED = /^\p{Cased}$/u;
const CASE_IGNORABLE = /^\p{Case_Ignorable}$/u;

// Lower-cases cps[i]; a capital sigma becomes final sigma at the end of a word (Unicode
// Final_Sigma, which CPython applies with the whole string as context).
function lowerAt(cps, i) {
  const ch = cps[i];
  if (ch !== "\u03a3") return ch.toLowerCase();
  let j = i - 1;
  while (j >= 0 && CASE_IGNORABLE.test(cps[j])) j--;
  const afterCased = j >= 0 && CASED.test(cps[j]);
  j = i + 1;
  while (j < cps.length && CASE_IGNORABLE.test(cps[j])) j++;
  const beforeCased = j < cps.length && CASED.test(cps[j]);
  return afterCased && !beforeCased ? "\u03c2" : "\u03c3";
}

export function str_title(s) {
  if (/^[\x00-\x7f]*$/.test(s)) return s.replace(/[A-Za-z]+/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase());
  const cps = codePoints(s);
  let out = "";
  let prevCased = false;
  for (let i = 0; i < cps.length; i++) {
    out += prevCased ? lowerAt(cps, i) : titleChar(cps[i]);
    prevCased = CASED.test(cps[i]);
  }
  return out;
}

export function str_capitalize(s) {
  if (s === "") return s;
  const cps = codePoints(s);
  let out = titleChar(cps[0]);
  for (let i = 1; i < cps.length; i++) out += lowerAt(cps, i);
  return out;
}

const WS_LEFT = /* @__PURE__ */ new RegExp(`^[${WS}]+`);
const WS_RIGHT = /* @__PURE__ */ new RegExp(`[${WS}]+$`);
const WS_ONLY = /* @__PURE__ */ new RegExp(`^[${WS}]+$`);
const isWs = (ch) => WS_ONLY.test(ch);

function strip(s, chars, left, right, name) {
  if (chars === null || chars === undefined) {
    if (left) s = s.replace(WS_LEFT, "");
    return right ? s.replace(WS_RIGHT, "") : s;
  }
  if (typeof chars !== "string") throw new PyError("TypeError", `${name} arg must be None or str`);
  const set = new Set(codePoints(chars));
  const cps = codePoints(s);
  let a = 0;
  let b = cps.length;
  if (left) while (a < b && set.has(cps[a])) a++;
  if (right) while (b > a && set.has(cps[b - 1])) b--;
  return cps.slice(a, b).join("");
}

export const str_strip = (s, chars = null) => strip(s, chars, true, true, "strip");
export const str_lstrip = (s, chars = null) => strip(s, chars, true, false, "lstrip");
export const str_rstrip = (s, chars = null) => strip(s, chars, false, true, "rstrip");

const maxCount = (maxsplit) => {
  const n = toIndex(maxsplit);
  return n < 0 ? Infinity : n;
};

function checkSep(sep) {
  if (typeof sep !== "string") throw new PyError("TypeError", `must be str or None, not ${typeName(sep)}`);
  if (sep === "") throw new PyError("ValueError", "empty separator");
}

// Whitespace characters are all in the BMP, so UTF-16 indexes are safe here.
export function str_split(s, sep = null, maxsplit = -1) {
  let count = maxCount(maxsplit);
  const out = [];
  if (sep === null || sep === undefined) {
    let i = 0;
    const n = s.length;
    while (count-- > 0) {
      while (i < n && isWs(s[i])) i++;
      if (i === n) break;
      const j = i;
      while (i < n && !isWs(s[i])) i++;
      out.push(s.slice(j, i));
    }
    if (i < n) {
      while (i < n && isWs(s[i])) i++;
      if (i < n) out.push(s.slice(i));
    }
    return out;
  }
  checkSep(sep);
  let i = 0;
  while (count-- > 0) {
    const j = s.indexOf(sep, i);
    if (j < 0) break;
    out.push(s.slice(i, j));
    i = j + sep.length;
  }
  out.push(s.slice(i));
  return out;
}

export function str_rsplit(s, sep = null, maxsplit = -1) {
  let count = maxCount(maxsplit);
  const out = [];
  if (sep === null || sep === undefined) {
    let i = s.length;
    while (count-- > 0) {
      while (i > 0 && isWs(s[i - 1])) i--;
      if (i === 0) break;
      const j = i;
      while (i > 0 && !isWs(s[i - 1])) i--;
      out.push(s.slice(i, j));
    }
    if (i > 0) {
      while (i > 0 && isWs(s[i - 1])) i--;
      if (i > 0) out.push(s.slice(0, i));
    }
    return out.reverse();
  }
  checkSep(sep);
  let end = s.length;
  while (count-- > 0) {
    if (end < sep.length) break;
    const j = s.lastIndexOf(sep, end - sep.length);
    if (j < 0) break;
    out.push(s.slice(j + sep.length, end));
    end = j;
  }
  out.push(s.slice(0, end));
  return out.reverse();
}

export function str_join(sep, iterable) {
  const items = iter(iterable);
  for (let i = 0; i < items.length; i++) {
    if (typeof items[i] !== "string") {
      throw new PyError("TypeError", `sequence item ${i}: expected str instance, ${typeName(items[i])} found`);
    }
  }
  return items.join(sep);
}

// CPython's ADJUST_INDICES: the [start, end) window in code points, plus its UTF-16 offsets.
function window(s, start, end) {
  const surrogates = hasSurrogates(s);
  const n = surrogates ? strLen(s) : s.length;
  let a = start === null || start === undefined ? 0 : toIndex(start, "slice indices must be integers or None or have an __index__ method");
  let b = end === null || end === undefined ? n : toIndex(end, "slice indices must be integers or None or have an __index__ method");
  if (b > n) b = n;
  else if (b < 0) b = Math.max(0, b + n);
  if (a < 0) a = Math.max(0, a + n);
  const unit = surrogates ? (i) => unitOffset(s, i) : (i) => i;
  return { a, b, unit, surrogates };
}

function unitOffset(s, cp) {
  let u = 0;
  for (let k = 0; k < cp && u < s.length; k++) {
    const c = s.charCodeAt(u);
    u += c >= 0xd800 && c < 0xdc00 && u + 1 < s.length && (s.charCodeAt(u + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return u;
}

function tailmatch(s, sub, start, end, atEnd, name) {
  const check = (p) => {
    if (typeof p !== "string") throw new PyError("TypeError", `tuple for ${name} must only contain str, not ${typeName(p)}`);
    return p;
  };
  let subs;
  if (typeof sub === "string") subs = [sub];
  else if (Array.isArray(sub)) subs = sub.map(check);
  else throw new PyError("TypeError", `${name} first arg must be str or a tuple of str, not ${typeName(sub)}`);
  const { a, b, unit } = window(s, start, end);
  for (const p of subs) {
    const plen = strLen(p);
    if (b - plen < a) continue;
    if (plen === 0) return true;
    const at = atEnd ? unit(b - plen) : unit(a);
    if (s.startsWith(p, at)) return true;
  }
  return false;
}

export const str_startswith = (s, prefix, start = null, end = null) => tailmatch(s, prefix, start, end, false, "startswith");
export const str_endswith = (s, suffix, start = null, end = null) => tailmatch(s, suffix, start, end, true, "endswith");

function find(s, sub, start, end, last) {
  needStr(sub, "");
  const { a, b, unit, surrogates } = window(s, start, end);
  if (b - a < strLen(sub)) return -1;
  const ua = unit(a);
  const hay = s.slice(ua, unit(b));
  const i = last ? hay.lastIndexOf(sub) : hay.indexOf(sub);
  if (i < 0) return -1;
  return a + (surrogates ? strLen(hay.slice(0, i)) : i);
}

export const str_find = (s, sub, start = null, end = null) => find(s, sub, start, end, false);
export const str_rfind = (s, sub, start = null, end = null) => find(s, sub, start, end, true);

export function str_index(s, sub, start = null, end = null) {
  const i = find(s, sub, start, end, false);
  if (i < 0) throw new PyError("ValueError", "substring not found");
  return i;
}

export function str_rindex(s, sub, start = null, end = null) {
  const i = find(s, sub, start, end, true);
  if (i < 0) throw new PyError("ValueError", "substring not found");
  return i;
}

export function str_count(s, sub, start = null, end = null) {
  needStr(sub, "");
  const { a, b, unit } = window(s, start, end);
  if (b - a < strLen(sub)) return 0;
  if (sub === "") return b - a + 1;
  const hay = s.slice(unit(a), unit(b));
  let n = 0;
  for (let i = hay.indexOf(sub); i >= 0; i = hay.indexOf(sub, i + sub.length)) n++;
  return n;
}

export function str_replace(s, old, replacement, count = -1) {
  needStr(old, "replace() argument 1 ");
  needStr(replacement, "replace() argument 2 ");
  let n = toIndex(count);
  if (n < 0) n = Infinity;
  if (old === "") {
    // Python inserts the replacement before every code point and at the end.
    const cps = codePoints(s);
    let out = "";
    for (let i = 0; i <= cps.length; i++) {
      if (i < n) out += replacement;
      if (i < cps.length) out += cps[i];
    }
    return out;
  }
  let out = "";
  let i = 0;
  while (n-- > 0) {
    const j = s.indexOf(old, i);
    if (j < 0) break;
    out += s.slice(i, j) + replacement;
    i = j + old.length;
  }
  return out + s.slice(i);
}

export function str_zfill(s, width) {
  const w = toIndex(width);
  const n = strLen(s);
  if (n >= w) return s;
  const zeros = "0".repeat(w - n);
  return s[0] === "+" || s[0] === "-" ? s[0] + zeros + s.slice(1) : zeros + s;
}

// Numeric_Type=Digit (superscripts, circled digits, ...) count as digits; Decimal is \p{Nd}.
const DIGITS_ONLY = /^[\p{Nd}\u{b2}-\u{b3}\u{b9}\u{1369}-\u{1371}\u{19da}\u{2070}\u{2074}-\u{2079}\u{2080}-\u{2089}\u{2460}-\u{2468}\u{2474}-\u{247c}\u{2488}-\u{2490}\u{24ea}\u{24f5}-\u{24fd}\u{24ff}\u{2776}-\u{277e}\u{2780}-\u{2788}\u{278a}-\u{2792}\u{10a40}-\u{10a43}\u{10e60}-\u{10e68}\u{11052}-\u{1105a}\u{1f100}-\u{1f10a}]+$/u;
export const str_isdigit = (s) => DIGITS_ONLY.test(s);
export const str_isalpha = (s) => /^\p{L}+$/u.test(s);
export const str_isspace = (s) => WS_ONLY.test(s);

// str.format with positional fields: {} {0} {0:spec} {0!r} {0[1]} {:{}} and {{ }}.
export function str_format(s, ...args) {
  const state = { auto: 0, mode: null };
  return expand(s, args, state, 2);
}

function expand(s, args, state, depth) {
  if (depth < 0) throw new PyError("ValueError", "Max string recursion exceeded");
  let out = "";
  let i = 0;
  const n = s.length;
  while (i < n) {
    const ch = s[i];
    if (ch === "}") {
      if (s[i + 1] !== "}") throw new PyError("ValueError", "Single '}' encountered in format string");
      out += "}";
      i += 2;
      continue;
    }
    if (ch !== "{") {
      out += ch;
      i++;
      continue;
    }
    if (s[i + 1] === "{") {
      out += "{";
      i += 2;
      continue;
    }
    // Find the matching "}", counting nested braces (a spec may hold fields).
    let j = i + 1;
    let level = 1;
    let inBracket = false;
    for (; j < n; j++) {
      const c = s[j];
      if (inBracket) {
        if (c === "]") inBracket = false;
      } else if (c === "[") inBracket = true;
      else if (c === "{") level++;
      else if (c === "}" && --level === 0) break;
    }
    if (j >= n) throw new PyError("ValueError", i + 1 >= n ? "Single '{' encountered in format string" : "expected '}' before end of string");
    out += field(s.slice(i + 1, j), args, state, depth);
    i = j + 1;
  }
  return out;
}

function field(text, args, state, depth) {
  const m = /^([^.[!:]*)((?:\[[^\]]*\]|\.[^.[!:]*)*)(?:!(.?))?(?::(.*))?$/s.exec(text);
  if (!m) throw new PyError("ValueError", "expected ':' after conversion specifier");
  const [, name, accessors, conversion, spec = ""] = m;
  let index;
  if (name === "") {
    if (state.mode === "manual") throw new PyError("ValueError", "cannot switch from manual field specification to automatic field numbering");
    state.mode = "auto";
    index = state.auto++;
  } else if (/^\d+$/.test(name)) {
    if (state.mode === "auto") throw new PyError("ValueError", "cannot switch from automatic field numbering to manual field specification");
    state.mode = "manual";
    index = Number(name);
  } else throw new PyError("KeyError", pyRepr(name));
  if (index >= args.length) throw new PyError("IndexError", `Replacement index ${index} out of range for positional args tuple`);
  let value = args[index];
  for (const [, key, attr] of accessors.matchAll(/\[([^\]]*)\]|\.([^.[]*)/g)) {
    if (attr !== undefined) throw new PyError("AttributeError", `'${typeName(value)}' object has no attribute '${attr}'`);
    value = getitem(value, /^\d+$/.test(key) ? Number(key) : key);
  }
  if (conversion !== undefined && !"rsa".includes(conversion || "?")) {
    throw new PyError("ValueError", conversion ? `Unknown conversion specifier ${conversion}` : "end of string while looking for conversion specifier");
  }
  if (conversion === "r") value = pyRepr(value);
  else if (conversion === "a") value = pyAscii(value);
  else if (conversion === "s") value = str(value);
  return format(value, spec.includes("{") ? expand(spec, args, state, depth - 1) : spec);
}
