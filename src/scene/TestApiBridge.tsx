import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { Raycaster, Vector2, Vector3 } from 'three';
import { sceneRegistry } from './registry.ts';
import { setSceneProbe } from './testApi.ts';

const scratch = new Vector3();
const ndc = new Vector2();
const raycaster = new Raycaster();
raycaster.firstHitOnly = true;

/** Registers `window.__needlewise.project` and `.pick` with the live camera and canvas. */
export function TestApiBridge() {
  const camera = useThree((s) => s.camera);
  const canvas = useThree((s) => s.gl.domElement);
  useEffect(() => {
    setSceneProbe({
      project(id) {
        const item = sceneRegistry.body?.items.get(id);
        if (!item) return null;
        camera.updateMatrixWorld();
        scratch.copy(item.centroid).project(camera);
        const rect = canvas.getBoundingClientRect();
        const onScreen = Math.abs(scratch.x) <= 1 && Math.abs(scratch.y) <= 1 && scratch.z < 1;
        return {
          x: Math.round(rect.left + ((scratch.x + 1) / 2) * rect.width),
          y: Math.round(rect.top + ((1 - scratch.y) / 2) * rect.height),
          onScreen,
        };
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
