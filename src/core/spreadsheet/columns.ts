// The columns of the sociale-kaart sheet and the names offices give them.
// Pure data and one matcher: headers match without regard to case, accents, spaces or
// punctuation, so "Tel.", "TELEFOONNUMMER" and "Onderwerp(en)" all find their column.

/** Each column's Dutch header first (what Balie writes), then other names offices use. */
export const COLUMNS = {
  name: ['Naam', 'naam partner', 'partner', 'naam organisatie', 'organisatienaam', 'name'],
  organization: ['Organisatie', 'moederorganisatie', 'hoort bij', 'organization'],
  description: ['Omschrijving', 'beschrijving', 'toelichting', 'wat doen zij', 'description'],
  topics: ['Onderwerpen', 'onderwerp', 'themas', 'thema', 'hulp bij', 'helpt bij'],
  keywords: ['Trefwoorden', 'trefwoord', 'zoekwoorden', 'eigen trefwoorden', 'tags'],
  street: ['Straat', 'adres', 'straat en huisnummer', 'bezoekadres', 'address'],
  postcode: ['Postcode', 'pc', 'postal code'],
  city: ['Plaats', 'woonplaats', 'stad', 'vestigingsplaats', 'city'],
  phone: ['Telefoon', 'telefoonnummer', 'tel', 'telefoonnr', 'telnr', 'phone'],
  email: ['E-mail', 'e-mailadres', 'mail', 'mailadres', 'email'],
  website: ['Website', 'webadres', 'url', 'site', 'internet', 'internetadres', 'web'],
  openingHours: ['Openingstijden', 'openingsuren', 'tijden', 'open', 'geopend', 'bereikbaar'],
  walkInHours: ['Inloopspreekuur', 'inloopspreekuren', 'spreekuur', 'spreekuren', 'inloop'],
  languages: ['Talen', 'taal', 'gesproken talen', 'languages'],
  targetGroups: ['Doelgroepen', 'doelgroep', 'voor wie'],
  lastVerified: ['Laatst gecontroleerd', 'gecontroleerd', 'gecontroleerd op', 'laatste controle'],
  id: ['id'],
} as const;
export type Column = keyof typeof COLUMNS;

/** "E-mail adres" and "e‑mailadres" are the same key: lower case, no accents, letters and digits. */
function headerKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const BY_KEY = new Map<string, Column>(
  (Object.keys(COLUMNS) as Column[]).flatMap((column) =>
    COLUMNS[column].map((name): [string, Column] => [headerKey(name), column]),
  ),
);

export function columnFor(header: string): Column | undefined {
  return BY_KEY.get(headerKey(header));
}
