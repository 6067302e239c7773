// Which visits a volunteer checked as copied into the Bibliotheekmonitor, kept on the device
// with idb-keyval (visit id → day), parsed on read, forgotten 400 days after the visit.

import { get, update } from 'idb-keyval';
import { addDays } from '../core/day';
import { settings } from './settings';
import { CopiedVisits, parseStored } from './stored';

const KEY = 'monitor-copied';
/** Check-offs are kept this long after the visit's day, then forgotten (the KB asks yearly). */
const COPIED_KEEP_DAYS = 400;

/** The visits checked as copied into the Bibliotheekmonitor: id → day. */
export async function readCopied(): Promise<Readonly<Record<string, string>>> {
  return parseStored(CopiedVisits, await get(KEY, settings()), {}).value;
}

/**
 * Checks a visit as copied (or not) in one read-and-write, dropping check-offs of visits more
 * than 400 days before `today`, so the list never grows without end.
 */
export function saveCopied(id: string, day: string, copied: boolean, today: string): Promise<void> {
  const oldest = addDays(today, -COPIED_KEEP_DAYS);
  return update(
    KEY,
    (stored: unknown) => {
      const kept = Object.entries(parseStored(CopiedVisits, stored, {}).value).filter(
        ([other, otherDay]) => other !== id && otherDay >= oldest,
      );
      return Object.fromEntries(copied ? [...kept, [id, day]] : kept);
    },
    settings(),
  );
}
