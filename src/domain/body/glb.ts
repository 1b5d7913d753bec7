/**
 * A small reader for the body GLB, shared by the app, the command line and the tests, so that
 * every depth is measured on exactly the triangles the viewer draws. It reads what the model
 * generator writes: one node per structure, named by its structure id, one triangle primitive with
 * POSITION, indices and (for muscles) a `_FIBER` attribute: the unit fibre direction per vertex;
 * positions quantized (KHR_mesh_quantization) and buffer views meshopt-encoded
 * (EXT_meshopt_compression), which the meshoptimizer decoder undoes.
 */

export interface MeshData {
  /** Structure id: the glTF node name. */
  readonly id: string;
  /** Vertex positions in the body frame, metres, xyz interleaved. */
  readonly positions: Float32Array;
  /** Triangle vertex indices, three per triangle, counter-clockwise seen from outside. */
  readonly indices: Uint32Array;
  /** Unit fibre direction per vertex (muscles only). */
  readonly fibers?: Float32Array;
}

import { MeshoptDecoder } from 'meshoptimizer/decoder';

// the decoder's WebAssembly is instantiated once, before any model is read
await MeshoptDecoder.ready;

const GLB_MAGIC = 0x46546c67; // "glTF"
const CHUNK_JSON = 0x4e4f534a;
const CHUNK_BIN = 0x004e4942;

interface Accessor {
  bufferView?: number;
  byteOffset?: number;
  componentType: number;
  count: number;
  type: string;
  normalized?: boolean;
}
interface MeshoptView {
  buffer: number;
  byteOffset?: number;
  byteLength: number;
  byteStride: number;
  count: number;
  mode: 'ATTRIBUTES' | 'TRIANGLES' | 'INDICES';
  filter?: 'NONE' | 'OCTAHEDRAL' | 'QUATERNION' | 'EXPONENTIAL';
}
interface BufferView {
  buffer?: number;
  byteOffset?: number;
  byteLength: number;
  byteStride?: number;
  extensions?: { EXT_meshopt_compression?: MeshoptView };
}
interface GltfJson {
  nodes?: {
    name?: string;
    mesh?: number;
    translation?: number[];
    scale?: number[];
    rotation?: number[];
    matrix?: number[];
  }[];
  meshes?: {
    primitives: { attributes: Record<string, number>; indices?: number; mode?: number }[];
  }[];
  accessors?: Accessor[];
  bufferViews?: BufferView[];
}

const COMPONENTS: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4 };

/** A buffer view's bytes: the BIN chunk's, or decoded from EXT_meshopt_compression. */
type ViewBytes = (view: number) => { data: DataView; base: number };

function viewReader(json: GltfJson, bin: DataView): ViewBytes {
  const decoded = new Map<number, DataView>();
  return (i) => {
    const view = json.bufferViews?.[i];
    if (!view) throw new Error(`readGlb: buffer view ${i} is missing`);
    const mo = view.extensions?.EXT_meshopt_compression;
    if (!mo) return { data: bin, base: view.byteOffset ?? 0 };
    let data = decoded.get(i);
    if (!data) {
      const src = new Uint8Array(bin.buffer, bin.byteOffset + (mo.byteOffset ?? 0), mo.byteLength);
      const out = new Uint8Array(mo.count * mo.byteStride);
      MeshoptDecoder.decodeGltfBuffer(out, mo.count, mo.byteStride, src, mo.mode, mo.filter);
      data = new DataView(out.buffer);
      decoded.set(i, data);
    }
    return { data, base: 0 };
  };
}

