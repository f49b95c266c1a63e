// Generated lexicon files (YAML, or JSON now and then), valid or broken, with
// what loading them must give: accepted, or refused with a `LexiconError`
// that names the file (and the line and column when the problem has a place).
import fc from 'fast-check';

export type LexiconDamage =
  | 'none'
  /** Anchors and aliases used as meant: a few terms shared by two entries. */
  | 'anchors'
  | 'syntax'
  /** Aliases nested in each other ("billion laughs"). */
  | 'alias-bomb'
  | 'duplicate-key'
  | 'wrong-type'
  | 'unknown-field'
  | 'bad-term'
  | 'duplicate-id'
  | 'unknown-theme'
  | 'missing-version'
  /** A flow sequence nested thousands deep. */
  | 'deep-nesting'
  /** Bytes that are not UTF-8 (a file saved as Windows-1252). */
  | 'latin1'
  | 'empty'
  /** A key or term tens of kilobytes long. */
  | 'huge-string';

export interface LexiconSpec {
  syntax: 'yaml' | 'json';
  themes: number;
  entries: Array<{ kind: 'concept' | 'irritant' | 'enchantment' | 'intent'; terms: number[]; theme: number }>;
  /** Entries of the SMS table. */
  sms: number;
  sentiment: number;
  negation: boolean;
  channels: number;
  damage: LexiconDamage;
  /** Picks a variant of the damage. */
  variant: number;
  /** `deep-nesting`: levels of brackets (else 1,000 to 19,000, from the variant). */
  depth?: number;
  /** Words of the huge term (`huge-string`). */
  hugeWords: number;
  bom: boolean;
  eol: '\n' | '\r\n';
  /** `lexicon check FILE`, or `analyze` of a small file with the lexicon. */
  command: 'check' | 'analyze';
}

export type LexiconOutcome =
  | { kind: 'lexicon-ok' }
  | { kind: 'lexicon-refused'; message: RegExp; positioned: boolean }
  /** Either, as long as it ends cleanly (a refusal names the file). */
  | { kind: 'lexicon-any' };

export interface RenderedLexicon {
  name: string;
  bytes: Buffer;
  outcome: LexiconOutcome;
}

const TERMS = [
  'livraison', 'colis', 'retard', 'jamais reçu', 'stem:livrer', 'livr*', 'colis|paquet {0,0} abîmé', 'toujours pas {0,3} reçu', 'délai|attente',
  'conseillère', 'aimable', 'remboursé', 'rembours*', "l'écoute", 'service client', 'très déçu', 'SAV', 'point relais', 'facture', 'résilier',
];
const SENTIMENT = ['bien', 'nul', 'déçu', 'rapide', 'nickel', 'galère', 'top', 'bof', 'pas terrible', 'au top', '😡', '👍'];

export function lexiconSpec(): fc.Arbitrary<LexiconSpec> {
  return fc.record({
    syntax: fc.constantFrom<LexiconSpec['syntax']>('yaml', 'yaml', 'yaml', 'json'),
    themes: fc.integer({ min: 1, max: 4 }),
    entries: fc.array(
      fc.record({
        kind: fc.constantFrom<'concept' | 'irritant' | 'enchantment' | 'intent'>('concept', 'irritant', 'enchantment', 'intent'),
        terms: fc.array(fc.nat({ max: TERMS.length - 1 }), { minLength: 1, maxLength: 5 }),
        theme: fc.nat({ max: 3 }),
      }),
      { maxLength: 8 },
    ),
    sms: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 50 }) }),
    sentiment: fc.nat({ max: SENTIMENT.length }),
    negation: fc.boolean(),
    channels: fc.nat({ max: 3 }),
    damage: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom<LexiconDamage>('none', 'anchors') },
      {
        weight: 8,
        arbitrary: fc.constantFrom<LexiconDamage>(
          'syntax', 'alias-bomb', 'duplicate-key', 'wrong-type', 'unknown-field', 'bad-term', 'duplicate-id', 'unknown-theme', 'missing-version', 'deep-nesting', 'latin1', 'empty', 'huge-string',
        ),
      },
    ),
    variant: fc.nat({ max: 999 }),
    hugeWords: fc.integer({ min: 1000, max: 5000 }),
    bom: fc.boolean(),
    eol: fc.constantFrom<LexiconSpec['eol']>('\n', '\r\n'),
    command: fc.constantFrom<LexiconSpec['command']>('check', 'check', 'analyze'),
  });
}

/** A key as YAML writes it: plain when it can be, else double-quoted. */
const yamlKey = (key: string): string => (/^[a-z_][a-z0-9_.]*$/i.test(key) ? key : JSON.stringify(key));

