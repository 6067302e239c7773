// What a volunteer trips over, checked on a 360 px phone: targets of at least 44 × 44 px on
// every screen, nothing scrolling sideways at 200 % text, a focus ring that can be seen, a
// confirmation that never covers Opslaan, Snelkeuze that folds and keeps two questions, a
// partner that answers "Naar wie verwezen?", and Vandaag with hour bands and earlier days.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, openApp, startHarness } from '../support/harness';
import { registerDigiD } from '../support/register';

const SCREENS = [
  '/',
  '/vandaag',
  '/versturen',
  '/instellingen',
  '/sociale-kaart',
  '/sociale-kaart/uitwisselen',
  '/sociale-kaart/nieuw',
  '/overzicht',
  '/overzicht/monitor',
];

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness({ viewport: { width: 360, height: 740 } });
  page = await openApp(harness);
  await registerDigiD(page);
  // A partner, so its page and its slip are screens to check as well.
  await page.goto(`${harness.appUrl}/sociale-kaart/nieuw`);
  await page.getByLabel('Naam', { exact: true }).fill('Schuldhulp Noord');
  await page.getByLabel('Telefoon').fill('030 123 45 67');
  await page.getByRole('checkbox', { name: 'Rechtshulp, alimentatie en schulden' }).click();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('heading', { name: 'Schuldhulp Noord' }).waitFor();
  const partnerPage = new URL(page.url()).pathname;
  SCREENS.push(partnerPage, `${partnerPage}/briefje`, `${partnerPage}/bewerken`);
});

afterAll(async () => {
  await harness?.close();
});

/** Clears a restored draft, when there is one. */
async function startOver() {
  const button = page.getByRole('button', { name: 'Opnieuw beginnen' });
  if (await button.isVisible()) await button.click();
}

async function open(path: string) {
  await page.goto(`${harness.appUrl}${path}`);
  await page.locator('main h1').first().waitFor();
}

