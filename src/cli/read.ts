// What the commands read besides their main input: lexicon layers, the first
// texts of the inputs, standard input.
// The library is imported when a command needs it: a command that does not
// pays nothing for it at start-up.
import type { Analyzer } from '../index.js';
import type { ColumnOptions } from '../io/types.js';
import { checkSectors } from './args.js';

/** The analyzer of the default lexicons (unless `includeDefault` is false) with these layers and sectors over them. */
export async function buildAnalyzer(lexiconPaths: string[], includeDefault: boolean, language: string, sectors: string[] = []): Promise<Analyzer> {
  const [{ createAnalyzer }, layers] = await Promise.all([
    import('../analyze/index.js'),
    lexiconPaths.length > 0 ? import('../io/lexicon-files.js').then(({ loadLexiconFiles }) => loadLexiconFiles(lexiconPaths)) : [],
  ]);
  return createAnalyzer({ lexicons: layers, includeDefault, defaultLanguage: language, sectors: checkSectors(sectors) });
}

/** The first `n` texts of the inputs read with `columns` (rejected rows skipped), for a quick look before the analysis; `-` reads `stdin`. */
export async function firstTexts(files: string[], columns: ColumnOptions, n: number, stdin?: NodeJS.ReadableStream): Promise<string[]> {
  const { readVerbatims } = await import('../io/read.js');
  const texts: string[] = [];
  const specs = files.map((path) => ({ path, ...columns, ...(path === '-' ? { stream: stdin ?? process.stdin } : {}) }));
  for await (const item of readVerbatims(specs)) {
    if (item.type === 'verbatim') texts.push(item.verbatim.text);
    if (texts.length >= n) break;
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
