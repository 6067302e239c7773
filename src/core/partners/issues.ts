// What an import or a check found, as a code with its parameters; the interface phrases it
// (src/ui/partners/issue-text.ts). Pure data, no sentences: a renamed column or a new language
// changes the words on screen, never what the core decides.

/** A partner's fields as a person fills them in: the address in its three parts. */
export type PartnerField =
  | 'id'
  | 'name'
  | 'organization'
  | 'description'
  | 'topics'
  | 'keywords'
  | 'street'
  | 'postcode'
  | 'city'
  | 'phone'
  | 'email'
  | 'website'
  | 'openingHours'
  | 'walkInHours'
  | 'languages'
  | 'targetGroups'
  | 'lastVerified'
  | 'hsds';

/** Where, as a person finds it: a sheet's row, a CSV file's row, the n-th HSDS record, the file. */
export type IssuePlace =
  | { readonly kind: 'file' }
  | { readonly kind: 'row'; readonly row: number }
  | {
      readonly kind: 'table-row';
      readonly file: string;
      readonly row: number;
      readonly name?: string;
    }
  | {
      readonly kind: 'record';
      readonly record: 'service' | 'organization' | 'location';
      readonly number: number;
      readonly name?: string;
    }
  | { readonly kind: 'item'; readonly number: number };

/** What is wrong with one value, whoever checks it (an import, the form, the last check). */
export type ValueProblem =
  | { readonly code: 'missing' }
  | { readonly code: 'too-long'; readonly max: number }
  | { readonly code: 'too-many'; readonly max: number }
  /** The value as a whole is not of its kind; `value` is the text, when there was one. */
  | { readonly code: 'invalid'; readonly value?: string };

/** Why hours typed as text could not be read as a table. */
export type HoursProblem =
  | { readonly code: 'date-invalid'; readonly text: string }
  | { readonly code: 'date-order'; readonly entry: string }
  | { readonly code: 'time-missing'; readonly entry: string }
  | { readonly code: 'day-missing' }
  | { readonly code: 'day-invalid'; readonly text: string }
  | { readonly code: 'time-invalid'; readonly text: string }
  | { readonly code: 'time-equal'; readonly text: string };

/** Why an HSDS schedule was taken over only in part. `parts` are RRULE field names. */
export type ScheduleProblem =
  | { readonly code: 'times-without-days' }
  | { readonly code: 'no-times' }
  | { readonly code: 'other-frequency'; readonly freq: string; readonly interval: number }
  | { readonly code: 'no-days' }
  | { readonly code: 'day-unreadable'; readonly day: string }
  | { readonly code: 'parts-ignored'; readonly parts: readonly string[] };

export type IssueDetail =
  // The file as a whole.
  | { readonly code: 'no-file' }
  | { readonly code: 'unknown-files' }
  | { readonly code: 'file-unreadable' }
  | { readonly code: 'json-invalid' }
  | { readonly code: 'zip-unreadable' }
  | { readonly code: 'hsds-tables-missing' }
  | { readonly code: 'no-partners' }
  | { readonly code: 'more-errors'; readonly count: number }
  | { readonly code: 'not-hsds-record' }
  // Rows and columns of a sheet or CSV table.
  | { readonly code: 'unclosed-quote' }
  | { readonly code: 'extra-cells'; readonly separator: ';' | ',' | '\t' }
  | { readonly code: 'column-count' }
  | { readonly code: 'column-unknown'; readonly header: string }
  | { readonly code: 'column-twice'; readonly header: string }
  | { readonly code: 'column-missing'; readonly field: PartnerField }
  // A partner.
  | { readonly code: 'duplicate-partner'; readonly firstPlace: IssuePlace }
  | { readonly code: 'service-defunct' }
  | { readonly code: 'value'; readonly field: PartnerField | null; readonly problem: ValueProblem }
  /** A value left out because it is not of its kind (a `javascript:` link, a bad e-mail). */
  | { readonly code: 'value-dropped'; readonly field: PartnerField; readonly value: string }
  | { readonly code: 'phone-zero-added'; readonly field: 'phone'; readonly phone: string }
  | {
      readonly code: 'hours-invalid';
      readonly field: 'openingHours' | 'walkInHours';
      readonly problem: HoursProblem;
    }
  /** Hours that are no table were kept as the text they were, so "nu open" never guesses. */
  | {
      readonly code: 'hours-as-text';
      readonly field: 'openingHours' | 'walkInHours';
      readonly text: string;
      /** What the reader stumbled on, for a form that asks to fix it instead. */
      readonly problem: HoursProblem;
    }
  | {
      readonly code: 'schedule-partial';
      readonly field: 'openingHours';
      readonly schedule?: string;
      readonly problem: ScheduleProblem;
    };

export type ImportIssue = IssueDetail & { readonly place: IssuePlace };

export const FILE: IssuePlace = { kind: 'file' };