/** Interactive elements smaller than 44 × 44 px; a control counts its label's box too. */
function smallTargets(): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      'a[href], button, input, select, textarea, summary',
    );
    for (const element of controls) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const labels = element instanceof HTMLInputElement ? [...(element.labels ?? [])] : [];
      const boxes = [box, ...labels.map((label) => label.getBoundingClientRect())];
      // A link stretched over its card by an ::after answers a tap anywhere on the card.
      const after = getComputedStyle(element, '::after');
      if (after.content !== 'none' && after.position === 'absolute' && element.offsetParent) {
        boxes.push(element.offsetParent.getBoundingClientRect());
      }
      if (boxes.some((b) => b.width >= 44 && b.height >= 44)) continue;
      // Links inside running text are exempt (WCAG 2.5.8 "inline").
      if (element.tagName === 'A' && element.closest('p, li.visit-question, dd')) continue;
      found.push(
        `${element.tagName.toLowerCase()} "${(element.textContent || element.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
      );
    }
    return found;
  });
}

describe('on a 360 px phone', () => {
  test('every interactive element on every screen is at least 44 × 44 px', async () => {
    const problems: string[] = [];
    for (const path of SCREENS) {
      await open(path);
      for (const small of await smallTargets()) problems.push(`${path}: ${small}`);
    }
    expect(problems).toEqual([]);
  });

  test('at 200 % text nothing scrolls sideways, on any screen', async () => {
    const cdp = await harness.context.newCDPSession(page);
    const wide: string[] = [];
    try {
      for (const path of SCREENS) {
        await open(path);
        await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
        await page.waitForTimeout(200);
        const size = await page.evaluate(() => ({
          font: Number.parseFloat(getComputedStyle(document.documentElement).fontSize),
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        expect(size.font).toBeGreaterThanOrEqual(32);
        if (size.scroll > size.client) wide.push(`${path}: ${size.scroll} px wide`);
      }
      // The menu is one button then, and its list opens with every screen in it.
      await page.getByText('Menu', { exact: true }).click();
      await page.getByRole('link', { name: 'Versturen' }).click();
      await page.getByRole('heading', { name: 'Versturen' }).waitFor();
    } finally {
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16, fixed: 13 } });
      await cdp.detach();
    }
    expect(wide).toEqual([]);
  });

  test('the focus ring stands out at least 3:1 from what is around it', async () => {
    await open('/');
    const ratios: number[] = [];
    for (let step = 0; step < 6; step += 1) {
      await page.keyboard.press('Tab');
      ratios.push(
        await page.evaluate(() => {
          const element = document.activeElement as HTMLElement;
          const luminance = (css: string) => {
            const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0'])
              .slice(0, 3)
              .map((part) => Number(part) / 255)
              .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
            return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
          };
          const ring = getComputedStyle(element).outlineColor;
          // What the ring sits on: the first ancestor with a background of its own.
          let behind = element.parentElement;
          while (behind && getComputedStyle(behind).backgroundColor === 'rgba(0, 0, 0, 0)') {
            behind = behind.parentElement;
          }
          const back = behind ? getComputedStyle(behind).backgroundColor : 'rgb(255, 255, 255)';
          const [light, dark] = [luminance(ring), luminance(back)].sort((a, b) => b - a);
          return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
        }),
      );
    }
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(3);
  });
});

describe('registering on a phone', () => {
  test('the confirmation never covers Opslaan, also once "Bewaar als snelkeuze" shows', async () => {
    await open('/');
    await page.getByRole('radio', { name: 'DigiD', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Samen gedaan of meegekeken' }).click();
    await page.getByRole('radio', { name: 'Korter dan 15 minuten' }).click();
    await page.getByRole('button', { name: 'Bewaar als snelkeuze' }).waitFor();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const toast = await page.getByTestId('toast').boundingBox();
    const save = await page.getByRole('button', { name: 'Opslaan' }).boundingBox();
    expect(toast && save).toBeTruthy();
    if (!toast || !save) return;
    const overlaps =
      toast.x < save.x + save.width &&
      save.x < toast.x + toast.width &&
      toast.y < save.y + save.height &&
      save.y < toast.y + toast.height;
    expect(overlaps).toBe(false);
  });

  test('a Snelkeuze folds the topic list, and a visit of two questions becomes one', async () => {
    await open('/');
    await page.getByRole('radio', { name: 'DigiD', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Samen gedaan of meegekeken' }).click();
    await page.getByRole('button', { name: 'Nog een vraag' }).click();
    const second = page.getByTestId('question').nth(1);
    await second.getByRole('radio', { name: 'Toeslagen' }).click();
    await second.getByRole('checkbox', { name: 'Uitleg gegeven' }).click();
    await page.getByRole('radio', { name: '15 tot 30 minuten' }).click();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page
      .getByRole('radio', { name: 'DigiD', exact: true })
      .and(page.locator(':not(:checked)'))
      .waitFor();

    const both = page.getByRole('button', { name: /DigiD \+ Toeslagen/ });
    await both.click();
    const questions = page.getByTestId('question');
    await expect.poll(() => questions.count()).toBe(2);
    // Folded: only the chosen topic shows, not the list of fifteen.
    await expect.poll(() => page.locator('#q0-topic').getAttribute('data-folded')).toBe('true');
    await expect.poll(() => page.locator('#q0-topic').getByRole('radio').count()).toBe(1);
    await expect.poll(() => page.locator('#q1-topic').getByRole('radio').count()).toBe(1);
  });

  test('choosing a partner answers "Naar wie verwezen?" as well', async () => {
    await open('/');
    await startOver();
    await page.getByRole('radio', { name: 'Rechtshulp, alimentatie en schulden' }).first().click();
    await page.getByRole('checkbox', { name: 'Doorverwezen' }).click();
    await page.getByRole('radio', { name: /Schuldhulp Noord/ }).click();
    const kind = page.locator('#q0-referral');
    await expect.poll(() => kind.getAttribute('data-folded')).toBe('true');
    expect(await kind.getByRole('radio', { checked: true }).getAttribute('value')).toBe(
      'schuldhulp',
    );
  });

  test('the one organisation that goes with a topic is chosen; another topic takes it away', async () => {
    await open('/');
    await startOver();
    const organisation = (name: string) => page.getByRole('checkbox', { name, exact: true });
    await page.getByRole('radio', { name: 'Toeslagen', exact: true }).click();
    await expect.poll(() => organisation('Belastingdienst (ook Toeslagen)').isChecked()).toBe(true);
    // Werk en uitkering goes with UWV and the gemeente: offered first, neither chosen.
    await page.getByRole('button', { name: /Onderwerp.*antwoord wijzigen/ }).click();
    await page.getByRole('radio', { name: 'Werk en uitkering', exact: true }).click();
    await expect.poll(() => organisation('UWV').isVisible()).toBe(true);
    expect(
      await page.locator('.organisations').getByRole('checkbox', { checked: true }).count(),
    ).toBe(0);
    // What the person chose stays when the topic changes again.
    await organisation('UWV').click();
    await page.getByRole('button', { name: /Onderwerp.*antwoord wijzigen/ }).click();
    await page.getByRole('radio', { name: 'Toeslagen', exact: true }).click();
    await expect.poll(() => organisation('UWV').isChecked()).toBe(true);
    expect(await organisation('Belastingdienst (ook Toeslagen)').isChecked()).toBe(false);
  });

  test('error lines lead to their fields, and "Opnieuw beginnen" keeps the focus in the form', async () => {
    await open('/');
    await startOver();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByRole('heading', { name: 'Er ontbreekt nog iets' }).waitFor();
    // One line per problem, in the order the form asks: the question first.
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Vraag 1: Kies een onderwerp.',
      'Kies hoe lang het duurde.',
    ]);
    const line = summary.getByRole('link', { name: /onderwerp/ });
    await line.click();
    expect(await page.evaluate(() => document.activeElement?.closest('fieldset')?.id)).toBe(
      'q0-topic',
    );

    await page.getByRole('radio', { name: 'DigiD', exact: true }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Opnieuw beginnen' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('form') !== null))
      .toBe(true);
  });
});

describe('Vandaag', () => {
  test('shows hour bands, referrals and a day summary, and earlier days are a tap away', async () => {
    // A visit yesterday, with a referral, registered at 11:20.
    await page.clock.setFixedTime(new Date('2026-11-29T11:20:00+01:00'));
    await open('/');
    await startOver();
    await page.getByRole('radio', { name: 'Toeslagen' }).first().click();
    await page.getByRole('checkbox', { name: 'Doorverwezen' }).click();
    await page.getByRole('radio', { name: /Formulieren- of belastinghulp/ }).click();
    await page.getByRole('radio', { name: 'Korter dan 15 minuten' }).click();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByTestId('toast').waitFor();

    await page.clock.setFixedTime(new Date('2026-11-30T09:05:00+01:00'));
    await open('/vandaag');
    // Every state the screen passes through: a day's heading never shows another day's visits,
    // not even for the moment the new day is being read (today has this file's other visits).
    await page.evaluate(() => {
      const seen: { heading: string; hours: string[] }[] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() =>
        seen.push({
          heading: document.querySelector('main h1')?.textContent ?? '',
          hours: [...document.querySelectorAll('.visit-time')].map(
            (hour) => hour.textContent ?? '',
          ),
        }),
      ).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('link', { name: /Eerdere dag/ }).click();
    await page.getByRole('heading', { name: /29 november/ }).waitFor();
    const visit = page.getByTestId('visit').first();
    expect(await visit.textContent()).toContain('11–12 uur');
    expect(await visit.textContent()).toContain('verwezen naar formulieren- of belastinghulp');
    expect(await page.getByTestId('day-summary').textContent()).toMatch(/1 bezoek, 1 vraag/);
    const seen = await page.evaluate(
      () => (window as unknown as { seen: { heading: string; hours: string[] }[] }).seen,
    );
    const yesterday = seen.filter((state) => state.heading.includes('29 november'));
    expect(yesterday.length).toBeGreaterThan(0);
    expect(yesterday.filter((state) => state.hours.some((hour) => hour !== '11–12 uur'))).toEqual(
      [],
    );
    // Yesterday's mistake can be fixed from here.
    await visit.getByRole('link').click();
    await page.getByRole('heading', { name: 'Registratie aanpassen' }).waitFor();
  });
});
