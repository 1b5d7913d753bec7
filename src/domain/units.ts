/**
 * Units and spaces in the types. A depth in the wrong unit is a safety bug, so lengths
 * carry their unit as a brand: the compiler refuses a `Metres` where `Mm` is expected.
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Millimetres: every depth and distance shown to a user. */
export type Mm = Brand<number, 'mm'>;
/** Metres: the body frame of the model (CONTRACTS §1). */
export type Metres = Brand<number, 'm'>;
export type Degrees = Brand<number, 'deg'>;
export type Radians = Brand<number, 'rad'>;

/** A point or direction in the body frame: metres, +Y up, +Z anterior, +X patient's left. */
export type BodyVec3 = readonly [number, number, number];

export const mm = (v: number): Mm => v as Mm;
export const metres = (v: number): Metres => v as Metres;
export const degrees = (v: number): Degrees => v as Degrees;
export const radians = (v: number): Radians => v as Radians;

export const metresToMm = (v: Metres): Mm => (v * 1000) as Mm;
export const mmToMetres = (v: Mm): Metres => (v / 1000) as Metres;
export const degToRad = (v: Degrees): Radians => ((v * Math.PI) / 180) as Radians;
export const radToDeg = (v: Radians): Degrees => ((v * 180) / Math.PI) as Degrees;
