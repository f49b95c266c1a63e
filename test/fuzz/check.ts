// Invariants every read must keep, whatever the file: for the property tests
// and the seeded fuzz run.
import type { ReadItem } from '../../src/io/index.js';
import type { Expected } from './files.js';

/**
 * Problems with the items read from a file whose records are known:
 * analysed + rejected = records written, rows numbered 1..n, no id twice,
 * and each record read as expected (text kept exactly, or the reject reason).
 */
export function checkItems(expected: readonly Expected[], items: readonly ReadItem[]): string[] {
  const problems: string[] = [];
  const verbatims = items.filter((i) => i.type === 'verbatim').length;
  if (items.length !== expected.length) {
    problems.push(`count: ${verbatims} analysed + ${items.length - verbatims} rejected = ${items.length} for ${expected.length} records written`);
  }
  const seen = new Set<string>();
  items.forEach((item, k) => {
    if (item.source.row !== k + 1) problems.push(`item ${k + 1}: row ${item.source.row}`);
    if (item.type === 'verbatim') {
      if (seen.has(item.verbatim.id)) problems.push(`id ${JSON.stringify(item.verbatim.id)} read twice`);
      seen.add(item.verbatim.id);
    }
  });
  let mismatches = 0;
  for (let k = 0; k < Math.min(items.length, expected.length) && mismatches < 5; k++) {
    const item = items[k]!;
    const want = expected[k]!;
    const got = item.type === 'verbatim' ? `verbatim ${JSON.stringify(item.verbatim.id)} ${JSON.stringify(item.verbatim.text)}` : `reject ${JSON.stringify(item.reason)}`;
    const asReject = want.type !== 'verbatim' && item.type === 'reject' && item.reason.startsWith(want.reason);
    const ok = want.type === 'verbatim' ? item.type === 'verbatim' && item.verbatim.id === want.id && item.verbatim.text === want.text
      : want.type === 'reject' ? asReject
      : asReject || (item.type === 'verbatim' && item.verbatim.id === want.id);
    if (!ok) {
      mismatches++;
      const wanted = want.type === 'verbatim' ? `verbatim ${JSON.stringify(want.id)} ${JSON.stringify(want.text)}` : `reject ${JSON.stringify(want.reason)}${want.type === 'either' ? ` or verbatim ${JSON.stringify(want.id)}` : ''}`;
      problems.push(`record ${k + 1} (line ${item.source.line}): expected ${wanted}, got ${got}`);
    }
  }
  return problems;
}

/**
 * Items of a file damaged where the damage's cost cannot be told: rows
 * numbered 1..n, each verbatim one of the records written (in their order,
 * its text exact), at least one reject, the last one `last` when given.
 */
export function checkDamaged(expected: readonly Expected[], items: readonly ReadItem[], last?: string): string[] {
  const problems = checkRowsNumbered(items);
  let next = 0;
  for (const item of items) {
    if (item.type !== 'verbatim') continue;
    const at = expected.findIndex((e, k) => k >= next && e.type !== 'reject' && e.id === item.verbatim.id && (e.type === 'either' || e.text === item.verbatim.text));
    if (at === -1) problems.push(`verbatim ${JSON.stringify(item.verbatim.id)} ${JSON.stringify(item.verbatim.text.slice(0, 60))} is none of the records written after record ${next}`);
    else next = at + 1;
  }
  const rejects = items.filter((i) => i.type === 'reject');
  if (rejects.length === 0) problems.push('damaged, yet no reject');
  const final = items.at(-1);
  if (last !== undefined && !(final?.type === 'reject' && final.reason.startsWith(last))) problems.push(`last item: expected reject ${JSON.stringify(last)}, got ${final?.type === 'reject' ? JSON.stringify(final.reason) : final?.type}`);
  return problems;
}

/** Items of a file whose records are unknown: rows numbered 1..n, each once. */
export function checkRowsNumbered(items: readonly ReadItem[]): string[] {
  const problems: string[] = [];
  items.forEach((item, k) => {
    if (item.source.row !== k + 1 && problems.length < 5) problems.push(`item ${k + 1}: row ${item.source.row}`);
  });
  return problems;
}

/** Physical lines of a decoded text (LF, CRLF, CR), without the empty one after a final line break. */
export function physicalLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * Problems with the line ranges of raw items (`line`..`endLine`): each line
 * of the file from `dataLine` on belongs to at most one item, and a line
 * outside every item is blank.
 */
export function checkLineCover(items: ReadonlyArray<{ line?: number; endLine?: number }>, lines: readonly string[], dataLine = 1): string[] {
  const problems: string[] = [];
  const owner = new Array<number>(lines.length + 2).fill(0);
  let previous = dataLine - 1;
  items.forEach((item, k) => {
    if (item.line === undefined) return void problems.push(`item ${k + 1} has no line`);
    const end = item.endLine ?? item.line;
    if (item.line <= previous || end < item.line || end > lines.length) problems.push(`item ${k + 1}: lines ${item.line}-${end} after line ${previous}, in 1-${lines.length}`);
    previous = Math.max(previous, end);
    for (let l = item.line; l <= Math.min(end, lines.length); l++) {
      if (owner[l] !== 0) problems.push(`line ${l} read by items ${owner[l]} and ${k + 1}`);
      owner[l] = k + 1;
    }
  });
  for (let l = dataLine; l <= lines.length && problems.length < 10; l++) {
    if (owner[l] === 0 && lines[l - 1]!.trim() !== '') problems.push(`line ${l} (${JSON.stringify(lines[l - 1]!.slice(0, 40))}) is in no item`);
  }
  return problems;
}
