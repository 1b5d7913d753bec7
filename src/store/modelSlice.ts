import type { StateCreator } from 'zustand';
import type { Manifest, Structure } from '../domain/body/manifest.ts';
import type { MeshData } from '../domain/body/glb.ts';
import type { Full } from './types.ts';

export type ModelPhase = 'idle' | 'manifest' | 'downloading' | 'parsing' | 'ready' | 'error';

export interface ModelLoadError {
  readonly message: string;
  readonly url: string;
  /** HTTP status when the server answered with an error. */
  readonly status?: number;
}

export interface ModelSlice {
  modelPhase: ModelPhase;
  /** Bytes of the GLB received so far. */
  bytesReceived: number;
  /** From content-length; 0 when the server did not say. */
  bytesTotal: number;
  modelError: ModelLoadError | null;
  manifest: Manifest | null;
  /** The manifest's structures keyed by id. */
  structuresById: Readonly<Record<string, Structure>>;
  /** Geometry as read from the GLB (metres, body frame); the scene builds buffers from it. */
  meshes: readonly MeshData[] | null;
  /** Increments on every successful load, so the scene knows to rebuild. */
  modelRevision: number;
  /** The body build shown (an id of the manifest's habitus list). */
  habitus: string;
  /** A body build being fetched, or the error of the last attempt. */
  habitusPending: string | null;
  habitusError: string | null;

  modelLoadStarted: () => void;
  manifestLoaded: (manifest: Manifest) => void;
  modelBytesReceived: (received: number, total: number) => void;
  modelDownloaded: () => void;
  modelLoaded: (meshes: readonly MeshData[]) => void;
  modelLoadFailed: (error: ModelLoadError) => void;
  habitusLoadStarted: (id: string) => void;
  habitusLoaded: (id: string, meshes: readonly MeshData[]) => void;
  habitusLoadFailed: (id: string, message: string) => void;
}

export const createModelSlice: StateCreator<Full, [], [], ModelSlice> = (set) => ({
  modelPhase: 'idle',
  bytesReceived: 0,
  bytesTotal: 0,
  modelError: null,
  manifest: null,
  structuresById: {},
  meshes: null,
  modelRevision: 0,
  habitus: 'average',
  habitusPending: null,
  habitusError: null,

  modelLoadStarted: () =>
    set({
      modelPhase: 'manifest',
      bytesReceived: 0,
      bytesTotal: 0,
      modelError: null,
      meshes: null,
      habitus: 'average',
    }),
  manifestLoaded: (manifest) =>
    set({
      manifest,
      modelPhase: 'downloading',
      // no prototype: an id from a link such as "constructor" must not reach Object's members
      structuresById: Object.freeze(
        Object.assign(
          Object.create(null) as Record<string, Structure>,
          Object.fromEntries(manifest.structures.map((s) => [s.id, s])),
        ),
      ),
    }),
  modelBytesReceived: (received, total) => set({ bytesReceived: received, bytesTotal: total }),
  modelDownloaded: () => set({ modelPhase: 'parsing' }),
  modelLoaded: (meshes) =>
    set((s) => ({ meshes, modelPhase: 'ready', modelRevision: s.modelRevision + 1 })),
  modelLoadFailed: (error) => set({ modelPhase: 'error', modelError: error }),
  habitusLoadStarted: (id) => set({ habitusPending: id, habitusError: null }),
  habitusLoaded: (id, meshes) =>
    set((s) => ({
      habitus: id,
      habitusPending: null,
      meshes,
      modelRevision: s.modelRevision + 1,
    })),
  habitusLoadFailed: (id, message) =>
    set({ habitusPending: null, habitusError: `The ${id} body could not be loaded: ${message}` }),
});
