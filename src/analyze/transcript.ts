// Chat transcripts carry two voices; only the customer's is the voice of the
// customer. This wraps `analyze` so transcripts are analysed on the customer
// turns (or all turns on request) and report their exchanges.
import { customerText, parseChatTranscript } from '../text/chat.js';
import type { Verbatim, VerbatimAnalysis } from '../types.js';
import { analyze } from './analyze.js';
import { isBrandMessage } from './author.js';
import type { Analyzer } from './analyze.js';
import { expectedError, typeName } from '../_utils/describe.js';

export interface AnalyzeVerbatimOptions {
  /** Analyse every turn of a chat transcript, agents' included (default false: customer turns only). */
  allTurns?: boolean;
  /** Tell brand and agent messages by their wording when no author says so (default true). */
  detectAgentMessages?: boolean;
}

/** A brand's or agent's message: counted, never tagged. */
function agentMessage(verbatim: Verbatim, analyzer: Analyzer): VerbatimAnalysis {
  const a = analyze(verbatim, analyzer);
  const out: VerbatimAnalysis = {
    ...a, matches: [], themes: [], concepts: [], irritants: [], enchantments: [], intents: [],
    tonality: 'neutre', sentiment: { positive: 0, negative: 0 }, residual: undefined, author: 'agent',
  };
  if (out.allMatches !== undefined) out.allMatches = [];
  return out;
}

/**
 * `analyze`, transcript-aware: a text with customer and agent (or bot) turns is
 * analysed on the customer's turns, joined by line breaks (`analysis.text`
 * holds that text, so match offsets refer to it), and `analysis.exchanges`
 * counts the back-and-forths. Any other text is analysed as it is.
 */
export function analyzeVerbatim(verbatim: Verbatim, analyzer: Analyzer, options: AnalyzeVerbatimOptions = {}): VerbatimAnalysis {
  if (typeof verbatim !== 'object' || verbatim === null || typeof verbatim.text !== 'string') {
    throw expectedError('a Verbatim { id, text }', typeName(verbatim));
  }
  if (verbatim.author === 'agent') return agentMessage(verbatim, analyzer);
  const detect = verbatim.author === undefined && options.detectAgentMessages !== false;
  // A transcript has at least two speaker lines: one-line texts (most verbatims) skip the parser.
  if (!verbatim.text.includes('\n')) return detect && isBrandMessage(verbatim.text) ? agentMessage(verbatim, analyzer) : analyze(verbatim, analyzer);
  const transcript = parseChatTranscript(verbatim.text);
  const speakers = new Set(transcript.turns.map((t) => (t.speaker === 'bot' ? 'agent' : t.speaker)));
  // Both sides must be recognised: "Objet : …" / "Référence : …" lines in a letter are no chat.
  if (!transcript.isTranscript || !speakers.has('customer') || !speakers.has('agent')) {
    return detect && isBrandMessage(verbatim.text) ? agentMessage(verbatim, analyzer) : analyze(verbatim, analyzer);
  }
  const text = options.allTurns === true ? verbatim.text : customerText(transcript, verbatim.text).text;
  return { ...analyze({ ...verbatim, text }, analyzer), exchanges: transcript.exchanges };
}
