/**
 * The command line of CONTRACTS §3: thin adapters over src/domain. Each command lives in its own
 * module and is registered here. `--json` prints one JSON document on stdout and nothing else;
 * errors go to stderr with a non-zero exit.
 */
import { COMMANDS } from './commands.ts';
import { CliError, errorReport } from './errors.ts';
import { escapeControls } from './output.ts';

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
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    const shown = name.length > 60 ? `${name.slice(0, 59)}…` : name;
    process.stderr.write(escapeControls(`needlewise: unknown command "${shown}"\n${USAGE}`));
    return 2;
  }
  if (!command.run) {
    process.stderr.write(`needlewise ${name}: not yet: ${command.summary} is still being built\n`);
    return 3;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    const { text, exitCode } = errorReport(name, err);
    process.stderr.write(text);
    return exitCode;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(escapeControls(`needlewise: ${String(err)}\n`));
    process.exitCode = 1;
  },
);
