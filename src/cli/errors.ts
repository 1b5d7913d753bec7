/** An error the command line reports in one line on stderr, with its exit code (2: bad usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
