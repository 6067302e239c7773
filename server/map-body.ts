// What the endpoint publishes as the sociale kaart: never the uploaded text, but Balie's own
// HSDS writing of the partners the app's import accepted. Unknown fields, padding and links
// other than http(s) websites and plain e-mail addresses never reach a reader.

import { exportHsdsJson, importHsdsJson } from '../src/core/hsds/json';
import type { ImportIssue } from '../src/core/partners/issues';
// The endpoint answers in the same Dutch the import screen uses (a pure phrasing file).
import { columnOf, describeIssue, describePlace } from '../src/ui/partners/issue-text';
import { sha256 } from './secrets';

export type MapCheck =
  | { readonly ok: true; readonly body: string; readonly partners: number }
  | { readonly ok: false; readonly error: string };

/** Fields whose dropped value is a link: a map holding one is refused, not quietly cleaned. */
const LINK_FIELDS = new Set(['website', 'email']);

/**
 * Checks an uploaded map and writes it again. `refuseDroppedLinks` is off only for maps stored
 * before this check existed: those are cleaned (the bad link left out) rather than lost.
 */
export function checkMap(text: string, refuseDroppedLinks = true): MapCheck {
  const result = importHsdsJson(text);
  if (!result.ok) return { ok: false, error: refusal(result.errors) };
  // The import drops such a value with a warning; here the whole map is refused.
  const links = result.warnings.filter(
    (issue) => issue.code === 'value-dropped' && LINK_FIELDS.has(issue.field),
  );
  if (refuseDroppedLinks && links.length > 0) {
    const named = links
      .slice(0, 5)
      .map((issue) =>
        issue.code === 'value-dropped'
          ? `${describePlace(issue.place)}, kolom ${columnOf(issue)}: '${issue.value}'.`
          : '',
      )
      .join(' ');
    return {
      ok: false,
      error: `De kaart is niet opgeslagen. ${named} Op de kaart mogen alleen webadressen die beginnen met http:// of https:// en gewone e-mailadressen staan.`,
    };
  }
  return { ok: true, body: exportHsdsJson(result.partners), partners: result.partners.length };
}

function refusal(issues: readonly ImportIssue[]): string {
  const first = issues.slice(0, 5).map(describeIssue).join(' ');
  const more = issues.length > 5 ? ` En nog ${issues.length - 5} fouten.` : '';
  return `De kaart is niet opgeslagen. ${first}${more}`;
}

/** A map's strong validator: the hash of its body, quoted as HTTP wants it. */
export function etagFor(body: string): string {
  return `"${sha256(body).slice(0, 32)}"`;
}
