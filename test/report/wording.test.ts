// One term each in the report's wording: the rows the reader refuses are "rejected"
// (rejetées; as `summary.rejected`, `--rejects`), the good moments are "enchantments"
// (enchantements; as the entry kind), in every catalogue and section wording.
import { describe, expect, it } from 'vitest';
import { defaultSections } from '../../src/report/index.js';
import { messagesFor } from '../../src/report/messages.js';

/** Every string of a wording object, functions called with placeholder arguments. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    const f = value as (...args: unknown[]) => unknown;
    for (const args of [['X', 2, 'Y', 'Z', 'W'], [['X', 'Y'], 2, 'Z']]) {
      try {
        return strings(f(...args));
      } catch {
        // another shape of arguments
      }
    }
    return [];
  }
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

describe.each(['fr', 'en'] as const)('%s wording', (lang) => {
  const all = [...strings(messagesFor(lang)), ...defaultSections().flatMap((s) => strings(s.messages?.[lang]))];

  it('reads', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it.each(lang === 'fr' ? [/ignoré/i] : [/skipped/i, /delight/i])('never says %s', (other) => {
    expect(all.filter((s) => other.test(s))).toEqual([]);
  });

  it('names the refused rows the same way in the text and the page', () => {
    const m = messagesFor(lang);
    const word = lang === 'fr' ? /rejetées/ : /rejected/i;
    for (const label of [m.text.rejected(2), m.text.rejects, m.html.rejected, m.html.rejectReasons, m.html.firstRejects]) expect(label).toMatch(word);
  });

  it('names the enchantment kind the same way everywhere', () => {
    const m = messagesFor(lang);
    const word = /enchant/i;
    for (const label of [m.kindName.enchantment, m.text.lists.enchantment, m.text.withEnchantment, m.html.withEnchantment, m.html.kinds.enchantment, m.html.kindOne.enchantment]) {
      expect(label).toMatch(word);
    }
  });
});
