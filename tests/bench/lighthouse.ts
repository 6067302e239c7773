// Lighthouse (mobile profile: its default emulation and simulated throttling) against the
// production build served by the real endpoint: a first visit to `/` (the koppelen screen a
// fresh device shows) and a linked device's registration form, each the median of a few runs.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { type Result } from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../support/chromium';
import { type Harness, openApp, startHarness } from '../support/harness';
import { median, number, type Row } from './table';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const GOALS: Readonly<Record<(typeof CATEGORIES)[number], number>> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
};

interface Browser {
  readonly port: number;
  close(): Promise<void>;
}

/** Debian's Chromium with the flags of the other browser benches, and a DevTools port. */
async function launchChromium(profile: string): Promise<Browser> {
  const child: ChildProcess = spawn(
    ensureChromium(),
    [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const found = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (found) resolve(Number(found[1]));
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${seen}`)));
  });
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

export async function measureLighthouse(): Promise<Row[]> {
  const harness = await startHarness();
  // Only the endpoint is used: Lighthouse drives a Chromium of its own, untouched by Playwright.
  await harness.context.close();
  const dir = mkdtempSync(join(tmpdir(), 'balie-lighthouse-'));
  let browser: Browser | undefined;
  try {
    browser = await launchChromium(join(dir, 'profile'));
    const url = `${harness.appUrl}/`;
    const first = await runs(browser.port, url, false);
    await linkDevice(browser.port, harness);
    const linked = await runs(browser.port, url, true);
    return [
      ...rows('first visit to / (koppelen)', first),
      ...rows('linked device (registration form)', linked),
    ];
  } finally {
    await browser?.close();
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runs(port: number, url: string, keepStorage: boolean): Promise<Result[]> {
  const results: Result[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await lighthouse(url, {
      port,
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      disableStorageReset: keepStorage,
    });
    if (!run) throw new Error('Lighthouse gave no result');
    if (run.lhr.runtimeError) throw new Error(`Lighthouse: ${run.lhr.runtimeError.message}`);
    results.push(run.lhr);
  }
  return results;
}

/** Links the browser's profile as the harness does (the long code), then lets go of it. */
async function linkDevice(port: number, harness: Harness): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0];
    if (!context) throw new Error('no browser context');
    await openApp({ ...harness, context });
  } finally {
    await browser.close();
  }
}

const score = (lhr: Result, id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
const value = (lhr: Result, id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;

function rows(label: string, results: readonly Result[]): Row[] {
  const performance = results.map((lhr) => score(lhr, 'performance'));
  const lhr = results[performance.indexOf(median(performance))];
  if (!lhr) throw new Error('no Lighthouse runs');
  const short = CATEGORIES.filter((id) => score(lhr, id) < GOALS[id]);
  // The audits that cost points in accessibility and best practices, by id.
  const failing = CATEGORIES.filter((id) => id !== 'performance')
    .flatMap((id) => lhr.categories[id]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
    .map((ref) => ref.id);
  const seconds = (id: string) => `${number(value(lhr, id) / 1000, 2)} s`;
  return [
    {
      measure: `Lighthouse mobile, ${label}: scores (median of ${results.length} runs)`,
      balie: CATEGORIES.map((id) => `${id.replace('-', ' ')} ${score(lhr, id)}`).join(', '),
      baseline: `goals: ≥ ${GOALS.performance}, ${GOALS.accessibility}, ${GOALS['best-practices']}`,
      figure:
        (short.length === 0 ? 'goals met' : `short: ${short.join(', ')}`) +
        (failing.length === 0 ? '' : `; failing: ${failing.join(', ')}`),
    },
    {
      measure: `Lighthouse mobile, ${label}: LCP, TBT, CLS`,
      balie: `LCP ${seconds('largest-contentful-paint')}, TBT ${number(value(lhr, 'total-blocking-time'))} ms, CLS ${number(value(lhr, 'cumulative-layout-shift'), 3)}`,
      baseline: 'Lighthouse "good": LCP ≤ 2.5 s, TBT ≤ 200 ms, CLS ≤ 0.1',
      figure: `FCP ${seconds('first-contentful-paint')}; performance per run: ${performance.join(', ')}`,
    },
  ];
}
