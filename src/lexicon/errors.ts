import type { LexiconIssue } from './types.js';

function formatIssue(issue: LexiconIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : `${issue.file} (${issue.path})`;
  const entry = issue.entryId !== undefined ? ` [${issue.entryId}]` : '';
  return `${where}${entry}: ${issue.message}\n    hint: ${issue.hint}`;
}

/** A lexicon that cannot be loaded, with every problem found (not only the first). */
export class LexiconError extends Error {
  readonly issues: LexiconIssue[];

  constructor(issues: LexiconIssue[]) {
    const head = `verbatim-fr: invalid lexicon, ${issues.length} problem${issues.length === 1 ? '' : 's'}`;
    super(`${head}:\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'LexiconError';
    this.issues = issues;
  }
}
