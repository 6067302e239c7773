// A whole Balie for one browser test: the real endpoint on a free port with its own
// SQLite file, serving the production build, and a fresh Chromium profile.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { type RunningServer, startServer } from '../../server/app';
import { CHROMIUM_ARGS, ensureChromium } from './chromium';

export interface Harness {
  readonly server: RunningServer;
  readonly token: string;
  context: BrowserContext;
  /** Opens a fresh browser profile directory's context again (a closed and reopened browser). */
  reopen(): Promise<BrowserContext>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly viewport?: { width: number; height: number };
  /** Starts the endpoint behind this request hook (fault injection). */
  readonly hook?: Parameters<typeof startServer>[0]['hook'];
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'balie-e2e-'));
  let token = '';
  const server = await startServer({
    databaseFile: join(dir, 'balie.sqlite'),
    staticDir: resolve('dist'),
    devToken: (store) => {
      token = store.createDevice('e2e').token;
      return token;
    },
    ...(options.hook ? { hook: options.hook } : {}),
  });
  const profile = join(dir, 'profile');
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: ensureChromium(),
      args: CHROMIUM_ARGS,
      viewport: options.viewport ?? { width: 1024, height: 768 },
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
    });
  const harness: Harness = {
    server,
    token,
    context: await launch(),
    async reopen() {
      await harness.context.close();
      harness.context = await launch();
      return harness.context;
    },
    async close() {
      await harness.context.close().catch(() => undefined);
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Opens the app, links the device with the dev token if asked, and waits for the worker. */
export async function openApp(harness: Harness, location = 'Bibliotheek Teststad'): Promise<Page> {
  const page = harness.context.pages()[0] ?? (await harness.context.newPage());
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(harness.server.url);
  await page.getByRole('heading', { name: /Welkom bij Balie|Nieuwe registratie/ }).waitFor();
  if (await page.getByRole('heading', { name: 'Welkom bij Balie' }).isVisible()) {
    await page.getByLabel('Naam van de vestiging').fill(location);
    await page.getByLabel('Koppelcode').fill(harness.token);
    await page.getByRole('button', { name: 'Koppelen en beginnen' }).click();
  }
  await page.getByRole('heading', { name: 'Nieuwe registratie' }).waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 20_000,
  });
  return page;
}
