/**
 * `needlewise lookup --regions id1,id2,… [--limit N] [--json]` (CONTRACTS §3): the trigger points
 * whose referral zones best explain pain in those regions, ranked, with the reason for each.
 */
import { loadCatalogFromDisk } from '../domain/catalog/node.ts';
import { lookup, lookupIndex } from '../domain/lookup/lookup.ts';
import { numberOption, parseArgs } from './args.ts';
import { CliError } from './errors.ts';
import { printJson, printText } from './output.ts';

const USAGE =
  'usage: needlewise lookup --regions id1,id2,… [--limit N] [--json]   (region ids: see `needlewise catalog --json`)';

export async function run(args: readonly string[]): Promise<number> {
  const opts = parseArgs(args, { values: ['regions', 'limit'], flags: ['json'], usage: USAGE });
  const regions = (opts.values.regions ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  if (regions.length === 0) throw new CliError(`--regions needs at least one region id\n${USAGE}`);
  const limit =
    opts.values.limit === undefined
      ? 20
      : numberOption('limit', opts.values.limit, {
          integer: true,
          min: 1,
          max: 500,
          what: 'a whole number',
        });
  const catalog = loadCatalogFromDisk();
  let ranked;
  try {
    ranked = lookup(lookupIndex(catalog), regions, { limit });
  } catch (err) {
    if (err instanceof RangeError) throw new CliError(err.message.replace(/^lookup: /, ''));
    throw err;
  }
  if (opts.flags.json) {
    printJson(
      ranked.map((c) => ({
        triggerPointId: c.triggerPointId,
        side: c.side,
        score: c.score,
        essential: c.essential,
        spillover: c.spillover,
        why: c.why,
      })),
    );
    return 0;
  }
  const names = new Map(catalog.triggerPoints.map((t) => [t.id, t.name]));
  const lines = [`Pain in ${regions.join(', ')}: ${ranked.length} candidate trigger points`, ''];
  ranked.forEach((c, i) =>
    lines.push(
      `${String(i + 1).padStart(2)}. ${c.score.toFixed(2)}  ${names.get(c.triggerPointId) ?? c.triggerPointId} (${c.side})`,
      `      ${c.why}`,
    ),
  );
  printText(`${lines.join('\n')}\n`);
  return 0;
}
