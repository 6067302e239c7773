// Balie's answer lists mapped onto the national IDO registration form (KB Bibliotheekmonitor,
// since April 2024), in the form's order. Data, versioned: when the form changes, add a version
// rather than editing this one, so an old period is still laid out as it was asked.

import type { ListName } from '../registration/catalogue';

// Known from the KB's announcement (bibliotheeknetwerk.nl, "Vernieuwd IDO-registratieformulier
// in Bibliotheekmonitor", 21 March 2024): one visitor can have several questions, and questions
// are split into digitale overheid, bibliotheekdienstverlening and other questions.
// Not known when this was written: the form's own wording and order of questions and answers.
// Every entry with `check: true` uses the catalogue's label and Balie's order: check against
// the KB form, then replace the wording and drop the flag.

/** A field of the visit or of one of its questions, as the report reads it. */
export type FormField =
  | 'channel'
  | 'duration'
  | 'needs'
  | 'domain'
  | 'topic'
  | 'digidStep'
  | 'organisations'
  | 'help'
  | 'course'
  | 'referralKind'
  | 'referralWarmth';

export interface FormAnswer {
  readonly id: string;
  readonly wording: string;
  readonly check?: true;
}

export interface FormQuestion {
  readonly field: FormField;
  /** The answer list the ids come from (warmth has none: `warm` or `koud`). */
  readonly list?: ListName;
  readonly wording: string;
  readonly check?: true;
  readonly answers: readonly FormAnswer[];
}

/** The form's three-way split of questions. */
export const SPLIT = ['digitale-overheid', 'bibliotheekdienstverlening', 'overig'] as const;
export type Split = (typeof SPLIT)[number];

export interface MonitorForm {
  readonly version: string;
  readonly visit: readonly FormQuestion[];
  readonly question: readonly FormQuestion[];
  /** Balie's domain ids onto the split; a domain not listed (a local one) counts as `overig`. */
  readonly split: Readonly<Record<string, Split>>;
}

/** An answer whose wording is still the catalogue's: check against the KB form. */
function unchecked(id: string, wording: string): FormAnswer {
  return { id, wording, check: true };
}

