// Lists that mostly come in order already: `Array.prototype.sort` copies its
// array before sorting, which is most of what these small lists allocate.

/** Past this length a list out of order goes to `Array.prototype.sort` (n log n); below, an insertion sort allocates nothing. */
const INSERTION_MAX = 16;

/**
 * Sorts `list` in place with `compare`, unless it is in order already. Stable,
 * as `Array.prototype.sort` is: the same order whichever way it is sorted.
 */
export function sortUnlessSorted<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  for (let k = 1; k < list.length; k++) {
    if (compare(list[k - 1] as T, list[k] as T) <= 0) continue;
    if (list.length > INSERTION_MAX) return list.sort(compare);
    // The first k items are in order: each item from k on is moved back past the greater ones before it.
    for (let i = k; i < list.length; i++) {
      const item = list[i] as T;
      let j = i - 1;
      for (; j >= 0 && compare(list[j] as T, item) > 0; j--) list[j + 1] = list[j] as T;
      list[j + 1] = item;
    }
    return list;
  }
  return list;
}
