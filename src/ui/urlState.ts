/**
 * The view in the URL's hash, so a view can be shared or bookmarked and opens the same: mode,
 * selection, layers, X-ray, referral zones, pain map, needle, body build and camera. Pure
 * encode / decode (tested); anything malformed in a hash is skipped, never fatal.
 */
import { LAYER_IDS, type LayerId, type LayerState } from '../store/layers.ts';
import { MODES, type Mode } from '../store/viewSlice.ts';

export interface ViewState {
  mode?: Mode;
  selectedId?: string | null;
  layers?: Partial<Record<LayerId, LayerState>>;
  xray?: boolean;
  zones?: { id: string; side: 'left' | 'right' }[];
  pain?: string[];
  habitus?: string;
  needle?: {
    entry: [number, number, number];
    inward: [number, number, number];
    tiltDeg: number;
    azimuthDeg: number;
    depthMm: number;
    lengthMm: number;
  };
  camera?: { position: [number, number, number]; target: [number, number, number] };
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const num = (s: string) => {
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};
const nums = (s: string, n: number): number[] | null => {
  const v = s.split(',').map(num);
  return v.length === n && v.every((x) => x !== null) ? (v as number[]) : null;
};
const r = (x: number, d = 4) => String(Math.round(x * 10 ** d) / 10 ** d);

export function encodeView(v: ViewState): string {
  const p = new URLSearchParams();
  if (v.mode) p.set('m', v.mode);
  if (v.selectedId) p.set('s', v.selectedId);
  if (v.layers)
    p.set(
      'l',
      LAYER_IDS.map((id) => {
        const l = v.layers![id];
        return l ? `${l.visible ? 1 : 0}${r(l.opacity, 2)}` : '';
      }).join('_'),
    );
  if (v.xray) p.set('x', '1');
  if (v.zones?.length) p.set('z', v.zones.map((z) => `${z.id}:${z.side[0]}`).join(','));
  if (v.pain?.length) p.set('p', v.pain.join(','));
  if (v.habitus && v.habitus !== 'average') p.set('b', v.habitus);
  if (v.needle) {
    const n = v.needle;
    p.set(
      'n',
      [
        ...n.entry.map((x) => r(x, 5)),
        ...n.inward.map((x) => r(x, 4)),
        r(n.tiltDeg, 1),
        r(n.azimuthDeg, 1),
        r(n.depthMm, 1),
        r(n.lengthMm, 0),
      ].join(','),
    );
  }
  if (v.camera)
    p.set('c', [...v.camera.position, ...v.camera.target].map((x) => r(x, 3)).join(','));
  return p.toString();
}

/** Reads a hash (with or without '#'); returns what it could read and what it skipped. */
export function decodeView(hash: string): { view: ViewState; skipped: string[] } {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const view: ViewState = {};
  const skipped: string[] = [];
  const m = p.get('m');
  if (m !== null) {
    if ((MODES as readonly string[]).includes(m)) view.mode = m as Mode;
    else skipped.push(`mode "${m}"`);
  }
  const s = p.get('s');
  if (s !== null) {
    if (ID.test(s)) view.selectedId = s;
    else skipped.push(`selection "${s}"`);
  }
  const l = p.get('l');
  if (l !== null) {
    const parts = l.split('_');
    const layers: Partial<Record<LayerId, LayerState>> = {};
    LAYER_IDS.forEach((id, i) => {
      const part = parts[i];
      if (!part) return;
      const vis = part[0];
      const op = num(part.slice(1));
      if ((vis === '0' || vis === '1') && op !== null && op >= 0 && op <= 1)
        layers[id] = { visible: vis === '1', opacity: op };
      else skipped.push(`layer ${id} "${part}"`);
    });
    view.layers = layers;
  }
  if (p.get('x') === '1') view.xray = true;
  const z = p.get('z');
  if (z) {
    view.zones = z.split(',').flatMap((item) => {
      const [id, side] = item.split(':');
      if (id && ID.test(id) && (side === 'l' || side === 'r'))
        return [{ id, side: side === 'l' ? ('left' as const) : ('right' as const) }];
      skipped.push(`zone "${item}"`);
      return [];
    });
  }
  const pain = p.get('p');
  if (pain) {
    view.pain = pain.split(',').filter((id) => {
      const ok = ID.test(id);
      if (!ok) skipped.push(`pain region "${id}"`);
      return ok;
    });
  }
  const b = p.get('b');
  if (b !== null) {
    if (ID.test(b)) view.habitus = b;
    else skipped.push(`body "${b}"`);
  }
  const n = p.get('n');
  if (n !== null) {
    const v = nums(n, 10);
    if (v)
      view.needle = {
        entry: [v[0]!, v[1]!, v[2]!],
        inward: [v[3]!, v[4]!, v[5]!],
        tiltDeg: v[6]!,
        azimuthDeg: v[7]!,
        depthMm: v[8]!,
        lengthMm: v[9]!,
      };
    else skipped.push(`needle "${n}"`);
  }
  const c = p.get('c');
  if (c !== null) {
    const v = nums(c, 6);
    if (v) view.camera = { position: [v[0]!, v[1]!, v[2]!], target: [v[3]!, v[4]!, v[5]!] };
    else skipped.push(`camera "${c}"`);
  }
  return { view, skipped };
}
