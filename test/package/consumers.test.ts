import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// These tests run the BUILT package (dist/) the way a consumer would: `npm test` builds first.
const root = resolve(__dirname, '../..');
let consumer = '';

beforeAll(() => {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
  consumer = mkdtempSync(join(tmpdir(), 'verbatim-consumer-'));
  mkdirSync(join(consumer, 'node_modules'));
  symlinkSync(root, join(consumer, 'node_modules', 'verbatim-fr'), 'dir');
});

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: consumer, encoding: 'utf8' });
}

const probe = `JSON.stringify(m.tokenize("J'ai attendu 3 semaines !").map((t) => t.text))`;
const expected = JSON.stringify(["J'", 'ai', 'attendu', '3', 'semaines', '!']);

describe('built package consumers', () => {
  it('ESM: import { tokenize } from "verbatim-fr" prints only what is asked', () => {
    const out = node(['--input-type=module', '-e', `import * as m from 'verbatim-fr'; process.stdout.write(${probe});`]);
    expect(out).toBe(expected);
  });

  it('CJS: require("verbatim-fr") prints only what is asked', () => {
    const out = node(['-e', `const m = require('verbatim-fr'); process.stdout.write(${probe});`]);
    expect(out).toBe(expected);
  });

  it('the node-only entry verbatim-fr/io loads from ESM and CJS', () => {
    const esm = node(['--input-type=module', '-e', `import * as io from 'verbatim-fr/io'; process.stdout.write(typeof io.readVerbatims);`]);
    const cjs = node(['-e', `process.stdout.write(typeof require('verbatim-fr/io').readVerbatims);`]);
    expect([esm, cjs]).toEqual(['function', 'function']);
  });

  it('ships the lexicon JSON Schema as a package export', () => {
    const out = node(['-e', `process.stdout.write(typeof require('verbatim-fr/lexicon.schema.json').properties);`]);
    expect(out).toBe('object');
  });
});
