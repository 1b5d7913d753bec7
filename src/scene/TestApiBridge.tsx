import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { Raycaster, Vector2, Vector3 } from 'three';
import { sceneRegistry } from './registry.ts';
import { setSceneProbe } from './sceneProbe.ts';

const scratch = new Vector3();
const ndc = new Vector2();
const raycaster = new Raycaster();
raycaster.firstHitOnly = true;

/** Registers `window.__needlewise.project` and `.pick` with the live camera and canvas. */
export function TestApiBridge() {
  const camera = useThree((s) => s.camera);
  const canvas = useThree((s) => s.gl.domElement);
  useEffect(() => {
    const toPage = (v: Vector3) => {
      camera.updateMatrixWorld();
      v.project(camera);
      const rect = canvas.getBoundingClientRect();
      const onScreen = Math.abs(v.x) <= 1 && Math.abs(v.y) <= 1 && v.z < 1;
      return {
        x: Math.round(rect.left + ((v.x + 1) / 2) * rect.width),
        y: Math.round(rect.top + ((1 - v.y) / 2) * rect.height),
        onScreen,
      };
    };
    setSceneProbe({
      project(id) {
        const item = sceneRegistry.body?.items.get(id);
        return item ? toPage(scratch.copy(item.centroid)) : null;
      },
      projectPoint(p) {
        return toPage(scratch.set(p[0], p[1], p[2]));
      },
      pick(x, y) {
        const body = sceneRegistry.body;
        if (!body) return null;
        const rect = canvas.getBoundingClientRect();
        ndc.set(((x - rect.left) / rect.width) * 2 - 1, -((y - rect.top) / rect.height) * 2 + 1);
        camera.updateMatrixWorld();
        raycaster.setFromCamera(ndc, camera);
        // hidden and faint meshes have a no-op raycast, exactly as for the pointer
        const hit = raycaster.intersectObject(body.group, true)[0];
        const id: unknown = hit?.object.userData.id;
        return typeof id === 'string' ? id : null;
      },
    });
    return () => setSceneProbe(null);
  }, [camera, canvas]);
  return null;
}
