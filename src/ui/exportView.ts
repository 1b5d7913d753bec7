/**
 * Exports: the current view as a PNG with its legend, and a printable referral chart of a
 * trigger point (front and back views with the zone, its description and sources).
 */
import { browserCatalog } from '../domain/catalog/browser.ts';
import { regionIdsFor } from '../domain/catalog/load.ts';
import { ZONE_COLORS } from '../scene/catalogService.ts';
import { useStore } from '../store/index.ts';
import type { TriggerRef } from '../store/triggerSlice.ts';
import type { CameraPreset } from '../store/viewSlice.ts';
import { projectToView, sample, visibleShare, zonePoints } from '../domain/regions/frame.ts';
import { essentialRegions, triggerSpot, zoneFraming } from '../domain/regions/zoneFrame.ts';
import { CAMERA_FOV_DEG } from '../scene/cameraPresets.ts';
import type { BodyVec3 } from '../domain/units.ts';
import { sceneRegistry } from '../scene/registry.ts';
import { currentZoneWorld, focusOf, type FocusAt } from '../scene/zoneFocus.ts';

const CAVEAT =
  'Teaching aid, not clinical advice. One generated average adult; zones drawn from the published descriptions (Travell & Simons), not copied from any chart.';

function viewerCanvas(): HTMLCanvasElement {
  const c = document.querySelector<HTMLCanvasElement>('.viewport canvas');
  if (!c) throw new Error('exportView: the 3D view is not on the page');
  return c;
}

/** Waits for the scene to draw at least one more frame (it renders on demand). */
function nextFrames(n = 2): Promise<void> {
  return new Promise((resolve) => {
    const step = (k: number) => (k <= 0 ? resolve() : requestAnimationFrame(() => step(k - 1)));
    step(n);
  });
}

interface LegendLine {
  readonly color?: string;
  readonly text: string;
}

function legendLines(): LegendLine[] {
  const s = useStore.getState();
  const c = browserCatalog();
  const names = new Map(c.regions.map((r) => [r.id, r.name]));
  const lines: LegendLine[] = s.zoneTriggers.map((z, k) => ({
    color: ZONE_COLORS[k % ZONE_COLORS.length] ?? '#e8322b',
    text: `${c.triggerPoints.find((t) => t.id === z.id)?.name ?? z.id} (${z.side})`,
  }));
  if (lines.length > 0)
    lines.push({ text: 'Solid: essential zone · dots: spillover zone · ×: the point' });
  if (s.painRegions.length > 0)
    lines.push({
      color: '#f2f2ff',
      text: `Pain (hatched): ${s.painRegions.map((r) => names.get(r) ?? r).join(', ')}`,
    });
  lines.push({ text: CAVEAT });
  return lines;
}

/** The 3D view with a legend band under it, as a canvas. */
export async function composeView(): Promise<HTMLCanvasElement> {
  await nextFrames();
  const src = viewerCanvas();
  const lines = legendLines();
  const pad = 16;
  const lh = 22;
  const out = document.createElement('canvas');
  out.width = src.width;
  out.height = src.height + pad * 2 + lines.length * lh + 28;
  const g = out.getContext('2d');
  if (!g) throw new Error('exportView: no 2D context');
  g.fillStyle = '#15181d';
  g.fillRect(0, 0, out.width, out.height);
  g.drawImage(src, 0, 0);
  g.font = '600 16px system-ui, sans-serif';
  g.fillStyle = '#eef1f4';
  let y = src.height + pad + 16;
  g.fillText('Needlewise: referral zones', pad, y);
  g.font = '14px system-ui, sans-serif';
  for (const l of lines) {
    y += lh;
    let x = pad;
    if (l.color) {
      g.fillStyle = l.color;
      g.beginPath();
      g.arc(x + 7, y - 5, 7, 0, Math.PI * 2);
      g.fill();
      x += 22;
    }
    g.fillStyle = '#cfd6de';
    g.fillText(l.text, x, y, out.width - x - pad);
  }
  return out;
}

