/** An error the command line reports in one line on stderr, with its exit code (2: bad usage). */
import { escapeControls } from './output.ts';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** The longest line of an error message the command line prints (characters). */
export const MAX_ERROR_LINE = 500;

function capLine(line: string): string {
  return line.length <= MAX_ERROR_LINE
    ? line
    : `${line.slice(0, MAX_ERROR_LINE - 1)}… (${(line.length - MAX_ERROR_LINE + 1).toLocaleString('en-US')} more characters)`;
}

/**
 * What `needlewise <command>` prints for an error and the exit code: `needlewise name: message`,
 * control characters escaped, each line capped at MAX_ERROR_LINE characters; CliError's exit
 * code, 1 for anything else (a bug, not the user's mistake).
 */
export function errorReport(command: string, err: unknown): { text: string; exitCode: number } {
  const msg = err instanceof Error ? err.message : String(err);
  const text = escapeControls(`needlewise ${command}: ${msg}`).split('\n').map(capLine).join('\n');
  return { text: `${text}\n`, exitCode: err instanceof CliError ? err.exitCode : 1 };
}
