// Turns schema problems into one short Dutch sentence a branch manager can act on.

import { nl } from 'zod/locales';
import * as z from 'zod/mini';

z.config(nl());

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 5).map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return `${where}${issue.message}`;
  });
  const more = issues.length > 5 ? ` (en nog ${issues.length - 5} andere problemen)` : '';
  return `Niet geldig: ${parts.join('; ')}${more}`;
}
