// The sociale kaart in a real browser against the production build and the real endpoint:
// import the official HSDS tabular example, find a partner with a typo, "nu open" on a known
// clock, a partner's page, the referral slip on paper, hostile imported text that stays text,
// keeping devices in step through the endpoint, axe-core, a phone and a tablet screen, and a
// municipality's own sheet (own words, typed hours) confirmed after its summary.

import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportHsdsJson } from '../../src/core/hsds/json';
import { seriousViolations } from '../support/axe';
import { type Harness, openApp, startHarness } from '../support/harness';
import { generatePartners } from '../support/partners';
import { brokenWords } from '../support/words';

const SHOTS = '/tmp/balie-partners';
const FIXTURES = join(import.meta.dirname, '../fixtures/hsds-3.0/csv');
const OFFICE_SHEET = join(
  import.meta.dirname,
  '../fixtures/spreadsheet/sociale-kaart-gemeente.csv',
);
/** A Wednesday, 10:00 in Amsterdam (the harness's time zone). */
const WEDNESDAY_10 = new Date('2026-03-04T10:00:00+01:00');

const SHEET = [
  'Naam;Omschrijving;Onderwerpen;Straat;Postcode;Plaats;Telefoon;Openingstijden;Talen',
  'Buurtteam Oost;Hulp bij brieven en formulieren;DigiD, Toeslagen;Kerkstraat 12;3511 AB;Utrecht;030 123 45 67;ma-vr 09:00-17:00;Nederlands, Arabisch',
  'Avondloket;Hulp in de avond;Toeslagen;Neude 1;3512 AA;Utrecht;030 765 43 21;ma-vr 18:00-21:00;Nederlands',
  'Weekendhulp;Alleen in het weekend;DigiD;Oudegracht 5;3511 AC;Utrecht;030 111 22 33;za-zo 10:00-16:00;Engels',
].join('\r\n');

/** Text an attacker might publish: it must show as the characters typed, and never run. */
const HOSTILE = JSON.stringify([
  {
    id: '0b7d3c52-5d2a-4c59-9d7e-7a1c2b3d4e5f',
    name: 'Schurk <script>window.__pwned = 1</script>',
    description:
      '<img src=x onerror="window.__pwned = 2"> klik <a href="javascript:window.__pwned=3">hier</a>',
    status: 'active',
    url: 'javascript:window.__pwned = 4',
    email: 'javascript:alert(1)@x.nl',
    organization: { id: '1b7d3c52-5d2a-4c59-9d7e-7a1c2b3d4e5f', name: '<b>vet</b>' },
  },
]);

let harness: Harness;
let page: Page;

async function shoot(name: string, fullPage = true) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

async function openExchange() {
  await page.goto(`${harness.appUrl}/sociale-kaart/uitwisselen`);
  await page.getByRole('heading', { name: 'Importeren en exporteren' }).waitFor();
}

async function importFiles(files: Parameters<Page['setInputFiles']>[1]) {
  await openExchange();
  await page.getByLabel('Bestanden kiezen').setInputFiles(files);
}

/** A file with remarks waits for the manager: read the summary, then "Inlezen". */
async function confirmImport(): Promise<string> {
  const review = page.getByTestId('import-review');
  await review.waitFor();
  const summary = (await review.textContent()) ?? '';
  await review.getByRole('button', { name: 'Inlezen' }).click();
  await page.getByTestId('import-done').waitFor();
  return summary;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startHarness();
  page = await openApp(harness);
  await page.clock.setFixedTime(WEDNESDAY_10);
});

afterAll(async () => {
  await harness?.close();
});

