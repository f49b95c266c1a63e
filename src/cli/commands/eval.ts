// verbatim eval: the lexicons scored against an annotated gold file.
import { Option, type Command } from 'commander';
import { readFile } from 'node:fs/promises';
import type { Analyzer, EvaluateOptions } from '../../index.js';
import { sectorNames } from '../../lexicon/defaults.js';
import { collect, positiveInt, usageError } from '../args.js';
import { checkInputs, checkOutputs } from '../checks.js';
import { EXIT, type CommandContext } from '../context.js';
import { output } from '../output.js';
import { tuneForInputs } from '../inputs.js';
import { buildAnalyzer } from '../read.js';
import { sayWritten } from '../written.js';

export function evalCommand(program: Command, context: CommandContext): void {
  const { io, m, setExitCode } = context;
  program
    .command('eval')
    .description('score the lexicons against an annotated gold file (JSONL: text, themes, irritants, enchantements, tonalite, intentions)')
    .argument('<gold>', 'gold JSONL file')
    .option('--lexicon <path>', 'extra lexicon file or folder (repeatable)', collect, [] as string[])
    .option('--sector <name>', `sector layer over the default lexicons (repeatable): ${sectorNames().join(', ')}`, collect, [] as string[])
    .option('--gold-sectors', "apply to each gold line the sector layer its \"sector\" field names (banque, transport_rail_air → transport…)")
    .option('--no-default-lexicon', 'use only the --lexicon files')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--fail-under <spec>', 'exit 1 when a micro-F1 (or tonality accuracy) is below, e.g. themes=0.8,irritants=0.7,tonality=0.8')
    .option('--worst <n>', 'worst false positives / negatives listed per family', positiveInt('--worst'), 5)
    .option('--suggest', 'per label, candidate terms (expressions over-represented in its false negatives) and candidate exclusions (terms behind its false positives)')
    .option('--out <file>', 'write the evaluation to a file instead of stdout')
    .action(async (gold: string, opts: EvalCliOptions) => {
      await checkOutputs([{ option: '--out', path: opts.out }], [gold]);
      await checkInputs([gold]);
      await tuneForInputs([gold], context);
      const [{ checkThresholds, parseThresholds, createAnalyzer, evaluate, findSector, parseGoldJsonl, renderEvalReport }, { loadLexiconFiles }] = await Promise.all([import('../../index.js'), import('../../io/lexicon-files.js')]);
      // A --fail-under typo is a usage error, said before the evaluation runs.
      if (opts.failUnder !== undefined) {
        try {
          parseThresholds(opts.failUnder);
        } catch {
          throw usageError('failUnder', opts.failUnder);
        }
      }
      const analyzer = await buildAnalyzer(opts.lexicon, opts.defaultLexicon, 'fra', opts.sector);
      const records = parseGoldJsonl(await readFile(gold, 'utf8'), gold);
      const options: EvaluateOptions = { examples: opts.worst };
      if (opts.suggest === true) options.suggest = true;
      if (opts.goldSectors === true) {
        const layers = opts.lexicon.length > 0 ? await loadLexiconFiles(opts.lexicon) : [];
        const bySector = new Map<string, Analyzer>();
        options.analyzerFor = (g) => {
          const sector = g.sector === undefined ? undefined : findSector(g.sector);
          if (sector === undefined) return analyzer;
          let a = bySector.get(sector);
          if (a === undefined) {
            a = createAnalyzer({ lexicons: layers, includeDefault: opts.defaultLexicon, sectors: [...opts.sector, sector] });
            bySector.set(sector, a);
          }
          return a;
        };
      }
      const report = evaluate(records, analyzer, options);
      await output(io, renderEvalReport(report, opts.format, { lang: context.lang }), opts.out);
      await sayWritten(context, [{ kind: 'evaluation', path: opts.out, format: opts.format }]);
      if (opts.failUnder) {
        const failures = checkThresholds(report, opts.failUnder);
        for (const failure of failures) io.stderr.write(`verbatim eval: ${m.notes.evalBelow(m.details.below(failure.family, failure.average, failure.actual, failure.threshold))}\n`);
        if (failures.length > 0) setExitCode(EXIT.failed);
      }
    });
}

interface EvalCliOptions {
  lexicon: string[];
  sector: string[];
  goldSectors?: boolean;
  defaultLexicon: boolean;
  format: 'text' | 'json';
  failUnder?: string;
  worst: number;
  suggest?: boolean;
  out?: string;
}

