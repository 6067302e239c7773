// What the Overzicht shows and exports, from plain reports: charts and tables agree, the
// summary CSV is for Dutch Excel and never holds a signed difference, small counts hide,
// the rows never hold the note, and the address keeps the period.

import { describe, expect, test } from 'vitest';
import { DEFAULT_CATALOGUE, NO_CUSTOMISATION } from '../../../src/core/registration/catalogue';
import { aggregate } from '../../../src/core/reports/aggregate';
import { catalogueLabels } from '../../../src/core/reports/labels';
import { type Period, previousPeriod, samePeriodLastYear } from '../../../src/core/reports/period';
import { csvBlob, fileName, rowsTable, summaryTable } from '../../../src/ui/reports/exports';
import { formatDifference, formatPeriod } from '../../../src/ui/reports/format';
import { heatmapHours } from '../../../src/ui/reports/Heatmap';
import { nextPeriod, periodFromQuery, periodHref } from '../../../src/ui/reports/period-query';
import {
  breakdowns,
  domainStacks,
  heatmapRows,
  timeSeries,
} from '../../../src/ui/reports/sections';
import { visitContent } from '../../support/visits';

const labels = catalogueLabels(DEFAULT_CATALOGUE, NO_CUSTOMISATION);
const week: Period = { kind: 'week', from: '2026-11-23', to: '2026-11-29' };
const rows = [
  {
    ...visitContent({ day: '2026-11-23', hour: 10, note: 'Brief van de gemeente' }),
    id: 'a',
    rev: 1,
  },
  { ...visitContent({ day: '2026-11-24', hour: 14 }), id: 'b', rev: 1 },
  { ...visitContent({ day: '2026-11-16', hour: 14 }), id: 'c', rev: 1 },
  { ...visitContent({ day: '2026-11-17', hour: 14 }), id: 'd', rev: 1 },
  { ...visitContent({ day: '2026-11-18', hour: 14 }), id: 'e', rev: 1 },
];
const reports = {
  period: week,
  previousPeriod: previousPeriod(week),
  lastYearPeriod: samePeriodLastYear(week),
  current: aggregate(rows, week),
  previous: aggregate(rows, previousPeriod(week)),
  lastYear: aggregate(rows, samePeriodLastYear(week)),
};

describe('sections', () => {
  test('a breakdown charts the answers given, and its table holds the same numbers', () => {
    const topic = breakdowns(reports.current, labels).find((part) => part.key === 'byTopic');
    expect(topic?.bars).toEqual([{ label: 'DigiD', value: 2 }]);
    expect(topic?.table.rows).toEqual([['DigiD', '2', '100,0']]);
  });

  test('the chart and its table list the answers in one order: largest first', () => {
    const asked = (organisations: string[], id: string) => ({
      ...visitContent({
        questions: [{ domain: 'digitale-overheid', topic: 'toeslagen', organisations, help: [] }],
      }),
      id,
      rev: 1,
    });
    // Belastingdienst comes before Gemeente in the list, but was answered less often.
    const report = aggregate(
      [asked(['belastingdienst'], 'x'), asked(['gemeente'], 'y'), asked(['gemeente'], 'z')],
      week,
    );
    const part = breakdowns(report, labels).find((each) => each.key === 'byOrganisation');
    const names = ['Gemeente', 'Belastingdienst (ook Toeslagen)'];
    expect(part?.bars.map((bar) => bar.label)).toEqual(names);
    expect(part?.table.rows.map((row) => row[0])).toEqual(names);
  });

  test('how long it took keeps its own order, shorter to longer, whatever the counts', () => {
    const lasting = (duration: string, id: string) => ({
      ...visitContent({ duration }),
      id,
      rev: 1,
    });
    const report = aggregate(
      [lasting('tot-15', 'p'), lasting('30-60', 'q'), lasting('30-60', 'r')],
      week,
    );
    const part = breakdowns(report, labels).find((each) => each.key === 'byDuration');
    const names = ['Korter dan 15 minuten', '30 minuten tot 1 uur'];
    expect(part?.bars.map((bar) => bar.label)).toEqual(names);
    expect(part?.table.rows.map((row) => row[0])).toEqual(names);
  });

  test('a week is a series per day, zeros included; a day is one per hour', () => {
    const series = timeSeries(reports.current, week);
    expect(series.points.map((point) => point.value)).toEqual([1, 1, 0, 0, 0, 0, 0]);
    const day = timeSeries(reports.current, { kind: 'day', from: '2026-11-23', to: '2026-11-23' });
    expect(day.kind).toBe('hours');
  });

  test('kinds of question per period, and the heatmap cut to its hours', () => {
    const { stacks, table } = domainStacks(reports, labels);
    expect(stacks.map((stack) => stack.parts[0])).toEqual([2, 3, 0]);
    expect(table.rows[0]).toEqual(['Digitale overheid', '2', '3', '0']);
    expect(table.rows.at(-1)).toEqual(['Totaal', '2', '3', '0']);
    expect(heatmapHours(reports.current.heatmap)).toEqual([9, 10, 11, 12, 13, 14, 15, 16]);
    expect(heatmapRows(reports.current).header).toEqual([
      'Dag',
      '9–10 uur',
      '10–11 uur',
      '11–12 uur',
      '12–13 uur',
      '13–14 uur',
      '14–15 uur',
      '15–16 uur',
      '16–17 uur',
    ]);
  });
});

