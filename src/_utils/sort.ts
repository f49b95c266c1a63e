// Lists that mostly come in order already: `Array.prototype.sort` copies its
// array before sorting, which is most of what these small lists allocate.

/** Sorts `list` in place with `compare`, unless it is in order already. */
export function sortUnlessSorted<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  for (let k = 1; k < list.length; k++) if (compare(list[k - 1] as T, list[k] as T) > 0) return list.sort(compare);
  return list;
}
