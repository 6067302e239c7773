// A box that scrolls sideways (a wide table or heatmap on a phone) must take the keyboard's
// focus, so it can be scrolled without a mouse; one that fits stays out of the tab order.

import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export function useScrollFocus<T extends HTMLElement>(): [RefObject<T | null>, number | undefined] {
  const ref = useRef<T>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const check = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, scrolls ? 0 : undefined];
}
