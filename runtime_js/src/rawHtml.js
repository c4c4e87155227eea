// rx.html and rx.script: markup and code given as text, as Reflex's.
import { createElement as h, useEffect, useRef } from "react";

// rx.html("<b>bold</b>"): a div whose inner HTML is the string (React's dangerouslySetInnerHTML).
export function PyxHtml({ contents, ...rest }) {
  return h("div", { ...rest, dangerouslySetInnerHTML: { __html: contents ?? "" } });
}

// rx.script(src=...) or rx.script("code"): a <script> appended to the body once the page shows
// (React never runs a script it renders itself), removed when the component leaves the page.
export function PyxScript({ src, contents, type, async: isAsync, defer, integrity, crossOrigin, id, onLoad, onReady,
  onError }) {
  const latest = useRef({ onLoad, onReady, onError });
  latest.current = { onLoad, onReady, onError };
  useEffect(() => {
    const script = document.createElement("script");
    if (id) script.id = id;
    if (type) script.type = type;
    if (integrity) script.integrity = integrity;
    if (crossOrigin) script.crossOrigin = crossOrigin;
    if (src) {
      script.src = src;
      script.async = isAsync ?? true;
      if (defer) script.defer = true;
      script.onload = () => {
        latest.current.onLoad?.();
        latest.current.onReady?.();
      };
      script.onerror = () => latest.current.onError?.();
    } else {
      script.text = contents ?? "";
    }
    document.body.appendChild(script);
    if (!src) latest.current.onReady?.();
    return () => script.remove();
  }, [src, contents]);
  return null;
}
