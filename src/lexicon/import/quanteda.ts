// A quanteda dictionary in YAML: keys mapping to lists of glob patterns
// (`*` any characters, `?` one), or to keys of their own (nested), read with
// the position of every key and value.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type YamlNode, type YAMLMap } from '../yaml.js';
import type { LexiconIssue } from '../types.js';
import { issueAt, type Category, type ReadResult } from './model.js';
import { convertGlob } from './terms.js';
import { lexiconProblem as P } from '../messages.js';

export function readQuanteda(text: string, file: string): ReadResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const at = (node: unknown): { line: number; column: number } => {
    const range = (node as YamlNode | null)?.range;
    const pos = lines.linePos(range?.[0] ?? 0);
    return { line: pos.line, column: pos.col };
  };
  const warnings: LexiconIssue[] = [];
  const errors: LexiconIssue[] = [];
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const pos = err.linePos?.[0] ?? lines.linePos(err.pos[0]);
      errors.push(issueAt(file, pos.line, pos.col, P('import_syntax_error', { detail: err.message.split('\n')[0] ?? err.message })));
    }
    return { categories: [], warnings, errors };
  }
  if (!isMap(doc.contents)) {
    const where = at(doc.contents);
    errors.push(issueAt(file, where.line, where.column, P('quanteda_not_mapping', {})));
    return { categories: [], warnings, errors };
  }
  const categories: Category[] = [];
  const walk = (map: YAMLMap, names: string[]): void => {
    for (const pair of map.items) {
      const key = pair.key;
      const where = at(key);
      const name = isScalar(key) ? String(key.value ?? '') : String(key);
      if (name.trim() === '') {
        errors.push(issueAt(file, where.line, where.column, P('empty_key', {})));
        continue;
      }
      const path = [...names, name];
      const category: Category = { names: path, line: where.line, column: where.column, terms: [] };
      categories.push(category);
      const values = pair.value;
      const term = (node: unknown): void => {
        const pos = at(node);
        if (isAlias(node)) {
          warnings.push(issueAt(file, pos.line, pos.column, P('alias_not_followed', {}), path.join(' › ')));
          return;
        }
        if (!isScalar(node) || node.value === null || node.value === undefined) {
          warnings.push(issueAt(file, pos.line, pos.column, P('value_not_word', { name }), path.join(' › ')));
          return;
        }
        const converted = convertGlob(String(node.value), { regex: true });
        if (converted.note !== undefined) warnings.push(issueAt(file, pos.line, pos.column, converted.note, path.join(' › ')));
        if (converted.term !== undefined) category.terms.push({ term: converted.term, line: pos.line, column: pos.column });
      };
      if (isMap(values)) walk(values as YAMLMap, path);
      else if (isSeq(values)) {
        for (const item of values.items) {
          // A list may mix words and nested keys.
          if (isMap(item)) walk(item as YAMLMap, path);
          else term(item);
        }
      } else if (values === null || (isScalar(values) && (values.value === null || values.value === undefined))) {
        // A key with nothing under it: reported when the layer is built (no words).
      } else term(values);
    }
  };
  walk(doc.contents as YAMLMap, []);
  if (categories.length === 0) errors.push(issueAt(file, 1, 1, P('no_keys', {})));
  return { categories, warnings, errors };
}
