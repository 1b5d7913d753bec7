/**
 * Exports: the current view as a PNG with its legend, and a printable referral chart of a
 * trigger point (front and back views with the zone, its description and sources).
 */
import { browserCatalog } from '../domain/catalog/browser.ts';
import { regionIdsFor } from '../domain/catalog/load.ts';
import { ZONE_COLORS } from '../scene/catalogService.ts';
import { useStore } from '../store/index.ts';
import type { CameraPreset } from '../store/viewSlice.ts';

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

async function shoot(preset: CameraPreset): Promise<string> {
  useStore.getState().cameraPresetChosen(preset);
  // the camera flies for about a second
  await new Promise((r) => setTimeout(r, 1400));
  await nextFrames(3);
  return viewerCanvas().toDataURL('image/png');
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
  // the markers of every other point would clutter the chart: hidden while it is shot
  const markers = s.triggerMarkers;
  if (markers) s.triggerMarkersToggled();
  let front: string;
  let back: string;
  try {
    front = await shoot('front');
    back = await shoot('back');
  } finally {
    if (markers) useStore.getState().triggerMarkersToggled();
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(t.name)}: referral chart</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;color:#111}h1{font-size:20px}.views{display:flex;gap:12px}.views figure{margin:0;flex:1}.views img{width:100%;background:#15181d}figcaption{text-align:center;font-weight:600}dt{font-weight:600;margin-top:6px}.caveat{font-size:12px;color:#444;margin-top:16px}@media print{button{display:none}}</style></head>
<body><button onclick="print()">Print</button><h1>${esc(t.name)} (${z.side}): referral chart</h1>
<div class="views"><figure><img alt="Front view with the zone" src="${front}"><figcaption>Front</figcaption></figure><figure><img alt="Back view with the zone" src="${back}"><figcaption>Back</figcaption></figure></div>
<dl><dt>Location</dt><dd>${esc(t.location)}</dd><dt>Essential zone (solid)</dt><dd>${esc(zone(t.referral.essential))}</dd><dt>Spillover zone (dots)</dt><dd>${esc(zone(t.referral.spillover)) || '—'}</dd><dt>Symptoms</dt><dd>${esc(t.referral.symptoms.join('; '))}</dd><dt>Sources</dt><dd>${t.sources.map((x) => esc(x.citation)).join('<br>')}</dd></dl>
<p class="caveat">${esc(CAVEAT)}</p></body></html>`;
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  window.open(url, '_blank', 'noopener');
  return html;
}
