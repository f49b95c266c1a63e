import { describe, expect, it } from 'vitest';
import { analyze, composeLexicons, createAnalyzer, defineLexicon, parseLexicon } from '../../src/index.js';
import { compileMatcherData, type MatcherData } from '../../src/lexicon/compile.js';

function analyzerFor(entries: string, extra = '') {
  const doc = parseLexicon(`version: 1\nentries:\n  - id: t\n    kind: theme\n    terms: [zzzthemezzz]\n${entries}${extra}`, { file: 'm.yml' });
  return createAnalyzer({ includeDefault: false, includeBaseSentiment: false, lexicons: [doc] });
}

/** Ids and matched texts of the counted matches. */
function hits(text: string, entries: string, extra = ''): string[] {
  return analyze(text, analyzerFor(entries, extra)).matches.map((m) => `${m.id}:${m.text}`);
}

const irritant = (terms: string, more = '') => `  - id: x\n    kind: irritant\n    theme: t\n    onNegation: keep\n    terms:\n${terms.split('\n').map((t) => `      - "${t}"`).join('\n')}\n${more}`;

describe('term positions', () => {
  it.each([
    ['exact word', 'attente', 'Une attente interminable', ['x:attente']],
    ['exact word is not a prefix', 'attente', 'les attentes', []],
    ['accents dropped by the customer', 'délai', 'quel delai !', ['x:delai']],
    ['accents added by the customer', 'delai', 'quel délai !', ['x:délai']],
    ['capitals', 'service client', 'LE SERVICE CLIENT EST NUL', ['x:SERVICE CLIENT']],
    ['stretched letters', 'nul', 'c’est nuuuul', ['x:nuuuul']],
    ['several words in a row', 'point relais', 'déposé au point relais hier', ['x:point relais']],
    ['words must be adjacent', 'point relais', 'le point de relais', []],
    ['no match across a comma', 'point relais', 'au point, relais', []],
    ['stem', 'stem:livrer', 'il a été livré hier', ['x:livré']],
    ['stem, other form', 'stem:décevant', 'vraiment DECEVANTE', ['x:DECEVANTE']],
    ['stem, noun and verb', 'stem:rembourser', 'aucun remboursement', ['x:remboursement']],
    ['glob prefix', 'rembours*', 'remboursement refusé', ['x:remboursement']],
    ['glob suffix', '*ement', 'rapidement', ['x:rapidement']],
    ['glob infix', '*rembours*', 'non-remboursable', ['x:non-remboursable']],
    ['glob folded', 'écœur*', 'ecoeurant', ['x:ecoeurant']],
    ['glob needs its literal', 'livr*', 'libre', []],
    ['alternatives', 'colis|paquet', 'mon paquet est arrivé', ['x:paquet']],
    ['one-word alternatives joined by a zero gap', 'colis|paquet {0,0} abîmé', 'paquet abime', ['x:paquet abime']],
    ['multi-word alternatives (| binds loosest)', 'carte bancaire|cb|carte bleue', 'payé par carte bleue', ['x:carte bleue']],
    ['multi-word alternatives do not mix words across', 'carte bancaire|carte bleue', 'carte grise', []],
    ['multi-word alternatives inside a gapped segment', 'colis {0,2} arrivé cassé|jamais arrivé', 'colis est jamais arrivé', ['x:colis est jamais arrivé']],
    ['phrase alternatives: the short one', 'colis|paquet abîmé', 'colis abime', ['x:colis']],
    ['phrase alternatives: the long one', 'colis|paquet abîmé', 'paquet abîmé', ['x:paquet abîmé']],
    ['alternatives at each side of a wider gap', 'colis|le paquet {0,2} abîmé|très cassé', 'le paquet est très cassé', ['x:le paquet est très cassé']],
    ['stem and glob inside a phrase alternative', 'stem:livrer en retard|arriv* trop tard', 'arrivée trop tard', ['x:arrivée trop tard']],
    ['alternative with a stem', 'stem:livrer|expédié', 'expédié', ['x:expédié']],
    ['gap of 0', 'toujours pas {0,3} reçu', 'toujours pas reçu', ['x:toujours pas reçu']],
    ['gap of 2', 'toujours pas {0,3} reçu', 'toujours pas de colis reçu', ['x:toujours pas de colis reçu']],
    ['gap too long', 'toujours pas {0,1} reçu', 'toujours pas de colis reçu', []],
    ['gap minimum', 'attendu {1,3} heures', 'attendu heures', []],
    ['gap skips a comma inside the sentence', 'colis {0,4} arrivé', 'le colis, enfin, est arrivé', ['x:colis, enfin, est arrivé']],
    ['gap never crosses sentences', 'colis {0,4} arrivé', 'Le colis. Il est arrivé', []],
    ['elision restored: written with apostrophe', "pas d'attente", 'pas d’attente', ["x:pas d’attente"]],
    ['elision restored: written in full', "pas d'attente", 'pas de attente', ['x:pas de attente']],
    ['elision in the verbatim, full form in the term', 'pas de attente', "pas d'attente", ["x:pas d'attente"]],
    ['SMS forms expanded', 'pourquoi', 'pk ?', ['x:pk']],
    ['SMS form expanding to two words', 'je suis déçu', 'jsuis déçu', ['x:jsuis déçu']],
    ['hyphenated word', 'rendez-vous', 'pas de rendez-vous', ['x:rendez-vous']],
  ])('%s: %s in %j', (_name, term, text, expected) => {
    expect(hits(text, irritant(term))).toEqual(expected);
  });

  it('counts overlapping matches of one entry once', () => {
    const a = analyzerFor(irritant('livr*\nlivraison\nlivraison rapide'));
    const r = analyze('livraison rapide', a);
    expect(r.matches.map((m) => m.text)).toEqual(['livraison rapide']);
    expect(r.irritants).toEqual(['x']);
  });

  it('keeps separate matches of one entry when they do not overlap', () => {
    expect(hits('attente au téléphone, attente en magasin', irritant('attente'))).toEqual(['x:attente', 'x:attente']);
  });
});

