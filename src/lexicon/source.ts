// Remembers where each parsed document came from, so problems found later
// (while composing layers) still point at a file, line and column.
import type { LexiconDocument, LexiconIssue } from './types.js';
import type { LexiconProblem } from './messages.js';

export type PathSegment = string | number;

export interface SourceInfo {
  file: string;
  /** 1-based line and column of the node at `path`, or of its nearest located ancestor. */
  locate(path: readonly PathSegment[], atKey?: boolean): { line: number; column: number };
}

const sources = new WeakMap<object, SourceInfo>();

export function rememberSource(doc: LexiconDocument, info: SourceInfo): void {
  sources.set(doc, info);
}

export function sourceOf(doc: LexiconDocument): SourceInfo {
  return sources.get(doc) ?? unplaced('<inline>');
}

/** A source that knows its file, not where in it (data given in code, or checked by another thread). */
export function unplaced(file: string): SourceInfo {
  return { file, locate: () => ({ line: 0, column: 0 }) };
}

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out === '' ? '(root)' : out;
}

export function makeIssue(
  info: SourceInfo,
  path: readonly PathSegment[],
  problem: LexiconProblem,
  entryId?: string,
  atKey = false,
): LexiconIssue {
  const { line, column } = info.locate(path, atKey);
  const issue: LexiconIssue = { file: info.file, line, column, path: formatPath(path), ...problem };
  if (entryId !== undefined) issue.entryId = entryId;
  return issue;
}
