import { describe, expect, it } from 'vitest';
import { composeLexicons, defineLexicon, parseLexicon } from '../../src/lexicon/index.js';

const base = parseLexicon(
  `version: 1
entries:
  - id: joignabilite
    kind: theme
    label: Joignabilité
    terms: [standard]
  - id: attente_excessive
    kind: irritant
    theme: joignabilite
    label: Attente excessive
    terms: [attente, une éternité]
  - id: rupture_stock
    kind: irritant
    theme: joignabilite
    label: Rupture
    terms: [rupture]
sentiment:
  words: { nul: -2, super: 2 }
  irritantWeight: -2
negation:
  window: 4
sms:
  pk: pourquoi
stopwords:
  add: [svp]
channels:
  - id: chat
    label: Chat
    aliases: [tchat]
`,
  { file: 'base.yml' },
);

describe('composeLexicons', () => {
  it('fills defaults: label, onNegation by kind, theme of themes', () => {
    const lex = composeLexicons([base]);
    const byId = new Map(lex.entries.map((e) => [e.id, e]));
    expect(byId.get('joignabilite')).toMatchObject({ kind: 'theme', theme: 'joignabilite', onNegation: 'keep', disabled: false });
    expect(byId.get('attente_excessive')).toMatchObject({ theme: 'joignabilite', onNegation: 'cancel', source: 'base.yml' });
  });

  it('applies patches: addTerms, removeTerms, addExclude, disabled, label', () => {
    const user = parseLexicon(
      `version: 1
entries:
  - id: attente_excessive
    label: Trop d'attente
    addTerms: [poireauter, stem:poireauter]
    removeTerms: [une éternité]
    addExclude: [salle d'attente]
  - id: rupture_stock
    disabled: true
`,
      { file: 'user.yml' },
    );
    const lex = composeLexicons([base, user]);
    const e = lex.entries.find((x) => x.id === 'attente_excessive');
    expect(e).toMatchObject({
      label: "Trop d'attente",
      terms: ['attente', 'poireauter', 'stem:poireauter'],
      exclude: ["salle d'attente"],
      source: 'user.yml',
    });
    expect(lex.entries.find((x) => x.id === 'rupture_stock')?.disabled).toBe(true);
  });

  it('replaces an entry with replace: true, keeping its place', () => {
    const user = parseLexicon(
      'version: 1\nentries:\n  - id: attente_excessive\n    kind: irritant\n    replace: true\n    theme: joignabilite\n    terms: [attendre]\n',
    );
    const lex = composeLexicons([base, user]);
    expect(lex.entries.map((e) => e.id)).toEqual(['joignabilite', 'attente_excessive', 'rupture_stock']);
    expect(lex.entries[1]).toMatchObject({ terms: ['attendre'], label: 'attente_excessive' });
  });

  it('merges sections key by key, later layers winning', () => {
    const user = defineLexicon({
      version: 1,
      sentiment: { words: { nul: -3, top: 2 }, enchantmentWeight: 3, sarcasm: ['bravo'] },
      negation: { window: 3 },
      sms: { pk: 'pourquoi', tjrs: 'toujours' },
      stopwords: { add: ['bjr'], remove: ['svp'] },
      channels: [{ id: 'chat', label: 'Tchat', aliases: ['messagerie'] }, { id: 'email', label: 'E-mail', aliases: ['mail'] }],
    });
    const lex = composeLexicons([base, user]);
    expect(lex.sentiment).toEqual({ words: { nul: -3, super: 2, top: 2 }, intensifiers: {}, irritantWeight: -2, enchantmentWeight: 3, sarcasm: ['bravo'], facts: {}, turns: [] });
    expect(lex.negation.window).toBe(3);
    expect(lex.negation.negators).toContain('jamais');
    expect(lex.sms).toEqual({ pk: 'pourquoi', tjrs: 'toujours' });
    expect(lex.stopwords).toEqual({ add: ['svp', 'bjr'], remove: ['svp'] });
    expect(lex.channels).toEqual([
      { id: 'chat', label: 'Tchat', aliases: ['messagerie'] },
      { id: 'email', label: 'E-mail', aliases: ['mail'] },
    ]);
  });

  it('accepts references to entries defined in a later file of the same set', () => {
    const irritants = parseLexicon('version: 1\nentries:\n  - id: x\n    kind: irritant\n    theme: t\n    terms: [x]\n', { file: 'a.yml' });
    const themes = parseLexicon('version: 1\nentries:\n  - id: t\n    kind: theme\n    terms: [t]\n', { file: 'b.yml' });
    expect(composeLexicons([irritants, themes]).entries.map((e) => e.id)).toEqual(['x', 't']);
  });

  it('does not mutate its input documents', () => {
    const before = JSON.stringify(base);
    composeLexicons([base, parseLexicon('version: 1\nentries:\n  - id: attente_excessive\n    addTerms: [poireauter]\n')]);
    expect(JSON.stringify(base)).toBe(before);
  });

  it('rejects misuse with a TypeError', () => {
    expect(() => composeLexicons('x' as never)).toThrow(TypeError);
    expect(() => composeLexicons([null as never])).toThrow(/verbatim-fr: expected a lexicon document/);
  });
});

describe('defineLexicon', () => {
  it('returns its argument, typed', () => {
    const doc = defineLexicon({ version: 1, entries: [{ id: 'a', kind: 'theme', terms: ['a'] }] });
    expect(doc.entries[0]?.id).toBe('a');
  });
  it('validates like a file', () => {
    expect(() => defineLexicon({ version: 1, entries: [{ id: 'a', kind: 'theme', terms: ['a*'] }] })).toThrow(/too broad/);
  });
});
