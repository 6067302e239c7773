// The words of the answer-list editors that Instellingen (the device's lists) and Beheer (the
// organisation's) share: the lists' names and the add form's sentences.

import type { ListName } from '../../core/registration/catalogue';

export const listNames = {
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
} satisfies Record<ListName, string>;

export const text = {
  local: 'eigen keuze',
  addButton: 'Toevoegen',
  addDomain: 'Bij welk soort vraag?',
  addEmpty: 'Vul eerst de naam van de keuze in.',
  addTaken: (label: string) => `"${label}" staat al in deze lijst.`,
};
