// Beheer's seam to the endpoint: the manager's session (checked once, ended by any 401), hooks
// that load or change something through src/data/manager-api.ts, and the organisation's report
// with its copy kept for offline reading (src/data/report-keep.ts). Views import these.
// A failed change never clears a form: the view clears it only when the hook says it worked.

import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import { type OrgFilters, type OrgReport, reportQuery } from '../../core/reports/org-report';
import { type Period, previousPeriod, samePeriodLastYear } from '../../core/reports/period';
import { type ManagerApi, managerApi, type Problem, type Result } from '../../data/manager-api';
import {
  forgetKeptReports,
  type KeptOrgReport,
  keepReport,
  readKeptReport,
} from '../../data/report-keep';
import { useServices } from '../hooks';
import type { PeriodReports } from '../reports/hooks';

export type {
  AuditEntry,
  CatalogueChange,
  Koppelcode,
  Location,
  LocationFields,
  LocationKind,
  ManagedDevice,
  Organisation,
  OrgCatalogue,
  Problem,
  Result,
  Role,
  Session,
} from '../../data/manager-api';
export { LOCATION_KINDS, ROLES } from '../../data/manager-api';

import type { Session } from '../../data/manager-api';

type Request<T> = (api: ManagerApi) => Promise<Result<T>>;

export interface ManagerRoot {
  /** undefined while checking, null when signed out. */
  readonly session: Session | null | undefined;
  /** Set when the session could not be checked (no internet). */
  readonly problem: Problem | null;
  /** True once a session ended under an open screen (a 401 on a call). */
  readonly expired: boolean;
  check(): void;
  signIn(user: string, password: string): Promise<Problem | null>;
  signOut(): Promise<void>;
  expire(): void;
}

const Manager = createContext<ManagerRoot | null>(null);
export const ManagerProvider = Manager.Provider;

/** The session for the whole of Beheer; BeheerApp provides it to the screens. */
export function useManagerRoot(): ManagerRoot {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [expired, setExpired] = useState(false);
  const check = useCallback(() => {
    void managerApi.session().then((result) => {
      const signedOut = !result.ok && result.problem.kind === 'signed-out';
      if (result.ok || signedOut) setSession(result.ok ? result.value : null);
      setProblem(result.ok || signedOut ? null : result.problem);
    });
  }, []);
  useEffect(() => {
    check();
    window.addEventListener('online', check);
    return () => window.removeEventListener('online', check);
  }, [check]);
  return {
    session,
    problem,
    expired,
    check,
    async signIn(user, password) {
      const result = await managerApi.signIn(user, password);
      if (!result.ok) return result.problem;
      setSession(result.value);
      setExpired(false);
      return null;
    },
    async signOut() {
      await managerApi.signOut();
      await forgetKeptReports().catch((error: unknown) => console.error('forget failed', error));
      setSession(null);
      setExpired(false);
    },
    expire() {
      setExpired(true);
      setSession(null);
    },
  };
}

export function useManager(): ManagerRoot {
  const root = useContext(Manager);
  if (!root) throw new Error('useManager outside <ManagerProvider>');
  return root;
}

/** Runs one request; a 401 ends the session (the sign-in form shows over the open screen). */
export function useCall() {
  const { expire } = useManager();
  return useCallback(
    async <T>(request: Request<T>): Promise<Result<T>> => {
      const result = await request(managerApi);
      if (!result.ok && result.problem.kind === 'signed-out') expire();
      return result;
    },
    [expire],
  );
}

