// The sentences of linking a device (first run, re-linking) and Instellingen.

/** "0, 1 of O": a short list as Dutch says it. */
const orList = (items: readonly string[]) =>
  new Intl.ListFormat('nl', { type: 'disjunction' }).format(items);

export const text = {
  firstRun: {
    title: 'Welkom bij Balie',
    intro:
      'Met Balie registreert u de vragen aan de IDO-balie. Dat werkt ook zonder internet. ' +
      'Koppel dit apparaat eerst aan uw bibliotheek. Dan komen de registraties daar veilig aan.',
    fromLink: 'Balie koppelt dit apparaat met de code uit uw koppellink.',
  },
  link: {
    code: 'Koppelcode',
    codeHint: 'U krijgt de code van uw beheerder. Bijvoorbeeld: 7KQM-4P2X.',
    submit: 'Koppelen en beginnen',
    otherEndpoint: 'Ander adres',
    endpoint: 'Adres van de server',
    endpointHint: 'Alleen nodig als uw beheerder u een ander adres gaf.',
    longTitle: 'Koppelen met een lange code (voor ICT-beheer)',
    longCode: 'Lange code',
    longHint: 'Een lange code uit het beheerprogramma van de server.',
    longSubmit: 'Koppelen met de lange code',
    checking: 'Bezig met koppelen…',
    linked: 'Gekoppeld.',
    invalid: {
      code: (length: number) =>
        `Een koppelcode heeft 8 tekens, bijvoorbeeld 7KQM-4P2X. U typte er ${length}. Controleer de code.`,
      characters: (characters: readonly string[]) =>
        `In een koppelcode staat geen ${orList(characters)}. Controleer de code.`,
      empty: 'Vul de koppelcode in, bijvoorbeeld 7KQM-4P2X.',
      notACode:
        'Dit is geen koppelcode en ook geen lange code. Een koppelcode heeft 8 tekens, bijvoorbeeld 7KQM-4P2X.',
      token: 'Vul de lange code in. Die is minstens 16 tekens lang.',
      endpoint: 'Vul een geldig adres in dat begint met https:// of http://.',
    },
    refused: {
      unknown:
        'Deze koppelcode kennen we niet. Controleer de code of vraag de beheerder om een nieuwe.',
      used: 'Deze koppelcode is al gebruikt. Vraag de beheerder om een nieuwe.',
      expired:
        'Deze koppelcode is verlopen. Een code geldt 24 uur. Vraag de beheerder om een nieuwe.',
      revoked: 'Deze code is ingetrokken. Vraag de beheerder om een nieuwe koppelcode.',
    },
    wait: 'Er waren te veel pogingen. Wacht een minuut en probeer het dan opnieuw.',
    offline: 'Koppelen kan alleen met internet. Zoek een verbinding en probeer het opnieuw.',
    unreachable:
      'De server is niet te bereiken. Controleer het adres of probeer het later opnieuw.',
  },
  settings: {
    title: 'Instellingen',
    listsTitle: 'Keuzelijsten',
    listsIntro:
      'Verberg keuzes die uw vestiging niet gebruikt, of voeg eigen keuzes toe. Oude registraties houden hun keuzes.',
    listsManaged:
      'Uw beheerder beheert de keuzelijsten. U ziet hier welke keuzes Balie toont. Wilt u iets veranderen? Vraag het uw beheerder.',
    shown: 'Wordt getoond',
    addLabel: (list: string) => `Eigen keuze toevoegen aan "${list}"`,
    added: (label: string) => `"${label}" is toegevoegd.`,
    version: (version: string) => `Versie van de keuzelijsten: ${version}`,
    deviceTitle: 'Dit apparaat',
    organisation: 'Organisatie',
    location: 'Locatie',
    role: 'Soort apparaat',
    roles: { desk: 'Balie-apparaat', manager: 'Beheerder-apparaat' },
    endpoint: 'Server',
    deviceId: 'Apparaatnummer',
    beheer: 'Beheer (voor beheerders)',
    relink: 'Opnieuw koppelen',
    relinkHint:
      'Nodig als de server dit apparaat niet meer kent, of als u de pincode vergeten bent. Vraag uw beheerder om een nieuwe koppelcode. Registraties op dit apparaat blijven bewaard en worden daarna verstuurd.',
    relinkSubmit: 'Opnieuw koppelen',
  },
} as const;