describe('exports', () => {
  test("the summary CSV is for Dutch Excel and has each period's own counts, no signed difference", async () => {
    const bytes = new Uint8Array(await csvBlob(summaryTable(reports, labels, {})).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain('Onderdeel;Antwoord;Aantal;Aandeel (%)\r\n');
    expect(csv).toMatch(/Periode ervoor: week 47, 2026 \(16–22 november 2026\);Bezoeken;3;/);
    expect(csv).not.toMatch(/;'?[-+−]\d/);
  });

  test('hiding small counts writes "<5" and leaves the share out', () => {
    const table = summaryTable(reports, labels, { suppress: true });
    expect(table.rows).toContainEqual(['Onderwerp', 'DigiD', '<5', '']);
  });

  test('rows are one per question and never hold the note', () => {
    const table = rowsTable(rows.slice(0, 2), labels);
    expect(table.rows).toHaveLength(2);
    expect(JSON.stringify(table)).not.toContain('Brief van de gemeente');
    expect(fileName('rows', week, 'xlsx')).toBe('balie-vragen-2026-11-23-tot-2026-11-29.xlsx');
  });
});

describe('periods in the address and in words', () => {
  test('round trip, and a bad address falls back to this week', () => {
    expect(periodFromQuery({ periode: 'maand', dag: '2026-11-10' }, '2026-12-01')).toEqual({
      kind: 'month',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    const range: Period = { kind: 'range', from: '2026-01-05', to: '2026-01-09' };
    const query = Object.fromEntries(new URLSearchParams(periodHref(range).split('?')[1]));
    expect(periodFromQuery(query, '2026-12-01')).toEqual(range);
    expect(
      periodFromQuery({ periode: 'anders', van: '2026-02-30', tot: 'x' }, '2026-12-01').kind,
    ).toBe('week');
    expect(nextPeriod(range)).toEqual({ kind: 'range', from: '2026-01-10', to: '2026-01-14' });
  });

  test('Dutch words and a real minus sign', () => {
    expect(formatPeriod({ kind: 'quarter', from: '2026-10-01', to: '2026-12-31' })).toBe(
      '4e kwartaal 2026',
    );
    expect(formatPeriod({ kind: 'month', from: '2026-11-01', to: '2026-11-30' })).toBe(
      'november 2026',
    );
    // A week's days as one range: the month written once, in full. (Spaces compared as spaces:
    // Intl puts thin ones around the dash between two months, and another ICU may not.)
    const weekLabel = (from: string, to: string) =>
      formatPeriod({ kind: 'week', from, to }).replace(/\s/g, ' ');
    expect(weekLabel('2026-11-23', '2026-11-29')).toBe('week 48, 2026 (23–29 november 2026)');
    expect(weekLabel('2026-11-30', '2026-12-06')).toBe(
      'week 49, 2026 (30 november – 6 december 2026)',
    );
    expect(weekLabel('2025-12-29', '2026-01-04')).toBe(
      'week 1, 2026 (29 december 2025 – 4 januari 2026)',
    );
    expect(formatDifference(-1234)).toBe('−1.234');
    expect(formatDifference(4)).toBe('+4');
  });
});
