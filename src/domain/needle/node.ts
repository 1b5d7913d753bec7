/** The needle simulator on the model loaded from disk (CLI, tests, benchmarks). */
import { loadBodyFromDisk } from '../body/node.ts';
import { needleBody, type NeedleBody } from './simulate.ts';

let cached: NeedleBody | undefined;

export function loadNeedleBodyFromDisk(root = process.cwd()): NeedleBody {
  if (cached) return cached;
  const { index, manifest } = loadBodyFromDisk(root);
  cached = needleBody(index, manifest.structures);
  return cached;
}
