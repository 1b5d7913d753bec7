/**
 * ANSUR II male means, read from the shared reference summary (Gordon CC et al. 2014, 2012
 * Anthropometric Survey of U.S. Army Personnel, NATICK/TR-15/007; public US-government data).
 * The copy in models/params/ansur2-male-means.json is what the generator reads, so a build does
 * not depend on files outside the repository.
 */
import means from './ansur2-male-means.json' with { type: 'json' };

export const ANSUR_SOURCE =
  'ANSUR II (Gordon CC et al. 2014, NATICK/TR-15/007), male means, n = 4,082';

type Measure = keyof typeof means;

/** An ANSUR II male mean in metres (weight in kg). */
export function ansur(measure: Measure): number {
  const v = means[measure];
  return measure === 'weightkg' ? v / 10 : v / 1000;
}
