import { describe, expect, it } from 'vitest';
import * as chat from '../../src/text/chat.js';
import * as text from '../../src/text/index.js';

describe('text API', () => {
  it('exports exactly these names (besides the chat helpers, tested in chat tests)', () => {
    const chatNames = new Set(Object.keys(chat));
    expect(Object.keys(text).filter((name) => !chatNames.has(name)).sort()).toEqual(
      [
        'DEFAULT_LANGUAGES',
        'contentKeywords',
        'countWords',
        'detectLanguage',
        'englishWords',
        'foldKey',
        'isStopword',
        'normalize',
        'sentences',
        'stem',
        'stopwords',
        'tokenize',
      ].sort(),
    );
  });

  it.each([
    ['tokenize', () => text.tokenize(42 as never), 'got number'],
    ['tokenize null', () => text.tokenize(null as never), 'got null'],
    ['normalize', () => text.normalize(undefined as never), 'got undefined'],
    ['sentences', () => text.sentences({} as never), 'got object'],
    ['stem', () => text.stem(['a'] as never), 'got an array'],
    ['isStopword', () => text.isStopword(1 as never), 'got number'],
    ['detectLanguage', () => text.detectLanguage(null as never), 'got null'],
    ['countWords', () => text.countWords('abc' as never), 'got string'],
    ['contentKeywords', () => text.contentKeywords(undefined as never), 'got undefined'],
    ['tokenize options.sms', () => text.tokenize('a', { sms: 'x' as never }), 'got string'],
  ])('%s throws a TypeError on misuse', (_name, call, got) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(/^verbatim-fr: expected .*, got /);
    expect(call).toThrow(got);
  });

  it('englishWords rejects a non-string', async () => {
    await expect(text.englishWords(3 as never)).rejects.toThrow(TypeError);
  });

  it('tokens carry the five fields of the shared Token type', () => {
    expect(text.tokenize("l'accueil")[0]).toEqual({ text: "l'", start: 0, end: 2, kind: 'word', norm: 'le' });
  });
});
