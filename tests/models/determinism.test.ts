import { describe, expect, it } from 'vitest';
import { boneSpecs } from '../../models/anatomy/bones.ts';
import { muscleSpecs } from '../../models/anatomy/muscles.ts';
import { manifoldApi, meshShape, toArrays } from '../../models/lib/mesh.ts';
import { Shape } from '../../models/lib/sdf.ts';
import { inputHash } from '../../models/build.ts';

describe('the generator is deterministic', () => {
  it('the input hash is stable', () => {
    expect(inputHash()).toBe(inputHash());
  });
  it('meshing the same structure twice gives identical arrays (scapula, left infraspinatus)', async () => {
    const api = await manifoldApi();
    const specs = [
      boneSpecs().find((s) => s.id === 'scapula-left')!,
      muscleSpecs().find((s) => s.id === 'infraspinatus-left')!,
    ];
    for (const spec of specs) {
      const a = toArrays(meshShape(api, new Shape(spec.prims, spec.blend), spec.edge));
      const b = toArrays(meshShape(api, new Shape(spec.prims, spec.blend), spec.edge));
      expect(a.positions.length).toBeGreaterThan(100);
      expect(Buffer.from(a.positions.buffer).equals(Buffer.from(b.positions.buffer))).toBe(true);
      expect(Buffer.from(a.indices.buffer).equals(Buffer.from(b.indices.buffer))).toBe(true);
    }
  });
});
