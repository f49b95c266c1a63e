// The package's tokenize: the default SMS table (lexicons/fr/sms.yml) applies.
import { tokenize } from '../../src/index.js';

/** Token texts of a string. */
export const texts = (text: string): string[] => tokenize(text).map((t) => t.text);
/** Token norms of a string. */
export const norms = (text: string): string[] => tokenize(text).map((t) => t.norm);
/** `text|kind|norm` of each token, compact enough for tables. */
export const shapes = (text: string): string[] => tokenize(text).map((t) => `${t.text}|${t.kind}|${t.norm}`);
/** The only token of a string (fails the test when there are several). */
export function only(text: string): { text: string; kind: string; norm: string } {
  const tokens = tokenize(text);
  if (tokens.length !== 1) throw new Error(`expected one token for ${JSON.stringify(text)}, got ${JSON.stringify(tokens.map((t) => t.text))}`);
  const [token] = tokens as [(typeof tokens)[number]];
  return { text: token.text, kind: token.kind, norm: token.norm };
}
