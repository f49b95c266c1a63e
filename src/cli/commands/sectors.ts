// verbatim sectors: which sector layers a corpus reads like.
import type { Command } from 'commander';
import { positiveInt } from '../args.js';
import { checkInputs } from '../checks.js';
import type { CommandContext } from '../context.js';
import { output } from '../output.js';
import { firstTexts } from '../read.js';

export function sectorsCommand(program: Command, context: CommandContext): void {
  const { io, m } = context;
  program
    .command('sectors')
    .description('which sector layers a corpus reads like: share of its first verbatims where a term of the layer fires')
    .argument('<files...>', 'input files (as for analyze); - reads standard input')
    .option('--text <column>', 'column holding the verbatim (default: auto-detected)')
    .option('--sample <n>', 'verbatims read at most', positiveInt('--sample'), 500)
    .action(async (files: string[], opts: { text?: string; sample: number }) => {
      await checkInputs(files);
      // Its first --sample texts only: a short run whatever the files' size.
      context.tuneForInput?.(0);
      const { suggestSectors } = await import('../../analyze/sectors.js');
      const suggestions = suggestSectors(await firstTexts(files, opts.text !== undefined ? { text: opts.text } : {}, opts.sample, io.stdin), { sample: opts.sample, minShare: 0 });
      const lines = suggestions.map((s) => `${s.sector.padEnd(20)} ${String(Math.round(s.share * 100)).padStart(3)} %  (${s.verbatims})`);
      const { sector, share, sample } = m.stdout.sectors;
      await output(io, [`${sector.padEnd(20)} ${share.padStart(5)}  ${sample(opts.sample)}`, ...lines].join('\n'), undefined);
    });
}
