import type { LexiconIssue } from './types.js';
import type { DictionaryFormat } from './import/model.js';

function formatIssue(issue: LexiconIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : `${issue.file} (${issue.path})`;
  const entry = issue.entryId !== undefined ? ` [${issue.entryId}]` : '';
  return `${where}${entry}: ${issue.message}\n    hint: ${issue.hint}`;
}

/** A lexicon that cannot be loaded, with every problem found (not only the first). */
export class LexiconError extends Error {
  readonly issues: LexiconIssue[];
  /** Set when the text was a dictionary of another tool being imported (`importDictionary`): its format, or `unknown`. */
  readonly importing?: DictionaryFormat | 'unknown';

  constructor(issues: LexiconIssue[], options: { importing?: DictionaryFormat | 'unknown' } = {}) {
    const head = `verbatim-fr: invalid lexicon, ${issues.length} problem${issues.length === 1 ? '' : 's'}`;
    super(`${head}:\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'LexiconError';
    this.issues = issues;
    if (options.importing !== undefined) this.importing = options.importing;
  }
}