/** Block-style YAML of plain data; strings double-quoted (JSON strings are valid YAML). */
export function toYaml(value: unknown, pad = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return value.map((v) => `\n${pad}- ${typeof v === 'object' && v !== null && !Array.isArray(v) ? toYaml(v, `${pad}  `).trimStart() : toYaml(v, `${pad}  `)}`).join('');
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return entries
      .map(([k, v]) => {
        const nested = typeof v === 'object' && v !== null && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);
        return `\n${pad}${yamlKey(k)}:${nested ? toYaml(v, `${pad}  `) : ` ${toYaml(v, `${pad}  `)}`}`;
      })
      .join('');
  }
  return JSON.stringify(value) ?? 'null';
}

/** The lexicon as data: themes, then entries attached to them, and the optional sections. */
function lexiconData(spec: LexiconSpec): Record<string, unknown> {
  const themes = Array.from({ length: spec.themes }, (_, t) => ({ id: `theme_${t}`, kind: 'theme', label: `Thème ${t}`, terms: [TERMS[t * 3 % TERMS.length]!] }));
  const entries = spec.entries.map((e, k) => {
    const theme = `theme_${e.theme % spec.themes}`;
    // Past the first 40 entries (large lexicons), each entry's terms are its own: hundreds of entries
    // sharing a term would make every verbatim match them all (co-occurrence pairs grow with their square).
    const own = k < 40 ? '' : ` zz${k.toString(36)}`;
    const terms = [...new Set(e.terms.map((t) => TERMS[t]! + own))];
    return {
      id: `${e.kind}_${k}`,
      kind: e.kind,
      ...(e.kind === 'concept' ? { parent: theme } : { theme }),
      label: `Entrée ${k}`,
      terms,
    };
  });
  return {
    version: 1,
    lang: 'fr',
    entries: [...themes, ...entries],
    ...(spec.sentiment > 0 && { sentiment: { words: Object.fromEntries(SENTIMENT.slice(0, spec.sentiment).map((w, k) => [w, (k % 7) - 3 || 1])) } }),
    ...(spec.negation && { negation: { negators: ['ne', 'pas', 'jamais', 'plus', 'rien'], window: 4, breaks: [',', '.', 'mais'] } }),
    ...(spec.channels > 0 && { channels: Array.from({ length: spec.channels }, (_, c) => ({ id: `canal_${c}`, label: `Canal ${c}`, aliases: [`source ${c}`] })) }),
    ...(spec.sms > 0 && { sms: Object.fromEntries(Array.from({ length: spec.sms }, (_, k) => [`zq${k.toString(36)}`, ['pourquoi', 'toujours', 'je suis', 'beaucoup'][k % 4]])) }),
  };
}

const positioned = (message: RegExp): LexiconOutcome => ({ kind: 'lexicon-refused', message, positioned: true });
const refused = (message: RegExp): LexiconOutcome => ({ kind: 'lexicon-refused', message, positioned: false });

/** Changes to the data itself (the file stays well-formed). */
function damageData(spec: LexiconSpec, data: Record<string, unknown>): LexiconOutcome | undefined {
  const entries = data['entries'] as Array<Record<string, unknown>>;
  const first = entries[0]!;
  const v = spec.variant;
  switch (spec.damage) {
    case 'wrong-type': {
      const cases: Array<() => RegExp> = [
        () => ((data['version'] = 'un'), /unsupported version/),
        () => ((data['entries'] = 'livraison'), /entries must be a list/),
        () => ((first['terms'] = 5), /terms/),
        () => ((first['kind'] = 12), /kind/),
        () => ((data['sms'] = ['pk', 'pourquoi']), /sms must be a mapping/),
        () => ((data['sentiment'] = { words: { bien: 'très' } }), /sentiment\.words\.bien must be a number/),
        () => ((first['label'] = ['Livraison']), /label of "theme_0" must be a non-empty string/),
        () => ((data['negation'] = { negators: ['pas'], window: -1 }), /negation\.window must be a whole number/),
        () => ((data['channels'] = { chat: 'Chat' }), /channels must be a list/),
      ];
      return positioned(cases[v % cases.length]!());
    }
    case 'unknown-field':
      first[['termz', 'lable', 'exclusions', 'Kind'][v % 4]!] = ['livraison'];
      return positioned(/unknown field/i);
    case 'bad-term': {
      const term = ["d' attente", '*', 'a*', 'colis {3,1} abîmé', 'colis {0,20} abîmé', '', '{0,2} colis', 'colis {0,2}'][v % 8]!;
      (first['terms'] as string[]).push(term);
      return positioned(/term|glob|gap|apostrophe/i);
    }
    case 'duplicate-id':
      entries.push({ ...first });
      return positioned(/duplicate id "theme_0"/);
    case 'unknown-theme':
      entries.push({ id: 'orphelin', kind: 'irritant', theme: 'theme_inconnu', label: 'Orphelin', terms: ['livraison'] });
      return refused(/theme_inconnu/);
    case 'missing-version':
      delete data['version'];
      return refused(/missing version/);
    default:
      return undefined;
  }
}

/** A flow sequence `depth` deep, written without recursion. */
const deepFlow = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

