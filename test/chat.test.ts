import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countExchanges, customerText, endsWithStamp, HEADER_LINE, parseChatTranscript, SPEAKER_LINE, type ChatSpeaker, type ChatTurn } from '../src/text/chat.js';

type Row = [name: string, text: string, turns: Array<[ChatSpeaker, string, string]>];

const formats: Row[] = [
  [
    'plain role prefixes, continuation line',
    "Client : Bonjour, mon colis n'est pas arrivé.\nIl devait arriver hier.\nConseillère : Bonjour, je regarde.\nClient : Merci",
    [
      ['customer', 'Client', "Bonjour, mon colis n'est pas arrivé.\nIl devait arriver hier."],
      ['agent', 'Conseillère', 'Bonjour, je regarde.'],
      ['customer', 'Client', 'Merci'],
    ],
  ],
  [
    'no space before the colon, feminine forms, CRLF',
    'Cliente: ma facture est fausse\r\nConseiller: je corrige\r\nCliente: merci',
    [
      ['customer', 'Cliente', 'ma facture est fausse'],
      ['agent', 'Conseiller', 'je corrige'],
      ['customer', 'Cliente', 'merci'],
    ],
  ],
  [
    'bracketed times, named speaker with role, system line',
    '[10:42] Vous : bonjour\n[10:43] Julie (conseillère) : Bonjour, que puis-je faire ?\n[10:44] Vous : ma commande\n[10:45] Julie a quitté la conversation',
    [
      ['customer', 'Vous', 'bonjour'],
      ['agent', 'Julie (conseillère)', 'Bonjour, que puis-je faire ?'],
      ['customer', 'Vous', 'ma commande'],
      ['unknown', '', 'Julie a quitté la conversation'],
    ],
  ],
  [
    'ISO date-times, bot and agent',
    "2025-03-02 10:42:11 Client : allo\n2025-03-02 10:42:30 Assistant virtuel : Je suis l'assistant\n2025-03-02 10:43:00 Agent : Bonjour",
    [
      ['customer', 'Client', 'allo'],
      ['bot', 'Assistant virtuel', "Je suis l'assistant"],
      ['agent', 'Agent', 'Bonjour'],
    ],
  ],
  [
    '"10:42 -" times and "Moi"',
    '10:42 - Moi : rien reçu\n10:44 - Bot : Pouvez-vous préciser ?\n10:45 - Moi : le colis',
    [
      ['customer', 'Moi', 'rien reçu'],
      ['bot', 'Bot', 'Pouvez-vous préciser ?'],
      ['customer', 'Moi', 'le colis'],
    ],
  ],
  [
    'times in parentheses after the label, "h" separator',
    'Client (10h42) : bonjour\nConseiller (10h43) : bonjour madame\nClient (10h45) : au revoir',
    [
      ['customer', 'Client', 'bonjour'],
      ['agent', 'Conseiller', 'bonjour madame'],
      ['customer', 'Client', 'au revoir'],
    ],
  ],
  [
    'header lines with the message below, a timestamped name',
    "Vous 10:42\nBonjour j'attends\nMarc - 10:43\nOui ?\nVous 10:44\nToujours rien",
    [
      ['customer', 'Vous', "Bonjour j'attends"],
      ['agent', 'Marc', 'Oui ?'],
      ['customer', 'Vous', 'Toujours rien'],
    ],
  ],
  [
    'a recurring bare name takes the side left',
    'Julie : Bonjour\nClient : salut\nJulie : que puis-je faire\nClient : rien',
    [
      ['agent', 'Julie', 'Bonjour'],
      ['customer', 'Client', 'salut'],
      ['agent', 'Julie', 'que puis-je faire'],
      ['customer', 'Client', 'rien'],
    ],
  ],
  [
    'a header before the first turn is left out; French typographic colon (NBSP)',
    'Transcription du chat\n\nClient\u00a0: il est 10:42 et rien\nService client\u00a0: nous regardons',
    [
      ['customer', 'Client', 'il est 10:42 et rien'],
      ['agent', 'Service client', 'nous regardons'],
    ],
  ],
  [
    'French dates with "à"',
    '02/03/2025 à 10h42 - Client : bonjour\n02/03/2025 à 10h43 - Conseillère Sophie : bonjour',
    [
      ['customer', 'Client', 'bonjour'],
      ['agent', 'Conseillère Sophie', 'bonjour'],
    ],
  ],
];

describe('parseChatTranscript', () => {
  it.each(formats)('%s', (_name, text, expected) => {
    const transcript = parseChatTranscript(text);
    expect(transcript.isTranscript).toBe(true);
    expect(transcript.turns.map((t) => [t.speaker, t.label, t.text])).toEqual(expected);
    for (const turn of transcript.turns) expect(text.slice(turn.start, turn.end)).toBe(turn.text);
  });

  it('keeps the timestamp as written', () => {
    const { turns } = parseChatTranscript('[10:42] Vous : a\n2025-03-02 10:43:11 Agent : b\nClient (10h44) : c');
    expect(turns.map((t) => t.time)).toEqual(['10:42', '2025-03-02 10:43:11', '10h44']);
  });

  it.each([
    ['a review', "Livraison rapide, rien à dire. Le colis est arrivé en 48h : parfait !"],
    ['a letter with colons', "Objet : réclamation\nMadame, Monsieur,\nLe problème est simple : rien ne marche.\nCordialement"],
    ['a single speaker line', 'Client : je suis mécontent'],
    ['a time that is no speaker', 'Rendez-vous à 10h30\nmais personne'],
    ['empty', ''],
    ['killer phrase quoted', "La conseillère m'a dit : ce n'est pas mon problème."],
  ])('plain text is no transcript: %s', (_name, text) => {
    expect(parseChatTranscript(text)).toEqual({ isTranscript: false, turns: [], exchanges: 0 });
  });

  it('throws a TypeError on a non-string', () => {
    expect(() => parseChatTranscript(42 as unknown as string)).toThrow(/verbatim-fr: expected a string/);
  });
});

