// The time check of `npm run fuzz`: a run must cost time linear in its input.
// Each run is compared with the other runs of its kind in the same fuzz run
// (same format, command and bulk), per byte and per record, so the check
// follows the load of the machine instead of a fixed budget. How the time of
// one verbatim or one lexicon grows with its size is measured on controlled
// inputs by `npm run bench long-text` and `npm run bench scale`.

/** What the check needs to know of one run. */
export interface TimedRun {
  index: number;
  format: string;
  /** The command line (its first word and `--no-default-lexicon` pick the group). */
  argv: readonly string[];
  /** What makes the file large: many records, or one long text (`giant`: over the record limit); `small` otherwise. */
  sizeClass: 'small' | 'many' | 'long' | 'giant';
  /** Bytes the time is compared to (an XLSX file's inflated parts), and the annotations written. */
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

/** Runs that share a fixed cost: same format and command, default lexicons or not. */
export const groupOf = (r: TimedRun): string => `${r.format} ${r.argv[0]}${r.argv.includes('--no-default-lexicon') ? '' : ' (default lexicons)'}`;
/**
 * Runs that share a cost per byte: the group, and what fills the file (many
 * records cost per byte unlike one long text, and a text over the record
 * limit is rejected unread in some formats).
 */
export const kindOf = (r: TimedRun): string => `${groupOf(r)}, ${r.sizeClass}`;

const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
};

/** The median time of each group's small files: what a run costs whatever its size. */
function baseTimes<T extends TimedRun>(done: readonly T[]): Map<string, number> {
  const base = new Map<string, number>();
  for (const [g, rs] of groupBy(done, groupOf)) base.set(g, median(rs.filter((r) => r.size < SMALL_BYTES).map((r) => r.ms)) || 0);
  return base;
}

/**
 * Runs much slower than the others of their kind, beyond the fixed cost of a
 * run. With `base` the median time of the group's small files and `rate` the
 * median time per unit (MB, or record) of the large files of its kind (of
 * its group when the kind has fewer than 5, of the whole run when the group
 * has fewer than 5), a limit is `base + factor × rate × units + SLACK_MS`.
 * A run is slow when it is over its limit per MB (at least 1/16 MB) and, for
 * a file of `MANY_RECORDS` records or more, over its limit per record too: a
 * file of many short records costs more per byte, a file of a few long ones
 * more per record, and neither is slow; time that grows faster than the
 * input passes both.
 */
export function slowRuns<T extends TimedRun>(results: readonly T[], factor: number): Array<SlowRun<T>> {
  const done = results.filter((r) => r.code !== 'timeout');
  const base = baseTimes(done);
  const extra = (r: T): number => Math.max(0, r.ms - base.get(groupOf(r))!);

  /** The limit of each run by one unit, or none when the unit does not apply to it. */
  const limits = (large: (r: T) => boolean, units: (r: T) => number | undefined, fallback: number): Map<T, number> => {
    const rateOf = (r: T): number => extra(r) / units(r)!;
    const compared = done.filter(large);
    const rates = (rs: readonly T[]): number => (rs.length >= 5 ? median(rs.map(rateOf)) : NaN);
    const byKind = new Map([...groupBy(compared, kindOf)].map(([k, rs]) => [k, rates(rs)]));
    const byGroup = new Map([...groupBy(compared, groupOf)].map(([g, rs]) => [g, rates(rs)]));
    const overall = median(compared.map(rateOf));
    const out = new Map<T, number>();
    for (const r of done) {
      const n = units(r);
      if (n === undefined) continue;
      const rate = [byKind.get(kindOf(r)), byGroup.get(groupOf(r)), overall, fallback].find((x) => x !== undefined && Number.isFinite(x))!;
      out.set(r, base.get(groupOf(r))! + factor * rate * n + SLACK_MS);
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
