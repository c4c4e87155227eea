// rx.debounce_input(rx.input(value=..., on_change=...), debounce_timeout=300): the field shows
// each keystroke at once; its on_change fires when typing pauses, or at once on Enter or blur.
import { Children, cloneElement, useEffect, useRef, useState } from "react";

export function PyxDebounceInput({ children, debounceTimeout = 300, forceNotifyByEnter = true,
  forceNotifyOnBlur = true, minLength = 0 }) {
  const child = Children.only(children);
  const { value, onChange, onKeyDown, onBlur } = child.props;
  const [text, setText] = useState(value ?? "");
  const timer = useRef(null);
  const latest = useRef(onChange);
  latest.current = onChange;
  // A new value from the server shows, unless the reader is still typing.
  useEffect(() => {
    if (timer.current === null) setText(value ?? "");
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const notify = (next) => {
    clearTimeout(timer.current);
    timer.current = null;
    if (next.length >= minLength || next.length === 0) latest.current?.({ target: { value: next } });
  };
  return cloneElement(child, {
    value: text,
    onChange: (event) => {
      const next = event.target.value;
      setText(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => notify(next), debounceTimeout);
    },
    onKeyDown: (event) => {
      if (forceNotifyByEnter && event.key === "Enter") notify(event.target.value ?? text);
      onKeyDown?.(event);
    },
    onBlur: (event) => {
      if (forceNotifyOnBlur && timer.current !== null) notify(text);
      onBlur?.(event);
    },
  });
}
