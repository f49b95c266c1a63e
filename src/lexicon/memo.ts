// A memo of bounded size that keeps what recurs: two generations of a Map.
// Lookups read the current generation, then the previous one (a hit there is
// copied forward); when the current one holds `budget` entries it becomes the
// previous one and the older is dropped. So at most 2·budget entries are held,
// a key seen again within about `budget` new keys stays, and a vocabulary that
// keeps growing (new words in every batch of an export) no longer grows the
// memo: the matcher's per-key tables cost a fixed share of the heap.

/** @internal */
export class GenerationalMemo<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();

  constructor(private readonly budget: number) {
    if (!(budget >= 1)) throw new RangeError(`verbatim-fr: a memo budget must be at least 1, got ${budget}`);
  }

  get(key: string): V | undefined {
    const hit = this.current.get(key);
    if (hit !== undefined) return hit;
    const old = this.previous.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: string, value: V): void {
    if (this.current.size >= this.budget) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }

  /** Entries held (both generations, a key counted in each it is in). */
  get size(): number {
    return this.current.size + this.previous.size;
  }
}