describe('exclusions', () => {
  const entries = irritant('attente', '    exclude: ["salle d\'attente", "file d\'attente virtuelle"]\n');
  it.each([
    ["la salle d'attente était propre", []],
    ["salle d'attente propre mais attente longue", ['x:attente']],
    ["la file d'attente virtuelle", []],
    ["une file d'attente", ['x:attente']],
  ])('%j', (text, expected) => {
    expect(hits(text, entries)).toEqual(expected);
  });

  it('only cancels matches of the same entry', () => {
    const two = `${irritant('attente', '    exclude: ["salle d\'attente"]\n')}  - id: y\n    kind: irritant\n    theme: t\n    terms: [attente]\n`;
    expect(hits("salle d'attente", two)).toEqual(['y:attente']);
  });

  it('keeps excluded matches in allMatches with a reason when asked', () => {
    const doc = parseLexicon(`version: 1\nentries:\n  - id: t\n    kind: theme\n    terms: [zzz]\n${entries}`);
    const a = createAnalyzer({ includeDefault: false, includeBaseSentiment: false, lexicons: [doc], keepCancelled: true });
    const r = analyze("salle d'attente", a);
    expect(r.matches).toEqual([]);
    expect(r.allMatches?.map((m) => [m.id, m.text, (m as { cancelled?: string }).cancelled])).toEqual([['x', 'attente', 'excluded']]);
    expect(analyze("salle d'attente", analyzerFor(entries)).allMatches).toBeUndefined();
  });
});

describe('match records', () => {
  it('carry id, kind, theme, term, token span, offsets, text and negation', () => {
    const r = analyze('Bonjour, colis jamais reçu !', analyzerFor(irritant('jamais reçu')));
    expect(r.matches).toEqual([
      { id: 'x', kind: 'irritant', theme: 't', term: 'jamais reçu', tokenStart: 3, tokenEnd: 5, start: 15, end: 26, text: 'jamais reçu', negated: false },
    ]);
  });

  it('disabled entries never match', () => {
    const doc = parseLexicon(`version: 1\nentries:\n  - id: t\n    kind: theme\n    terms: [zzz]\n${irritant('attente')}`);
    const off = parseLexicon('version: 1\nentries:\n  - id: x\n    disabled: true\n');
    const a = createAnalyzer({ includeDefault: false, lexicons: [doc, off] });
    expect(analyze('attente', a).matches).toEqual([]);
  });
});

