/** The quiz engine's world from the files on disk (CLI, tests, benchmarks). */
import { loadBodyFromDisk } from '../body/node.ts';
import { loadCatalogFromDisk } from '../catalog/node.ts';
import { loadNeedleBodyFromDisk } from '../needle/node.ts';
import { quizWorld, type QuizWorld } from './world.ts';

let cached: QuizWorld | undefined;

/** The average body's quiz world (built once per process). */
export function loadQuizWorldFromDisk(): QuizWorld {
  if (cached) return cached;
  const { manifest } = loadBodyFromDisk();
  cached = quizWorld(loadCatalogFromDisk(), loadNeedleBodyFromDisk(), manifest.landmarks);
  return cached;
}
