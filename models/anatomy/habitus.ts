/**
 * Body builds: the same man (ANSUR II mean stature, the same skeleton, organs and muscles) at the
 * 5th and 95th percentile of ANSUR II body weight, with the subcutaneous fat thinned or thickened
 * by the published change per kilogram. Only the skin and fat differ between builds.
 */
import { ansur } from '../params/ansur.ts';
import type { V3 } from '../lib/sdf.ts';

/** ANSUR II male body weight percentiles (kg): Gordon CC et al. 2014, NATICK/TR-15/007. */
const WEIGHT_P5_KG = 64.4;
const WEIGHT_P95_KG = 110.7;

export const HABITUS_SOURCE =
  'Weights: ANSUR II men, 5th and 95th percentile (64.4 and 110.7 kg; mean 85.5 kg) at the mean stature (Gordon CC et al. 2014, NATICK/TR-15/007). Fat: a CT study of over 17,000 torsos found each 20 kg of added body weight thickens the subcutaneous fat by 2–14 mm depending on site, most near the hips and lower abdomen (https://wbldb.lievers.net/10131709.html, abstract). Estimate: the change at each site is 0.6 × the average body’s fat thickness there per 20 kg, kept within that 2–14 mm range, never thinner than 1.5 mm; muscle is unchanged.';

export interface HabitusSpec {
  readonly id: string;
  readonly name: string;
  readonly weightKg: number;
  /** The GLB holding this build's skin and fat (null: the main model). */
  readonly glb: string | null;
}

export const HABITUS: readonly HabitusSpec[] = [
  { id: 'lean', name: 'Lean', weightKg: WEIGHT_P5_KG, glb: 'body-lean.glb' },
  { id: 'average', name: 'Average', weightKg: ansur('weightkg'), glb: null },
  { id: 'high-bmi', name: 'High BMI', weightKg: WEIGHT_P95_KG, glb: 'body-high-bmi.glb' },
];

/** Body mass index of a build at the ANSUR II mean stature, one decimal. */
export function bmiOf(h: HabitusSpec): number {
  const m = ansur('stature');
  return Math.round((h.weightKg / (m * m)) * 10) / 10;
}

const PER_20KG_MIN = 0.002;
const PER_20KG_MAX = 0.014;
const MIN_FAT = 0.0015;

/**
 * The fat thickness function of a build, from the average body's: each site changes by
 * (Δweight / 20 kg) × clamp(0.6 × its average thickness, 2 mm, 14 mm).
 */
export function habitusFat(h: HabitusSpec, average: (p: V3) => number): (p: V3) => number {
  const dKg = h.weightKg - ansur('weightkg');
  if (Math.abs(dKg) < 1e-9) return average;
  return (p) => {
    const t = average(p);
    const per20 = Math.min(PER_20KG_MAX, Math.max(PER_20KG_MIN, 0.6 * t));
    return Math.max(MIN_FAT, t + (dKg / 20) * per20);
  };
}
