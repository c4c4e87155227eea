// Exact decimal expansion of a double and round-half-even on it. CPython's float formatting
// and round(x, n) round the exact binary value (dtoa), which JS's toFixed/toExponential do
// too except on exact ties, where JS rounds up and Python rounds to even. Every double has a
// finite decimal expansion, so BigInt gives it exactly.

const view = /* @__PURE__ */ new DataView(/* @__PURE__ */ new ArrayBuffer(8));

// For finite x > 0: { digits, decpt } with x = 0.DIGITS × 10**decpt, no leading/trailing zeros.
export function exactDecimal(x) {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2;
  if (biased === 0) e2 = -1074;
  else {
    m |= 1n << 52n;
    e2 = biased - 1075;
  }
  let digits;
  let decpt;
  if (e2 >= 0) {
    digits = (m << BigInt(e2)).toString();
    decpt = digits.length;
  } else {
    digits = (m * 5n ** BigInt(-e2)).toString();
    decpt = digits.length + e2;
  }
  return { digits: digits.replace(/0+$/, ""), decpt };
}

// Keeps the first `keep` significant digits, rounding half to even. Returns the same shape;
// digits "" means zero.
export function roundHalfEven({ digits, decpt }, keep) {
  if (keep >= digits.length) return { digits, decpt };
  if (keep < 0) return { digits: "", decpt };
  const kept = digits.slice(0, keep);
  const first = digits.charCodeAt(keep) - 48;
  const up =
    first > 5 ||
    (first === 5 && (digits.length > keep + 1 || (kept.length > 0 && (kept.charCodeAt(keep - 1) - 48) % 2 === 1)));
  if (!up) {
    const trimmed = kept.replace(/0+$/, "");
    return { digits: trimmed, decpt };
  }
  // Add one at the last kept position, carrying leftwards.
  let i = kept.length - 1;
  while (i >= 0 && kept[i] === "9") i--;
  if (i < 0) return { digits: "1", decpt: decpt + 1 };
  const bumped = kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1);
  return { digits: bumped, decpt };
}

// Digits of |x| rounded to `prec` places after the point, as a plain "123.450" string.
export function toFixedExact(x, prec) {
  if (x === 0) return prec > 0 ? "0." + "0".repeat(prec) : "0";
  const d = exactDecimal(x);
  return fixedText(roundHalfEven(d, d.decpt + prec), prec);
}

export function fixedText({ digits, decpt }, prec) {
  let intPart;
  let frac;
  if (digits === "") {
    intPart = "0";
    frac = "";
  } else if (decpt <= 0) {
    intPart = "0";
    frac = "0".repeat(-decpt) + digits;
  } else {
    intPart = digits.slice(0, decpt).padEnd(decpt, "0");
    frac = digits.slice(decpt);
  }
  frac = frac.padEnd(prec, "0").slice(0, prec);
  return prec > 0 ? `${intPart}.${frac}` : intPart;
}
