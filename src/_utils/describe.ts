// How a value is said in an error message of the API ("got an array", "got string abc").

/** A value as said in an error message. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** The type of a value as an error message names it: `null`, `array`, or its `typeof`. */
export function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** The package's TypeError for a misused API: `verbatim-fr: expected WHAT, got GOT`. */
export function expectedError(what: string, got: string): TypeError {
  return new TypeError(`verbatim-fr: expected ${what}, got ${got}`);
}

