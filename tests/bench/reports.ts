// The organisation report on the endpoint over 1,000,000 questions (three years, ten
// locations), generated straight into the report tables of a real endpoint database, asked
// over HTTP with a manager token; next to the bare SQL GROUP BY on the same table, same run.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startServer } from '../../server/app';
import { openBenchStore } from './store';
import { median, number, type Row } from './table';

/** Even (visits have 1 or 3 questions); BENCH_REPORT_QUESTIONS=100000 for a quick look. */
const QUESTIONS = Number(process.env.BENCH_REPORT_QUESTIONS ?? 1_000_000);
const LOCATIONS = 10;
const FROM = '2024-01-01';
const TO = '2026-12-31';
const RUNS = 3;

const DOMAINS = ['digitale-overheid', 'geld', 'zorg', 'werk', 'wonen'];
const TOPICS = ['digid', 'toeslagen', 'belastingaangifte', 'zorgverzekering', 'uitkering', 'huur'];
const ORGANISATIONS = ['gemeente', 'belastingdienst', 'svb', 'uwv', 'duo', 'cak'];
const HELP = ['uitleg', 'samen-gedaan', 'doorverwezen', 'zelf-gedaan'];

/** A random one of `values`, in SQL. */
const pickFrom = (values: readonly string[]) =>
  `json_extract('${JSON.stringify(values)}', '$[' || (abs(random()) % ${values.length}) || ']')`;

/**
 * Writes `QUESTIONS / 2` visits (1 or 3 questions each) in SQL, the way ingest would leave the
 * tables the unfiltered report reads: the visits, and the day counts summed from them and their
 * answers (the answers themselves go to a scratch table: only a filtered report reads them).
 * Returns the number of visits.
 */
function generate(file: string, organisationId: string, locations: readonly string[]): number {
  const visits = QUESTIONS / 2;
  const days = Math.round((Date.parse(TO) - Date.parse(FROM)) / 86_400_000) + 1;
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const org = `'${organisationId}'`;
  const answers = (kind: string, values: string, where = 'TRUE') => `
    INSERT INTO bench_answers (visit_id, question_no, kind, value, organisation_id, day, location_id)
    SELECT v.visit_id, q.no, '${kind}', ${values}, v.organisation_id, v.day, v.location_id
    FROM report_visits v JOIN bench_questions q ON q.no <= 1 + 2 * (CAST(substr(v.visit_id, 2) AS INTEGER) % 2) WHERE ${where};`;
  db.transaction(() => {
    db.exec(`
      CREATE TEMP TABLE bench_questions (no INTEGER PRIMARY KEY);
      CREATE TEMP TABLE bench_answers (visit_id, question_no, kind, value, organisation_id, day, location_id);
      INSERT INTO bench_questions VALUES (1), (2), (3);
      WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${visits - 1})
      INSERT INTO report_visits (visit_id, organisation_id, rev, deleted, day, weekday, hour, location_id, channel, duration)
      SELECT printf('v%08d', i), ${org}, 1, 0, day, ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) + 1,
        9 + abs(random()) % 9, ${pickFrom(locations)}, ${pickFrom(['balie', 'telefoon', 'afspraak'])},
        ${pickFrom(['tot-15', '15-30', '30-60'])}
      FROM (SELECT i, date('${FROM}', '+' || (abs(random()) % ${days}) || ' days') AS day FROM seq);
      ${answers('domain', pickFrom(DOMAINS))}
      ${answers('topic', pickFrom(TOPICS))}
      ${answers('organisation', pickFrom(ORGANISATIONS.slice(0, 3)))}
      ${answers('organisation', pickFrom(ORGANISATIONS.slice(3)), 'abs(random()) % 10 < 3')}
      ${answers('help', pickFrom(HELP))}
      ${answers('digid', pickFrom(['aanvragen', 'activeren']), 'abs(random()) % 10 < 2')}
      ${answers('referral_kind', "'formulierenhulp'", 'abs(random()) % 10 < 2')}
      INSERT INTO bench_answers (visit_id, question_no, kind, value, organisation_id, day, location_id)
      SELECT visit_id, question_no, 'referral_warmth', ${pickFrom(['warm', 'koud'])}, organisation_id, day, location_id
      FROM bench_answers WHERE kind = 'referral_kind';
      INSERT INTO bench_answers (visit_id, question_no, kind, value, organisation_id, day, location_id)
      SELECT visit_id, 0, 'need', ${pickFrom(['meekijken', 'overheidstaal', 'apparaat'])}, organisation_id, day, location_id
      FROM report_visits WHERE abs(random()) % 10 < 4;
      INSERT INTO report_counts (organisation_id, day, location_id, kind, value, n)
      SELECT organisation_id, day, location_id, kind, value, COUNT(*) FROM (
        SELECT organisation_id, day, location_id, 'visits' AS kind, '' AS value FROM report_visits
        UNION ALL SELECT organisation_id, day, location_id, 'channel', channel FROM report_visits
        UNION ALL SELECT organisation_id, day, location_id, 'duration', duration FROM report_visits
        UNION ALL SELECT organisation_id, day, location_id, 'hour', weekday || '-' || hour FROM report_visits
        UNION ALL SELECT organisation_id, day, location_id, kind, value FROM bench_answers
      ) GROUP BY organisation_id, day, location_id, kind, value;
    `);
  })();
  db.close();
  return visits;
}

export async function measureReports(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'balie-bench-reports-'));
  const file = join(dir, 'endpoint.sqlite');
  const store = await openBenchStore(file);
  const organisationId = (await store.org.organisation()).id;
  const locations: string[] = [];
  for (let i = 0; i < LOCATIONS; i++) {
    const made = await store.org.addLocation(organisationId, {
      name: `Vestiging ${i + 1}`,
      gemeente: `Gemeente ${1 + (i % 4)}`,
      kind: 'vaste-balie',
      hours: '',
      staffing: '',
    });
    if (made === 'taken') throw new Error('taken');
    locations.push(made.id);
  }
  const { token } = await store.createDevice('bench', 'manager', locations[0] ?? null);
  await store.close();
  const generating = performance.now();
  const visits = generate(file, organisationId, locations);
  const generateSeconds = (performance.now() - generating) / 1000;

  const server = await startServer({ store: await openBenchStore(file) });
  const endpoint: number[] = [];
  let reported = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const response = await fetch(`${server.url}/api/reports?from=${FROM}&to=${TO}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { questions: number; visits: number };
    endpoint.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`report answered ${response.status}`);
    reported = body.questions;
  }
  await server.close();
  if (reported !== QUESTIONS) throw new Error(`expected ${QUESTIONS} questions, got ${reported}`);

  const raw = new Database(file, { readonly: true });
  const bare = raw.prepare(
    `SELECT kind, value, SUM(n) AS n FROM report_counts
     WHERE organisation_id = ? AND day >= ? AND day <= ? GROUP BY kind, value`,
  );
  const baseline: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    bare.all(organisationId, FROM, TO);
    baseline.push(performance.now() - started);
  }
  raw.close();
  rmSync(dir, { recursive: true, force: true });

  const balie = median(endpoint);
  const sql = median(baseline);
  return [
    {
      measure: `Organisation report, ${number(QUESTIONS)} questions (${number(visits)} visits, 3 years, ${LOCATIONS} locations; generated in ${number(generateSeconds, 1)} s)`,
      balie: `median ${number(balie)} ms (GET /api/reports, ${RUNS} runs)`,
      baseline: `median ${number(sql)} ms bare SQL GROUP BY on report_counts`,
      figure: `${number(balie / sql, 2)}× bare`,
    },
  ];
}
