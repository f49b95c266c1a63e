// verbatim tokenize: the tokens of a text and the lexicon entries it matches.
import { Option, type Command } from 'commander';
import type { Match } from '../../index.js';
import { ENTRY_KINDS } from '../../types.js';
import { collect } from '../args.js';
import type { CommandContext } from '../context.js';
import { output } from '../output.js';
import { buildAnalyzer, readAll } from '../read.js';

export function tokenizeCommand(program: Command, { io, m: { stdout: say } }: CommandContext): void {
  program
    .command('tokenize')
    .description('show the tokens of a text (quick check of the French text layer)')
    .argument('[text...]', 'text to tokenize (default: standard input)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--lexicon <path>', 'also show lexicon matches with these layers over the default (repeatable)', collect, [] as string[])
    .action(async (words: string[], opts: { format: string; lexicon: string[] }) => {
      const text = words.length > 0 ? words.join(' ') : await readAll(io.stdin);
      const [{ analyze }, { tokenize }, analyzer] = await Promise.all([import('../../analyze/index.js'), import('../../text/tokenize.js'), buildAnalyzer(opts.lexicon, true, 'fra')]);
      const tokens = tokenize(text);
      const analysis = analyze({ id: 'cli', text }, analyzer);
      if (opts.format === 'json') {
        await output(io, JSON.stringify({ tokens, matches: analysis.matches, tonality: analysis.tonality, language: analysis.language }, null, 2), undefined);
        return;
      }
      const rows = tokens.map((t) => `${String(t.start).padStart(5)}-${String(t.end).padEnd(5)} ${say.tokenKind(t.kind).padEnd(8)} ${JSON.stringify(t.text).padEnd(24)} ${t.norm}`);
      // The kind column as wide as its longest word in the language ("enchantment" in English, "enchantement" in French).
      const kindWidth = Math.max(...ENTRY_KINDS.map((k) => say.entryKind(k).length));
      const matches = analysis.matches.map((m: Match) => `  ${say.entryKind(m.kind).padEnd(kindWidth)} ${m.id.padEnd(28)} ${JSON.stringify(m.text)}${m.negated ? ` ${say.negated}` : ''}`);
      await output(io, [...rows, '', say.tokenSummary(analysis.wordCount, analysis.language, analysis.tonality), say.matches, ...(matches.length ? matches : [`  ${say.noMatch}`])].join('\n'), undefined);
    });
}