describe('exchanges', () => {
  const turn = (speaker: ChatSpeaker): ChatTurn => ({ speaker, label: speaker, text: '', start: 0, end: 0, lineStart: 0 });
  it.each([
    [['customer', 'agent', 'customer', 'agent'], 2],
    [['agent', 'customer', 'agent', 'customer'], 1], // the last customer message is unanswered
    [['customer', 'customer', 'agent', 'agent', 'customer', 'bot'], 2], // runs count once
    [['customer', 'unknown', 'agent'], 1], // system lines are skipped
    [['bot', 'agent'], 0],
    [[], 0],
  ] as Array<[ChatSpeaker[], number]>)('%j → %d', (speakers, expected) => {
    expect(countExchanges(speakers.map(turn))).toBe(expected);
  });

  it('is reported by parseChatTranscript', () => {
    expect(parseChatTranscript('Client : a\nAgent : b\nClient : c\nAgent : d\nClient : e').exchanges).toBe(2);
  });
});

describe('customerText', () => {
  const original = '[10:42] Client : mon colis\nest en retard\n[10:43] Agent : je regarde\n[10:44] Client : toujours rien';

  it('joins the customer turns and maps offsets back to the original', () => {
    const customer = customerText(parseChatTranscript(original), original);
    expect(customer.text).toBe('mon colis\nest en retard\ntoujours rien');
    const at = customer.text.indexOf('retard');
    expect(original.slice(customer.toOriginal(at), customer.toOriginal(at + 'retard'.length))).toBe('retard');
    const rien = customer.text.indexOf('rien');
    expect(original.slice(customer.toOriginal(rien), customer.toOriginal(rien + 4))).toBe('rien');
    expect(customer.segments).toHaveLength(2);
  });

  it('gives the whole text when it is no transcript', () => {
    const text = 'Très déçu du SAV';
    const customer = customerText(parseChatTranscript(text), text);
    expect([customer.text, customer.toOriginal(5)]).toEqual([text, 5]);
  });

  it('rejects offsets outside the text', () => {
    const customer = customerText(parseChatTranscript(original), original);
    expect(() => customer.toOriginal(-1)).toThrow(TypeError);
    expect(() => customer.toOriginal(customer.text.length + 1)).toThrow(TypeError);
  });
});

describe('properties', () => {
  const piece = fc.constantFrom(
    'Client : ', 'Conseillère : ', 'Vous : ', 'Bot : ', 'Julie (conseillère) : ', 'Julie : ', '[10:42] ', '10:42 - ', '(10h42) ',
    '2025-03-02 10:42:11 ', '\n', '\r\n', '\n\n', ' ', ':', 'bonjour', 'mon colis', 'é', '👏', '\u00a0', 'Assistant virtuel :', 'x',
  );
  const transcriptLike = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
  const anyText = fc.oneof(transcriptLike, fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

  it('never throws; turn offsets slice back to the original, in order', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { turns, isTranscript } = parseChatTranscript(text);
        let last = 0;
        for (const turn of turns) {
          expect(text.slice(turn.start, turn.end)).toBe(turn.text);
          expect(turn.lineStart).toBeGreaterThanOrEqual(last);
          expect(turn.start).toBeGreaterThanOrEqual(turn.lineStart);
          expect(turn.end).toBeGreaterThanOrEqual(turn.start);
          last = turn.end;
        }
        if (!isTranscript) expect(turns).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('customer text maps every character back to the same character of the original', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const customer = customerText(parseChatTranscript(text), text);
        for (const seg of customer.segments) {
          for (let i = seg.start; i < seg.end; i++) expect(text[customer.toOriginal(i)]).toBe(customer.text[i]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

// A line is read by HEADER_LINE only when it ends with a timestamp, by SPEAKER_LINE only when it
// holds a colon: both are necessary conditions of the patterns, checked on lines made of their pieces.
describe('line patterns and their shortcuts', () => {
  const piece = fc.constantFrom(
    'Client', 'Conseillère', 'Julie', 'Marc D.', 'Vous', 'Agent 12', '(conseillère)', '(10h42)', '10:42', '10h42', '10:42:11', '[10:42]', '( 10:42 )',
    '2025-03-02', '02/03/2025', '2025-03-02 10:42', '02/03/25, à 10h42', ':', '：', ' ', '  ', '\t', '\u00a0', '\u202f', '-', '–', '|', ',',
    'bonjour', 'merci 2 fois', '12', ')', ']', '(', '[', 'é', '1',
  );
  const line = fc.array(piece, { maxLength: 9 }).map((p) => p.join(''));

  it('property: a header line ends with its timestamp, a speaker line holds a colon', () => {
    fc.assert(
      fc.property(line, (l) => (!HEADER_LINE.test(l) || endsWithStamp(l)) && (!SPEAKER_LINE.test(l) || l.includes(':') || l.includes('：'))),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['Vous 10:42', true],
    ['Client - [10:42] :', true],
    ['Julie (10h42)  ', true],
    ['Conseillère 02/03/2025 ：\u00a0', true],
    ["j'ai payé 25 euros", false],
    ['Client : bonjour', false],
    ['Vous 10:42 merci', false],
  ])('endsWithStamp(%j) is %s', (l, expected) => {
    expect(endsWithStamp(l)).toBe(expected);
  });
});
