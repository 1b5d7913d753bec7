/**
 * Reading the files the commands are given, or standard input for `-`. At most the limit and one
 * byte more are read, whatever the file claims to hold (a device, a pipe or a file in /proc says
 * its size is 0), so an endless input is refused once past the limit. What is not a regular file
 * (a device, a named pipe, a socket) is refused before it is opened: a named pipe with no writer
 * would wait forever. The bytes become text by the app's own reader (`decodeTextFile`), so a
 * file saved with a byte-order mark or as UTF-16 reads as it does in the app.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { decodeTextFile, TextFileError } from '../domain/textFile.ts';
import { CliError } from './errors.ts';
import { oneLine } from './output.ts';

/** The name that stands for standard input. */
export const STDIN = '-';

/** How a file is named in messages: `-` is standard input. */
export const fileLabel = (file: string) => (file === STDIN ? '(standard input)' : file);

function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function notRegular(file: string, st: Stats): CliError {
  return new CliError(
    `${file}: is ${kindOf(st)}, not a regular file (give a file, or - for standard input)`,
  );
}

const tooBig = (file: string, limit: number, size?: number) =>
  new CliError(
    size === undefined
      ? `${file}: (file): more than the ${limit} bytes allowed`
      : `${file}: (file): ${size} bytes is more than the ${limit} bytes allowed`,
  );

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Up to `limit` bytes from an open file; a CliError once there is more. */
function readUpTo(fd: number, file: string, limit: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.alloc(64 * 1024);
  for (;;) {
    let n: number;
    try {
      // never more than one byte past the limit in all
      n = readSync(fd, buf, 0, Math.min(buf.length, limit + 1 - total), null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // standard input left non-blocking by the shell: wait for it as a blocking read would
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 20);
        continue;
      }
      if (code === 'EOF') break;
      throw err;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
    total += n;
    if (total > limit) throw tooBig(file, limit);
  }
  return Buffer.concat(chunks, total);
}

function ioError(file: string, err: unknown): CliError {
  if (err instanceof CliError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  return new CliError(
    code === 'ENOENT'
      ? `${file}: no such file`
      : code === 'EACCES'
        ? `${file}: permission denied`
        : code === 'EISDIR'
          ? `${file}: is a directory, not a file`
          : `${file}: cannot be read (${oneLine((err as Error).message)})`,
  );
}

/**
 * A file's bytes (standard input for `-`), at most `limit` of them; a one-line CliError (exit 2)
 * for a file that is missing, unreadable, not a regular file or over the limit.
 */
export function readInputBytes(file: string, limit: number): Uint8Array {
  if (file === STDIN) {
    try {
      return readUpTo(0, fileLabel(file), limit);
    } catch (err) {
      throw ioError(fileLabel(file), err);
    }
  }
  let fd: number | undefined;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new CliError(`${file}: is a directory, not a file`);
    if (!st.isFile()) throw notRegular(file, st);
    // refused before reading, with the words the parser uses for a text that is too long
    if (st.size > limit) throw tooBig(file, limit, st.size);
    // non-blocking, so a file swapped for a named pipe since the look above cannot hang the open
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const now = fstatSync(fd);
    if (!now.isFile()) throw notRegular(file, now);
    return readUpTo(fd, file, limit);
  } catch (err) {
    throw ioError(file, err);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * A file's text (standard input for `-`) by the shared reader: a UTF-8 byte-order mark dropped,
 * UTF-16 read by its mark; a one-line CliError (exit 2) when it cannot be read or is not text.
 */
export function readInputText(file: string, limit: number): string {
  const bytes = readInputBytes(file, limit);
  try {
    return decodeTextFile(bytes);
  } catch (err) {
    if (err instanceof TextFileError)
      throw new CliError(`${fileLabel(file)}: (file): ${err.message}`);
    throw err;
  }
}
