// Cost does not grow with history: a cold offline start (a closed and reopened browser) to a
// usable registration form, and a save, on a device with a year of visits (20,000) and 5,000
// partners, each next to the same on an empty device in the same run; the cold start again
// at 4× CPU slowdown (CDP).

import type { Page } from 'playwright-core';
import { type Harness, openApp, organisationOf, startHarness } from '../support/harness';
import { generateVisitRows } from '../support/history';
import { generatePartners } from '../support/partners';
import { countRows, putRows } from './page-data';
import { addSnelkeuze, timeSaves } from './save';
import { median, number, percentile, type Row } from './table';

const VISITS = Number(process.env.BENCH_DEVICE_VISITS ?? 20_000);
const PARTNERS = 5_000;
const STARTS = 8;
const SLOW_STARTS = 5;
const SAVES = 100;
/** Saves alternate between the two devices in rounds, so a busy moment hits both alike. */
const SAVE_ROUNDS = 4;

/** Notes (as `__usableAt`, ms since navigation) when the form can save and has its Snelkeuze. */
const USABLE_PROBE = `(() => {
  const has = (selector, text) =>
    [...document.querySelectorAll(selector)].some((el) => el.textContent.includes(text));
  const observer = new MutationObserver(() => {
    if (has('button[type=submit]', 'Opslaan') && has('button.pick', 'DigiD')) {
      window.__usableAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface Timings {
  readonly starts: number[];
  readonly slowStarts: number[];
  readonly saves: number[];
}

/**
 * Two devices, linked alike with the same Snelkeuze: one empty, one with the history. Their
 * cold starts and saves alternate, so the noise of a busy machine falls on both.
 */
export async function measureHistory(): Promise<Row[]> {
  const devices = [await startHarness(), await startHarness()] as const;
  try {
    for (const harness of devices) await addSnelkeuze(await openApp(harness));
    const [emptyDevice, fullDevice] = devices;
    const to = new Date().toISOString().slice(0, 10);
    const location = await (await organisationOf(fullDevice)).locationId('Bibliotheek Teststad');
    const page = firstPage(fullDevice);
    await putRows(page, 'visits', generateVisitRows(VISITS, to, location));
    await putRows(page, 'partners', generatePartners(PARTNERS, 42));
    const stored = [await countRows(page, 'visits'), await countRows(page, 'partners')];
    if (stored[0] !== VISITS + 1 || stored[1] !== PARTNERS) throw new Error(`stored ${stored}`);

    const empty: Timings = { starts: [], slowStarts: [], saves: [] };
    const full: Timings = { starts: [], slowStarts: [], saves: [] };
    const both = [
      [emptyDevice, empty],
      [fullDevice, full],
    ] as const;
    for (let run = 0; run < SLOW_STARTS; run++) {
      for (const [harness, timings] of both) timings.slowStarts.push(await coldStart(harness, 4));
    }
    for (let run = 0; run < STARTS; run++) {
      for (const [harness, timings] of both) timings.starts.push(await coldStart(harness, 1));
    }
    for (let round = 0; round < SAVE_ROUNDS; round++) {
      for (const [harness, timings] of both) {
        const { app } = await timeSaves(firstPage(harness), SAVES / SAVE_ROUNDS);
        timings.saves.push(...app);
      }
    }

    const ms = (values: number[]) => `median ${number(median(values))} ms`;
    const ratio = (a: number[], b: number[]) => number(median(a) / median(b), 2);
    const history = `${number(VISITS)} visits + ${number(PARTNERS)} partners`;
    const saves = (values: number[]) =>
      `median ${number(median(values), 1)} ms, p95 ${number(percentile(values, 95), 1)} ms`;
    return [
      {
        measure: `Cold offline start to a usable form, ${history} (${STARTS} starts)`,
        balie: ms(full.starts),
        baseline: `empty device: ${ms(empty.starts)}`,
        figure: `${ratio(full.starts, empty.starts)}× empty (goal ≤ 1.2×)`,
      },
      {
        measure: `Save with ${history} (${SAVES} saves, offline)`,
        balie: saves(full.saves),
        baseline: `empty device: ${saves(empty.saves)}`,
        figure: `${ratio(full.saves, empty.saves)}× empty median (goal ≤ 1.2×)`,
      },
      {
        measure: `Cold offline start at 4× CPU slowdown, ${history} (${SLOW_STARTS} starts)`,
        balie: ms(full.slowStarts),
        baseline: `empty device: ${ms(empty.slowStarts)}`,
        figure: `${ratio(full.slowStarts, empty.slowStarts)}× empty`,
      },
    ];
  } finally {
    for (const harness of devices) await harness.close();
  }
}

function firstPage(harness: Harness): Page {
  const page = harness.context.pages()[0];
  if (!page) throw new Error('no page');
  return page;
}

/** Closes the browser, opens it again offline and the app in it: ms to a usable form. */
async function coldStart(harness: Harness, slowdown: number): Promise<number> {
  const context = await harness.reopen();
  await context.setOffline(true);
  await context.addInitScript(USABLE_PROBE);
  const page = context.pages()[0] ?? (await context.newPage());
  if (slowdown !== 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  }
  await page.goto(harness.appUrl);
  const usable = await page.waitForFunction(
    () => (window as unknown as { __usableAt?: number }).__usableAt,
    undefined,
    { timeout: 60_000 },
  );
  return (await usable.jsonValue()) ?? Number.NaN;
}
