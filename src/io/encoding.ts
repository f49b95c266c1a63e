// Encoding detection for exported text files: BOM, then UTF-16 without BOM,
// then UTF-8 validity, then chardet; French Excel exports without BOM are
// Windows-1252, so that is the fallback.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DetectedEncoding {
  /** iconv-lite encoding name. */
  encoding: string;
  /** Bytes of byte-order mark at the start (iconv-lite strips it while decoding). */
  bom: number;
}

export function detectEncoding(sample: Uint8Array, complete: boolean): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf8', bom: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf16le', bom: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf16be', bom: 2 };
  if (sample.length === 0) return { encoding: 'utf8', bom: 0 };

  // ASCII text in UTF-16 has a NUL in every other byte.
  let evenNul = 0;
  let oddNul = 0;
  const probe = Math.min(sample.length, 4096);
  for (let i = 0; i < probe; i++) if (sample[i] === 0) i % 2 === 0 ? evenNul++ : oddNul++;
  if (oddNul > probe / 4 && evenNul < probe / 50) return { encoding: 'utf16le', bom: 0 };
  if (evenNul > probe / 4 && oddNul < probe / 50) return { encoding: 'utf16be', bom: 0 };

  if (isUtf8(sample, complete)) return { encoding: 'utf8', bom: 0 };

  const guess = chardet.detect(sample);
  if (
    guess && /^(?:windows-125\d|ISO-8859-\d+)$/i.test(guess) && guess.toUpperCase() !== 'ISO-8859-1' && iconv.encodingExists(guess) &&
    !readsAsFrench(sample)
  ) {
    // chardet rarely tells 1252 from 1250/1257 on short French samples; only
    // trust it when the 1252 reading is clearly worse (Central European text).
    const scores = chardet.analyse(sample);
    const best = scores[0];
    const cp1252 = scores.find((s) => s.name === 'windows-1252' || s.name === 'ISO-8859-1');
    if (best && best.name === guess && best.confidence >= 50 && (!cp1252 || cp1252.confidence < best.confidence / 2)) {
      return { encoding: guess.toLowerCase(), bom: 0 };
    }
  }
  return { encoding: 'windows-1252', bom: 0 };
}

function isUtf8(sample: Uint8Array, complete: boolean): boolean {
  let bytes = sample;
  if (!complete) {
    // The sample may cut a multi-byte character: drop the incomplete tail.
    let end = bytes.length;
    while (end > 0 && end > bytes.length - 4 && (bytes[end - 1]! & 0xc0) === 0x80) end--;
    if (end > 0 && bytes[end - 1]! >= 0xc0) end--;
    bytes = bytes.subarray(0, end);
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Letters and signs of French text beyond ASCII, as Windows-1252 has them. */
const FRENCH = new Set('àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»€…’‘“”–—°·\u00a0'.split(''));

/**
 * Every byte above ASCII reads, in Windows-1252, as a French letter or sign
 * (`é`, `ç`, `œ`, `€`, `…`): then the text is French in Windows-1252, whatever
 * chardet's statistics say on a few accents (it reads `è`, `ç`, `û` as the
 * Lithuanian `č`, `ē`, `ū` of Windows-1257). Central European text gives
 * signs no French text has (`³`, `¹`, `¿` for `ł`, `ą`, `ż`).
 */
function readsAsFrench(sample: Uint8Array): boolean {
  const high: number[] = [];
  for (const byte of sample) if (byte >= 0x80) high.push(byte);
  if (high.length === 0) return true;
  const text = iconv.decode(Buffer.from(high), 'windows-1252');
  let french = 0;
  for (const char of text) if (FRENCH.has(char)) french++;
  return french >= text.length * 0.95;
}
