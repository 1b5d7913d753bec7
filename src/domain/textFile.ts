/**
 * Text files from outside (quiz, answers and tour files), shared by the app and the command line:
 * the bytes to text, whatever a text editor saved them as (UTF-8 with or without a byte-order
 * mark, UTF-16 with one), and refusals kept to one readable line however large the file's
 * problems are.
 */

/** The bytes are not text this reader knows; the message says why, in words. */
export class TextFileError extends Error {
  override readonly name = 'TextFileError';
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

function decode(encoding: 'utf-8' | 'utf-16le', bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new TextFileError(
      `not ${what} text (it holds bytes that are not ${what}); save it as UTF-8`,
    );
  }
}

/**
 * A file's bytes → its text. A UTF-8 byte-order mark (as Notepad writes) is dropped; UTF-16,
 * little- or big-endian, is read by its byte-order mark; anything else must be UTF-8. Bytes that
 * are not valid in the encoding are refused (TextFileError) rather than replaced, so nothing in
 * the file is silently changed.
 */
export function decodeTextFile(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff]))
    throw new TextFileError('UTF-32 text, which is not read here; save it as UTF-8');
  if (startsWith(bytes, UTF8_BOM)) return decode('utf-8', bytes.subarray(3), 'UTF-8');
  if (startsWith(bytes, [0xff, 0xfe])) return decode('utf-16le', bytes.subarray(2), 'UTF-16');
  if (startsWith(bytes, [0xfe, 0xff])) {
    const body = bytes.subarray(2);
    if (body.length % 2 !== 0)
      throw new TextFileError('not UTF-16 text (an odd number of bytes); save it as UTF-8');
    const swapped = new Uint8Array(body.length);
    for (let i = 0; i < body.length; i += 2) {
      swapped[i] = body[i + 1]!;
      swapped[i + 1] = body[i]!;
    }
    return decode('utf-16le', swapped, 'UTF-16');
  }
  return decode('utf-8', bytes, 'UTF-8');
}

/** Text already decoded (a browser's `File.text()`, a link) without a leading byte-order mark. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The longest refusal line (characters) a file's problems make. */
export const MAX_ERROR_LINE_CHARS = 500;
/** The most problems a refusal names; the rest are counted. */
export const MAX_PROBLEMS_NAMED = 5;
/** The most keys an "unrecognized keys" problem names; the rest are counted. */
export const MAX_KEYS_NAMED = 5;

/** `s`, cut to `max` characters with an ellipsis when longer (never inside a surrogate pair). */
export function capText(s: string, max: number = MAX_ERROR_LINE_CHARS): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - 1);
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The problem of keys a strict object does not know, naming the first few (each cut short) and
 * counting the rest: `Unrecognized keys: "a", "b", "c", "d", "e" and 89,995 more`.
 */
export function unrecognizedKeysMessage(keys: readonly string[]): string {
  const named = keys.slice(0, MAX_KEYS_NAMED).map((k) => capText(JSON.stringify(k), 40));
  const rest = keys.length - named.length;
  return `Unrecognized key${keys.length === 1 ? '' : 's'}: ${named.join(', ')}${rest > 0 ? ` and ${count(rest)} more` : ''}`;
}

/**
 * A file's refusal in one line: `file: problem; problem; and N more`. At most
 * MAX_PROBLEMS_NAMED problems are named, fewer where the line would pass MAX_ERROR_LINE_CHARS
 * (the first is always named, cut short if it must be); the rest are counted.
 */
export function problemsLine(file: string, problems: readonly string[]): string {
  const head = `${file}: `;
  const named: string[] = [];
  let length = head.length;
  for (const p of problems.slice(0, MAX_PROBLEMS_NAMED)) {
    const part = capText(p, named.length === 0 ? Math.max(60, MAX_ERROR_LINE_CHARS - length) : 200);
    if (named.length > 0 && length + 2 + part.length > MAX_ERROR_LINE_CHARS) break;
    length += (named.length > 0 ? 2 : 0) + part.length;
    named.push(part);
  }
  const rest = problems.length - named.length;
  return `${head}${named.join('; ')}${rest > 0 ? `; and ${count(rest)} more` : ''}`;
}
