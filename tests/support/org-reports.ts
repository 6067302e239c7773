// The known organisation behind the Overzicht-for-managers browser tests: two locations, a desk
// device at each that uploaded a week of visits, and a manager signed in on a page whose clock
// stands at Thursday 26 November 2026, 14:10. Plus the few steps those tests share.

import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { hashPassword } from '../../server/secrets';
import type { VisitContent } from '../../src/core/registration/schema';
import { type Harness, openApp, startHarness } from './harness';
import { uploadVisits } from './uploads';

export const SHOTS = 'tests/e2e/.artifacts/org-reports';
export const WEEK = '/beheer/overzicht?periode=week&dag=2026-11-23';
const PASSWORD = 'een-lang-wachtwoord-voor-anna';

const toeslagen = {
  domain: 'digitale-overheid',
  topic: 'toeslagen',
  organisations: ['belastingdienst'],
  help: ['uitleg'],
};
const printing = {
  domain: 'bibliotheek',
  topic: 'printen-scannen',
  organisations: [],
  help: ['samen-gedaan'],
};

/**
 * Centrum (Utrecht): 5 visits, 6 questions this week, 2 of them about the library, in 2
 * visits. De Linde (Houten): 3 visits, 3 questions this week (1 about the library), and 2
 * the week before. Together: 8 visits, 9 questions.
 */
const AT_CENTRUM: Partial<VisitContent>[] = [
  { day: '2026-11-23', hour: 10 },
  { day: '2026-11-23', hour: 11 },
  { day: '2026-11-24', hour: 10, questions: [toeslagen, printing] },
  { day: '2026-11-25', hour: 14, questions: [printing] },
  { day: '2026-11-26', hour: 10 },
];
const AT_LINDE: Partial<VisitContent>[] = [
  { day: '2026-11-24', hour: 14 },
  { day: '2026-11-24', hour: 15, channel: 'telefoon', questions: [printing] },
  { day: '2026-11-26', hour: 11 },
  { day: '2026-11-17', hour: 14 },
  { day: '2026-11-18', hour: 14 },
];

export interface OrgReports {
  readonly harness: Harness;
  readonly page: Page;
  readonly centrum: string;
  readonly linde: string;
  /** Opens a path of the Overzicht and waits until the numbers are there. */
  openReport(path?: string): Promise<void>;
  /** The per-location table as rows of cells. */
  locationRows(): Promise<string[][]>;
  shoot(name: string): Promise<void>;
}

export async function startOrgReports(): Promise<OrgReports> {
  mkdirSync(SHOTS, { recursive: true });
  const harness = await startHarness({ viewport: { width: 360, height: 740 } });
  const store = harness.server.store;
  const organisation = (await store.org.organisation()).id;
  const add = async (name: string, gemeente: string) => {
    const made = await store.org.addLocation(organisation, {
      name,
      gemeente,
      kind: 'vaste-balie',
      hours: '',
      staffing: '',
    });
    if (made === 'taken') throw new Error(`${name} exists`);
    return made.id;
  };
  const upload = async (label: string, location: string, visits: Partial<VisitContent>[]) => {
    const { token } = await store.createDevice(label, 'desk', location);
    const statuses = await uploadVisits(harness.server.url, token, location, visits);
    if (statuses.some((status) => status !== 'accepted')) throw new Error(statuses.join());
  };
  const centrum = await add('Bibliotheek Centrum', 'Utrecht');
  const linde = await add('Spreekuur De Linde', 'Houten');
  await upload('balie centrum', centrum, AT_CENTRUM);
  await upload('tablet de linde', linde, AT_LINDE);
  await store.managers.add(organisation, 'anna', await hashPassword(PASSWORD));

  const page = await openApp(harness);
  await page.clock.setFixedTime(new Date('2026-11-26T14:10:00+01:00'));
  await page.goto(`${harness.appUrl}/beheer`);
  await page.getByLabel('Naam').fill('anna');
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByText('Aangemeld als anna').waitFor();

  return {
    harness,
    page,
    centrum,
    linde,
    async openReport(path = WEEK) {
      await page.goto(`${harness.appUrl}${path}`);
      await page.getByRole('heading', { name: 'In het kort' }).waitFor();
    },
    locationRows: () =>
      page
        .getByRole('table', { name: 'Cijfers: Per locatie' })
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim() ?? '')),
        ),
    async shoot(name) {
      await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    },
  };
}
