// What the endpoint publishes as the sociale kaart: never the uploaded text, but Balie's own
// HSDS writing of the partners the app's import accepted. Unknown fields, padding and links
// other than http(s) websites and plain e-mail addresses never reach a reader.

import { exportHsdsJson, importHsdsJson } from '../src/core/hsds-json';
import { describeIssue, type ImportIssue } from '../src/core/partner-import';

export type MapCheck =
  | { readonly ok: true; readonly body: string; readonly partners: number }
  | { readonly ok: false; readonly error: string };

/** Columns whose dropped value is a link: a map holding one is refused, not quietly cleaned. */
const LINK_COLUMNS = new Set(['Website', 'E-mail']);

/**
 * Checks an uploaded map and writes it again. `refuseDroppedLinks` is off only for maps stored
 * before this check existed: those are cleaned (the bad link left out) rather than lost.
 */
export function checkMap(text: string, refuseDroppedLinks = true): MapCheck {
  const result = importHsdsJson(text);
  if (!result.ok) return { ok: false, error: refusal(result.errors) };
  const links = result.warnings
    .filter((issue) => LINK_COLUMNS.has(issue.column ?? ''))
    // The import drops such a value ("… en is weggelaten"); here the whole map is refused.
    .map((issue) => ({ ...issue, message: issue.message.replace(/ en is weggelaten\.$/, '.') }));
  if (refuseDroppedLinks && links.length > 0) {
    return {
      ok: false,
      error: `${refusal(links)} Op de kaart mogen alleen webadressen die beginnen met http:// of https:// en gewone e-mailadressen staan.`,
    };
  }
  return { ok: true, body: exportHsdsJson(result.partners), partners: result.partners.length };
}

function refusal(issues: readonly ImportIssue[]): string {
  const first = issues.slice(0, 5).map(describeIssue).join(' ');
  const more = issues.length > 5 ? ` En nog ${issues.length - 5} fouten.` : '';
  return `De kaart is niet opgeslagen. ${first}${more}`;
}
