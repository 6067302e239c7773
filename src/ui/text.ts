// The shell's sentences: the app's name, the menu, the status bar, choices and times.
// Dutch at taalniveau B1: short sentences, everyday words, say what happened and what to do.
// Each feature keeps its own sentences in its folder's text.ts, loaded with its screens.

const numbers = new Intl.NumberFormat('nl-NL');

/** A count as Dutch writes it: "5.000", not "5000". */
export const formatCount = (count: number) => numbers.format(count);

export const plural = (count: number, one: string, many: string) =>
  `${formatCount(count)} ${count === 1 ? one : many}`;

export const text = {
  appName: 'Balie',
  appTagline: 'Informatiepunt Digitale Overheid',
  nav: {
    label: 'Hoofdmenu',
    register: 'Registreren',
    today: 'Vandaag',
    partners: 'Sociale kaart',
    sync: 'Versturen',
    reports: 'Overzicht',
    settings: 'Instellingen',
    beheer: 'Beheer (voor beheerders)',
    menu: 'Menu',
  },
  choices: {
    change: (question: string) => `${question} — antwoord wijzigen`,
    changeShort: 'Wijzigen',
  },
  /** The location switch in the status bar. */
  location: {
    choose: 'Kies uw locatie',
    switchHint: 'Nieuwe registraties krijgen de locatie die u hier kiest.',
  },
  status: {
    online: 'Online',
    offline: 'Geen internet',
    unreachable: 'Geen contact met de server',
    allSent: 'Alles verstuurd',
    unsent: (count: number) => `${plural(count, 'registratie', 'registraties')} nog niet verstuurd`,
    sending: (sent: number, total: number) =>
      `Versturen… ${formatCount(sent)} van ${formatCount(total)}`,
    refused: (count: number) => `${plural(count, 'registratie', 'registraties')} geweigerd`,
    blocked: 'Koppel dit apparaat opnieuw',
    update: 'Er is een nieuwe versie van Balie. Wat u nu invult, blijft bewaard.',
    updateButton: 'Nu vernieuwen',
  },
  time: {
    justNow: 'zojuist',
    minutesAgo: (minutes: number) => `${plural(minutes, 'minuut', 'minuten')} geleden`,
    at: (time: string) => `om ${time}`,
    now: 'nu',
    inSeconds: (seconds: number) => `over ${plural(seconds, 'seconde', 'seconden')}`,
    inMinutes: (minutes: number) => `over ${plural(minutes, 'minuut', 'minuten')}`,
  },
} as const;
