/**
 * The quiz on the body: the spot the trainee clicked, the needle they are placing (plain grey:
 * no verdict colours while answering), the needle a "structure at risk" question shows, and,
 * once revealed, the key: the trigger point, the right needle and the answer's needle in its
 * verdict colour. Drawn on top of the body so a mark under the skin still reads.
 */
import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import { useShallow } from 'zustand/react/shallow';
import {
  CylinderGeometry,
  Group,
  Mesh,
  MeshBasicMaterial,
  Quaternion,
  SphereGeometry,
  Vector3,
} from 'three';
import { aimFrame, directionFromAim } from '../domain/needle/aim.ts';
import type { NeedleSpec } from '../domain/quiz/schema.ts';
import type { BodyVec3 } from '../domain/units.ts';
import { along, norm } from '../domain/vec.ts';
import { useStore } from '../store/index.ts';
import { settingsOf } from './needleService.ts';

const COLORS = {
  answer: '#ff9f1a',
  target: '#2fd46b',
  needle: '#c9ced6',
  safe: '#3d8bff',
  caution: '#ffb020',
  unsafe: '#ff3b30',
} as const;

const up = new Vector3(0, 1, 0);
const sphere = new SphereGeometry(1, 16, 12);
const cylinder = new CylinderGeometry(1, 1, 1, 10);

function material(color: string): MeshBasicMaterial {
  return new MeshBasicMaterial({ color, depthTest: false, transparent: true, opacity: 0.95 });
}

function dot(p: BodyVec3, color: string, radius = 0.006): Mesh {
  const m = new Mesh(sphere, material(color));
  m.position.set(p[0], p[1], p[2]);
  m.scale.setScalar(radius);
  m.renderOrder = 990;
  m.raycast = () => {};
  return m;
}

function rod(a: BodyVec3, b: BodyVec3, color: string, radius = 0.0012): Mesh {
  const va = new Vector3(...a);
  const vb = new Vector3(...b);
  const len = va.distanceTo(vb);
  const m = new Mesh(cylinder, material(color));
  m.position.copy(va).add(vb).multiplyScalar(0.5);
  if (len > 0) m.quaternion.copy(new Quaternion().setFromUnitVectors(up, vb.sub(va).normalize()));
  m.scale.set(radius, Math.max(len, 1e-4), radius);
  m.renderOrder = 991;
  m.raycast = () => {};
  return m;
}

/** A needle: the shaft in the body, a thinner part and a handle outside it. */
function needle(spec: NeedleSpec, color: string): Mesh[] {
  const d = norm(spec.direction);
  const tip = along(spec.entry, d, spec.depthMm / 1000);
  const out = along(spec.entry, d, -0.02);
  return [
    rod(spec.entry, tip, color),
    rod(out, spec.entry, COLORS.needle, 0.0008),
    rod(along(out, d, -0.012), out, COLORS.needle, 0.0025),
    dot(tip, color, 0.0022),
  ];
}

export function QuizScene() {
  const mode = useStore((s) => s.mode);
  const session = useStore((s) => s.quizSession);
  const point = useStore((s) => s.quizPoint);
  const input = useStore((s) => s.quizInput);
  const reveal = useStore((s) => s.quizReveal);
  const settings = useStore(useShallow(settingsOf));
  const invalidate = useThree((s) => s.invalidate);

  const group = useMemo(() => {
    const g = new Group();
    if (mode !== 'quiz' || !session) return g;
    const q = session.questions[session.index];
    if (!q) return g;
    const result = session.results[q.id];
    const answer = session.answers[q.id];
    const add = (...ms: Mesh[]) => ms.forEach((m) => g.add(m));
    // what the trainee is doing now
    if (q.type === 'locate') {
      const p = answer?.type === 'locate' ? answer.point : point;
      if (p && (input === 'point' || answer)) add(dot(p, COLORS.answer));
    }
    if (q.type === 'needle') {
      if (input === 'needle' && settings.entry) {
        const direction = directionFromAim(
          aimFrame(settings.entry.inward),
          settings.tiltDeg,
          settings.azimuthDeg,
        );
        add(
          ...needle(
            { entry: settings.entry.point, direction, depthMm: settings.depthMm },
            COLORS.needle,
          ),
        );
      } else if (answer?.type === 'needle') {
        const colour = result?.key.type === 'needle' && reveal ? result.key.verdict : null;
        add(...needle(answer, colour ? COLORS[colour] : COLORS.needle));
      }
    }
    if (q.type === 'structure-at-risk') add(...needle(q.needle, COLORS.needle));
    // the key, once shown
    if (reveal && result) {
      const k = result.key;
      if (k.type === 'locate') {
        add(dot(k.skin, COLORS.target, 0.007));
        if (answer?.type === 'locate') add(rod(answer.point, k.skin, COLORS.answer, 0.0008));
      }
      if (k.type === 'needle') {
        add(dot(k.target, COLORS.target, 0.005));
        if (k.recommended) add(...needle(k.recommended, COLORS.target));
      }
    }
    return g;
  }, [mode, session, point, input, reveal, settings]);

  useEffect(() => {
    invalidate();
    return () => {
      for (const o of group.children) ((o as Mesh).material as MeshBasicMaterial).dispose();
    };
  }, [group, invalidate]);

  return mode === 'quiz' ? <primitive object={group} /> : null;
}