describe('the sociale kaart, end to end', () => {
  test('the route loads on demand and starts empty, with a way to fill it', async () => {
    await page.getByRole('link', { name: 'Sociale kaart' }).click();
    await page.getByRole('heading', { name: /Sociale kaart/ }).waitFor();
    await page.getByText('Er staan nog geen partners').waitFor();
    await shoot('01-empty');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the official HSDS tabular example imports from its CSV files; again, it changes nothing', async () => {
    const files = readdirSync(FIXTURES).map((file) => join(FIXTURES, file));
    await importFiles(files);
    // The example's schedule has parts Balie leaves out: it says so before saving.
    expect(await confirmImport()).toContain('Controleer de tijden.');
    const done = page.getByTestId('import-done');
    expect(await done.textContent()).toContain('Ingelezen: 1 nieuw, 0 bijgewerkt, 0 ongewijzigd.');
    await shoot('02-imported');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Bestanden kiezen').setInputFiles(files);
    await page.getByTestId('import-review').getByRole('button', { name: 'Inlezen' }).click();
    await expect
      .poll(() => done.textContent())
      .toContain('Ingelezen: 0 nieuw, 0 bijgewerkt, 1 ongewijzigd.');
  });

  test('a spreadsheet with a bad row imports nothing and names the row and column', async () => {
    const bad = `${SHEET}\r\nKapot;;;;;;bel ons;;`;
    await importFiles({ name: 'kaart.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const failed = page.getByTestId('import-failed');
    await failed.waitFor();
    expect(await failed.textContent()).toMatch(
      /Rij 5, kolom Telefoon: 'bel ons' is geen telefoonnummer\./,
    );
    await shoot('03-import-failed');
    await page.goto(`${harness.appUrl}/sociale-kaart`);
    await expect.poll(() => page.getByTestId('partner').count()).toBe(1);
  });

  test('the spreadsheet imports with a BOM and semicolons', async () => {
    await importFiles({
      name: 'sociale-kaart.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${SHEET}`),
    });
    await expect
      .poll(() => page.getByTestId('import-done').textContent())
      .toContain('Ingelezen: 3 nieuw, 0 bijgewerkt, 0 ongewijzigd.');
  });

  test('search finds the partner despite a typo', async () => {
    await page.goto(`${harness.appUrl}/sociale-kaart`);
    await page.getByLabel('Zoek een partner').fill('Comunity Conseling');
    const names = page.getByTestId('partner').getByRole('heading');
    await expect.poll(() => names.allTextContents()).toEqual(['Community Counselling']);
    await page.getByLabel('Zoek een partner').fill('buurtteem');
    await expect.poll(() => names.allTextContents()).toEqual(['Buurtteam Oost']);
    await shoot('04-search');
  });

  test('"Nu open" on a Wednesday at 10:00 keeps exactly the partners open then', async () => {
    await page.goto(`${harness.appUrl}/sociale-kaart`);
    const names = page.getByTestId('partner').getByRole('heading');
    await expect.poll(() => names.count()).toBe(4);
    await page.getByRole('checkbox', { name: 'Nu open' }).click();
    await expect.poll(() => names.allTextContents()).toEqual(['Buurtteam Oost']);
    expect(page.url()).toContain('open=1');
    await page.getByLabel('Onderwerp').selectOption({ label: 'Toeslagen' });
    await expect.poll(() => names.allTextContents()).toEqual(['Buurtteam Oost']);
    await page.getByRole('checkbox', { name: 'Nu open' }).click();
    await expect.poll(() => names.allTextContents()).toEqual(['Avondloket', 'Buurtteam Oost']);
    await page.getByLabel('Taal').selectOption({ label: 'Arabisch' });
    await expect.poll(() => names.allTextContents()).toEqual(['Buurtteam Oost']);
    await shoot('05-filters');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a partner page says it is open until 17:00, with hours, contact and the desk note', async () => {
    await page.getByRole('link', { name: 'Buurtteam Oost' }).click();
    await page.getByRole('heading', { name: 'Buurtteam Oost', level: 1 }).waitFor();
    expect(await page.getByTestId('opening').textContent()).toBe('Nu open tot 17:00');
    // Today's row of the week stands out, and says so.
    expect(await page.locator('.hours-table tr[aria-current="date"] th').allTextContents()).toEqual(
      ['Woensdag (vandaag)'],
    );
    expect(await page.getByRole('link', { name: '030 123 45 67' }).getAttribute('href')).toBe(
      'tel:0301234567',
    );
    await page.getByLabel('Notitie').fill('Vraag naar Fatima.');
    await page.getByRole('button', { name: 'Notitie opslaan' }).click();
    await page.getByText('De notitie is opgeslagen.').waitFor();
    const flag = page.getByRole('button', { name: 'Markeer als verouderd' });
    // A flag deletes nothing, so it is a normal button, not a red one.
    expect(await flag.getAttribute('class')).toBe('button');
    await flag.click();
    await page.getByTestId('outdated').waitFor();
    await shoot('06-detail');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Niet meer verouderd' }).click();
    await page.getByTestId('outdated').waitFor({ state: 'detached' });
  });

  test('the referral slip prints alone, black on white, with a QR code and no visitor data', async () => {
    await page.getByRole('link', { name: 'Verwijsbriefje maken' }).click();
    const slip = page.getByTestId('slip');
    await slip.waitFor();
    const qr = slip.getByRole('img', { name: /QR-code met de contactgegevens van Buurtteam Oost/ });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(await slip.textContent()).not.toContain('Vraag naar Fatima');
    // Hours in whole words for the visitor, not the office's "ma-vr 09:00-17:00".
    expect(await slip.textContent()).toContain('maandag t/m vrijdag 09:00–17:00');
    // Staff may add who to ask for and when: printed on the slip, stored nowhere.
    await page.getByLabel('Contactpersoon (niet verplicht)').fill('mevrouw De Vries');
    await page.getByLabel('Afspraak (niet verplicht)').fill('di 3 december, 10:00');
    expect(await slip.textContent()).toContain('mevrouw De Vries');
    // The visitor reads what the fields are, not how the form asked for them.
    expect(await slip.locator('.slip-appointment dt').allTextContents()).toEqual([
      'Vraag naar',
      'Uw afspraak',
    ]);
    expect(await slip.textContent()).not.toContain('niet verplicht');
    expect(await slip.textContent()).toContain('di 3 december, 10:00');
    // The walking desk shows the QR code large on the phone.
    await page.getByRole('button', { name: 'Toon groot' }).click();
    const large = page.getByRole('dialog');
    expect(await large.getByRole('img').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await large.waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);
    await shoot('07-slip-screen');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.nav').isVisible()).toBe(false);
    expect(await page.locator('.statusbar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    expect(await slip.evaluate((element) => getComputedStyle(element).color)).toBe('rgb(0, 0, 0)');
    await shoot('08-slip-print');
    const pdf = await page.pdf({ path: `${SHOTS}/slip.pdf`, format: 'A4', printBackground: false });
    // One A4 page: one line per kind of hours, not two week tables.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    await page.emulateMedia({ media: 'screen' });
  });

  test('adding a partner by hand shows clear Dutch messages until it is right', async () => {
    await page.goto(`${harness.appUrl}/sociale-kaart/nieuw`);
    await page.getByRole('heading', { name: 'Nieuwe partner' }).waitFor();
    await page.getByLabel('Website').fill('javascript:alert(1)');
    await page.getByLabel('Openingstijden').fill('elke ochtend');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    const problems = await summary.textContent();
    expect(problems).toContain('De naam ontbreekt.');
    expect(problems).toContain('Dit is geen webadres.');
    expect(problems).toMatch(/Openingstijden: /);
    await shoot('09-form-errors');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Naam', { exact: true }).fill('Taalhuis Centrum');
    await page.getByLabel('Website').fill('www.taalhuis.nl');
    await page.getByLabel('Openingstijden').fill('di en do 13:00-16:00');
    await page.getByRole('checkbox', { name: 'DigiD', exact: true }).check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { name: 'Taalhuis Centrum', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'www.taalhuis.nl' }).getAttribute('href')).toBe(
      'https://www.taalhuis.nl',
    );
  });

  test('exports download as files: HSDS JSON, the HSDS zip and the spreadsheet, without notes', async () => {
    await openExchange();
    const download = async (name: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name }).click(),
      ]);
      return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
    };
    const json = await download('HSDS (.json)');
    expect(json.name).toMatch(/^sociale-kaart-\d{4}-\d{2}-\d{2}\.json$/);
    const page1 = JSON.parse(json.bytes.toString('utf8')) as { contents: { name: string }[] };
    expect(page1.contents.map((service) => service.name)).toContain('Buurtteam Oost');
    expect(json.bytes.toString('utf8')).not.toContain('Vraag naar Fatima');
    const zip = await download('HSDS-pakket (.zip)');
    expect(zip.name).toMatch(/\.zip$/);
    expect(zip.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const sheet = await download('Spreadsheet (.csv)');
    const text = sheet.bytes.toString('utf8');
    expect(text.startsWith('\uFEFFNaam;')).toBe(true);
    expect(text).toContain('Buurtteam Oost;');
  });

  test('hostile imported text is shown as text and never runs', async () => {
    await importFiles({
      name: 'kaart.json',
      mimeType: 'application/json',
      buffer: Buffer.from(HOSTILE),
    });
    expect(await confirmImport()).toContain("'javascript:window.__pwned = 4' is geen webadres");
    await page.goto(`${harness.appUrl}/sociale-kaart?q=schurk`);
    const card = page.getByTestId('partner');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toContain('Schurk <script>window.__pwned = 1</script>');
    await card.getByRole('link').click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Schurk <script>window.__pwned = 1</script>',
    );
    expect(await page.locator('main').textContent()).toContain('<img src=x onerror=');
    await page.getByRole('link', { name: 'Verwijsbriefje maken' }).click();
    await page.getByTestId('slip').waitFor();
    expect(
      await page.locator('main script, main img:not(.qr), a[href^="javascript"]').count(),
    ).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await shoot('10-hostile');
  });

  test('publishing to the endpoint and refreshing from it keeps devices in step', async () => {
    await openExchange();
    await page.getByRole('button', { name: 'Publiceer deze kaart voor de vestiging' }).click();
    await page.getByRole('button', { name: 'Ja, publiceren' }).click();
    const message = page.getByTestId('map-message');
    await expect.poll(() => message.textContent()).toContain('Gepubliceerd: 6 partners.');
    expect((await harness.server.store.publishedMap())?.partners).toBe(6);
    expect(await seriousViolations(page)).toEqual([]);

    // Another device of the branch publishes a changed map; this one fetches it.
    const partners = generatePartners(2, 4);
    const etag = (await fetch(`${harness.server.url}/api/map`)).headers.get('etag') ?? '';
    const response = await fetch(`${harness.server.url}/api/map`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${harness.token}`, 'if-match': etag },
      body: exportHsdsJson(partners),
    });
    expect(response.status).toBe(200);
    // This device has not seen that map yet: publishing now would overwrite it unseen.
    await page.getByRole('button', { name: 'Publiceer deze kaart voor de vestiging' }).click();
    await page.getByRole('button', { name: 'Ja, publiceren' }).click();
    await expect.poll(() => message.textContent()).toContain('intussen veranderd');
    expect((await harness.server.store.publishedMap())?.partners).toBe(2);
    await page.getByRole('button', { name: 'Kaart nu ophalen' }).click();
    // The branch's map now holds only those two: the six it dropped leave this device too.
    await expect
      .poll(() => message.textContent())
      .toContain(
        'Kaart opgehaald: 2 nieuw, 0 bijgewerkt, 0 ongewijzigd, 6 niet meer in de kaart en weggehaald.',
      );
    await page.goto(`${harness.appUrl}/sociale-kaart`);
    await expect.poll(() => page.getByTestId('partner').count()).toBe(2);
    await openExchange();
    await page.getByRole('button', { name: 'Kaart nu ophalen' }).click();
    await expect.poll(() => message.textContent()).toContain('De kaart is niet veranderd.');

    // Following a published map: only https (or this server) passes the page's CSP.
    await page.getByLabel('Adres van de kaart').fill('http://kaart.example/sociale-kaart.json');
    await page.getByRole('button', { name: 'Volgen' }).click();
    await page.getByText('Vul een volledig adres in dat begint met https://.').waitFor();
    await page.getByLabel('Adres van de kaart').fill(`${harness.appUrl}/api/map?van=gemeente`);
    await page.getByRole('button', { name: 'Volgen' }).click();
    await expect
      .poll(() => message.textContent())
      .toContain('Kaart opgehaald: 0 nieuw, 0 bijgewerkt, 2 ongewijzigd.');
    await page.getByText('2 partners in deze kaart.').first().waitFor();
    // Two maps now: each sentence says which map it is about.
    await page.getByRole('button', { name: 'Kaart nu ophalen' }).click();
    await expect
      .poll(() => message.textContent())
      .toBe(
        'Kaart van de vestiging — De kaart is niet veranderd. Gevolgde kaart — De kaart is niet veranderd.',
      );
    await shoot('11-keeping-in-step');
    await page.getByRole('button', { name: 'Niet meer volgen' }).click();
    await page.getByLabel('Adres van de kaart').waitFor();
  });
});

describe('on a phone (360×740) and a tablet (1024×768)', () => {
  for (const viewport of [
    { width: 360, height: 740 },
    { width: 1024, height: 768 },
  ]) {
    test(`${viewport.width}×${viewport.height}: list, partner, slip and form fit the screen`, async () => {
      await page.setViewportSize(viewport);
      // A partner that is on the map now (the tests above replaced the first import).
      await page.goto(`${harness.appUrl}/sociale-kaart`);
      const partner = page.getByTestId('partner').first().getByRole('link').first();
      const detail = (await partner.getAttribute('href')) ?? '';
      expect(detail).toMatch(/^\/sociale-kaart\/[0-9a-f-]{36}$/);
      for (const [name, path] of [
        ['list', '/sociale-kaart'],
        ['detail', detail],
        ['slip', `${detail}/briefje`],
        ['form', '/sociale-kaart/nieuw'],
        ['exchange', '/sociale-kaart/uitwisselen'],
      ] as const) {
        await page.goto(`${harness.appUrl}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        expect(await page.getByText('Deze partner staat niet (meer)').count(), name).toBe(0);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
        expect(await brokenWords(page), `${name}: words broken in two`).toEqual([]);
        await shoot(`${viewport.width}-${name}`, false);
      }
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});

