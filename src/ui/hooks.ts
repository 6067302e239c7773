// The one seam between views and data: the app context, a live query hook, the shell's reads
// and the status bar's location switch. Each feature has its own hooks.ts beside its views for the rest; views never import
// src/data and never fetch. The page's links (uploader, published maps) come in as interfaces.

import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import {
  type Catalogue,
  type Customisation,
  DEFAULT_CATALOGUE,
} from '../core/registration/catalogue';
import { chooseLocation, type Device } from '../core/upload/enrolment';
import type { SyncTrigger } from '../core/upload/outbox';
import { type Topic, watch } from '../data/changes';
import type { BalieDb } from '../data/db';
import type { Desk } from '../data/desk';
import {
  countQueued,
  countRefused,
  readCustomisation,
  readProgress,
  readRetryState,
} from '../data/desk-reads';

export type { BalieDb } from '../data/db';
export type { Desk } from '../data/desk';

import type { WorkerMessage } from '../core/upload/messages';
import type { MapRefresh } from '../data/map-refresh';
import { readDevice, updateDevice } from '../data/settings';
import { UPLOAD_LOCK } from '../data/sync-names';

/** The page's link to the uploader (src/sync-link.ts). */
export interface SyncLink {
  wake(trigger: SyncTrigger): void;
  /** Called when a new version of the app is installed and waiting. */
  onUpdate(listener: () => void): void;
  applyUpdate(): void;
  onFinished(listener: (message: WorkerMessage) => void): void;
}

/** The page's link to the published sociale kaarten (src/map-link.ts). */
export interface MapLink {
  /** Refreshes now and whenever the connection returns; returns the cleanup. */
  watch(device: Device): () => void;
  refresh(device: Device): Promise<readonly MapRefresh[]>;
}

export interface AppServices {
  /** The database through plain IndexedDB: what the first page reads and writes. */
  readonly desk: Desk;
  /** The same database through Dexie, loaded when a screen first asks (never by the first page). */
  readonly dexie: () => Promise<BalieDb>;
  readonly device: Device;
  /** The enrolment was changed in settings (a location, a re-link, a contact): show it. */
  readonly setDevice: (device: Device) => void;
  /** Asks the uploader to run (in the service worker, or here when there is none). */
  readonly wake: (trigger: SyncTrigger) => void;
  /** Refreshes every published map this device follows. */
  readonly refreshMaps: () => Promise<readonly MapRefresh[]>;
  readonly now: () => number;
  readonly newId: () => string;
}

export const Services = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(Services);
  if (!services) throw new Error('useServices outside <Services.Provider>');
  return services;
}

/**
 * A database query that is read again whenever one of `topics` changes (changes.ts), in this
 * page, another tab or the worker. Undefined until the query has answered for these `deps`: an
 * answer for other deps (the day before, another partner) is never shown as this one's, unless
 * `keepPrevious` says an older answer still fits while the new one is read (suggestions,
 * Snelkeuze: the form stays as it is). `same` keeps the previous value (and spares a render)
 * when a new result equals it. A read that was overtaken by a later one is dropped.
 */
export function useLiveQuery<T>(
  topics: readonly Topic[],
  query: () => Promise<T>,
  deps: readonly unknown[],
  options: { readonly same?: (a: T, b: T) => boolean; readonly keepPrevious?: boolean } = {},
): T | undefined {
  const { desk } = useServices();
  const { same, keepPrevious = false } = options;
  const [answer, setAnswer] = useState<{ deps: readonly unknown[]; value: T } | undefined>(
    undefined,
  );
  useEffect(() => {
    let live = true;
    let started = 0;
    let shown = 0;
    const read = () => {
      const run = ++started;
      query().then(
        (next) => {
          if (!live || run < shown) return;
          shown = run;
          setAnswer((previous) =>
            same && previous && same(previous.value, next)
              ? sameDeps(previous.deps, deps)
                ? previous
                : { deps, value: previous.value }
              : { deps, value: next },
          );
        },
        (error: unknown) => console.error('live query failed', error),
      );
    };
    read();
    const stop = watch(desk.name, topics, read);
    return () => {
      live = false;
      stop();
    };
  }, [desk, ...deps]);
  if (!answer) return undefined;
  return keepPrevious || sameDeps(answer.deps, deps) ? answer.value : undefined;
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((dep, index) => Object.is(dep, b[index]));
}

/**
 * Whether an upload runs right now, in this page, another tab or the service worker:
 * the holder of the upload lock. A killed worker releases it, so this never goes stale.
 */
export function useUploadRunning(): boolean {
  const [running, setRunning] = useState(false);
  useEffect(() => {
    const locks = navigator.locks;
    if (!locks?.query) return;
    const check = () =>
      void locks
        .query()
        .then((state) =>
          setRunning(state.held?.some((lock) => lock.name === UPLOAD_LOCK) ?? false),
        );
    check();
    const timer = setInterval(check, 1_000);
    return () => clearInterval(timer);
  }, []);
  return running;
}

export interface CatalogueView {
  readonly base: Catalogue;
  readonly custom: Customisation;
}

/** The answer lists as this branch has them: the national lists plus local changes. */
export function useCatalogue(): CatalogueView | undefined {
  const { desk } = useServices();
  const custom = useLiveQuery(['state:catalogue'], () => readCustomisation(desk), []);
  return custom ? { base: DEFAULT_CATALOGUE, custom } : undefined;
}

/** navigator.onLine, kept current. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/** The current time, refreshed every `everyMs`, for "2 minuten geleden" and "nu open". */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** This device's enrolment as stored: undefined while reading, null when not linked. */
export function useStoredDevice(): [Device | null | undefined, (device: Device) => void] {
  const [device, setDevice] = useState<Device | null | undefined>(undefined);
  useEffect(() => {
    void readDevice().then((found) => setDevice(found ?? null));
  }, []);
  return [device, setDevice];
}

/** What the status bar shows: unsent and refused counts, the run's progress, retry state. */
export function useSyncStatus() {
  const { desk } = useServices();
  return {
    unsent: useLiveQuery(['queue', 'outbox'], () => countQueued(desk), []),
    refused: useLiveQuery(['queue'], () => countRefused(desk), []),
    progress: useLiveQuery(['state:progress'], () => readProgress(desk), []),
    retry: useLiveQuery(['state:retry'], () => readRetryState(desk), []),
  };
}

/** Switches this device to another of the organisation's locations, for the next registration. */
export function useChooseLocation() {
  const { device, setDevice } = useServices();
  return async (id: string) => {
    const updated = await updateDevice(device.token, (stored) => chooseLocation(stored, id));
    if (updated) setDevice(updated);
  };
}