function readAccessor(json: GltfJson, bytes: ViewBytes, index: number): Float32Array | Uint32Array {
  const acc = json.accessors?.[index];
  if (!acc) throw new Error(`readGlb: accessor ${index} is missing`);
  const view = acc.bufferView === undefined ? undefined : json.bufferViews?.[acc.bufferView];
  if (!view || acc.bufferView === undefined)
    throw new Error(`readGlb: accessor ${index} has no buffer view`);
  const { data: bin, base: viewBase } = bytes(acc.bufferView);
  const n = COMPONENTS[acc.type];
  if (!n) throw new Error(`readGlb: accessor ${index} has unsupported type ${acc.type}`);
  const size: Record<number, number> = { 5126: 4, 5125: 4, 5123: 2, 5122: 2, 5120: 1 };
  const comp = size[acc.componentType];
  if (!comp)
    throw new Error(
      `readGlb: accessor ${index} has unsupported component type ${acc.componentType}`,
    );
  // attributes may be interleaved: honour the buffer view's stride
  const stride = view.byteStride ?? n * comp;
  const base = viewBase + (acc.byteOffset ?? 0);
  const out =
    acc.componentType === 5126 || acc.componentType === 5120 || acc.componentType === 5122
      ? new Float32Array(acc.count * n)
      : new Uint32Array(acc.count * n);
  for (let i = 0; i < acc.count; i++) {
    const at = base + i * stride;
    for (let j = 0; j < n; j++) {
      const o = at + j * comp;
      let v: number;
      switch (acc.componentType) {
        case 5126:
          v = bin.getFloat32(o, true);
          break;
        case 5125:
          v = bin.getUint32(o, true);
          break;
        case 5123:
          v = bin.getUint16(o, true);
          break;
        case 5122:
          // quantized positions: dequantized by the node's scale and translation
          v = acc.normalized ? Math.max(bin.getInt16(o, true) / 32767, -1) : bin.getInt16(o, true);
          break;
        default:
          // normalized signed bytes: used for fibre directions
          v = Math.max(bin.getInt8(o) / 127, -1);
      }
      out[i * n + j] = v;
    }
  }
  return out;
}

/** Parses a binary glTF written by the model generator into one MeshData per named node. */
export function readGlb(data: ArrayBuffer | Uint8Array): MeshData[] {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 20 || dv.getUint32(0, true) !== GLB_MAGIC) {
    throw new Error('readGlb: not a binary glTF file (bad magic)');
  }
  let offset = 12;
  let json: GltfJson | undefined;
  let bin: DataView | undefined;
  while (offset + 8 <= bytes.byteLength) {
    const len = dv.getUint32(offset, true);
    const type = dv.getUint32(offset + 4, true);
    const start = offset + 8;
    if (start + len > bytes.byteLength) throw new Error('readGlb: truncated chunk');
    if (type === CHUNK_JSON) {
      json = JSON.parse(new TextDecoder().decode(bytes.subarray(start, start + len))) as GltfJson;
    } else if (type === CHUNK_BIN) {
      bin = new DataView(bytes.buffer, bytes.byteOffset + start, len);
    }
    offset = start + len;
  }
  if (!json || !bin) throw new Error('readGlb: missing JSON or BIN chunk');
  const views = viewReader(json, bin);
  const out: MeshData[] = [];
  for (const node of json.nodes ?? []) {
    if (node.mesh === undefined || !node.name) continue;
    const prim = json.meshes?.[node.mesh]?.primitives[0];
    if (!prim) continue;
    const posIndex = prim.attributes.POSITION;
    if (posIndex === undefined || prim.indices === undefined) {
      throw new Error(`readGlb: node ${node.name} lacks POSITION or indices`);
    }
    const positions = readAccessor(json, views, posIndex) as Float32Array;
    if (node.matrix || node.rotation) {
      throw new Error(
        `readGlb: node ${node.name} has a rotation or matrix; only scale and translation are read`,
      );
    }
    const t = node.translation ?? [0, 0, 0];
    const sc = node.scale ?? [1, 1, 1];
    if (t.some((x) => x !== 0) || sc.some((x) => x !== 1)) {
      for (let i = 0; i < positions.length; i++)
        positions[i] = t[i % 3]! + sc[i % 3]! * positions[i]!;
    }
    const indices = Uint32Array.from(readAccessor(json, views, prim.indices));
    const fiberIndex = prim.attributes._FIBER;
    const fibers =
      fiberIndex === undefined
        ? undefined
        : (readAccessor(json, views, fiberIndex) as Float32Array);
    out.push(
      fibers
        ? { id: node.name, positions, indices, fibers }
        : { id: node.name, positions, indices },
    );
  }
  return out;
}
