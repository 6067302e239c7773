export declare const plural: (count: number, one: string, many: string) => string;
export declare const text: {
  readonly appName: 'Balie';
  readonly appTagline: 'Informatiepunt Digitale Overheid';
  readonly nav: {
    readonly label: 'Hoofdmenu';
    readonly register: 'Registreren';
    readonly today: 'Vandaag';
    readonly partners: 'Sociale kaart';
    readonly sync: 'Versturen';
    readonly settings: 'Instellingen';
    readonly menu: 'Menu';
  };
  readonly choices: {
    readonly change: (question: string) => string;
    readonly changeShort: 'Wijzigen';
  };
  readonly status: {
    readonly online: 'Online';
    readonly offline: 'Geen internet';
    readonly allSent: 'Alles verstuurd';
    readonly unsent: (count: number) => string;
    readonly sending: (sent: number, total: number) => string;
    readonly refused: (count: number) => string;
    readonly blocked: 'Koppel dit apparaat opnieuw';
    readonly update: 'Er is een nieuwe versie van Balie.';
    readonly updateButton: 'Nu vernieuwen';
  };
  readonly time: {
    readonly justNow: 'zojuist';
    readonly minutesAgo: (minutes: number) => string;
    readonly at: (time: string) => string;
  };
};
