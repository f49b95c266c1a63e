// Lists that mostly come in order already: `Array.prototype.sort` copies its
// array before sorting, which is most of what these small lists allocate.

/** Lists up to this length are sorted by insertion, in place: no copy (a verbatim's entries, a text's matches). */
const INSERTION_MAX = 16;

/** Sorts `list` in place with `compare` (stable), unless it is in order already. */
export function sortUnlessSorted<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  const n = list.length;
  let k = 1;
  while (k < n && compare(list[k - 1] as T, list[k] as T) <= 0) k++;
  if (k >= n) return list;
  if (n > INSERTION_MAX) return list.sort(compare);
  // The first k are in order: each later one moves left past those greater than it only (ties keep their order).
  for (; k < n; k++) {
    const x = list[k] as T;
    let j = k - 1;
    while (j >= 0 && compare(list[j] as T, x) > 0) {
      list[j + 1] = list[j] as T;
      j--;
    }
    list[j + 1] = x;
  }
  return list;
}
