// Counts read as Dutch writes them ("5.000 partners"), wherever a sentence holds a number.

import { describe, expect, test } from 'vitest';
import { text as partnerText } from '../../../src/ui/partners/text';
import { text as syncText } from '../../../src/ui/sync/text';
import { formatCount, plural } from '../../../src/ui/text';

describe('counts in sentences', () => {
  test('thousands are grouped with a point, small numbers stay as they are', () => {
    expect(formatCount(5000)).toBe('5.000');
    expect(formatCount(1234567)).toBe('1.234.567');
    expect(formatCount(999)).toBe('999');
    expect(plural(1, 'partner', 'partners')).toBe('1 partner');
    expect(plural(5000, 'partner', 'partners')).toBe('5.000 partners');
  });

  test('an import of 5,000 partners and an upload in progress say "5.000"', () => {
    expect(partnerText.partners.importing.done(5000, 0, 1200)).toBe(
      'Ingelezen: 5.000 nieuw, 0 bijgewerkt, 1.200 ongewijzigd.',
    );
    expect(syncText.sync.progress(1000, 5000)).toBe('1.000 van 5.000 verstuurd');
  });
});
