// Turns schema problems into one short Dutch sentence a branch manager can act on.

import { nl } from 'zod/locales';
import * as z from 'zod/mini';

z.config(nl());

export const MAX_REASON_LENGTH = 1000;

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 5).map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return `${where}${issue.message}`;
  });
  const more = issues.length > 5 ? ` (en nog ${issues.length - 5} andere problemen)` : '';
  const reason = `Niet geldig: ${parts.join('; ')}${more}`;
  // A message can quote what was sent (an unknown key of any length); the app refuses a
  // reply whose reason exceeds 2000 characters (RecordResult), and then acks nothing.
  return reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH - 1)}…` : reason;
}
