/**
 * Everything the command line prints goes through here, because file contents (a quiz title, an
 * answers file's student name) and arguments reach the terminal: characters that steer a
 * terminal (C0 controls other than newline and tab, DEL, the C1 controls U+0080–U+009F, among
 * them the CSI U+009B) or reorder what it shows (the bidirectional embeddings and overrides
 * U+202A–U+202E, the isolates U+2066–U+2069) are shown as escapes, `\u{9b}`. JSON output stays
 * JSON: there they become `\u009b`, which any JSON reader reads back as the same character.
 */

/** Whether a character (by code point) is one that must not reach a terminal raw. */
export function isTerminalControl(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x0a && code !== 0x09) ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

function replaceControls(s: string, escape: (code: number) => string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (!isTerminalControl(code)) continue;
    out += s.slice(from, i) + escape(code);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Text for the terminal: its control characters as `\u{…}` escapes (newline and tab kept). */
export function escapeControls(s: string): string {
  return replaceControls(s, (code) => `\\u{${code.toString(16)}}`);
}

/**
 * JSON text for the terminal: the control characters JSON.stringify leaves raw (C1, the
 * bidirectional ones) written as JSON escapes. They can only stand inside strings, so the text
 * stays valid JSON and parses to the same value.
 */
export function escapeJsonText(json: string): string {
  return replaceControls(json, (code) => `\\u${code.toString(16).padStart(4, '0')}`);
}

/** On one line (line breaks and the space around them become one space), controls escaped. */
export function oneLine(s: string): string {
  return escapeControls(s.replace(/\s*[\r\n\u2028\u2029]\s*/g, ' ').replace(/\t/g, ' '));
}

/** Prints text on stdout, controls escaped. */
export function printText(text: string): void {
  process.stdout.write(escapeControls(text));
}

/** Prints one JSON document on stdout (one line and a newline), controls escaped. */
export function printJson(doc: unknown): void {
  process.stdout.write(`${escapeJsonText(JSON.stringify(doc))}\n`);
}

/** Prints JSON text already made (a quiz file's text) on stdout, controls escaped. */
export function printJsonText(json: string): void {
  process.stdout.write(escapeJsonText(json));
}

/** Prints a note on stderr, controls escaped. */
export function printNote(text: string): void {
  process.stderr.write(escapeControls(text));
}
