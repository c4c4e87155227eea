// Avatar: an image, or the fallback text (initials) when there is no src or it fails to load.
import { createElement as h, useState } from "react";
import { accent, cx, step } from "./props.js";

export function Avatar({ src, fallback, size = "3", alt = "", className, colorScheme, children, ...rest }) {
  // Remember which src failed, not just "failed": a new src gets a fresh try without an effect.
  const [failedSrc, setFailedSrc] = useState(null);
  const showImage = src !== undefined && src !== null && src !== "" && failedSrc !== src;
  return h(
    "span",
    {
      ...rest,
      ...accent(colorScheme),
      className: cx("pyx-avatar", `pyx-avatar-size-${step(size) ?? "3"}`, className),
    },
    showImage
      ? h("img", { className: "pyx-avatar-image", src, alt, onError: () => setFailedSrc(src) })
      : h("span", { className: "pyx-avatar-fallback" }, fallback ?? ""),
  );
}
