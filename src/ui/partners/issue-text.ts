// The sentence for each import issue and field problem the core reports as a code.
// Pure and free of data and DOM types, so the endpoint can phrase a refused map the same way.
// B1 Dutch: say where, what happened, and what to do.

import type {
  HoursProblem,
  ImportIssue,
  IssueDetail,
  IssuePlace,
  PartnerField,
  ScheduleProblem,
  ValueProblem,
} from '../../core/partners/issues';

/** Each field as the spreadsheet heads its column: "Rij 7, kolom Website". */
export const FIELD_LABELS: Readonly<Record<PartnerField, string>> = {
  id: 'id',
  name: 'Naam',
  organization: 'Organisatie',
  description: 'Omschrijving',
  topics: 'Onderwerpen',
  keywords: 'Trefwoorden',
  street: 'Straat',
  postcode: 'Postcode',
  city: 'Plaats',
  phone: 'Telefoon',
  email: 'E-mail',
  website: 'Website',
  openingHours: 'Openingstijden',
  walkInHours: 'Inloopspreekuur',
  languages: 'Talen',
  targetGroups: 'Doelgroepen',
  lastVerified: 'Laatst gecontroleerd',
  hsds: 'HSDS-verwijzingen',
};

/** The field as the subject of a sentence: "De naam ontbreekt." */
const SUBJECTS: Partial<Record<PartnerField, string>> = {
  name: 'De naam',
  organization: 'De naam van de organisatie',
  description: 'De omschrijving',
  keywords: 'Een trefwoord',
  street: 'De straat',
  postcode: 'De postcode',
  city: 'De plaats',
  languages: 'De naam van de taal',
  targetGroups: 'Een doelgroep',
};

const MANY: Partial<Record<PartnerField, string>> = {
  topics: 'onderwerpen',
  keywords: 'trefwoorden',
  languages: 'talen',
  targetGroups: 'doelgroepen',
};

/** A value that is not of its kind, as typed in a cell. */
const NOT_VALID: Partial<Record<PartnerField, (value: string) => string>> = {
  topics: (value) => `'${value}' is geen onderwerp uit de lijst, zoals DigiD of Toeslagen.`,
  languages: (value) =>
    `'${value}' is geen taal die Balie kent. Schrijf de naam (Engels) of de taalcode (en).`,
  phone: (value) => `'${value}' is geen telefoonnummer.`,
  email: (value) => `'${value}' is geen geldig e-mailadres.`,
  website: (value) => `'${value}' is geen geldig webadres.`,
  lastVerified: (value) => `'${value}' is geen datum. Schrijf bijvoorbeeld 15-03-2025.`,
};

/** The same without the value: the last check before saving found it. */
const NOT_VALID_HERE: Partial<Record<PartnerField, string>> = {
  id: 'Dit id is geen UUID.',
  phone: 'Dit telefoonnummer klopt niet.',
  email: 'Dit e-mailadres klopt niet.',
  website: 'Dit webadres klopt niet.',
  languages: 'Dit is geen taalcode zoals nl of en.',
  lastVerified: 'Dit is geen datum.',
};

const DROPPED: Partial<Record<PartnerField, (value: string) => string>> = {
  topics: (value) => `'${value}' is geen onderwerp-id en is weggelaten.`,
  languages: (value) => `'${value}' heeft geen taalcode en is weggelaten.`,
  phone: (value) => `'${value}' is geen telefoonnummer en is weggelaten.`,
  email: (value) => `'${value}' is geen e-mailadres en is weggelaten.`,
  website: (value) => `'${value}' is geen webadres en is weggelaten.`,
};

const EXAMPLE = 'Schrijf bijvoorbeeld: ma-vr 09:00-17:00; za 10:00-12:00.';

const RECORDS = { service: 'Dienst', organization: 'Organisatie', location: 'Locatie' } as const;

/** RRULE fields in words a desk uses. */
const RULE_PARTS: Readonly<Record<string, string>> = {
  until: 'einddatum',
  count: 'aantal keer',
  byweekno: 'weeknummers',
  bymonthday: 'dagen van de maand',
  byyearday: 'dagen van het jaar',
  valid_from: 'begindatum',
  valid_to: 'einddatum',
};

