// Small settings kept with idb-keyval: this device's enrolment and the form being filled in.
// Readable by the page and the service worker alike.

import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { Device } from '../core/upload/enrolment';

let store: UseStore | undefined;

function settings(): UseStore {
  store ??= createStore('balie-settings', 'settings');
  return store;
}

export async function readDevice(): Promise<Device | undefined> {
  const parsed = Device.safeParse(await get('device', settings()));
  return parsed.success ? parsed.data : undefined;
}

export function saveDevice(device: Device): Promise<void> {
  return set('device', device, settings());
}

export function readSetting<T>(key: string): Promise<T | undefined> {
  return get<T>(key, settings());
}

export function saveSetting(key: string, value: unknown): Promise<void> {
  return set(key, value, settings());
}

export function forgetSetting(key: string): Promise<void> {
  return del(key, settings());
}
