// What the commands read besides their main input: lexicon layers, the first
// texts of the inputs, standard input.
import { createAnalyzer } from '../index.js';
import type { Analyzer } from '../index.js';
import { loadLexiconFiles, readVerbatims } from '../io/index.js';
import { spoolInputs } from '../io/spool.js';
import { checkSectors } from './args.js';

/** The analyzer of the default lexicons (unless `includeDefault` is false) with these layers and sectors over them. */
export async function buildAnalyzer(lexiconPaths: string[], includeDefault: boolean, language: string, sectors: string[] = []): Promise<Analyzer> {
  const layers = lexiconPaths.length > 0 ? await loadLexiconFiles(lexiconPaths) : [];
  return createAnalyzer({ lexicons: layers, includeDefault, defaultLanguage: language, sectors: checkSectors(sectors) });
}

/** The first `n` texts of the inputs (rejected rows skipped), for a quick look before the analysis. */
export async function firstTexts(files: string[], text: string | undefined, n: number, stdin?: NodeJS.ReadableStream): Promise<string[]> {
  const texts: string[] = [];
  const spooled = await spoolInputs(files.map((path) => (text !== undefined ? { path, text } : { path })), stdin);
  try {
    for await (const item of readVerbatims(spooled.specs)) {
      if (item.type === 'verbatim') texts.push(item.verbatim.text);
      if (texts.length >= n) break;
    }
  } finally {
    await spooled.cleanup();
  }
  return texts;
}

/** The whole of a stream as UTF-8 text ('' without a stream). */
export async function readAll(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
