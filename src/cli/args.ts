// Parsers and checks of command-line values shared by the commands.
import { CommanderError } from 'commander';
import { sectorNames } from '../lexicon/defaults.js';
import { EXIT } from './context.js';

/** A bad command line: the message alone on stderr, exit 2. */
export function usageError(message: string): CommanderError {
  return new CommanderError(EXIT.usage, 'verbatim.usage', message);
}

/** A repeatable option's values, in the order given. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The parser of an option that takes a whole number (0 or more). */
export function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw usageError(`${name} expects a whole number, got "${value}"`);
    return n;
  };
}

/** Sector names as given, or a usage error naming the known ones. */
export function checkSectors(names: string[]): string[] {
  const known = sectorNames();
  for (const name of names) {
    if (!known.includes(name)) throw usageError(`unknown sector "${name}"; known sectors: ${known.join(', ')}`);
  }
  return names;
}
