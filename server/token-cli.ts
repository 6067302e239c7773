// Device tokens from the command line (for scripts and recovery; the usual way is a koppelcode):
//   npm run token -- create --label "Balie 1e etage" --location ID   (prints the token last)
//   npm run token -- create --label "Beheer" --location ID --role manager   (manager rights)
//   (--location may be left out while the organisation has exactly one location)
//   npm run token -- list
//   npm run token -- revoke <id or label>

import { openConfiguredStore, readConfig } from './config';
import { ROLES, type Role } from './device-store';

const [command, ...rest] = process.argv.slice(2);
const config = readConfig();
const store = await openConfiguredStore(config);

function option(name: string): string | undefined {
  const index = rest.indexOf(`--${name}`);
  return index >= 0 ? rest[index + 1] : undefined;
}

try {
  switch (command) {
    case 'create': {
      const label = option('label');
      if (!label) throw new Error('Geef een naam: npm run token -- create --label "Balie 1"');
      const role = option('role') ?? 'desk';
      if (!(ROLES as readonly string[]).includes(role)) {
        throw new Error(`Onbekende rol "${role}". Kies ${ROLES.join(' of ')}.`);
      }
      const organisation = await store.org.organisation();
      const open = await store.org.locations(organisation.id, true);
      const asked = option('location');
      const location = asked
        ? await store.org.location(organisation.id, asked)
        : open.length === 1
          ? open[0]
          : undefined;
      if (!location?.active) {
        throw new Error(
          asked
            ? `Geen open locatie met id "${asked}". Zie npm run admin -- location list`
            : open.length === 0
              ? 'Maak eerst een locatie: npm run admin -- location add NAAM --gemeente GEMEENTE'
              : 'Kies een locatie: --location ID (zie npm run admin -- location list)',
        );
      }
      const { device, token } = await store.createDevice(label, role as Role, location.id);
      await store.org.audit(organisation.id, '(opdrachtregel)', 'device.linked', {
        deviceId: device.id,
        label: device.label,
        role: device.role,
        locationId: location.id,
      });
      console.log(
        `Apparaat "${device.label}" aangemaakt als ${device.role} bij ${location.name} (id ${device.id}).`,
      );
      console.log('Bewaar dit token nu: het wordt niet nog eens getoond.');
      console.log(token);
      break;
    }
    case 'list': {
      for (const device of await store.listDevices()) {
        const state = device.revoked_at ? `ingetrokken ${device.revoked_at}` : 'actief';
        console.log(
          `${device.id}  ${device.created_at}  ${device.role.padEnd(7)}  ${state}  ${device.label}`,
        );
      }
      break;
    }
    case 'revoke': {
      const target = rest[0];
      if (!target) throw new Error('Zeg welk apparaat: npm run token -- revoke <id of naam>');
      const count = await store.revokeDevice(target);
      if (count === 0) throw new Error(`Geen actief apparaat gevonden met id of naam "${target}".`);
      console.log(`${count} apparaat ingetrokken.`);
      break;
    }
    default:
      throw new Error(
        'Gebruik: npm run token -- create --label NAAM --location ID [--role desk|manager] | list | revoke ID',
      );
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await store.close();
}
