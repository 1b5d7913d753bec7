import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { loadBodyFromDisk } from '../../../src/domain/body/node.ts';
import { loadCatalogFromDisk } from '../../../src/domain/catalog/node.ts';
import {
  fitDistance,
  LOWEST_VIEW,
  viewBasis,
  visibleShare,
  zonePoints,
  type Framing,
} from '../../../src/domain/regions/frame.ts';
import { regionPatches } from '../../../src/domain/regions/patches.ts';
import {
  essentialRegions,
  regionsFraming,
  triggerSpot,
  zoneFraming,
  type ZoneWorld,
} from '../../../src/domain/regions/zoneFrame.ts';
import type { BodyVec3 } from '../../../src/domain/units.ts';
import { add, scale } from '../../../src/domain/vec.ts';

const body = loadBodyFromDisk();
const catalog = loadCatalogFromDisk();
const skin = body.meshes.find((m) => m.id === 'skin')!;
const fat = body.meshes.find((m) => m.id === 'subcutaneous-fat')!;
const world: ZoneWorld = {
  catalog,
  skin,
  patches: regionPatches(skin, catalog.regions, body.manifest.landmarks, fat),
  landmarks: body.manifest.landmarks,
  index: body.index,
  fovDeg: 35,
};

/** Brute force: three's own projection of each point for a camera at that distance. */
function allInView(points: readonly BodyVec3[], f: Framing, aspect: number) {
  const d = fitDistance(f.fit, f.center, f.from, 35, aspect);
  const cam = new PerspectiveCamera(35, aspect, 0.01, 50);
  cam.position.set(...add(f.center, scale(f.from, d)));
  cam.up.set(...viewBasis(f.from).up);
  cam.lookAt(new Vector3(...f.center));
  cam.updateMatrixWorld(true);
  return points.filter((p) => {
    const v = new Vector3(...p).project(cam);
    return !(Math.abs(v.x) <= 1 && Math.abs(v.y) <= 1 && v.z < 1);
  });
}

const refs = catalog.triggerPoints.flatMap((t) =>
  (['left', 'right'] as const).map((side) => ({ id: t.id, side })),
);

describe('frame this: every trigger point and its zone on the model', () => {
  const wide = 1280 / 700;
  const phone = 390 / 520;
  it.each(refs)('$id ($side): the whole zone and the point in shot, wide and on a phone', (ref) => {
    const f = zoneFraming(world, ref);
    expect(f).not.toBeNull();
    const z = zonePoints(skin, world.patches, essentialRegions(world, ref));
    const spot = triggerSpot(world, ref);
    expect(spot).not.toBeNull();
    const shot = [...z.points, spot!.at];
    expect(allInView(shot, f!, wide)).toEqual([]);
    expect(allInView(shot, f!, phone)).toEqual([]);
    // never from under the floor's line of the orbit controls
    expect(f!.from[1]).toBeGreaterThanOrEqual(LOWEST_VIEW - 1e-9);
  });

  it('a zone reaching the neck or head has the whole head in shot', () => {
    const crown = body.manifest.landmarks['vertex']!.skin as BodyVec3;
    for (const id of [
      'upper-trapezius-trp1',
      'sternocleidomastoid-trp2',
      'splenius-capitis-trp1',
      'masseter-trp1',
    ]) {
      const f = zoneFraming(world, { id, side: 'right' })!;
      expect(allInView([crown], f, 1280 / 700), id).toEqual([]);
    }
  });

  it('the camera sees the zone: no limb or other side of the body in front of it', () => {
    const shares: number[] = [];
    const spotsSeen: number[] = [];
    for (const ref of refs) {
      const f = zoneFraming(world, ref)!;
      const eye = add(f.center, scale(f.from, fitDistance(f.fit, f.center, f.from, 35, 1.6)));
      const z = zonePoints(skin, world.patches, essentialRegions(world, ref));
      shares.push(
        visibleShare(
          body.index,
          eye,
          z.points.filter((_, k) => k % 7 === 0),
        ),
      );
      const spot = triggerSpot(world, ref)!;
      // the spot lies under the skin's outer face: seen if only that face is in the way
      spotsSeen.push(visibleShare(body.index, eye, [spot.at], 1));
    }
    shares.sort((a, b) => a - b);
    // zones that wrap round the body (front and back) cannot all be seen from one side: the
    // median zone is seen whole, and nine in ten mostly
    expect(shares[Math.floor(shares.length / 2)]).toBeGreaterThan(0.97);
    expect(shares[Math.floor(shares.length / 10)]).toBeGreaterThan(0.7);
    expect(spotsSeen.filter((x) => x === 1).length / spotsSeen.length).toBeGreaterThan(0.85);
  });

  it('a region alone is framed from the side it faces', () => {
    expect(regionsFraming(world, ['arm-lateral-left'], 'left')!.from[0]).toBeGreaterThan(0.5);
    expect(regionsFraming(world, ['arm-lateral-right'], 'right')!.from[0]).toBeLessThan(-0.5);
    expect(regionsFraming(world, ['sacrum'], null)!.from[2]).toBeLessThan(-0.5);
    expect(regionsFraming(world, ['shin-left'], 'left')!.from[2]).toBeGreaterThan(0.5);
    expect(regionsFraming(world, ['unknown-region'], null)).toBeNull();
  });
});
