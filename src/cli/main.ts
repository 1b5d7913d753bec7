/**
 * The command line of CONTRACTS §3: thin adapters over src/domain. Each command lives in its own
 * module and is registered here. `--json` prints one JSON document on stdout and nothing else;
 * errors go to stderr with a non-zero exit.
 */
import { COMMANDS } from './commands.ts';
import { CliError } from './errors.ts';

export { CliError };

const USAGE = `usage: needlewise <command> [options]

commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}${c.run ? '' : ' (not yet)'}`)
  .join('\n')}
`;

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`needlewise: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  if (!command.run) {
    process.stderr.write(`needlewise ${name}: not yet: ${command.summary} is still being built\n`);
    return 3;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`needlewise ${name}: ${msg}\n`);
    return err instanceof CliError ? err.exitCode : 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`needlewise: ${String(err)}\n`);
    process.exitCode = 1;
  },
);