export const MONITOR_FORM_2024: MonitorForm = {
  version: 'kb-ido-2024-04 (concept, wording unchecked)',
  visit: [
    {
      field: 'channel',
      list: 'channels',
      wording: 'Kanaal',
      check: true,
      answers: [
        unchecked('balie', 'Aan de balie'),
        unchecked('telefoon', 'Telefonisch'),
        unchecked('online', 'Online (mail, chat of video)'),
      ],
    },
    {
      field: 'duration',
      list: 'durations',
      wording: 'Duur',
      check: true,
      answers: [
        unchecked('tot-15', 'Korter dan 15 minuten'),
        unchecked('15-30', '15 tot 30 minuten'),
        unchecked('30-60', '30 minuten tot 1 uur'),
        unchecked('langer', 'Langer dan 1 uur'),
      ],
    },
    {
      field: 'needs',
      list: 'needs',
      wording: 'Behoefte van de bezoeker',
      check: true,
      answers: [
        unchecked('fysieke-hulp', 'Hulp bij het doen: iemand die het samen met mij doet'),
        unchecked('betrouwbaarheid', 'Weten of een website of bericht te vertrouwen is'),
        unchecked('meekijken', 'Iemand die meekijkt en zegt dat het goed is'),
        unchecked('overheidstaal', 'De taal van de overheid begrijpen'),
        unchecked('wegwijs', 'Wegwijs worden in de digitale wereld'),
        unchecked('mentale-steun', 'Steun en geruststelling'),
      ],
    },
  ],
  question: [
    {
      field: 'domain',
      list: 'domains',
      wording: 'Soort vraag',
      check: true,
      answers: [
        unchecked('digitale-overheid', 'Digitale overheid'),
        unchecked('bibliotheek', 'Bibliotheekdienstverlening'),
        unchecked('overig', 'Overig'),
      ],
    },
    {
      field: 'topic',
      list: 'topics',
      wording: 'Onderwerp',
      check: true,
      answers: [
        unchecked('digid', 'DigiD'),
        unchecked('toeslagen', 'Toeslagen'),
        unchecked('belastingaangifte', 'Belastingaangifte'),
        unchecked('werk-uitkering', 'Werk en uitkering'),
        unchecked('aow-pensioen', 'AOW, pensioen en kinderbijslag'),
        unchecked('studie', 'Studiefinanciering en onderwijs'),
        unchecked('boetes-betalen', 'Boetes en betalingen'),
        unchecked('zorg', 'Zorg en eigen bijdrage'),
        unchecked('rijbewijs-auto', 'Rijbewijs en voertuig'),
        unchecked('wonen-huur', 'Wonen en huur'),
        unchecked('gemeente', 'Gemeentezaken (paspoort, verhuizen, afspraak)'),
        unchecked('berichtenbox', 'MijnOverheid en Berichtenbox'),
        unchecked('recht-geld', 'Rechtshulp, alimentatie en schulden'),
        unchecked('brief-begrijpen', 'Brief of bericht begrijpen'),
        unchecked('overheid-anders', 'Andere overheidsvraag'),
        unchecked('lenen-lidmaatschap', 'Lenen en lidmaatschap'),
        unchecked('e-books', 'E-books en luisterboeken'),
        unchecked('printen-scannen', 'Printen, scannen en kopiëren'),
        unchecked('computer-wifi', 'Computer, wifi en apparaten'),
        unchecked('bieb-anders', 'Andere bibliotheekvraag'),
        unchecked('anders', 'Andere vraag'),
      ],
    },
    {
      field: 'digidStep',
      list: 'digidSteps',
      wording: 'DigiD',
      check: true,
      answers: [
        unchecked('aanvragen', 'Aanvragen'),
        unchecked('activeren', 'Activeren'),
        unchecked('app', 'De DigiD-app installeren of gebruiken'),
        unchecked('inloggen', 'Inloggen lukt niet / wachtwoord vergeten'),
        unchecked('machtigen', 'Machtigen (iemand anders laten helpen)'),
        unchecked('sms-controle', 'Sms-controle of ID-check'),
      ],
    },
    {
      field: 'organisations',
      list: 'organisations',
      wording: 'Organisatie',
      check: true,
      answers: [
        unchecked('belastingdienst', 'Belastingdienst (ook Toeslagen)'),
        unchecked('uwv', 'UWV'),
        unchecked('svb', 'SVB'),
        unchecked('duo', 'DUO'),
        unchecked('cjib', 'CJIB'),
        unchecked('cak', 'CAK'),
        unchecked('cbr', 'CBR'),
        unchecked('ciz', 'CIZ'),
        unchecked('rdw', 'RDW'),
        unchecked('huurcommissie', 'Huurcommissie'),
        unchecked('lbio', 'LBIO'),
        unchecked('rvr', 'Raad voor Rechtsbijstand'),
        unchecked('gemeente', 'Gemeente'),
        unchecked('zorg', 'Zorgverzekeraar of zorgaanbieder'),
        unchecked('anders', 'Andere organisatie'),
      ],
    },
    {
      field: 'help',
      list: 'help',
      wording: 'Geboden hulp',
      check: true,
      answers: [
        unchecked('informatie', 'Informatie gegeven'),
        unchecked('samen-gedaan', 'Samen gedaan of meegekeken'),
        unchecked('uitleg', 'Uitleg gegeven'),
        unchecked('cursus', 'Cursus geadviseerd'),
        unchecked('doorverwezen', 'Doorverwezen'),
      ],
    },
    {
      field: 'course',
      list: 'courses',
      wording: 'Cursus',
      check: true,
      answers: [
        unchecked('klik-tik', 'Klik & Tik'),
        unchecked('digisterker', 'Digisterker'),
        unchecked('anders', 'Andere cursus'),
      ],
    },
    {
      field: 'referralKind',
      list: 'referralKinds',
      wording: 'Doorverwezen naar',
      check: true,
      answers: [
        unchecked('organisatie-zelf', 'De organisatie zelf (bijvoorbeeld UWV of gemeente)'),
        unchecked('sociaal-raadslieden', 'Sociaal raadslieden of sociaal wijkteam'),
        unchecked('formulierenhulp', 'Formulieren- of belastinghulp'),
        unchecked('schuldhulp', 'Geldzaken en schuldhulp'),
        unchecked('juridisch', 'Juridisch Loket of advocaat'),
        unchecked('zorg-welzijn', 'Zorg en welzijn'),
        unchecked('anders', 'Andere organisatie'),
      ],
    },
    {
      field: 'referralWarmth',
      wording: 'Warm of koud doorverwezen',
      check: true,
      answers: [unchecked('warm', 'Warm'), unchecked('koud', 'Koud')],
    },
  ],
  split: {
    'digitale-overheid': 'digitale-overheid',
    bibliotheek: 'bibliotheekdienstverlening',
    overig: 'overig',
  },
};
