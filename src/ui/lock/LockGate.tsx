// Puts the screen lock in front of the app: while locked (or while a first PIN is chosen) the
// app's screens are not rendered at all, so nothing of them is in the page. Uploading goes on:
// it lives in the service worker and src/sync-link.ts, not in these screens, which load
// only when needed (precached, so offline too); until then the gate shows nothing either.

import type { ComponentChildren } from 'preact';
import { deferred } from '../deferred';
import { useScreenLock } from './hooks';

const ChoosePin = deferred(() => import('./ChoosePin').then((m) => m.ChoosePin));
const LockScreen = deferred(() => import('./LockScreen').then((m) => m.LockScreen));

export function LockGate({ children }: { children: ComponentChildren }) {
  const lock = useScreenLock();
  switch (lock.stage) {
    case 'off':
    case 'open':
      return <>{children}</>;
    case 'loading':
      return null;
    case 'choose':
      return <ChoosePin minutes={lock.minutes} onChoose={lock.choose} />;
    case 'locked':
      return <LockScreen lock={lock} />;
  }
}
