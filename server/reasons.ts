// Turns schema problems into one short Dutch sentence a branch manager can act on. The
// shared schemas report their own checks as codes (SCHEMA_CODES); this is where the endpoint
// phrases them. zod's own messages come in Dutch from its locale.

import { nl } from 'zod/locales';
import * as z from 'zod/mini';
import { SCHEMA_CODES } from '../src/core/registration/schema';

z.config(nl());

export const UNSAFE_CHARACTERS_MESSAGE =
  'De tekst bevat onzichtbare tekens die hier niet mogen (een stuurteken, of een teken dat de leesrichting omdraait). Typ de tekst opnieuw in plaats van hem te plakken.';

const PHRASES: Record<string, string> = {
  [SCHEMA_CODES.unsafeCharacters]: UNSAFE_CHARACTERS_MESSAGE,
  [SCHEMA_CODES.identifyingData]: 'De notitie bevat gegevens die een bezoeker herkenbaar maken.',
};

export const MAX_REASON_LENGTH = 1000;

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 5).map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return `${where}${PHRASES[issue.message] ?? issue.message}`;
  });
  const more = issues.length > 5 ? ` (en nog ${issues.length - 5} andere problemen)` : '';
  const reason = `Niet geldig: ${parts.join('; ')}${more}`;
  // A message can quote what was sent (an unknown key of any length); the app refuses a
  // reply whose reason exceeds 2000 characters (RecordResult), and then acks nothing.
  return reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH - 1)}…` : reason;
}
