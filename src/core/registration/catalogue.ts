// The answer lists of the IDO registration, as data with stable option ids.
// Pure. Options are never deleted: the national form retires them and a branch hides
// them, so a registration made with an older version still resolves its labels.

export interface CatalogueOption {
  readonly id: string;
  readonly label: string;
  /** Retired by the national form: kept for old registrations, not offered any more. */
  readonly retired?: true;
}

export interface TopicOption extends CatalogueOption {
  readonly domain: string;
  /** Organisations that usually go with this topic, offered first (one only: also chosen). */
  readonly organisations?: readonly string[];
  /** Shows the DigiD follow-up question. */
  readonly digid?: true;
}

export interface Catalogue {
  readonly version: string;
  readonly channels: readonly CatalogueOption[];
  readonly durations: readonly CatalogueOption[];
  readonly needs: readonly CatalogueOption[];
  readonly domains: readonly CatalogueOption[];
  readonly topics: readonly TopicOption[];
  readonly digidSteps: readonly CatalogueOption[];
  readonly organisations: readonly CatalogueOption[];
  readonly help: readonly CatalogueOption[];
  readonly courses: readonly CatalogueOption[];
  readonly referralKinds: readonly CatalogueOption[];
}

/** The lists a branch manager may hide options from or add local options to. */
export const LIST_NAMES = [
  'channels',
  'durations',
  'needs',
  'domains',
  'topics',
  'digidSteps',
  'organisations',
  'help',
  'courses',
  'referralKinds',
] as const;
export type ListName = (typeof LIST_NAMES)[number];

/** A branch's own changes to the national lists. */
export interface Customisation {
  /** Increases with every change, so a registration can say which lists it saw. */
  readonly revision: number;
  readonly hidden: readonly string[];
  readonly added: readonly LocalOption[];
}

export interface LocalOption extends CatalogueOption {
  readonly list: ListName;
  /** For a local topic: the domain it belongs to. */
  readonly domain?: string;
}

export const NO_CUSTOMISATION: Customisation = { revision: 0, hidden: [], added: [] };

