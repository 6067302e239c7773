import type {
  ImportIssue,
  IssueDetail,
  IssuePlace,
  PartnerField,
} from '../../core/partners/issues';
/** Each field as the spreadsheet heads its column: "Rij 7, kolom Website". */
export declare const FIELD_LABELS: Readonly<Record<PartnerField, string>>;
/** "Rij 7, kolom Website: 'www' is geen geldig webadres." */
export declare function describeIssue(issue: ImportIssue): string;
/** "Rij 4", "services.csv, rij 3 (Buurtteam)", "Dienst 2 (Buurtteam)", "Bestand". */
export declare function describePlace(place: IssuePlace): string;
/** The column to name before the sentence, when the sentence does not name it itself. */
export declare function columnOf(issue: IssueDetail): string | undefined;
/** The sentence alone, starting with a capital: for a form field or a list. */
export declare function describeDetail(
  detail: IssueDetail & {
    readonly place?: IssuePlace;
  },
): string;
