// The answer lists as data: a branch hides and adds options, every change is a new
// catalogue version, and old registrations keep resolving their labels.

import { describe, expect, test } from 'vitest';
import {
  addLocalOption,
  allOptions,
  type Catalogue,
  catalogueVersion,
  DEFAULT_CATALOGUE,
  findTopic,
  hideOption,
  LIST_NAMES,
  labelOf,
  NO_CUSTOMISATION,
  offeredOptions,
  offeredTopics,
  optionKey,
  showOption,
} from '../../../src/core/registration/catalogue';
import { OptionId } from '../../../src/core/registration/schema';

const base = DEFAULT_CATALOGUE;
const ids = (options: readonly { id: string }[]) => options.map((option) => option.id);

describe('catalogueVersion', () => {
  test('is the national version while the branch changed nothing', () => {
    expect(catalogueVersion(base, NO_CUSTOMISATION)).toBe('ido-2024.1');
  });

  test('every hide, show and add bumps the revision and changes the version', () => {
    const seen = new Set<string>([catalogueVersion(base, NO_CUSTOMISATION)]);
    let custom = NO_CUSTOMISATION;
    const steps = [
      (c: typeof custom) => hideOption(c, 'topics', 'e-books'),
      (c: typeof custom) => addLocalOption(c, 'topics', 'Spreekuur energietoeslag', 'a1', 'overig'),
      (c: typeof custom) => showOption(c, 'topics', 'e-books'),
      (c: typeof custom) => hideOption(c, 'channels', 'online'),
    ];
    steps.forEach((step, index) => {
      custom = step(custom);
      expect(custom.revision).toBe(index + 1);
      const version = catalogueVersion(base, custom);
      expect(version).toBe(`ido-2024.1+lokaal.${index + 1}`);
      expect(seen.has(version)).toBe(false);
      seen.add(version);
    });
  });

  test('hiding what is hidden, or showing what is shown, is no change and keeps the revision', () => {
    const hidden = hideOption(NO_CUSTOMISATION, 'topics', 'digid');
    expect(hideOption(hidden, 'topics', 'digid')).toBe(hidden);
    expect(showOption(NO_CUSTOMISATION, 'topics', 'digid')).toBe(NO_CUSTOMISATION);
  });

  test('the version a registration records fits the schema length limit', () => {
    let custom = NO_CUSTOMISATION;
    for (let i = 0; i < 1000; i++) custom = addLocalOption(custom, 'help', `Hulp ${i}`, `s${i}`);
    expect(catalogueVersion(base, custom).length).toBeLessThanOrEqual(60);
  });
});

