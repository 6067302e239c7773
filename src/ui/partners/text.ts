// The sociale kaart's sentences: the list, a partner, the form, the slip, files and published maps.
// Loaded with the sociale-kaart screens, never on the first page.

import type { MapFailure } from '../../data/db';
import type { MapRefresh } from '../../data/map-refresh';
import { formatCount as n, plural } from '../text';
import type { ExportKind } from './files';
import { describeIssue } from './issue-text';

export const text = {
  partners: {
    title: 'Sociale kaart',
    count: (count: number) => plural(count, 'partner', 'partners'),
    add: 'Nieuwe partner',
    exchange: 'Import en export',
    exchangeTitle: 'Importeren en exporteren',
    emptyIntro:
      'Er staan nog geen partners op de sociale kaart van dit apparaat. Heeft u een lijst met partners, bijvoorbeeld in Excel? Lees die in. U kunt ook zelf een partner toevoegen.',
    importFirst: 'Partners inlezen',
    search: 'Zoek een partner',
    searchPlaceholder: 'Naam, onderwerp, plaats of postcode',
    topic: 'Onderwerp',
    allTopics: 'Alle onderwerpen',
    language: 'Taal',
    allLanguages: 'Alle talen',
    openNow: 'Nu open',
    found: (count: number) => `${plural(count, 'partner', 'partners')} gevonden`,
    noResults: 'Geen partners gevonden. Probeer een ander woord of zet een filter uit.',
    showMore: (count: number) => `Toon meer (nog ${n(count)})`,
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
    keywords: 'Eigen trefwoorden',
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
      today: 'vandaag',
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
      hoursAsNote:
        'Is het geen rooster? Zet de tekst dan tussen haakjes, bijvoorbeeld: (zie website).',
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
        keywords: 'Eigen trefwoorden (niet verplicht)',
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
        keywords:
          'Woorden waarmee collega’s deze partner zoeken, als ze niet in de lijst staan. Scheid met komma’s, bijvoorbeeld: Dakloos, Bezwaar',
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
      contactPerson: 'Contactpersoon (niet verplicht)',
      appointment: 'Afspraak (niet verplicht)',
      appointmentExample: 'Bijvoorbeeld: di 3 december, 10:00',
      /** On the slip itself, for the visitor. */
      askFor: 'Vraag naar',
      appointmentOn: 'Uw afspraak',
      extraHint:
        'Alleen voor op het briefje. Balie bewaart dit niet. Schrijf niets over de bezoeker.',
      showLarge: 'Toon groot',
      closeLarge: 'Sluiten',
      made: (day: string) => `Gemaakt op ${day}`,
      verified: (day: string) => `gegevens gecontroleerd op ${day}`,
    },
    importing: {
      title: 'Partners inlezen',
      intro:
        'Heeft u een lijst met partners, bijvoorbeeld in Excel? Download het invulbestand. Zet elke partner op een eigen rij. Sla het op als CSV en kies het hier.',
      template: 'Invulbestand downloaden',
      allOrNothing:
        'Klopt er iets niet in het bestand? Dan leest Balie niets in en ziet u per rij wat u moet verbeteren. Uw eigen notities blijven altijd bewaard.',
      helpTitle: 'Hoe Balie uw lijst leest',
      columnsIntro:
        'De eerste rij noemt de kolommen. Hoofdletters, spaties en accenten maken niet uit. Alleen Naam is verplicht. Balie kent deze kolommen, ook onder de andere namen:',
      alsoCalled: (names: string) => `ook: ${names}`,
      hoursHelp:
        'Openingstijden schrijft u zoals u gewend bent, bijvoorbeeld: ma-vr 09:00-17:00; di,do 13.00-16.00; ma-do 08:30-17:00; vr 08:30-12:00; dagelijks 21:00-09:00; op afspraak. Wat Balie niet kan lezen, bewaart het als tekst.',
      topicsHelp:
        'Onderwerpen mag u in uw eigen woorden schrijven, zoals Schulden of Huur. Balie bewaart ze als trefwoord. Is de betekenis duidelijk, dan koppelt Balie ze ook aan een onderwerp uit de lijst.',
      listsHelp:
        'Meer talen of onderwerpen in één cel? Scheid ze met een komma of puntkomma, bijvoorbeeld: Nederlands;Turks.',
      otherFiles: 'Andere bestanden (voor ICT-beheer)',
      kinds: {
        json: 'HSDS (Open Referral): één .json-bestand.',
        zip: 'HSDS-pakket als .zip-bestand.',
        folder:
          'HSDS-pakket als losse bestanden: kies alle .csv-bestanden met datapackage.json tegelijk, of kies de map.',
      },
      review: {
        title: (count: number) => `Klaar om in te lezen: ${plural(count, 'partner', 'partners')}`,
        intro: 'Er is nog niets opgeslagen. Kijk of dit klopt en kies dan Inlezen.',
        mappedTitle:
          'Deze woorden koppelt Balie aan een onderwerp uit de lijst. Het woord zelf blijft ook bewaard:',
        mapped: (word: string, topics: string, count: number) =>
          `${word} → ${topics} (${plural(count, 'partner', 'partners')})`,
        keptTitle: 'Deze woorden staan niet in de lijst. Balie bewaart ze als eigen trefwoord:',
        kept: (word: string, count: number) => `${word} (${plural(count, 'partner', 'partners')})`,
        warningsTitle: 'Let op, dit leest Balie anders dan er staat:',
        confirm: 'Inlezen',
        cancel: 'Annuleren',
        cancelled: 'Niets ingelezen. Er is niets veranderd.',
      },
      chooseFiles: 'Bestanden kiezen',
      chooseFolder: 'Map kiezen',
      reading: 'Bezig met lezen…',
      readingCount: (done: number, total: number) => `Bezig met lezen… ${n(done)} van ${n(total)}`,
      saving: 'Bezig met opslaan…',
      done: (added: number, updated: number, unchanged: number) =>
        `Ingelezen: ${n(added)} nieuw, ${n(updated)} bijgewerkt, ${n(unchanged)} ongewijzigd.`,
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
      /** "Gevolgde kaart — Ophalen lukte niet, …" */
      about: (map: string, sentence: string) => `${map} — ${sentence}`,
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
        forbidden: () =>
          'Publiceren is niet gelukt: alleen een beheerder mag de kaart van de vestiging vervangen.',
        stale: () =>
          'De kaart op de server is intussen veranderd. Haal de kaart eerst op en kijk dan of u nog wilt publiceren.',
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
          network: 'Ophalen lukte niet, want er is geen verbinding.',
          timeout: 'Ophalen lukte niet, want de server reageerde te laat.',
          'not-found': 'Op dit adres staat geen kaart.',
          http: `Ophalen lukte niet, want de server gaf een fout (${error.detail ?? ''}).`,
          'too-large': 'Deze kaart is te groot om op te halen.',
          invalid: `Deze kaart klopt niet en is niet ingelezen. ${error.issue ? describeIssue(error.issue) : (error.detail ?? '')}`,
        })[error.code],
      /** A failed refresh reads as `failure(error)`. */
      outcome: (result: Exclude<MapRefresh, { outcome: 'failed' }>) =>
        result.outcome === 'imported'
          ? `Kaart opgehaald: ${n(result.counts.added)} nieuw, ${n(result.counts.updated)} bijgewerkt, ${n(result.counts.unchanged)} ongewijzigd${result.counts.removed > 0 ? `, ${n(result.counts.removed)} niet meer in de kaart en weggehaald` : ''}.`
          : result.outcome === 'none'
            ? 'Er is nog geen kaart gepubliceerd op de server.'
            : 'De kaart is niet veranderd.',
    },
  },
} as const;
