/** The needle simulator on the model loaded from disk (CLI, tests, benchmarks). */
import { loadBodyFromDisk } from '../body/node.ts';
import { needleBody, type NeedleBody } from './simulate.ts';

const cached = new Map<string, NeedleBody>();

/** The needle body of the model, or of one of its body builds (`habitus`). */
export function loadNeedleBodyFromDisk(root = process.cwd(), habitus = 'average'): NeedleBody {
  const hit = cached.get(habitus);
  if (hit) return hit;
  const { index, manifest } = loadBodyFromDisk(root, habitus);
  const body = needleBody(index, manifest.structures, habitus);
  cached.set(habitus, body);
  return body;
}