/** "Rij 7, kolom Website: 'www' is geen geldig webadres." */
export function describeIssue(issue: ImportIssue): string {
  const place = describePlace(issue.place);
  const column = columnOf(issue);
  const where = column === undefined ? place : `${place}, kolom ${column}`;
  return `${where}: ${lowerFirst(describeDetail(issue))}`;
}

/** "Rij 4", "services.csv, rij 3 (Buurtteam)", "Dienst 2 (Buurtteam)", "Bestand". */
export function describePlace(place: IssuePlace): string {
  const named = (text: string, name: string | undefined) =>
    name === undefined ? text : `${text} (${name})`;
  switch (place.kind) {
    case 'file':
      return 'Bestand';
    case 'row':
      return `Rij ${place.row}`;
    case 'table-row':
      return named(`${place.file}, rij ${place.row}`, place.name);
    case 'record':
      return named(`${RECORDS[place.record]} ${place.number}`, place.name);
    case 'item':
      return `Onderdeel ${place.number}`;
  }
}

/** The column to name before the sentence, when the sentence does not name it itself. */
export function columnOf(issue: IssueDetail): string | undefined {
  if (issue.code === 'column-unknown' || issue.code === 'column-twice') return issue.header;
  if (issue.code === 'column-missing') return undefined;
  if (issue.code === 'value' && issue.problem.code === 'missing') return undefined;
  return 'field' in issue && issue.field !== null ? FIELD_LABELS[issue.field] : undefined;
}

/** The sentence alone, starting with a capital: for a form field or a list. */
export function describeDetail(detail: IssueDetail & { readonly place?: IssuePlace }): string {
  switch (detail.code) {
    case 'no-file':
      return 'Er is geen bestand gekozen.';
    case 'unknown-files':
      return 'Balie kan dit soort bestand niet lezen. Kies één spreadsheet (.csv), één .json-bestand (HSDS), één .zip-bestand (HSDS-pakket), of de .csv-bestanden met datapackage.json van een HSDS-pakket.';
    case 'file-unreadable':
      return 'Het bestand kon niet worden gelezen. Probeer het opnieuw.';
    case 'json-invalid':
      return 'Dit bestand is geen geldige JSON. Kies een HSDS-bestand dat eindigt op .json.';
    case 'zip-unreadable':
      return 'Dit zip-bestand kan niet worden gelezen. Is het beschadigd, of is het geen zip-bestand?';
    case 'hsds-tables-missing':
      return 'Er staat geen services.csv, organizations.csv of locations.csv in. Kies de map of het zip-bestand van een HSDS-export.';
    case 'no-partners':
      return 'Er staan geen partners in dit bestand.';
    case 'more-errors':
      return `En nog ${detail.count} fouten. Verbeter eerst deze en probeer het opnieuw.`;
    case 'not-hsds-record':
      return 'Dit is geen HSDS-dienst, -organisatie of -locatie.';
    case 'unclosed-quote':
      // In one sheet, the rows after it are lost; in a package, only that file's row.
      return detail.place?.kind === 'row'
        ? 'Een aanhalingsteken (") wordt niet gesloten, zodat de rijen erna niet te lezen zijn.'
        : 'Een aanhalingsteken (") wordt niet gesloten.';
    case 'extra-cells': {
      const separator = detail.separator === '\t' ? 'tab' : detail.separator;
      return `Deze rij heeft meer cellen dan er kolommen zijn. Staat er een ${separator} in een cel zonder aanhalingstekens eromheen?`;
    }
    case 'column-count':
      return 'Deze rij heeft meer of minder kolommen dan de kopregel.';
    case 'column-unknown':
      return 'Deze kolom kent Balie niet; hij is niet ingelezen.';
    case 'column-twice':
      return 'Deze kolom staat er twee keer in. Haal er één weg.';
    case 'column-missing':
      return `De kolom ${FIELD_LABELS[detail.field]} ontbreekt. De eerste rij moet de kolomnamen hebben, zoals Naam; Omschrijving; Telefoon.`;
    case 'duplicate-partner':
      return `Dit is dezelfde partner als in ${lowerFirst(describePlace(detail.firstPlace))} (zelfde id, of zelfde naam en postcode). Haal er één weg of geef ze elk een eigen id.`;
    case 'service-defunct':
      return 'Deze dienst is opgeheven (status defunct) en is overgeslagen.';
    case 'value':
      return describeValue(detail.field, detail.problem);
    case 'value-dropped':
      return (
        DROPPED[detail.field]?.(detail.value) ?? `'${detail.value}' klopt niet en is weggelaten.`
      );
    case 'phone-zero-added':
      return `De 0 vooraan ontbrak (dat doet Excel soms); Balie maakte er ${detail.phone} van.`;
    case 'hours-invalid':
      return describeHours(detail.problem);
    case 'hours-as-text':
      return `'${detail.text}' kan Balie niet lezen als dagen en tijden. Het staat als tekst bij de partner. Bij "Nu open" telt deze partner niet mee.`;
    case 'schedule-partial':
      return `Rooster '${detail.schedule ?? 'zonder naam'}' ${describeSchedule(detail.problem)}`;
  }
}

