// Validates, composes and compiles the default lexicons with the library's own
// code (src/lexicon, run through tsx), then writes them into src/data as typed
// modules, so the package ships them validated and needs neither fs nor a YAML
// parser at run time:
// - lexicons/fr/*.yml → src/data/fr.generated.ts (validated layers, in file order);
// - lexicons/fr/sectors/*.yml → src/data/fr-sectors.generated.ts;
// - lexicons/en/*.yml → src/data/en.generated.ts (+ the lemma keys of their terms).
// Any problem (syntax, schema, composition, a term that does not compile) fails
// the build with the file, line, column and hint of each issue; nothing is written.
// `--check DIR`: validate the lexicons of DIR (laid out like lexicons/) and write nothing.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildLemmas } from './build-lemmas.mjs';
import { buildStopwords } from './build-stopwords.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const checkAt = process.argv.indexOf('--check');
const checkOnly = checkAt >= 0;
const lexiconRoot = checkOnly ? resolve(process.argv[checkAt + 1] ?? 'lexicons') : join(root, 'lexicons');

// The forms table of `lemma:` first (src/data/lemmas.generated.ts), from the Lefff devDependencies: compiling terms reads it.
if (!checkOnly) buildLemmas({ quiet: true });
// The French stop words (src/text/stopwords-fr.generated.ts), from the stopword devDependency.
if (!checkOnly) buildStopwords({ quiet: true });
const { register } = await import('tsx/esm/api');
const unregister = register();
// Modules that do not read src/data (about to be rewritten): parsing, validation, composition,
// term compilation with an explicit SMS table, the English lemmatiser.
const { safeParseLexicon } = await import('../src/lexicon/parse.ts');
const { composeLexicons } = await import('../src/lexicon/compose.ts');
const { compileLexicon } = await import('../src/lexicon/compile.ts');
const { LexiconError } = await import('../src/lexicon/errors.ts');
const { lemmatizeTerm } = await import('../src/text/english.ts');
const { buildEnglishForms, formsStamp } = await import('./build-en-forms.mjs');

/** Every issue found, in the order found: the build reports them all, then fails. */
const issues = [];
const ymlFiles = (dir) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yml')).sort() : []);

/** Parses and validates one layer; undefined (issues recorded) when it is not a valid lexicon. */
function load(dir, file) {
  const full = join(lexiconRoot, dir, file);
  const path = relative(dirname(lexiconRoot), full).split('\\').join('/');
  const result = safeParseLexicon(readFileSync(full, 'utf8'), { file: path });
  if (!result.success) issues.push(...result.issues);
  return result.success ? { file: path, data: result.lexicon } : undefined;
}

/** Runs a step of the library that throws LexiconError; records its issues. */
function check(step) {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof LexiconError)) throw error;
    issues.push(...error.issues);
    return undefined;
  }
}

const sources = ymlFiles(join(lexiconRoot, 'fr')).map((file) => load('fr', file));
const sectors = ymlFiles(join(lexiconRoot, 'fr', 'sectors')).map((file) => {
  const loaded = load('fr/sectors', file);
  return loaded && { name: file.replace(/\.yml$/, ''), ...loaded };
});
const enSources = ymlFiles(join(lexiconRoot, 'en')).map((file) => load('en', file));

/** The SMS table the analyser keys terms with: the composed lexicon's, else the default one. */
const keyingOf = (lexicon, fallback) => ({ sms: Object.keys(lexicon.sms).length > 0 ? lexicon.sms : fallback });

// The table English words are keyed by (scripts/build-en-forms.mjs: compromise runs here, at build
// time, not when analysing). It takes some seconds of tagging: rebuilt only when its stamp (the
// English lexicons, compromise, the script) differs from the generated file's.
const formsTarget = join(root, 'src', 'data', 'en-forms.generated.ts');
let formsStampValue;
let englishForms;
if (issues.length === 0) {
  formsStampValue = formsStamp(enSources);
  let previous;
  try {
    previous = await import(pathToFileURL(formsTarget).href);
  } catch {}
  englishForms =
    previous?.EN_FORMS_STAMP === formsStampValue ? { forms: previous.EN_FORMS, nounForms: previous.EN_NOUN_FORMS } : buildEnglishForms(enSources);
}
unregister();

