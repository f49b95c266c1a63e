// verbatim lexicon check: lexicon files validated, every problem with its place.
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

export function lexiconCommand(program: Command, { io }: CommandContext): void {
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
      const summary = [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ');
      io.stdout.write(`ok: ${paths.join(', ')} — ${summary}\n`);
    });
}
