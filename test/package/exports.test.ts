import { describe, expect, it } from 'vitest';

// The public API, pinned: adding or removing a name must be a deliberate change here.
describe('public API', () => {
  it('verbatim-fr exports exactly these names', async () => {
    expect(Object.keys(await import('../../src/index.js')).sort()).toEqual([
      'DEFAULT_LANGUAGES', 'GoldError', 'KWIC_PROBE', 'LOW_BASE', 'LexiconError', 'ScoreScaleError', 'TONALITY_THRESHOLDS', 'analyze',
      'analyzeStream', 'analyzeVerbatim', 'buildReport', 'chatSection', 'checkThresholds', 'compileLexicon',
      'composeLexicons', 'contentKeywords', 'cooccurrenceSection', 'cooccurrenceTable', 'coreSection', 'countExchanges', 'countWords', 'createAnalyzer',
      'createAnalyzerAsync', 'createDiscoverBuilder', 'createKwic', 'createReportBuilder', 'customerText', 'defaultEnglishLexicon', 'defaultLexicon',
      'defaultSections', 'defineLexicon', 'defineSection', 'describeGoldIssue', 'describeLexiconIssue', 'describeScoreScaleIssue', 'detectDictionary', 'detectLanguage', 'detectScoreScale', 'discover',
      'discoverHtmlSection', 'draftLexicon', 'driversTable', 'englishLemmas', 'englishWords', 'evaluate', 'finalizeDiscover', 'finalizeReport', 'findSector',
      'foldKey', 'importDictionary', 'isBrandMessage', 'isStopword', 'journeySection', 'keynessBySection', 'keynessSection', 'keynessTable', 'kwicLayer', 'loadDefaultLexicons',
      'maskPersonalData', 'mergeDiscoverStates', 'mergeReportStates', 'normalize', 'normalizeChannel', 'parseChatTranscript', 'parseGoldJsonl',
      'parseLexicon', 'parseThresholds', 'renderDiscover', 'renderEvalReport', 'renderHtml', 'renderJsonChunks', 'renderKwic', 'renderReport', 'renderers', 'reportMeta', 'reportTable', 'safeParseLexicon',
      'scoresSection', 'sectorLexicon', 'sectorNames', 'sentences', 'stem', 'stopwords', 'stringifyLexicon', 'suggestSectors', 'tidyCsv', 'tokenize',
      'trendsSection', 'trendsTable',
    ]);
  });

  it('verbatim-fr/io exports exactly these names', async () => {
    expect(Object.keys(await import('../../src/node.js')).sort()).toEqual([
      'InputError', 'STATE_FORMAT', 'STATE_VERSION', 'StateMergeError', 'analyzeFiles', 'authorRole', 'createAnnotationWriter', 'createRunState', 'createRunStateMerger', 'describeInputIssue', 'finalizeRunState',
      'loadLexiconFiles', 'mergeRunStates', 'parseRunStates', 'readLexiconFile', 'readVerbatims', 'runStateChunks', 'stringifyRunState', 'writeRejects',
    ]);
  });

  it('verbatim-fr/queue exports exactly these names', async () => {
    expect(Object.keys(await import('../../src/queue/index.js')).sort()).toEqual([
      'DEFAULT_CHUNK_ROWS', 'DEFAULT_QUEUE', 'DEFAULT_REDIS_URL', 'QueueError', 'clearQueue', 'describeQueueError', 'mergeQueue', 'produceQueue', 'queueStatus', 'workQueue',
    ]);
  });

  it('the main entry imports no node: module (it must run in a browser)', async () => {
    const { readFileSync, readdirSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (!['io', 'run', 'queue', 'cli'].includes(name)) walk(path);
        } else if (/\.ts$/.test(name) && /from ['"](node:|fs['"]|path['"])/.test(readFileSync(path, 'utf8'))) offenders.push(path);
      }
    };
    walk(join(__dirname, '../../src'));
    expect(offenders).toEqual([]);
  });
});
