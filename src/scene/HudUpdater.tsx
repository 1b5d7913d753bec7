import type { RefObject } from 'react';
import { useFrame } from '@react-three/fiber';
import { Vector3 } from 'three';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';
import { orientationLabels } from './orientation.ts';

export interface HudRefs {
  readonly view: RefObject<HTMLElement | null>;
  readonly left: RefObject<HTMLElement | null>;
  readonly right: RefObject<HTMLElement | null>;
}

const toCamera = new Vector3();
const screenRight = new Vector3();

function setText(el: HTMLElement | null, text: string) {
  if (el && el.textContent !== text) el.textContent = text;
}

/**
 * Writes the orientation words into DOM elements outside the canvas each frame (no React state).
 */
export function HudUpdater({ refs }: { refs: HudRefs }) {
  useFrame((state) => {
    const controls = state.controls as OrbitControlsImpl | null;
    if (!controls) return;
    toCamera.subVectors(state.camera.position, controls.target).normalize();
    screenRight.setFromMatrixColumn(state.camera.matrixWorld, 0).normalize();
    const labels = orientationLabels(toCamera, screenRight);
    setText(refs.view.current, labels.view);
    setText(refs.left.current, labels.screenLeft);
    setText(refs.right.current, labels.screenRight);
  });
  return null;
}