describe('a municipality’s own sheet: own words, typed hours, confirmed after its summary', () => {
  /** The card of one partner, and its opening line. */
  const opening = (name: string) =>
    page.getByTestId('partner').filter({ hasText: name }).locator('.opening').textContent();
  const names = () => page.getByTestId('partner').getByRole('heading').allTextContents();
  const at = async (moment: Date, search = '') => {
    await page.clock.setFixedTime(moment);
    await page.goto(`${harness.appUrl}/sociale-kaart${search}`);
    await page.getByRole('heading', { name: /Sociale kaart/ }).waitFor();
  };

  test('the import screen speaks plainly first, with a fill-in file and the accepted headers', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await openExchange();
    const panel = page.locator('section', {
      has: page.getByRole('heading', { name: 'Partners inlezen' }),
    });
    const intro = (await panel.locator('p').first().textContent()) ?? '';
    expect(intro).toContain('Excel');
    expect(intro).not.toMatch(/HSDS|datapackage/);
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Invulbestand downloaden' }).click(),
    ]);
    expect(template.suggestedFilename()).toBe('sociale-kaart-invulbestand.csv');
    expect(readFileSync(await template.path(), 'utf8')).toMatch(/^\uFEFFNaam;Organisatie;/);
    await page.getByText('Hoe Balie uw lijst leest').click();
    const headers = (await page.getByTestId('accepted-headers').textContent()) ?? '';
    for (const name of ['naam organisatie', 'tel', 'mail', 'tijden', 'themas']) {
      expect(headers).toContain(name);
    }
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('imports the office’s sheet after a summary of mapped and kept words', async () => {
    await importFiles(OFFICE_SHEET);
    const review = page.getByTestId('import-review');
    await review.waitFor();
    expect(await review.textContent()).toContain('Klaar om in te lezen: 6 partners');
    expect(await page.getByTestId('words-mapped').textContent()).toContain(
      'Schulden → Rechtshulp, alimentatie en schulden (1 partner)',
    );
    expect(await page.getByTestId('words-kept').textContent()).toContain('Dakloos (1 partner)');
    expect(await review.textContent()).toContain("'zie website' kan Balie niet lezen");
    await shoot('12-office-sheet-review');
    expect(await seriousViolations(page)).toEqual([]);

    // Cancel writes nothing; choosing the file again and confirming writes all six.
    await review.getByRole('button', { name: 'Annuleren' }).click();
    await page.getByText('Niets ingelezen. Er is niets veranderd.').waitFor();
    await page.getByLabel('Bestanden kiezen').setInputFiles(OFFICE_SHEET);
    await confirmImport();
    expect(await page.getByTestId('import-done').textContent()).toContain(
      'Ingelezen: 6 nieuw, 0 bijgewerkt, 0 ongewijzigd.',
    );
  });

  test('a mapped topic and a kept keyword both find their partners', async () => {
    const wednesdayNoon = new Date('2026-03-04T12:30:00+01:00');
    await at(wednesdayNoon);
    await page.getByLabel('Onderwerp').selectOption({ label: 'Wonen en huur' });
    await expect.poll(names).toEqual(['Nachtopvang De Haven', 'Wijkteam Oost']);
    await at(wednesdayNoon, '?q=dakloos');
    await expect.poll(names).toEqual(['Nachtopvang De Haven']);
    await at(wednesdayNoon, '?q=schuldhlp');
    await expect.poll(names).toEqual(['Schuldhulpmaatje Zuid']);
    await at(wednesdayNoon, '?q=turks');
    await expect.poll(names).toEqual(['Schuldhulpmaatje Zuid']);
    await at(wednesdayNoon, '?q=bezwaar');
    await expect.poll(names).toEqual(['Juridisch Spreekuur']);
    await page.getByRole('link', { name: 'Juridisch Spreekuur' }).click();
    expect(await page.getByTestId('keywords').textContent()).toBe('Bezwaar');
    await shoot('13-office-keyword');
  });

  test('"nu open" is right for split hours and for a night across midnight', async () => {
    // Wednesday 12:30: between the two parts of the day, and long before the night.
    await at(new Date('2026-03-04T12:30:00+01:00'));
    expect(await opening('Wijkteam Oost')).toBe('Gesloten, opent om 13:00');
    expect(await opening('Nachtopvang De Haven')).toBe('Gesloten, opent om 21:00');
    expect(await opening('Schuldhulpmaatje Zuid')).toBe('Nu open tot 17:00');
    expect(await opening('Formulierenhulp Noord')).toBe('Openingstijden: zie website');
    expect(await opening('Belastinghulp Senioren')).toBe('Openingstijden: op afspraak');
    // Wednesday 13:30 and 23:30, and Thursday 02:00 after midnight.
    await at(new Date('2026-03-04T13:30:00+01:00'));
    expect(await opening('Wijkteam Oost')).toBe('Nu open tot 17:00');
    await at(new Date('2026-03-04T23:30:00+01:00'), '?open=1');
    await expect.poll(names).toEqual(['Nachtopvang De Haven']);
    expect(await opening('Nachtopvang De Haven')).toBe('Nu open tot morgen 09:00');
    await at(new Date('2026-03-05T02:00:00+01:00'), '?open=1');
    await expect.poll(names).toEqual(['Nachtopvang De Haven']);
    expect(await opening('Nachtopvang De Haven')).toBe('Nu open tot 09:00');
    await shoot('14-office-open-at-night');
  });
});