describe('hidden and retired options', () => {
  test('a hidden option is not offered but still has its label', () => {
    const custom = hideOption(NO_CUSTOMISATION, 'topics', 'e-books');
    expect(ids(offeredOptions(base, custom, 'topics'))).not.toContain('e-books');
    expect(ids(offeredTopics(base, custom, 'bibliotheek'))).not.toContain('e-books');
    expect(labelOf(base, custom, 'topics', 'e-books')).toBe('E-books en luisterboeken');
    expect(findTopic(base, custom, 'e-books')?.domain).toBe('bibliotheek');
  });

  test('showing it again offers it again', () => {
    const custom = showOption(
      hideOption(NO_CUSTOMISATION, 'topics', 'e-books'),
      'topics',
      'e-books',
    );
    expect(ids(offeredOptions(base, custom, 'topics'))).toContain('e-books');
    expect(custom.hidden).toEqual([]);
  });

  test('hiding is per list: the same id in another list stays offered', () => {
    // `anders` exists in organisations, courses and referralKinds.
    const custom = hideOption(NO_CUSTOMISATION, 'courses', 'anders');
    expect(custom.hidden).toEqual([optionKey('courses', 'anders')]);
    expect(ids(offeredOptions(base, custom, 'courses'))).not.toContain('anders');
    expect(ids(offeredOptions(base, custom, 'organisations'))).toContain('anders');
    expect(ids(offeredOptions(base, custom, 'referralKinds'))).toContain('anders');
  });

  test('a retired option is not offered, but an old registration resolves its label', () => {
    const retiredCatalogue: Catalogue = {
      ...base,
      version: 'ido-2026.1',
      help: [
        ...base.help,
        { id: 'formulier-ingevuld', label: 'Formulier ingevuld', retired: true },
      ],
      topics: [
        ...base.topics,
        { id: 'coronacheck', label: 'CoronaCheck', domain: 'digitale-overheid', retired: true },
      ],
    };
    expect(ids(offeredOptions(retiredCatalogue, NO_CUSTOMISATION, 'help'))).not.toContain(
      'formulier-ingevuld',
    );
    expect(
      ids(offeredTopics(retiredCatalogue, NO_CUSTOMISATION, 'digitale-overheid')),
    ).not.toContain('coronacheck');
    expect(labelOf(retiredCatalogue, NO_CUSTOMISATION, 'help', 'formulier-ingevuld')).toBe(
      'Formulier ingevuld',
    );
    expect(labelOf(retiredCatalogue, NO_CUSTOMISATION, 'topics', 'coronacheck')).toBe(
      'CoronaCheck',
    );
    expect(ids(allOptions(retiredCatalogue, NO_CUSTOMISATION, 'topics'))).toContain('coronacheck');
  });

  test('an id no catalogue knows any more is shown as itself', () => {
    expect(labelOf(base, NO_CUSTOMISATION, 'topics', 'verdwenen-onderwerp')).toBe(
      'verdwenen-onderwerp',
    );
  });

  test('labels are looked up in the right list', () => {
    expect(labelOf(base, NO_CUSTOMISATION, 'courses', 'anders')).toBe('Andere cursus');
    expect(labelOf(base, NO_CUSTOMISATION, 'organisations', 'anders')).toBe('Andere organisatie');
    expect(labelOf(base, NO_CUSTOMISATION, 'topics', 'gemeente')).toBe(
      'Gemeentezaken (paspoort, verhuizen, afspraak)',
    );
    expect(labelOf(base, NO_CUSTOMISATION, 'organisations', 'gemeente')).toBe('Gemeente');
  });
});

describe('local options', () => {
  test('a local option is offered, has its label and a lokaal- id that fits the schema', () => {
    const custom = addLocalOption(NO_CUSTOMISATION, 'organisations', 'Stichting Één Loket!', 'x7');
    const local = custom.added[0];
    expect(local?.id).toBe('lokaal-stichting-een-loket-x7');
    expect(local?.list).toBe('organisations');
    expect(ids(offeredOptions(base, custom, 'organisations'))).toContain(local?.id);
    expect(labelOf(base, custom, 'organisations', local?.id ?? '')).toBe('Stichting Één Loket!');
    expect(OptionId.safeParse(local?.id).success).toBe(true);
  });

  test('a label with nothing sluggable still gets a valid id', () => {
    const custom = addLocalOption(NO_CUSTOMISATION, 'help', '???', 'z9');
    expect(custom.added[0]?.id).toBe('lokaal-optie-z9');
    expect(OptionId.safeParse(custom.added[0]?.id).success).toBe(true);
  });

  test('a very long label still gives an id the schema accepts', () => {
    const custom = addLocalOption(NO_CUSTOMISATION, 'help', 'Heel '.repeat(40), 'abcdef12');
    expect(OptionId.safeParse(custom.added[0]?.id).success).toBe(true);
  });

  test('local ids never collide with a national id in any list', () => {
    const national = new Set(LIST_NAMES.flatMap((list) => ids(base[list])));
    let custom = NO_CUSTOMISATION;
    for (const list of LIST_NAMES) {
      for (const option of base[list]) {
        // A local option named exactly like a national one (id and label).
        custom = addLocalOption(custom, list, option.id, 'q1');
        custom = addLocalOption(custom, list, option.label, 'q2');
      }
    }
    expect(custom.added.length).toBeGreaterThan(100);
    for (const option of custom.added) {
      expect(national.has(option.id)).toBe(false);
      expect(option.id.startsWith('lokaal-')).toBe(true);
    }
    // And the national labels are untouched by the look-alikes.
    expect(labelOf(base, custom, 'topics', 'digid')).toBe('DigiD');
  });

  test('a hidden local option is not offered, but keeps its label', () => {
    let custom = addLocalOption(NO_CUSTOMISATION, 'channels', 'Huisbezoek', 'h1');
    const id = custom.added[0]?.id ?? '';
    custom = hideOption(custom, 'channels', id);
    expect(custom.revision).toBe(2);
    expect(ids(offeredOptions(base, custom, 'channels'))).not.toContain(id);
    expect(labelOf(base, custom, 'channels', id)).toBe('Huisbezoek');
  });

  test('a local option does not leak into other lists', () => {
    const custom = addLocalOption(NO_CUSTOMISATION, 'courses', 'Seniorweb', 's1');
    expect(ids(offeredOptions(base, custom, 'courses'))).toContain('lokaal-seniorweb-s1');
    expect(ids(offeredOptions(base, custom, 'help'))).not.toContain('lokaal-seniorweb-s1');
  });
});

