import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { Vector3 } from 'three';
import { sceneRegistry } from './registry.ts';
import { setProjector } from './testApi.ts';

const scratch = new Vector3();

/** Registers `window.__needlewise.project` with the live camera and canvas. */
export function TestApiBridge() {
  const camera = useThree((s) => s.camera);
  const canvas = useThree((s) => s.gl.domElement);
  useEffect(() => {
    setProjector((id) => {
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
    });
    return () => setProjector(null);
  }, [camera, canvas]);
  return null;
}
