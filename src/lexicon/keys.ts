// Terms are keyed by the same tokenizer as the verbatims, so that `d'attente`
// in a lexicon and "d’attente" in a verbatim give the same keys (`de attente`).
import { foldKey, lowerKey } from '../text/fold.js';
import { tokenize } from '../text/tokenize.js';
import { defaultTextTables } from './defaults.js';

export interface KeyingOptions {
  /** SMS table given to the tokenizer (the composed lexicon's `sms`); the default lexicons' when absent. */
  sms?: Readonly<Record<string, string>>;
}

function keyTokens(text: string, options: KeyingOptions) {
  return tokenize(text, { sms: options.sms ?? defaultTextTables().sms });
}

/** Keys of a written word or phrase; a multi-word key (SMS expansion) gives several keys. */
export function termKeys(text: string, options: KeyingOptions = {}): string[] {
  const tokens = keyTokens(text, options);
  const keys: string[] = [];
  for (const token of tokens) for (const key of token.norm.split(' ')) if (key !== '') keys.push(key);
  return keys;
}

/** One key of a written word with its lowercase spelling, accents kept (`Salé` → `sale`, `salé`). */
export interface KeyForm {
  key: string;
  /** Lowercase spelling as written; equals `key` when the word has no accent or is not a plain word (elision, SMS form). */
  form: string;
}

/** Keys of a written word or phrase with their accented lowercase spellings. */
export function termKeyForms(text: string, options: KeyingOptions = {}): KeyForm[] {
  const tokens = keyTokens(text, options);
  const out: KeyForm[] = [];
  for (const token of tokens) {
    if (token.norm.includes(' ')) {
      for (const key of token.norm.split(' ')) if (key !== '') out.push({ key, form: key });
      continue;
    }
    if (token.norm === '') continue;
    out.push({ key: token.norm, form: accentForm(token.text, token.norm) });
  }
  return out;
}

/**
 * The lowercase spelling of a word whose key is `key`, accents kept (NFC), when it
 * is an accented spelling of that key (`Salé` → `salé`); else `key` itself
 * (no accent, an elision `l'` → `le`, an SMS form).
 */
export function accentForm(text: string, key: string): string {
  if (text === key) return key;
  const form = lowerKey(text).normalize('NFC');
  return form !== key && foldKey(form) === key ? form : key;
}

/**
 * True when a reader who drops accents could have written `form` for `word`
 * (both accented spellings of one key): every letter is the word's, or the
 * word's without its accent (`déconnecte` for `déconnecté`; not `salé` for `sale`).
 */
export function accentsWithin(form: string, word: string): boolean {
  if (form === word) return true;
  if (form.length !== word.length) return false;
  for (let i = 0; i < form.length; i += 1) {
    const f = form.charAt(i);
    const w = word.charAt(i);
    if (f !== w && (f.charCodeAt(0) >= 128 || foldKey(w) !== f)) return false;
  }
  return true;
}
