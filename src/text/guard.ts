/** Throws the package's TypeError for API misuse when `value` is not a string. */
export function expectString(value: unknown, what = 'a string'): asserts value is string {
  if (typeof value !== 'string') {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    throw new TypeError(`verbatim-fr: expected ${what}, got ${got}`);
  }
}
