// verbatim lexicon check: lexicon files validated, every problem with its place.
// verbatim lexicon import: a dictionary of another tool (quanteda, LIWC, CSV) as a lexicon layer.
import { describeLexiconIssue } from '../../lexicon/messages.js';
import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import type { DictionaryFormat, EntryKind, LexiconIssue } from '../../index.js';
import { ENTRY_KINDS } from '../../types.js';
import { escapeForTerminal } from '../../_utils/display.js';
import { usageError } from '../args.js';
import { checkOutputs } from '../checks.js';
import type { CommandContext } from '../context.js';
import { output } from '../output.js';

interface ImportOptions {
  from?: DictionaryFormat;
  kind?: EntryKind;
  theme?: string;
  out?: string;
  defaultLexicon: boolean;
}

const where = (issue: LexiconIssue): string => (issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file);

export function lexiconCommand(program: Command, context: CommandContext): void {
  const { io, m } = context;
  const lexicon = program.command('lexicon').description('lexicon tools');
  lexicon
    .command('check')
    .description('validate lexicon files or folders (YAML/JSON); prints every problem with file, line and column')
    .argument('<paths...>', 'lexicon files or folders')
    .option('--no-default-lexicon', 'check the files alone, not layered over the default')
    .action(async (paths: string[], opts: { defaultLexicon: boolean }) => {
      const [{ createAnalyzer }, { loadLexiconFiles }] = await Promise.all([import('../../analyze/index.js'), import('../../io/lexicon-files.js')]);
      const layers = await loadLexiconFiles(paths);
      const analyzer = createAnalyzer({ lexicons: layers, includeDefault: opts.defaultLexicon });
      const counts = new Map<string, number>();
      for (const entry of analyzer.lexicon.entries) counts.set(entry.kind, (counts.get(entry.kind) ?? 0) + 1);
      io.stdout.write(`${m.notes.lexiconOk(paths, [...counts])}\n`);
    });
  lexicon
    .command('import')
    .description('convert a dictionary of another tool (quanteda YAML, LIWC .dic, CSV id;term[;kind;theme]) into a lexicon layer for --lexicon; warns about what has no equivalent')
    .argument('<file>', 'the dictionary file')
    .addOption(new Option('--from <format>', 'the dictionary format (default: guessed from the file)').choices(['quanteda', 'liwc', 'csv']))
    .addOption(new Option('--kind <kind>', 'kind of every category (default: top-level keys are themes, nested keys their concepts; CSV rows say their own)').choices([...ENTRY_KINDS]))
    .option('--theme <id>', 'theme every category joins (as concepts unless --kind says otherwise), e.g. livraison')
    .option('--out <file>', 'where to write the layer (YAML; default: standard output)')
    .option('--no-default-lexicon', 'convert for use without the default lexicon (ids are not checked against it)')
    .action(async (file: string, opts: ImportOptions) => {
      // Loaded now: the other commands never load them (start-up).
      const [{ default: iconv }, { composeLexicons, defaultLexicon, importDictionary, parseLexicon, stringifyLexicon }, { detectEncoding }] = await Promise.all([
        import('iconv-lite'),
        import('../../index.js'),
        import('../../io/encoding.js'),
      ]);
      if (opts.theme !== undefined && opts.kind === 'theme') throw usageError('themeOfTheme');
      if (opts.theme !== undefined && !/^[a-z0-9_.]+$/.test(opts.theme)) throw usageError('themeId', opts.theme);
      if (file === '-') throw usageError('importStdin');
      await checkOutputs([{ option: '--out', path: opts.out === '-' ? undefined : opts.out }], [file]);
      const bytes = await readFile(file);
      const text = iconv.decode(bytes, detectEncoding(bytes, true).encoding);
      const result = importDictionary(text, {
        file,
        ...(opts.from !== undefined ? { from: opts.from } : {}),
        ...(opts.kind !== undefined ? { kind: opts.kind } : {}),
        ...(opts.theme !== undefined ? { theme: opts.theme } : {}),
        // Ids and themes are checked against what the layer will go over: the default lexicon, or nothing.
        over: composeLexicons(opts.defaultLexicon ? defaultLexicon() : []),
      });
      const target = opts.out !== undefined && opts.out !== '-' ? opts.out : 'lexicon.yml';
      const name = file.replace(/^.*[\\/]/, '');
      const comment = [
        m.stdout.importComment(name, result.from, opts.defaultLexicon),
        ...(result.warnings.length > 0 ? [m.stdout.importWarnings(result.warnings.length)] : []),
        ...result.warnings.slice(0, 50).map((w) => m.stdout.importWarningLine(w.line, w.message)),
        ...(result.warnings.length > 50 ? [m.stdout.importMore(result.warnings.length - 50)] : []),
      ].join('\n');
      const yaml = stringifyLexicon(result.lexicon, { comment });
      // What is written must load: checked as `verbatim lexicon check` would (a failure here is a bug of the import).
      const layer = parseLexicon(yaml, { file: target });
      composeLexicons(opts.defaultLexicon ? [...defaultLexicon(), layer] : [layer]);
      for (const w of result.warnings) {
        const { message, hint } = describeLexiconIssue(w, context.lang);
        io.stderr.write(`verbatim: ${m.notes.warning}${m.colon}${escapeForTerminal(`${where(w)}${m.colon}${message}`)}\n    ${m.hint}${m.colon}${escapeForTerminal(hint)}\n`);
      }
      await output(io, yaml, opts.out);
      const counts = new Map<string, number>();
      let terms = 0;
      for (const entry of result.lexicon.entries ?? []) {
        const kind = entry.kind ?? 'patch';
        counts.set(kind, (counts.get(kind) ?? 0) + 1);
        terms += (entry.terms ?? entry.addTerms ?? []).length;
      }
      const dest = opts.out !== undefined && opts.out !== '-' ? opts.out : undefined;
      io.stderr.write(`verbatim: ${escapeForTerminal(m.notes.imported(name, result.from, [...counts], terms, result.warnings.length, dest))}\n`);
    });
}
