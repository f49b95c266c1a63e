import { FR_LEXICON_SOURCES } from '../data/fr.generated.js';

/**
 * The text layer's default tables, read from the compiled lexicons
 * (lexicons/fr/sms.yml, lexicons/fr/stopwords.yml). A malformed entry is
 * skipped rather than thrown: the build step validates the YAML, and the text
 * layer must keep working with an empty table.
 */
export function defaultSmsTable(): Record<string, string> {
  const table: Record<string, string> = {};
  for (const source of FR_LEXICON_SOURCES) {
    const sms = isRecord(source.data) ? source.data['sms'] : undefined;
    if (!isRecord(sms)) continue;
    for (const [form, expansion] of Object.entries(sms)) {
      if (typeof expansion === 'string' && expansion.trim() !== '') table[form] = expansion;
    }
  }
  return table;
}

export function defaultStopwordEdits(): { add: string[]; remove: string[] } {
  const add: string[] = [];
  const remove: string[] = [];
  for (const source of FR_LEXICON_SOURCES) {
    const section = isRecord(source.data) ? source.data['stopwords'] : undefined;
    if (!isRecord(section)) continue;
    add.push(...strings(section['add']));
    remove.push(...strings(section['remove']));
  }
  return { add, remove };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
