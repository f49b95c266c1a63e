// What the analysis asks of a unit's key, asked once per key rather than once
// per unit and pass. Each pass looked the key up in its own table (the
// matcher's key records, clause breaks, negators, sentiment phrases and stems,
// turn words, modality markers, numbers written out): a dozen hash lookups
// per word, a fifth of the analysis' time on repeated words. A unit now
// carries its key's facts, found with one lookup; each fact is read from its
// table the first time a pass asks for it (a word met once costs what it
// did: one lookup per pass that asks), then kept. A pass given another table
// than the one the facts were read for (a caller's own configuration, a unit
// rewritten) asks that table as before.
// (The passes' configurations are only compared here, never read: this module imports none of their types,
// which import it for Unit.)
import type { CompiledLexicon } from '../lexicon/compile.js';
import { Memo } from '../text/memo.js';
import { stopwordSet, type StopwordOptions } from '../text/stopwords.js';

/** Keys per generation: the matcher's key records' budget (the facts hold those records now). */
const FACTS_MEMO = 32_768;

/**
 * The facts of one key. `undefined`: not asked yet; `false`: asked, none.
 * Every field is present from the start, so the objects share one shape.
 */
export interface UnitFacts {
  /** The tables the facts are read from. */
  readonly table: UnitFactsTable;
  /** The matcher's record of the key (`CompiledLexicon.keyInfo`). */
  readonly match: unknown;
  /** The key alone breaks a clause. */
  breaks: boolean | undefined;
  /** The key ends a multi-word clause break ("par contre"). */
  endsLongBreak: boolean | undefined;
  /** A negator ("pas", "jamais", "aucun"). */
  negator: boolean | undefined;
  /** The sentiment phrases' node for a word unit of this key (their first key). */
  phrase: unknown;
  /** A word unit of this key may go on a sentiment phrase (its second key or later). */
  inner: boolean | undefined;
  /** The sentiment value of the key's stem, for a word unit. */
  stemValue: number | false | undefined;
  /** A turn word ("mais", "par contre") may start at the key. */
  turn: boolean | undefined;
  /** Modality markers that end on the key (longest first). */
  markers: unknown;
  /** A number written out ("trois"): a duration may start there. */
  numberWord: boolean | undefined;
  /** A stop word of the layer (not a content keyword). */
  stop: boolean | undefined;
}

/** The configuration a layer's units are analysed with. */
export interface FactsLayer {
  readonly compiled: CompiledLexicon;
  readonly negation: object;
  readonly sentiment: object;
  readonly stopwords: StopwordOptions;
}

/** One table per layer (an analyser's French layer, its English one), with the analyser's modality markers. */
export class UnitFactsTable {
  readonly compiled: CompiledLexicon;
  readonly negation: object;
  readonly sentiment: object;
  private readonly stop: ReadonlySet<string>;
  private readonly memo = new Memo<UnitFacts>(FACTS_MEMO);

  constructor(
    layer: FactsLayer,
    readonly modality: object,
  ) {
    this.compiled = layer.compiled;
    this.negation = layer.negation;
    this.sentiment = layer.sentiment;
    this.stop = stopwordSet(layer.stopwords);
  }

  /** Sets every unit's facts (one lookup per unit). */
  annotate(units: ReadonlyArray<{ key: string; facts?: UnitFacts | undefined }>): void {
    for (const u of units) u.facts = this.of(u.key);
  }

  /**
   * The content keywords of units made from tokens as `toUnits` makes them:
   * what `contentKeywords` gives for those tokens (their word tokens' norms,
   * split at spaces, less the layer's stop words), a fact per key.
   */
  keywords(units: ReadonlyArray<{ key: string; kind: string; facts?: UnitFacts | undefined }>): string[] {
    const out: string[] = [];
    for (const u of units) {
      if (u.kind !== 'word') continue;
      const f = u.facts;
      if (!(f !== undefined && f.table === this ? (f.stop ??= this.stop.has(u.key)) : this.stop.has(u.key))) out.push(u.key);
    }
    return out;
  }

  of(key: string): UnitFacts {
    let facts = this.memo.get(key);
    if (facts !== undefined) return facts;
    // The matcher asks for every unit: its record is read at once.
    facts = {
      table: this,
      match: this.compiled.keyInfo(key),
      breaks: undefined,
      endsLongBreak: undefined,
      negator: undefined,
      phrase: undefined,
      inner: undefined,
      stemValue: undefined,
      turn: undefined,
      markers: undefined,
      numberWord: undefined,
      stop: undefined,
    };
    this.memo.set(key, facts);
    return facts;
  }
}
