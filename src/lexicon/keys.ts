// Terms are keyed by the same tokenizer as the verbatims, so that `d'attente`
// in a lexicon and "d’attente" in a verbatim give the same keys (`de attente`).
import { tokenize } from '../text/index.js';

export interface KeyingOptions {
  /** SMS table given to the tokenizer (the composed lexicon's `sms`); tokenizer default when absent. */
  sms?: Readonly<Record<string, string>>;
}

/** Keys of a written word or phrase; a multi-word key (SMS expansion) gives several keys. */
export function termKeys(text: string, options: KeyingOptions = {}): string[] {
  const tokens = options.sms !== undefined ? tokenize(text, { sms: options.sms }) : tokenize(text);
  const keys: string[] = [];
  for (const token of tokens) for (const key of token.norm.split(' ')) if (key !== '') keys.push(key);
  return keys;
}
