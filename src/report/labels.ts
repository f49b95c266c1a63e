/**
 * Channel labels and the report title: a readable label for a channel no
 * lexicon names, the labels and title a user gives, and a report relabelled
 * with them (what every renderer shows).
 */
import type { Report } from './types.js';
import { expectedError, typeName } from '../_utils/describe.js';
import { own } from './counts.js';

/**
 * A label for a channel id that no lexicon names: underscores become spaces
 * and the first letter is capitalised (`app_store_fr` → "App store fr",
 * `inconnu` → "Inconnu"); an id written with capitals or spaces is kept.
 */
export function readableChannelLabel(id: string): string {
  if (/[\p{Lu}\s]/u.test(id) && !id.includes('_')) return id;
  const spaced = id.replace(/_+/g, ' ').replace(/\s+/g, ' ').trim();
  return spaced === '' ? id : spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** `channelLabels` checked: an object of non-empty strings, or a TypeError naming the bad key. */
export function checkChannelLabels(value: unknown, name: string): Readonly<Record<string, string>> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw expectedError(`${name} to be an object of channel id → label`, typeName(value));
  }
  for (const [id, label] of Object.entries(value)) {
    if (typeof label !== 'string' || label.trim() === '') {
      throw expectedError(`${name}.${id} to be a non-empty string`, typeName(label));
    }
  }
  return value as Record<string, string>;
}

/** `title` checked: a non-empty string, or a TypeError. */
export function checkTitle(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw expectedError(`${name} to be a non-empty string`, typeName(value));
  return value;
}

/** The label of a channel: the one given, else the lexicon's, else a readable form of its id. */
export function channelLabelOf(id: string, given: Readonly<Record<string, string>> | undefined, lexicon: string | undefined): string {
  return own(given, id) ?? lexicon ?? readableChannelLabel(id);
}

/**
 * The report with a title and channel labels given at render time (the
 * report itself when neither is given): channels keep their ids, only their
 * `label` changes; a label for a channel the report lacks is ignored.
 */
export function relabelReport(report: Report, options: { title?: unknown; channelLabels?: unknown }): Report {
  const title = checkTitle(options.title, 'options.title');
  const labels = checkChannelLabels(options.channelLabels, 'options.channelLabels');
  if (title === undefined && labels === undefined) return report;
  const out: Report = { ...report };
  if (title !== undefined) out.title = title;
  if (labels !== undefined) out.channels = report.channels.map((c) => (own(labels, c.channel) !== undefined ? { ...c, label: own(labels, c.channel) as string } : c));
  return out;
}
