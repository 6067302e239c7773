// Every sentence the app shows, in one catalogue. Dutch at taalniveau B1: short
// sentences, everyday words, say what happened and what to do. Option labels of the
// registration live in src/core/catalogue.ts; this file holds the rest.

import type { IdentifyingKind } from '../core/registration/privacy';
import type { FailureCode } from '../core/upload/outbox';
import type { MapFailure } from '../data/db';
import type { MapRefresh } from '../data/map-sync';
import type { ExportKind } from './partners/files';

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
    deletion: 'Een verwijderde registratie',
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

  partners: {
    title: 'Sociale kaart',
    count: (count: number) => plural(count, 'partner', 'partners'),
    add: 'Nieuwe partner',
    exchange: 'Import en export',
    exchangeTitle: 'Importeren en exporteren',
    emptyIntro:
      'Er staan nog geen partners op de sociale kaart van dit apparaat. Lees een bestand in, haal de kaart van de vestiging op, of voeg zelf een partner toe.',
    importFirst: 'Partners inlezen',
    search: 'Zoek een partner',
    searchPlaceholder: 'Naam, onderwerp of plaats',
    topic: 'Onderwerp',
    allTopics: 'Alle onderwerpen',
    language: 'Taal',
    allLanguages: 'Alle talen',
    openNow: 'Nu open',
    found: (count: number) => `${plural(count, 'partner', 'partners')} gevonden`,
    noResults: 'Geen partners gevonden. Probeer een ander woord of zet een filter uit.',
    showMore: (count: number) => `Toon meer (nog ${count})`,
    outdatedBadge: 'Verouderd',
    gone: 'Deze partner staat niet (meer) op de sociale kaart.',
    backToList: 'Terug naar de sociale kaart',
    backToPartner: 'Terug naar de partner',
    outdatedNotice: (day: string) =>
      `Een collega heeft deze gegevens als verouderd gemarkeerd${day ? ` op ${day}` : ''}. Controleer ze voordat u iemand doorverwijst.`,
    slip: 'Verwijsbriefje maken',
    edit: 'Gegevens aanpassen',
    contact: 'Contact',
    address: 'Adres',
    phone: 'Telefoon',
    email: 'E-mail',
    website: 'Website',
    noContact: 'Er zijn geen contactgegevens bekend.',
    openingHours: 'Openingstijden',
    walkInHours: 'Inloopspreekuur',
    about: 'Waar zij mee helpen',
    helpsWith: 'Onderwerpen',
    noTopics: 'Nog geen onderwerpen gekozen.',
    languages: 'Talen',
    unknown: 'Onbekend',
    targetGroups: 'Voor wie',
    lastVerified: 'Laatst gecontroleerd',
    never: 'Nooit',
    checkSoon: 'langer dan een jaar geleden; bel even om te controleren.',
    localTitle: 'Alleen voor de balie',
    localHint:
      'Deze notitie blijft op dit apparaat. Ze komt niet op het verwijsbriefje en niet in een export.',
    note: 'Notitie',
    saveNote: 'Notitie opslaan',
    noteSaved: 'De notitie is opgeslagen.',
    noteTooLong: 'De notitie is te lang. Maak haar korter dan 2000 tekens.',
    markOutdated: 'Markeer als verouderd',
    delete: 'Partner verwijderen',
    confirmDelete: (name: string) =>
      `Weet u zeker dat u "${name}" van de sociale kaart wilt halen?`,
    fromMap:
      'Deze partner komt uit de gepubliceerde kaart en komt terug bij het volgende ophalen. Klopt er iets niet? Markeer hem dan liever als verouderd.',
    confirmDeleteYes: 'Ja, verwijderen',
    cancelDelete: 'Annuleren',
    unmarkOutdated: 'Niet meer verouderd',
    markedOutdated: 'Gemarkeerd als verouderd. De beheerder van de kaart ziet dit.',
    unmarkedOutdated: 'De markering "verouderd" is weggehaald.',
    hours: {
      unknown: 'Openingstijden onbekend.',
      closed: 'Gesloten',
      range: (from: string, to: string) => `${from} t/m ${to}`,
      weeks: (weeks: readonly number[]) =>
        `${weeks.map((week) => (week === -1 ? 'laatste' : `${week}e`)).join(' en ')} week van de maand`,
    },
    form: {
      addTitle: 'Nieuwe partner',
      editTitle: 'Gegevens aanpassen',
      cancel: 'Annuleren',
      problemsTitle: 'Nog niet opgeslagen. Verbeter eerst dit:',
      topicsLegend: 'Waar helpen zij mee?',
      unsafeWebsite: 'Dit is geen webadres. Vul een adres in zoals www.voorbeeld.nl.',
      save: 'Opslaan',
      saving: 'Bezig met opslaan…',
      labels: {
        name: 'Naam',
        organization: 'Organisatie (niet verplicht)',
        description: 'Omschrijving',
        street: 'Straat en huisnummer',
        postcode: 'Postcode',
        city: 'Plaats',
        phone: 'Telefoon',
        email: 'E-mail',
        website: 'Website',
        openingHours: 'Openingstijden',
        walkInHours: 'Inloopspreekuur',
        languages: 'Talen',
        targetGroups: 'Voor wie (doelgroepen)',
        lastVerified: 'Laatst gecontroleerd',
      },
      hints: {
        description: 'Wat doen zij, en hoe kan de bezoeker daar terecht?',
        phone: 'Bijvoorbeeld: 030 123 45 67',
        website: 'Bijvoorbeeld: www.voorbeeld.nl',
        openingHours:
          'Bijvoorbeeld: ma-vr 09:00-17:00; za 10:00-12:00. Een feestdag: 25-12-2025 gesloten.',
        walkInHours: 'Bijvoorbeeld: 1e en 3e di 19:00-21:00',
        languages: 'Scheid met komma’s, bijvoorbeeld: Nederlands, Engels, Arabisch',
        targetGroups: 'Scheid met komma’s, bijvoorbeeld: Ouderen, Nieuwkomers',
      } as Partial<Record<string, string>>,
    },
    slipText: {
      title: (name: string) => `Verwijsbriefje voor ${name}`,
      privacy:
        'Op dit briefje staat niets over de bezoeker, en Balie bewaart niet voor wie u het maakt.',
      print: 'Afdrukken',
      intro: 'U kunt voor uw vraag terecht bij:',
      helpsWith: 'Zij helpen met:',
      qrLabel: (name: string) => `QR-code met de contactgegevens van ${name}`,
      qrCaption: 'Scan met uw telefoon om de contactgegevens te bewaren.',
      made: (day: string) => `Gemaakt op ${day}`,
      verified: (day: string) => `gegevens gecontroleerd op ${day}`,
    },
    importing: {
      title: 'Partners inlezen',
      intro:
        'Alles of niets: als er iets niet klopt in het bestand, leest Balie niets in en ziet u per rij wat u moet verbeteren. Uw eigen notities blijven bewaard.',
      kinds: {
        json: 'HSDS (Open Referral): één .json-bestand.',
        zip: 'HSDS-pakket als .zip-bestand.',
        folder:
          'HSDS-pakket als losse bestanden: kies alle .csv-bestanden met datapackage.json tegelijk, of kies de map.',
        sheet: 'De spreadsheet van de sociale kaart: één .csv-bestand (met ; of , gescheiden).',
      },
      chooseFiles: 'Bestanden kiezen',
      chooseFolder: 'Map kiezen',
      reading: 'Bezig met lezen…',
      readingCount: (done: number, total: number) => `Bezig met lezen… ${done} van ${total}`,
      saving: 'Bezig met opslaan…',
      done: (added: number, updated: number, unchanged: number) =>
        `Ingelezen: ${added} nieuw, ${updated} bijgewerkt, ${unchanged} ongewijzigd.`,
      warningsIntro: 'Let op, dit is anders ingelezen dan er staat:',
      toList: 'Naar de sociale kaart',
      failed: 'Er is niets ingelezen. Verbeter deze punten in het bestand en probeer het opnieuw:',
      saveFailed:
        'Opslaan op dit apparaat is niet gelukt. Er is misschien geen ruimte meer. Er is niets veranderd.',
    },
    exporting: {
      title: 'Exporteren',
      intro:
        'Download de sociale kaart als bestand, bijvoorbeeld voor een andere vestiging of de gemeente. Notities van de balie gaan niet mee.',
      busy: 'Bezig…',
      kinds: {
        'hsds-json': 'HSDS (.json)',
        'hsds-zip': 'HSDS-pakket (.zip)',
        spreadsheet: 'Spreadsheet (.csv)',
      } satisfies Record<ExportKind, string>,
    },
    keeping: {
      title: 'Alle apparaten gelijk houden',
      intro:
        'De beheerder publiceert de kaart van de vestiging op de server. Elk apparaat haalt die op als het online is. Notities van de balie blijven op het apparaat.',
      ownMap: 'Kaart van de vestiging',
      followedMap: 'Gevolgde kaart',
      nothingPublished: 'Nog geen kaart gepubliceerd.',
      notYet: 'Nog niet opgehaald.',
      offline: 'Geen internet. Ophalen en publiceren kan zodra er verbinding is.',
      refresh: 'Kaart nu ophalen',
      busy: 'Bezig…',
      publish: 'Publiceer deze kaart voor de vestiging',
      publishConfirm:
        'De kaart op de server wordt vervangen door de kaart van dit apparaat. Alle apparaten van de vestiging krijgen deze partners. Doorgaan?',
      publishYes: 'Ja, publiceren',
      cancel: 'Annuleren',
      published: (count: number) =>
        `Gepubliceerd: ${plural(count, 'partner', 'partners')}. De andere apparaten halen de kaart op zodra ze online zijn.`,
      publishFailed: {
        network: () =>
          'Publiceren is niet gelukt: geen verbinding met de server. Probeer het later opnieuw.',
        auth: () =>
          'Publiceren is niet gelukt: de server kent de koppelcode van dit apparaat niet. Koppel het apparaat opnieuw.',
        refused: (detail: string) => `De server weigerde de kaart. ${detail}`,
      },
      followTitle: 'Een kaart volgen',
      followHint:
        'Publiceert de gemeente of een andere vestiging een sociale kaart (HSDS, .json)? Vul het adres in. Balie haalt die kaart dan ook op.',
      followLabel: 'Adres van de kaart',
      followInvalid: 'Vul een volledig adres in dat begint met https://.',
      follow: 'Volgen',
      unfollow: 'Niet meer volgen',
      unfollowed: 'U volgt deze kaart niet meer. De partners blijven op de kaart staan.',
      checked: (when: string) => `Gecontroleerd: ${when}.`,
      partners: (count: number) => `${plural(count, 'partner', 'partners')} in deze kaart.`,
      failure: (error: MapFailure) =>
        ({
          network: 'Ophalen lukte niet: geen verbinding.',
          timeout: 'Ophalen lukte niet: de server reageerde te laat.',
          'not-found': 'Op dit adres staat geen kaart.',
          http: `Ophalen lukte niet: de server gaf een fout (${error.detail ?? ''}).`,
          'too-large': 'Deze kaart is te groot om op te halen.',
          invalid: `Deze kaart klopt niet en is niet ingelezen. ${error.detail ?? ''}`,
        })[error.code],
      /** A failed refresh reads as `failure(error)`. */
      outcome: (result: Exclude<MapRefresh, { outcome: 'failed' }>) =>
        result.outcome === 'imported'
          ? `Kaart opgehaald: ${result.counts.added} nieuw, ${result.counts.updated} bijgewerkt, ${result.counts.unchanged} ongewijzigd${result.counts.removed > 0 ? `, ${result.counts.removed} niet meer in de kaart en weggehaald` : ''}.`
          : result.outcome === 'none'
            ? 'Er is nog geen kaart gepubliceerd op de server.'
            : 'De kaart is niet veranderd.',
    },
    suggestions: {
      legend: 'Doorverwijzen naar een partner? (blijft op dit apparaat)',
      none: 'Geen partners voor dit onderwerp op de sociale kaart.',
      openMap: 'Open de sociale kaart',
      noPartner: 'Geen partner',
      slip: 'Briefje',
    },
  },

  time: {
    justNow: 'zojuist',
    minutesAgo: (minutes: number) => `${plural(minutes, 'minuut', 'minuten')} geleden`,
    at: (time: string) => `om ${time}`,
  },
} as const;
