// Touch targets in the page's main area smaller than 44 × 44 px: a checkbox or radio counts
// its label, and a link inside a sentence is text.

import type { Page } from 'playwright-core';

export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'main a[href], main button, main input, main select, main summary',
      ),
    ]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) return false;
        if (element.tagName === 'A' && element.closest('p')) return false;
        const labels = element instanceof HTMLInputElement ? [...(element.labels ?? [])] : [];
        const boxes = [box, ...labels.map((label) => label.getBoundingClientRect())];
        return !boxes.some((b) => b.width >= 44 && b.height >= 44);
      })
      .map((element) => `${element.tagName} "${element.textContent?.trim().slice(0, 30)}"`),
  );
}
