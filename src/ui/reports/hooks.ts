// The Overzicht's seam to data: the reports of a period and its two comparisons (read by
// index with progress), the period's visits for exports and the Bibliotheekmonitor helper,
// and the helper's check-offs. Views import these, never src/data.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { dayOf } from '../../core/day';
import type { Report } from '../../core/reports/aggregate';
import { catalogueLabels, type Labels } from '../../core/reports/labels';
import { type Period, previousPeriod, samePeriodLastYear } from '../../core/reports/period';
import { readCopied, saveCopied } from '../../data/copied-settings';
import { type ReadProgress, readLiveRows, readReports } from '../../data/report-reads';
import { useCatalogue, useLiveQuery, useNow, useServices } from '../hooks';
import type { ExportScope } from './exports';
import { text } from './text';

export type { LiveRow } from '../../core/reports/rows';
export type { ReadProgress } from '../../data/report-reads';

export interface PeriodReports {
  readonly period: Period;
  readonly previousPeriod: Period;
  readonly lastYearPeriod: Period;
  readonly current: Report;
  readonly previous: Report;
  readonly lastYear: Report;
}

export type ReportState =
  | { readonly status: 'reading'; readonly progress: ReadProgress | null }
  | { readonly status: 'ready'; readonly reports: PeriodReports }
  | { readonly status: 'failed' };

/** The period's report next to the period before and the same one last year. */
export function useReports(period: Period): ReportState {
  const { dexie } = useServices();
  const [state, setState] = useState<ReportState>({ status: 'reading', progress: null });
  useEffect(() => {
    let current = true;
    setState({ status: 'reading', progress: null });
    const previous = previousPeriod(period);
    const lastYear = samePeriodLastYear(period);
    dexie()
      .then((db) =>
        readReports(db, [period, previous, lastYear], (progress) => {
          if (current) setState({ status: 'reading', progress });
        }),
      )
      .then(
        ([now, before, yearAgo]) => {
          if (!current || !now || !before || !yearAgo) return;
          const reports = { current: now, previous: before, lastYear: yearAgo };
          setState({
            status: 'ready',
            reports: { period, previousPeriod: previous, lastYearPeriod: lastYear, ...reports },
          });
        },
        (error: unknown) => {
          console.error('report failed', error);
          if (current) setState({ status: 'failed' });
        },
      );
    return () => {
      current = false;
    };
  }, [dexie, period.from, period.to, period.kind]);
  return state;
}

/** Option labels from this branch's answer lists; the device's location id reads as its name. */
export function useLabels(): Labels | undefined {
  const catalogue = useCatalogue();
  const { device } = useServices();
  return useMemo(
    () =>
      catalogue
        ? catalogueLabels(
            catalogue.base,
            catalogue.custom,
            device.locationId ? { [device.locationId]: device.location } : {},
          )
        : undefined,
    [catalogue, device],
  );
}

export interface Desk {
  /** The location's name, as shown. */
  readonly location: string;
  /** What this device's visits record as their location: the id, and the name from before. */
  readonly recordedAs: readonly string[];
  readonly today: string;
}

/** This device's location and today's date, for headings, filtering and the period picker. */
export function useDesk(): Desk {
  const { device } = useServices();
  const recordedAs = device.locationId ? [device.locationId, device.location] : [device.location];
  return { location: device.location, recordedAs, today: dayOf(useNow(60_000)) };
}

/** This device's exports: its location, its registrations, and every question of a period. */
export function useDeskExport(): ExportScope {
  const { dexie } = useServices();
  const { location, today } = useDesk();
  return {
    location,
    source: text.sheets.scopeValue,
    today,
    readRows: async (period: Period) => readLiveRows(await dexie(), period),
  };
}

/** The period's live visits, kept current (for the Bibliotheekmonitor helper). */
export function usePeriodVisits(period: Period) {
  const { dexie } = useServices();
  return useLiveQuery(['visits'], async () => readLiveRows(await dexie(), period), [
    period.from,
    period.to,
  ]);
}

/** Which visits are checked as copied into the Bibliotheekmonitor, and a way to check one. */
export function useCopied() {
  const { today } = useDesk();
  const [copied, setCopied] = useState<Readonly<Record<string, string>> | undefined>(undefined);
  useEffect(() => {
    void readCopied().then(setCopied);
  }, []);
  async function mark(id: string, day: string, done: boolean): Promise<void> {
    await saveCopied(id, day, done, today);
    setCopied(await readCopied());
  }
  return { copied, mark };
}
