// The draft lexicon layer of a discovery: one commented candidate entry per
// topic, valid as it is written (`verbatim lexicon check`, `--lexicon`).
import { oneLine, truncate } from '../report/renderers/text.js';
import { discoverMessages } from './messages.js';
import { meanScoresText } from './render.js';
import type { DiscoverResult } from './types.js';

/** A YAML double-quoted scalar (JSON's string syntax is one). */
const quote = (s: string): string => JSON.stringify(s);
/** One line of a YAML comment: no line break can end the comment early. */
const comment = (s: string): string => oneLine(s).replace(/[\u0000-\u001f\u007f\u2028\u2029]/gu, ' ');

export interface DraftLexiconOptions {
  /** Characters of each example kept in the comments (default 160). */
  exampleWidth?: number;
  /** Language of the comments (default `fr`, like the renderers); the entries' keys are the same in both. */
  lang?: 'fr' | 'en';
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
  const lang = options.lang === 'en' ? 'en' : 'fr';
  const { draft: m, colon } = discoverMessages(lang);
  const lines: string[] = [...m.head(result.sampled, result.verbatims), 'version: 1'];
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
      `  # ${m.topic(n + 1, topic.verbatims, topic.estimated !== topic.verbatims ? topic.estimated : undefined, topic.dissatisfied, topic.satisfied, topic.meanScores.length > 0 ? meanScoresText(topic, lang) : undefined)}`,
      `  # ${m.expressions}${colon}${comment(topic.expressions.map((e) => `${e.text} (${e.unexplained})`).join(', '))}`,
      ...(extending.length > 0 ? [`  # ${m.extending}${colon}${comment(extending.join('; '))}`] : []),
      `  # ${m.examples}`,
      ...topic.examples.map((e) => `  #   ${comment(`[${e.channel}${e.score !== null ? `, ${e.score}` : ''}] ${truncate(oneLine(e.text), width)}`)}`),
    ];
    if (terms.length === 0) {
      entries.push(...head, `  # ${m.noEntry(extending.length > 0, topic.kind)}`);
      continue;
    }
    const entry = [`  - id: ${topic.id}`, `    kind: ${topic.kind}`, `    label: ${quote(`Candidat : ${topic.label}`)}`, '    terms:', ...terms.map((t) => `      - ${quote(t)}`)];
    // A theme leans to no side: nothing checks its terms against the scores, so it is written commented out, to read first.
    if (topic.kind === 'theme') entries.push(...head, `  # ${m.theme}`, ...entry.map((l) => `  #${l.slice(2)}`));
    else entries.push(...head, ...entry);
  }
  if (patches.size > 0) {
    entries.push(...m.patches.map((l) => `  # ${l}`));
    for (const [id, patch] of patches) {
      entries.push(`  # ${m.fromTopics(patch.topics)}`, `  - id: ${id}`, '    addTerms:', ...patch.terms.map((t) => `      - ${quote(t)}`));
    }
  }
  if (entries.length === 0) lines.push(`# ${m.noCandidate}`);
  else {
    // `entries:` even when every candidate is commented out (an empty key reads as no entry): removing
    // the # of a theme's lines then gives a valid layer, not list items with no key above them.
    if (!entries.some((l) => l.startsWith('  - id:'))) lines.push(`# ${m.noActiveCandidate}`);
    lines.push('entries:', ...entries);
  }
  return `${lines.join('\n')}\n`;
}