describe('topics per domain', () => {
  test('each domain offers exactly its own topics, and every topic has a known domain', () => {
    const domains = ids(base.domains);
    for (const topic of base.topics) expect(domains).toContain(topic.domain);
    const total = domains
      .map((domain) => offeredTopics(base, NO_CUSTOMISATION, domain))
      .reduce((sum, topics) => sum + topics.length, 0);
    expect(total).toBe(base.topics.length);
    expect(ids(offeredTopics(base, NO_CUSTOMISATION, 'bibliotheek'))).toEqual([
      'lenen-lidmaatschap',
      'e-books',
      'printen-scannen',
      'computer-wifi',
      'bieb-anders',
    ]);
    expect(ids(offeredTopics(base, NO_CUSTOMISATION, 'overig'))).toEqual(['anders']);
    expect(offeredTopics(base, NO_CUSTOMISATION, 'onbekend')).toEqual([]);
  });

  test('DigiD is a topic of digitale overheid that asks the follow-up question', () => {
    const digid = findTopic(base, NO_CUSTOMISATION, 'digid');
    expect(digid?.domain).toBe('digitale-overheid');
    expect(digid?.digid).toBe(true);
    expect(findTopic(base, NO_CUSTOMISATION, 'toeslagen')?.digid).toBeUndefined();
  });

  test('a local topic lands in its domain, or in overig without one', () => {
    let custom = addLocalOption(
      NO_CUSTOMISATION,
      'topics',
      'Spreekuur energie',
      'e1',
      'bibliotheek',
    );
    custom = addLocalOption(custom, 'topics', 'Zomaar iets', 'e2');
    expect(ids(offeredTopics(base, custom, 'bibliotheek'))).toContain(
      'lokaal-spreekuur-energie-e1',
    );
    expect(ids(offeredTopics(base, custom, 'digitale-overheid'))).not.toContain(
      'lokaal-spreekuur-energie-e1',
    );
    expect(ids(offeredTopics(base, custom, 'overig'))).toEqual(['anders', 'lokaal-zomaar-iets-e2']);
    expect(findTopic(base, custom, 'lokaal-zomaar-iets-e2')?.domain).toBe('overig');
  });

  test('a hidden topic disappears from its domain only', () => {
    const custom = hideOption(NO_CUSTOMISATION, 'topics', 'anders');
    expect(offeredTopics(base, custom, 'overig')).toEqual([]);
    expect(offeredTopics(base, custom, 'bibliotheek')).toHaveLength(5);
  });
});

describe('the default catalogue', () => {
  test('option ids are unique per list and valid for the schema', () => {
    for (const list of LIST_NAMES) {
      const listIds = ids(base[list]);
      expect(new Set(listIds).size, list).toBe(listIds.length);
      for (const id of listIds) expect(OptionId.safeParse(id).success, `${list}:${id}`).toBe(true);
    }
  });

  test('topic organisation hints point at known organisations', () => {
    const organisations = ids(base.organisations);
    for (const topic of base.topics) {
      for (const organisation of topic.organisations ?? []) {
        expect(organisations, topic.id).toContain(organisation);
      }
    }
  });
});
