// The settings screens' seam to data: linking this device (first run and re-linking) and
// the branch's answer lists. Views import these, never src/data.

import type { Customisation } from '../../core/registration/catalogue';
import type { Device } from '../../core/upload/enrolment';
import { checkToken } from '../../data/linking';
import { changeCustomisation } from '../../data/list-writes';
import { saveDevice } from '../../data/settings';
import { readRetryState } from '../../data/upload-reads';
import { liftAuthBlock } from '../../data/upload-writes';
import { useServices } from '../hooks';

export type { TokenCheck } from '../../data/linking';

/** Linking before the app's services exist (first run): no database needed. */
export const linking = { checkToken, saveDevice };

/** Re-linking a linked device: the new code is kept and the block on uploading lifted. */
export function useRelink() {
  const { db } = useServices();
  return async (device: Device) => {
    await saveDevice(device);
    await liftAuthBlock(db, await readRetryState(db));
  };
}

/** Changes the branch's answer lists inside one transaction (see registration-writes.ts). */
export function useChangeCustomisation() {
  const { db } = useServices();
  return (change: (current: Customisation) => Customisation) => changeCustomisation(db, change);
}
