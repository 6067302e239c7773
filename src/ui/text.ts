// Every sentence the app shows, in one catalogue. Dutch at taalniveau B1: short
// sentences, everyday words, say what happened and what to do. Option labels of the
// registration live in src/core/catalogue.ts; this file holds the rest.

import type { FailureCode } from '../core/outbox';
import type { IdentifyingKind } from '../core/privacy';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const text = {
  appName: 'Balie',
  appTagline: 'Informatiepunt Digitale Overheid',

  nav: {
    label: 'Hoofdmenu',
    register: 'Registreren',
    today: 'Vandaag',
    partners: 'Sociale kaart',
    sync: 'Versturen',
    settings: 'Instellingen',
    more: 'Meer',
  },

  choices: {
    change: (question: string) => `${question} — antwoord wijzigen`,
    changeShort: 'Wijzigen',
  },

  status: {
    online: 'Online',
    offline: 'Geen internet',
    allSent: 'Alles verstuurd',
    unsent: (count: number) => `${plural(count, 'registratie', 'registraties')} nog niet verstuurd`,
    sending: (sent: number, total: number) => `Versturen… ${sent} van ${total}`,
    refused: (count: number) => `${plural(count, 'registratie', 'registraties')} geweigerd`,
    blocked: 'Koppel dit apparaat opnieuw',
    update: 'Er is een nieuwe versie van Balie.',
    updateButton: 'Nu vernieuwen',
  },

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
    devReady: 'Op deze computer staat al een koppelcode klaar. U kunt meteen beginnen.',
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

  register: {
    title: 'Nieuwe registratie',
    editTitle: 'Registratie aanpassen',
    quick: 'Snelkeuze',
    quickHint: 'Eén tik vult de vraag in. Daarna alleen nog Opslaan.',
    quickEmpty: 'Nog geen snelkeuze. Na een paar registraties ziet u hier uw vaste vragen.',
    favourite: 'Vaste keuze',
    recent: 'Recent',
    saveFavourite: 'Bewaar als snelkeuze',
    favouriteSaved: 'Bewaard als snelkeuze.',
    removeFavourite: (label: string) => `Snelkeuze weghalen: ${label}`,
    channel: 'Hoe kwam de vraag binnen?',
    duration: 'Hoe lang duurde het?',
    needs: 'Wat had de bezoeker nodig? (niet verplicht)',
    domain: 'Waar ging de vraag over?',
    topic: 'Onderwerp',
    digidStep: 'Wat was er met DigiD?',
    organisations: 'Welke organisatie?',
    moreOrganisations: 'Andere organisaties',
    help: 'Welke hulp gaf u?',
    course: 'Welke cursus?',
    referralKind: 'Naar wie verwezen?',
    referralHow: 'Hoe verwezen?',
    warm: 'Warm: ik heb zelf contact gelegd',
    cold: 'De bezoeker neemt zelf contact op',
    question: (index: number) => `Vraag ${index}`,
    addQuestion: 'Nog een vraag',
    removeQuestion: (index: number) => `Vraag ${index} weghalen`,
    note: 'Notitie (niet verplicht)',
    noteCount: (length: number, max: number) => `${length} van ${max} tekens`,
    save: 'Opslaan',
    saveChanges: 'Wijzigingen opslaan',
    saving: 'Bezig met opslaan…',
    saved: 'Opgeslagen.',
    changesSaved: 'Wijzigingen opgeslagen.',
    undo: 'Ongedaan maken',
    undone: 'De registratie is ongedaan gemaakt.',
    restored: 'Uw vorige invoer is teruggezet.',
    startOver: 'Opnieuw beginnen',
    problemsTitle: 'Er ontbreekt nog iets',
    missing: {
      domain: 'Kies waar de vraag over ging.',
      topic: 'Kies een onderwerp.',
      channel: 'Kies hoe de vraag binnenkwam.',
      duration: 'Kies hoe lang het duurde.',
      referral: 'Kies naar wie u verwees.',
    },
    saveFailed:
      'Opslaan is niet gelukt. Er is misschien geen ruimte meer op dit apparaat. Uw invoer is bewaard; probeer het opnieuw.',
    delete: 'Registratie verwijderen',
    confirmDelete: 'Weet u zeker dat u deze registratie wilt verwijderen?',
    confirmDeleteYes: 'Ja, verwijderen',
    cancel: 'Annuleren',
    deleted: 'De registratie is verwijderd.',
    back: 'Terug naar Vandaag',
    gone: 'Deze registratie bestaat niet (meer).',
  },

  today: {
    title: 'Vandaag',
    empty: 'Vandaag is er nog niets geregistreerd.',
    count: (count: number) => plural(count, 'bezoek', 'bezoeken'),
    questions: (count: number) => plural(count, 'vraag', 'vragen'),
    mark: {
      sent: 'Verstuurd',
      unsent: 'Nog niet verstuurd',
      refused: 'Geweigerd',
    },
    open: (time: string) => `Registratie van ${time} openen`,
    editAfterSent:
      'Deze registratie is al verstuurd. Als u iets aanpast, wordt de nieuwe versie ook verstuurd.',
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
    relink: 'Opnieuw koppelen',
    relinkHint:
      'Nodig als de server de koppelcode weigert. Registraties op dit apparaat blijven bewaard.',
  },

  sync: {
    title: 'Versturen',
    unsent: 'Nog niet verstuurd',
    oldest: 'Oudste niet-verstuurde',
    lastSuccess: 'Laatst gelukt',
    nextTry: 'Volgende poging',
    lastError: 'Waarom het niet lukte',
    never: 'Nog nooit',
    none: '—',
    now: 'Nu synchroniseren',
    running: 'Bezig met versturen…',
    progress: (sent: number, total: number) => `${sent} van ${total} verstuurd`,
    allSent: 'Alle registraties zijn verstuurd.',
    refusedTitle: 'Geweigerd door de server',
    refusedIntro:
      'Deze registraties zijn niet aangekomen. Ze blijven op dit apparaat. Pas ze aan in "Vandaag" of probeer ze opnieuw.',
    retry: 'Opnieuw proberen',
    storageTitle: 'Opslag op dit apparaat',
    persisted: 'Vast bewaard: de browser wist uw gegevens niet als het apparaat vol raakt.',
    notPersisted:
      'Niet vast bewaard: de browser kan gegevens wissen als het apparaat vol raakt. Verstuur daarom regelmatig.',
    askPersist: 'Vraag om vast bewaren',
    used: (used: string, quota: string) => `${used} gebruikt van ${quota}`,
    download: 'Download niet-verstuurde registraties',
    downloadHint:
      'Lukt versturen niet? Download de registraties als bestand en geef het aan de beheerder.',
    waitingServer: (time: string) => `De server vraagt om te wachten tot ${time}.`,
    blocked:
      'De server weigert de koppelcode van dit apparaat. Er gaat niets verloren, maar er wordt niets verstuurd tot u het apparaat opnieuw koppelt.',
    relink: 'Opnieuw koppelen',
    failure: {
      network: 'Geen verbinding met de server.',
      timeout: 'De server reageerde te laat.',
      'server-error': 'Er ging iets mis op de server.',
      unavailable: 'De server is even niet beschikbaar.',
      'rate-limited': 'De server krijgt te veel tegelijk en vraagt om even te wachten.',
      'unreadable-reply': 'Het antwoord van de server was niet te lezen.',
      auth: 'De server weigert de koppelcode van dit apparaat.',
      'not-found': 'Het adres van de server klopt niet.',
      'bad-request': 'De server weigerde de gegevens.',
    } satisfies Record<FailureCode, string>,
  },

  privacy: {
    intro: 'Schrijf hier niets waarmee iemand te herkennen is.',
    found: {
      bsn: 'Dit lijkt een burgerservicenummer (BSN).',
      phone: 'Dit lijkt een telefoonnummer.',
      email: 'Dit lijkt een e-mailadres.',
      iban: 'Dit lijkt een bankrekeningnummer (IBAN).',
      address: 'Dit lijkt een adres (postcode met huisnummer).',
    } satisfies Record<IdentifyingKind, string>,
    why: 'Registraties zijn anoniem. Haal dit gegeven weg en sla dan op.',
    tooLong: (max: number) => `De notitie mag hoogstens ${max} tekens lang zijn.`,
  },

  time: {
    justNow: 'zojuist',
    minutesAgo: (minutes: number) => `${plural(minutes, 'minuut', 'minuten')} geleden`,
    at: (time: string) => `om ${time}`,
  },
} as const;
