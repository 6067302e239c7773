import { type OpeningStatus } from '../../core/partners/hours';
export declare function describeOpening(status: OpeningStatus, moment: number): string;
/** Hours kept as the source's text: "Openingstijden: zie website". */
export declare function describeHoursText(note: string): string;
