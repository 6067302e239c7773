// How moments read: one past ("zojuist", "5 minuten geleden") and one still to come ("over 20
// seconden"), so "Volgende poging" never says "zojuist" of a try that is yet to happen.

import { expect, test } from 'vitest';
import { formatMoment, formatUpcoming } from '../../../src/ui/format';

const NOW = new Date('2026-11-30T10:00:00+01:00').getTime();
const SECOND = 1000;
const MINUTE = 60 * SECOND;

test('a moment past', () => {
  expect(formatMoment(NOW - 10 * SECOND, NOW)).toBe('zojuist');
  expect(formatMoment(NOW - 5 * MINUTE, NOW)).toBe('5 minuten geleden');
  expect(formatMoment(NOW - 3 * 60 * MINUTE, NOW)).toBe('om 07:00');
});

test('a moment still to come', () => {
  expect(formatUpcoming(NOW, NOW)).toBe('nu');
  expect(formatUpcoming(NOW - SECOND, NOW)).toBe('nu');
  expect(formatUpcoming(NOW + 20 * SECOND, NOW)).toBe('over 20 seconden');
  expect(formatUpcoming(NOW + 800, NOW)).toBe('over 1 seconde');
  expect(formatUpcoming(NOW + 5 * MINUTE, NOW)).toBe('over 5 minuten');
  expect(formatUpcoming(NOW + 2 * 60 * MINUTE, NOW)).toBe('om 12:00');
});
