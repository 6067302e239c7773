// Unit tests run in the desks' own time zone, so opening hours and report days meet real clock
// changes. Fails every test file at once when the zone was not applied (a bare UTC run).

const ZONE = 'Europe/Amsterdam';
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const winter = new Date(2025, 0, 15).getTimezoneOffset();
const summer = new Date(2025, 6, 15).getTimezoneOffset();

if (zone !== ZONE || winter === summer) {
  throw new Error(
    `Unit tests must run in ${ZONE} with summer time, but run in ${zone} ` +
      `(UTC offset January ${-winter} min, July ${-summer} min). Set TZ=${ZONE}.`,
  );
}
