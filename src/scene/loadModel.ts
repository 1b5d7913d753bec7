import { readGlb } from '../domain/body/glb.ts';
import type { MeshData } from '../domain/body/glb.ts';
import { withMeshes } from '../domain/body/habitus.ts';
import { parseManifest } from '../domain/body/manifest.ts';
import { useStore } from '../store/index.ts';

/** Where the model is served from (CONTRACTS §2). */
export interface LoadModelOptions {
  /** The manifest URL. */
  manifestUrl: string;
  /** The GLB URL. */
  glbUrl: string;
}
export const LOAD_MODEL_DEFAULTS: LoadModelOptions = {
  manifestUrl: '/models/body.json',
  glbUrl: '/models/body.glb',
};

class HttpError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    statusText: string,
  ) {
    super(`loadModel: ${url} answered ${status} ${statusText}`.trim());
  }
}

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url, { cache: 'no-cache' });
  if (!res.ok) throw new HttpError(url, res.status, res.statusText);
  return res;
}

/** Reads a response body chunk by chunk so the progress bar shows real bytes. */
async function readWithProgress(res: Response, onBytes: (received: number, total: number) => void) {
  const header = Number(res.headers.get('content-length') ?? '0');
  // a compressed response's length is the compressed size: only trust it for identity encoding
  const total = res.headers.get('content-encoding') ? 0 : Number.isFinite(header) ? header : 0;
  if (!res.body) {
    const buf = new Uint8Array(await res.arrayBuffer());
    onBytes(buf.byteLength, total || buf.byteLength);
    return buf;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  let lastReport = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    const now = performance.now();
    if (now - lastReport > 50) {
      lastReport = now;
      onBytes(received, total);
    }
  }
  onBytes(received, total || received);
  const out = new Uint8Array(received);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

let generation = 0;
/** The main model's meshes, to go back to the average body and to build the others on. */
let baseMeshes: readonly MeshData[] | null = null;
const habitusMeshes = new Map<string, readonly MeshData[]>();

/**
 * Loads the manifest and the GLB into the store, reporting bytes as they arrive. Clears the
 * ready signal (CONTRACTS §4) while loading; the scene sets it after the first frame with the body.
 */
export async function loadModel(options: Partial<LoadModelOptions> = {}): Promise<void> {
  const { manifestUrl, glbUrl } = { ...LOAD_MODEL_DEFAULTS, ...options };
  const store = useStore.getState();
  const mine = ++generation;
  delete document.body.dataset.sceneReady;
  store.modelLoadStarted();
  let url = manifestUrl;
  try {
    const manifestRes = await fetchOk(manifestUrl);
    const manifest = parseManifest(await manifestRes.json(), manifestUrl);
    if (mine !== generation) return;
    store.manifestLoaded(manifest);
    url = glbUrl;
    const glbRes = await fetchOk(glbUrl);
    const bytes = await readWithProgress(glbRes, (r, t) => {
      if (mine === generation) useStore.getState().modelBytesReceived(r, t);
    });
    if (mine !== generation) return;
    store.modelDownloaded();
    // let the "parsing" state paint before the synchronous parse
    await new Promise((r) => setTimeout(r, 0));
    const meshes = readGlb(bytes);
    if (mine !== generation) return;
    baseMeshes = meshes;
    habitusMeshes.clear();
    store.modelLoaded(meshes);
  } catch (err) {
    if (mine !== generation) return;
    const message = err instanceof Error ? err.message : String(err);
    store.modelLoadFailed(
      err instanceof HttpError ? { message, url: err.url, status: err.status } : { message, url },
    );
  }
}

/**
 * Switches to a body build of the manifest's habitus list: fetches its skin and fat (once) and
 * puts them in place of the main model's. A failure leaves the current body as it is.
 */
export async function loadHabitus(id: string): Promise<void> {
  const store = useStore.getState();
  const h = store.manifest?.habitus?.find((x) => x.id === id);
  if (!baseMeshes || !store.manifest) return;
  if (!h) {
    store.habitusLoadFailed(id, 'this model does not offer it');
    return;
  }
  const known = habitusMeshes.get(id);
  if (known) {
    store.habitusLoaded(id, known);
    return;
  }
  store.habitusLoadStarted(id);
  try {
    let meshes = baseMeshes;
    if (h.glb) {
      const url = new URL(h.glb, new URL(LOAD_MODEL_DEFAULTS.glbUrl, location.href)).pathname;
      const res = await fetchOk(url);
      meshes = withMeshes(baseMeshes, readGlb(new Uint8Array(await res.arrayBuffer())));
    }
    habitusMeshes.set(id, meshes);
    useStore.getState().habitusLoaded(id, meshes);
  } catch (err) {
    useStore.getState().habitusLoadFailed(id, err instanceof Error ? err.message : String(err));
  }
}
