import { expectedError } from '../_utils/describe.js';
/** How a wrong argument is described in TypeError messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** Throws the package's TypeError for API misuse when `value` is not a string. */
export function expectString(value: unknown, what = 'a string'): asserts value is string {
  if (typeof value !== 'string') throw expectedError(`${what}`, describe(value));
}
