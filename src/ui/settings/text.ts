// The sentences of linking a device (first run) and of Instellingen.

export const text = {
  firstRun: {
    title: 'Welkom bij Balie',
    intro:
      'Met Balie registreert u de vragen aan de IDO-balie. Dat werkt ook zonder internet. ' +
      'Koppel dit apparaat eerst aan de server van uw bibliotheek. Dan komen de registraties daar veilig aan.',
    location: 'Naam van de vestiging',
    locationHint: 'Bijvoorbeeld: Bibliotheek Centrum, 1e etage',
    endpoint: 'Adres van de server',
    endpointHint: 'Dit adres krijgt u van de beheerder van Balie.',
    token: 'Koppelcode',
    tokenHint: 'Een lange code van de beheerder. Of open de koppellink die u kreeg.',
    fromLink: 'De koppelcode uit uw koppellink staat al ingevuld.',
    wait: 'De server heeft te veel pogingen gezien. Wacht een minuut en probeer het opnieuw.',
    submit: 'Koppelen en beginnen',
    checking: 'Bezig met koppelen…',
    offlineSaved:
      'Er is nu geen verbinding met de server. Balie is wel klaar voor gebruik. De koppeling wordt gecontroleerd zodra er internet is.',
    refused: 'De server kent deze koppelcode niet. Controleer de code of vraag een nieuwe aan.',
    invalid: {
      location: 'Vul de naam van de vestiging in (hoogstens 80 tekens).',
      endpoint: 'Vul een geldig adres in dat begint met https:// of http://.',
      token: 'Vul de koppelcode in. Die is minstens 16 tekens lang.',
    },
  },
  settings: {
    title: 'Instellingen',
    listsTitle: 'Keuzelijsten',
    listsIntro:
      'Verberg keuzes die uw vestiging niet gebruikt, of voeg eigen keuzes toe. Oude registraties houden hun keuzes.',
    lists: {
      channels: 'Hoe kwam de vraag binnen',
      durations: 'Hoe lang duurde het',
      needs: 'Wat had de bezoeker nodig',
      domains: 'Waar ging de vraag over',
      topics: 'Onderwerpen',
      digidSteps: 'DigiD',
      organisations: 'Organisaties',
      help: 'Hulp',
      courses: 'Cursussen',
      referralKinds: 'Verwezen naar',
    },
    shown: 'Wordt getoond',
    local: 'eigen keuze',
    addLabel: (list: string) => `Eigen keuze toevoegen aan "${list}"`,
    addButton: 'Toevoegen',
    addDomain: 'Bij welk soort vraag?',
    addEmpty: 'Vul eerst de naam van de keuze in.',
    added: (label: string) => `"${label}" is toegevoegd.`,
    version: (version: string) => `Versie van de keuzelijsten: ${version}`,
    deviceTitle: 'Dit apparaat',
    location: 'Vestiging',
    endpoint: 'Server',
    deviceId: 'Apparaatnummer',
    beheer: 'Beheer (voor beheerders)',
    relink: 'Opnieuw koppelen',
    relinkHint:
      'Nodig als de server de koppelcode weigert. Registraties op dit apparaat blijven bewaard.',
  },
} as const;
