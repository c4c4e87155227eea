// A rating widget written in plain React: the escape hatch for a component no npm package has.
// app.py wraps it with `library = "./Stars.jsx"`; the build bundles it with the generated code.
import { useState } from "react";

export function Stars({ count = 5, value = 0, onRate }) {
  const [hover, setHover] = useState(0);
  const shown = hover || value;
  return (
    <span className="stars" role="radiogroup" aria-label="rating">
      {Array.from({ length: count }, (_, i) => (
        <button
          key={i}
          type="button"
          data-star={i + 1}
          aria-label={`${i + 1} stars`}
          onMouseEnter={() => setHover(i + 1)}
          onMouseLeave={() => setHover(0)}
          onClick={() => onRate && onRate(i + 1)}
          style={{ border: "none", background: "none", fontSize: "24px", cursor: "pointer", color: "#e5a50a" }}
        >
          {shown > i ? "\u2605" : "\u2606"}
        </button>
      ))}
    </span>
  );
}
