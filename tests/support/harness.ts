// A whole Balie for one browser test: the real endpoint on a free port with its own
// SQLite file, serving the production build, and a fresh Chromium profile.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { type RequestHook, type RunningServer, startServer } from '../../server/app';
import { openPgStore } from '../../server/pg-store';
import { openSqliteStore, type Store } from '../../server/store';
import { CHROMIUM_ARGS, ensureChromium } from './chromium';
import { type FaultOptions, type FaultProxy, startFaultProxy } from './fault-proxy';

export interface Harness {
  readonly server: RunningServer;
  /** Where the browser opens the app: the endpoint, or the fault proxy in front of it. */
  readonly appUrl: string;
  readonly proxy: FaultProxy | undefined;
  readonly token: string;
  context: BrowserContext;
  /** Another device: a browser with its own fresh profile, closed with the harness. */
  launchDevice(): Promise<BrowserContext>;
  /** Opens a fresh browser profile directory's context again (a closed and reopened browser). */
  reopen(): Promise<BrowserContext>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly viewport?: { width: number; height: number };
  /** Puts a fault-injecting proxy in front of the endpoint. */
  readonly faults?: Omit<FaultOptions, 'upstream'>;
  /** Runs in every page before the app, e.g. to remove Background Sync. */
  readonly initScript?: string;
  /** Wraps the endpoint's requests, to answer some of them differently. */
  readonly hook?: RequestHook;
  /** Serves the app from here instead of dist/ (a second build, for updates). */
  readonly staticDir?: string;
  /** Keeps the endpoint's data in this PostgreSQL database instead of a SQLite file. */
  readonly databaseUrl?: string;
}

/** The one place the browser tests open the endpoint's store. */
export function openHarnessStore(file: string, databaseUrl?: string): Promise<Store> {
  return databaseUrl ? openPgStore(databaseUrl) : openSqliteStore(file);
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'balie-e2e-'));
  let token = '';
  const server = await startServer({
    store: await openHarnessStore(join(dir, 'balie.sqlite'), options.databaseUrl),
    staticDir: options.staticDir ?? resolve('dist'),
    ...(options.hook ? { hook: options.hook } : {}),
    devToken: async (store) => {
      // A manager, so the one-machine demo (and the browser tests) can publish the map.
      const organisation = (await store.org.organisation()).id;
      const location = await store.org.addLocation(organisation, {
        name: 'Bibliotheek Teststad',
        gemeente: 'Teststad',
        kind: 'vaste-balie',
        hours: '',
        staffing: '',
      });
      if (location === 'taken') throw new Error('test location exists already');
      token = (await store.createDevice('e2e', 'manager', location.id)).token;
      return token;
    },
  });
  const proxy = options.faults
    ? await startFaultProxy({ ...options.faults, upstream: server.url })
    : undefined;
  const others: BrowserContext[] = [];
  const launch = async (profile = join(dir, 'profile')) => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: ensureChromium(),
      args: CHROMIUM_ARGS,
      viewport: options.viewport ?? { width: 1024, height: 768 },
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
    });
    // tsx (benchmarks) keeps function names with an `__name` helper that functions sent to
    // page.evaluate take along; the page needs a harmless one.
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    if (options.initScript) await context.addInitScript(options.initScript);
    return context;
  };
  const harness: Harness = {
    server,
    appUrl: proxy?.url ?? server.url,
    proxy,
    token,
    context: await launch(),
    async launchDevice() {
      const context = await launch(join(dir, `profile-${others.length + 2}`));
      others.push(context);
      return context;
    },
    async reopen() {
      await harness.context.close();
      harness.context = await launch();
      return harness.context;
    },
    async close() {
      await harness.context.close().catch(() => undefined);
      for (const other of others) await other.close().catch(() => undefined);
      await proxy?.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/**
 * Opens the app, links the device with the dev token (the long code, as ICT-beheer does) if it
 * is not linked yet, and waits for the worker.
 */
export async function openApp(harness: Harness, token = harness.token): Promise<Page> {
  const page = harness.context.pages()[0] ?? (await harness.context.newPage());
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(harness.appUrl);
  await page.getByRole('heading', { name: /Welkom bij Balie|Nieuwe registratie/ }).waitFor();
  if (await page.getByRole('heading', { name: 'Welkom bij Balie' }).isVisible()) {
    await page.getByText('Koppelen met een lange code (voor ICT-beheer)').click();
    await page.getByLabel('Lange code').fill(token);
    await page.getByRole('button', { name: 'Koppelen met de lange code' }).click();
  }
  await page.getByRole('heading', { name: 'Nieuwe registratie' }).waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 20_000,
  });
  return page;
}

/** Removes Background Sync from pages, as in Safari and Firefox. */
export const WITHOUT_BACKGROUND_SYNC = `
  delete window.SyncManager;
  Object.defineProperty(ServiceWorkerRegistration.prototype, 'sync', { get: () => undefined, configurable: true });
`;

/** Writes a small setting where the app keeps them (idb-keyval's balie-settings store). */
export function writeSetting(page: Page, key: string, value: unknown): Promise<void> {
  return page.evaluate(
    ([k, v]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('balie-settings');
        open.onupgradeneeded = () => open.result.createObjectStore('settings');
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').put(v, k as string);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    [key, value] as const,
  );
}

/** The keys of one object store of the app's database, read straight from IndexedDB. */
export function storeKeys(page: Page, store: 'visits' | 'queue'): Promise<unknown[]> {
  return page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('balie');
        open.onsuccess = () => {
          const request = open.result.transaction(name, 'readonly').objectStore(name).getAllKeys();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as unknown[]);
          };
          request.onerror = () => reject(request.error);
        };
        open.onerror = () => reject(open.error);
      }),
    store,
  );
}

/** The endpoint's (only) organisation and its locations, straight from the store. */
export async function organisationOf(harness: Harness) {
  const { org } = harness.server.store;
  const { id } = await org.organisation();
  return {
    id,
    locations: () => org.locations(id, false),
    async locationId(name: string): Promise<string> {
      const found = (await org.locations(id, false)).find((location) => location.name === name);
      if (!found) throw new Error(`no location ${name}`);
      return found.id;
    },
    async addLocation(
      name: string,
      kind: 'vaste-balie' | 'lopend-ido' = 'vaste-balie',
    ): Promise<string> {
      const made = await org.addLocation(id, {
        name,
        gemeente: 'Teststad',
        kind,
        hours: '',
        staffing: '',
      });
      if (made === 'taken') throw new Error(`location ${name} exists`);
      return made.id;
    },
    /** A koppelcode as a manager makes it (shown as `7KQM-4P2X`). */
    async koppelcode(
      locationId: string,
      label: string,
      role: 'desk' | 'manager' = 'desk',
    ): Promise<string> {
      const made = await org.createKoppelcode(id, { locationId, label, role, createdBy: 'e2e' });
      return made.code;
    },
    async deviceId(label: string): Promise<string> {
      const found = (await org.devices(id)).find((device) => device.label === label);
      if (!found) throw new Error(`no device ${label}`);
      return found.id;
    },
  };
}

/** Opens the app in a fresh device and links it by typing the koppelcode. */
export async function linkWithCode(page: Page, appUrl: string, typed: string): Promise<void> {
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(appUrl);
  await page.getByLabel('Koppelcode').fill(typed);
  await page.getByRole('button', { name: 'Koppelen en beginnen' }).click();
}

/** Waits until the app is linked and its service worker controls the page. */
export async function waitForApp(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Nieuwe registratie' }).waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 20_000,
  });
}