/** The default Dutch catalogue, after the national IDO registration form (April 2024). */
export const DEFAULT_CATALOGUE: Catalogue = {
  version: 'ido-2024.1',
  channels: [
    { id: 'balie', label: 'Aan de balie' },
    { id: 'telefoon', label: 'Telefonisch' },
    { id: 'online', label: 'Online (mail, chat of video)' },
  ],
  durations: [
    { id: 'tot-15', label: 'Korter dan 15 minuten' },
    { id: '15-30', label: '15 tot 30 minuten' },
    { id: '30-60', label: '30 minuten tot 1 uur' },
    { id: 'langer', label: 'Langer dan 1 uur' },
  ],
  needs: [
    { id: 'fysieke-hulp', label: 'Hulp bij het doen: iemand die het samen met mij doet' },
    { id: 'betrouwbaarheid', label: 'Weten of een website of bericht te vertrouwen is' },
    { id: 'meekijken', label: 'Iemand die meekijkt en zegt dat het goed is' },
    { id: 'overheidstaal', label: 'De taal van de overheid begrijpen' },
    { id: 'wegwijs', label: 'Wegwijs worden in de digitale wereld' },
    { id: 'mentale-steun', label: 'Steun en geruststelling' },
  ],
  domains: [
    { id: 'digitale-overheid', label: 'Digitale overheid' },
    { id: 'bibliotheek', label: 'Bibliotheekdienstverlening' },
    { id: 'overig', label: 'Overig' },
  ],
  topics: [
    {
      id: 'digid',
      label: 'DigiD',
      domain: 'digitale-overheid',
      digid: true,
    },
    {
      id: 'toeslagen',
      label: 'Toeslagen',
      domain: 'digitale-overheid',
      organisations: ['belastingdienst'],
    },
    {
      id: 'belastingaangifte',
      label: 'Belastingaangifte',
      domain: 'digitale-overheid',
      organisations: ['belastingdienst'],
    },
    {
      id: 'werk-uitkering',
      label: 'Werk en uitkering',
      domain: 'digitale-overheid',
      organisations: ['uwv', 'gemeente'],
    },
    {
      id: 'aow-pensioen',
      label: 'AOW, pensioen en kinderbijslag',
      domain: 'digitale-overheid',
      organisations: ['svb'],
    },
    {
      id: 'studie',
      label: 'Studiefinanciering en onderwijs',
      domain: 'digitale-overheid',
      organisations: ['duo'],
    },
    {
      id: 'boetes-betalen',
      label: 'Boetes en betalingen',
      domain: 'digitale-overheid',
      organisations: ['cjib'],
    },
    {
      id: 'zorg',
      label: 'Zorg en eigen bijdrage',
      domain: 'digitale-overheid',
      organisations: ['cak', 'ciz', 'zorg'],
    },
    {
      id: 'rijbewijs-auto',
      label: 'Rijbewijs en voertuig',
      domain: 'digitale-overheid',
      organisations: ['cbr', 'rdw'],
    },
    {
      id: 'wonen-huur',
      label: 'Wonen en huur',
      domain: 'digitale-overheid',
      organisations: ['huurcommissie', 'gemeente'],
    },
    {
      id: 'gemeente',
      label: 'Gemeentezaken (paspoort, verhuizen, afspraak)',
      domain: 'digitale-overheid',
      organisations: ['gemeente'],
    },
    {
      id: 'berichtenbox',
      label: 'MijnOverheid en Berichtenbox',
      domain: 'digitale-overheid',
    },
    {
      id: 'recht-geld',
      label: 'Rechtshulp, alimentatie en schulden',
      domain: 'digitale-overheid',
      organisations: ['rvr', 'lbio'],
    },
    { id: 'brief-begrijpen', label: 'Brief of bericht begrijpen', domain: 'digitale-overheid' },
    { id: 'overheid-anders', label: 'Andere overheidsvraag', domain: 'digitale-overheid' },
    { id: 'lenen-lidmaatschap', label: 'Lenen en lidmaatschap', domain: 'bibliotheek' },
    { id: 'e-books', label: 'E-books en luisterboeken', domain: 'bibliotheek' },
    { id: 'printen-scannen', label: 'Printen, scannen en kopiëren', domain: 'bibliotheek' },
    { id: 'computer-wifi', label: 'Computer, wifi en apparaten', domain: 'bibliotheek' },
    { id: 'bieb-anders', label: 'Andere bibliotheekvraag', domain: 'bibliotheek' },
    { id: 'anders', label: 'Andere vraag', domain: 'overig' },
  ],
  digidSteps: [
    { id: 'aanvragen', label: 'Aanvragen' },
    { id: 'activeren', label: 'Activeren' },
    { id: 'app', label: 'De DigiD-app installeren of gebruiken' },
    { id: 'inloggen', label: 'Inloggen lukt niet / wachtwoord vergeten' },
    { id: 'machtigen', label: 'Machtigen (iemand anders laten helpen)' },
    { id: 'sms-controle', label: 'Sms-controle of ID-check' },
  ],
  organisations: [
    { id: 'belastingdienst', label: 'Belastingdienst (ook Toeslagen)' },
    { id: 'uwv', label: 'UWV' },
    { id: 'svb', label: 'SVB' },
    { id: 'duo', label: 'DUO' },
    { id: 'cjib', label: 'CJIB' },
    { id: 'cak', label: 'CAK' },
    { id: 'cbr', label: 'CBR' },
    { id: 'ciz', label: 'CIZ' },
    { id: 'rdw', label: 'RDW' },
    { id: 'huurcommissie', label: 'Huurcommissie' },
    { id: 'lbio', label: 'LBIO' },
    { id: 'rvr', label: 'Raad voor Rechtsbijstand' },
    { id: 'gemeente', label: 'Gemeente' },
    { id: 'zorg', label: 'Zorgverzekeraar of zorgaanbieder' },
    { id: 'anders', label: 'Andere organisatie' },
  ],
  help: [
    { id: 'informatie', label: 'Informatie gegeven' },
    { id: 'samen-gedaan', label: 'Samen gedaan of meegekeken' },
    { id: 'uitleg', label: 'Uitleg gegeven' },
    { id: 'cursus', label: 'Cursus geadviseerd' },
    { id: 'doorverwezen', label: 'Doorverwezen' },
  ],
  courses: [
    { id: 'klik-tik', label: 'Klik & Tik' },
    { id: 'digisterker', label: 'Digisterker' },
    { id: 'anders', label: 'Andere cursus' },
  ],
  referralKinds: [
    { id: 'organisatie-zelf', label: 'De organisatie zelf (bijvoorbeeld UWV of gemeente)' },
    { id: 'sociaal-raadslieden', label: 'Sociaal raadslieden of sociaal wijkteam' },
    { id: 'formulierenhulp', label: 'Formulieren- of belastinghulp' },
    { id: 'schuldhulp', label: 'Geldzaken en schuldhulp' },
    { id: 'juridisch', label: 'Juridisch Loket of advocaat' },
    { id: 'zorg-welzijn', label: 'Zorg en welzijn' },
    { id: 'anders', label: 'Andere organisatie' },
  ],
};

