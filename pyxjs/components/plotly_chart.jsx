// rx.plotly: a Python plotly figure ({data, layout, config}, as fig.to_json() writes it) drawn by
// plotly.js (the minified bundle, at the version the Python package draws with). Plotly.react
// redraws in place when the figure changes; plotly's events reach the handlers as lists of
// points ({x, y, curveNumber, pointNumber, ...}), as Reflex's rx.plotly passes them.
import { useEffect, useRef } from "react";
import Plotly from "plotly.js-dist-min";

const POINT_KEYS = ["x", "y", "z", "lat", "lon", "curveNumber", "pointNumber", "pointIndex", "customdata", "text",
  "label", "value", "percent"];
const EVENTS = { plotly_click: "onClick", plotly_hover: "onHover", plotly_unhover: "onUnhover",
  plotly_selected: "onSelected", plotly_deselect: "onDeselect", plotly_doubleclick: "onDoubleClick" };

function points(event) {
  return (event?.points ?? []).map((point) =>
    Object.fromEntries(POINT_KEYS.filter((key) => point[key] !== undefined).map((key) => [key, point[key]])));
}

export function PlotlyChart({ data, layout, config, template, useResizeHandler, id, className, style, ...handlers }) {
  const ref = useRef(null);
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const figure = data ?? {};
    const merged = { ...(figure.layout ?? {}), ...(layout ?? {}) };
    if (template !== undefined) merged.template = template;
    const options = { ...(figure.config ?? {}), ...(config ?? {}) };
    if (useResizeHandler !== undefined) options.responsive = useResizeHandler;
    Plotly.react(ref.current, figure.data ?? [], merged, options);
  }, [data, layout, config, template, useResizeHandler]);
  useEffect(() => {
    const node = ref.current;
    for (const [event, prop] of Object.entries(EVENTS)) {
      node.on(event, (payload) => latest.current[prop]?.(points(payload)));
    }
    return () => Plotly.purge(node);
  }, []);
  return <div ref={ref} id={id} className={className} style={style} />;
}