if (issues.length === 0) {
  const fr = check(() => composeLexicons(sources.map((s) => s.data)));
  if (fr !== undefined) {
    const keying = keyingOf(fr, {});
    check(() => compileLexicon(fr, keying));
    // Each sector over the defaults: composed whole, and the entries it adds or changes compiled.
    const byId = new Map(fr.entries.map((e) => [e.id, JSON.stringify([e.terms, e.exclude])]));
    for (const sector of sectors) {
      const lexicon = check(() => composeLexicons([...sources.map((s) => s.data), sector.data]));
      if (lexicon === undefined) continue;
      const changed = lexicon.entries.filter((e) => byId.get(e.id) !== JSON.stringify([e.terms, e.exclude]));
      check(() => compileLexicon({ ...lexicon, entries: changed }, keyingOf(lexicon, keying.sms)));
    }
  }
  // The English layer as the analyser builds it: composed, terms keyed on their lemmas, no SMS table.
  const en = check(() => composeLexicons(enSources.map((s) => s.data)));
  if (en !== undefined) {
    for (const e of en.entries) {
      e.terms = e.terms.map((t) => lemmatizeTerm(t, englishForms));
      e.exclude = e.exclude.map((t) => lemmatizeTerm(t, englishForms));
    }
    check(() => compileLexicon(en, { sms: {}, fuzzy: false }));
  }
}

if (issues.length > 0) {
  console.error(new LexiconError(issues).message.replace(/^verbatim-fr: invalid lexicon/, 'build-lexicons: the default lexicons are invalid'));
  console.error('nothing written to src/data; fix the lexicons above and run `npm run build:lexicons` again');
  process.exit(1);
}
if (checkOnly) {
  console.log(`build-lexicons: ${sources.length} French layers, ${sectors.length} sectors, ${enSources.length} English layers valid`);
  process.exit(0);
}

/** Writes a generated file when its content changed (keeps timestamps, and watchers quiet). */
function write(target, content) {
  let previous = '';
  try {
    previous = readFileSync(target, 'utf8');
  } catch {}
  if (previous !== content) writeFileSync(target, content);
}

const header = (from) =>
  `// generated by scripts/build-lexicons.mjs from ${from}, validated and composed by src/lexicon — do not edit; run \`npm run build:lexicons\`\n` +
  '/* eslint-disable */\n' +
  "import type { LexiconDocument } from '../lexicon/types.js';\n";

write(
  join(root, 'src', 'data', 'fr.generated.ts'),
  header('lexicons/fr/*.yml') +
    '/** The default French layers, in file order. */\n' +
    `export const FR_LEXICON_SOURCES: ReadonlyArray<{ file: string; data: LexiconDocument }> = ${JSON.stringify(sources, null, 1)};\n`,
);

// Optional sector layers (lexicons/fr/sectors/<name>.yml), applied on request: createAnalyzer({ sectors }), --sector.
write(
  join(root, 'src', 'data', 'fr-sectors.generated.ts'),
  header('lexicons/fr/sectors/*.yml') +
    '/** The optional sector layers, by name. */\n' +
    `export const FR_SECTOR_SOURCES: ReadonlyArray<{ name: string; file: string; data: LexiconDocument }> = ${JSON.stringify(sectors, null, 1)};\n`,
);

// What the text functions and sector look-ups read of the default lexicons, apart from them:
// each layer's SMS forms, stop-word edits and channel table (those that have any, in file
// order) and the sector names. Every build carries this small file; the browser build loads
// the lexicons themselves on demand (src/lexicon/default-data.browser.ts), and tokenize()
// or sectorNames() must not wait for them.
const tableLayers = sources
  .map(({ data }) => Object.fromEntries(['sms', 'stopwords', 'channels'].filter((k) => data[k] !== undefined).map((k) => [k, data[k]])))
  .filter((layer) => Object.keys(layer).length > 0);
