// Text shown to a person (a report, a terminal) must not change how the text
// around it displays: C0 and C1 controls (ESC starts terminal sequences) and
// the bidirectional embeddings, overrides and isolates ("Trojan Source").

/** Controls except tab, line feed and carriage return; DEL and C1; Arabic letter mark, LRM/RLM, bidi embeddings, overrides and isolates. */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const UNSAFE_OR_BREAK = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** For reports: each unsafe character becomes U+FFFD (visible, inert); tabs and line breaks stay. */
export function neutralizeText(text: string): string {
  return text.replace(UNSAFE, '\uFFFD');
}

/**
 * For a terminal: each unsafe character is written as its escape (`\x1b`,
 * `\u202e`) so a file name or a message shows what it holds and does nothing.
 * Line breaks stay unless `singleLine`.
 */
export function escapeForTerminal(text: string, singleLine = false): string {
  return text.replace(singleLine ? UNSAFE_OR_BREAK : UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
