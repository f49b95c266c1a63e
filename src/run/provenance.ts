// What made a run's report: the package version, the lexicon layers with a
// hash of each one's content, the options and the column mapping of each
// input. Written into JSON reports and state files, so that a figure can be
// traced to the lexicons and columns behind it.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { defaultLexicon, sectorLexicon } from '../lexicon/defaults.js';
import type { ColumnsUsed } from '../io/types.js';
import { DEFAULT_TOP_WORDS } from '../report/finalize.js';
import { DEFAULT_EXAMPLES } from '../report/state.js';
import type { ProvenanceColumns, ReportOptions, ReportProvenance } from '../report/types.js';
import { canonicalSha256 } from './canonical-hash.js';
import { sortColumns } from './state-file.js';
import { LIBRARY_VERSION } from './version.js';

const sha256 = (data: string | Uint8Array): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;

const builtInHashes = new Map<string, string>();

const LEXICON_EXTENSIONS = new Set(['.yml', '.yaml', '.json']);

/** The hash of a lexicon file's bytes, or of a folder's lexicon files (names and bytes, sorted by name). */
async function fileHash(path: string): Promise<string> {
  const info = await stat(path);
  if (!info.isDirectory()) return sha256(await readFile(path));
  const hash = createHash('sha256');
  const names = (await readdir(path)).filter((name) => LEXICON_EXTENSIONS.has(extname(name).toLowerCase())).sort();
  for (const name of names) {
    hash.update(`${name}\0`);
    hash.update(await readFile(join(path, name)));
    hash.update('\0');
  }
  return `sha256:${hash.digest('hex')}`;
}

/** The layers as composed: the default French layers, the sectors, then the `--lexicon` files and folders. */
export async function lexiconLayers(options: { includeDefault: boolean; sectors: readonly string[]; lexicons: readonly string[] }): Promise<ReportProvenance['lexicons']> {
  const layers: ReportProvenance['lexicons'] = [];
  // The built-in layers do not change within a process: hashed once.
  const builtIn = (layer: string, content: () => unknown): string => {
    let hash = builtInHashes.get(layer);
    if (hash === undefined) builtInHashes.set(layer, (hash = `sha256:${canonicalSha256(content())}`));
    return hash;
  };
  if (options.includeDefault) layers.push({ layer: 'default:fr', hash: builtIn('default:fr', defaultLexicon) });
  for (const name of options.sectors) layers.push({ layer: `sector:${name}`, hash: builtIn(`sector:${name}`, () => sectorLexicon(name)) });
  for (const path of options.lexicons) layers.push({ layer: path, hash: await fileHash(path) });
  return layers;
}

/** The columns of each input, sorted by file: a merge of parts lists them as one run over the parts would. */
export function provenanceColumns(used: readonly ColumnsUsed[]): ProvenanceColumns[] {
  return sortColumns(used
    .map((u) => {
      const out: ProvenanceColumns = { file: u.file, description: u.description };
      for (const key of ['text', 'id', 'date', 'score', 'channel', 'constantChannel', 'author'] as const) if (u[key] !== undefined) out[key] = u[key];
      if (u.textColumns !== undefined) out.textColumns = [...u.textColumns];
      return out;
    }));
}

/** A run's provenance. */
export function createProvenance(parts: {
  analyzer: string;
  lexicons: ReportProvenance['lexicons'];
  options: ReportProvenance['options'];
  columns: readonly ColumnsUsed[];
}): ReportProvenance {
  return {
    library: { name: 'verbatim-fr', version: LIBRARY_VERSION },
    analyzer: parts.analyzer,
    lexicons: parts.lexicons,
    options: parts.options,
    columns: provenanceColumns(parts.columns),
  };
}

/**
 * The provenance of a run analysed by the analyser so identified (`analyzerId`
 * and its default language: a worker thread's analyser describes itself, the
 * run builds none) with these report options: what `analyzeFiles` and the
 * queue's producer both write. The layers are hashed from the run's options
 * (unknown, `[]`, when a compiled analyzer was given as such).
 */
export async function runProvenance(
  analyzer: { id: string; defaultLanguage: string },
  run: { allTurns: boolean; includeDefault: boolean; sectors: readonly string[]; lexicons: readonly string[]; analyzerGiven?: boolean },
  report: Omit<ReportOptions, 'meta' | 'sections'>,
  columns: readonly ColumnsUsed[],
): Promise<ReportProvenance> {
  return createProvenance({
    analyzer: analyzer.id,
    lexicons: run.analyzerGiven === true ? [] : await lexiconLayers(run),
    options: {
      examples: report.examples ?? DEFAULT_EXAMPLES,
      topWords: report.topWords ?? DEFAULT_TOP_WORDS,
      maxVocabulary: report.maxVocabulary ?? null,
      maxChannels: report.maxChannels ?? null,
      maskPersonalData: report.maskPersonalData !== false,
      scoreScale: report.scoreScale ?? 'auto',
      period: report.period ?? 'month',
      defaultLanguage: analyzer.defaultLanguage,
      allTurns: run.allTurns,
      ...(report.groupBy !== undefined ? { groupBy: report.groupBy } : {}),
      ...(report.maxGroups !== undefined ? { maxGroups: report.maxGroups } : {}),
      ...(report.maxPeriods !== undefined ? { maxPeriods: report.maxPeriods } : {}),
    },
    columns,
  });
}