write(
  join(root, 'src', 'data', 'fr-tables.generated.ts'),
  header('lexicons/fr/*.yml and lexicons/fr/sectors/*.yml') +
    "/** The SMS forms, stop-word edits and channel table of the default French layers that have any, in file order. */\n" +
    `export const FR_TABLE_LAYERS: ReadonlyArray<Pick<LexiconDocument, 'sms' | 'stopwords' | 'channels'>> = ${JSON.stringify(tableLayers, null, 1)};\n` +
    '/** Names of the optional sector layers (lexicons/fr/sectors/<name>.yml), in file order. */\n' +
    `export const FR_SECTOR_NAMES: readonly string[] = ${JSON.stringify(sectors.map((s) => s.name))};\n`,
);

// A reference page of the default lexicons, for readers who do not open the YAML.
const kinds = ['theme', 'concept', 'irritant', 'enchantment', 'intent'];
const rows = [];
for (const { file, data } of sources) {
  for (const e of data?.entries ?? []) rows.push({ file, ...e });
}
const cell = (v) => String(v ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
let doc = '<!-- generated by scripts/build-lexicons.mjs from lexicons/fr/*.yml — do not edit -->\n';
doc += '# Default French lexicons — reference\n\n';
doc += 'Every entry of `lexicons/fr/`, by kind: id, public tag, theme, label, number of terms and the first terms. ';
doc += 'The format is described in [lexicon-format.md](lexicon-format.md).\n';
for (const kind of kinds) {
  const list = rows.filter((r) => r.kind === kind).sort((a, b) => a.id.localeCompare(b.id));
  if (list.length === 0) continue;
  doc += `\n## ${kind} (${list.length})\n\n| id | theme | label | terms | first terms | file |\n|---|---|---|---|---|---|\n`;
  for (const r of list) {
    const theme = r.theme ?? r.parent ?? (kind === 'theme' ? `stage: ${r.stage ?? '—'}` : '');
    const terms = r.terms ?? [];
    const first = terms.slice(0, 3).map((t) => '`' + cell(t).slice(0, 60) + '`').join(', ');
    doc += `| \`${r.id}\`${r.tag ? ` (tag \`${r.tag}\`)` : ''} | ${cell(theme)} | ${cell(r.label)} | ${terms.length} | ${first} | ${r.file.replace('lexicons/fr/', '')} |\n`;
  }
}
write(join(root, 'docs', 'lexicon-reference.md'), doc);

// The English layer (lexicons/en/*.yml, same ids, lemma keys) → src/data/en.generated.ts,
// and the table its words are keyed by → src/data/en-forms.generated.ts.
write(
  join(root, 'src', 'data', 'en.generated.ts'),
  header('lexicons/en/*.yml') +
    '/** The default English layers, in file order. */\n' +
    `export const EN_LEXICON_SOURCES: ReadonlyArray<{ file: string; data: LexiconDocument }> = ${JSON.stringify(enSources, null, 1)};\n`,
);
write(
  formsTarget,
  '// generated by scripts/build-lexicons.mjs (scripts/build-en-forms.mjs, compromise) from lexicons/en/*.yml — do not edit; run `npm run build:lexicons`\n' +
    '/* eslint-disable */\n' +
    '/** Stamp of the inputs (script, compromise version, English lexicons): the build skips the table when it matches. */\n' +
    `export const EN_FORMS_STAMP = '${formsStampValue}';\n` +
    '/** Lemma key → the written forms (lowercase, space-separated) keyed to it; a form not listed is its own key. */\n' +
    `export const EN_FORMS: Readonly<Record<string, string>> = ${JSON.stringify(englishForms.forms, null, 1)};\n` +
    '/** Key → the forms keyed to it right after a determiner instead ("the cleaning" keeps `cleaning`). */\n' +
    `export const EN_NOUN_FORMS: Readonly<Record<string, string>> = ${JSON.stringify(englishForms.nounForms, null, 1)};\n`,
);
