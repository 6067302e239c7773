// Words broken in two across lines (not at a space or a hyphen) anywhere on the page, as
// "word (in: text around it)". Long tokens (addresses, device numbers) may break by design.

import type { Page } from 'playwright-core';

/** Tokens this long or longer may break: a URL or a device number has nowhere else to go. */
const LONG_TOKEN = 20;

export function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate((longToken) => {
    const found: string[] = [];
    const blockOf = (node: Node) => {
      let element = node.parentElement;
      while (element && getComputedStyle(element).display.startsWith('inline')) {
        element = element.parentElement;
      }
      return element;
    };
    // The characters of the page in reading order, each with its box and its block:
    // a word runs on across text nodes ("(", "3", ")") but not across blocks.
    let word = '';
    let broken = false;
    let last: DOMRect | null = null;
    let block: Element | null = null;
    const end = () => {
      if (broken && word.length < longToken && block) {
        found.push(`${word} (in: ${block.textContent?.trim().slice(0, 50)})`);
      }
      word = '';
      broken = false;
      last = null;
    };
    const walker = document.createTreeWalker(
      document.body,
      NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof Element) {
        if (node.tagName === 'BR') end(); // "Stationsplein 1<br>3811 AB": two lines by design
        continue;
      }
      const parent = node.parentElement;
      // Hidden (a closed <details> too), or visually hidden for screen readers (a 1 px box).
      if (!parent?.checkVisibility() || parent.getBoundingClientRect().width <= 2) continue;
      const here = blockOf(node);
      if (here !== block) {
        end();
        block = here;
      }
      const text = node.textContent ?? '';
      const range = document.createRange();
      for (let i = 0; i < text.length; i++) {
        const char = text.charAt(i);
        if (/[\s\-‐‑–—/]/.test(char)) {
          end();
          continue;
        }
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        word += char;
        // On another line: this character starts below the middle of the one before.
        if (last && rect.top > last.top + last.height / 2) broken = true;
        last = rect;
      }
    }
    end();
    return found;
  }, LONG_TOKEN);
}
