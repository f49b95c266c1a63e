// verbatim kwic: every hit of a term (lexicon term syntax) in its context,
// and what it would add to an entry.
import { Option, type Command } from 'commander';
import { positiveInt, usageError } from '../args.js';
import { checkInputs, checkOutputs } from '../checks.js';
import type { CommandContext } from '../context.js';
import { addInputOptions, checkInputOptions, inputRun, tuneForInputs, type InputCliOptions } from '../inputs.js';
import { output } from '../output.js';
import { sayWritten } from '../written.js';

interface KwicCliOptions extends InputCliOptions {
  entry?: string;
  width: number;
  format: 'table' | 'json';
  out?: string;
}

export function kwicCommand(program: Command, context: CommandContext): void {
  const { io, m } = context;
  const command = program
    .command('kwic')
    .description('keyword in context: every hit of a term written in the lexicon term syntax, as an entry would match it')
    .argument('<term>', 'the term, as in a lexicon: "stem:rembourser {0,3} jamais", "colis|paquet {0,0} abîmé"')
    .argument('[files...]', 'input files; - (or none) reads CSV, TSV or JSONL from standard input', ['-']);
  addInputOptions(command)
    .option('--entry <id>', 'match the term as this entry would (its kind, negation, exclusions) and count the verbatims it would add to it')
    .option('--width <n>', 'characters of context on each side', positiveInt('--width'), 40)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--out <file>', 'write to a file instead of stdout (- : stdout)')
    .action(async (term: string, files: string[], opts: KwicCliOptions) => {
      await checkInputOptions(files, opts, io, 'kwic');
      await checkOutputs([{ option: '--out', path: opts.out === '-' ? undefined : opts.out }], files);
      await checkInputs(files);
      // Loaded now: the other commands never load them (start-up).
      const [{ createAnalyzer, createKwic, kwicLayer, renderKwic }, { loadLexiconFiles }, { analyzeFiles, summaryOnly }] = await Promise.all([
        import('../../index.js'),
        import('../../io/lexicon-files.js'),
        import('../../run/analyze-files.js'),
      ]);
      await tuneForInputs(files, context);
      const { inputs, options } = await inputRun(files, opts, io, m);
      const layers = opts.lexicon.length > 0 ? await loadLexiconFiles(opts.lexicon) : [];
      const base = { includeDefault: opts.defaultLexicon, sectors: options.sectors ?? [], defaultLanguage: opts.corpusLang };
      let entry;
      if (opts.entry !== undefined) {
        const known = createAnalyzer({ ...base, lexicons: layers });
        entry = known.entries.get(opts.entry) ?? [...known.entries.values()].find((e) => e.tag === opts.entry);
        if (entry === undefined) throw usageError('noEntry', opts.entry);
      }
      const analyzer = createAnalyzer({ ...base, lexicons: [...layers, kwicLayer(term, entry)] });
      const kwic = createKwic({
        width: opts.width,
        maskPersonalData: opts.mask,
        ...(entry !== undefined ? { entry: { id: entry.id, kind: entry.kind, ...(entry.tag !== undefined ? { tag: entry.tag } : {}) } } : {}),
      });
      const { lexicons: _paths, ...rest } = options;
      await analyzeFiles(inputs, { ...rest, analyzer, ...summaryOnly(), onAnalysis: (a) => kwic.add(a) });
      await output(io, renderKwic(kwic.result(), opts.format, term, { lang: context.lang }), opts.out);
      await sayWritten(context, [{ kind: 'kwic', path: opts.out, format: opts.format }]);
    });
}
