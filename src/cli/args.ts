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

/**
 * A plain decimal number: digits with an optional sign, point and exponent (`-12.5`, `.5`,
 * `1e-3`). Not an empty string, hexadecimal (`0x10`), `Infinity` or anything that overflows to
 * it, which `Number()` would all turn into numbers.
 */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The number a plain decimal (spaces around it allowed) stands for, or null. */
export function parseDecimal(s: string): number | null {
  const t = s.trim();
  if (!DECIMAL.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** What a numeric option may be. */
export interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  /** A whole number. */
  readonly integer?: boolean;
  /** What the number is, in the refusal: "millimetres", "a whole number". */
  readonly what: string;
}

/** `--name`'s value as a number by `rule`, or a one-line CliError naming the option and value. */
export function numberOption(name: string, v: string | undefined, rule: NumberRule): number {
  const n = v === undefined ? null : parseDecimal(v);
  const range =
    rule.min !== undefined && rule.max !== undefined
      ? ` from ${rule.min} to ${rule.max}`
      : rule.min !== undefined
        ? ` of at least ${rule.min}`
        : rule.max !== undefined
          ? ` of at most ${rule.max}`
          : '';
  if (
    n === null ||
    (rule.integer && !Number.isInteger(n)) ||
    (rule.min !== undefined && n < rule.min) ||
    (rule.max !== undefined && n > rule.max)
  )
    throw new CliError(`--${name} expects ${rule.what}${range}, got "${v ?? ''}"`);
  return n;
}

/** `--name`'s value as three plain decimals `x,y,z`, or a one-line CliError. */
export function vectorOption(
  name: string,
  v: string | undefined,
  what = 'metres, body frame',
): [number, number, number] {
  const parts = (v ?? '').split(',').map(parseDecimal);
  if (parts.length !== 3 || parts.some((n) => n === null))
    throw new CliError(`--${name} expects three numbers x,y,z (${what}), got "${v ?? ''}"`);
  return [parts[0]!, parts[1]!, parts[2]!];
}

/**
 * A vector scaled to length 1, or null when that cannot be done: a zero vector, or one that is
 * not finite. It is scaled by its largest component first, so huge components (1e308) do not
 * overflow to Infinity and tiny ones do not vanish.
 */
export function unitVector(v: readonly [number, number, number]): [number, number, number] | null {
  if (!v.every(Number.isFinite)) return null;
  const m = Math.max(Math.abs(v[0]), Math.abs(v[1]), Math.abs(v[2]));
  if (!(m > 0)) return null;
  const s: [number, number, number] = [v[0] / m, v[1] / m, v[2] / m];
  const l = Math.hypot(...s);
  const u: [number, number, number] = [s[0] / l, s[1] / l, s[2] / l];
  return u.every(Number.isFinite) && Math.hypot(...u) > 0.5 ? u : null;
}
