// The calendar periods the Overzicht offers, in the order the picker shows them.

import type { CalendarKind } from '../../core/reports/period';

export const CALENDAR_KINDS: readonly CalendarKind[] = ['day', 'week', 'month', 'quarter', 'year'];
