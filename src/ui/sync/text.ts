// The sentences of "Versturen": what is unsent, why the last try failed, storage and downloads.

import type { FailureCode } from '../../core/upload/outbox';
import type { LocalRefusal } from '../../data/db';
import { formatCount as n } from '../text';

export const text = {
  sync: {
    title: 'Versturen',
    unsent: 'Nog niet verstuurd',
    refusedCount: 'Geweigerd',
    oldest: 'Oudste niet-verstuurde',
    lastSuccess: 'Laatst gelukt',
    nextTry: 'Volgende poging',
    /** No try planned yet, or its time has come: the uploader runs when it is woken next. */
    soon: 'zo meteen',
    lastError: 'Waarom het niet lukte',
    never: 'Nog nooit',
    whenOnline: 'Zodra er internet is',
    afterRelink: 'Na opnieuw koppelen',
    none: '—',
    now: 'Nu versturen',
    running: 'Bezig met versturen…',
    progress: (sent: number, total: number) => `${n(sent)} van ${n(total)} verstuurd`,
    allSent: 'Alle registraties zijn verstuurd.',
    refusedTitle: 'Geweigerd door de server',
    deletion: 'Een verwijderde registratie',
    refusedIntro:
      'Deze registraties zijn niet aangekomen. Ze blijven op dit apparaat. Pas ze aan in "Vandaag" of probeer ze opnieuw.',
    retry: 'Opnieuw proberen',
    noOtherLocation:
      'Er is geen andere locatie om te kiezen. Vraag uw beheerder om de locatie weer te openen, en probeer het dan opnieuw.',
    storageTitle: 'Opslag op dit apparaat',
    persisted: 'Vast bewaard: de browser wist uw gegevens niet als het apparaat vol raakt.',
    notPersisted:
      'Niet vast bewaard: de browser kan gegevens wissen als het apparaat vol raakt. Verstuur daarom regelmatig.',
    askPersist: 'Vraag om vast bewaren',
    used: (used: string, quota: string) => `${used} gebruikt van ${quota}`,
    download: 'Download niet-verstuurde registraties',
    downloadHint:
      'Lukt versturen niet? Download de registraties als bestand en geef het aan de beheerder.',
    waitingServer: (time: string) =>
      `De server vraagt om even te wachten. Balie probeert het ${time} opnieuw.`,
    blocked:
      'Dit apparaat moet opnieuw gekoppeld worden: de server kent de koppeling niet meer. Misschien heeft de beheerder het apparaat ontkoppeld, of is de koppeling verlopen. Er gaat niets verloren. Alle registraties blijven op dit apparaat en worden verstuurd zodra het weer gekoppeld is.',
    relink: 'Opnieuw koppelen met een nieuwe koppelcode',
    chooseLocation: 'Kies de locatie',
    pickOne: 'Kies een locatie…',
    sendAt: 'Opnieuw versturen',
    refusal: {
      'too-large': 'Deze registratie is te groot voor de server.',
    } satisfies Record<LocalRefusal, string>,
    unanswered: (count: number) =>
      `${count === 1 ? '1 registratie' : `${n(count)} registraties`} kreeg geen antwoord.`,
    failure: {
      network: 'Geen verbinding met de server.',
      timeout: 'De server reageerde te laat.',
      'server-error': 'Er ging iets mis op de server.',
      unavailable: 'De server is even niet beschikbaar.',
      'rate-limited': 'De server krijgt te veel tegelijk en vraagt om even te wachten.',
      'unreadable-reply': 'Het antwoord van de server was niet te lezen.',
      auth: 'De server kent de koppeling van dit apparaat niet meer.',
      'not-found': 'Het adres van de server klopt niet.',
      'bad-request': 'De server weigerde de gegevens.',
    } satisfies Record<FailureCode, string>,
  },
} as const;