/** Bytes of the lexicon file and what loading it must give. */
export function renderLexicon(spec: LexiconSpec, base = 'fuzz-lexique'): RenderedLexicon {
  const name = `${base}.${spec.syntax === 'json' ? 'json' : 'yml'}`;
  const data = lexiconData(spec);
  let outcome: LexiconOutcome = damageData(spec, data) ?? { kind: 'lexicon-ok' };
  let text = spec.syntax === 'json' ? JSON.stringify(data, null, 2) : toYaml(data).trimStart();
  const v = spec.variant;
  const json = spec.syntax === 'json';
  switch (spec.damage) {
    case 'anchors':
      if (!json) {
        // The first theme's terms are shared with one more entry through an anchor.
        text = toYaml({ ...data, entries: [...(data['entries'] as unknown[]), { id: 'partage', kind: 'irritant', theme: 'theme_0', label: 'Partagé', terms: 'ALIAS' }] }).trimStart();
        text = text.replace(/terms:\n/, 'terms: &termes_communs\n').replace('terms: "ALIAS"', 'terms: *termes_communs');
      }
      break;
    case 'syntax': {
      const cases = json
        ? [(t: string) => t.slice(0, Math.max(1, Math.floor(t.length * ((v % 90) + 5) / 100))), (t: string) => t.replace(/,(\s*")/, '$1'), (t: string) => t.replace('"', "'")]
        : [
            (t: string) => t.replace(/"([^"\n]*)"/, '"$1'), // an unterminated quote
            (t: string) => `${t}\n  - id: mal_indente\n   kind: theme`,
            (t: string) => t.replace(/\nentries:/, '\nentries: [livraison\nautre:'),
            (t: string) => t.replace(/\n(\s*)label:/, '\n$1label: a: b: c\n$1x:'),
            (t: string) => `${t}\nsentiment: {words: {bien: 1}\n`,
          ];
      text = cases[v % cases.length]!(text);
      outcome = positioned(/syntax error/);
      break;
    }
    case 'alias-bomb': {
      const width = 3 + (v % 8);
      const depth = 4 + (v % 6);
      const levels = [`a0: &a0 [${Array(width).fill('"lol"').join(', ')}]`];
      for (let d = 1; d <= depth; d++) levels.push(`a${d}: &a${d} [${Array(width).fill(`*a${d - 1}`).join(', ')}]`);
      text = `version: 1\n${levels.join('\n')}\nentries: []\n`;
      // A small one may expand within the limit (yaml counts nested aliases its own way): then the unknown fields are what is wrong.
      outcome = positioned(width ** depth > 1000 ? /YAML aliases expand to too many nodes/ : /YAML aliases expand to too many nodes|unknown field/i);
      break;
    }
    case 'duplicate-key':
      text = json ? text.replace('{', '{\n  "version": 1,') : v % 2 === 0 ? `${text}\nversion: 1` : text.replace(/\n(\s+)label:/, '\n$1label: Doublon\n$1label:');
      outcome = positioned(/appears twice|duplicate/i);
      break;
    case 'deep-nesting': {
      const depth = spec.depth ?? 1000 + (v % 10) * 2000;
      text = json ? `{"version": 1, "entries": ${deepFlow(depth)}}` : `version: 1\nentries: ${deepFlow(depth)}\n`;
      // Refused as nested too deep where the parser's stack gives out, else for what the entries hold.
      outcome = positioned(/nested too deep to read|entr/i);
      break;
    }
    case 'latin1':
      break; // encoded below
    case 'empty':
      text = ['', '\n', '# rien\n', '---\n', 'null\n'][v % 5]!;
      outcome = refused(/version|must be a mapping|empty/i);
      break;
    case 'huge-string': {
      const big = 'livraison '.repeat(spec.hugeWords).trim();
      if (v % 2 === 0) (data['entries'] as Array<{ terms: string[] }>)[0]!.terms.push(big);
      else data['sms'] = { ...(data['sms'] as object | undefined), [`zz${'x'.repeat(20_000 + v * 100)}`]: 'pourquoi' };
      text = json ? JSON.stringify(data, null, 2) : toYaml(data).trimStart();
      // YAML keys written plain are at most 1024 characters long: a longer one is a syntax error, with its place.
      outcome = json || v % 2 === 0 ? { kind: 'lexicon-ok' } : positioned(/must be at most 1024 chars/);
      break;
    }
    default:
      break;
  }
  if (spec.eol === '\r\n') text = text.replace(/\r?\n/g, '\r\n');
  let bytes = Buffer.from(text, 'utf8');
  if (spec.damage === 'latin1') {
    // é, è, à as single Windows-1252 bytes: not UTF-8.
    bytes = Buffer.from(text.replace(/[éèà]/g, (c) => String.fromCharCode(c.charCodeAt(0))), 'latin1');
    // Read with U+FFFD in place of each such byte (emoji lose their high bytes): accepted or refused, cleanly.
    outcome = { kind: 'lexicon-any' };
  }
  if (spec.bom && spec.damage !== 'latin1') bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
  return { name, bytes, outcome };
}
