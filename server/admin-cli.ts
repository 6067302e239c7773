// The organisation from the command line, for the first manager, scripts and recovery:
//   npm run admin -- manager add NAME            (prints a generated password as its last line)
//   npm run admin -- manager password NAME       (a new generated password, last line)
//   npm run admin -- manager list
//   npm run admin -- location add NAME --gemeente GEMEENTE [--kind KIND]   (prints the id last)
//   npm run admin -- location list               (one `id<TAB>name` line each)
//   npm run admin -- migrate-to-postgres         (BALIE_DATA_DIR's SQLite file into DATABASE_URL)
//   npm run admin -- backup FILE                 (SQLite's online backup; see docs/deploy.md)

import { describeDatabase, openConfiguredStore, readConfig } from './config';
import { LOCATION_KINDS, type LocationKind } from './org-types';
import { copySqliteToPg } from './pg-copy';
import { openPgSql } from './pg-sql';
import { generatePassword, hashPassword } from './secrets';
import { backupSqlite } from './store';

const [subject, command, ...rest] = process.argv.slice(2);
const config = readConfig();
const ACTOR = '(opdrachtregel)';

function option(name: string): string | undefined {
  const index = rest.indexOf(`--${name}`);
  return index >= 0 ? rest[index + 1] : undefined;
}

/** The first word after the command that is not an option or an option's value. */
function argument(): string | undefined {
  for (let i = 0; i < rest.length; i++) {
    if (rest[i]?.startsWith('--')) i++;
    else return rest[i];
  }
  return undefined;
}

const USAGE = `Gebruik:
  npm run admin -- manager add NAAM | manager password NAAM | manager list
  npm run admin -- location add NAAM --gemeente GEMEENTE [--kind ${LOCATION_KINDS.join('|')}] | location list
  npm run admin -- migrate-to-postgres | backup BESTAND`;

if (subject === 'migrate-to-postgres') await moveToPostgres();
else if (subject === 'backup') await backup(command);
else await organisationCommand();

async function moveToPostgres(): Promise<void> {
  if (!config.databaseUrl) {
    console.error(
      'Zet DATABASE_URL op de lege PostgreSQL-database: DATABASE_URL=postgres://… npm run admin -- migrate-to-postgres',
    );
    process.exitCode = 1;
    return;
  }
  const pg = openPgSql(config.databaseUrl);
  try {
    console.log(`Kopiëren van ${config.databaseFile} naar ${describeDatabase(config)} …`);
    const checks = await copySqliteToPg(config.databaseFile, pg);
    for (const check of checks) {
      console.log(
        `${check.table.padEnd(16)} ${String(check.rows).padStart(9)} rijen  ${check.checksum.slice(0, 16)}`,
      );
    }
    console.log(
      'Klaar: elke tabel heeft in PostgreSQL dezelfde rijen als in SQLite (aantal en controlegetal).',
    );
    console.log('Start Balie voortaan met DATABASE_URL. Het SQLite-bestand is niet veranderd.');
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  } finally {
    await pg.close();
  }
}

async function backup(target: string | undefined): Promise<void> {
  if (config.databaseUrl) {
    console.error('Met PostgreSQL maakt u een back-up met pg_dump; zie docs/deploy.md.');
    process.exitCode = 1;
    return;
  }
  if (!target) {
    console.error('Geef het bestand voor de back-up: npm run admin -- backup /pad/balie.sqlite');
    process.exitCode = 1;
    return;
  }
  try {
    await backupSqlite(config.databaseFile, target);
    console.log(`Back-up gemaakt: ${target}`);
  } catch (error) {
    console.error(`De back-up is niet gelukt: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}

async function organisationCommand(): Promise<void> {
  const store = await openConfiguredStore(config);
  try {
    const organisation = await store.org.organisation();
    switch (`${subject} ${command}`) {
      case 'manager add': {
        const name = argument()?.trim();
        if (!name) throw new Error('Geef een naam: npm run admin -- manager add NAAM');
        const password = generatePassword();
        const made = await store.managers.add(organisation.id, name, await hashPassword(password));
        if (made === 'taken') throw new Error(`Er is al een beheerder met de naam "${name}".`);
        console.log(`Beheerder "${name}" aangemaakt voor ${organisation.name}.`);
        console.log('Bewaar dit wachtwoord nu: het wordt niet nog eens getoond.');
        console.log(password);
        break;
      }
      case 'manager password': {
        const name = argument()?.trim() ?? '';
        const manager = await store.managers.withHash(name);
        if (!manager) throw new Error(`Geen beheerder gevonden met de naam "${name}".`);
        const password = generatePassword();
        await store.managers.setPassword(manager.id, await hashPassword(password));
        await store.org.audit(manager.organisation_id, ACTOR, 'password.changed', {
          manager: manager.name,
        });
        console.log(`Nieuw wachtwoord voor "${manager.name}". Bewaar het nu:`);
        console.log(password);
        break;
      }
      case 'manager list': {
        for (const manager of await store.managers.list(organisation.id)) console.log(manager.name);
        break;
      }
      case 'location add': {
        const name = argument()?.trim();
        const gemeente = option('gemeente')?.trim();
        const kind = option('kind') ?? 'vaste-balie';
        if (!name || !gemeente) {
          throw new Error('Geef een naam en een gemeente: location add NAAM --gemeente GEMEENTE');
        }
        if (!(LOCATION_KINDS as readonly string[]).includes(kind)) {
          throw new Error(`Onbekende soort "${kind}". Kies ${LOCATION_KINDS.join(', ')}.`);
        }
        const location = await store.org.addLocation(organisation.id, {
          name,
          gemeente,
          kind: kind as LocationKind,
          hours: '',
          staffing: '',
        });
        if (location === 'taken') throw new Error(`Er is al een locatie met de naam "${name}".`);
        await store.org.audit(organisation.id, ACTOR, 'location.created', {
          locationId: location.id,
          name,
          gemeente,
          kind,
        });
        console.log(`Locatie "${name}" (${gemeente}) aangemaakt.`);
        console.log(location.id);
        break;
      }
      case 'location list': {
        for (const location of await store.org.locations(organisation.id)) {
          console.log(`${location.id}\t${location.name}`);
        }
        break;
      }
      default:
        throw new Error(USAGE);
    }
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  } finally {
    await store.close();
  }
}
