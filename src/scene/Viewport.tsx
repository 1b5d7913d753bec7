import { useEffect, useRef } from 'react';
import { Canvas } from '@react-three/fiber';
import { useStore } from '../store/index.ts';
import { displayName } from '../ui/format.ts';
import { labelBeside } from '../ui/layout.ts';
import { AimDrag } from './AimDrag.tsx';
import { Body } from './Body.tsx';
import { CameraRig } from './CameraRig.tsx';
import { CAMERA_FOV_DEG, presetPose } from './cameraPresets.ts';
import { HudUpdater } from './HudUpdater.tsx';
import { LungMap } from './LungMap.tsx';
import { Needle } from './Needle.tsx';
import { NeedleGuide } from './NeedleGuide.tsx';
import { QuizScene } from './QuizScene.tsx';
import { TeachOverlay } from './TeachOverlay.tsx';
import { ReferralZones } from './ReferralZones.tsx';
import { TriggerPointMarkers } from './TriggerPointMarkers.tsx';
import { ReadySignal } from './ReadySignal.tsx';
import { TestApiBridge } from './TestApiBridge.tsx';
import { TEST_API } from './sceneProbe.ts';
import { installThreeConsoleFilter } from './threeConsole.ts';

// before any <Canvas> makes its store (and with it the THREE.Clock three warns about)
installThreeConsoleFilter();

const INITIAL = presetPose('front');

function Floor() {
  return (
    <group>
      <mesh rotation-x={-Math.PI / 2} position-y={-0.002} raycast={() => null}>
        <circleGeometry args={[1.3, 64]} />
        <meshBasicMaterial color="#20242b" />
      </mesh>
      {/* a soft dark blob under the feet stands in for a shadow at no cost */}
      <mesh rotation-x={-Math.PI / 2} position-y={-0.001} raycast={() => null}>
        <circleGeometry args={[0.32, 48]} />
        <meshBasicMaterial color="#0c0e11" transparent opacity={0.55} depthWrite={false} />
      </mesh>
      <gridHelper args={[2.6, 26, '#323842', '#2a2f37']} raycast={() => null} />
    </group>
  );
}

/** The scene's background: dark on screen, white while a chart for print is shot. */
function Background() {
  const printStyle = useStore((s) => s.printStyle);
  return <color attach="background" args={[printStyle ? '#ffffff' : '#15181d']} />;
}

function HoverLabel() {
  const hoveredId = useStore((s) => s.hoveredId);
  const structure = useStore((s) => (s.hoveredId ? s.structuresById[s.hoveredId] : undefined));
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const parent = ref.current?.parentElement;
    if (!parent) return;
    const move = (e: PointerEvent) => {
      const el = ref.current;
      if (!el) return;
      const rect = parent.getBoundingClientRect();
      const { x, y } = labelBeside(
        e.clientX - rect.left,
        e.clientY - rect.top,
        el.offsetWidth,
        el.offsetHeight,
        rect.width,
        rect.height,
      );
      el.style.transform = `translate(${x}px, ${y}px)`;
    };
    parent.addEventListener('pointermove', move);
    return () => parent.removeEventListener('pointermove', move);
  }, []);
  return (
    <div ref={ref} className="hover-label" hidden={!hoveredId || !structure} aria-hidden="true">
      {structure ? displayName(structure.name, structure.side) : ''}
    </div>
  );
}

export const CONTEXT_LOST_TEXT =
  'The 3D view lost its WebGL context (the graphics driver was reset, or the computer ran short of graphics memory). It comes back by itself when the browser allows; if it does not, reload the page: your quiz progress is saved.';

/**
 * A lost WebGL context leaves a blank canvas: say so, and offer to reload; when the browser gives
 * the context back (three.js sets its state up again), draw again and clear the message.
 */
function watchContext(canvas: HTMLCanvasElement, invalidate: () => void): void {
  canvas.addEventListener('webglcontextlost', (e) => {
    e.preventDefault(); // asks the browser to restore the context
    useStore.getState().appNoticeShown({ text: CONTEXT_LOST_TEXT, kind: 'error' });
  });
  canvas.addEventListener('webglcontextrestored', () => {
    const s = useStore.getState();
    if (s.appNotice?.text === CONTEXT_LOST_TEXT) s.appNoticeShown(null);
    invalidate();
  });
}

/**
 * The 3D viewport: canvas, body, camera rig, orientation HUD and hover label. Lazy-loaded so
 * three.js is not in the first JS the page needs.
 */
export default function Viewport() {
  const view = useRef<HTMLSpanElement>(null);
  const left = useRef<HTMLSpanElement>(null);
  const right = useRef<HTMLSpanElement>(null);
  const structureSelected = useStore((s) => s.structureSelected);
  const printStyle = useStore((s) => s.printStyle);

  return (
    <div className="viewport-inner">
      <Canvas
        frameloop="demand"
        flat
        dpr={[1, 2]}
        gl={{ antialias: true, preserveDrawingBuffer: true }}
        camera={{ fov: CAMERA_FOV_DEG, near: 0.02, far: 50, position: [...INITIAL.position] }}
        raycaster={{ firstHitOnly: true }}
        onCreated={({ gl, invalidate }) => watchContext(gl.domElement, invalidate)}
        onPointerMissed={() => {
          if (useStore.getState().mode !== 'needle') structureSelected(null);
        }}
        aria-label="3D body viewer. Drag to orbit, scroll to zoom, right-drag to pan."
        role="img"
      >
        <Background />
        <hemisphereLight args={['#f4f1ea', '#3b3631', 1.1]} />
        <directionalLight position={[2.2, 3.5, 3]} intensity={1.9} />
        <directionalLight position={[-3, 2, -2.5]} intensity={0.8} />
        <directionalLight position={[0, 1.5, -4]} intensity={0.45} />
        {!printStyle && <Floor />}
        <Body />
        <Needle />
        <NeedleGuide />
        <ReferralZones />
        <QuizScene />
        <TeachOverlay />
        <TriggerPointMarkers />
        <LungMap />
        <CameraRig />
        <AimDrag />
        <HudUpdater refs={{ view, left, right }} />
        <ReadySignal />
        {TEST_API && <TestApiBridge />}
      </Canvas>
      <div className="orientation-hud" aria-live="off">
        <span className="hud-view" ref={view}>
          Anterior view
        </span>
        <span className="hud-left" ref={left}>
          Patient&apos;s right
        </span>
        <span className="hud-right" ref={right}>
          Patient&apos;s left
        </span>
      </div>
      <HoverLabel />
    </div>
  );
}