function download(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Downloads the current view with its legend as a PNG. */
export async function exportPng(): Promise<void> {
  const c = await composeView();
  download(c.toDataURL('image/png'), 'needlewise-view.png');
}

interface ChartShot {
  readonly png: string;
  /** Share of the essential zone the view sees (0–1), null when it cannot be measured. */
  readonly zoneSeen: number | null;
  /** Whether the point's spot on the skin is in sight (and so marked). */
  readonly pointSeen: boolean;
}

/** A bold × (light rim, dark core) at a place on a canvas, to be legible on skin and on red. */
function drawCross(g: CanvasRenderingContext2D, x: number, y: number, size: number): void {
  g.lineCap = 'round';
  for (const [w, colour] of [
    [size * 0.55, '#ffffff'],
    [size * 0.28, '#111111'],
  ] as const) {
    g.strokeStyle = colour;
    g.lineWidth = w;
    g.beginPath();
    g.moveTo(x - size, y - size);
    g.lineTo(x + size, y + size);
    g.moveTo(x - size, y + size);
    g.lineTo(x + size, y - size);
    g.stroke();
  }
}

/**
 * Flies to a view and, once it has settled, captures it with the point marked where the camera
 * sees it (projected from the placed point, after a line-of-sight check through the skin).
 */
async function shoot(
  at: FocusAt | null,
  fallback: CameraPreset,
  z: TriggerRef,
): Promise<ChartShot> {
  if (at) useStore.getState().placeFocused(at);
  else useStore.getState().cameraPresetChosen(fallback);
  // the camera flies for about a second
  await new Promise((r) => setTimeout(r, 1400));
  await nextFrames(3);
  const src = viewerCanvas();
  const out = document.createElement('canvas');
  out.width = src.width;
  out.height = src.height;
  const g = out.getContext('2d');
  if (!g) throw new Error('exportView: no 2D context');
  g.drawImage(src, 0, 0);
  const world = currentZoneWorld();
  const pose = sceneRegistry.camera?.pose();
  let zoneSeen: number | null = null;
  let pointSeen = false;
  if (world?.index && pose) {
    const eye = [...pose.position] as BodyVec3;
    const zone = zonePoints(world.skin, world.patches, essentialRegions(world, z));
    zoneSeen = visibleShare(world.index, eye, sample(zone.points, 80));
    const spot = triggerSpot(world, z);
    // the spot lies under the skin's outer face: in sight when only that face is in the way
    if (spot && visibleShare(world.index, eye, [spot.at], 1) === 1) {
      const ndc = projectToView(
        spot.at,
        eye,
        [...pose.target] as BodyVec3,
        CAMERA_FOV_DEG,
        out.width / out.height,
      );
      if (ndc && Math.abs(ndc.x) <= 1 && Math.abs(ndc.y) <= 1) {
        pointSeen = true;
        drawCross(g, ((ndc.x + 1) / 2) * out.width, ((1 - ndc.y) / 2) * out.height, out.width / 45);
      }
    }
  }
  return { png: out.toDataURL('image/png'), zoneSeen, pointSeen };
}

/** What a view of the chart shows, in words, for its caption. */
function shotCaption(side: string, shot: ChartShot): string {
  if (shot.zoneSeen === null) return side;
  const zone =
    shot.zoneSeen < 0.05
      ? 'no part of the zone faces this way'
      : shot.zoneSeen < 0.6
        ? 'part of the zone'
        : 'the zone';
  return `${side}: ${zone}${shot.pointSeen ? ', × the point' : ''}`;
}

/** The front and back of the zone's region, each framed on the zone and the point. */
function chartViews(z: TriggerRef): { front: FocusAt | null; back: FocusAt | null } {
  const world = currentZoneWorld();
  const framed = (from: BodyVec3) => {
    const f = world && zoneFraming(world, z, from);
    return f ? focusOf(f) : null;
  };
  return { front: framed([0, 0.12, 1]), back: framed([0, 0.12, -1]) };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * A printable referral chart for the first shown trigger point: the body from the front and
 * from the back with its zone, its location, zones, symptoms and sources. Opens in a new tab
 * (returns the page's HTML too, for tests).
 */
export async function printableChart(): Promise<string> {
  const s = useStore.getState();
  const z = s.zoneTriggers[0];
  if (!z) throw new Error('printableChart: show a trigger point first');
  const c = browserCatalog();
  const t = c.triggerPoints.find((x) => x.id === z.id);
  if (!t) throw new Error(`printableChart: unknown trigger point ${z.id}`);
  const names = new Map(c.regions.map((r) => [r.id, r.name]));
  const zone = (refs: readonly string[]) =>
    regionIdsFor(refs, z.side, c.regions)
      .map((id) => names.get(id) ?? id)
      .join('; ');
  // the markers of every other point would clutter the chart: hidden while it is shot, on
  // white for paper, the skin opaque so the zone lies on it
  const markers = s.triggerMarkers;
  const { layers, zoneSkinBefore } = s;
  const pose = sceneRegistry.camera?.pose();
  if (markers) s.triggerMarkersToggled();
  s.printStyleSet(true);
  // set and put back as they were, past the rule that remembers a skin set by hand
  useStore.setState({ layers: { ...layers, skin: { visible: true, opacity: 1 } } });
  let front: ChartShot;
  let back: ChartShot;
  try {
    const views = chartViews(z);
    front = await shoot(views.front, 'front', z);
    back = await shoot(views.back, 'back', z);
  } finally {
    const after = useStore.getState();
    if (markers) after.triggerMarkersToggled();
    after.printStyleSet(false);
    useStore.setState({ layers: { ...after.layers, skin: layers.skin }, zoneSkinBefore });
    if (pose) sceneRegistry.camera?.setPose(pose.position, pose.target);
  }
  const colour = ZONE_COLORS[0] ?? '#e8322b';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(t.name)}: referral chart</title>
<style>
@page{size:A4;margin:12mm}
body{font:11pt/1.4 system-ui,sans-serif;margin:0 auto;max-width:186mm;color:#111;background:#fff}
h1{font-size:17pt;margin:0 0 4mm}
.views{display:grid;grid-template-columns:1fr 1fr;gap:4mm}
.views figure{margin:0}
.views img{display:block;width:100%;height:auto;max-height:150mm;object-fit:contain;border:1px solid #bbb;background:#fff}
figcaption{text-align:center;font-weight:600;margin-top:1mm}
.key{display:flex;flex-wrap:wrap;gap:2mm 6mm;margin:3mm 0;font-size:10pt}
.swatch{display:inline-block;width:4mm;height:4mm;vertical-align:-0.6mm;margin-right:1.5mm;border:1px solid #555}
dl{margin:2mm 0}dt{font-weight:600;margin-top:2mm}dd{margin:0 0 0 4mm}
.sources{font-size:9.5pt}
.caveat{font-size:9pt;color:#333;margin-top:4mm;border-top:1px solid #bbb;padding-top:2mm}
@media print{button{display:none}}
</style></head>
<body><button onclick="print()">Print</button><h1>${esc(t.name)} (${z.side}): referral chart</h1>
<div class="views"><figure><img alt="The zone's region from the front" src="${front.png}"><figcaption>${esc(shotCaption('Front', front))}</figcaption></figure><figure><img alt="The zone's region from the back" src="${back.png}"><figcaption>${esc(shotCaption('Back', back))}</figcaption></figure></div>
<p class="key"><span><span class="swatch" style="background:${colour}"></span>Essential zone (solid)</span><span><span class="swatch" style="background:repeating-linear-gradient(45deg,${colour} 0 1mm,#fff 1mm 2mm)"></span>Spillover zone (dots)</span><span><b>×</b> the trigger point, where it is in sight</span></p>
<dl><dt>Location</dt><dd>${esc(t.location)}</dd><dt>Essential zone</dt><dd>${esc(zone(t.referral.essential))}</dd><dt>Spillover zone</dt><dd>${esc(zone(t.referral.spillover)) || '—'}</dd><dt>Symptoms</dt><dd>${esc(t.referral.symptoms.join('; '))}</dd><dt>Sources</dt><dd class="sources">${t.sources.map((x) => esc(x.citation)).join('<br>')}</dd></dl>
<p class="caveat">${esc(CAVEAT)}</p></body></html>`;
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  window.open(url, '_blank', 'noopener');
  return html;
}