function describeValue(field: PartnerField | null, problem: ValueProblem): string {
  const subject = (field && SUBJECTS[field]) ?? 'Deze waarde';
  switch (problem.code) {
    case 'missing':
      return `${subject} ontbreekt.`;
    case 'too-long':
      return `${subject} is te lang (meer dan ${problem.max} tekens).`;
    case 'too-many':
      return `Er zijn te veel ${(field && MANY[field]) ?? 'waarden'} (meer dan ${problem.max}).`;
    case 'invalid':
      if (problem.value !== undefined) {
        return (field && NOT_VALID[field]?.(problem.value)) ?? `'${problem.value}' klopt niet.`;
      }
      return (field && NOT_VALID_HERE[field]) ?? 'Deze waarde klopt niet.';
  }
}

function describeHours(problem: HoursProblem): string {
  switch (problem.code) {
    case 'date-invalid':
      return `'${problem.text}' is geen bestaande datum. Schrijf bijvoorbeeld 25-12-2025.`;
    case 'date-order':
      return `In '${problem.entry}' ligt de einddatum vóór de begindatum.`;
    case 'time-missing':
      return `Bij '${problem.entry}' ontbreekt de tijd. ${EXAMPLE}`;
    case 'day-missing':
      return `De dag ontbreekt. ${EXAMPLE}`;
    case 'day-invalid':
      return `'${problem.text}' is geen dag. Gebruik ma, di, wo, do, vr, za of zo.`;
    case 'time-invalid':
      return `'${problem.text}' is geen tijd. ${EXAMPLE}`;
    case 'time-equal':
      return `In '${problem.text}' zijn begin- en eindtijd gelijk.`;
  }
}

function describeSchedule(problem: ScheduleProblem): string {
  switch (problem.code) {
    case 'times-without-days':
      return 'heeft tijden maar geen dagen; alleen de omschrijving is overgenomen.';
    case 'no-times':
      return 'heeft geen begin- en eindtijd; alleen de omschrijving is overgenomen.';
    case 'other-frequency':
      return 'herhaalt zich niet elke week of elke maand; alleen de omschrijving is overgenomen.';
    case 'no-days':
      return 'noemt geen dagen en is overgeslagen.';
    case 'day-unreadable':
      return `noemt een dag die Balie niet kan lezen ('${problem.day}'); het is overgeslagen.`;
    case 'parts-ignored': {
      const words = [...new Set(problem.parts.map((part) => RULE_PARTS[part] ?? part))];
      return `is overgenomen, maar zonder ${listOf(words)}. Controleer de tijden.`;
    }
  }
}

/** "a, b en c". */
function listOf(words: readonly string[]): string {
  return AND_LIST.format(words);
}

const AND_LIST = new Intl.ListFormat('nl', { type: 'conjunction' });

/**
 * "De naam ontbreekt" reads "Rij 4: de naam ontbreekt"; "HSDS" and "DigiD" keep their
 * capitals, and so does the name "Balie".
 */
const PROPER_NAME = /^(?:Balie|DigiD)\b/;

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) && !PROPER_NAME.test(text)
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;
}
