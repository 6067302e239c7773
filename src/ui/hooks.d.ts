import { type Catalogue, type Customisation } from '../core/registration/catalogue';
import type { Device } from '../core/upload/enrolment';
import type { SyncTrigger } from '../core/upload/outbox';
import type { BalieDb } from '../data/db';

export type { BalieDb } from '../data/db';

import type { WorkerMessage } from '../core/upload/messages';
import type { MapRefresh } from '../data/map-sync';
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
  readonly db: BalieDb;
  readonly device: Device;
  /** Asks the uploader to run (in the service worker, or here when there is none). */
  readonly wake: (trigger: SyncTrigger) => void;
  /** Refreshes every published map this device follows. */
  readonly refreshMaps: () => Promise<readonly MapRefresh[]>;
  readonly now: () => number;
  readonly newId: () => string;
}
export declare const Services: import('preact').Context<AppServices | null>;
export declare function useServices(): AppServices;
/** A database query that re-runs whenever what it read changes, in any tab or the worker. */
export declare function useLiveQuery<T>(
  query: () => Promise<T>,
  deps: readonly unknown[],
): T | undefined;
/**
 * Whether an upload runs right now, in this page, another tab or the service worker:
 * the holder of the upload lock. A killed worker releases it, so this never goes stale.
 */
export declare function useUploadRunning(): boolean;
export interface CatalogueView {
  readonly base: Catalogue;
  readonly custom: Customisation;
}
/** The answer lists as this branch has them: the national lists plus local changes. */
export declare function useCatalogue(): CatalogueView | undefined;
/** navigator.onLine, kept current. */
export declare function useOnline(): boolean;
/** The current time, refreshed every `everyMs`, for "2 minuten geleden" and "nu open". */
export declare function useNow(everyMs?: number): number;
/** This device's enrolment as stored: undefined while reading, null when not linked. */
export declare function useStoredDevice(): [Device | null | undefined, (device: Device) => void];
/** What the status bar shows: unsent and refused counts, the run's progress, retry state. */
export declare function useSyncStatus(): {
  unsent: number | undefined;
  refused: number | undefined;
  progress: import('../data/db').Progress | null | undefined;
  retry: import('../core/upload/outbox').RetryState | undefined;
};
