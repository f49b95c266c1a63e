// Parsers and checks of command-line values shared by the commands.
import { CommanderError } from 'commander';
import { sectorNames } from '../lexicon/defaults.js';
import { EXIT } from './context.js';
import { cliMessages, type CliMessages } from './messages.js';

type Usage = CliMessages['usage'];

/** A bad command line, said in the language of the run (`render`); its `message` is the English one. */
export class UsageError extends CommanderError {
  constructor(readonly render: (m: CliMessages) => string) {
    super(EXIT.usage, 'verbatim.usage', render(cliMessages('en')));
  }
}

/** A bad command line: the message (`usage.<key>` of the catalogue) alone on stderr, exit 2. */
export function usageError<K extends keyof Usage>(key: K, ...args: Parameters<Usage[K]>): UsageError {
  return new UsageError((m) => (m.usage[key] as (...a: Parameters<Usage[K]>) => string)(...args));
}

/** A repeatable option's values, in the order given. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * `--delimiter`: the one character that separates CSV fields, or `tab` (also
 * `\\t`, as a shell passes it). Not a quote or a line break: those end fields
 * and records whatever the delimiter.
 */
export function delimiter(value: string, previous: string | undefined): string {
  if (previous !== undefined) throw usageError('givenTwice', '--delimiter', previous === '\t' ? 'tab' : previous, value);
  const named = value === 'tab' || value === '\\t' ? '\t' : value;
  if (named.length !== 1 || named === '"' || named === '\n' || named === '\r') throw usageError('badDelimiter', value);
  return named;
}

/** The parser of an option that takes a whole number (0 or more). */
export function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw usageError('wholeNumber', name, value);
    return n;
  };
}

/** Sector names as given, or a usage error naming the known ones. */
export function checkSectors(names: string[]): string[] {
  const known = sectorNames();
  for (const name of names) {
    if (!known.includes(name)) throw usageError('unknownSector', name, known);
  }
  return names;
}

/** `--corpus-lang`: a three-letter ISO 639-3 code (fra, eng…), lowercased. */
export function corpusLang(value: string): string {
  if (!/^[a-z]{3}$/i.test(value)) throw usageError('corpusLang', value);
  return value.toLowerCase();
}
