import { describe, expect, it } from 'vitest';
import { shapes, texts } from './helpers.js';

describe('punctuation', () => {
  it.each([
    ['!!!', ['!!!|punct|!!!']],
    ['?!', ['?!|punct|?!']],
    ['?!?!', ['?!?!|punct|?!?!']],
    ['...', ['...|punct|...']],
    ['…', ['…|punct|...']],
    ['.....', ['.....|punct|.....']],
    ['«', ['«|punct|"']],
    ['»', ['»|punct|"']],
    ['—', ['—|punct|-']],
    ['–', ['–|punct|-']],
    [',', [',|punct|,']],
    ['((', ['((|punct|((']],
    ['€', ['€|symbol|€']],
    ['+', ['+|symbol|+']],
    ['&', ['&|symbol|&']],
    ['°', ['°|symbol|°']],
  ])('%s', (input, expected) => {
    expect(shapes(input)).toEqual(expected);
  });

  it.each([
    ['NUL !!!', ['NUL', '!!!']],
    ['nul!!!', ['nul', '!!!']],
    ['quoi ?!', ['quoi', '?!']],
    ['bon... mais', ['bon', '...', 'mais']],
    ['« Super »', ['«', 'Super', '»']],
    ['“pas mon problème”', ['“', 'pas', 'mon', 'problème', '”']],
    ['fin.', ['fin', '.']],
    ['oui, non ; peut-être : bof', ['oui', ',', 'non', ';', 'peut-être', ':', 'bof']],
    ['(2 fois)', ['(', '2', 'fois', ')']],
    ["les clients' avis", ['les', 'clients', "'", 'avis']],
    ['a - b', ['a', '-', 'b']],
    ['-vous', ['-', 'vous']],
  ])('%s', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });
});
