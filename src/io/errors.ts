import type { InputIssue } from './types.js';

function formatIssue(issue: InputIssue): string {
  const where = issue.line !== undefined ? `${issue.file}:${issue.line}` : issue.file;
  return `${where}: ${issue.message}\n    hint: ${issue.hint}`;
}

/** Input files that cannot be read as verbatims (no text column, unknown column…), with every problem found. */
export class InputError extends Error {
  readonly issues: InputIssue[];

  constructor(issues: InputIssue[]) {
    super(
      `verbatim-fr: cannot read input, ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n` +
        issues.map(formatIssue).join('\n'),
    );
    this.name = 'InputError';
    this.issues = issues;
  }
}
