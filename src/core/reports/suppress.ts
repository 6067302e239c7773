// Cells for counts, with small counts hidden in exports shared outside the branch.
// Pure. A count of 1–4 reads "<5" when suppressing, and so does nothing that reveals it.

export const SMALL_COUNT = 5;

export interface CellOptions {
  /** Show counts of 1–4 as "<5" (and leave their share empty): for shared exports. */
  readonly suppress?: boolean;
}

export function isHidden(count: number, options: CellOptions): boolean {
  return options.suppress === true && count > 0 && count < SMALL_COUNT;
}

export function countCell(count: number, options: CellOptions = {}): string {
  return isHidden(count, options) ? `<${SMALL_COUNT}` : String(count);
}

/** A percentage with a Dutch decimal comma ("12,5"), empty when hidden or out of nothing. */
export function shareCell(count: number, total: number, options: CellOptions = {}): string {
  if (total === 0 || isHidden(count, options)) return '';
  return ((count / total) * 100).toFixed(1).replace('.', ',');
}
