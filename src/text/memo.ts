/**
 * Bounded memo for pure string → value functions (fold, stem). Two
 * generations: lookups hit `young` then `old`; when `young` is full it becomes
 * `old` and the previous `old` is dropped. Memory stays under 2 × `half`
 * entries while frequent keys survive, without the per-hit bookkeeping of a
 * strict LRU. Module-level instances are fine: they only memoise pure results.
 * The lexicon's matcher uses it too, for its per-key tables: a vocabulary that
 * keeps growing no longer grows them.
 */
export class Memo<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  /** `half`: entries per generation (internal budgets, all constants of at least 1). */
  constructor(private readonly half: number) {}

  get(key: string): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: string, value: V): void {
    if (this.young.size >= this.half) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}
