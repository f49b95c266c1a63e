// The language the CLI speaks in, read from the command line before commander
// (so that `--help` and the errors of a bad line are in it too).
import type { CliLang } from './messages.js';

/** What `--lang` and `VERBATIM_LANG` give, and the command line without `--lang`. */
export interface LangChoice {
  lang: CliLang;
  argv: string[];
  /** `--lang fra` (a corpus language, the flag's old meaning): turned into `--corpus-lang fra`, with a warning. */
  movedCorpusLang?: string;
  /** A `--lang` value that is neither fr/en nor a corpus language: a usage error once the language is known. */
  badValue?: string;
}

/** `fr`, `en`, `fr-FR`, `en_GB`… as a CLI language; anything else undefined. */
export function parseCliLang(value: string | undefined): CliLang | undefined {
  const v = value?.trim().toLowerCase();
  if (v === undefined || v === '') return undefined;
  if (/^fr(?:[-_][a-z]{2})?$/.test(v)) return 'fr';
  if (/^en(?:[-_][a-z]{2})?$/.test(v)) return 'en';
  return undefined;
}

/**
 * The messages' language: `--lang fr|en` anywhere on the line, else
 * `VERBATIM_LANG`, else French. `--lang` with a three-letter code (its meaning
 * until 0.x: the corpus' language) becomes `--corpus-lang` for one version.
 * Arguments after `--` are left alone.
 */
export function chooseLang(argv: readonly string[], env: Record<string, string | undefined>): LangChoice {
  const out: string[] = [];
  let lang = parseCliLang(env['VERBATIM_LANG']) ?? 'fr';
  let movedCorpusLang: string | undefined;
  let badValue: string | undefined;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k] as string;
    if (arg === '--') {
      out.push(...argv.slice(k));
      break;
    }
    if (arg !== '--lang' && !arg.startsWith('--lang=')) {
      out.push(arg);
      continue;
    }
    const value = arg === '--lang' ? argv[++k] : arg.slice('--lang='.length);
    const chosen = parseCliLang(value);
    if (chosen !== undefined) lang = chosen;
    else if (value !== undefined && /^[a-z]{3}$/i.test(value)) {
      movedCorpusLang = value.toLowerCase();
      out.push('--corpus-lang', movedCorpusLang);
    } else badValue = value ?? '';
  }
  return { lang, argv: out, ...(movedCorpusLang !== undefined ? { movedCorpusLang } : {}), ...(badValue !== undefined ? { badValue } : {}) };
}