/** Loads something when the screen opens and on reload(). */
export function useLoad<T>(request: Request<T>, deps: readonly unknown[] = []) {
  const call = useCall();
  const [value, setValue] = useState<T | undefined>(undefined);
  const [etag, setEtag] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  const reload = useCallback(async () => {
    const result = await call(request);
    if (result.ok) {
      setValue(result.value);
      setEtag(result.etag);
      setProblem(null);
    } else setProblem(result.problem);
    return result;
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, etag, problem, reload, set: setValue };
}

/** One change at a time: busy while it runs, the problem when it failed. */
export function useAction() {
  const call = useCall();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = useCallback(
    async <T>(request: Request<T>): Promise<Result<T>> => {
      setBusy(true);
      setProblem(null);
      const result = await call(request);
      setBusy(false);
      if (!result.ok) setProblem(result.problem);
      return result;
    },
    [call],
  );
  return { busy, problem, run, setProblem };
}

/** The organisation's reports of a period and its two comparisons, as the endpoint counted them. */
export interface OrgReports extends PeriodReports {
  readonly current: OrgReport;
}

export interface OrgReportState {
  /** Fresh from the endpoint, or the copy kept on this device (then `fresh` is false). */
  readonly reports: OrgReports | undefined;
  readonly fetchedAt: number | undefined;
  readonly fresh: boolean;
  readonly loading: boolean;
  readonly problem: Problem | null;
  /** The question fetched last, when this one was never kept. */
  readonly latest: string | undefined;
  retry(): void;
}

/**
 * Asks the endpoint for the period, the one before and the same one last year (three small
 * requests). Shows the kept copy while asking; keeps every fresh answer; when offline or the
 * server fails, the kept copy stays with its date. Asks again when the connection returns.
 */
export function useOrgReport(period: Period, filters: OrgFilters): OrgReportState {
  const call = useCall();
  const { now } = useServices();
  const query = reportQuery(period, filters);
  const [tries, setTries] = useState(0);
  const retry = useCallback(() => setTries((count) => count + 1), []);
  const [state, setState] = useState<Omit<OrgReportState, 'retry'>>(LOADING);
  useEffect(() => {
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [retry]);
  useEffect(() => {
    let current = true;
    let answered = false;
    const periods = {
      period,
      previousPeriod: previousPeriod(period),
      lastYearPeriod: samePeriodLastYear(period),
    };
    const fromKept = (kept: KeptOrgReport) => ({
      ...periods,
      current: kept.current,
      previous: kept.previous,
      lastYear: kept.lastYear,
    });
    setState(LOADING);
    void readKeptReport(query).then(({ match }) => {
      if (!current || answered || !match) return;
      setState({ ...LOADING, reports: fromKept(match), fetchedAt: match.fetchedAt });
    });
    const ask = (of: Period) => call((api) => api.report(reportQuery(of, filters)));
    void Promise.all([
      ask(periods.period),
      ask(periods.previousPeriod),
      ask(periods.lastYearPeriod),
    ]).then(async ([asked, before, yearAgo]) => {
      if (!current) return;
      answered = true;
      if (asked.ok && before.ok && yearAgo.ok) {
        const kept = {
          query,
          fetchedAt: now(),
          current: asked.value,
          previous: before.value,
          lastYear: yearAgo.value,
        };
        setState({ ...IDLE, reports: fromKept(kept), fetchedAt: kept.fetchedAt, fresh: true });
        await keepReport(kept).catch((error: unknown) => console.error('keeping failed', error));
        return;
      }
      const problem = [asked, before, yearAgo].flatMap((result) =>
        result.ok ? [] : [result.problem],
      )[0];
      const { match, latest } = await readKeptReport(query);
      if (!current || !problem) return;
      // A refusal (a bad question, not allowed) is said as it is; the kept copy only stands in
      // for an answer that could not come.
      const standIn = problem.kind === 'offline' || problem.kind === 'server';
      setState({
        ...IDLE,
        problem,
        reports: standIn && match ? fromKept(match) : undefined,
        fetchedAt: standIn ? match?.fetchedAt : undefined,
        latest: standIn && latest && latest.query !== query ? latest.query : undefined,
      });
    });
    return () => {
      current = false;
    };
  }, [query, period.kind, tries]);
  return { ...state, retry };
}

const IDLE = {
  reports: undefined,
  fetchedAt: undefined,
  fresh: false,
  loading: false,
  problem: null,
  latest: undefined,
} as const;
const LOADING = { ...IDLE, loading: true } as const;