describe('each lexicon walks its own trie', () => {
  const texts = ['colis jamais reçu, attente sans fin', 'une attente de trois semaines', '', '!!!', 'remboursement refusé après une longue attente'];
  const a = analyzerFor(irritant('attente\njamais reçu'));
  const b = analyzerFor(irritant('remboursement refusé\nattente {0,2} semaines'));
  const ids = (text: string, analyzer: ReturnType<typeof analyzerFor>) => analyze(text, analyzer).matches.map((m) => `${m.term}@${m.start}`);

  it('matches the same whether two lexicons take turns or each runs alone', () => {
    const alone = [...texts.map((t) => ids(t, a)), ...texts.map((t) => ids(t, b))];
    const turns: string[][] = [];
    for (const t of texts) turns.push(ids(t, a), ids(t, b));
    expect([...turns.filter((_, i) => i % 2 === 0), ...turns.filter((_, i) => i % 2 === 1)]).toEqual(alone);
    expect(alone.flat()).toContain('remboursement refusé@0');
    expect(alone.flat()).toContain('jamais reçu@6');
  });

  it('gives a verbatim its own matches only, however many came before', () => {
    const once = ids(texts[0] as string, a);
    for (const t of texts) ids(t, a);
    expect(ids(texts[0] as string, a)).toEqual(once);
    expect(once).toEqual(['jamais reçu@6', 'attente@19']);
  });
});

describe('the compiled trie', () => {
  // A node's row in `table` (src/lexicon/compile.ts): five offsets, its gaps' run at GAP, its ends' run at END.
  const ROW = 5;
  const GAP = 3;
  const END = 4;
  /** The ends (entry, term or ~exclusion, gapped) of every node, as the matcher reads them. */
  const endsByNode = (data: MatcherData): number[][][] => {
    const out: number[][][] = [];
    const nodes = data.table.length / ROW - 1;
    for (let n = 0; n < nodes; n += 1) {
      const list: number[][] = [];
      for (let e = data.table[n * ROW + END] as number; e < (data.table[(n + 1) * ROW + END] as number); e += 1) list.push([...data.ends.subarray(e * 3, e * 3 + 3)]);
      if (list.length > 0) out.push(list);
    }
    return out;
  };
  const compiled = (entries: Array<{ terms: string[]; exclude?: string[] }>): MatcherData =>
    compileMatcherData(composeLexicons([defineLexicon({ version: 1, entries: entries.map((e, i) => ({ id: `e${i}`, kind: 'theme' as const, label: `E${i}`, ...e })) })]));

  it('ends an entry once at a node however many of its terms reach it, its exclusions apart', () => {
    // Three spellings of one term key to one path; so do the exclusion's two.
    const data = compiled([{ terms: ['colis perdu', 'COLIS PERDU', 'Colis   perdu'], exclude: ['colis perdu', 'COLIS Perdu'] }]);
    expect(endsByNode(data)).toEqual([[[0, 0, 0], [0, ~0, 0]]]);
  });

  it('keeps the ends of several entries at one node in the order of the entries', () => {
    const data = compiled([{ terms: ['retard'] }, { terms: ['colis', 'retard'] }, { terms: ['retard'], exclude: ['retard'] }]);
    const ends = endsByNode(data);
    expect(ends).toContainEqual([[0, 0, 0], [1, 1, 0], [2, 0, 0], [2, ~0, 0]]);
    expect(ends).toContainEqual([[1, 0, 0]]);
  });

  it('shares the gap of a shared prefix, in the order the gaps were made', () => {
    const data = compiled([{ terms: ['colis {0,3} abîmé', 'colis {0,3} cassé', 'colis {1,2} perdu', 'colis {0,2} vide', 'colis {1,2} volé'] }]);
    // The root's `colis` node has three gaps, in the order made: {0,3} and {1,2}, each shared by two terms, then {0,2}.
    const colis = data.keys.to[0] as number;
    const gaps = [];
    for (let g = data.table[colis * ROW + GAP] as number; g < (data.table[(colis + 1) * ROW + GAP] as number); g += 1) gaps.push([data.gaps[g * 3], data.gaps[g * 3 + 1]]);
    expect(gaps).toEqual([[0, 3], [1, 2], [0, 2]]);
    expect(data.gaps.length).toBe(9);
  });
});
