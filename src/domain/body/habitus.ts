/** Body builds (habitus): the same body with another build's skin and fat. */
import type { MeshData } from './glb.ts';
import type { Habitus, Manifest } from './manifest.ts';

/** The builds a manifest offers; a manifest without the list offers the average body only. */
export function habitusList(manifest: Manifest): readonly Habitus[] {
  return (
    manifest.habitus ?? [
      {
        id: 'average',
        name: 'Average',
        bmi: 0,
        weightKg: 0,
        glb: null,
        structures: [],
        source: manifest.body.source,
      },
    ]
  );
}

export const habitusIds = (manifest: Manifest): string[] => habitusList(manifest).map((h) => h.id);

/** The base meshes with each of `replace`'s meshes in place of the one with its id. */
export function withMeshes(
  base: readonly MeshData[],
  replace: readonly MeshData[],
): readonly MeshData[] {
  const byId = new Map(replace.map((m) => [m.id, m]));
  return base.map((m) => byId.get(m.id) ?? m);
}

/** "High BMI (BMI 35, 108 kg)": how the UI and the command line name a build. */
export function habitusLabel(h: Habitus): string {
  return h.bmi > 0 ? `${h.name} (BMI ${h.bmi}, ${Math.round(h.weightKg)} kg)` : h.name;
}
