// Small settings on the device: the enrolment and the half-filled form (draft restore).

import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { newDraft, type VisitDraft } from '../../../src/core/registration/draft';
import {
  forgetSetting,
  readDevice,
  readSetting,
  saveDevice,
  saveSetting,
} from '../../../src/data/device';

test('a half-filled draft is read back exactly as it was saved, and is gone once forgotten', async () => {
  const draft: VisitDraft = {
    ...newDraft(randomUUID(), '2026-11-23', 14, 'digitale-overheid'),
    duration: '15-30',
    note: 'Brief van de gemeente',
    questions: [
      {
        domain: 'digitale-overheid',
        topic: 'toeslagen',
        digidStep: null,
        organisations: ['belastingdienst'],
        help: ['uitleg', 'doorverwezen'],
        course: null,
        referralKind: 'formulierenhulp',
        referralWarm: true,
        partnerId: 'partner-1',
      },
    ],
  };
  await saveSetting('draft', draft);
  expect(await readSetting<VisitDraft>('draft')).toEqual(draft);
  await forgetSetting('draft');
  expect(await readSetting('draft')).toBeUndefined();
});

test('the enrolment is checked when read: a damaged one counts as not enrolled', async () => {
  const device = {
    endpoint: 'https://balie.example/api',
    token: 'a-token-of-sixteen-chars',
    deviceId: randomUUID(),
    location: 'Bibliotheek Teststad',
  };
  await saveDevice(device);
  expect(await readDevice()).toEqual(device);
  await saveSetting('device', { ...device, endpoint: 'javascript:alert(1)' });
  expect(await readDevice()).toBeUndefined();
});
