// The organisation from the command line, for the first manager, scripts and recovery:
//   npm run admin -- manager add NAME            (prints a generated password as its last line)
//   npm run admin -- manager password NAME       (a new generated password, last line)
//   npm run admin -- manager list
//   npm run admin -- location add NAME --gemeente GEMEENTE [--kind KIND]   (prints the id last)
//   npm run admin -- location list               (one `id<TAB>name` line each)

import { openConfiguredStore, readConfig } from './config';
import { LOCATION_KINDS, type LocationKind } from './org-types';
import { generatePassword, hashPassword } from './secrets';

const [subject, command, ...rest] = process.argv.slice(2);
const config = readConfig();
const store = await openConfiguredStore(config);
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
  npm run admin -- location add NAAM --gemeente GEMEENTE [--kind ${LOCATION_KINDS.join('|')}] | location list`;

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