/** The version a registration records: the national lists plus the branch's revision. */
export function catalogueVersion(base: Catalogue, custom: Customisation): string {
  return custom.revision === 0 ? base.version : `${base.version}+lokaal.${custom.revision}`;
}

/** Every option of a list, including retired, hidden and local ones: for reading labels. */
export function allOptions(
  base: Catalogue,
  custom: Customisation,
  list: ListName,
): readonly (CatalogueOption | TopicOption)[] {
  const local = custom.added.filter((option) => option.list === list);
  return [...base[list], ...local.map(toOption)];
}

/** The options to offer in the form: not retired, not hidden by the branch. */
export function offeredOptions(
  base: Catalogue,
  custom: Customisation,
  list: ListName,
): readonly (CatalogueOption | TopicOption)[] {
  const hidden = new Set(custom.hidden.map((key) => key));
  return allOptions(base, custom, list).filter(
    (option) => !option.retired && !hidden.has(optionKey(list, option.id)),
  );
}

export function offeredTopics(
  base: Catalogue,
  custom: Customisation,
  domain: string,
): readonly TopicOption[] {
  return (offeredOptions(base, custom, 'topics') as readonly TopicOption[]).filter(
    (topic) => topic.domain === domain,
  );
}

/** The label of an option id, or the id itself when no catalogue knows it any more. */
export function labelOf(
  base: Catalogue,
  custom: Customisation,
  list: ListName,
  id: string,
): string {
  return allOptions(base, custom, list).find((option) => option.id === id)?.label ?? id;
}

export function findTopic(
  base: Catalogue,
  custom: Customisation,
  id: string,
): TopicOption | undefined {
  return allOptions(base, custom, 'topics').find((option) => option.id === id) as
    | TopicOption
    | undefined;
}

/** Hidden options are stored as `list:id`, since ids are only unique within a list. */
export function optionKey(list: ListName, id: string): string {
  return `${list}:${id}`;
}

export function hideOption(custom: Customisation, list: ListName, id: string): Customisation {
  const key = optionKey(list, id);
  if (custom.hidden.includes(key)) return custom;
  return { ...custom, revision: custom.revision + 1, hidden: [...custom.hidden, key] };
}

export function showOption(custom: Customisation, list: ListName, id: string): Customisation {
  const key = optionKey(list, id);
  if (!custom.hidden.includes(key)) return custom;
  return {
    ...custom,
    revision: custom.revision + 1,
    hidden: custom.hidden.filter((hiddenKey) => hiddenKey !== key),
  };
}

/**
 * Adds a local option. Its id starts with `lokaal-` so it can never collide with a
 * national id, now or in a later version of the national lists.
 */
export function addLocalOption(
  custom: Customisation,
  list: ListName,
  label: string,
  suffix: string,
  domain?: string,
): Customisation {
  const id = `lokaal-${slug(label)}-${suffix}`;
  const option: LocalOption =
    domain === undefined ? { id, label, list } : { id, label, list, domain };
  return { ...custom, revision: custom.revision + 1, added: [...custom.added, option] };
}

function toOption(option: LocalOption): CatalogueOption | TopicOption {
  return option.list === 'topics'
    ? { id: option.id, label: option.label, domain: option.domain ?? 'overig' }
    : { id: option.id, label: option.label };
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 30) || 'optie'
  );
}
