/**
 * Seeded mutations of a JSON file, for the fuzz tests of files from outside (quizzes, tours):
 * structural mutations of the parsed tree (keys deleted, values of another type, duplicated
 * elements, `__proto__` and friends as own keys, extreme numbers, deep nesting, stray keys) and
 * mutations of the text (truncated, random bytes, numbers JSON cannot hold, `__proto__` in the
 * text, deep nesting, lone surrogates). Each format adds its own on top.
 */
import type { mulberry32 } from '../../src/domain/random.ts';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

/** Words the mutations draw on, so that many mutated files stay near-valid. */
export interface FuzzVocabulary {
  /** Strings that mean something in the format (ids, sides…). */
  readonly strings: readonly string[];
  /** Keys of the format, put into random objects and onto existing ones. */
  readonly keys: readonly string[];
  /** Numbers near the format's limits. */
  readonly numbers: readonly number[];
}

/** Every place in a tree: its container and the key or index in it. */
type Slot = { parent: Json[] | JsonObject; key: string | number };

export function jsonFuzzer(rng: ReturnType<typeof mulberry32>, vocab: FuzzVocabulary) {
  const int = (n: number) => Math.floor(rng() * n);
  const choose = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const slots = (root: Json): Slot[] => {
    const out: Slot[] = [];
    const walk = (v: Json) => {
      if (Array.isArray(v))
        v.forEach((x, i) => {
          out.push({ parent: v, key: i });
          walk(x);
        });
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          out.push({ parent: v, key: k });
          walk(x);
        }
    };
    walk(root);
    return out;
  };
  const get = (s: Slot) => (s.parent as Record<string | number, Json>)[s.key]!;
  const set = (s: Slot, v: Json) => {
    (s.parent as Record<string | number, Json>)[s.key] = v;
  };
  const typeOf = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  const objects = (root: Json) =>
    [root, ...slots(root).map(get)].filter(
      (v): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v),
    );
  const randomValue = (depth = 0): Json => {
    switch (int(depth > 2 ? 4 : 6)) {
      case 0:
        return null;
      case 1:
        return rng() < 0.5;
      case 2:
        return choose([0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 2, 5e-324, ...vocab.numbers]);
      case 3:
        return choose(['', 'x'.repeat(int(800)), '<b>', '__proto__', ...vocab.strings]);
      case 4:
        return Array.from({ length: int(4) }, () => randomValue(depth + 1));
      default:
        return Object.fromEntries(
          Array.from({ length: int(3) }, () => [
            choose([...vocab.keys, 'a']),
            randomValue(depth + 1),
          ]),
        );
    }
  };
  const nested = (depth: number): Json => {
    let v: Json = 1;
    for (let i = 0; i < depth; i++) v = rng() < 0.5 ? [v] : { a: v };
    return v;
  };
  const defineOwn = (o: object, k: string, v: Json) =>
    Object.defineProperty(o, k, { value: v, enumerable: true, configurable: true, writable: true });

  /** Mutations of the parsed tree, in place. */
  const treeMutations: ((root: JsonObject) => void)[] = [
    // delete a key
    (root) => {
      const objs = slots(root).filter((s) => !Array.isArray(s.parent));
      if (!objs.length) return;
      const s = choose(objs);
      delete (s.parent as Record<string, Json>)[s.key];
    },
    // a value of another type
    (root) => {
      const all = slots(root);
      if (!all.length) return;
      const s = choose(all);
      const old = typeOf(get(s));
      let v = randomValue();
      for (let k = 0; k < 5 && typeOf(v) === old; k++) v = randomValue();
      set(s, v);
    },
    // a value of the same type, changed
    (root) => {
      const all = slots(root);
      if (!all.length) return;
      const s = choose(all);
      const v = get(s);
      if (typeof v === 'number') set(s, choose([v * 10, -v, v + 0.5, 0, 3.01, 2.01]));
      else if (typeof v === 'string') set(s, choose([v.toUpperCase(), `${v}-x`, v.repeat(3)]));
      else if (typeof v === 'boolean') set(s, !v);
    },
    // duplicate an array element
    (root) => {
      const arrays = slots(root)
        .map(get)
        .filter((v): v is Json[] => Array.isArray(v) && v.length > 0);
      if (!arrays.length) return;
      const a = choose(arrays);
      const i = int(a.length);
      a.splice(i, 0, structuredClone(a[i]!));
    },
    // __proto__, constructor or prototype as an own key
    (root) =>
      defineOwn(
        choose(objects(root)),
        choose(['__proto__', 'constructor', 'prototype']),
        choose<Json>([
          { polluted: true, isAdmin: true },
          null,
          'x',
          [1],
          { prototype: { polluted: 1 } },
        ]),
      ),
    // huge, tiny and unsafe numbers
    (root) => {
      const nums = slots(root).filter((s) => typeof get(s) === 'number');
      if (!nums.length) return;
      set(
        choose(nums),
        choose([1e308, -1e308, 2 ** 53 + 1, -(2 ** 31), 2 ** 32, 5e-324, -0, 0.1 + 0.2, 1e21]),
      );
    },
    // deep nesting
    (root) => {
      const all = slots(root);
      if (all.length) set(choose(all), nested(1 + int(rng() < 0.1 ? 1_000 : 100)));
    },
    // a stray key, or one named like an Object method
    (root) => {
      choose(objects(root))[
        choose([...vocab.keys, 'extra', 'toString', 'hasOwnProperty', 'valueOf'])
      ] = randomValue();
    },
  ];

  /** Mutations of the file's text. */
  const textMutations: ((t: string) => string)[] = [
    // truncate at a random byte (of the UTF-8 encoding)
    (t) => {
      const bytes = new TextEncoder().encode(t);
      return new TextDecoder().decode(bytes.slice(0, int(bytes.length)));
    },
    // random bytes, overwritten or inserted
    (t) => {
      const bytes = Array.from(new TextEncoder().encode(t));
      for (let k = 1 + int(8); k > 0; k--) {
        const at = int(bytes.length);
        if (rng() < 0.5) bytes[at] = int(256);
        else bytes.splice(at, 0, int(256));
      }
      return new TextDecoder().decode(new Uint8Array(bytes));
    },
    // a number written too large, or not as JSON
    (t) =>
      t.replace(
        /-?\d+(\.\d+)?/,
        choose(['1e400', '-1e400', 'NaN', 'Infinity', '0x10', '1_000', '9'.repeat(400)]),
      ),
    // a __proto__ key in the text, right after a random opening brace
    (t) => {
      const braces = [...t.matchAll(/\{/g)].map((m) => m.index);
      const at = choose(braces) + 1;
      return `${t.slice(0, at)}"__proto__": {"polluted": true, "isAdmin": true},${t.slice(at)}`;
    },
    // deep nesting in the text, far deeper than JSON.stringify could write, for a side
    (t) => {
      const n = 1 + int(rng() < 0.2 ? 200_000 : 2_000);
      const [open, close] = rng() < 0.5 ? ['[', ']'] : ['{"a":', '}'];
      return t.replace(/"side": "(left|right)"/, `"side": ${open.repeat(n)}1${close.repeat(n)}`);
    },
    // a lone surrogate or a control character inside a side
    (t) =>
      t.replace(
        /"(left|right)"/,
        (_m, s: string) => `"${s}${choose(['\\ud800', '\u0000', '\\u0000', '\u2028'])}"`,
      ),
  ];

  /**
   * One mutated file: mostly 1–3 tree mutations of a fresh document (then sometimes a text one),
   * otherwise 1–3 mutations of the valid text itself.
   */
  function mutant<D extends JsonObject>(
    fresh: () => D,
    text: string,
    tree: readonly ((root: D) => void)[],
    texts: readonly ((t: string) => string)[],
  ): string {
    const steps = 1 + int(3);
    if (rng() < 0.7) {
      const root = fresh();
      for (let k = 0; k < steps; k++) choose(tree)(root);
      const t = JSON.stringify(root, null, int(2) * 2);
      return rng() < 0.2 ? choose(texts)(t) : t;
    }
    let t = text;
    for (let k = 0; k < steps; k++) t = choose(texts)(t);
    return t;
  }

  return { int, choose, treeMutations, textMutations, mutant };
}

/** Object.prototype's own keys, to check afterwards that no file added any. */
export const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
