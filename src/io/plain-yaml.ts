// A large YAML lexicon read as plain data by js-yaml: the `yaml` package,
// which keeps every node with its position for the lexicon's problems, took
// 16–17 s and 1.5 GB for the 19 MB of a lexicon of 100,000 entries; js-yaml
// reads them in about 2 s and 400 MB (bench/README.md). Only a lexicon that
// is valid is taken from this route: one with a problem is read again by
// `safeParseLexicon`, whose issues name lines and columns, and a text this
// route might read otherwise than `yaml` does is left to it (see `plainYaml`).
import type { LexiconDocument } from '../lexicon/index.js';
import { checkedLexicon } from '../lexicon/parse.js';

/** YAML texts from this size on (in UTF-16 code units) are read by js-yaml first: below it, `yaml` takes a fraction of a second. */
export const PLAIN_YAML_FROM = 256 * 1024;

/** A number of YAML 1.2's core schema: decimal, with a fraction or an exponent or neither, hexadecimal or octal. */
const NUMBER_FORM = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+)$/;

/** A number past the largest double (`1e400`, 400 nines): ±Infinity for `yaml`, a string for js-yaml. */
const overflows = (s: string): boolean => NUMBER_FORM.test(s) && !Number.isFinite(Number(s));

/**
 * Whether the two parsers may have read `data` apart: a key or a string
 * that `overflows`, or a key `null` (a null key is `null` for js-yaml, an
 * empty string for `yaml`).
 */
function mayReadApart(data: unknown): boolean {
  if (typeof data === 'string') return overflows(data);
  if (Array.isArray(data)) return data.some(mayReadApart);
  if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) if (key === 'null' || overflows(key) || mayReadApart(value)) return true;
  }
  return false;
}

/**
 * `source` read by js-yaml as `yaml` reads it with YAML 1.2's core schema, or
 * undefined where they could read it apart or js-yaml refuses it: a
 * directive (`%YAML 1.1` changes the schema), a merge key (`<<`), a standard
 * tag (`!!float 1` is a number for js-yaml, a string for `yaml`), an alias
 * (refused: the checks would walk a shared node once per alias), a key
 * written twice, several documents, a syntax error, a number that
 * overflows, or a null key. @internal exported for its tests
 */
export async function plainYaml(source: string): Promise<unknown> {
  if (/^%/m.test(source) || source.includes('<<') || source.includes('!!')) return undefined;
  const { load } = await import('js-yaml');
  let data: unknown;
  try {
    data = load(source, { maxAliases: 0 });
  } catch {
    return undefined;
  }
  return mayReadApart(data) ? undefined : data;
}

/**
 * A YAML lexicon read by `plainYaml` and checked, when it is valid (its
 * problems, if any, are for `safeParseLexicon` to place); undefined otherwise.
 */
export async function readPlainYamlLexicon(source: string, file: string): Promise<LexiconDocument | undefined> {
  const data = await plainYaml(source);
  if (data === undefined) return undefined;
  return checkedLexicon(data, source, file);
}
