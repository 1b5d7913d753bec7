/** A small option parser for the commands: `--name value` and `--flag`, nothing positional. */
import { CliError } from './errors.ts';

export interface ArgSpec<V extends string, F extends string> {
  /** Options that take a value. */
  readonly values: readonly V[];
  /** Options that stand alone. */
  readonly flags: readonly F[];
  /** Shown with an unknown or incomplete option. */
  readonly usage: string;
}

export interface ParsedArgs<V extends string, F extends string> {
  readonly values: Partial<Record<V, string>>;
  readonly flags: Record<F, boolean>;
}

export function parseArgs<V extends string, F extends string>(
  args: readonly string[],
  spec: ArgSpec<V, F>,
): ParsedArgs<V, F> {
  const values: Partial<Record<V, string>> = {};
  const flags = Object.fromEntries(spec.flags.map((f) => [f, false])) as Record<F, boolean>;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const name = a.startsWith('--') ? a.slice(2) : '';
    if ((spec.flags as readonly string[]).includes(name)) {
      flags[name as F] = true;
    } else if ((spec.values as readonly string[]).includes(name)) {
      const v = args[i + 1];
      if (v === undefined || (v.startsWith('--') && !/^--?\d/.test(v)))
        throw new CliError(`${a} needs a value\n${spec.usage}`);
      values[name as V] = v;
      i++;
    } else {
      throw new CliError(`unknown option "${a}"\n${spec.usage}`);
    }
  }
  return { values, flags };
}
