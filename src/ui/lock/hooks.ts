// The screen lock's seam to data: whether it is on (the organisation's setting, desk devices
// only), the idle timer, choosing the PIN, unlocking with growing waits, and a forgotten PIN.

import { useEffect, useState } from 'preact/hooks';
import { afterWrongPin, NO_TRIES, waitLeft } from '../../core/lock/pin';
import {
  forgetPin,
  readLocked,
  readLockTries,
  readPin,
  saveLocked,
  saveLockTries,
  savePin,
} from '../../data/lock-settings';
import { useServices } from '../hooks';

export type LockStage = 'off' | 'loading' | 'choose' | 'open' | 'locked';
export type Unlock = { readonly ok: true } | { readonly ok: false; readonly waitMs: number };

/** What a person does first to count as active; anything else is idle. */
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;
const CHECK_MS = 5_000;

export function useScreenLock() {
  const { device, now } = useServices();
  const minutes = device.role === 'desk' ? device.screenLock?.minutes : undefined;
  const [stage, setStage] = useState<LockStage>(minutes ? 'loading' : 'off');

  useEffect(() => {
    if (!minutes) {
      setStage('off');
      return;
    }
    void Promise.all([readPin(), readLocked()]).then(([pin, locked]) =>
      setStage(!pin ? 'choose' : locked ? 'locked' : 'open'),
    );
  }, [minutes]);

  useEffect(() => {
    if (stage !== 'open' || !minutes) return;
    let last = now();
    const touch = () => {
      last = now();
    };
    for (const name of ACTIVITY) document.addEventListener(name, touch, { capture: true });
    const timer = setInterval(() => {
      if (now() - last < minutes * 60_000) return;
      void saveLocked(true).then(() => setStage('locked'));
    }, CHECK_MS);
    return () => {
      clearInterval(timer);
      for (const name of ACTIVITY) document.removeEventListener(name, touch, { capture: true });
    };
  }, [stage, minutes]);

  return {
    stage,
    minutes: minutes ?? 0,
    /** Keeps a new PIN (only its hash) and opens the app. */
    choose: async (pin: string) => {
      const { hashPin } = await import('../../data/pin');
      await savePin(await hashPin(pin));
      await saveLockTries(NO_TRIES);
      await saveLocked(false);
      setStage('open');
    },
    /** Checks a PIN unless a wait is still running; wrong tries make the next wait longer. */
    unlock: async (pin: string): Promise<Unlock> => {
      const tries = await readLockTries();
      const left = waitLeft(tries, now());
      if (left > 0) return { ok: false, waitMs: left };
      const stored = await readPin();
      const { pinMatches } = await import('../../data/pin');
      if (stored && (await pinMatches(pin, stored))) {
        await saveLockTries(NO_TRIES);
        await saveLocked(false);
        setStage('open');
        return { ok: true };
      }
      const next = afterWrongPin(tries, now());
      await saveLockTries(next);
      return { ok: false, waitMs: waitLeft(next, now()) };
    },
    /** Milliseconds still to wait from earlier wrong tries (also after a reload). */
    waiting: async () => waitLeft(await readLockTries(), now()),
    /** After linking again with a new koppelcode: the old PIN is gone, a new one is chosen. */
    forgotten: async () => {
      await forgetPin();
      setStage('choose');
    },
  };
}

export type ScreenLockControl = ReturnType<typeof useScreenLock>;
