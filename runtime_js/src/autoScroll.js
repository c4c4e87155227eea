// rx.auto_scroll: a div that keeps its end in view as content is added, as Reflex's. Children
// re-render on their own (each reads its own vars), so a MutationObserver, not this component's
// renders, notices new content. A reader who scrolled up is left there until back at the bottom.
import { createElement as h, useEffect, useRef } from "react";

const NEAR = 8; // px from the bottom that still counts as "at the bottom"

export function PyxAutoScroll(props) {
  const ref = useRef(null);
  useEffect(() => {
    const box = ref.current;
    let stick = true;
    const toBottom = () => {
      box.scrollTop = box.scrollHeight;
    };
    const onScroll = () => {
      stick = box.scrollHeight - box.scrollTop - box.clientHeight <= NEAR;
    };
    const observer = new MutationObserver(() => stick && toBottom());
    toBottom();
    observer.observe(box, { childList: true, subtree: true, characterData: true });
    box.addEventListener("scroll", onScroll);
    return () => {
      observer.disconnect();
      box.removeEventListener("scroll", onScroll);
    };
  }, []);
  return h("div", { ...props, ref });
}
