// The time check of `npm run fuzz`: a run must cost time linear in its input.
// Each run is compared with the other runs of the same kind in the same fuzz
// run (same format and command), per byte and per record, so the check
// follows the load of the machine instead of a fixed budget.

/** What the check needs to know of one run. */
export interface TimedRun {
  index: number;
  format: string;
  /** The command line (its first word and `--no-default-lexicon` pick the group). */
  argv: readonly string[];
  /** Bytes the time is compared to (an XLSX file's inflated parts). */
  size: number;
  /** Records of a data file, when known. */
  records: number | undefined;
  ms: number;
  code: number | 'timeout';
}

export interface SlowRun<T extends TimedRun> {
  result: T;
  /** The time the run should have stayed under, in ms. */
  limit: number;
  /** What the run was compared by: its bytes, and its records when it has many. */
  by: 'bytes' | 'bytes and records';
}

/** Files under this size give the group's fixed cost of a run. */
export const SMALL_BYTES = 16_384;
/** Files from this size on give the group's time per byte. */
export const LARGE_BYTES = 65_536;
/** Files with this many records on give the group's time per record. */
export const MANY_RECORDS = 1000;
/** Added to every limit: a hiccup of the machine is not a slow run. */
export const SLACK_MS = 2000;

const MB = 1024 * 1024;

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export const groupOf = (r: TimedRun): string => `${r.format} ${r.argv[0]}${r.argv.includes('--no-default-lexicon') ? '' : ' (default lexicons)'}`;

/**
 * Runs much slower than the others of their group, beyond the fixed cost of a
 * run. With `base` the median time of the group's small files and `rate` the
 * median time per unit (MB, or record) of its large ones (of every large
 * file of the run when the group has fewer than 5), a limit is
 * `base + factor × rate × units + SLACK_MS`. A run is slow when it is over
 * its limit per MB (at least 1/16 MB) and, for a file of `MANY_RECORDS`
 * records or more, over its limit per record too: a file of many short
 * records costs more per byte, a file of a few long ones more per record,
 * and neither is slow; time that grows faster than the input passes both.
 */
export function slowRuns<T extends TimedRun>(results: readonly T[], factor: number): Array<SlowRun<T>> {
  const done = results.filter((r) => r.code !== 'timeout');
  const groups = new Map<string, T[]>();
  for (const r of done) groups.set(groupOf(r), [...(groups.get(groupOf(r)) ?? []), r]);
  const base = new Map<string, number>();
  for (const [g, rs] of groups) base.set(g, median(rs.filter((r) => r.size < SMALL_BYTES).map((r) => r.ms)) || 0);
  const extra = (r: T): number => Math.max(0, r.ms - base.get(groupOf(r))!);

  /** The limit of each run by one unit, or undefined when the unit does not apply to it. */
  const limits = (large: (r: T) => boolean, units: (r: T) => number | undefined, fallback: number): Map<T, number> => {
    const compared = done.filter(large);
    const rateOf = (r: T): number => extra(r) / units(r)!;
    const globalRate = median(compared.map(rateOf));
    const out = new Map<T, number>();
    for (const [g, rs] of groups) {
      const mine = compared.filter((r) => groupOf(r) === g);
      const rate = mine.length >= 5 ? median(mine.map(rateOf)) : Number.isFinite(globalRate) ? globalRate : fallback;
      for (const r of rs) {
        const n = units(r);
        if (n !== undefined) out.set(r, base.get(g)! + factor * rate * n + SLACK_MS);
      }
    }
    return out;
  };
  const byBytes = limits((r) => r.size >= LARGE_BYTES, (r) => Math.max(r.size / MB, 1 / 16), 1000);
  const byRecords = limits((r) => (r.records ?? 0) >= MANY_RECORDS, (r) => ((r.records ?? 0) >= MANY_RECORDS ? r.records : undefined), 1);

  const slow: Array<SlowRun<T>> = [];
  for (const r of done) {
    const bytes = byBytes.get(r)!;
    const records = byRecords.get(r);
    if (r.ms > bytes && (records === undefined || r.ms > records)) slow.push({ result: r, limit: Math.max(bytes, records ?? 0), by: records === undefined ? 'bytes' : 'bytes and records' });
  }
  return slow;
}
