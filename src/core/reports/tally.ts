// Counts per key (an option id, a day, a week), as the report's breakdowns hold them.
// Pure. A Map while counting, so any id is a safe key; a plain sorted object at the end.

export type Counts = Readonly<Record<string, number>>;

export class Tally {
  readonly #counts = new Map<string, number>();

  add(key: string): void {
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
  }

  /** Each distinct key once: "a question naming two organisations counts once under each". */
  addEach(keys: Iterable<string>): void {
    for (const key of new Set(keys)) this.add(key);
  }

  /** Keys in code-point order, so the device and the endpoint give the same JSON. */
  toCounts(): Counts {
    const keys = [...this.#counts.keys()].sort();
    return Object.fromEntries(keys.map((key) => [key, this.#counts.get(key) ?? 0]));
  }
}

/** The counts for `keys` in order, 0 where absent: a time series over `daysOf(period)`. */
export function seriesOf(counts: Counts, keys: readonly string[]): number[] {
  return keys.map((key) => (Object.hasOwn(counts, key) ? (counts[key] ?? 0) : 0));
}
