// The draft lexicon layer of a discovery: one commented candidate entry per
// topic, valid as it is written (`verbatim lexicon check`, `--lexicon`).
import { oneLine, truncate } from '../report/renderers/text.js';
import { meanScoresText } from './render.js';
import type { DiscoverResult } from './types.js';

/** A YAML double-quoted scalar (JSON's string syntax is one). */
const quote = (s: string): string => JSON.stringify(s);
/** One line of a YAML comment: no line break can end the comment early. */
const comment = (s: string): string => oneLine(s).replace(/[\u0000-\u001f\u007f\u2028\u2029]/gu, ' ');

export interface DraftLexiconOptions {
  /** Characters of each example kept in the comments (default 160). */
  exampleWidth?: number;
}

/**
 * The YAML lexicon layer of candidate entries for `result`'s topics: each
 * with a suggested id, kind and label, its terms in the lexicon term syntax,
 * and its figures and example verbatims as comments. A topic without a term
 * fit for its kind is written as a comment only. Terms are written once, in
 * the first topic that has them.
 */
export function draftLexicon(result: DiscoverResult, options: DraftLexiconOptions = {}): string {
  const width = options.exampleWidth ?? 160;
  const lines: string[] = [
    '# Draft lexicon layer written by `verbatim discover`: one candidate entry per topic',
    `# found in ${result.sampled} of ${result.verbatims} verbatims, ranked by the unexplained dissatisfaction they carry.`,
    '# Review each entry: rename its id and label, keep the terms that mean what the label says,',
    '# move it under a theme (theme: / parent:), then layer it: verbatim analyze … --lexicon this-file.yml',
    '# Test a term first: verbatim kwic "TERM" FILE… --entry ID',
    'version: 1',
  ];
  const seen = new Set<string>();
  const entries: string[] = [];
  // Terms for existing entries, gathered over the topics: one patch per entry, after the new entries.
  const patches = new Map<string, { terms: string[]; topics: number[] }>();
  for (const [n, topic] of result.topics.entries()) {
    const terms = topic.draftTerms.filter((t) => !seen.has(t));
    for (const t of terms) seen.add(t);
    const extending: string[] = [];
    for (const x of topic.extensions) {
      const fresh = x.terms.filter((t) => !seen.has(t));
      if (fresh.length === 0) continue;
      for (const t of fresh) seen.add(t);
      let patch = patches.get(x.id);
      if (patch === undefined) patches.set(x.id, (patch = { terms: [], topics: [] }));
      patch.terms.push(...fresh);
      if (!patch.topics.includes(n + 1)) patch.topics.push(n + 1);
      extending.push(`${x.id} (${fresh.join(', ')})`);
    }
    const head = [
      `  # Topic ${n + 1}: ${topic.verbatims} unexplained verbatims${topic.estimated !== topic.verbatims ? ` (about ${topic.estimated} in the whole input)` : ''}, ${topic.dissatisfied} dissatisfied, ${topic.satisfied} satisfied${topic.meanScores.length > 0 ? `, mean score ${meanScoresText(topic, 'en')}` : ''}`,
      `  # Expressions: ${comment(topic.expressions.map((e) => `${e.text} (${e.unexplained})`).join(', '))}`,
      ...(extending.length > 0 ? [`  # Added to existing entries below: ${comment(extending.join('; '))}`] : []),
      '  # Examples:',
      ...topic.examples.map((e) => `  #   ${comment(`[${e.channel}${e.score !== null ? `, ${e.score}` : ''}] ${truncate(oneLine(e.text), width)}`)}`),
    ];
    if (terms.length === 0) {
      const why = extending.length > 0 ? 'its terms extend existing entries' : `no new term leans clearly enough to ${topic.kind === 'enchantment' ? 'satisfaction' : topic.kind === 'irritant' ? 'dissatisfaction' : 'a side or is new'}`;
      entries.push(...head, `  # (no new entry: ${why})`);
      continue;
    }
    const entry = [`  - id: ${topic.id}`, `    kind: ${topic.kind}`, `    label: ${quote(`Candidat : ${topic.label}`)}`, '    terms:', ...terms.map((t) => `      - ${quote(t)}`)];
    // A theme leans to no side: nothing checks its terms against the scores, so it is written commented out, to read first.
    if (topic.kind === 'theme') entries.push(...head, '  # A theme candidate (its terms lean to no side): remove the # of the lines below to keep it.', ...entry.map((l) => `  #${l.slice(2)}`));
    else entries.push(...head, ...entry);
  }
  if (patches.size > 0) {
    entries.push('  # Terms for existing entries: in the complaints (or praise) the lexicons explain, most of those holding', '  # each term carry that entry.');
    for (const [id, patch] of patches) {
      entries.push(`  # From topic${patch.topics.length > 1 ? 's' : ''} ${patch.topics.join(', ')}`, `  - id: ${id}`, '    addTerms:', ...patch.terms.map((t) => `      - ${quote(t)}`));
    }
  }
  if (entries.length === 0) lines.push('# No candidate entry: nothing stands out among the unexplained verbatims.');
  else {
    // `entries:` even when every candidate is commented out (an empty key reads as no entry): removing
    // the # of a theme's lines then gives a valid layer, not list items with no key above them.
    if (!entries.some((l) => l.startsWith('  - id:'))) lines.push('# No active candidate entry: the commented ones below need a reading first.');
    lines.push('entries:', ...entries);
  }
  return `${lines.join('\n')}\n`;
}
